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


def date_context(draft: Draft) -> None:
    """The date-context stage: "cùng ngày" candidates get the day the text last named."""
    rules = [r for r in draft.ruleset.rules if r.type == "date"]
    same_rules = {r.id for r in rules if "same" in r.compiled.groupindex}
    prior_rules = {r.id for r in rules if "prior" in r.compiled.groupindex}
    context = same_rules | prior_rules
    if not context or not any(c.fact.rule in context for c in draft.candidates):
        return
    others = [c for c in draft.candidates if c.fact.rule not in context]
    named = [f for f in resolve(others) if f.type == "date"]  # what resolve would keep, in text order
    ends = [d.end for d in named]  # kept dates never overlap: their ends are in order too
    starts = [d.start for d in named]
    line_starts = [start for start, _ in draft.view.segments]
    out: list[Candidate] = []
    for cand in draft.candidates:
        if cand.fact.rule in same_rules:
            cand = _with_day(cand, _last_before(named, ends, cand.fact.start))
            if cand is None:
                continue
        elif cand.fact.rule in prior_rules:
            line_start = line_starts[bisect.bisect_right(line_starts, cand.fact.start) - 1] if line_starts else 0
            last = _last_before(named, ends, cand.fact.start)
            cand = _year_before(cand, last if last is not None and last.start >= line_start else None)
        out.append(cand)
    draft.candidates = out


def _last_before(named: list, ends: list[int], start: int):
    """The last of `named` that ends at or before `start` (a binary search), or None."""
    i = bisect.bisect_right(ends, start)
    return named[i - 1] if i else None


def _year_before(cand: Candidate, last) -> Candidate:
    """ "so với năm trước": the year before the last year its line named (`last`), if it named one."""
    f = cand.fact
    if last is None:
        return cand
    point = _YEAR_POINT.fullmatch(str(last.value))
    if point is None:
        return cand
    return replace(cand, fact=replace(f, value=f"{int(point.group(1)) - 1:04d}", grain="year"))


def _with_day(cand: Candidate, last) -> Candidate | None:
    """A "cùng ngày" candidate with the day of `last`, the date named last before it."""
    f = cand.fact
    day = None
    if last is not None and _ONE_DAY.fullmatch(str(last.value)):
        day = _DAY.match(str(last.value)).group(0)
    clock = str(f.value)
    if day is None:
        return cand if clock.startswith("T") else None
    return replace(cand, fact=replace(f, value=day + clock))
