"""Overlap resolution: of matches that overlap, the longer wins, then the higher priority.

Types in one layer compete for the same characters: a span of digits is a percent, or money,
or a date, or part of a document number, never two of them. Names and organizations live in
their own layers, so an official may contain an organization.
"""
from __future__ import annotations

import bisect
from typing import Iterable

from .match import Candidate
from .model import Fact

LAYERS = {
    "official": "people", "person": "people",
    "organization": "organization",
    "location": "location",
}
VALUE_LAYER = "value"  # percent, money, quantity, date, duration, document, and user types


def layer_of(fact_type: str) -> str:
    return LAYERS.get(fact_type, VALUE_LAYER)


def resolve(candidates: Iterable[Candidate]) -> list[Fact]:
    """Keep the best of each group of overlapping candidates, in text order.

    >>> from vnfacts.model import Fact
    >>> short = Candidate(Fact("quantity", "27 tỷ", 0, 5, 27, "q"), 50)
    >>> long = Candidate(Fact("money", "27 tỷ đồng", 0, 10, 27, "m"), 50)
    >>> [f.rule for f in resolve([short, long])]
    ['m']
    """
    ranked = sorted(candidates, key=lambda c: (-(c.fact.end - c.fact.start), -c.priority, c.fact.start))
    taken: dict[str, _Spans] = {}
    kept: list[Fact] = []
    for cand in ranked:
        f = cand.fact
        if taken.setdefault(layer_of(f.type), _Spans()).claim(f.start, f.end):
            kept.append(f)
    kept.sort(key=lambda f: (f.start, f.end, f.type))
    return kept


class _Spans:
    """Non-overlapping spans kept sorted, so checking a new one costs a binary search."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def claim(self, start: int, end: int) -> bool:
        """Take [start, end) if it overlaps no span taken before; say whether it was taken."""
        i = bisect.bisect_left(self.starts, start)
        if i > 0 and self.ends[i - 1] > start:
            return False
        if i < len(self.starts) and self.starts[i] < end:
            return False
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        return True
