"""The date-context stage: dates whose day or year is named elsewhere in the document.

Runs between the rules stage and resolve. "2h30 cùng ngày", "tối cùng ngày" mean the day the
text last named, which no normalizer can see (a normalizer sees its match only). Their rules
have a `same` group (rules/dates.yaml, `date.same-day`); the date_relative normalizer gives
them the clock time alone ("T02:30", or "" for a part of day alone). This stage finds the
day named last before each of them, among the date candidates that resolve would keep, and
puts it in front ("2024-10-01T02:30"). When the last date named before is not one day (a
month, an interval) or there is none, a clock time keeps its "T" form and a part of day
alone gives no fact: a wrong day is worse than none.

"so với năm trước" (rules with a `prior` group, `date.year-before`) compares with the year
before the one the paragraph speaks of: "Năm 2020, lãi giảm 16% so với năm trước" is 2019.
When the same line names a date with a year before it, the fact becomes the year before that
one; else it keeps the year before publication the normalizer gave.
"""
from __future__ import annotations

from dataclasses import replace

import bisect

import regex

from .draft import Draft
from .resolve import resolve
from .rules.match import Candidate

_DAY = regex.compile(r"(?:\d{4}|-)-\d\d-\d\d")
_ONE_DAY = regex.compile(r"(?:\d{4}|-)-\d\d-\d\d(?:T[\d:]+)?")
_YEAR_POINT = regex.compile(r"(\d{4})(?:-[^/]*)?")
_YEAR_WRITTEN = regex.compile(r"(?<!\d)\d{4}(?!\d)")


def date_context(draft: Draft) -> None:
    """The date-context stage: "cùng ngày" candidates get the day the text last named (a bare
    "Cùng ngày," none when that day was named as a bound: "sau ngày 1/1/2008")."""
    rules = [r for r in draft.ruleset.rules if r.type == "date"]
    same_rules = {r.id for r in rules if "same" in r.compiled.groupindex}
    prior_rules = {r.id for r in rules if "prior" in r.compiled.groupindex}
    context = same_rules | prior_rules
    if not context or not any(c.fact.rule in context for c in draft.candidates):
        return
    others = [c for c in draft.candidates if c.fact.rule not in context]
    named = _Named([f for f in resolve(others) if f.type == "date"])  # what resolve would keep, in text order
    days = _Named([d for d in named.dates if _ONE_DAY.fullmatch(str(d.value))])
    written = _Named([d for d in named.dates if _YEAR_WRITTEN.search(d.text)])
    line_starts = [start for start, _ in draft.view.segments]
    out: list[Candidate] = []
    for cand in draft.candidates:
        f = cand.fact
        if f.rule in same_rules:
            bare = not f.value and not f.part_of_day  # "Cùng ngày," alone
            cand = _with_day(cand, (days if bare else named).last_before(f.start), bare, draft.text)
            if cand is None:
                continue
        elif f.rule in prior_rules:
            line_start = line_starts[bisect.bisect_right(line_starts, f.start) - 1] if line_starts else 0
            last = written.last_before(f.start)
            cand = _year_before(cand, last if last is not None and last.start >= line_start else None)
        out.append(cand)
    draft.candidates = out


class _Named:
    """Dates in text order, found by where they end (kept dates never overlap, so their ends
    are in order too): a binary search, not a scan, for each candidate."""

    def __init__(self, dates: list) -> None:
        self.dates = dates
        self.ends = [d.end for d in dates]

    def last_before(self, start: int):
        """The last date that ends at or before `start`, or None."""
        i = bisect.bisect_right(self.ends, start)
        return self.dates[i - 1] if i else None


def _year_before(cand: Candidate, last) -> Candidate:
    """ "so với năm trước": the year before the last year its line named in digits (`last`; a
    relative "năm trước" before it names no year of its own), if it named one."""
    f = cand.fact
    if last is None:
        return cand
    point = _YEAR_POINT.fullmatch(str(last.value))
    if point is None:
        return cand
    return replace(cand, fact=replace(f, value=f"{int(point.group(1)) - 1:04d}", grain="year"))


#: A day named as a bound ("từ ngày 8/10", "sau ngày 1/1/2008") is no event a later "Cùng
#: ngày" can mean.
_BOUND_BEFORE = regex.compile(r"(?<![\p{L}\d])(?:từ|sau|trước|đến|tới|hết|kể\s+từ)\s+(?:ngày\s+)?$", regex.IGNORECASE)


def _with_day(cand: Candidate, last, bare: bool, text: str) -> Candidate | None:
    """A "cùng ngày" candidate with the day of `last`, the date named last before it (for a
    bare "Cùng ngày," the last day: weeks, months and years named since are background, "cuối
    tuần trước"), none when a bare one's day was named as a bound."""
    f = cand.fact
    if bare and last is not None and _BOUND_BEFORE.search(text, max(0, last.start - 16), last.start):
        return None
    day = None
    if last is not None and _ONE_DAY.fullmatch(str(last.value)):
        day = _DAY.match(str(last.value)).group(0)
    clock = str(f.value)
    if day is None:
        return cand if clock.startswith("T") else None
    return replace(cand, fact=replace(f, value=day + clock))
