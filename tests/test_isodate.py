"""One definition of the date values of the output contract: isodate, the schema, gold, invariants."""
import json
from pathlib import Path

import jsonschema
import pytest

from vnfacts import Document, Fact
from vnfacts.invariants import problems
from vnfacts.isodate import PATTERN, is_iso_date

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "schema" / "document.schema.json").read_text(encoding="utf-8"))

ACCEPTED = [
    "2023", "2024-Q3", "2024-W10", "2024-W53", "2023-12", "2023-12-26",   # year, quarter, week, month, day
    "2022-02-14T10", "2024-10-13T08:30", "2024-02-29T23:59",              # a day with an hour, a minute
    "--12", "--12-26", "--12-26T10", "--Q1", "--W10",                     # the year cannot be known
    "T09", "T09:15", "T00:00",                                            # a clock time with no day
    "2026/2030", "2024-01/2024-06", "2025-07-01/2025-07-05", "2024-Q1/2024-Q3",
    "--10-10/--10-12", "--12-30/--01-02", "2024-06-05T08/2024-06-05T10:30", "T08/T10:30",
]
REFUSED = [
    "", "-", "--", "---12", "24", "20234", "2023-1", "2023-13", "2023-00", "2023-12-32", "2023-12-00",
    "2024-Q5", "2024-Q0", "2024-W00", "2024-W54", "2024-W1", "2023-12-26T24", "2023-12-26T9",
    "2023-12-26T10:60", "2023-12-26T10:5", "2023-12T10", "2023T10", "T9:15", "T24", "9:15", "T09:15:00",
    "2023/", "/2023", "2023//2024", "2023/2024/2025", "2023/T10", "T10/2023", "26/12/2023", "2023-12-26 ",
    " 2023", "2023\n", "2023-12-26Z", "--12-26T10/x", "năm 2023", "２０２３",
]


def test_the_schema_pattern_is_isodate_pattern():
    [date_rule] = [r for r in SCHEMA["$defs"]["fact"]["allOf"] if r["if"]["properties"]["type"] == {"const": "date"}]
    assert date_rule["then"]["properties"]["value"]["pattern"] == PATTERN


@pytest.mark.parametrize("value", ACCEPTED)
def test_accepted(value):
    assert is_iso_date(value)
    jsonschema.validate(_document(value), SCHEMA)
    assert problems(Document("x" * 10, (Fact("date", "x", 0, 1, value, "date.t", grain="day"),))) == []


@pytest.mark.parametrize("value", REFUSED)
def test_refused(value):
    assert not is_iso_date(value)
    if not value.endswith("\n"):  # JSON Schema's $ (like ECMA 262's) never matches before a final newline
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(_document(value), SCHEMA)
    doc = Document("x" * 10, (Fact("date", "x", 0, 1, value, "date.t", grain="day"),))
    assert problems(doc) == [f"date.t: date value {value!r} is not ISO 8601"]


@pytest.mark.parametrize("value", [None, 2023, ["2023"]])
def test_only_strings(value):
    assert not is_iso_date(value)


def test_what_vnfacts_produces_is_accepted(extractor):
    text = ("Lúc 9 giờ 15, họp. Trong quý I và tháng 12, lúc 10 giờ ngày 26/12, từ ngày 30/12 đến ngày 2/1, "
            "giai đoạn 2026 - 2030, 6 tháng đầu năm 2024, 14 giờ 30 phút ngày 20/8/2024.")
    for published in (None, "2024-12-10"):
        values = [f.value for f in extractor.extract(text, published=published).of_type("date")]
        assert len(values) >= 6 and all(is_iso_date(v) for v in values), values
    assert "T09:15" in [f.value for f in extractor.extract(text).of_type("date")]


def _document(value: str) -> dict:
    fact = {"type": "date", "text": "x", "start": 0, "end": 1, "value": value, "rule": "date.t", "grain": "day"}
    return {"source": None, "published": None, "facts": [fact]}
