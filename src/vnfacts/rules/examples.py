"""A rule's examples, negatives and known misses, read from its YAML mapping.

`bad(what, key=None)` collects a problem with the line of the rule (or of its key).
"""
from __future__ import annotations

from typing import Any

from .model import Example, Negative
from .yamlfile import LineDict
from ..suggest import did_you_mean

EXAMPLE_KEYS = ("text", "texts", "fact", "facts", "published")


def examples(item: LineDict, bad, key: str = "examples", required: bool = True) -> tuple[Example, ...]:
    """The rule's examples (or `misses`): `text` or `texts` (each text its own example of
    the same expectation), with `fact` (one fact covering the text) or `facts` (all)."""
    raw = item.get(key)
    if raw is None and not required:
        return ()
    if not isinstance(raw, list) or not raw:
        if required:
            bad("every rule needs at least one example", key if key in item else None)
        else:
            bad(f"'{key}' must be a list of examples", key)
        return ()
    label = key[:-1] if key == "examples" else "miss"
    out = []
    for i, ex in enumerate(raw):
        line = raw.item_lines[i]
        if not isinstance(ex, dict):
            bad(f"{label} at line {line} must be a mapping with 'text' and 'fact' or 'facts'")
            continue
        for k in ex:
            if k not in EXAMPLE_KEYS:
                bad(f"{label} at line {ex.line_of(k)}: unknown key '{k}'{did_you_mean(str(k), EXAMPLE_KEYS)}")
        texts = ex.get("texts") if "texts" in ex else [ex.get("text")]
        has_one, has_many = "fact" in ex, "facts" in ex
        if ("text" in ex) == ("texts" in ex):
            bad(f"{label} at line {line} needs exactly one of 'text' or 'texts'")
        elif not isinstance(texts, list) or not texts or not all(isinstance(t, str) and t for t in texts):
            bad(f"{label} at line {line} needs a 'text' string (or 'texts', a list of them)")
        elif has_one == has_many:
            bad(f"{label} at line {line} needs exactly one of 'fact' or 'facts'")
        elif has_one and not isinstance(ex["fact"], dict):
            bad(f"{label} at line {line}: 'fact' must be a mapping")
        elif has_many and not (isinstance(ex["facts"], list) and all(isinstance(f, dict) for f in ex["facts"])):
            bad(f"{label} at line {line}: 'facts' must be a list of mappings")
        else:
            expected = (ex["fact"],) if has_one else tuple(ex["facts"])
            out.extend(Example(text, tuple(dict(e) for e in expected), has_one, line, _str(ex.get("published")))
                       for text in texts)
    return tuple(out)

def negatives(item: LineDict, bad) -> tuple[Negative, ...]:
    raw = item.get("negatives") or []
    if not isinstance(raw, list):
        bad("'negatives' must be a list of texts", "negatives")
        return ()
    out = []
    for i, neg in enumerate(raw):
        line = raw.item_lines[i]
        if isinstance(neg, str):
            out.append(Negative(neg, line))
        elif isinstance(neg, dict) and isinstance(neg.get("text"), str):
            out.append(Negative(neg["text"], line, _str(neg.get("published"))))
        else:
            bad(f"negative at line {line} must be a text")
    return tuple(out)


def _str(v: Any) -> str | None:
    return None if v is None else str(v)
