"""What a run has done so far: counts, a progress bar on stderr, and the closing summary table.

>>> from vnfacts import extract
>>> from .records import Failure
>>> t = Tally()
>>> t.add(extract("Chi 5 tỷ đồng, tăng 3%")); t.add(Failure("x", "decode", "x: binary"))
>>> t.documents, t.failed, dict(t.facts), dict(t.errors)
(2, 1, {'money': 1, 'percent': 1}, {'decode': 1})
"""
from __future__ import annotations

import time
from collections import Counter
from typing import Mapping, TextIO, Union

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from ..model import Document
from .records import Failure


class Tally:
    """Counts of a run: documents (done and failed), facts by type, errors by kind."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.documents = 0
        self.failed = 0
        self.already_done = 0
        self.facts: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()

    def add(self, result: Union[Document, Failure]) -> None:
        self.documents += 1
        if isinstance(result, Failure):
            self.failed += 1
            self.errors[result.kind] += 1
        else:
            self.facts.update(f.type for f in result.facts)

    def add_counts(self, stats: Mapping) -> None:
        """Counts of many documents at once (a cluster task's: documents, failed, facts, errors).

        >>> t = Tally(); t.add_counts({"documents": 3, "failed": 1, "facts": {"date": 2}, "errors": {"decode": 1}})
        >>> t.documents, t.failed, dict(t.facts)
        (3, 1, {'date': 2})
        """
        self.documents += stats["documents"]
        self.failed += stats["failed"]
        self.facts.update(stats["facts"])
        self.errors.update(stats["errors"])

    def counts(self) -> dict:
        """The counts add_counts reads: what a cluster task and the manifest record.

        >>> t = Tally(); t.add_counts({"documents": 2, "failed": 0, "facts": {"money": 1}, "errors": {}})
        >>> t.counts()
        {'documents': 2, 'failed': 0, 'facts': {'money': 1}, 'errors': {}}
        """
        return {"documents": self.documents, "failed": self.failed,
                "facts": dict(sorted(self.facts.items())), "errors": dict(sorted(self.errors.items()))}

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    @property
    def rate(self) -> float:
        return self.documents / self.elapsed if self.elapsed > 0 else 0.0


class ProgressBar:
    """A rich progress bar on stderr, refreshed from the main loop at most 10 times a second.

    No refresh thread: worker processes are forked from a process without extra threads.
    The bar counts documents, or (`what="tasks"`, a cluster run) tasks, with documents beside.
    """

    def __init__(self, console: Console, total: int | None = None, enabled: bool = True, what: str = "documents"):
        self.enabled = enabled
        self.what = what
        self._last = 0.0
        self.progress = Progress(
            TextColumn("[bold]{task.completed}[/bold]{task.fields[of]} " + what),
            BarColumn(),
            TextColumn("{task.fields[docs]}{task.fields[rate]:.1f} docs/s · {task.fields[facts]} facts · "
                       "{task.fields[errors]} errors"),
            TimeElapsedColumn(), TimeRemainingColumn(),
            console=console, auto_refresh=False, transient=True, disable=not enabled,
        )
        self.task = self.progress.add_task("batch", total=total, of=f"/{total}" if total else "",
                                           docs="", rate=0.0, facts=0, errors=0)

    def __enter__(self) -> "ProgressBar":
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.stop()

    def update(self, tally: Tally, force: bool = False, *, completed: int | None = None,
               total: int | None = None) -> None:
        """Show `tally`; `completed` and `total` count tasks when the bar counts tasks."""
        now = time.perf_counter()
        if not self.enabled or (not force and now - self._last < 0.1):
            return
        self._last = now
        if total is not None:
            self.progress.update(self.task, total=total, of=f"/{total}")
        docs = f"{tally.documents + tally.already_done} documents · " if self.what != "documents" else ""
        self.progress.update(self.task, completed=tally.documents + tally.already_done if completed is None else completed,
                             docs=docs, rate=tally.rate, facts=sum(tally.facts.values()), errors=tally.failed)
        self.progress.refresh()


def summary(tally: Tally, skipped: Mapping[str, int]) -> Table:
    """The closing table: documents, facts by type, errors by kind, skipped entries, time."""
    table = Table(title="vnfacts batch", title_justify="left", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents", str(tally.documents))
    if tally.already_done:
        table.add_row("already in the output (--resume)", str(tally.already_done))
    for kind, n in sorted(tally.facts.items()):
        table.add_row(f"facts: {kind}", str(n))
    table.add_row("facts", str(sum(tally.facts.values())))
    for kind, n in sorted(tally.errors.items()):
        table.add_row(f"errors: {kind}", str(n), style="red")
    table.add_row("errors", str(tally.failed), style="red" if tally.failed else None)
    for reason, n in sorted(skipped.items()):
        table.add_row(f"skipped: {reason}", str(n))
    table.add_row("elapsed", f"{tally.elapsed:.1f} s ({tally.rate:.1f} documents/s)")
    return table


def stderr_console(stream: TextIO | None = None) -> Console:
    return Console(file=stream, stderr=stream is None, highlight=False)
