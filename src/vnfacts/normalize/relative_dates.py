"""Relative dates, resolved against the publication date: "hôm qua", "tuần trước", "thứ Hai".

Named groups: `relday` (a day word: "hôm nay", "qua", "mai"...), `part`, `unit` with `dir`
("tháng trước", "năm nay"), `weekday` with optional `weekdir` ("chủ nhật tuần trước").
Lexicons (rules/dates.yaml) map the words to offsets: REL_DAY, REL_DIR, WEEKDAY.
Without a publication date a relative date cannot be resolved and gives no fact.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from . import MatchInfo, normalizer
from .calendar import When, date_fields_of_day, monday_of, shift_month
from .dates import part_of_day


def _offset(m: MatchInfo, lexicon: str, group: str) -> int | None:
    key = m.lookup(lexicon, m.group(group))
    return None if key is None else int(key)


@normalizer("date_relative")
def date_relative(m: MatchInfo) -> dict[str, Any] | None:
    ref: date | None = m.published
    if ref is None:
        return None
    part = part_of_day(m)
    if m.group("weekday"):
        return _weekday(m, ref, part)
    if m.group("relday"):
        days = _offset(m, "REL_DAY", "relday")
        return None if days is None else date_fields_of_day(ref + timedelta(days=days), part)
    step = _offset(m, "REL_DIR", "dir")
    unit = (m.group("unit") or "").lower()
    if step is None:
        return None
    if unit == "tuần":
        d = ref + timedelta(weeks=step)
        iso_year, week, _ = d.isocalendar()
        return {"value": When(iso_year, week=week).iso(), "grain": "week"}
    if unit == "tháng":
        year, month = shift_month(ref, step)
        return {"value": When(year, month).iso(), "grain": "month"}
    if unit == "năm":
        return {"value": When(ref.year + step).iso(), "grain": "year"}
    return None


def _weekday(m: MatchInfo, ref: date, part: str | None) -> dict[str, Any] | None:
    """A weekday: in the week named ("thứ 5 tuần trước"), else the nearest one to the reference."""
    wd = _offset(m, "WEEKDAY", "weekday")
    if wd is None:
        return None
    if m.group("weekdir"):
        weeks = _offset(m, "REL_DIR", "weekdir")
        if weeks is None:
            return None
        d = monday_of(ref) + timedelta(weeks=weeks, days=wd)
    else:
        delta = (wd - ref.weekday()) % 7
        d = ref + timedelta(days=delta if delta <= 3 else delta - 7)
    return date_fields_of_day(d, part)
