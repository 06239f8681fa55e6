"""The date values of the output contract (README, `date`), defined once.

A point is a year, a quarter, an ISO week, a month or a day at its own grain; a day may carry
an hour or an hour and minute. A point whose year cannot be known starts with "--" instead of
the year. A clock time with no day is "THH" or "THH:MM". An interval is "start/end": two
points, or two clock times. invariants.py, evaluate/gold.py and schema/document.schema.json
(the same string, checked by a test) all use PATTERN.

>>> [is_iso_date(v) for v in ("2023", "2024-Q3", "2024-W10", "2023-12", "2023-12-26")]
[True, True, True, True, True]
>>> [is_iso_date(v) for v in ("2024-10-13T08:30", "--12-26", "--Q1", "T09:15", "2026/2030")]
[True, True, True, True, True]
>>> [is_iso_date(v) for v in ("-", "2023-13", "2023-12-26T24", "T9:15", "2023/", "26/12/2023")]
[False, False, False, False, False, False]
"""
from __future__ import annotations

import regex

# [0-9], not \d: Python's \d takes any Unicode digit ("２０２３"), ECMA 262's (JSON Schema's) only ASCII ones.
_MONTH = r"(?:0[1-9]|1[0-2])"
_DAY = r"(?:0[1-9]|[12][0-9]|3[01])"
_CLOCK = r"T(?:[01][0-9]|2[0-3])(?::[0-5][0-9])?"
_WEEK = r"W(?:0[1-9]|[1-4][0-9]|5[0-3])"
#: What follows the year (or the "-" of an unknown year): a quarter, a week, a month, a day, a time.
_AFTER_YEAR = rf"-(?:Q[1-4]|{_WEEK}|{_MONTH}(?:-{_DAY}(?:{_CLOCK})?)?)"
_POINT = rf"(?:[0-9]{{4}}(?:{_AFTER_YEAR})?|-{_AFTER_YEAR})"

#: The whole value, anchored, in the syntax Python's regex and JSON Schema (ECMA 262) share.
PATTERN = rf"^(?:{_POINT}(?:/{_POINT})?|{_CLOCK}(?:/{_CLOCK})?)$"
ISO_DATE = regex.compile(PATTERN)


def is_iso_date(value: object) -> bool:
    """Is `value` a date value the output contract allows? (A string, the whole of it.)

    >>> is_iso_date("2024-01/2024-06"), is_iso_date("--12-30/--01-02"), is_iso_date("2024\\n")
    (True, True, False)
    """
    return isinstance(value, str) and ISO_DATE.fullmatch(value) is not None
