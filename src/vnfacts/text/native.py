"""Calls into underthesea's Rust core with standard error kept clean.

Rust's default panic hook writes "thread ... panicked at ..." (and, with RUST_BACKTRACE=1,
a backtrace of hundreds of lines) straight to file descriptor 2 before pyo3 turns the panic
into a Python exception: no Python-level redirection can catch it. tokens.py never feeds the
featurizer what makes it panic (see `crf_text`); this is the second line of defence, for
inputs nobody has found yet.

`quiet_native(call)` points descriptor 2 at a scratch file for the call. What the call wrote
is replayed to stderr if it returned normally (nothing is ever lost), and dropped if it
panicked (the caller handles the exception). Two `dup2` calls cost a few microseconds, which
is nothing beside a CRF prediction.

>>> quiet_native(lambda: 6 * 7)
42
"""
from __future__ import annotations

import os
import sys
import tempfile
import threading
from typing import Callable, TypeVar

T = TypeVar("T")

_lock = threading.Lock()  # one redirection at a time: descriptor 2 is shared by every thread
_scratch: dict[int, int] = {}  # pid -> descriptor of its scratch file (a forked worker makes its own)


def _scratch_fd() -> int:
    pid = os.getpid()
    if pid not in _scratch:
        fd, path = tempfile.mkstemp(prefix="vnfacts-stderr-")
        os.unlink(path)  # nameless: gone with the process
        _scratch[pid] = fd
    return _scratch[pid]


def quiet_native(call: Callable[[], T]) -> T:
    """`call()` with whatever it writes to descriptor 2 held back; written out unless it raised."""
    try:
        err = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):  # no real stderr (a test capture): nothing to guard
        return call()
    with _lock:
        scratch = _scratch_fd()
        sys.stderr.flush()
        saved = os.dup(err)
        os.ftruncate(scratch, 0)
        os.lseek(scratch, 0, os.SEEK_SET)
        os.dup2(scratch, err)
        raised = True
        try:
            result = call()
            raised = False
        finally:
            sys.stderr.flush()
            os.dup2(saved, err)
            os.close(saved)
            if not raised:
                _replay(scratch, err)
    return result


def _replay(scratch: int, err: int) -> None:
    size = os.lseek(scratch, 0, os.SEEK_CUR)
    if size:
        os.lseek(scratch, 0, os.SEEK_SET)
        os.write(err, os.read(scratch, size))
