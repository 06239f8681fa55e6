"""Documents through extraction, in worker processes, results in input order.

Each worker process builds its Extractor once (rules compiled once per worker, not per
document), or shares the parent's when forked. At most `window` documents are in flight or
waiting; results come back in input order, so memory stays bounded however long the input
(schedule.py). A document past `doc_timeout` seconds becomes a `timeout` failure (pool.py kills
its worker). `workers=1` without a time limit runs in the calling process.

A `Stop` flag (set by the CLI's Ctrl-C and SIGTERM handler) ends a run within seconds: no new
document is started, documents already running get a short grace to finish, every finished
document is yielded, the rest are left for `--resume`.

>>> from vnfacts.batch.records import Item
>>> docs = list(run([Item("a", "Tăng 5%"), Item("b", bytes(range(256)))], workers=1))
>>> [(type(d).__name__, d.source) for d in docs]
[('Document', 'a'), ('Failure', 'b')]
"""
from __future__ import annotations

import os
from dataclasses import replace
from typing import Iterable, Iterator, Sequence, Union

from ..input.decode import decode_bytes
from ..errors import InputError, RuleTimeout
from ..extractor import Extractor, as_date
from ..model import Document
from .pool import context
from .records import Failure, Item
from .schedule import Pool, in_order

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
        stop: Stop | None = None, window: int | None = None, doc_timeout: float | None = None) -> Iterator[Result]:
    """Results of `items` in their order, from `workers` processes.

    `extractor` (default: one built from `rules`) is the one used here, and in forked workers.
    `doc_timeout` (seconds; None or 0: no limit): a document that takes longer becomes a
    `timeout` Failure and the run goes on. With a limit, even one worker is a child process
    (the only sound way to stop native code); without one, `workers=1` runs in this process.
    At most `window` documents (default WINDOW_PER_WORKER per worker) are in flight or
    finished and waiting for an earlier one: a slow document holds back at most that many.
    """
    stop = stop or Stop()
    if workers <= 1 and not doc_timeout:
        extractor = extractor or Extractor(rules)
        for item in items:
            if stop.requested:
                return
            yield process_item(extractor, item)
        return
    global _EXTRACTOR, _RULES
    # Rule errors surface here, once. The extractor and the models it loads lazily are ready before
    # the workers fork, so they share them (with spawn, each worker builds its own from `rules`).
    _EXTRACTOR = extractor or Extractor(rules)
    _EXTRACTOR.extract(WARM_UP)
    _RULES = tuple(rules)
    try:
        yield from in_order(iter(items), Pool(max(1, workers), _setup_worker, _call_work), stop,
                            window or WINDOW_PER_WORKER * max(1, workers), doc_timeout or None)
    finally:
        _EXTRACTOR = None


#: Documents in flight or waiting to be written, per worker (see run's `window`).
WINDOW_PER_WORKER = 16

_EXTRACTOR: Extractor | None = None
_RULES: tuple[str, ...] = ()


def _setup_worker() -> None:
    global _EXTRACTOR
    if _EXTRACTOR is None:  # spawned, not forked
        _EXTRACTOR = Extractor(_RULES)
        _EXTRACTOR.extract(WARM_UP)


def _work(item: Item) -> Result:
    assert _EXTRACTOR is not None
    return process_item(_EXTRACTOR, item)


def _call_work(item: Item) -> Result:
    return _work(item)  # looked up at each call: tests replace _work


def can_fork() -> bool:
    """Can workers be forked (sharing the parent's compiled rules and loaded models)? Not on
    macOS, where forking a process with threads is unsafe."""
    return context().get_start_method() == "fork"
