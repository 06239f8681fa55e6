"""Worker processes that can be stopped: one document at a time each, killed past a time limit.

A `concurrent.futures` pool cannot end a task that runs too long, and its workers outlive a
parent killed with `kill -9`. Here each worker is a process of its own with a pipe to the
parent, and it holds at most one document, so the parent knows when each document started:

- past its time limit the worker is killed (SIGKILL: native code such as a regex or the CRF
  cannot be interrupted otherwise) and a fresh one takes its place;
- a worker dies with its parent: on Linux `prctl(PR_SET_PDEATHSIG, SIGKILL)` makes the kernel
  kill it the moment the parent goes; everywhere, a worker waiting for work sees its pipe
  close and exits (each worker closes the parent's ends of every pipe it inherited, so the
  parent is the only holder of them);
- Ctrl-C reaches the whole process group: workers ignore SIGINT and leave it to the parent.

The parent talks to workers through `Worker.send`, `Worker.receive` and `ready(workers, timeout)`.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import time
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterable

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> None:
    """Ask the kernel to SIGKILL this process when its parent dies (Linux; elsewhere a no-op),
    and exit at once if the parent is already gone (it may die before the request is made)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no libc to call: the pipe watch still ends the worker
            pass
    if os.getppid() != parent_pid:
        os._exit(0)


def _worker_main(conn: Connection, close: list[Connection], parent_pid: int, setup: Callable[[], None],
                 work: Callable[[Any], Any]) -> None:
    """A worker's life: take a task, send back its result, until the pipe closes."""
    die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for other in close:  # the parent's ends: with them closed, the parent's death closes our pipe
        other.close()
    setup()
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):  # the parent is gone, or closed the pipe: nothing more to do
            os._exit(0)
        conn.send(work(task))


class Worker:
    """One worker process and the parent's end of its pipe; `task` is what it is doing, if anything."""

    def __init__(self, ctx, setup: Callable[[], None], work: Callable[[Any], Any], others: Iterable["Worker"]):
        self.conn, child = ctx.Pipe(duplex=True)
        close = [self.conn] + [w.conn for w in others if not w.conn.closed]
        if ctx.get_start_method() != "fork":  # a spawned child inherits none of them (passing them would copy them)
            close = []
        self.process = ctx.Process(target=_worker_main, args=(child, close, os.getpid(), setup, work), daemon=True)
        self.process.start()
        child.close()
        self.task: Any = None
        self.started = 0.0

    def send(self, task: Any, payload: Any) -> None:
        """Give the worker `payload` to work on; `task` is the parent's note of what it is."""
        self.task, self.started = task, time.monotonic()
        self.conn.send(payload)

    def receive(self) -> tuple[Any, Any]:
        """(task, result) of the finished task; EOFError if the worker died doing it."""
        result = self.conn.recv()
        task, self.task = self.task, None
        return task, result

    def elapsed(self) -> float:
        return time.monotonic() - self.started if self.task is not None else 0.0

    def kill(self) -> None:
        """End the process now (SIGKILL) and reap it."""
        self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)

    def close(self) -> None:
        """Let an idle worker go: its pipe closes, it exits; killed if it does not within a second."""
        self.conn.close()
        self.process.join(1)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)


def ready(workers: Iterable[Worker], timeout: float) -> list[Worker]:
    """The busy workers with a result (or a death) to collect, waiting at most `timeout` seconds."""
    busy = {w.conn: w for w in workers if w.task is not None}
    if not busy:
        return []
    return [busy[c] for c in wait(list(busy), timeout)]


def context():
    """fork where it is safe (workers share the parent's compiled rules and loaded models); spawn
    elsewhere (macOS: forking a process with threads is unsafe)."""
    fork = "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"
    return multiprocessing.get_context("fork" if fork else "spawn")
