"""Vietnamese numbers: digits with "." thousands and "," decimals, spelled-out numbers, scale words.

All arithmetic is exact (int or Decimal); a whole number always comes back as int. The words
(digits, their places, scales) live in rules/lexicon.yaml as lexicons (DIGIT_WORD,
DIGIT_AFTER_TENS, DIGIT_ZERO, TENS_WORD, HUNDRED_WORD, ZERO_TENS_WORD, SCALE_WORD, HALF_WORD,
DECIMAL_WORD); `Numerals` reads them from a rule set.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Mapping, Union

import regex

from ..text.fold import lookup_form as fold
from .contract import reads_lexicons

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
    >>> nums.parse_amount("hai nghìn không trăm hai mươi"), nums.parse_amount("một nghìn lẻ một")
    (2020, 1001)
    >>> nums.parse_amount("2 phẩy 5 tỷ"), nums.parse_amount("hai phẩy năm"), nums.parse_amount("3 phẩy 05")
    (2500000000, Decimal('2.5'), Decimal('3.05'))
    """

    digits: Mapping[str, int]  # folded word -> value: "một" 1, "tư" 4, "mười" 10, "không" 0
    places: Mapping[str, str]  # folded word -> tens, hundreds, zero_tens
    scales: Mapping[str, int]  # folded word -> 1000, 10**6, ...
    halves: frozenset[str]  # "rưỡi"
    scale_tail: regex.Pattern  # scale words ending a text: "300 đến 500 triệu"
    after_tens: frozenset[str] = frozenset()  # "mốt", "tư", "lăm": only after tens
    points: frozenset[str] = frozenset()  # "phẩy": the spoken decimal mark

    @classmethod
    @reads_lexicons("DIGIT_WORD", "DIGIT_AFTER_TENS", "DIGIT_ZERO", "TENS_WORD", "HUNDRED_WORD", "ZERO_TENS_WORD",
                    "SCALE_WORD", "HALF_WORD", "DECIMAL_WORD")
    def from_lexicons(cls, lexicons: Mapping) -> "Numerals":
        names = ("DIGIT_WORD", "DIGIT_AFTER_TENS", "DIGIT_ZERO")
        digits = {w: int(k) for name in names for w, k in lexicons[name].forms.items()}
        places = {w: place for name, place in (("TENS_WORD", "tens"), ("HUNDRED_WORD", "hundreds"),
                                                ("ZERO_TENS_WORD", "zero_tens")) for w in lexicons[name].forms}
        scales = {w: int(k) for w, k in lexicons["SCALE_WORD"].forms.items()}
        tail = regex.compile(rf"(?:\s*{lexicons['SCALE_WORD'].pattern()}(?!\w))+\s*$", regex.IGNORECASE)
        points = frozenset(lexicons["DECIMAL_WORD"].forms)
        return cls(digits, places, scales,
                   frozenset(lexicons["HALF_WORD"].forms), tail,
                   frozenset(lexicons["DIGIT_AFTER_TENS"].forms), points)

    def _digit(self, key: str) -> int:
        value = self.digits.get(key)
        if value is None or value >= 10:
            raise ValueError(f"not a digit word: {key!r}")
        return value

    def parse_spelled(self, words: list[str]) -> int:
        """Value of a spelled-out number below one thousand, read by its grammar:
        [digit trăm] [linh|lẻ digit | mười [digit] | digit mươi [digit] | digit].
        Any other sequence ("một năm", "hai ba", "mươi") is not one number: ValueError.

        >>> from vnfacts.rules import cached_ruleset
        >>> nums = Numerals.from_lexicons(cached_ruleset().lexicons)
        >>> nums.parse_spelled("một trăm linh năm".split()), nums.parse_spelled("không trăm hai mươi".split())
        (105, 20)
        >>> nums.parse_spelled("một năm".split())
        Traceback (most recent call last):
        ValueError: not one number: 'một năm'
        """
        keys = [fold(w) for w in words]
        n, i, total = len(keys), 0, 0
        try:
            if n >= 2 and self.places.get(keys[1]) == "hundreds":
                total, i = self._digit(keys[0]) * 100, 2
            if i < n and self.places.get(keys[i]) == "zero_tens":
                if i + 2 != n:  # "linh năm": one digit after (after hundreds, or after a scale)
                    raise ValueError
                return total + self._digit(keys[i + 1])
            if i < n:
                if self.digits.get(keys[i]) == 10:  # "mười": one ten
                    total, i, tens = total + 10, i + 1, True
                elif i + 1 < n and self.places.get(keys[i + 1]) == "tens":
                    total, i, tens = total + self._digit(keys[i]) * 10, i + 2, True
                else:
                    if i > 0:  # "một trăm năm": a hundred years, not 105 ("một trăm linh năm")
                        raise ValueError
                    total, i, tens = total + self._digit(keys[i]), i + 1, False
                if tens and i < n:
                    if self._digit(keys[i]) == 5 and keys[i] not in self.after_tens:
                        raise ValueError  # "mười năm", "ba mươi năm": ten, thirty years
                    total, i = total + self._digit(keys[i]), i + 1
            if i != n or (n and total == 0 and keys[0] not in self.digits):
                raise ValueError
        except (ValueError, IndexError):
            raise ValueError(f"not one number: {' '.join(words)!r}") from None
        return total

    def _items(self, text: str) -> list[tuple[str, Any]]:
        """The text as numbers, scales and halves: ("num", value, place) ("scale", n) ("half",)."""
        items: list[tuple] = []
        spelled: list[str] = []

        def flush() -> None:
            if spelled:
                place = 100 if any(self.places.get(fold(w)) == "hundreds" for w in spelled) else 10
                items.append(("num", self.parse_spelled(spelled), place, str(self.parse_spelled(spelled))))
                spelled.clear()

        for word in _WORD.findall(text):
            key = fold(word)
            if word[0].isdigit():
                flush()
                items.append(("num", parse_digits(word), 1, word))
            elif key in self.scales:
                flush()
                items.append(("scale", self.scales[key]))
            elif key in self.halves:
                items.append(("half", spelled[:]))
                spelled.clear()
            elif key in self.points:
                flush()
                items.append(("point",))
            else:
                spelled.append(word)
        flush()
        # "2 phẩy 5": a spoken decimal mark joins the numbers on either side.
        out: list[tuple] = []
        k = 0
        while k < len(items):
            item = items[k]
            if item[0] == "point":
                if not (out and out[-1][0] == "num" and k + 1 < len(items) and items[k + 1][0] == "num"):
                    raise ValueError(f"not a decimal: {text!r}")
                whole, frac = out.pop(), items[k + 1]
                if not (isinstance(whole[1], int) and isinstance(frac[1], int)) or not frac[3].isdigit():
                    raise ValueError(f"not a decimal: {text!r}")
                out.append(("num", exact(Decimal(f"{whole[1]}.{frac[3]}")), 1, ""))
                k += 2
                continue
            out.append(item)
            k += 1
        return out

    def parse_amount(self, text: str) -> Number:
        """Value of a number with optional scale words, digits or spelled out."""
        total: Number = 0
        group: Number = 0
        largest = 1  # largest scale already folded into total
        last_scale = 1
        for item in self._items(text):
            kind = item[0]
            if kind == "num":
                group += item[1]
            elif kind == "scale":
                scale = item[1]
                if group == 0 and total == 0:
                    group = 1
                if total and scale > largest:
                    total = (total + group) * scale
                else:
                    total += group * scale
                largest = max(largest, scale)
                last_scale = scale
                group = 0
            else:  # half
                if item[1]:  # "một trăm rưỡi": half of the last spelled multiplier
                    unit = 100 if any(self.places.get(fold(w)) == "hundreds" for w in item[1]) else 10
                    group += self.parse_spelled(item[1]) + unit // 2
                else:
                    total += Decimal(last_scale) / 2
        return exact(Decimal(total) + Decimal(group))

    def is_scaled(self, text: str) -> bool:
        """Does the text end with a scale word ("500 triệu")?"""
        return self.scale_tail.search(text) is not None
