"""Calendar arithmetic for dates: ISO values at their grain, nearest-year inference, weeks.

Pure functions; the date normalizers build on them.
"""
from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date, timedelta

GRAINS = ("year", "quarter", "month", "week", "day", "hour", "minute")



@dataclass(frozen=True)
class When:
    """A point in time at a grain; fields finer than the grain are None.

    >>> When(2023, 12, 26).iso(), When(2024, quarter=3).iso(), When(None, 12, 26).iso()
    ('2023-12-26', '2024-Q3', '--12-26')
    >>> When(2024, 10, 13, 8, 30).iso(), When(2022, 2, 14, 10).iso(), When(2024, week=10).iso()
    ('2024-10-13T08:30', '2022-02-14T10', '2024-W10')
    """

    year: int | None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    quarter: int | None = None
    week: int | None = None

    @property
    def grain(self) -> str:
        """The finest field that is set."""
        for name in ("minute", "hour", "day", "week", "month", "quarter"):
            if getattr(self, name) is not None:
                return name
        return "year"

    def iso(self) -> str:
        y = "-" if self.year is None else f"{self.year:04d}"
        if self.week is not None:
            return f"{y}-W{self.week:02d}"
        if self.quarter is not None:
            return f"{y}-Q{self.quarter}"
        if self.month is None:
            return y
        head = f"{y}-{self.month:02d}" if self.day is None else f"{y}-{self.month:02d}-{self.day:02d}"
        if self.hour is None:
            return head
        return f"{head}T{self.hour:02d}" + ("" if self.minute is None else f":{self.minute:02d}")

    def valid(self) -> bool:
        """Does this point exist? (31/2 does not; a day without a year is checked on a leap year)."""
        if self.month is not None and not 1 <= self.month <= 12:
            return False
        if self.day is not None:
            year = self.year if self.year is not None else 2024
            if not 1 <= self.day <= _cal.monthrange(year, self.month)[1]:
                return False
        if self.hour is not None and not 0 <= self.hour <= 23:
            return False
        if self.minute is not None and not 0 <= self.minute <= 59:
            return False
        return self.quarter is None or 1 <= self.quarter <= 4

    @classmethod
    def of(cls, d: date, grain: str = "day") -> "When":
        if grain == "year":
            return cls(d.year)
        if grain == "month":
            return cls(d.year, d.month)
        if grain == "week":
            iso_year, week, _ = d.isocalendar()
            return cls(iso_year, week=week)
        return cls(d.year, d.month, d.day)


def interval(start: When, end: When) -> str:
    """ISO interval "start/end".

    >>> interval(When(2025), When(2027)), interval(When(2024, 1), When(2024, 6))
    ('2025/2027', '2024-01/2024-06')
    """
    return f"{start.iso()}/{end.iso()}"


#: How far after the reference a day said to have happened ("hôm 23-8") may still be: news
#: writes "hôm 27/4" of tomorrow's planned event, never of one months away.
PAST_SLACK_DAYS = 60


def nearest_year(month: int, day: int | None, reference: date, past: bool = False) -> int:
    """The year that puts day/month nearest to the reference date; with `past`, never more than
    PAST_SLACK_DAYS after it (the text said it happened: "hôm 23-8").

    A "26/12" in an article of 5 January 2024 is 26/12/2023; a "3/1" in one of 28 December
    2023 is 3/1/2024.

    >>> nearest_year(12, 26, date(2024, 1, 5)), nearest_year(1, 3, date(2023, 12, 28))
    (2023, 2024)
    >>> nearest_year(7, None, date(2024, 3, 1)), nearest_year(8, 23, date(2021, 4, 27), past=True)
    (2024, 2020)
    >>> nearest_year(4, 27, date(2021, 4, 26), past=True)
    2021
    """
    best = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        d = _safe_date(year, month, day or 15)
        if past and (d - reference).days > PAST_SLACK_DAYS:
            continue
        distance = abs((d - reference).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1]


def _safe_date(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, _cal.monthrange(year, month)[1]))


def shift_month(d: date, months: int) -> tuple[int, int]:
    """(year, month) of the month `months` away from d's.

    >>> shift_month(date(2024, 1, 15), -1)
    (2023, 12)
    """
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1


def monday_of(d: date) -> date:
    return d - timedelta(days=d.weekday())


def hour_of_day(hour: int, part: str | None) -> int:
    """24-hour clock from an hour and a part of day: "2 giờ chiều" is 14, "12 giờ trưa" 12.

    >>> hour_of_day(2, "afternoon"), hour_of_day(8, "evening"), hour_of_day(12, "noon"), hour_of_day(7, "morning")
    (14, 20, 12, 7)
    >>> hour_of_day(11, "night"), hour_of_day(2, "night")
    (23, 2)
    """
    if part in ("afternoon", "evening") and hour < 12:
        return hour + 12
    if part == "night" and 6 <= hour < 12:
        return hour + 12
    if part == "noon" and hour < 6:
        return hour + 12
    return hour


def date_fields_of_day(d: date, part: str | None = None) -> dict:
    """Fact fields of a whole day, with its part of day when the text gives one."""
    fields = {"value": d.isoformat(), "grain": "day"}
    if part:
        fields["part_of_day"] = part
    return fields
