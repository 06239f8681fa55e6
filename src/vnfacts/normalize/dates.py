"""Date normalizers: points, intervals, lists and periods of the Gregorian calendar.

Named groups the rules use:
- a point: `day`, `month`, `year`, `quarter`, `hour`, `minute`, `part` (part of day);
- the end of an interval: `day2`, `month2`, `year2` (missing parts come from the other end);
- a period of months: `count` and `side` ("6 tháng đầu năm 2024").
Partial dates take their year from the publication date (`MatchInfo.published`): the year
that puts them nearest to it. Without a publication date the year stays unknown ("--12-26").
"""
from __future__ import annotations

from datetime import date
from typing import Any

from ..calendar.points import When, hour_of_day, interval, nearest_year
from .contract import MatchInfo, Result, declare, one
from .numerals import Numerals

def _int(m: MatchInfo, name: str) -> int | None:
    value = m.group(name)
    return int(value) if value and value.isdigit() else None


def _year(m: MatchInfo, name: str) -> int | None:
    y = _int(m, name)
    if y is not None and y < 100:  # "26/12/23"
        y += 2000
    return y


def part_of_day(m: MatchInfo) -> str | None:
    """The part of day the `part` group names (lexicon PART_OF_DAY: "sáng" -> morning)."""
    return m.lookup("PART_OF_DAY", m.group("part"))


def _month_name(m: MatchInfo) -> int | None:
    """A month spelled out ("tháng Chín"), from the lexicon MONTH_NAME."""
    key = m.lookup("MONTH_NAME", m.group("month_name"))
    return int(key) if key else None


def fill_year(month: int | None, day: int | None, year: int | None, reference: date | None) -> int | None:
    if year is not None or month is None or reference is None:
        return year
    return nearest_year(month, day, reference)


def quarter_of(m: MatchInfo) -> int | None:
    q = m.group("quarter")
    if not q:
        return None
    if q.isdigit():
        return int(q)
    key = m.lookup("ROMAN", q)
    return int(key) if key else None


def date_fields(start: When, end: When | None = None, part: str | None = None) -> dict[str, Any] | None:
    """The fact fields of a point or an interval, or None if a date does not exist."""
    if not start.valid() or (end is not None and not end.valid()):
        return None
    if end is not None and start.year is not None and end.year is not None and start.iso() >= end.iso():
        return None  # an interval runs forward
    fields: dict[str, Any] = {
        "value": interval(start, end) if end is not None else start.iso(),
        "grain": start.grain,
    }
    if part:
        fields["part_of_day"] = part
    return fields


DATE_FIELDS = ("value", "grain", "part_of_day")
_POINT = ("day", "month", "month_name", "year", "quarter", "hour", "minute", "part")


@declare("date", optional=_POINT + ("day2", "month2", "year2"), lexicons=("PART_OF_DAY", "MONTH_NAME", "ROMAN"),
         returns=DATE_FIELDS)
def date_point(m: MatchInfo) -> Result | None:
    """A date, with or without year, time and part of day; an interval when `*2` groups matched."""
    return one(_date_point(m))


def _date_point(m: MatchInfo) -> dict[str, Any] | None:
    ref = m.published
    part = part_of_day(m)
    day, month, quarter = _int(m, "day"), _int(m, "month") or _month_name(m), quarter_of(m)
    year = _year(m, "year")
    day2, month2, year2 = _int(m, "day2"), _int(m, "month2"), _year(m, "year2")
    hour, minute = _int(m, "hour"), _int(m, "minute")
    if hour is not None:
        hour = hour_of_day(hour, part)
    has_end = any(v is not None for v in (day2, month2, year2))
    if has_end:
        # Each end lends the other what it lacks: "10-12/10" -> 10/10 to 12/10.
        if month is None and day is not None:
            month = month2
        if month2 is None and day2 is not None:
            month2 = month
        year = year if year is not None else year2
        year2 = year2 if year2 is not None else year
        year = fill_year(month, day, year, ref)
        year2 = fill_year(month2, day2, year2, ref) if year is None else (year2 if year2 is not None else year)
        return date_fields(When(year, month, day), When(year2, month2, day2), part)
    if day is None and month is None and quarter is None and year is None:
        if hour is None:
            return None
        return _time_only(hour, minute, part)
    if quarter is not None and year is None:
        year = ref.year if ref else None
    year = fill_year(month, day, year, ref)
    point = When(year, month, day, hour if day is not None else None,
                 minute if day is not None and hour is not None else None, quarter)
    return date_fields(point, part=part)


def _time_only(hour: int, minute: int | None, part: str | None) -> dict[str, Any] | None:
    """A clock time with no day: ISO "T09:15" (the day is not in the text)."""
    if not 0 <= hour <= 23 or (minute is not None and not 0 <= minute <= 59):
        return None
    value = f"T{hour:02d}" + ("" if minute is None else f":{minute:02d}")
    fields = {"value": value, "grain": "minute" if minute is not None else "hour"}
    if part:
        fields["part_of_day"] = part
    return fields


@declare("date_list", required=("day1", "day", "month"), optional=("year", "part"), lexicons=("PART_OF_DAY",),
         returns=DATE_FIELDS)
def date_list(m: MatchInfo) -> list[Result] | None:
    """ "ngày 14 và 15/9": one day fact per listed day, each with its own span."""
    ref = m.published
    day1, day2, month = _int(m, "day1"), _int(m, "day"), _int(m, "month")
    year = fill_year(month, day2, _year(m, "year"), ref)
    first = date_fields(When(year, month, day1), part=part_of_day(m))
    second = date_fields(When(year, month, day2))
    if first is None or second is None or day1 >= day2:
        return None
    first_end = m.spans["day1"][1]
    return [Result(first, m.start, first_end), Result(second, m.spans["day"][0], m.end)]


@declare("date_period", required=("count",), optional=("side", "year"), lexicons=("PERIOD_SIDE",), returns=DATE_FIELDS,
         prepare=Numerals.from_lexicons)
def date_period(m: MatchInfo) -> Result | None:
    """ "6 tháng đầu năm 2024" -> 2024-01/2024-06; "6 tháng cuối năm" -> 07/12 of the year."""
    try:
        count = int(m.prepared.parse_amount(m.group("count") or ""))
    except (ValueError, TypeError):
        return None
    year = _year(m, "year")
    if year is None and m.published is not None:
        year = m.published.year
    if not 1 <= count <= 12:
        return None
    if m.lookup("PERIOD_SIDE", m.group("side")) == "end":
        start, end = When(year, 13 - count), When(year, 12)
    else:
        start, end = When(year, 1), When(year, count)
    return one(date_fields(start, end))
