"""Date normalizers: points, intervals, lists and periods of the Gregorian calendar.

Named groups the rules use:
- a point: `day`, `month`, `year`, `quarter`, `hour`, `minute`, `part` (part of day);
  `year_dir` for a year relative to publication ("năm nay", "năm ngoái": lexicon REL_DIR);
- the end of an interval: `day2`, `month2`, `year2` (missing parts come from the other end);
- the end of an interval of hours: `hour2`, `minute2`, `part2` ("từ 6h đến 18h ngày 25/4",
  "từ 5 giờ sáng đến 10 giờ tối"); a part of day written once counts for both ends;
- a period of months: `count` and `side` ("6 tháng đầu năm 2024", "nửa đầu năm 2020");
- a list sharing its month or year: `day1`, `month1` or `quarter1` (the first item) and the
  last item as a point ("ngày 10, 12 và 15-6", "quý II và III năm 2023").
Partial dates take their year from the publication date (`MatchInfo.published`): the year
that puts them nearest to it. Without a publication date the year stays unknown ("--12-26").
"""
from __future__ import annotations

from datetime import date
from typing import Any

import regex

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


def fill_year(month: int | None, day: int | None, year: int | None, reference: date | None,
              past: bool = False) -> int | None:
    if year is not None or month is None or reference is None:
        return year
    return nearest_year(month, day, reference, past)


#: Words before a date that say it has happened: "hôm 23-8", "hồi tháng 10".
_PAST_LEAD = regex.compile(r"(?<![\p{L}\d])(?:hôm|hồi)\s+(?:ngày\s+)?$", regex.IGNORECASE)


def _past(m: MatchInfo) -> bool:
    """Does the match say, before its day or month, that the date is past ("hôm 23-8")?"""
    first = m.spans.get("day") or m.spans.get("month") or m.spans.get("month_name")
    return first is not None and _PAST_LEAD.search(m.text, 0, max(0, first[0] - m.start)) is not None


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
_POINT = ("day", "month", "month_name", "year", "year_dir", "quarter", "hour", "minute", "part")


@declare("date", optional=_POINT + ("day2", "month2", "year2", "hour2", "minute2", "part2"),
         lexicons=("PART_OF_DAY", "MONTH_NAME", "ROMAN", "REL_DIR"),
         returns=DATE_FIELDS)
def date_point(m: MatchInfo) -> Result | None:
    """A date, with or without year, time and part of day; an interval when `*2` groups matched."""
    return one(_date_point(m))


def _date_point(m: MatchInfo) -> dict[str, Any] | None:
    ref = m.published
    part = part_of_day(m) or m.lookup("PART_OF_DAY", m.group("part2"))
    day, month, quarter = _int(m, "day"), _int(m, "month") or _month_name(m), quarter_of(m)
    year = _year(m, "year")
    if m.group("year_dir"):  # "ngày 20/11 năm nay": the year relative to publication
        step = m.lookup("REL_DIR", m.group("year_dir"))
        if ref is None or step is None:
            return None
        year = ref.year + int(step)
    day2, month2, year2 = _int(m, "day2"), _int(m, "month2"), _year(m, "year2")
    hour, minute = _int(m, "hour"), _int(m, "minute")
    if hour is not None:
        hour = hour_of_day(hour, part)
    if m.group("hour2"):
        return _hours(m, day, month, year, hour, minute, part)
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
    year = fill_year(month, day, year, ref, _past(m))
    point = When(year, month, day, hour if day is not None else None,
                 minute if day is not None and hour is not None else None, quarter)
    return date_fields(point, part=part)


def _hours(m: MatchInfo, day, month, year, hour, minute, part) -> dict[str, Any] | None:
    """ "từ 6h đến 18h ngày 25/4": an interval of hours on one day, or of clock times."""
    part2 = m.lookup("PART_OF_DAY", m.group("part2")) or part
    hour2, minute2 = hour_of_day(int(m.group("hour2")), part2), _int(m, "minute2")
    if hour is None or (hour2, minute2 or 0) <= (hour, minute or 0):
        return None
    if day is None:
        start, end = _time_only(hour, minute, None), _time_only(hour2, minute2, None)
        if start is None or end is None:
            return None
        fields = {"value": f"{start['value']}/{end['value']}", "grain": start["grain"]}
        return {**fields, "part_of_day": part} if part else fields
    year = fill_year(month, day, year, m.published)
    return date_fields(When(year, month, day, hour, minute), When(year, month, day, hour2, minute2), part)


def _time_only(hour: int, minute: int | None, part: str | None) -> dict[str, Any] | None:
    """A clock time with no day: ISO "T09:15" (the day is not in the text)."""
    if not 0 <= hour <= 23 or (minute is not None and not 0 <= minute <= 59):
        return None
    value = f"T{hour:02d}" + ("" if minute is None else f":{minute:02d}")
    fields = {"value": value, "grain": "minute" if minute is not None else "hour"}
    if part:
        fields["part_of_day"] = part
    return fields


_LIST_ITEM = regex.compile(r"(?<![\w/])(?:\d{1,2}|I{1,3}|IV)(?!\w)")


@declare("date_list", optional=("day1", "month1", "quarter1", "day", "month", "quarter", "year", "part"),
         lexicons=("PART_OF_DAY", "ROMAN"), returns=DATE_FIELDS)
def date_list(m: MatchInfo) -> list[Result] | None:
    """ "ngày 14 và 15/9", "các tháng 5, 6 năm 2024", "quý II và III": one fact per item, the
    last item's month or year shared by all, each with its own span (the first takes the
    words before it, the last the shared part after it)."""
    first = next((g for g in ("day1", "month1", "quarter1") if m.group(g)), None)
    last = {"day1": "day", "month1": "month", "quarter1": "quarter"}.get(first or "")
    if first is None or last not in m.spans or first not in m.spans:
        return None
    line = m.line.text if m.line is not None else None
    (a, a_end), (b, _) = m.spans[first], m.spans[last]
    if line is None:
        return None
    items = [(a, a_end)] + [(a_end + x.start(), a_end + x.end()) for x in _LIST_ITEM.finditer(line[a_end:b])] \
        + [m.spans[last]]
    ref = m.published
    month = _int(m, "month") if first == "day1" else None
    year = _year(m, "year")
    out, previous = [], None
    for i, (s, e) in enumerate(items):
        word = line[s:e]
        if first == "day1":
            if not word.isdigit() or month is None:
                return None
            point = When(fill_year(month, int(word), year, ref), month, int(word))
        elif first == "month1":
            if not word.isdigit():
                return None
            point = When(year, int(word))
        else:
            q = int(word) if word.isdigit() else int(m.lookup("ROMAN", word) or 0)
            point = When(year if year is not None else (ref.year if ref else None), quarter=q or None)
        if point.day is None and point.month is None and point.quarter is None:
            return None
        fields = date_fields(point, part=part_of_day(m) if i == 0 else None)
        if fields is None or (previous is not None and point.iso() <= previous):
            return None
        previous = point.iso()
        start = m.start if i == 0 else s
        end = m.end if i == len(items) - 1 else e
        out.append(Result(fields, start, end))
    return out


@declare("date_period", required=("count",), optional=("side", "year"), lexicons=("PERIOD_SIDE",), returns=DATE_FIELDS,
         prepare=Numerals.from_lexicons)
def date_period(m: MatchInfo) -> Result | None:
    """ "6 tháng đầu năm 2024" -> 2024-01/2024-06; "6 tháng cuối năm" -> 07/12 of the year."""
    if (m.group("count") or "").lower() == "nửa":  # "nửa đầu năm 2020": a half, six months
        if not m.group("side"):
            return None
        count = 6
    else:
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
