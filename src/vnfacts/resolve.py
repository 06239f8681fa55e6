"""The resolve stage: which candidates become facts, and where they end. Its decisions are final.

1. Overlaps: of matches that overlap, the longer wins, then the higher priority. Types in one
   layer compete for the same characters: a span of digits is a percent, or money, or a date,
   or part of a document number, never two of them. Names, organizations and places live in
   their own layers, so an official may contain an organization.
2. Nobody and nothing named on the byline (the header stage found it) is an official, a
   person, an organization or a place: it names the authors.
3. An official named by one word only ("Bộ trưởng Dung", "Chủ tịch HĐQT Saigonbank") is kept
   only when the article names that person in full or with an honorific ("ông Biden"), or
   when it is a foreign name right after a title only people hold ("Thủ tướng Prayut").
4. An organization or a place may not swallow a person's name: one that runs into a name ends
   before it ("UBND tỉnh Quảng Bình Trần Phong" -> "UBND tỉnh Quảng Bình").
"""
from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Any, Iterable

from .draft import Draft
from .model import Fact
from .people.mentions import PEOPLE, full_names
from .people.sectors import foreign_one_word
from .rules.match import Candidate

#: Fact types a byline's names never are.
ON_NO_BYLINE = PEOPLE + ("organization", "location")

LAYERS = {
    "official": "people", "person": "people",
    "organization": "organization",
    "location": "location",
}
VALUE_LAYER = "value"  # percent, money, quantity, date, duration, document, and user types


def layer_of(fact_type: str) -> str:
    return LAYERS.get(fact_type, VALUE_LAYER)


def resolve_stage(draft: Draft) -> None:
    """The resolve stage: the draft's candidates become its final facts (see the module doc)."""
    facts = resolve(draft.candidates)
    if draft.byline:
        start, end = draft.byline
        facts = [f for f in facts if not (f.type in ON_NO_BYLINE and start <= f.start < end)]
    draft.facts = _outside_names(_named_enough(facts, draft.ruleset.lexicons), draft.text)


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


def _named_enough(facts: list[Fact], lexicons) -> list[Fact]:
    """Drop an official named by one word that names nobody of the article in full and nobody
    named with an honorific, unless a foreign leader's title heads the name ("Thủ tướng Prayut")."""
    full = full_names(facts)
    with_honorific = {full[i] for i, f in enumerate(facts) if f.type == "person" and i in full}
    return [f for i, f in enumerate(facts)
            if not (f.type == "official" and i in full and full[i] == f.name and " " not in f.name
                    and f.name not in with_honorific and not foreign_one_word(f, lexicons))]


def _name_span(f: Fact) -> tuple[int, int]:
    at = f.text.rfind(f.name) if f.text.endswith(f.name) else f.text.find(f.name)
    return (f.start + at, f.start + at + len(f.name)) if at >= 0 else (f.start, f.end)


def _drop_words(value: Any, count: int) -> Any:
    return " ".join(value.split()[:-count]) if isinstance(value, str) and count else value


def _outside_names(facts: list[Fact], text: str) -> list[Fact]:
    """Organizations and locations end before a person's name they ran into.

    Names never overlap one another (one layer), so the one a fact may start in is the last
    that starts at or before it, and the one it may run into the first that starts after it:
    two binary searches per fact, however many people the document names.
    """
    names = sorted(_name_span(f) for f in facts if f.type in PEOPLE and f.name)
    name_starts = [ns for ns, _ in names]
    out = []
    for f in facts:
        if f.type in ("organization", "location"):
            f = _before_name(f, text, names, name_starts)
        if f is not None:
            out.append(f)
    return out


def _before_name(f: Fact, text: str, names: list[tuple[int, int]], name_starts: list[int]) -> Fact | None:
    """`f` cut before the first name it runs into; None when it starts in one, or nothing is left."""
    i = bisect.bisect_right(name_starts, f.start)
    if i and names[i - 1][1] > f.start:  # it starts inside a name
        return None
    if i < len(names) and names[i][0] < f.end:
        ns = names[i][0]
        cut = len(text[f.start:ns].rstrip(" ,–-"))
        gone = len(f.text[cut:].split())
        if cut == 0 or gone >= len(str(f.value).split()):
            return None
        return replace(f, text=f.text[:cut], end=f.start + cut, value=_drop_words(f.value, gone),
                       expanded=_drop_words(f.expanded, gone))
    return f


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
