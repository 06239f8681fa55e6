"""Organizations, administrative units and cited documents in whole documents, their helpers,
the JSON Schema of the new fact types and their table columns. Sentences written for the tests."""
import io
import json
from pathlib import Path

import jsonschema
import pytest

from vnfacts.normalize.entities import code_parts, drop_trailing_verbs, expand
from vnfacts.render.table import write_tables
from vnfacts.rules.lexicon import Lexicon

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "schema" / "document.schema.json").read_text())
TEXT = ("Chiều 5/3, UBND huyện Quỳnh Lưu phối hợp Sở GD&ĐT tỉnh Nghệ An triển khai Quyết định số "
        "215/QĐ-UBND ngày 2/2/2024 và Thông tư 09/2023/TT-BGDĐT. Ông Hồ Văn Tư, Phó Chủ tịch UBND "
        "huyện, cho biết xã Quỳnh Thạch và thị trấn Cầu Giát đã xong.\nMinh Khang")


@pytest.fixture(scope="module")
def doc(extractor):
    return extractor.extract(TEXT, published="2024-03-06")


def rows(doc, fact_type, *keys):
    return [tuple(getattr(f, k) for k in ("text",) + keys) for f in doc.of_type(fact_type)]


def test_organizations(doc):
    assert rows(doc, "organization", "value", "expanded") == [
        ("UBND huyện Quỳnh Lưu", "UBND huyện Quỳnh Lưu", "Ủy ban nhân dân huyện Quỳnh Lưu"),
        ("Sở GD&ĐT tỉnh Nghệ An", "Sở GD&ĐT tỉnh Nghệ An", "Sở Giáo dục và Đào tạo tỉnh Nghệ An"),
        ("UBND huyện", "UBND huyện", "Ủy ban nhân dân huyện"),
    ]


def test_locations(doc):
    assert rows(doc, "location", "value", "level") == [
        ("huyện Quỳnh Lưu", "Quỳnh Lưu", "district"),
        ("tỉnh Nghệ An", "Nghệ An", "province"),
        ("xã Quỳnh Thạch", "Quỳnh Thạch", "commune"),
        ("thị trấn Cầu Giát", "Cầu Giát", "township"),
    ]


def test_documents_beat_the_dates_inside_them(doc):
    assert rows(doc, "document", "value", "kind", "number", "year", "issuer") == [
        ("Quyết định số 215/QĐ-UBND", "215/QĐ-UBND", "decision", "215", 2024, "UBND"),
        ("Thông tư 09/2023/TT-BGDĐT", "09/2023/TT-BGDĐT", "circular", "09", 2023, "BGDĐT"),
    ]
    assert all(not (d.start < f.end and f.start < d.end) for d in doc.of_type("document")
               for f in doc.of_type("date"))


def test_output_with_the_new_types_validates(doc):
    data = doc.to_dict()
    assert {"official", "organization", "location", "document"} <= {f["type"] for f in data["facts"]}
    assert data["authors"] == ["Minh Khang"] and data["people"][0]["name"] == "Hồ Văn Tư"
    jsonschema.validate(data, SCHEMA)


@pytest.mark.parametrize("broken", [
    {"type": "location", "text": "x", "start": 0, "end": 1, "value": "x", "rule": "r", "level": "planet"},
    {"type": "official", "text": "x", "start": 0, "end": 1, "value": "x", "rule": "r", "name": "x"},
    {"type": "document", "text": "x", "start": 0, "end": 1, "value": "x", "rule": "r", "kind": "decree"},
])
def test_schema_rejects_broken_facts(broken):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"source": None, "published": None, "facts": [broken]}, SCHEMA)


def test_table_shows_the_new_columns(doc):
    out = io.StringIO()
    write_tables([doc], out)
    table = out.getvalue()
    for column in ("level", "expanded", "kind", "issuer", "titles", "organization"):
        assert column in table


def test_expand_spells_out_each_abbreviated_word():
    abbr = Lexicon.from_data("ABBREVIATION", {"Hội đồng nhân dân": ["HĐND"], "thị xã": ["TX"]})
    assert expand("HĐND  TX Hoàng Mai", abbr) == "Hội đồng nhân dân thị xã Hoàng Mai"
    assert expand("Sở Nội vụ", abbr) == "Sở Nội vụ"


def test_drop_trailing_verbs():
    verbs = Lexicon.from_data("ORG_VERB", ["đào tạo", "dạy nghề"])
    assert drop_trailing_verbs("Trường Cao đẳng nghề đào tạo", verbs) == "Trường Cao đẳng nghề"
    assert drop_trailing_verbs("Trung tâm Đào tạo", verbs) == "Trung tâm Đào tạo"


def test_code_parts():
    assert code_parts("NQ/TW") == ["NQ", "TW"] and code_parts("UBND-VX") == ["UBND", "VX"]


@pytest.mark.parametrize("text", ["tỉnh Tổng kết công tác", "an sinh xã hội", "Thương binh và Xã hội"])
def test_not_places(extractor, text):
    assert not extractor.extract(text).of_type("location")


# Known misses are `misses:` of their rules (rules/locations.yaml, organizations.yaml,
# documents.yaml), run as strict xfails by tests/test_rule_examples.py.
