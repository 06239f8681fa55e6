"""A document on one enormous line is cut into overlapping pieces: no fact across a cut is lost or
doubled, offsets stay exact, and what is found is what the uncut line gives."""
from __future__ import annotations

import pytest

import vnfacts.text.view as view
from vnfacts import Extractor

#: Sentences written for this test, each with facts; run together with ", " or " " they make
#: one long line with nowhere to cut but spaces (or sentence ends).
SENTENCES = [
    "Ông Nguyễn Văn Hùng, Chủ tịch UBND tỉnh Quảng Trị, cho biết năm 2024 tỉnh chi hơn 27 tỷ đồng",
    "tỷ lệ hộ nghèo giảm còn 3,5% vào ngày 15/10/2024",
    "huyện đã hỗ trợ 1.250 hộ dân với tổng kinh phí 4,5 tỷ đồng",
    "bà Trần Thị Mai, Phó Giám đốc Sở Y tế, đề nghị tăng 12% ngân sách",
    "sáng cùng ngày, 300 công nhân được tặng quà trị giá 500.000 đồng/người",
]


def _line(n: int, sep: str) -> str:
    return sep.join(SENTENCES[i % len(SENTENCES)] for i in range(n)) + "."


def _facts(doc):
    return [(f.type, f.start, f.end, f.text, str(f.value), f.rule) for f in doc.facts]


@pytest.fixture
def small_pieces(monkeypatch):
    """Pieces small enough that dozens of cuts fall inside facts (the rules stay as they are)."""
    monkeypatch.setattr(view, "MAX_LINE", 600)
    monkeypatch.setattr(view, "OVERLAP", 250)


@pytest.mark.parametrize("sep", [", ", ". "])
def test_a_cut_line_gives_exactly_the_facts_of_the_uncut_line(extractor, monkeypatch, small_pieces, sep):
    text = _line(120, sep)
    cut = extractor.extract(text)
    pieces = view.TextView(text).lines
    assert len(pieces) > 10
    owns = view.TextView(text).segments
    across = any(f.start < b <= f.end - 1 for f in cut.facts for _, b in owns[:-1])
    assert across == (sep == ", ")  # with no sentence end to cut at, cuts fall inside facts
    monkeypatch.setattr(view, "MAX_LINE", 10**9)
    whole = extractor.extract(text)
    assert len(view.TextView(text).lines) == 1
    assert _facts(cut) == _facts(whole)
    assert cut.meta == whole.meta  # people merged alike


def test_offsets_stay_exact_across_cuts_and_nothing_is_doubled(extractor, small_pieces):
    text = _line(80, ", ")
    doc = extractor.extract(text)
    assert doc.facts and all(text[f.start:f.end] == f.text for f in doc.facts)
    spans = [(f.type, f.start, f.end) for f in doc.facts]
    assert len(spans) == len(set(spans))
    assert sum(f.type == "money" for f in doc.facts) >= 80 * 3 // 5  # each sentence's money is there


def test_one_line_finds_what_the_same_sentences_on_separate_lines_find(extractor, small_pieces):
    joined = _line(40, ". ")
    lines = joined.replace(". ", ".\n")
    assert len(joined) == len(lines)  # same offsets: a space became a line end
    assert _facts(extractor.extract(joined)) == _facts(extractor.extract(lines))


def test_pieces_partition_the_line_and_stay_bounded():
    text = "Tỉnh chi 12 tỷ đồng cho 300 hộ " * 2000 + "\n" + "ngắn\n"
    v = view.TextView(text)
    segments = v.segments
    assert segments[0][0] == 0 and segments[-1] == (len(text) - 5, len(text) - 1)
    assert all(a[1] == b[0] for a, b in zip(segments[:-2], segments[1:-1]))  # the long line's parts meet
    assert all(end - start <= view.MAX_LINE + 4 * view.OVERLAP for start, end in v.lines)
    assert all(ps <= s and e <= pe for (ps, pe), (s, e) in zip(v.lines, segments))


def test_a_huge_line_without_spaces_is_still_cut_and_bounded(extractor):
    text = "x" * (3 * view.MAX_LINE) + " tăng 5%"
    v = view.TextView(text)
    assert len(v.lines) >= 3
    assert [f.text for f in extractor.extract(text).facts] == ["5%"]


def test_indexed_full_names_agree_with_the_definition():
    import random

    from vnfacts.model import Fact
    from vnfacts.people.mentions import full_name, full_names

    names = ["Lê Minh Tuấn", "Tuấn", "Minh Tuấn", "Trần Văn Tuấn", "Park Ji-hoon", "Park", "TUẤN", "Lê", "Hoa",
             "Nguyễn Thị Hoa", "Hoa Lê"]
    rng = random.Random(14)
    for _ in range(200):
        at, facts = 0, []
        for _ in range(rng.randint(1, 25)):
            name = rng.choice(names)
            kind = rng.choice(["person", "official", "money"])
            facts.append(Fact(kind, name, at, at + len(name), name, "r", name=name if kind != "money" else None))
            at += len(name) + rng.randint(1, 5)
        people = [f for f in facts if f.type in ("person", "official") and f.name]
        assert full_names(facts) == {i: full_name(f, people) for i, f in enumerate(facts)
                                     if f.type in ("person", "official") and f.name}


def test_a_document_is_written_fact_by_fact_as_the_one_line_it_always_was(extractor):
    import io

    from vnfacts.render.json import document_line, dumps

    doc = extractor.extract(_line(30, ". "), source="bai.txt")
    for chunk in (1, 100, 1 << 20):
        buf = io.StringIO()
        document_line(doc, buf, chunk=chunk)
        assert buf.getvalue() == dumps(doc.to_dict()) + "\n"
    empty = extractor.extract("Không có gì.")
    buf = io.StringIO()
    document_line(empty, buf)
    assert buf.getvalue() == dumps(empty.to_dict()) + "\n"
