"""Lunar dates and Tết, given as their Gregorian date with the lunar reading in `lunar`.

Named groups: `lday`, `lmonth` (a number or a name: Giêng, Chạp...), `canchi` (the year's
name, "Quý Mão"), `year` (a Gregorian year written beside it), `tetday` ("mùng 1 Tết",
"28 Tết"), `ram` (Rằm: the 15th), `tet` (Tết Nguyên đán itself).
The lunar year is the can-chi year nearest the reference, else the year written, else the
lunar year that puts the date nearest the publication date.
`lunar` is "YYYY-MM-DD" in the lunar calendar, YYYY the Gregorian year in which that lunar
year begins ("23 tháng Chạp năm Quý Mão" -> lunar "2023-12-23", value "2024-02-02").
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ..calendar.lunar import lunar_to_solar, month_length, year_of_cycle
from .contract import MatchInfo, Result, declare, one


def _lunar_year(m: MatchInfo, month: int, day: int) -> int | None:
    ref: date | None = m.published
    written = int(m.group("year")) if m.group("year") else None
    if m.group("canchi"):
        near = written or (ref.year if ref else None)
        if near is None:
            return None
        return can_chi_year(m.lexicons, m.group("canchi"), near)
    if written is not None:
        return written
    if ref is None:
        return None
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidates.append((abs((lunar_to_solar(min(day, 29), month, year) - ref).days), year))
        except ValueError:
            continue
    return min(candidates)[1] if candidates else None


def can_chi_year(lexicons, name: str, near: int) -> int | None:
    """The year a can-chi name (lexicons CAN and CHI) gives nearest to `near`, or None.

    >>> from vnfacts.rules import cached_ruleset
    >>> lex = cached_ruleset().lexicons
    >>> can_chi_year(lex, "Quý Mão", 2024), can_chi_year(lex, "Giáp Sửu", 2024)
    (2023, None)
    """
    words = name.split()
    if len(words) != 2:
        return None
    stem, branch = lexicons["CAN"].key_of(words[0]), lexicons["CHI"].key_of(words[1])
    if stem is None or branch is None:
        return None
    try:
        return year_of_cycle(int(stem), int(branch), near)
    except ValueError:
        return None


def _month(m: MatchInfo) -> int | None:
    """The lunar month: its name (lexicon LUNAR_MONTH), its number, or Tết's first month."""
    word = m.group("lmonth")
    if word is None:
        return 1 if (m.group("tetday") or m.group("tet")) else None
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 12 else None
    key = m.lookup("LUNAR_MONTH", word)
    return int(key) if key else None


@declare("date_lunar", optional=("lday", "lmonth", "canchi", "year", "tetday", "ram", "tet"),
         lexicons=("LUNAR_MONTH", "CAN", "CHI"), returns=("value", "grain", "lunar"))
def date_lunar(m: MatchInfo) -> Result | None:
    """A lunar date, Tết or a lunar month, as its Gregorian date with the lunar reading."""
    return one(_lunar(m))


def _lunar(m: MatchInfo) -> dict[str, Any] | None:
    month = _month(m)
    if month is None:
        return None
    if m.group("tetday"):
        day = int(m.group("tetday"))
        if day >= 20:  # "28 Tết", "30 Tết": the last days of the 12th month before Tết
            month = 12
    elif m.group("ram"):
        day = 15
    elif m.group("lday"):
        day = int(m.group("lday"))
    elif m.group("tet"):
        day = 1
    else:
        return _whole_month(m, month)
    year = _lunar_year(m, month, day)
    if year is None:
        return None
    try:
        day = min(day, month_length(month, year)) if m.group("tetday") else day
        solar = lunar_to_solar(day, month, year)
    except ValueError:
        return None
    return {"value": solar.isoformat(), "grain": "day", "lunar": f"{year:04d}-{month:02d}-{day:02d}"}


def _whole_month(m: MatchInfo, month: int) -> dict[str, Any] | None:
    """ "tháng Giêng năm Bính Ngọ": the days of that lunar month, as an interval."""
    year = _lunar_year(m, month, 15)
    if year is None:
        return None
    try:
        first = lunar_to_solar(1, month, year)
        last = first + timedelta(days=month_length(month, year) - 1)
    except ValueError:
        return None
    return {"value": f"{first.isoformat()}/{last.isoformat()}", "grain": "day", "lunar": f"{year:04d}-{month:02d}"}
