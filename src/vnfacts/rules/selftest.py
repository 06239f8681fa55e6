"""Run the examples and negatives of rules: the proof every rule carries with it.

Used by the test suite (one pytest id per example) and by `vnfacts rules test` / `rules check`.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterable, Iterator

from ..extractor import Extractor
from .match import anchor_starts
from ..model import Fact
from . import Example, Negative, Rule, RuleSet
from ..text import TextView

POSITION_KEYS = ("text", "start", "end", "rule")
# Strings a healthy pattern scans in milliseconds; a pattern that backtracks catastrophically
# runs past the probe's timeout on at least one of them.
PROBES = ("1" * 3000, "1." * 1500, " " * 3000, "a " * 1500, "a" * 3000, "%" * 3000, "1 " * 1500 + "x",
          "đ" * 3000, "1a" * 1500)
PROBE_TIMEOUT = 0.5


@dataclass(frozen=True)
class Case:
    """One example, negative or known miss of one rule, addressable as a test id.

    `kind` is "example", "negative" or "miss" (a known miss: expected to fail, run as a
    strict xfail); `n` counts the texts of one `texts:` list.
    """

    rule: Rule
    item: Example | Negative
    kind: str = "example"
    n: int = 0

    @property
    def id(self) -> str:
        return f"{self.rule.id}:{self.kind}:{self.item.line}" + (f"#{self.n + 1}" if self.n else "")

    @property
    def where(self) -> str:
        return f"{self.rule.path}:{self.item.line}"


def cases(ruleset: RuleSet, *, misses: bool = False) -> Iterator[Case]:
    """Every example and negative of every rule; with `misses`, the known misses too."""
    for rule in ruleset.rules:
        groups = [("example", rule.examples), ("negative", rule.negatives)] + ([("miss", rule.misses)] if misses else [])
        for kind, items in groups:
            seen: dict[int, int] = {}
            for item in items:
                n = seen.get(item.line, 0)
                seen[item.line] = n + 1
                yield Case(rule, item, kind, n)


def _expected(want: dict[str, Any], rule: Rule) -> dict[str, Any]:
    """An expectation as the fact would give it: a person's `name` is its `value` unless given."""
    if rule.type in NAMED_TYPES and "value" in want:
        want = {"name": want["value"], **want}
    return want


#: Fact types whose `name` is their `value` (examples need not repeat it).
NAMED_TYPES = ("official", "person")


def _comparable(fact: Fact, keys: set[str]) -> dict[str, Any]:
    """The fact's normalized fields, plus any position keys the expectation names."""
    d = {k: float(v) if isinstance(v, Decimal) else v for k, v in fact.to_dict().items()}  # YAML gives floats
    out = {k: v for k, v in d.items() if k not in POSITION_KEYS and k != "type"}
    out.update({k: d[k] for k in POSITION_KEYS if k in keys})
    return out


def _show(facts: list[Fact]) -> str:
    return "[" + ", ".join(f"{f.text!r} -> {_comparable(f, {'rule'})}" for f in facts) + "]" if facts else "no fact"


def check(extractor: Extractor, case: Case) -> str | None:
    """None when the case holds, else what went wrong, in one line."""
    item, rule = case.item, case.rule
    doc = extractor.extract(item.text, published=item.published)
    got = doc.of_type(rule.type)
    if isinstance(item, Negative):
        return f"negative {item.text!r} gave {_show(got)}" if got else None
    if item.whole:
        expected = _expected(dict(item.expected[0]), rule)
        expected.setdefault("rule", rule.id)
        want = {"start": 0, "end": len(doc.text), **expected}
        if len(got) != 1 or _comparable(got[0], set(want)) != _normal(want):
            return f"example {item.text!r}: expected one {rule.type} fact covering it all {_normal(expected)}, got {_show(got)}"
        return None
    wants = [_normal(_expected(e, rule)) for e in item.expected]
    actual = [_comparable(f, set(w)) for f, w in zip(got, wants)]
    if len(got) != len(wants) or actual != wants:
        return f"example {item.text!r}: expected {wants}, got {_show(got)}"
    return None


def _normal(expected: dict[str, Any]) -> dict[str, Any]:
    """YAML gives `value: 104.65` as float and lists for titles: compare in JSON form."""
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in expected.items()}


def probe(rule: Rule) -> str | None:
    """Run the rule on strings that expose catastrophic backtracking; None if it keeps up."""
    for text in PROBES:
        try:
            for _ in rule.compiled.finditer(text, timeout=PROBE_TIMEOUT):
                pass
        except TimeoutError:
            return f"pattern backtracks catastrophically (over {PROBE_TIMEOUT}s on {text[:12]!r}...)"
    return None


def anchor_miss(rule: Rule, texts: Iterable[str]) -> str | None:
    """None when every match of the rule's pattern in `texts` starts where its `anchor`
    matches (so trying the pattern only at anchors loses nothing), else the first miss."""
    if rule.anchor is None:
        return None
    for text in texts:
        view = TextView(text)
        for start, end in view.lines:
            anchors = set(anchor_starts(rule.anchor, view.folded, start, end))
            for m in rule.compiled.finditer(view.folded, start, end, overlapped=True, timeout=PROBE_TIMEOUT):
                if m.start() not in anchors:
                    return f"anchor does not match where the pattern matches {text[m.start():m.end()]!r}"
    return None


def failures(extractor: Extractor, ruleset: RuleSet | None = None, *, probes: bool = True) -> list[str]:
    """Every failing case as `path:line: rule <id>: what is wrong`."""
    ruleset = ruleset or extractor.ruleset
    out = []
    for rule in ruleset.rules:
        if probes and (problem := probe(rule)):
            out.append(f"{rule.where}: rule {rule.id}: {problem}")
        elif problem := anchor_miss(rule, (item.text for item in (*rule.examples, *rule.negatives))):
            out.append(f"{rule.where}: rule {rule.id}: {problem}")
    if out:  # running examples through a runaway pattern would only hang
        return out
    for case in cases(ruleset, misses=True):
        problem = check(extractor, case)
        if case.kind == "miss":
            if problem is None:
                out.append(f"{case.where}: rule {case.rule.id}: known miss {case.item.text!r} now passes: "
                           f"move it to the rule's examples")
        elif problem:
            out.append(f"{case.where}: rule {case.rule.id}: {problem}")
    return out
