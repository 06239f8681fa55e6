"""The seed article's officials, organizations, places and byline (read by path, never copied)."""
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "cua-lo-2023-12-26.txt"
SHARED_TITLE = "Ủy viên Ban chấp hành Đảng bộ tỉnh"


@pytest.fixture(scope="module")
def seed_doc(extractor):
    assert SEED.exists(), f"the seed article is expected at {SEED}"
    return extractor.extract(SEED.read_text(encoding="utf-8"))


def test_seed_officials_with_all_their_titles(seed_doc):
    got = [(f.name, list(f.titles), f.honorific) for f in seed_doc.of_type("official")]
    assert got == [
        ("Nguyễn Văn Đệ", [SHARED_TITLE, "Phó Chủ tịch UBND tỉnh"], None),
        ("Đoàn Hồng Vũ", [SHARED_TITLE, "Giám đốc Sở Lao động Thương binh xã hội Nghệ An"], None),
        ("Hoàng Văn Phúc", ["Thị ủy viên", "Phó Chủ tịch UBND thị xã"], "đồng chí"),
        ("Nguyễn Thanh Minh", ["Trưởng phòng Lao động Thương binh xã hội thị xã"], "đồng chí"),
        ("Nguyễn Văn Đệ", ["Ủy viên BCH Đảng bộ tỉnh", "Phó Chủ tịch UBND tỉnh Nghệ An"], "đồng chí"),
    ]


def test_seed_officials_organizations_are_expanded(seed_doc):
    assert [f.organization for f in seed_doc.of_type("official")] == [
        "Ủy ban nhân dân tỉnh",
        "Sở Lao động Thương binh xã hội Nghệ An",
        "Ủy ban nhân dân thị xã",
        "Phòng Lao động Thương binh xã hội thị xã",
        "Ủy ban nhân dân tỉnh Nghệ An",
    ]


def test_seed_people_merges_both_mentions_of_de(seed_doc):
    people = {p["name"]: p for p in seed_doc.meta["people"]}
    assert list(people) == ["Nguyễn Văn Đệ", "Đoàn Hồng Vũ", "Hoàng Văn Phúc", "Nguyễn Thanh Minh"]
    de = people["Nguyễn Văn Đệ"]
    assert len(de["mentions"]) == 2
    assert de["titles"] == [SHARED_TITLE, "Phó Chủ tịch UBND tỉnh Nghệ An", "Ủy viên BCH Đảng bộ tỉnh"]
    for mention in de["mentions"]:
        assert "Nguyễn Văn Đệ" in seed_doc.text[mention["start"]:mention["end"]]


def test_seed_byline_is_authors_not_people(seed_doc):
    assert seed_doc.meta["authors"] == ["Hữu Lương", "Ngọc Ánh"]
    assert not [f for f in seed_doc.facts if f.type in ("official", "person") and "Lương" in f.text]


def test_seed_places(seed_doc):
    places = {(f.text, f.value, f.level) for f in seed_doc.of_type("location")}
    assert {("tỉnh Nghệ An", "Nghệ An", "province"), ("thị xã Cửa Lò", "Cửa Lò", "town")} <= places
    assert all(f.level in ("province", "town") for f in seed_doc.of_type("location"))


def test_seed_organizations(seed_doc):
    names = [f.value for f in seed_doc.of_type("organization")]
    for expected in ("UBND tỉnh Nghệ An", "Liên đoàn lao động Cửa Lò", "UBMTTQ VN thị xã", "Tỉnh ủy"):
        assert expected in names
    umttq = next(f for f in seed_doc.of_type("organization") if f.value == "UBMTTQ VN thị xã")
    assert umttq.expanded == "Ủy ban Mặt trận Tổ quốc Việt Nam thị xã"


def test_seed_official_offsets(seed_doc):
    for f in seed_doc.of_type("official", "organization", "location"):
        assert seed_doc.text[f.start:f.end] == f.text
