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

The astronomy follows the classical formulas popularised by Jean Meeus
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
import math
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "LunarDate",
    "LUNAR_MONTH_NAMES",
    "CAN",
    "CHI",
    "MIN_YEAR",
    "MAX_YEAR",
    "lunar_to_solar",
    "solar_to_lunar",
    "tet",
    "leap_month",
    "month_length",
    "year_months",
    "can_chi_year",
    "year_from_can_chi",
    "lunar_month_number",
]

#: Lunar years accepted (the formulas are tested over 1900–2100).
MIN_YEAR = 1800
MAX_YEAR = 2199

#: The ten heavenly stems (can), in order; index 0 = Giáp.
CAN = ("Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý")
#: The twelve earthly branches (chi), in order; index 0 = Tý.
CHI = ("Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi")

_DEFAULT_OFFSET = 7.0
_JDN_ORDINAL_DELTA = 1721425  # Julian day number of date.fromordinal(0 + 1) - 1
_SYNODIC_MONTH = 29.530588861
_J2000 = 2451545.0


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


# ---------------------------------------------------------------------------
# Astronomy
# ---------------------------------------------------------------------------


def _delta_t_days(jd: float) -> float:
    """TT − UT in days (Espenak & Meeus polynomial fits), for a Julian day ``jd``."""
    y = 2000.0 + (jd - _J2000) / 365.25
    if y < 1800 or y >= 2150:
        u = (y - 1820.0) / 100.0
        dt = -20.0 + 32.0 * u * u
    elif y < 1860:
        t = y - 1800.0
        dt = (13.72 - 0.332447 * t + 0.0068612 * t**2 + 0.0041116 * t**3
              - 0.00037436 * t**4 + 0.0000121272 * t**5 - 0.0000001699 * t**6
              + 0.000000000875 * t**7)
    elif y < 1900:
        t = y - 1860.0
        dt = (7.62 + 0.5737 * t - 0.251754 * t**2 + 0.01680668 * t**3
              - 0.0004473624 * t**4 + t**5 / 233174.0)
    elif y < 1920:
        t = y - 1900.0
        dt = -2.79 + 1.494119 * t - 0.0598939 * t**2 + 0.0061966 * t**3 - 0.000197 * t**4
    elif y < 1941:
        t = y - 1920.0
        dt = 21.20 + 0.84493 * t - 0.076100 * t**2 + 0.0020936 * t**3
    elif y < 1961:
        t = y - 1950.0
        dt = 29.07 + 0.407 * t - t**2 / 233.0 + t**3 / 2547.0
    elif y < 1986:
        t = y - 1975.0
        dt = 45.45 + 1.067 * t - t**2 / 260.0 - t**3 / 718.0
    elif y < 2005:
        t = y - 2000.0
        dt = (63.86 + 0.3345 * t - 0.060374 * t**2 + 0.0017275 * t**3
              + 0.000651814 * t**4 + 0.00002373599 * t**5)
    elif y < 2050:
        t = y - 2000.0
        dt = 62.92 + 0.32217 * t + 0.005589 * t**2
    else:
        u = (y - 1820.0) / 100.0
        dt = -20.0 + 32.0 * u * u - 0.5628 * (2150.0 - y)
    return dt / 86400.0


# Periodic terms for the true new moon: (coefficient, power of E, multiples of M, M', F, Ω).
_NEW_MOON_TERMS = (
    (-0.40720, 0, 0, 1, 0, 0),
    (0.17241, 1, 1, 0, 0, 0),
    (0.01608, 0, 0, 2, 0, 0),
    (0.01039, 0, 0, 0, 2, 0),
    (0.00739, 1, -1, 1, 0, 0),
    (-0.00514, 1, 1, 1, 0, 0),
    (0.00208, 2, 2, 0, 0, 0),
    (-0.00111, 0, 0, 1, -2, 0),
    (-0.00057, 0, 0, 1, 2, 0),
    (0.00056, 1, 1, 2, 0, 0),
    (-0.00042, 0, 0, 3, 0, 0),
    (0.00042, 1, 1, 0, 2, 0),
    (0.00038, 1, 1, 0, -2, 0),
    (-0.00024, 1, -1, 2, 0, 0),
    (-0.00017, 0, 0, 0, 0, 1),
    (-0.00007, 0, 2, 1, 0, 0),
    (0.00004, 0, 0, 2, -2, 0),
    (0.00004, 0, 3, 0, 0, 0),
    (0.00003, 0, 1, 1, -2, 0),
    (0.00003, 0, 0, 2, 2, 0),
    (-0.00003, 0, 1, 1, 2, 0),
    (0.00003, 0, -1, 1, 2, 0),
    (-0.00002, 0, -1, 1, -2, 0),
    (-0.00002, 0, 1, 3, 0, 0),
    (0.00002, 0, 0, 4, 0, 0),
)

# Planetary arguments for the new moon: (coefficient, A0 in degrees, rate per lunation).
_PLANETARY_TERMS = (
    (0.000325, 299.77, 0.107408),
    (0.000165, 251.88, 0.016321),
    (0.000164, 251.83, 26.651886),
    (0.000126, 349.42, 36.412478),
    (0.000110, 84.66, 18.206239),
    (0.000062, 141.74, 53.303771),
    (0.000060, 207.14, 2.453732),
    (0.000056, 154.84, 7.306860),
    (0.000047, 34.52, 27.261239),
    (0.000042, 207.19, 0.121824),
    (0.000040, 291.34, 1.844379),
    (0.000037, 161.72, 24.198154),
    (0.000035, 239.56, 25.513099),
    (0.000023, 331.55, 3.592518),
)


def _new_moon_jd(k: int) -> float:
    """Julian day (UT) of the ``k``-th new moon, counted from the one of 6 January 2000."""
    t = k / 1236.85
    t2, t3, t4 = t * t, t**3, t**4
    jde = (2451550.09766 + _SYNODIC_MONTH * k + 0.00015437 * t2
           - 0.000000150 * t3 + 0.00000000073 * t4)
    e = 1.0 - 0.002516 * t - 0.0000074 * t2
    m = math.radians(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3)
    mp = math.radians(201.5643 + 385.81693528 * k + 0.0107582 * t2
                      + 0.00001238 * t3 - 0.000000058 * t4)
    f = math.radians(160.7108 + 390.67050284 * k - 0.0016118 * t2
                     - 0.00000227 * t3 + 0.000000011 * t4)
    om = math.radians(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3)
    corr = 0.0
    for coef, epow, cm, cmp_, cf, com in _NEW_MOON_TERMS:
        corr += coef * e**epow * math.sin(cm * m + cmp_ * mp + cf * f + com * om)
    for i, (coef, a0, rate) in enumerate(_PLANETARY_TERMS):
        arg = a0 + rate * k
        if i == 0:
            arg -= 0.009173 * t2
        corr += coef * math.sin(math.radians(arg))
    jde += corr
    return jde - _delta_t_days(jde)


# Earth's heliocentric longitude, VSOP87 theory truncated as in Meeus' appendix:
# series L0..L5 of terms (A, B, C) giving A·cos(B + C·τ), in 1e-8 radian, with τ in
# Julian millennia (TT) from J2000.0.  Accurate to about one arc-second (≈ 25 s of time).
_VSOP_L = (
    (  # L0
        (175347046, 0, 0), (3341656, 4.6692568, 6283.07585), (34894, 4.6261, 12566.1517),
        (3497, 2.7441, 5753.3849), (3418, 2.8289, 3.5231), (3136, 3.6277, 77713.7715),
        (2676, 4.4181, 7860.4194), (2343, 6.1352, 3930.2097), (1324, 0.7425, 11506.7698),
        (1273, 2.0371, 529.691), (1199, 1.1096, 1577.3435), (990, 5.233, 5884.927),
        (902, 2.045, 26.298), (857, 3.508, 398.149), (780, 1.179, 5223.694),
        (753, 2.533, 5507.553), (505, 4.583, 18849.228), (492, 4.205, 775.523),
        (357, 2.92, 0.067), (317, 5.849, 11790.629), (284, 1.899, 796.298),
        (271, 0.315, 10977.079), (243, 0.345, 5486.778), (206, 4.806, 2544.314),
        (205, 1.869, 5573.143), (202, 2.458, 6069.777), (156, 0.833, 213.299),
        (132, 3.411, 2942.463), (126, 1.083, 20.775), (115, 0.645, 0.98),
        (103, 0.636, 4694.003), (102, 0.976, 15720.839), (102, 4.267, 7.114),
        (99, 6.21, 2146.17), (98, 0.68, 155.42), (86, 5.98, 161000.69), (85, 1.3, 6275.96),
        (85, 3.67, 71430.7), (80, 1.81, 17260.15), (79, 3.04, 12036.46),
        (75, 1.76, 5088.63), (74, 3.5, 3154.69), (74, 4.68, 801.82), (70, 0.83, 9437.76),
        (62, 3.98, 8827.39), (61, 1.82, 7084.9), (57, 2.78, 6286.6), (56, 4.39, 14143.5),
        (56, 3.47, 6279.55), (52, 0.19, 12139.55), (52, 1.33, 1748.02),
        (51, 0.28, 5856.48), (49, 0.49, 1194.45), (41, 5.37, 8429.24), (41, 2.4, 19651.05),
        (39, 6.17, 10447.39), (37, 6.04, 10213.29), (37, 2.57, 1059.38),
        (36, 1.71, 2352.87), (36, 1.78, 6812.77), (33, 0.59, 17789.85),
        (30, 0.44, 83996.85), (30, 2.74, 1349.87), (25, 3.16, 4690.48),
    ),
    (  # L1
        (628331966747, 0, 0), (206059, 2.678235, 6283.07585), (4303, 2.6351, 12566.1517),
        (425, 1.59, 3.523), (119, 5.796, 26.298), (109, 2.966, 1577.344),
        (93, 2.59, 18849.23), (72, 1.14, 529.69), (68, 1.87, 398.15), (67, 4.41, 5507.55),
        (59, 2.89, 5223.69), (56, 2.17, 155.42), (45, 0.4, 796.3), (36, 0.47, 775.52),
        (29, 2.65, 7.11), (21, 5.34, 0.98), (19, 1.85, 5486.78), (19, 4.97, 213.3),
        (17, 2.99, 6275.96), (16, 0.03, 2544.31), (16, 1.43, 2146.17),
        (15, 1.21, 10977.08), (12, 2.83, 1748.02), (12, 3.26, 5088.63),
        (12, 5.27, 1194.45), (12, 2.08, 4694), (11, 0.77, 553.57), (10, 1.3, 6286.6),
        (10, 4.24, 1349.87), (9, 2.7, 242.73), (9, 5.64, 951.72), (8, 5.3, 2352.87),
        (6, 2.65, 9437.76), (6, 4.67, 4690.48),
    ),
    (  # L2
        (52919, 0, 0), (8720, 1.0721, 6283.0758), (309, 0.867, 12566.152),
        (27, 0.05, 3.52), (16, 5.19, 26.3), (16, 3.68, 155.42), (10, 0.76, 18849.23),
        (9, 2.06, 77713.77), (7, 0.83, 775.52), (5, 4.66, 1577.34), (4, 1.03, 7.11),
        (4, 3.44, 5573.14), (3, 5.14, 796.3), (3, 6.05, 5507.55), (3, 1.19, 242.73),
        (3, 6.12, 529.69), (3, 0.31, 398.15), (3, 2.28, 553.57), (2, 4.38, 5223.69),
        (2, 3.75, 0.98),
    ),
    (  # L3
        (289, 5.844, 6283.076), (35, 0, 0), (17, 5.49, 12566.15), (3, 5.2, 155.42),
        (1, 4.72, 3.52), (1, 5.3, 18849.23), (1, 5.97, 242.73),
    ),
    (  # L4
        (114, 3.142, 0), (8, 4.13, 6283.08), (1, 3.84, 12566.15),
    ),
    (  # L5
        (1, 3.14, 0),
    ),
)


def _sun_longitude(jd_ut: float) -> float:
    """Apparent geocentric ecliptic longitude of the sun at ``jd_ut``, degrees in [0, 360)."""
    jde = jd_ut + _delta_t_days(jd_ut)
    tau = (jde - _J2000) / 365250.0
    total = 0.0
    for power, series in enumerate(_VSOP_L):
        total += sum(a * math.cos(b + c * tau) for a, b, c in series) * tau**power
    lon = math.degrees(total / 1e8) + 180.0  # heliocentric Earth → geocentric sun
    t = tau * 10.0  # Julian centuries
    lon -= 0.09033 / 3600.0  # conversion to the FK5 frame
    omega = math.radians(125.04452 - 1934.136261 * t)
    l_sun = math.radians(280.4665 + 36000.7698 * t)
    l_moon = math.radians(218.3165 + 481267.8813 * t)
    nutation = (-17.20 * math.sin(omega) - 1.32 * math.sin(2 * l_sun)
                - 0.23 * math.sin(2 * l_moon) + 0.21 * math.sin(2 * omega))
    m = math.radians(357.52911 + 35999.05029 * t)
    distance = 1.00014 - 0.01671 * math.cos(m) - 0.00014 * math.cos(2 * m)  # AU
    aberration = -20.4898 / distance
    lon += (nutation + aberration) / 3600.0
    return lon % 360.0


def _local_day(jd_ut: float, offset: float) -> int:
    """Julian day number of the civil day (at UTC+``offset``) containing ``jd_ut``."""
    return math.floor(jd_ut + 0.5 + offset / 24.0)


def _local_midnight(jdn: int, offset: float) -> float:
    """Julian day (UT) of the start of civil day ``jdn`` at UTC+``offset``."""
    return jdn - 0.5 - offset / 24.0


def _sector(jdn: int, offset: float) -> int:
    """Index (0–11) of the 30° arc the sun is in at the start of civil day ``jdn``."""
    return int(_sun_longitude(_local_midnight(jdn, offset)) // 30.0)


def _december_solstice_jd(year: int) -> float:
    """Julian day (UT) when the sun's apparent longitude reaches 270° in ``year``."""
    jd = datetime.date(year, 12, 21).toordinal() + _JDN_ORDINAL_DELTA
    for _ in range(10):
        diff = (270.0 - _sun_longitude(jd) + 180.0) % 360.0 - 180.0
        jd += diff / 0.9856
        if abs(diff) < 1e-7:
            break
    return jd


def _new_moon_day(k: int, offset: float) -> int:
    return _local_day(_new_moon_jd(k), offset)


def _month11_k(year: int, offset: float) -> int:
    """Index ``k`` of the new moon that starts month 11 of Gregorian ``year``."""
    solstice = _december_solstice_jd(year)
    sol_day = _local_day(solstice, offset)
    k = round((solstice - 2451550.09766) / _SYNODIC_MONTH)
    while _new_moon_day(k, offset) > sol_day:
        k -= 1
    while _new_moon_day(k + 1, offset) <= sol_day:
        k += 1
    return k


@lru_cache(maxsize=512)
def _sui(year: int, offset: float) -> tuple[tuple[int, bool, int], ...]:
    """Months from month 11 of ``year`` up to (and including) month 11 of ``year + 1``.

    Returns ``(month, leap, first_jdn)`` triples; the last one is the next month 11.
    """
    k0 = _month11_k(year, offset)
    k1 = _month11_k(year + 1, offset)
    starts = [_new_moon_day(k, offset) for k in range(k0, k1 + 1)]
    n = len(starts) - 1  # 12 or 13 months
    leap_index = -1
    if n == 13:
        sectors = [_sector(d, offset) for d in starts]
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
    return datetime.date.fromordinal(jdn - _JDN_ORDINAL_DELTA)


def _jdn_of(d: datetime.date) -> int:
    return d.toordinal() + _JDN_ORDINAL_DELTA


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
    _check_year(year)
    _check_int("month", month)
    keys, starts = _year_table(year, float(utc_offset))
    try:
        i = keys.index((month, bool(leap)))
    except ValueError:
        raise ValueError(_missing_month_msg(month, year, leap)) from None
    return starts[i + 1] - starts[i]


def _missing_month_msg(month: int, year: int, leap: bool) -> str:
    if not 1 <= month <= 12:
        return f"lunar month must be 1–12, not {month}"
    return f"lunar year {year} has no leap month {month}"


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
    _check_year(year)
    _check_int("day", day)
    _check_int("month", month)
    keys, starts = _year_table(year, float(utc_offset))
    try:
        i = keys.index((month, bool(leap)))
    except ValueError:
        raise ValueError(_missing_month_msg(month, year, leap)) from None
    length = starts[i + 1] - starts[i]
    if not 1 <= day <= length:
        name = f"leap month {month}" if leap else f"month {month}"
        raise ValueError(f"lunar {name} of {year} has {length} days, not {day}")
    return _date_of(starts[i] + day - 1)


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
# Can chi (sexagenary names of years)
# ---------------------------------------------------------------------------


def can_chi_year(year: int) -> str:
    """Can-chi name of lunar ``year`` (Vietnamese spelling).

    >>> can_chi_year(2024), can_chi_year(2023), can_chi_year(2026)
    ('Giáp Thìn', 'Quý Mão', 'Bính Ngọ')
    >>> can_chi_year(1968)
    'Mậu Thân'
    """
    _check_int("year", year)
    return f"{CAN[(year + 6) % 10]} {CHI[(year + 8) % 12]}"


def _fold(text: str) -> str:
    """Lower-case, strip Vietnamese diacritics and tone marks (đ → d)."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("đ", "d")


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


_CAN_EXACT = {name.lower(): i for i, name in enumerate(CAN)}
_CAN_EXACT.update({"kỉ": 5, "quí": 9})
_CHI_EXACT = {name.lower(): {i} for i, name in enumerate(CHI)}
_CHI_EXACT.update({"tí": {0}, "tị": {5}, "mẹo": {3}})
_CAN_FOLDED = {_fold(k): {v} for k, v in _CAN_EXACT.items()}
_CHI_FOLDED: dict[str, set[int]] = {}
for _k, _v in _CHI_EXACT.items():
    _CHI_FOLDED.setdefault(_fold(_k), set()).update(_v)
del _k, _v


def _can_chi_index(name: str) -> int:
    """Position 0–59 of a can-chi name in the sexagenary cycle (Giáp Tý = 0)."""
    if not isinstance(name, str):
        raise TypeError(f"expected a str, not {type(name).__name__}")
    words = _norm(name).split()
    if words and words[0] == "năm":
        words = words[1:]
    if len(words) != 2:
        raise ValueError(f"not a can-chi year name: {name!r}")
    stem_word, branch_word = words
    if stem_word in _CAN_EXACT and branch_word in _CHI_EXACT:
        stems = {_CAN_EXACT[stem_word]}
        branches = _CHI_EXACT[branch_word]
    else:
        stems = _CAN_FOLDED.get(_fold(stem_word), set())
        branches = _CHI_FOLDED.get(_fold(branch_word), set())
    # A stem and a branch pair up only when they have the same parity (Giáp Tý, Ất Sửu, ...);
    # this also tells Tý from Tỵ when the tone marks are missing ("Giap Ty" = Giáp Tý).
    combos = [(s, b) for s in stems for b in branches if s % 2 == b % 2]
    if len(combos) != 1:
        raise ValueError(f"not a can-chi year name: {name!r}")
    s, b = combos[0]
    return next(i for i in range(s, 60, 10) if i % 12 == b)


def year_from_can_chi(name: str, near: int) -> int:
    """The Gregorian year named ``name`` (e.g. "Quý Mão") nearest to ``near``.

    Case, tone marks and common variants (Tí/Tý, Tị/Tỵ, Mẹo/Mão, Kỉ/Kỷ, Quí/Quý, a
    leading "năm") are accepted.  When two years are equally near (30 years away) the
    earlier is returned.  Raises ValueError for anything that is not a can-chi name.

    >>> year_from_can_chi("Quý Mão", 2024)
    2023
    >>> year_from_can_chi("quy meo", 2024), year_from_can_chi("Mậu Thân", 1975)
    (2023, 1968)
    >>> year_from_can_chi("Giáp Sửu", 2000)
    Traceback (most recent call last):
    ...
    ValueError: not a can-chi year name: 'Giáp Sửu'
    """
    _check_int("near", near)
    index = _can_chi_index(name)
    # 1984 was Giáp Tý (index 0); 1984 ≡ 4 (mod 60).
    later = near + (4 + index - near) % 60
    earlier = later - 60
    if later == near:
        return near
    return earlier if near - earlier <= later - near else later


# ---------------------------------------------------------------------------
# Month names
# ---------------------------------------------------------------------------

#: Traditional names of the lunar months (lower case) → month number.  In the lunar
#: calendar "tháng Một" is the 11th month (short for "Mười Một"), "tháng Chạp" the
#: 12th and "tháng Giêng" the 1st.
LUNAR_MONTH_NAMES: dict[str, int] = {
    "giêng": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
    "một": 11,
    "mười một": 11,
    "chạp": 12,
    "mười hai": 12,
}
_MONTH_FOLDED = {_fold(k): v for k, v in LUNAR_MONTH_NAMES.items()}


def lunar_month_number(word: str) -> int:
    """Number of a lunar month from its Vietnamese name or digits.

    Accepts the names in :data:`LUNAR_MONTH_NAMES` in any case, with or without tone
    marks and with an optional leading "tháng"; digits 1–12 (also "01") are taken as
    they are.  Following the traditional lunar usage, "Một" is the 11th month (the 1st is
    "Giêng").  Raises ValueError for anything else.

    >>> lunar_month_number("Giêng"), lunar_month_number("Chạp"), lunar_month_number("7")
    (1, 12, 7)
    >>> lunar_month_number("tháng Một"), lunar_month_number("mười hai")
    (11, 12)
    """
    if not isinstance(word, str):
        raise TypeError(f"expected a str, not {type(word).__name__}")
    text = _norm(word)
    if text.startswith("tháng "):
        text = text[len("tháng "):]
    if text.isdigit() and text.isascii():
        n = int(text)
        if 1 <= n <= 12:
            return n
        raise ValueError(f"lunar month must be 1–12, not {word!r}")
    if text in LUNAR_MONTH_NAMES:
        return LUNAR_MONTH_NAMES[text]
    folded = _fold(text)
    if folded in _MONTH_FOLDED:
        return _MONTH_FOLDED[folded]
    raise ValueError(f"not a lunar month name: {word!r}")
