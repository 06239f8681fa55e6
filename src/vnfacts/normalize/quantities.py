"""Normalizers for numeric facts: percent, money and quantity.

Named groups a numeric rule may use: `qualifier` (before the number), `qualifier_after` ("trở
lên" after it), `from` ("từ" before it: kept only with a qualifier after), `sign` ("âm"),
`amount`, `upper` (range), `currency`, `context` (a money word that makes "đô" a currency),
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
    """value / upper / qualifier shared by every numeric type.

    The qualifier before the number wins; else the one after it ("từ 18 tuổi trở lên" is
    at_least). A "từ" before the number belongs to it only with a qualifier after it: else the
    match is refused, and the matcher tries it again without the "từ".
    """
    amount = m.group("amount")
    if amount is None:
        return None
    try:
        value, upper = _range_bounds(m.prepared, amount, m.group("upper"))
    except ValueError:
        return None
    if upper is not None and upper <= value:
        return None  # "5-3%" is not a range; more likely a score or a code
    after = m.lookup("QUALIFIER_AFTER", m.group("qualifier_after"))
    if m.group("from") and not after:
        return None
    if m.group("sign"):
        if upper is not None:
            return None  # "âm 2-3%": which bound is negative is not clear
        value = -value
    fields: dict[str, Any] = {"value": value}
    if upper is not None:
        fields["upper"] = upper
    qualifier = m.lookup("QUALIFIER", m.group("qualifier")) or after
    if qualifier:
        fields["qualifier"] = qualifier
    return fields


def _per(m: MatchInfo) -> dict[str, Any]:
    per = m.group("per")
    return {"per": _SPACES.sub(" ", per.strip())} if per else {}


#: Fields every numeric normalizer may give.
NUMBER_FIELDS = ("value", "upper", "qualifier")
#: Groups every numeric normalizer may read besides `amount`, and the lexicons they need.
NUMBER_GROUPS = ("upper", "qualifier", "qualifier_after", "from")
NUMBER_LEXICONS = ("QUALIFIER", "QUALIFIER_AFTER")


@declare("percent", required=("amount",), optional=NUMBER_GROUPS + ("sign", "point", "per"), lexicons=NUMBER_LEXICONS,
         returns=NUMBER_FIELDS + ("unit", "per"), prepare=Numerals.from_lexicons)
def percent(m: MatchInfo) -> Result | None:
    """A percentage ("7,5%", "từ 5-7%") or percentage points ("0,8 điểm phần trăm")."""
    fields = number_fields(m)
    if fields is None:
        return None
    fields["unit"] = "percentage_point" if m.group("point") else "%"
    return one(fields | _per(m))


@declare("money", required=("amount", "currency"), optional=NUMBER_GROUPS + ("sign", "per", "context"),
         lexicons=NUMBER_LEXICONS + ("CURRENCY", "CURRENCY_IN_CONTEXT"),
         returns=NUMBER_FIELDS + ("currency", "per"), prepare=Numerals.from_lexicons)
def money(m: MatchInfo) -> Result | None:
    """An amount of money with its ISO currency ("27 tỷ đồng" -> 27000000000 VND).

    A currency word that is mostly something else ("đô" of "đô thị", "bảng") counts only after
    a money word (`context`: "giá 10 đô"); the fact then starts at its qualifier or amount.
    """
    fields = number_fields(m)
    surface = m.group("currency")
    currency = m.lookup("CURRENCY", surface)
    start = None
    if currency is None and m.group("context"):
        currency = m.lookup("CURRENCY_IN_CONTEXT", surface)
        start = min(m.spans[g][0] for g in ("_qualified", "sign", "amount") if g in m.spans)
    if fields is None or currency is None:
        return None
    return one(fields | {"currency": currency} | _per(m), start=start)


#: underthesea POS tags of nouns that count things: common nouns, classifiers, unit nouns.
COUNT_NOUN_TAGS = frozenset({"N", "Nc", "Nu"})


@declare("quantity", required=("amount", "unit"), optional=NUMBER_GROUPS + ("per",),
         lexicons=NUMBER_LEXICONS + ("KEEP_HEAD", "NOT_UNIT", "CURRENCY"),
         returns=NUMBER_FIELDS + ("unit", "per"), prepare=Numerals.from_lexicons)
def quantity(m: MatchInfo) -> Result | None:
    """A count or measure with its unit as written ("hơn 45 ngàn người", "6,5 tấn/ha").

    The unit is the whole noun: when underthesea reads the lexicon's word and the next syllable
    as one noun ("khách" + "sạn", "máy" + "bay"), that noun is the unit and the fact ends with
    it. Heads whose compounds are a noun and its modifier ("người dân", "hộ nghèo": KEEP_HEAD)
    keep their head, as docs/annotation.md says.
    """
    fields = number_fields(m)
    unit = m.group("unit")
    if fields is None or not unit:
        return None
    word = None if (m.group("per") or m.group("qualifier_after")) else _whole_noun(m, unit)
    if word is not None:
        return one(fields | {"unit": word.text}, end=word.end)
    return one(fields | {"unit": _SPACES.sub(" ", unit)} | _per(m))


def _whole_noun(m: MatchInfo, unit: str):
    """underthesea's noun that starts with the unit and goes on past it, or None."""
    start, end = m.spans.get("unit", (None, None))
    line = m.line
    if start is None or line is None or not unit.isalpha() or not unit.islower() or m.has("KEEP_HEAD", unit):
        return None  # "tàu chiến" (cỡ lớn) is a compound already; "kWh" (điện) a measure
    text = line.text
    if text[end:end + 1] != " " or not text[end + 1:end + 2].islower():
        return None  # the unit ends the phrase: nothing to join
    word = line.tagged_word_at(start)
    if word is None or word.end <= end or word.tag not in COUNT_NOUN_TAGS:
        return None
    if any(m.has(lexicon, word.text) for lexicon in ("NOT_UNIT", "CURRENCY")):
        return None
    return word


@declare("quantity_noun", required=("amount", "unit"), optional=NUMBER_GROUPS,
         lexicons=NUMBER_LEXICONS + ("UNIT", "UNIT_SYMBOL", "NOT_UNIT", "CURRENCY"), returns=NUMBER_FIELDS + ("unit",),
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
    if any(m.has(lexicon, syllable) for lexicon in ("UNIT", "UNIT_SYMBOL", "NOT_UNIT", "CURRENCY")):
        return None  # settled without asking the (slower) tagger
    fields = number_fields(m)
    if fields is None:
        return None
    word = m.line.tagged_word_at(start)
    if word is None or word.tag not in COUNT_NOUN_TAGS:
        return None
    first = word.text.split()[0]
    if any(m.has(lexicon, w) for lexicon in ("UNIT", "UNIT_SYMBOL", "NOT_UNIT", "CURRENCY") for w in (first, word.text)):
        return None
    return one(fields | {"unit": word.text}, end=word.end)
