"""Run every compiled rule over a document and normalize its matches into candidate facts."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterator

from ..errors import RuleTimeout
from ..model import Fact
from ..normalize.contract import MatchInfo
from ..text import TextView
from .loader import RuleSet

#: Seconds one rule may spend on one document before it is stopped (regex's own timeout).
RULE_TIMEOUT = 2.0


@dataclass(frozen=True, slots=True)
class Candidate:
    fact: Fact
    priority: int


def match_rules(draft) -> None:
    """The rules stage: every rule's normalized matches become the draft's candidates."""
    draft.candidates = list(candidates(draft.ruleset, draft.view, draft.published))
    draft.view.release()  # later stages read facts, not the folded copy


def candidates(ruleset: RuleSet, view: TextView, published: date | None = None) -> Iterator[Candidate]:
    """Every match of every rule that sits on token boundaries and normalizes to a value.

    Rules run line by line (every rule over a line, then the next line, so what a line caches
    is dropped when it is done): a fact never spans a line break. A piece of a cut line keeps
    only the facts that start in its own segment (view.py). A match that is refused (off a
    token boundary, or not a valid value) is retried one character further on, so it cannot
    hide a good match that starts inside it.
    """
    for index, (line_start, line_end) in enumerate(view.lines):
        own_start, own_end = view.segments[index]
        per_line: dict[tuple[str, str, int], Any] = {}  # (key, its pattern, line) -> answer
        for rule in ruleset.rules:
            try:
                for cand in _line_candidates(ruleset, rule, view, index, line_start, line_end, per_line, published):
                    if own_start <= cand.fact.start < own_end:
                        yield cand
            except TimeoutError:
                raise RuleTimeout(
                    f"rule {rule.id} ({rule.where}) ran past {RULE_TIMEOUT:g}s: its pattern backtracks too much"
                ) from None
        view.done_with(index)


def _line_candidates(ruleset: RuleSet, rule, view: TextView, index: int, line_start: int, line_end: int,
                     per_line: dict, published: date | None) -> Iterator[Candidate]:
    """One rule's candidates on one line."""
    text = view.text
    folded = view.folded  # same length as text: rules match variants, offsets stay exact
    normalize = ruleset.normalizers[rule.normalizer]
    find = _finder(rule, folded, line_start, line_end, per_line)
    if find is None:
        return
    pos = line_start
    while pos < line_end:
        m = find(pos)
        if m is None:
            break
        core_start, core_end = m.span()
        results = []
        # With a prefix, the longest context is tried first, then shorter ones.
        for start, end, spans in _contexts(rule, m, folded, line_start, line_end):
            if end > start and view.on_token_boundaries(start, end):
                # The normalizer sees its line, in offsets from the line's start, and
                # the groups as the user wrote them, not as folded.
                info = MatchInfo(
                    text[start:end],
                    {name: (text[a:b] if a >= 0 else None) for name, (a, b) in spans.items()},
                    ruleset.lexicons_for(normalize), published, start - line_start, end - line_start,
                    view.line(index),
                    {k: (a - line_start, b - line_start) for k, (a, b) in spans.items() if a >= 0},
                    ruleset.prepared(normalize),  # built on the first match, once a rule set
                )
                results = normalize(info)
            if results:
                break
        if not results:
            pos = core_start + 1
            continue
        pos = core_end
        # A normalizer may give several facts ("ngày 14 và 15/9") or narrow the span.
        for result in results:
            s, e = result.span_or(start - line_start, end - line_start)
            s, e = s + line_start, e + line_start
            yield Candidate(Fact(rule.type, text[s:e], s, e, rule=rule.id, **result.fields), rule.priority)


def _finder(rule, text: str, line_start: int, line_end: int, per_line: dict):
    """How to find the rule's next match on a line (see _searcher, _matcher), or None when the
    line lacks what the rule `requires`. Answers about shared `requires` and `anchor` patterns
    are kept in `per_line`, so rules that share them ask once a line (one pattern may be both)."""
    if rule.requires is not None:
        key = ("requires", rule.requires.pattern, line_start)
        if key not in per_line:
            per_line[key] = rule.requires.search(text, line_start, line_end) is not None
        if not per_line[key]:
            return None
    if rule.anchor is None:
        return _searcher(rule.compiled, text, line_end)
    key = ("anchor", rule.anchor.pattern, line_start)
    if key not in per_line:
        per_line[key] = anchor_starts(rule.anchor, text, line_start, line_end)
    return _matcher(rule.compiled, text, line_end, per_line[key])


def anchor_starts(anchor, text: str, start: int, end: int) -> list[int]:
    """Every position in [start, end) where `anchor` matches (overlapping matches too).

    >>> import regex
    >>> anchor_starts(regex.compile(r"(?<!\\d)\\d"), "12 và 3", 0, 7)
    [0, 6]
    """
    return [m.start() for m in anchor.finditer(text, start, end, overlapped=True, timeout=RULE_TIMEOUT)]


def _searcher(pattern, text: str, end: int):
    """The next match at or after a position: the pattern tried at every position."""
    def find(pos: int):
        return pattern.search(text, pos, end, timeout=RULE_TIMEOUT)
    return find


def _matcher(pattern, text: str, end: int, starts: list[int]):
    """The next match at or after a position, trying the pattern only at `starts` (its rule's
    anchors): the same answer as a search when every match of the pattern starts at an anchor,
    at the cost of a cheap scan for the anchor instead of the whole pattern at every position."""
    def find(pos: int):
        for start in starts[bisect_left(starts, pos):]:
            m = pattern.match(text, start, end, timeout=RULE_TIMEOUT)
            if m is not None:
                return m
        return None
    return find


#: How far before a match its rule's prefix may reach, in characters.
MAX_PREFIX = 80


def _contexts(rule, m, text: str, line_start: int, line_end: int):
    """The match widened by its rule's prefix and suffix, as (start, end, spans of every named
    group, (-1, -1) for those that did not take part): for each place the prefix can start,
    leftmost (longest) first; nothing when the rule has a prefix that cannot end where the
    match starts."""
    end = m.end()
    suffix = None
    if rule.suffix is not None:
        suffix = rule.suffix.match(text, end, line_end, timeout=RULE_TIMEOUT)
        if suffix is not None:
            end = suffix.end()
    if rule.prefix is None:
        yield m.start(), end, _spans([m, suffix])
        return
    pos = max(line_start, m.start() - MAX_PREFIX)
    while pos <= m.start():
        before = rule.prefix.search(text, pos, m.start(), timeout=RULE_TIMEOUT)
        if before is None:
            return
        yield before.start(), end, _spans([m, before, suffix])
        pos = before.start() + 1


def _spans(parts) -> dict[str, tuple[int, int]]:
    """Every named group's span; the first part in which a group took part gives it."""
    spans: dict[str, tuple[int, int]] = {}
    for part in parts:
        if part is None:
            continue
        for name in part.groupdict():
            if spans.get(name, (-1, -1)) == (-1, -1):
                spans[name] = part.span(name)
    return spans
