"""Facts as nested marks over the text: the tree the HTML view draws (displaCy's spans, nested).

A fact inside another (an organization inside an official) becomes a child of it. Two facts
that cross (each holds the other's start or end, never both) cannot nest: the later one is
cut at the earlier one's end into pieces, each marked, so every character of every fact is
inside one of its marks and the tags stay well formed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence


@dataclass
class Mark:
    """One marked piece of text: facts[index] from start to end (a part of it when cut)."""

    index: int
    start: int
    end: int
    children: list["Mark"] = field(default_factory=list)
    part: bool = False


def nest(spans: Sequence[tuple[int, int]]) -> list[Mark]:
    """The top-level marks of `spans` ((start, end) per fact, by fact index), children nested.

    >>> [(m.index, [(c.index, c.start, c.end) for c in m.children]) for m in nest([(0, 10), (2, 5), (12, 14)])]
    [(0, [(1, 2, 5)]), (2, [])]
    >>> [(m.index, m.start, m.end, m.part) for m in _flat(nest([(0, 6), (4, 9)]))]
    [(0, 0, 6, False), (1, 4, 6, True), (1, 6, 9, True)]
    """
    pieces = [(s, e, i, False) for i, (s, e) in enumerate(spans) if e > s]
    return _nest(pieces)


def _nest(pieces: list[tuple[int, int, int, bool]]) -> list[Mark]:
    """Marks of (start, end, index, part) pieces: the earliest, longest one holds what lies
    inside it; a piece crossing its end is cut there and the rest nests on among the others."""
    pieces = sorted(pieces, key=lambda p: (p[0], -p[1], p[2]))
    top: list[Mark] = []
    while pieces:
        start, end, index, part = pieces[0]
        inside, outside = [], []
        for s, e, i, cut in pieces[1:]:
            if s >= end:
                outside.append((s, e, i, cut))
            elif e <= end:
                inside.append((s, e, i, cut))
            else:
                inside.append((s, end, i, True))
                outside.append((end, e, i, True))
        top.append(Mark(index, start, end, _nest(inside), part))
        pieces = sorted(outside, key=lambda p: (p[0], -p[1], p[2]))
    return top


def _flat(marks: Iterable[Mark]) -> list[Mark]:
    out = []
    for m in marks:
        out.append(m)
        out.extend(_flat(m.children))
    return out
