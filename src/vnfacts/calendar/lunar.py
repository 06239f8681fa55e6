"""Vietnamese lunar calendar (âm lịch), computed astronomically for UTC+7.

The Vietnamese lunisolar calendar follows the same rules as the Chinese one, but the
days are reckoned at the meridian of Vietnam (UTC+7) instead of China (UTC+8).  When a
new moon falls between 16:00 and 17:00 UT, the two calendars start a month on
different days, and in some years this moves Tết (1985: 21 January in Vietnam,
20 February in China; 2007: 17 February in Vietnam, 18 February in China).

Rules used here:

* A lunar month begins on the (local, UTC+7) day of a new moon.
* Month 11 is the month containing the December solstice (sun longitude 270°).
* If there are 13 new moons from one month 11 to the next, the first month after
  month 11 that contains no major solar term (sun longitude a multiple of 30°) is a
  leap month; it takes the number of the month before it.
* Lunar year ``Y`` starts with month 1 (Tết, "tháng Giêng"), which falls in
  January or February of Gregorian year ``Y``.

The astronomy (astronomy.py) follows the classical formulas popularised by Jean Meeus
("Astronomical Algorithms"): the periodic-term series for the true new moon, the
apparent longitude of the sun from a truncated VSOP87 series with nutation and
aberration, and the Espenak–Meeus polynomials for ΔT (TT − UT).  New moons and solar
terms come out within about a minute over 1900–2100 (the future ΔT is itself uncertain
by a minute or so by 2100); that only matters when one falls within a minute of local
midnight.

Historical note: until August 1967 Vietnamese almanacs (and the South until 1975)
reckoned on UTC+8, i.e. followed the Chinese calendar.  This module computes the
modern UTC+7 calendar for every year; pass ``utc_offset=8`` to get the Chinese
reckoning (e.g. Tết Mậu Thân 1968 was 29 January in the North, 30 January in the
South).

Everything is pure Python, without dependencies.  A year's months are computed once
and cached, so converting many dates is fast.
"""

from __future__ import annotations

import datetime
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .astronomy import JDN_ORDINAL_DELTA, month11_k, new_moon_day, sun_sector

__all__ = [
    "LunarDate",
    "MIN_YEAR",
    "MAX_YEAR",
    "lunar_to_solar",
    "solar_to_lunar",
    "tet",
    "leap_month",
    "month_length",
    "year_months",
    "cycle_of_year",
    "year_of_cycle",
]

#: Lunar years accepted (the formulas are tested over 1900–2100).
MIN_YEAR = 1800
MAX_YEAR = 2199

_DEFAULT_OFFSET = 7.0


@dataclass(frozen=True)
class LunarDate:
    """A date of the Vietnamese lunar calendar.

    ``year`` is the lunar year, numbered by the Gregorian year in which it begins
    (its Tết); ``leap`` is true in a leap month (tháng nhuận).

    >>> LunarDate(1, 1, 2024)
    LunarDate(day=1, month=1, year=2024, leap=False)
    >>> str(LunarDate(15, 4, 2020, leap=True))
    '15/4 nhuận/2020'
    """

    day: int
    month: int
    year: int
    leap: bool = False

    def __str__(self) -> str:
        return f"{self.day}/{self.month}{' nhuận' if self.leap else ''}/{self.year}"



@lru_cache(maxsize=512)
def _sui(year: int, offset: float) -> tuple[tuple[int, bool, int], ...]:
    """Months from month 11 of ``year`` up to (and including) month 11 of ``year + 1``.

    Returns ``(month, leap, first_jdn)`` triples; the last one is the next month 11.
    """
    k0 = month11_k(year, offset)
    k1 = month11_k(year + 1, offset)
    starts = [new_moon_day(k, offset) for k in range(k0, k1 + 1)]
    n = len(starts) - 1  # 12 or 13 months
    leap_index = -1
    if n == 13:
        sectors = [sun_sector(d, offset) for d in starts]
        for i in range(1, 13):
            if sectors[i] == sectors[i + 1]:
                leap_index = i
                break
    result = []
    month = 11
    for i, start in enumerate(starts[:-1]):
        leap = i == leap_index
        if i > 0 and not leap:
            month = month % 12 + 1
        result.append((month, leap, start))
    result.append((11, False, starts[-1]))
    return tuple(result)


@lru_cache(maxsize=512)
def _year_table(year: int, offset: float) -> tuple[tuple[tuple[int, bool], ...], tuple[int, ...]]:
    """Months of lunar ``year``: ((month, leap), ...) and their first days (JDN), plus the
    first day of the next year as a final sentinel in the second tuple."""
    before = _sui(year - 1, offset)[:-1]
    after = _sui(year, offset)[:-1]
    # Months 1..10 (and a leap one among them) come from the period after the previous
    # December solstice; months 11 and 12 (or a leap 11/12) open the following one.
    months = [(m, lp, d) for m, lp, d in before if m not in (11, 12)]
    months += [(m, lp, d) for m, lp, d in after if m in (11, 12)]
    keys = []
    starts = []
    for m, lp, d in months:
        keys.append((m, lp))
        starts.append(d)
    next_tet = next(d for m, lp, d in after if m == 1 and not lp)
    starts.append(next_tet)
    return tuple(keys), tuple(starts)


def _check_year(year: int) -> None:
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"year must be an int, not {type(year).__name__}")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"lunar year {year} outside the supported range {MIN_YEAR}–{MAX_YEAR}")


def _check_int(name: str, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")


def _date_of(jdn: int) -> datetime.date:
    return datetime.date.fromordinal(jdn - JDN_ORDINAL_DELTA)


def _jdn_of(d: datetime.date) -> int:
    return d.toordinal() + JDN_ORDINAL_DELTA


# ---------------------------------------------------------------------------
# Public conversion API
# ---------------------------------------------------------------------------


def year_months(year: int, *, utc_offset: float = _DEFAULT_OFFSET
                ) -> list[tuple[int, bool, datetime.date, int]]:
    """The months of lunar ``year`` as ``(month, leap, first_day, length)`` tuples.

    >>> [(m, lp, n) for m, lp, _, n in year_months(2023)][:4]
    [(1, False, 29), (2, False, 30), (2, True, 29), (3, False, 29)]
    >>> len(year_months(2024))
    12
    """
    _check_year(year)
    keys, starts = _year_table(year, float(utc_offset))
    return [(m, lp, _date_of(starts[i]), starts[i + 1] - starts[i])
            for i, (m, lp) in enumerate(keys)]


def tet(year: int, *, utc_offset: float = _DEFAULT_OFFSET) -> datetime.date:
    """Gregorian date of Tết Nguyên Đán (1st day of the 1st lunar month) of ``year``.

    >>> tet(2024)
    datetime.date(2024, 2, 10)
    >>> tet(1985), tet(1985, utc_offset=8)  # Vietnam vs. China
    (datetime.date(1985, 1, 21), datetime.date(1985, 2, 20))
    """
    _check_year(year)
    return _date_of(_year_table(year, float(utc_offset))[1][0])


def leap_month(year: int, *, utc_offset: float = _DEFAULT_OFFSET) -> int | None:
    """Number of the leap month (tháng nhuận) of lunar ``year``, or ``None``.

    >>> leap_month(2023), leap_month(2020), leap_month(2024)
    (2, 4, None)
    """
    _check_year(year)
    for m, lp in _year_table(year, float(utc_offset))[0]:
        if lp:
            return m
    return None


def month_length(month: int, year: int, leap: bool = False, *,
                 utc_offset: float = _DEFAULT_OFFSET) -> int:
    """Number of days (29 or 30) of a lunar month; ValueError if it does not exist.

    >>> month_length(12, 2023), month_length(1, 2024)
    (30, 29)
    """
    return _month_span(month, year, leap, utc_offset)[1]


def _month_span(month: int, year: int, leap: bool, utc_offset: float) -> tuple[int, int]:
    """(JDN of the first day, length in days) of a lunar month; ValueError if it does not exist."""
    _check_year(year)
    _check_int("month", month)
    keys, starts = _year_table(year, float(utc_offset))
    try:
        i = keys.index((month, bool(leap)))
    except ValueError:
        if not 1 <= month <= 12:
            raise ValueError(f"lunar month must be 1–12, not {month}") from None
        raise ValueError(f"lunar year {year} has no leap month {month}") from None
    return starts[i], starts[i + 1] - starts[i]


def lunar_to_solar(day: int, month: int, year: int, leap: bool = False, *,
                   utc_offset: float = _DEFAULT_OFFSET) -> datetime.date:
    """Gregorian date of lunar ``day``/``month`` (leap month if ``leap``) of lunar ``year``.

    Lunar year ``Y`` is the one starting at Tết of Gregorian year ``Y``, so the 12th
    month of lunar 2023 lies in January/February 2024.  Raises ValueError for a day
    that does not exist (day 30 of a 29-day month, a leap month the year lacks).

    >>> lunar_to_solar(1, 1, 2024)
    datetime.date(2024, 2, 10)
    >>> lunar_to_solar(15, 8, 2024)  # Tết Trung thu
    datetime.date(2024, 9, 17)
    >>> lunar_to_solar(1, 2, 2023, leap=True)
    datetime.date(2023, 3, 22)
    >>> lunar_to_solar(30, 1, 2024)
    Traceback (most recent call last):
    ...
    ValueError: lunar month 1 of 2024 has 29 days, not 30
    """
    _check_int("day", day)
    first, length = _month_span(month, year, leap, utc_offset)
    if not 1 <= day <= length:
        name = f"leap month {month}" if leap else f"month {month}"
        raise ValueError(f"lunar {name} of {year} has {length} days, not {day}")
    return _date_of(first + day - 1)


def solar_to_lunar(d: datetime.date, *, utc_offset: float = _DEFAULT_OFFSET) -> LunarDate:
    """Lunar date of the Gregorian date ``d`` (a datetime is taken by its date).

    >>> solar_to_lunar(datetime.date(2024, 2, 10))
    LunarDate(day=1, month=1, year=2024, leap=False)
    >>> solar_to_lunar(datetime.date(2024, 2, 9))  # Giao thừa
    LunarDate(day=30, month=12, year=2023, leap=False)
    >>> solar_to_lunar(datetime.date(2020, 6, 1))
    LunarDate(day=10, month=4, year=2020, leap=True)
    """
    if isinstance(d, datetime.datetime):
        d = d.date()
    if not isinstance(d, datetime.date):
        raise TypeError(f"expected a datetime.date, not {type(d).__name__}")
    offset = float(utc_offset)
    jdn = _jdn_of(d)
    year = d.year
    _check_year(year)
    keys, starts = _year_table(year, offset)
    if jdn < starts[0]:
        year -= 1
        _check_year(year)
        keys, starts = _year_table(year, offset)
    i = bisect_right(starts, jdn) - 1
    month, leap = keys[i]
    return LunarDate(jdn - starts[i] + 1, month, year, leap)



# ---------------------------------------------------------------------------
# The sexagenary cycle (can chi) of years, by index: the names are word data
# (lexicons CAN and CHI in rules/dates.yaml), read by the lunar date normalizer.
# ---------------------------------------------------------------------------


def cycle_of_year(year: int) -> tuple[int, int]:
    """(stem, branch) of lunar ``year`` in the sexagenary cycle: stem 0–9 (Giáp … Quý),
    branch 0–11 (Tý … Hợi).

    >>> cycle_of_year(2024), cycle_of_year(2023), cycle_of_year(1968)  # Giáp Thìn, Quý Mão, Mậu Thân
    ((0, 4), (9, 3), (4, 8))
    """
    _check_int("year", year)
    return (year + 6) % 10, (year + 8) % 12


def year_of_cycle(stem: int, branch: int, near: int) -> int:
    """The Gregorian year with this stem and branch nearest to ``near`` (the earlier of two
    equally near, 30 years away). ValueError when the pair is not in the cycle: a stem and a
    branch pair up only when they have the same parity (Giáp Tý, Ất Sửu, ...).

    >>> year_of_cycle(9, 3, 2024), year_of_cycle(4, 8, 1975)  # Quý Mão, Mậu Thân
    (2023, 1968)
    >>> year_of_cycle(0, 1, 2000)
    Traceback (most recent call last):
    ...
    ValueError: stem 0 and branch 1 are not a year of the cycle
    """
    _check_int("near", near)
    if not (0 <= stem < 10 and 0 <= branch < 12) or stem % 2 != branch % 2:
        raise ValueError(f"stem {stem} and branch {branch} are not a year of the cycle")
    index = next(i for i in range(stem, 60, 10) if i % 12 == branch)
    # 1984 was Giáp Tý (index 0); 1984 ≡ 4 (mod 60).
    later = near + (4 + index - near) % 60
    earlier = later - 60
    if later == near:
        return near
    return earlier if near - earlier <= later - near else later
