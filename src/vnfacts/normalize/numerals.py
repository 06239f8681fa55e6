"""Vietnamese numbers: digits with "." thousands and "," decimals, spelled-out numbers, scale words.

All arithmetic is exact (int or Decimal); a whole number always comes back as int. The words
(digits, their places, scales) live in rules/lexicon.yaml as keyed lexicons (DIGIT_WORD,
DIGIT_AFTER_TENS, NUMBER_PLACE, SCALE_WORD, HALF_WORD); `Numerals` reads them from a rule set.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Mapping, Union

import regex

from ..text.fold import lookup_form as fold

Number = Union[int, Decimal]

_WORD = regex.compile(r"\d[\d.,]*|\w+", regex.UNICODE)


def exact(value: Number) -> Number:
    """Whole Decimals become int, so 27 tỷ is 27000000000 and not Decimal('2.7E+10').

    >>> exact(Decimal("104.650")), exact(Decimal("27E9"))
    (Decimal('104.65'), 27000000000)
    """
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return value.normalize()
    return value


_VIETNAMESE = regex.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?")  # 1.250,5  27  104,65
_ENGLISH_GROUPS = regex.compile(r"\d{1,3}(?:,\d{3}){2,}")  # 1,250,000
_DOT_DECIMAL = regex.compile(r"\d+\.\d+")  # 1.5, as careless texts write it


def parse_digits(s: str) -> Number:
    """Parse a number written with digits, Vietnamese style.

    "." groups thousands and "," is the decimal mark; a lone "." followed by other than three
    digits is read as a decimal point, as careless texts write "1.5 triệu". Anything else
    ("1,2.3") is not a number: ValueError.

    >>> parse_digits("1.250,5"), parse_digits("68.272"), parse_digits("104,65"), parse_digits("27")
    (Decimal('1250.5'), 68272, Decimal('104.65'), 27)
    >>> parse_digits("1.5"), parse_digits("1,250,000")
    (Decimal('1.5'), 1250000)
    """
    if m := _VIETNAMESE.fullmatch(s):
        whole, frac = m.group(1).replace(".", ""), m.group(2)
        return exact(Decimal(f"{whole}.{frac}")) if frac else int(whole)
    if _ENGLISH_GROUPS.fullmatch(s):
        return int(s.replace(",", ""))
    if _DOT_DECIMAL.fullmatch(s):
        return exact(Decimal(s))
    raise ValueError(f"not a number: {s!r}")


@dataclass(frozen=True)
class Numerals:
    """Number words read from a rule set's lexicons, and the parsers that use them.

    >>> from vnfacts.rules import cached_ruleset
    >>> nums = Numerals.from_lexicons(cached_ruleset().lexicons)
    >>> nums.parse_spelled("hai mươi lăm".split()), nums.parse_spelled("ba trăm linh năm".split())
    (25, 305)
    >>> nums.parse_spelled("mười lăm".split()), nums.parse_spelled("hai mươi mốt".split()), nums.parse_spelled(["tư"])
    (15, 21, 4)
    >>> nums.parse_amount("2.340 tỷ 150 triệu"), nums.parse_amount("hai nghìn tỷ"), nums.parse_amount("1,55 triệu")
    (2340150000000, 2000000000000, 1550000)
    >>> nums.parse_amount("hai triệu rưỡi"), nums.parse_amount("một trăm rưỡi"), nums.parse_amount("45 ngàn")
    (2500000, 150, 45000)
    """

    digits: Mapping[str, int]  # folded word -> value: "một" 1, "tư" 4, "mười" 10
    places: Mapping[str, str]  # folded word -> tens, hundreds, zero_tens
    scales: Mapping[str, int]  # folded word -> 1000, 10**6, ...
    halves: frozenset[str]  # "rưỡi"
    scale_tail: regex.Pattern  # scale words ending a text: "300 đến 500 triệu"

    @classmethod
    def from_lexicons(cls, lexicons: Mapping) -> "Numerals":
        digits = {w: int(k) for name in ("DIGIT_WORD", "DIGIT_AFTER_TENS") for w, k in lexicons[name].forms.items()}
        scales = {w: int(k) for w, k in lexicons["SCALE_WORD"].forms.items()}
        tail = regex.compile(rf"(?:\s*{lexicons['SCALE_WORD'].pattern()}(?!\w))+\s*$", regex.IGNORECASE)
        return cls(digits, dict(lexicons["NUMBER_PLACE"].forms), scales,
                   frozenset(lexicons["HALF_WORD"].forms), tail)

    def parse_spelled(self, words: list[str]) -> int:
        """Value of a spelled-out number below one thousand (ValueError for other words)."""
        hundreds = tens = 0
        pending: int | None = None
        for w in words:
            key = fold(w)
            place = self.places.get(key)
            if place == "hundreds":
                hundreds = (1 if pending is None else pending) * 100
                pending = None
            elif place == "tens":
                tens = (1 if pending is None else pending) * 10
                pending = None
            elif place == "zero_tens":
                continue
            elif self.digits.get(key) == 10:  # "mười": one ten
                tens = 10
            elif key in self.digits:
                pending = self.digits[key]
            else:
                raise ValueError(f"not a number word: {w!r}")
        return hundreds + tens + (pending or 0)

    def parse_amount(self, text: str) -> Number:
        """Value of a number with optional scale words, digits or spelled out."""
        total: Number = 0
        group: Number = 0
        largest = 1  # largest scale already folded into total
        last_scale = 1
        spelled: list[str] = []

        def flush_spelled() -> None:
            nonlocal group
            if spelled:
                group += self.parse_spelled(spelled)
                spelled.clear()

        for word in _WORD.findall(text):
            key = fold(word)
            if word[0].isdigit():
                flush_spelled()
                group += parse_digits(word)
            elif key in self.scales:
                flush_spelled()
                scale = self.scales[key]
                if group == 0 and total == 0:
                    group = 1
                if total and scale > largest:
                    total = (total + group) * scale
                else:
                    total += group * scale
                largest = max(largest, scale)
                last_scale = scale
                group = 0
            elif key in self.halves:
                if spelled:  # "một trăm rưỡi": half of the last spelled multiplier
                    unit = 100 if any(self.places.get(fold(w)) == "hundreds" for w in spelled) else 10
                    flush_spelled()
                    group += unit // 2
                else:
                    total += Decimal(last_scale) / 2
            else:
                spelled.append(word)
        flush_spelled()
        return exact(Decimal(total) + Decimal(group))

    def is_scaled(self, text: str) -> bool:
        """Does the text end with a scale word ("500 triệu")?"""
        return self.scale_tail.search(text) is not None
