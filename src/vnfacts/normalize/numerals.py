"""Vietnamese numbers: digits with "." thousands and "," decimals, spelled-out numbers, scale words.

All arithmetic is exact (int or Decimal); a whole number always comes back as int.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Union

import regex

Number = Union[int, Decimal]

SCALES = {"nghìn": 10**3, "ngàn": 10**3, "vạn": 10**4, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}

_DIGITS = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
    "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}
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


def parse_spelled(words: list[str]) -> int:
    """Value of a spelled-out number below one thousand.

    >>> parse_spelled("hai mươi lăm".split()), parse_spelled("ba trăm linh năm".split())
    (25, 305)
    >>> parse_spelled("mười lăm".split()), parse_spelled("hai mươi mốt".split()), parse_spelled(["tư"])
    (15, 21, 4)
    """
    hundreds = tens = 0
    pending: int | None = None
    for w in words:
        w = w.lower()
        if w == "trăm":
            hundreds = (1 if pending is None else pending) * 100
            pending = None
        elif w == "mươi":
            tens = (1 if pending is None else pending) * 10
            pending = None
        elif w == "mười":
            tens = 10
        elif w in ("linh", "lẻ"):
            continue
        elif w in _DIGITS:
            pending = _DIGITS[w]
        else:
            raise ValueError(f"not a number word: {w!r}")
    return hundreds + tens + (pending or 0)


def parse_amount(text: str) -> Number:
    """Value of a number with optional scale words, digits or spelled out.

    >>> parse_amount("2.340 tỷ 150 triệu"), parse_amount("hai nghìn tỷ"), parse_amount("1,55 triệu")
    (2340150000000, 2000000000000, 1550000)
    >>> parse_amount("hai triệu rưỡi"), parse_amount("một trăm rưỡi"), parse_amount("45 ngàn")
    (2500000, 150, 45000)
    """
    total: Number = 0
    group: Number = 0
    largest = 1  # largest scale already folded into total
    last_scale = 1
    spelled: list[str] = []

    def flush_spelled() -> None:
        nonlocal group
        if spelled:
            group += parse_spelled(spelled)
            spelled.clear()

    for word in _WORD.findall(text):
        low = word.lower()
        if word[0].isdigit():
            flush_spelled()
            group += parse_digits(word)
        elif low in SCALES:
            flush_spelled()
            scale = SCALES[low]
            if group == 0 and total == 0:
                group = 1
            if total and scale > largest:
                total = (total + group) * scale
            else:
                total += group * scale
            largest = max(largest, scale)
            last_scale = scale
            group = 0
        elif low == "rưỡi":
            if spelled:  # "một trăm rưỡi": half of the last spelled multiplier
                unit = 100 if "trăm" in (w.lower() for w in spelled) else 10
                flush_spelled()
                group += unit // 2
            else:
                total += Decimal(last_scale) / 2
        else:
            spelled.append(word)
    flush_spelled()
    return exact(Decimal(total) + Decimal(group))
