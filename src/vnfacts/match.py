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

    Rules run line by line: a fact never spans a line break. A match that is refused (off a
    token boundary, or not a valid value) is retried one character further on, so it cannot
    hide a good match that starts inside it.
    """
    text = view.text
    for rule in ruleset.rules:
        normalize = NORMALIZERS[rule.normalizer]
        search = rule.compiled.search
        try:
            for line_start, line_end in view.lines:
                pos = line_start
                while pos < line_end:
                    m = search(text, pos, line_end, timeout=RULE_TIMEOUT)
                    if m is None:
                        break
                    start, end = m.span()
                    produced = None
                    if end > start and view.on_token_boundaries(start, end):
                        info = MatchInfo(m.group(), m.groupdict(), ruleset.lexicons, published, start, end,
                                         view, _group_spans(m))
                        produced = normalize(info)
                    if produced is None:
                        pos = start + 1
                        continue
                    pos = end
                    # A normalizer may give several facts ("ngày 14 và 15/9") or narrow the span.
                    for fields in produced if isinstance(produced, list) else [produced]:
                        s, e = fields.pop("start", start), fields.pop("end", end)
                        yield Candidate(Fact(rule.type, text[s:e], s, e, rule=rule.id, **fields), rule.priority)
        except TimeoutError:
            raise RuleTimeout(
                f"rule {rule.id} ({rule.where}) ran past {RULE_TIMEOUT:g}s: its pattern backtracks too much"
            ) from None


def _group_spans(m) -> dict[str, tuple[int, int]]:
    return {name: m.span(name) for name, value in m.groupdict().items() if value is not None}
