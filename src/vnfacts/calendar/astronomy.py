"""Astronomy for the lunar calendar: true new moons and the sun's apparent longitude.

The classical formulas popularised by Jean Meeus ("Astronomical Algorithms"): the
periodic-term series for the true new moon, the apparent longitude of the sun from a
truncated VSOP87 series with nutation and aberration, and the Espenak–Meeus polynomials for
ΔT (TT − UT). New moons and solar terms come out within about a minute over 1900–2100.
Days are civil days at a given UTC offset (Vietnam: +7), as Julian day numbers (JDN).
"""
from __future__ import annotations

import datetime
import math

JDN_ORDINAL_DELTA = 1721425  # Julian day number of date.fromordinal(0 + 1) - 1
SYNODIC_MONTH = 29.530588861
_J2000 = 2451545.0


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
    jde = (2451550.09766 + SYNODIC_MONTH * k + 0.00015437 * t2
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


def local_day(jd_ut: float, offset: float) -> int:
    """Julian day number of the civil day (at UTC+``offset``) containing ``jd_ut``."""
    return math.floor(jd_ut + 0.5 + offset / 24.0)


def _local_midnight(jdn: int, offset: float) -> float:
    """Julian day (UT) of the start of civil day ``jdn`` at UTC+``offset``."""
    return jdn - 0.5 - offset / 24.0


def sun_sector(jdn: int, offset: float) -> int:
    """Index (0–11) of the 30° arc the sun is in at the start of civil day ``jdn``."""
    return int(_sun_longitude(_local_midnight(jdn, offset)) // 30.0)


def _december_solstice_jd(year: int) -> float:
    """Julian day (UT) when the sun's apparent longitude reaches 270° in ``year``."""
    jd = datetime.date(year, 12, 21).toordinal() + JDN_ORDINAL_DELTA
    for _ in range(10):
        diff = (270.0 - _sun_longitude(jd) + 180.0) % 360.0 - 180.0
        jd += diff / 0.9856
        if abs(diff) < 1e-7:
            break
    return jd


def new_moon_day(k: int, offset: float) -> int:
    return local_day(_new_moon_jd(k), offset)


def month11_k(year: int, offset: float) -> int:
    """Index ``k`` of the new moon that starts month 11 of Gregorian ``year``."""
    solstice = _december_solstice_jd(year)
    sol_day = local_day(solstice, offset)
    k = round((solstice - 2451550.09766) / SYNODIC_MONTH)
    while new_moon_day(k, offset) > sol_day:
        k -= 1
    while new_moon_day(k + 1, offset) <= sol_day:
        k += 1
    return k

