"""The article the user gave (../shared/seed) must come out perfectly; read by path, never copied."""
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "cua-lo-2023-12-26.txt"


@pytest.fixture(scope="module")
def seed_doc(extractor):
    assert SEED.exists(), f"the seed article is expected at {SEED}"
    return extractor.extract(SEED.read_text(encoding="utf-8"))


def _rows(doc, fact_type):
    return [(f.text, f.to_dict()["value"], f.qualifier, f.unit, f.currency) for f in doc.of_type(fact_type)]


def test_seed_percentages(seed_doc):
    assert _rows(seed_doc, "percent") == [
        ("104,65%", 104.65, None, "%", None),
        ("165,5%", 165.5, None, "%", None),
        ("80,7%", 80.7, None, "%", None),
    ]


def test_seed_money(seed_doc):
    assert _rows(seed_doc, "money") == [
        ("hơn 27 tỷ đồng", 27_000_000_000, "more_than", None, "VND"),
        ("hơn 11 tỷ đồng", 11_000_000_000, "more_than", None, "VND"),
    ]


def test_seed_counts(seed_doc):
    assert _rows(seed_doc, "quantity") == [
        ("7 phường", 7, None, "phường", None),
        ("hơn 45 ngàn người", 45_000, "more_than", "người", None),
        ("khoảng 24 ngàn người", 24_000, "approx", "người", None),
        ("68.272 lượt người", 68_272, None, "lượt người", None),
        ("1044 đối tượng", 1044, None, "đối tượng", None),
        ("1641 đối tượng", 1641, None, "đối tượng", None),
    ]


def test_seed_offsets(seed_doc):
    assert seed_doc.facts
    for f in seed_doc.facts:
        assert seed_doc.text[f.start:f.end] == f.text


def test_seed_publication_date_and_dates(seed_doc):
    assert seed_doc.published == "2023-12-26"
    dates = [(f.text, f.value, f.grain, f.part_of_day) for f in seed_doc.of_type("date")]
    assert dates == [
        ("năm 2023", "2023", "year", None),          # in the headline
        ("ngày 26/12/2023", "2023-12-26", "day", None),  # the publication line is a fact too
        ("Chiều ngày 26/12", "2023-12-26", "day", "afternoon"),
        ("năm 2023", "2023", "year", None),
        ("năm 2024", "2024", "year", None),
        ("Năm 2023", "2023", "year", None),
        ("năm 2023", "2023", "year", None),
        ("năm 2024", "2024", "year", None),
        ("năm 2023", "2023", "year", None),
        ("năm 2024", "2024", "year", None),
    ]
    # "hàng tháng qua Bưu điện" is "monthly, through the post office", not last month
    assert not [f for f in seed_doc.of_type("date") if "tháng" in f.text]
