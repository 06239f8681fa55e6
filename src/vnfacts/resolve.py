"""Overlap resolution: of matches that overlap, the longer wins, then the higher priority.

Types in one layer compete for the same characters: a span of digits is a percent, or money,
or a date, or part of a document number, never two of them. Names and organizations live in
their own layers, so an official may contain an organization.
"""
from __future__ import annotations

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
    taken: dict[str, list[tuple[int, int]]] = {}
    kept: list[Fact] = []
    for cand in ranked:
        f = cand.fact
        spans = taken.setdefault(layer_of(f.type), [])
        if any(f.start < e and s < f.end for s, e in spans):
            continue
        spans.append((f.start, f.end))
        kept.append(f)
    kept.sort(key=lambda f: (f.start, f.end, f.type))
    return kept
