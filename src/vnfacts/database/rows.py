"""A batch record (one JSON line of `vnfacts batch`) as database rows: its document and its facts.

Pure functions: no database here. The record is read with exact decimals (`json.loads(...,
parse_float=Decimal)`), so `number` is an integer for whole amounts and `value` keeps its digits.

>>> from decimal import Decimal
>>> doc, facts = rows_of({"source": "a.txt", "published": "2024-12-10", "facts": [
...     {"type": "money", "text": "27 tỷ đồng", "start": 0, "end": 10, "value": 27000000000,
...      "rule": "money.amount", "currency": "VND"}]})
>>> doc["source"], doc["facts"], facts[0]["number"], facts[0]["value"], facts[0]["currency"]
('a.txt', 1, 27000000000, '27000000000', 'VND')
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import regex

from ..render.json import dumps
from .schema import FACTS

#: Types whose `value` is a number (README, the output contract).
NUMERIC_TYPES = frozenset({"percent", "money", "quantity"})
#: Contract keys stored as JSON text.
_JSON_KEYS = frozenset({"titles"})
#: Contract keys with a column of another name.
_RENAMED = {"number": "doc_number"}
_COLUMNS = frozenset(FACTS) - {"id", "document_id", "extra"}

_POINT = regex.compile(r"^(?P<year>\d{4})(?:-(?:Q(?P<q>[1-4])|W(?P<w>\d{2})|(?P<m>\d{2})(?:-(?P<d>\d{2}))?))?(?:T.*)?$")


def rows_of(record: dict[str, Any], *, digest: str | None = None, version: str | None = None,
            rules_hash: str | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The `documents` row (without its id) and the `facts` rows (without ids) of one record.

    >>> doc, facts = rows_of({"source": "x.txt", "error": {"kind": "decode", "message": "x.txt: binary"}})
    >>> doc["error_kind"], doc["facts"], facts
    ('decode', 0, [])
    """
    error = record.get("error") or {}
    facts = [fact_row(f) for f in record.get("facts") or ()]
    authors = record.get("authors")
    doc = {
        "source": record["source"], "published": record.get("published"), "title": record.get("title"),
        "authors": dumps(authors) if authors else None, "encoding": record.get("encoding"),
        "error_kind": error.get("kind"), "error_message": error.get("message"), "facts": len(facts),
        "vnfacts_version": version, "rules_hash": rules_hash, "digest": digest,
    }
    return doc, facts


def fact_row(fact: dict[str, Any]) -> dict[str, Any]:
    """One fact as a `facts` row: the contract's keys in their columns, the rest in `extra`.

    >>> row = fact_row({"type": "date", "text": "quý III/2024", "start": 3, "end": 15, "value": "2024-Q3",
    ...                 "rule": "date.quarter", "grain": "quarter"})
    >>> row["date_start"], row["date_end"], row["value"], row["number"]
    ('2024-07-01', '2024-09-30', '"2024-Q3"', None)
    >>> fact_row({"type": "document", "text": "15/2020/NĐ-CP", "start": 0, "end": 13, "value": "15/2020/NĐ-CP",
    ...           "rule": "document.code", "number": "15", "year": 2020})["doc_number"]
    '15'
    """
    row: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in fact.items():
        column = _RENAMED.get(key, key)
        if column == "value":
            row["value"] = dumps(value)
        elif column in _JSON_KEYS:
            row[column] = dumps(value)
        elif column == "former":
            row[column] = int(bool(value))
        elif column == "upper":
            row[column] = exact(value)
        elif column in _COLUMNS and column not in ("number", "date_start", "date_end"):
            row[column] = value
        else:
            extra[key] = value
    value = fact.get("value")
    row["number"] = exact(value) if fact.get("type") in NUMERIC_TYPES else None
    if fact.get("type") == "date" and isinstance(value, str):
        row["date_start"], row["date_end"] = date_bounds(value)
    row["extra"] = dumps(extra) if extra else None
    return row


def exact(value: Any) -> int | float | None:
    """A number as SQLite keeps it best: an integer when whole, else a float (`value` has the digits).

    >>> exact(Decimal("104.65")), exact(Decimal("27E9")), exact(12), exact(True), exact("x")
    (104.65, 27000000000, 12, None, None)
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return None
    if isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def date_bounds(value: str) -> tuple[str | None, str | None]:
    """The first and last day an ISO date value covers (README `date`); None where no day can be
    known (a year-less "--12-26", a clock time "T09:15").

    >>> date_bounds("2024-Q3"), date_bounds("2024")
    (('2024-07-01', '2024-09-30'), ('2024-01-01', '2024-12-31'))
    >>> date_bounds("2024-02"), date_bounds("2024-W10"), date_bounds("2024-10-13T08:30")
    (('2024-02-01', '2024-02-29'), ('2024-03-04', '2024-03-10'), ('2024-10-13', '2024-10-13'))
    >>> date_bounds("2024-01/2024-06"), date_bounds("--12-26"), date_bounds("T09:15")
    (('2024-01-01', '2024-06-30'), (None, None), (None, None))
    """
    first, _, last = value.partition("/")
    start = _span(first)
    end = _span(last) if last else start
    if start is None or end is None:
        return None, None
    return start[0].isoformat(), end[1].isoformat()


def _span(point: str) -> tuple[date, date] | None:
    m = _POINT.match(point)
    if not m:
        return None
    year = int(m["year"])
    try:
        if m["q"]:
            q = int(m["q"])
            return date(year, 3 * q - 2, 1), date(year, 3 * q, calendar.monthrange(year, 3 * q)[1])
        if m["w"]:
            monday = date.fromisocalendar(year, int(m["w"]), 1)
            return monday, monday + timedelta(days=6)
        if m["d"]:
            day = date(year, int(m["m"]), int(m["d"]))
            return day, day
        if m["m"]:
            month = int(m["m"])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:  # "2023-02-30" is no day
        return None
