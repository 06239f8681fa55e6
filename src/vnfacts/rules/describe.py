"""A loaded rule as plain data (`vnfacts rules list --format json`, `rules show`) and as text.

>>> from vnfacts import Extractor
>>> rule = next(r for r in Extractor().ruleset.rules if r.id == "money.amount")
>>> summary = rule_summary(rule)
>>> summary["id"], summary["type"], summary["examples"] > 0
('money.amount', 'money', True)
>>> detail = rule_detail(rule)
>>> "{AMOUNT}" in detail["pattern"], "{AMOUNT}" in detail["expanded"], detail["examples"][0]["text"]
(True, False, '10.000 đồng')
"""
from __future__ import annotations

from typing import Any

from .model import Rule


def rule_summary(rule: Rule) -> dict[str, Any]:
    """One row of `rules list`: id, type, priority, normalizer, counts and where it is defined."""
    return {"id": rule.id, "type": rule.type, "priority": rule.priority, "normalizer": rule.normalizer,
            "examples": len(rule.examples), "negatives": len(rule.negatives), "misses": len(rule.misses),
            "path": str(rule.path), "line": rule.line, "description": rule.description}


def rule_detail(rule: Rule) -> dict[str, Any]:
    """Everything `rules show` tells: the summary, the pattern as written and expanded (every
    {NAME} replaced, as the matcher compiles it), the context patterns, every example."""
    out = rule_summary(rule)
    out.update(pattern=rule.pattern, expanded=rule.compiled.pattern)
    for name in ("prefix", "suffix", "requires", "anchor"):
        compiled = getattr(rule, name)
        out[name] = compiled.pattern if compiled is not None else None
    out["examples"] = [_example(e) for e in rule.examples]
    out["negatives"] = [n.text for n in rule.negatives]
    out["misses"] = [_example(e) for e in rule.misses]
    return out


def _example(example) -> dict[str, Any]:
    out: dict[str, Any] = {"text": example.text, "facts": list(example.expected), "line": example.line}
    if example.published:
        out["published"] = example.published
    return out


def rule_text(detail: dict[str, Any]) -> str:
    """`rules show` for reading: a header, the patterns, then each example as `text -> fact`."""
    lines = [f"{detail['id']}  ({detail['type']}, priority {detail['priority']}, normalizer "
             f"{detail['normalizer']})", f"defined at {detail['path']}:{detail['line']}"]
    if detail["description"]:
        lines.append(detail["description"])
    lines += ["", "pattern:", f"  {detail['pattern']}", "expanded:", f"  {detail['expanded']}"]
    for name in ("prefix", "suffix", "requires", "anchor"):
        if detail[name]:
            lines += [f"{name}:", f"  {detail[name]}"]
    for title, examples in (("examples", detail["examples"]), ("known misses", detail["misses"])):
        if examples:
            lines += ["", f"{title}:"]
            lines += [f"  {e['text']!r} -> {_facts(e['facts'])}" for e in examples]
    if detail["negatives"]:
        lines += ["", "negatives:"] + [f"  {text!r}" for text in detail["negatives"]]
    return "\n".join(lines)


def _facts(facts: list[dict]) -> str:
    return "; ".join(", ".join(f"{k}={v}" for k, v in fact.items()) for fact in facts) or "-"
