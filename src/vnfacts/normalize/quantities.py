"""Normalizers for numeric facts: percent, money and quantity.

Named groups a numeric rule may use: `qualifier`, `amount`, `upper` (range), `currency`,
`per`, `unit`, `point` (percentage points).
"""
from __future__ import annotations

from typing import Any

import regex

from .contract import MatchInfo, Result, declare, one
from .numerals import Numerals

_SPACES = regex.compile(r"\s+")


def _range_bounds(nums: Numerals, lower: str, upper: str | None):
    """Values of a range's bounds.

    A bare lower bound takes the upper bound's scale when that keeps the range increasing:
    "300 đến 500 triệu" is 300-500 million, "500.000 đến 1 triệu" is half a million to one.

    >>> from vnfacts.rules import cached_ruleset
    >>> nums = Numerals.from_lexicons(cached_ruleset().lexicons)
    >>> _range_bounds(nums, "300", "500 triệu"), _range_bounds(nums, "500.000", "1 triệu")
    ((300000000, 500000000), (500000, 1000000))
    """
    if upper is None:
        return nums.parse_amount(lower), None
    high = nums.parse_amount(upper)
    low = nums.parse_amount(lower)
    tail = nums.scale_tail.search(upper)
    if tail and not nums.is_scaled(lower):
        scaled = nums.parse_amount(lower + " " + tail.group().strip())
        if scaled < high:
            low = scaled
    return low, high


def number_fields(m: MatchInfo) -> dict[str, Any] | None:
    """value / upper / qualifier shared by every numeric type."""
    amount = m.group("amount")
    if amount is None:
        return None
    try:
        value, upper = _range_bounds(m.prepared, amount, m.group("upper"))
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


#: Fields every numeric normalizer may give.
NUMBER_FIELDS = ("value", "upper", "qualifier")


@declare("percent", required=("amount",), optional=("upper", "qualifier", "point", "per"), lexicons=("QUALIFIER",),
         returns=NUMBER_FIELDS + ("unit", "per"), prepare=Numerals.from_lexicons)
def percent(m: MatchInfo) -> Result | None:
    """A percentage ("7,5%", "từ 5-7%") or percentage points ("0,8 điểm phần trăm")."""
    fields = number_fields(m)
    if fields is None:
        return None
    fields["unit"] = "percentage_point" if m.group("point") else "%"
    return one(fields | _per(m))


@declare("money", required=("amount", "currency"), optional=("upper", "qualifier", "per"),
         lexicons=("QUALIFIER", "CURRENCY"), returns=NUMBER_FIELDS + ("currency", "per"),
         prepare=Numerals.from_lexicons)
def money(m: MatchInfo) -> Result | None:
    """An amount of money with its ISO currency ("27 tỷ đồng" -> 27000000000 VND)."""
    fields = number_fields(m)
    currency = m.lookup("CURRENCY", m.group("currency"))
    if fields is None or currency is None:
        return None
    return one(fields | {"currency": currency} | _per(m))


@declare("quantity", required=("amount", "unit"), optional=("upper", "qualifier"), lexicons=("QUALIFIER",),
         returns=NUMBER_FIELDS + ("unit",), prepare=Numerals.from_lexicons)
def quantity(m: MatchInfo) -> Result | None:
    """A count or measure with its unit as written ("hơn 45 ngàn người")."""
    fields = number_fields(m)
    unit = m.group("unit")
    if fields is None or not unit:
        return None
    return one(fields | {"unit": _SPACES.sub(" ", unit)})


#: underthesea POS tags of nouns that count things: common nouns, classifiers, unit nouns.
COUNT_NOUN_TAGS = frozenset({"N", "Nc", "Nu"})


@declare("quantity_noun", required=("amount", "unit"), optional=("upper", "qualifier"),
         lexicons=("QUALIFIER", "UNIT", "NOT_UNIT", "CURRENCY"), returns=NUMBER_FIELDS + ("unit",),
         prepare=Numerals.from_lexicons)
def quantity_noun(m: MatchInfo) -> Result | None:
    """A number followed by any noun, as underthesea's POS tagger sees it: "1.138 nguồn tin".

    The unit is the whole underthesea word that follows the number; the fact's span ends with
    it. Units in the UNIT lexicon are left to the lexicon rule; currencies to money; words in
    NOT_UNIT (time units, ordinals, scores) are never counts.
    """
    start, _ = m.spans.get("unit", (None, None))
    if start is None or m.line is None:
        return None
    syllable = m.group("unit")
    if any(m.has(lexicon, syllable) for lexicon in ("UNIT", "NOT_UNIT", "CURRENCY")):
        return None  # settled without asking the (slower) tagger
    fields = number_fields(m)
    if fields is None:
        return None
    word = m.line.tagged_word_at(start)
    if word is None or word.tag not in COUNT_NOUN_TAGS:
        return None
    first = word.text.split()[0]
    if any(m.has(lexicon, w) for lexicon in ("UNIT", "NOT_UNIT", "CURRENCY") for w in (first, word.text)):
        return None
    return one(fields | {"unit": word.text}, end=word.end)
