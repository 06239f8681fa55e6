"""Documents through extraction, in a pool of processes, results in input order.

Each worker process builds its Extractor once (rules compiled once per worker, not per
document). At most `window` documents are in flight; results come back in input order, so
memory stays bounded however long the input. `workers=1` runs in the calling process.

A `Stop` flag (set by the CLI's Ctrl-C handler) ends a run cleanly: no new document is started,
documents already running are finished and yielded, the rest are left for `--resume`.

>>> from vnfacts.batch.records import Item
>>> docs = list(run([Item("a", "Tăng 5%"), Item("b", bytes(range(256)))], workers=1))
>>> [(type(d).__name__, d.source) for d in docs]
[('Document', 'a'), ('Failure', 'b')]
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import Iterable, Iterator, Sequence, Union

from ..input.decode import decode_bytes
from ..errors import InputError, RuleTimeout
from ..extractor import Extractor, as_date
from ..model import Document
from .records import Failure, Item

Result = Union[Document, Failure]

#: A sentence that makes extraction load everything it loads lazily (tokenizer, word and POS models).
#: ("3 đoàn tàu": a count of a plain noun needs underthesea's word segmentation and POS tags.)
WARM_UP = ("Ông Nguyễn Văn An, Chủ tịch UBND tỉnh, cho biết ngày 5/10/2024 xã có 120 hộ nghèo được hỗ trợ 5 tỷ đồng.\n"
           "Tỉnh đã đón 3 đoàn tàu và 12 chuyên gia, tăng 3%.")


class Stop:
    """A flag a signal handler may set: the run stops taking new documents.

    >>> s = Stop(); s.requested
    False
    """

    def __init__(self) -> None:
        self.requested = False

    def set(self) -> None:
        self.requested = True


def default_workers() -> int:
    """The CPUs this process may use.

    >>> default_workers() >= 1
    True
    """
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def process_item(extractor: Extractor, item: Item) -> Result:
    """Decode and extract one item; every problem becomes a Failure, never an exception.

    >>> process_item(Extractor(), Item("r:1", "Tăng 5%", published="hôm qua")).kind
    'bad_record'
    >>> process_item(Extractor(), Item("a.txt", "Tăng 5%".encode("utf-16"))).meta["encoding"]
    'utf-16'
    """
    if item.failure:
        return item.failure
    source = item.source
    if item.published is not None:
        try:
            as_date(item.published)
        except (ValueError, TypeError):
            return Failure(source, "bad_record", f"{source}: published {item.published!r} is not an ISO date")
    try:
        if isinstance(item.data, str):  # a JSON Lines record's text: no bytes, no encoding of its own
            return extractor.extract(item.data, published=item.published, source=source)
        # an HTML page may carry its publication date in its metadata
        decoded = decode_bytes(item.data or b"", source)
        doc = extractor.extract(decoded.text, published=decoded.published, source=source)
        return replace(doc, meta={**doc.meta, "encoding": decoded.encoding})  # as extract records it
    except InputError as exc:
        return Failure(source, "decode", str(exc))
    except RuleTimeout as exc:
        return Failure(source, "rule_timeout", f"{source}: {exc}")
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # a bug, or a panic in native code (pyo3's PanicException), costs one document
        return Failure(source, "internal", f"{source}: {type(exc).__name__}: {str(exc)[:200]}")


def run(items: Iterable[Item], *, workers: int = 1, rules: Sequence[str] = (), extractor: Extractor | None = None,
        stop: Stop | None = None, window: int | None = None) -> Iterator[Result]:
    """Results of `items` in their order, from `workers` processes (1: this process).

    `extractor` (default: one built from `rules`) is the one used here, and in forked workers.
    """
    stop = stop or Stop()
    if workers <= 1:
        extractor = extractor or Extractor(rules)
        for item in items:
            if stop.requested:
                return
            yield process_item(extractor, item)
        return
    global _EXTRACTOR
    # Rule errors surface here, once. The extractor and the models it loads lazily are ready before
    # the workers fork, so they share them (with spawn, each worker builds its own from `rules`).
    _EXTRACTOR = extractor or Extractor(rules)
    _EXTRACTOR.extract(WARM_UP)
    try:
        yield from _pooled(iter(items), workers, tuple(rules), stop, window or 4 * workers)
    finally:
        _EXTRACTOR = None


_EXTRACTOR: Extractor | None = None


def _init_worker(rules: tuple[str, ...]) -> None:
    global _EXTRACTOR
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool must be able to end its workers
    if _EXTRACTOR is None:  # spawned, not forked
        _EXTRACTOR = Extractor(rules)
        _EXTRACTOR.extract(WARM_UP)


def _work(item: Item) -> Result:
    assert _EXTRACTOR is not None
    return process_item(_EXTRACTOR, item)


def can_fork() -> bool:
    """Can workers be forked (sharing the parent's compiled rules and loaded models)? Not on
    macOS, where forking a process with threads is unsafe."""
    return "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"


def _context():
    # the parent starts no threads before the pool (the progress bar refreshes from the main loop)
    return multiprocessing.get_context("fork" if can_fork() else "spawn")


def _pool(workers: int, rules: tuple[str, ...]) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=_context(), initializer=_init_worker, initargs=(rules,))


def _pooled(items: Iterator[Item], workers: int, rules: tuple[str, ...], stop: Stop, window: int) -> Iterator[Result]:
    pool = _pool(workers, rules)
    pending: deque[tuple[Item, Future | Failure]] = deque()
    retried: set[str] = set()  # sources already given a second chance after a worker died
    try:
        while True:
            waiting = True
            while pending and (waiting or _ready(pending[0][1])):  # the head, then whatever else is done
                waiting = False
                item, job = pending[0]
                result, broken = _take(pending)
                if broken:  # a worker died: what was in flight goes to a new pool, once
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = _pool(workers, rules)
                    if item.source not in retried:
                        retried.add(item.source)
                        pending.appendleft((item, job))
                        result = None
                    pending = deque((it, j if isinstance(j, Failure) else pool.submit(_work, it)) for it, j in pending)
                if result is not None:
                    yield result
            while len(pending) < window and not stop.requested:
                item = next(items, None)
                if item is None:
                    break
                pending.append((item, item.failure or pool.submit(_work, item)))
            if stop.requested:
                for _, job in pending:
                    if isinstance(job, Future):
                        job.cancel()  # not started yet: left for --resume
            if not pending:
                return
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _ready(job: Future | Failure) -> bool:
    return isinstance(job, Failure) or job.done()


def _take(pending: deque) -> tuple[Result | None, bool]:
    """The head's result (None for a cancelled one), and whether its worker process died."""
    item, job = pending.popleft()
    if isinstance(job, Failure):
        return job, False
    if job.cancelled():
        return None, False
    try:
        return job.result(), False
    except BrokenProcessPool:
        return Failure(item.source, "internal", f"{item.source}: a worker process died while extracting it"), True
