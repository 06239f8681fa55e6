"""Countries, rivers and lakes, abbreviated places and whole organization names in whole
documents: the resolve stage and the people stage around the location and organization rules.
Sentences written for the tests."""
import json
from pathlib import Path

import jsonschema
import pytest

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "schema" / "document.schema.json").read_text())
TEXT = ("Sáng 12-3, Phó Thủ tướng Lê Ngọc Anh tiếp Đại sứ quán Hàn Quốc tại Hà Nội. Anh cho biết Việt "
        "Nam và Nhật Bản sẽ mở rộng hợp tác với Mỹ, Anh.\n"
        "Ông Nguyễn Minh Đức, Giám đốc Sở Y tế TP.HCM, cùng bà Nga, tiểu thương chợ Bến Thành, kể "
        "chuyện học tiếng Anh và đổi đô la Mỹ.\n"
        "Thủy điện trên sông Đà, hồ Tây và sông Hồng được kiểm tra; người dân huyện Đà Bắc và hồ "
        "Hòa Bình không bị ảnh hưởng.\n"
        "Cục Thi hành án dân sự tỉnh Phú Thọ, Văn phòng Chủ tịch nước, Tổng công ty Điện lực miền Bắc "
        "và Ngân hàng TMCP Ngoại thương Việt Nam đã nhận văn bản của Bộ TT&TT.")


@pytest.fixture(scope="module")
def doc(extractor):
    return extractor.extract(TEXT, published="2024-03-12")


def rows(doc, fact_type, *keys):
    return [tuple(getattr(f, k) for k in ("text",) + keys) for f in doc.of_type(fact_type)]


def test_countries_are_locations_outside_names_languages_and_currencies(doc):
    assert [r for r in rows(doc, "location", "value", "level") if r[2] == "country"] == [
        ("Hàn Quốc", "Hàn Quốc", "country"),  # inside the embassy's name, as other places are
        ("Việt Nam", "Việt Nam", "country"),
        ("Nhật Bản", "Nhật Bản", "country"),
        ("Mỹ", "Mỹ", "country"),
        ("Anh", "Anh", "country"),
        ("Việt Nam", "Việt Nam", "country"),
    ]  # not "Lê Ngọc Anh", the pronoun "Anh", "Nguyễn Minh Đức", "bà Nga", "tiếng Anh", "đô la Mỹ"


def test_rivers_and_lakes_are_no_places(doc):
    places = [r for r in rows(doc, "location", "value", "level") if r[2] != "country"]
    assert ("huyện Đà Bắc", "Đà Bắc", "district") in places
    assert not [p for p in places if p[1] in ("Đà", "Tây", "Hồng", "Hòa Bình")]


def test_abbreviated_places_and_bodies_are_spelled_out(doc):
    assert ("TP.HCM", "Hồ Chí Minh", "thành phố Hồ Chí Minh") in rows(doc, "location", "value", "expanded")
    orgs = rows(doc, "organization", "expanded")
    assert ("Sở Y tế TP.HCM", "Sở Y tế thành phố Hồ Chí Minh") in orgs
    assert ("Bộ TT&TT", "Bộ Thông tin và Truyền thông") in orgs


def test_organization_names_are_whole(doc):
    names = [r[0] for r in rows(doc, "organization")]
    for name in ("Đại sứ quán Hàn Quốc", "Cục Thi hành án dân sự tỉnh Phú Thọ", "Văn phòng Chủ tịch nước",
                 "Tổng công ty Điện lực miền Bắc", "Ngân hàng TMCP Ngoại thương Việt Nam"):
        assert name in names


def test_the_people_are_still_officials_and_people(doc):
    assert {(f.type, f.name) for f in doc.facts if f.type in ("official", "person")} >= {
        ("official", "Lê Ngọc Anh"), ("official", "Nguyễn Minh Đức")}


def test_output_with_countries_validates(doc):
    jsonschema.validate(doc.to_dict(), SCHEMA)
