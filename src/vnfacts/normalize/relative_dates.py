"""Relative dates, resolved against the publication date: "hôm qua", "tuần trước", "thứ Hai".

Named groups: `relday` (a day word: "hôm nay", "qua", "mai"...), `part`, `unit` with `dir`
("tháng trước", "năm nay"), `weekday` with optional `weekdir` ("chủ nhật tuần trước").
Lexicons (rules/dates.yaml) map the words to offsets: REL_DAY, REL_DIR, WEEKDAY.
Without a publication date a relative date cannot be resolved and gives no fact.

A `month` with `unit` and `dir` is a month of a relative year ("tháng 6 năm ngoái").
A `same` group ("2h30 cùng ngày", "tối cùng ngày") names the day the text last named, which
a normalizer cannot see: it gives the clock time alone ("T02:30", or "" with only a part of
day), and the date_context stage (date_context.py) puts the day in front or drops the fact.
A `school` group makes the unit a school year ("năm học này" in October 2023: 2023/2024).
A `prior` group ("so với năm trước") is the year before publication here; the date_context
stage makes it the year before the one its paragraph last named.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from .contract import MatchInfo, Result, declare, one
from ..calendar.points import When, date_fields_of_day, hour_of_day, monday_of, shift_month
from .dates import DATE_FIELDS, part_of_day


def _offset(m: MatchInfo, lexicon: str, group: str) -> int | None:
    key = m.lookup(lexicon, m.group(group))
    return None if key is None else int(key)


@declare("date_relative", optional=("relday", "part", "unit", "dir", "weekday", "weekdir", "ahead", "hour", "minute",
                                    "month", "same", "prior", "school"),
         lexicons=("REL_DAY", "REL_DIR", "REL_UNIT", "WEEKDAY", "PART_OF_DAY"), returns=DATE_FIELDS)
def date_relative(m: MatchInfo) -> Result | None:
    """A date relative to the publication date: "hôm qua", "tháng trước", "thứ Hai tới"."""
    return one(_relative(m))


def _relative(m: MatchInfo) -> dict[str, Any] | None:
    ref: date | None = m.published
    part = part_of_day(m)
    if m.group("same"):
        return _same_day(m, part)
    if ref is None:
        return None
    if m.group("weekday"):
        fields = _weekday(m, ref, part)
        return None if fields is None else _with_clock(fields, m, part)
    if m.group("relday"):
        days = _offset(m, "REL_DAY", "relday")
        if days is None:
            return None
        return _with_clock(date_fields_of_day(ref + timedelta(days=days), part), m, part)
    step = _offset(m, "REL_DIR", "dir")
    unit = m.lookup("REL_UNIT", m.group("unit"))
    if step is None:
        return None
    if m.group("school"):  # "năm học này": the school year, which starts in September
        first = (ref.year if ref.month >= 8 else ref.year - 1) + step
        return {"value": f"{first:04d}/{first + 1:04d}", "grain": "year"}
    if unit == "week":
        d = ref + timedelta(weeks=step)
        iso_year, week, _ = d.isocalendar()
        return {"value": When(iso_year, week=week).iso(), "grain": "week"}
    if unit == "month":
        year, month = shift_month(ref, step)
        return {"value": When(year, month).iso(), "grain": "month"}
    if unit == "year":
        if m.group("month"):  # "tháng 6 năm ngoái"
            point = When(ref.year + step, int(m.group("month")))
            return {"value": point.iso(), "grain": "month"} if point.valid() else None
        return {"value": When(ref.year + step).iso(), "grain": "year"}
    return None


def _same_day(m: MatchInfo, part: str | None) -> dict[str, Any] | None:
    """ "2h30 cùng ngày": the clock time ("T02:30"), or "" for a part of day alone; the
    date_context stage gives it the day the text last named."""
    fields: dict[str, Any] = {"value": "", "grain": "day"}
    if m.group("hour"):
        hour, minute = hour_of_day(int(m.group("hour")), part), m.group("minute")
        if not 0 <= hour <= 23:
            return None
        fields = {"value": f"T{hour:02d}" + (f":{int(minute):02d}" if minute else ""),
                  "grain": "minute" if minute else "hour"}
    if part:
        fields["part_of_day"] = part
    return fields


def _with_clock(fields: dict[str, Any], m: MatchInfo, part: str | None) -> dict[str, Any]:
    """ "15 giờ chiều nay": the day's value gains the hour (and minute) the text gives."""
    if not m.group("hour"):
        return fields
    hour = hour_of_day(int(m.group("hour")), part)
    minute = m.group("minute")
    fields["value"] += f"T{hour:02d}" + (f":{int(minute):02d}" if minute else "")
    fields["grain"] = "minute" if minute else "hour"
    return fields


def _weekday(m: MatchInfo, ref: date, part: str | None) -> dict[str, Any] | None:
    """A weekday: in the week named ("thứ 5 tuần trước"); the next one when the text says so
    ("thứ Sáu tới"); else the latest one on or before the reference, since news reports what
    happened ("hôm thứ Hai" in a Friday article is that week's Monday)."""
    wd = _offset(m, "WEEKDAY", "weekday")
    if wd is None:
        return None
    if m.group("weekdir"):
        weeks = _offset(m, "REL_DIR", "weekdir")
        if weeks is None:
            return None
        d = monday_of(ref) + timedelta(weeks=weeks, days=wd)
    elif m.group("ahead"):
        d = ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
    else:
        d = ref - timedelta(days=(ref.weekday() - wd) % 7)
    return date_fields_of_day(d, part)
