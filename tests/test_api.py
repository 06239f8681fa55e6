"""The Python API: extract(), Extractor, frozen facts, exact values, the JSON Schema."""
import dataclasses
import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

import vnfacts
from vnfacts import Document, Extractor, Fact, extract

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "schema" / "document.schema.json").read_text())


def test_extract_returns_document_with_frozen_facts():
    doc = extract("Tổng vốn đầu tư 412,6 tỷ đồng, đạt 104,65% kế hoạch.")
    assert isinstance(doc, Document)
    money, percent = doc.facts
    assert isinstance(money, Fact)
    assert money.value == 412_600_000_000 and type(money.value) is int
    assert percent.value == Decimal("104.65")
    with pytest.raises(dataclasses.FrozenInstanceError):
        money.value = 1


def test_to_dict_gives_exact_json_numbers():
    d = extract("đạt 104,65% và 27 tỷ đồng").to_dict()
    assert [type(f["value"]) for f in d["facts"]] == [Decimal, int]  # exact, never a float
    assert vnfacts.dumps([f["value"] for f in d["facts"]]) == "[104.65, 27000000000]"


def test_to_dict_keeps_digits_a_float_would_lose():
    [fact] = extract("Lãi suất giảm 0,00001%.").facts
    assert fact.to_dict()["value"] == Decimal("0.00001")
    assert '"value": 0.00001,' in vnfacts.dumps(fact.to_dict())  # not 1e-05


def test_offsets_point_into_nfc_text():
    import unicodedata
    nfd = unicodedata.normalize("NFD", "Huyện chi hơn 27 tỷ đồng.")
    doc = extract(nfd)
    [f] = doc.facts
    assert doc.text[f.start:f.end] == f.text == "hơn 27 tỷ đồng"


def test_extractor_reused_and_published():
    ex = Extractor()
    a = ex.extract("thu 2 tỷ VNĐ", published="2024-03-08")
    b = ex.extract("thu 2 tỷ VNĐ")
    assert a.published == "2024-03-08" and b.published is None
    assert a.facts == b.facts


def test_output_validates_against_schema():
    text = (Path(__file__).resolve().parents[1] / "samples" / "ngan-sach-tinh.txt").read_text(encoding="utf-8")
    jsonschema.validate(extract(text).to_dict(), SCHEMA)


def test_schema_rejects_a_broken_fact():
    bad = {"source": None, "published": None, "facts": [{"type": "money", "text": "x", "start": 0, "end": 1, "value": 1, "rule": "r"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "%%%%", "1234567890" * 50, "tỷ đồng"])
def test_degenerate_texts_give_no_error(text):
    doc = extract(text)
    for f in doc.facts:
        assert doc.text[f.start:f.end] == f.text


def test_underthesea_core_panic_costs_no_document():
    """underthesea_core's CRF panics on an empty token (found by the fuzzer): the token reaches
    it as clean text now, and a panic left would give no tags, never an exception."""
    from vnfacts.text.tokens import Token, _join_words, _predict, _word_model
    tags = _predict(_word_model(), [Token("", 0, 0)])
    assert tags is None or len(tags) == 1
    assert _join_words(" ", 0, [Token(" ", 0, 1)]) == []
    doc = extract("Có 5 \u3000 hộ và 12\u2003người tham gia.")
    assert doc.facts and all(doc.text[f.start:f.end] == f.text for f in doc.facts)


def test_rules_match_folded_text_but_facts_keep_the_original():
    text = "Thu 27\u00a0tỷ\u200bđồng, tăng từ 5\u20137%; Uỷ ban chi 3\u2009triệu USD."
    doc = extract(text)
    assert [(f.text, f.to_dict()["value"]) for f in doc.facts] == [
        ("27\u00a0tỷ\u200bđồng", 27_000_000_000),
        ("từ 5\u20137%", 5),
        ("3\u2009triệu USD", 3_000_000),
    ]
    assert all(doc.text[f.start:f.end] == f.text for f in doc.facts)


def test_lexicon_lookup_folds_old_tone_placement():
    from vnfacts.rules.lexicon import Lexicon
    lex = Lexicon.from_data("ORG", {"committee": ["Ủy ban"]})
    assert lex.key_of("Uỷ  ban") == "committee"


@pytest.mark.parametrize("digits", ["1,2.3", "1.2,3,4", "1.2.3,4.5", "12,34,5"])
def test_malformed_digit_groups_are_not_numbers(digits):
    """Found by the fuzzer: "1,2.3" once raised decimal.InvalidOperation."""
    from vnfacts.normalize.numerals import parse_digits
    with pytest.raises(ValueError):
        parse_digits(digits)
    doc = extract(f"đạt {digits}% và {digits} tỷ đồng")  # must not raise
    assert all(doc.text[f.start:f.end] == f.text for f in doc.facts)


def test_extract_file_reads_as_the_cli_does(tmp_path):
    from vnfacts.input.encodings import vni

    legacy = tmp_path / "old.txt"
    legacy.write_bytes(vni.encode("Ủy ban nhân dân tỉnh chi 12 tỷ đồng, tăng 4,5%."))
    page = tmp_path / "page.html"
    page.write_text('<html><head><meta property="article:published_time" content="2024-03-05T08:00:00+07:00">'
                    "</head><body><article><p>Ngày 4/3, tỉnh chi 27 t&#7927; &#273;&#7891;ng.</p></article>"
                    "</body></html>", encoding="utf-8")
    for path in (legacy, page):
        doc = vnfacts.extract_file(path)
        assert all(doc.text[f.start:f.end] == f.text for f in doc.facts) and doc.source == str(path)
    assert vnfacts.extract_file(legacy).meta["encoding"] == "vni"
    html = vnfacts.extract_file(page)
    assert html.published == "2024-03-05" and "<" not in html.text
    assert vnfacts.extract_file(page, published="2023-01-01").published == "2023-01-01"
    with pytest.raises(vnfacts.InputError) as missing:
        vnfacts.extract_file(tmp_path / "nope.txt")
    assert missing.value.kind == "not_found"


def test_people_and_authors_are_attributes_of_a_document():
    doc = extract("Bà Lê Thị Hoa, Giám đốc Sở Tài chính, cho biết tỉnh chi 3 tỷ đồng.\n\nMinh Hà\n")
    assert [p["name"] for p in doc.people] == ["Lê Thị Hoa"] and doc.authors == ["Minh Hà"]
    assert doc.people == doc.to_dict()["people"] and doc.authors == doc.to_dict()["authors"]
    assert extract("Tăng 5%.").people == [] and extract("Tăng 5%.").authors == []
