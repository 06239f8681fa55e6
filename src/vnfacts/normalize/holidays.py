"""Named days ("Quốc khánh", "Ngày Nhà giáo Việt Nam", "Tết Trung thu") as dates.

The HOLIDAY lexicon (rules/dates-lunar.yaml) keys each name by its date: "09-02" for a
Gregorian day, "L08-15" for a lunar one. The year is the one written, else the occurrence
nearest the publication date. An explicit date beside the name ("Quốc khánh 2/9") wins.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from .contract import MatchInfo, Result, declare, one
from ..calendar.points import When, nearest_year
from ..calendar.lunar import lunar_to_solar


@declare("date_holiday", required=("holiday",), optional=("day", "month", "year"), lexicons=("HOLIDAY",),
         returns=("value", "grain", "lunar"))
def date_holiday(m: MatchInfo) -> Result | None:
    """A named day ("Quốc khánh", "Tết Trung thu"), Gregorian or lunar, as its date."""
    return one(_holiday(m))


def _holiday(m: MatchInfo) -> dict[str, Any] | None:
    key = m.lookup("HOLIDAY", m.group("holiday"))
    if key is None:
        return None
    ref: date | None = m.published
    written = int(m.group("year")) if m.group("year") else None
    if m.group("day") and m.group("month"):
        key = f"{int(m.group('month')):02d}-{int(m.group('day')):02d}"
    lunar = key.startswith("L")
    month, day = (int(x) for x in key.lstrip("L").split("-"))
    if lunar:
        return _lunar_holiday(month, day, written, ref)
    year = written or (nearest_year(month, day, ref) if ref else None)
    point = When(year, month, day)
    return {"value": point.iso(), "grain": "day"} if point.valid() else None


def _lunar_holiday(month: int, day: int, year: int | None, ref: date | None) -> dict[str, Any] | None:
    if year is None:
        if ref is None:
            return None
        year = min((ref.year - 1, ref.year, ref.year + 1),
                   key=lambda y: abs((lunar_to_solar(day, month, y) - ref).days))
    solar = lunar_to_solar(day, month, year)
    return {"value": solar.isoformat(), "grain": "day", "lunar": f"{year:04d}-{month:02d}-{day:02d}"}
