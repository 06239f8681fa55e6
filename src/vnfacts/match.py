"""Run every compiled rule over a document and normalize its matches into candidate facts."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterator

from .errors import RuleTimeout
from .model import Fact
from .normalize import NORMALIZERS, MatchInfo
from .rules import RuleSet
from .text import TextView

#: Seconds one rule may spend on one document before it is stopped (regex's own timeout).
RULE_TIMEOUT = 2.0


@dataclass(frozen=True, slots=True)
class Candidate:
    fact: Fact
    priority: int


def candidates(ruleset: RuleSet, view: TextView, published: date | None = None) -> Iterator[Candidate]:
    """Every match of every rule that sits on token boundaries and normalizes to a value.

    Rules run line by line: a fact never spans a line break, and a match that would have
    reached into the next line cannot hide a shorter one within it.
    """
    text = view.text
    for rule in ruleset.rules:
        normalize = NORMALIZERS[rule.normalizer]
        try:
            for m in _line_matches(rule.compiled, text, view.lines):
                start, end = m.span()
                if not view.on_token_boundaries(start, end):
                    continue
                info = MatchInfo(m.group(), m.groupdict(), ruleset.lexicons, published, start, end, view,
                                 _group_spans(m))
                produced = normalize(info)
                if produced is None:
                    continue
                # A normalizer may give several facts ("ngày 14 và 15/9") or narrow the span;
                # offsets stay exact either way.
                for fields in produced if isinstance(produced, list) else [produced]:
                    s, e = fields.pop("start", start), fields.pop("end", end)
                    yield Candidate(Fact(rule.type, text[s:e], s, e, rule=rule.id, **fields), rule.priority)
        except TimeoutError:
            raise RuleTimeout(
                f"rule {rule.id} ({rule.where}) ran past {RULE_TIMEOUT:g}s: its pattern backtracks too much"
            ) from None


def _group_spans(m) -> dict[str, tuple[int, int]]:
    return {name: m.span(name) for name, value in m.groupdict().items() if value is not None}


def _line_matches(pattern, text: str, lines) -> Iterator:
    for line_start, line_end in lines:
        yield from pattern.finditer(text, line_start, line_end, timeout=RULE_TIMEOUT)
