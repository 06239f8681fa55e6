"""Items through worker processes, results in input order through a bounded reorder buffer.

Every worker holds one document at a time; the next free worker takes the next document. A
result that is done waits in the buffer until every earlier one is out, so the output keeps
input order. The buffer holds at most `window` documents (in flight or waiting) and at most
MAX_BUFFERED characters of finished text: a slow document holds back the output, never the
other workers, which go on with up to `window` documents after it. It holds back at most
`doc_timeout` seconds: then its worker is killed and it is a `timeout` failure.

A worker that dies (a crash in native code, the OOM killer) costs its document a second try in
a fresh worker, then an `internal` failure. When `stop` is set: no new document is started,
those running get GRACE seconds to finish, every finished document is yielded (in input order,
leaving out the ones cut short, which `--resume` does), the workers are ended.
"""
from __future__ import annotations

import time
from collections import deque
from typing import Any, Callable, Iterator

from .pool import Worker, context, ready
from .records import Failure, Item

#: Seconds the documents running when a stop is asked for get to finish.
GRACE = 2.0
#: Characters of finished documents the reorder buffer may hold before no new document is read.
MAX_BUFFERED = 64_000_000
_TICK = 0.2  # how often the parent looks at the stop flag and the clock while it waits


class Pool:
    """`size` worker processes running `work` (after `setup`), replaced when killed or dead."""

    def __init__(self, size: int, setup: Callable[[], None], work: Callable[[Any], Any]):
        self.size, self.setup, self.work = size, setup, work
        self.ctx = context()
        self.workers: list[Worker] = []

    def start(self) -> None:
        while len(self.workers) < self.size:
            self.workers.append(Worker(self.ctx, self.setup, self.work, self.workers))

    def replace(self, worker: Worker) -> None:
        worker.kill()
        self.workers.remove(worker)
        self.start()

    def idle(self) -> list[Worker]:
        return [w for w in self.workers if w.task is None]

    def shutdown(self) -> None:
        for w in self.workers:
            if w.task is None:
                w.close()
            else:
                w.kill()
        self.workers = []


class _Entry:
    __slots__ = ("item", "result", "tries")

    def __init__(self, item: Item):
        self.item = item
        self.result = item.failure  # a document that could not be read needs no worker
        self.tries = 0


def in_order(items: Iterator[Item], pool: Pool, stop, window: int, doc_timeout: float | None) -> Iterator:
    """The results of `items`, in their order (see the module doc)."""
    slots: deque[_Entry] = deque()  # every document read and not yet yielded, in input order
    queue: deque[_Entry] = deque()  # those waiting for a worker
    buffered = 0  # characters of finished documents in `slots`
    exhausted = False
    pool.start()
    try:
        while True:
            while slots and slots[0].result is not None:
                entry = slots.popleft()
                buffered -= _size(entry.result)
                yield entry.result
            # Read only when a worker is free (reading ahead would only wait: a stream on standard
            # input gets its documents done as they come), and while the buffer has room.
            while (not exhausted and not stop.requested and len(slots) < window and buffered < MAX_BUFFERED
                   and not queue and pool.idle()):
                item = next(items, None)
                if item is None:
                    exhausted = True
                elif not stop.requested:  # an item read as the stop came is left for --resume
                    slots.append(_Entry(item))
                    if slots[-1].result is None:
                        queue.append(slots[-1])
                _dispatch(pool, queue)
            if stop.requested:
                yield from _finish(slots, pool, doc_timeout)
                return
            _dispatch(pool, queue)
            if not slots and exhausted:
                return
            buffered += _collect(pool, queue, _wait_for(pool, doc_timeout), doc_timeout)
    finally:
        pool.shutdown()


def _dispatch(pool: Pool, queue: deque) -> None:
    """Give each free worker the next waiting document."""
    for worker in pool.idle():
        if not queue:
            return
        entry = queue.popleft()
        entry.tries += 1
        worker.send(entry, entry.item)


def _wait_for(pool: Pool, doc_timeout: float | None) -> float:
    """How long to wait for a result: a tick, or less when a document's time is nearly up."""
    if doc_timeout is None:
        return _TICK
    busy = [doc_timeout - w.elapsed() for w in pool.workers if w.task is not None]
    return max(0.0, min([_TICK] + busy))


def _collect(pool: Pool, queue: deque, timeout: float, doc_timeout: float | None) -> int:
    """Take the results that are ready (or come within `timeout`), deal with dead and overdue
    workers; the characters of the documents finished."""
    got = 0
    for worker in ready(pool.workers, timeout):
        entry = worker.task
        try:
            _, entry.result = worker.receive()
            got += _size(entry.result)
        except (EOFError, OSError):  # the worker died with the document
            pool.replace(worker)
            if entry.tries < 2:
                queue.appendleft(entry)
            else:
                entry.result = Failure(entry.item.source, "internal",
                                       f"{entry.item.source}: a worker process died while extracting it")
    if doc_timeout is not None:
        for worker in [w for w in pool.workers if w.task is not None and w.elapsed() >= doc_timeout]:
            entry = worker.task
            pool.replace(worker)
            entry.result = timeout_failure(entry.item.source, doc_timeout)
    return got


def timeout_failure(source: str, seconds: float) -> Failure:
    """The failure of a document stopped at its time limit.

    >>> timeout_failure("a.txt", 120).message
    'a.txt: extraction took longer than 120 s (--doc-timeout 120)'
    """
    return Failure(source, "timeout", f"{source}: extraction took longer than {seconds:g} s (--doc-timeout {seconds:g})")


def _finish(slots: deque, pool: Pool, doc_timeout: float | None) -> Iterator:
    """A stop: running documents get GRACE seconds, then every finished one is yielded in order."""
    deadline = time.monotonic() + GRACE
    queue: deque = deque()  # nothing new is started
    while any(w.task is not None for w in pool.workers) and time.monotonic() < deadline:
        _collect(pool, queue, min(_TICK, max(0.0, deadline - time.monotonic())), doc_timeout)
    pool.shutdown()
    for entry in slots:
        if entry.result is not None:
            yield entry.result


def _size(result) -> int:
    return len(getattr(result, "text", "") or "")
