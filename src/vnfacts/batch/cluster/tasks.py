"""Units to tasks of a bounded size: what one worker does in one go, and one output part.

Consecutive units are grouped until a task holds `target` bytes (or `MAX_UNITS` units): many
small files go in one task, one big archive or dump is spread over many. A task is a list of
`Piece`s, each a whole document file or a `Span` of one archive's members or one dump's lines.
Task numbers follow the listing, so the same inputs always give the same tasks: `--resume`
skips the numbers whose part is written.

>>> from .listing import Unit
>>> found = [Unit("a.txt", "text", 300), Unit("b.zip", "zip", 500, 0, last=False),
...          Unit("b.zip", "zip", 500, 1, last=False), Unit("b.zip", "zip", 500, 3, last=True)]
>>> for task in cut(found, target=1000):
...     print(task.number, [(p.path, p.span) for p in task.pieces])
0 [('a.txt', None), ('b.zip', Span(first=0, count=2, offset=0))]
1 [('b.zip', Span(first=3, count=None, offset=0))]
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from typing import Iterable, Iterator

from ..records import Failure, Span
from .listing import Unit

#: Task sizes: at most this much per task by default, at least the smaller one when chosen
#: from the listing, and at most this many units (files, members, dump chunks) in one task.
MAX_TARGET = 4 * 1024 * 1024
MIN_TARGET = 64 * 1024
MAX_UNITS = 5000
#: A listing that ends within this much is cut into about TASKS_PER_RUN tasks.
LOOKAHEAD_BYTES = 256 * 1024 * 1024
LOOKAHEAD_UNITS = 200_000
TASKS_PER_RUN = 64


@dataclass(frozen=True, slots=True)
class Piece:
    """What a task reads of one input: a document file (`span` None), a slice of an archive or
    dump, or an input that already failed (not found, unreadable folder)."""

    path: str
    kind: str
    span: Span | None = None
    failure: Failure | None = None


@dataclass(frozen=True, slots=True)
class Task:
    """Task `number` (its part's number) and its pieces; `size` in bytes, as listed."""

    number: int
    pieces: tuple[Piece, ...]
    size: int = 0


def choose_target(found: Iterator[Unit]) -> tuple[int, Iterator[Unit], bool]:
    """A task size for these units, the units again (those looked ahead, then the rest), and
    whether the listing ended within the look-ahead (then the tasks can be counted at once).

    A run whose listing ends within LOOKAHEAD_BYTES is cut into about TASKS_PER_RUN tasks
    (between MIN_TARGET and MAX_TARGET each), so even a small run keeps many workers busy;
    anything bigger gets MAX_TARGET.

    >>> target, again, ended = choose_target(iter([Unit("a.txt", "text", 6_400_000)]))
    >>> target, len(list(again)), ended
    (100000, 1, True)
    """
    ahead: list[Unit] = []
    total = 0
    for unit in found:
        ahead.append(unit)
        total += unit.size
        if total > LOOKAHEAD_BYTES or len(ahead) >= LOOKAHEAD_UNITS:
            return MAX_TARGET, chain(ahead, found), False
    return max(MIN_TARGET, min(MAX_TARGET, total // TASKS_PER_RUN)), iter(ahead), True


def cut(found: Iterable[Unit], target: int, max_units: int = MAX_UNITS) -> Iterator[Task]:
    """Tasks of about `target` bytes from the units, in order, numbered from 0."""
    number = 0
    pieces: list[Piece] = []
    open_span: list | None = None  # [path, kind, first, stop, offset] of the archive being gathered
    size = units = 0

    def close(to_end: bool = False) -> None:
        nonlocal open_span
        if open_span:
            path, kind, first, stop, offset = open_span
            pieces.append(Piece(path, kind, Span(first, None if to_end else stop - first, offset)))
            open_span = None

    for unit in found:
        if unit.kind == "failed":
            close()
            pieces.append(Piece(unit.path, "failed", failure=unit.failure))
        elif unit.kind == "text":
            close()
            pieces.append(Piece(unit.path, "text"))
        else:
            if not (open_span and open_span[0] == unit.path and open_span[1] == unit.kind):
                close()
                open_span = [unit.path, unit.kind, unit.index, unit.index, unit.offset]
            open_span[3] = unit.index + unit.count
            if unit.last:
                close(to_end=True)
        size += unit.size
        units += 1
        if size >= target or units >= max_units:
            close()
            yield Task(number, tuple(pieces), size)
            number, pieces, size, units = number + 1, [], 0, 0
    close()
    if pieces:
        yield Task(number, tuple(pieces), size)

