"""Normalizers for numeric facts: percent, money and quantity.

Named groups a numeric rule may use: `qualifier`, `amount`, `upper` (range), `currency`,
`per`, `unit`, `point` (percentage points).
"""
from __future__ import annotations

from typing import Any

import regex

from . import MatchInfo, normalizer
from .numerals import SCALES, parse_amount

_SCALE_TAIL = regex.compile(r"(?:\s*(?:" + "|".join(SCALES) + r"))+\s*$", regex.IGNORECASE)
_SPACES = regex.compile(r"\s+")


def _range_bounds(lower: str, upper: str | None):
    """Values of a range's bounds.

    A bare lower bound takes the upper bound's scale when that keeps the range increasing:
    "300 đến 500 triệu" is 300-500 million, "500.000 đến 1 triệu" is half a million to one.

    >>> _range_bounds("300", "500 triệu"), _range_bounds("500.000", "1 triệu")
    ((300000000, 500000000), (500000, 1000000))
    """
    if upper is None:
        return parse_amount(lower), None
    high = parse_amount(upper)
    low = parse_amount(lower)
    tail = _SCALE_TAIL.search(upper)
    if tail and not _SCALE_TAIL.search(lower):
        scaled = parse_amount(lower + " " + tail.group().strip())
        if scaled < high:
            low = scaled
    return low, high


def number_fields(m: MatchInfo) -> dict[str, Any] | None:
    """value / upper / qualifier shared by every numeric type."""
    amount = m.group("amount")
    if amount is None:
        return None
    try:
        value, upper = _range_bounds(amount, m.group("upper"))
    except ValueError:
        return None
    if upper is not None and upper <= value:
        return None  # "5-3%" is not a range; more likely a score or a code
    fields: dict[str, Any] = {"value": value}
    if upper is not None:
        fields["upper"] = upper
    qualifier = m.lookup("QUALIFIER", m.group("qualifier"))
    if qualifier:
        fields["qualifier"] = qualifier
    return fields


def _per(m: MatchInfo) -> dict[str, Any]:
    per = m.group("per")
    return {"per": _SPACES.sub(" ", per.strip())} if per else {}


@normalizer("percent")
def percent(m: MatchInfo) -> dict[str, Any] | None:
    fields = number_fields(m)
    if fields is None:
        return None
    fields["unit"] = "percentage_point" if m.group("point") else "%"
    return fields | _per(m)


@normalizer("money")
def money(m: MatchInfo) -> dict[str, Any] | None:
    fields = number_fields(m)
    currency = m.lookup("CURRENCY", m.group("currency"))
    if fields is None or currency is None:
        return None
    return fields | {"currency": currency} | _per(m)


@normalizer("quantity")
def quantity(m: MatchInfo) -> dict[str, Any] | None:
    fields = number_fields(m)
    unit = m.group("unit")
    if fields is None or not unit:
        return None
    return fields | {"unit": _SPACES.sub(" ", unit)}


#: underthesea POS tags of nouns that count things: common nouns, classifiers, unit nouns.
COUNT_NOUN_TAGS = frozenset({"N", "Nc", "Nu"})


@normalizer("quantity_noun")
def quantity_noun(m: MatchInfo) -> dict[str, Any] | None:
    """A number followed by any noun, as underthesea's POS tagger sees it: "1.138 nguồn tin".

    The unit is the whole underthesea word that follows the number; the fact's span ends with
    it. Units in the UNIT lexicon are left to the lexicon rule; currencies to money; words in
    NOT_UNIT (time units, ordinals, scores) are never counts.
    """
    start, _ = m.spans.get("unit", (None, None))
    if start is None or m.view is None:
        return None
    syllable = m.group("unit")
    if any(m.has(lexicon, syllable) for lexicon in ("UNIT", "NOT_UNIT", "CURRENCY")):
        return None  # settled without asking the (slower) tagger
    fields = number_fields(m)
    if fields is None:
        return None
    word = m.view.tagged_word_at(start)
    if word is None or word.tag not in COUNT_NOUN_TAGS:
        return None
    first = word.text.split()[0]
    if any(m.has(lexicon, w) for lexicon in ("UNIT", "NOT_UNIT", "CURRENCY") for w in (first, word.text)):
        return None
    return fields | {"unit": word.text, "end": word.end}
