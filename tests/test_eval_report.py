"""Figures per type and overall, the error list, and the run loop with any predictor."""
import json
from decimal import Decimal

import pytest

from vnfacts import Fact
from vnfacts.evaluate import Counts, GoldDoc, GoldFact, evaluate

TEXT = "Thu 27 tỷ đồng, đạt 104,65% và 92,3%; 3 người, 5 hộ."


def at(text, needle):
    start = text.find(needle)
    return start, start + len(needle)


def fact(ftype, surface, value, **kw):
    return Fact(ftype, surface, *at(TEXT, surface), value, f"{ftype}.test", **kw)


GOLD = GoldDoc("d1", TEXT, (
    GoldFact("money", 27_000_000_000, "27 tỷ đồng", {"currency": "VND"}),
    GoldFact("percent", Decimal("104.65"), "104,65%", {"unit": "%"}),
    GoldFact("percent", Decimal("92.3"), "92,3%", {"unit": "%"}),
    GoldFact("quantity", 3, "3 người", {"unit": "người"}),
), ignore=("5 hộ",))

PREDICTED = [
    fact("money", "27 tỷ đồng", 27_000_000_000, currency="VND"),
    fact("percent", "104,65%", Decimal("104.65"), unit="%"),
    fact("percent", "92,3%", Decimal("9.23"), unit="%"),      # wrong value: a false hit and a miss
    fact("quantity", "3 người", 3, unit="người"),
    fact("quantity", "5 hộ", 5, unit="hộ"),                   # inside an ignored text
]


@pytest.fixture()
def report():
    return evaluate([GOLD], lambda doc: PREDICTED)


def test_counts_per_type(report):
    assert list(report.types) == ["percent", "money", "quantity"]
    p = report.types["percent"]
    assert (p.tp, p.fp, p.fn) == (1, 1, 1) and p.precision == 0.5 and p.recall == 0.5 and p.f1 == 0.5
    assert (report.types["money"].tp, report.types["money"].f1) == (1, 1.0)
    q = report.types["quantity"]
    assert (q.tp, q.fp, q.fn, q.ignored) == (1, 0, 0, 1)


def test_overall_is_micro_averaged(report):
    o = report.overall
    assert (o.tp, o.fp, o.fn) == (3, 1, 1)
    assert o.precision == 0.75 and o.recall == 0.75 and report.f1("overall") == 0.75


def test_errors_come_in_reading_order_of_their_document():
    text = "2 ca mắc, 3 hộ, 2 ca."
    gold = GoldDoc("r", text, (GoldFact("quantity", 2, "2 ca", {"unit": "ca"}),
                               GoldFact("quantity", 2, "2 ca", {"unit": "ca"})))
    found = [Fact("quantity", "3 hộ", 10, 14, 3, "q", unit="hộ"), Fact("quantity", "2 ca mắc", 0, 8, 2, "q", unit="ca mắc"),
             Fact("quantity", "2 ca", 16, 20, 2, "q", unit="ca")]
    report = evaluate([gold], lambda doc: found)
    assert [(e["kind"], e["text"]) for e in report.errors] == [
        ("miss", "2 ca"), ("false_hit", "2 ca mắc"), ("false_hit", "3 hộ")]


def test_every_miss_and_false_hit_is_listed_with_its_document(report):
    assert report.errors == [
        {"document": "d1", "type": "percent", "kind": "miss", "text": "92,3%", "value": 92.3, "unit": "%"},
        {"document": "d1", "type": "percent", "kind": "false_hit", "text": "92,3%", "value": 9.23, "unit": "%",
         "start": TEXT.find("92,3%"), "end": TEXT.find("92,3%") + 5},
    ]


def test_json_shape(report):
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert data["documents"] == 1 and set(data) >= {"documents", "types", "overall", "errors"}
    assert data["types"]["percent"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1,
                                        "ignored": 0}
    assert data["overall"]["f1"] == 0.75


def test_f1_of_a_type_not_scored_is_a_key_error(report):
    with pytest.raises(KeyError):
        report.f1("date")


def test_nothing_predicted_scores_zero_not_a_division_error():
    report = evaluate([GOLD], lambda doc: [])
    assert report.overall.tp == 0 and report.overall.fn == 4 and report.overall.f1 == 0.0
    assert Counts(tp=0, fp=3).precision == 0.0


def test_a_failing_predictor_is_recorded_and_the_run_goes_on():
    other = GoldDoc("d2", "Đạt 7%.", (GoldFact("percent", 7, "7%", {"unit": "%"}),))

    def flaky(doc):
        if doc.id == "d1":
            raise RuntimeError("boom")
        return [Fact("percent", "7%", 4, 6, 7, "p", unit="%")]

    report = evaluate([GOLD, other], flaky)
    assert report.failed == [{"document": "d1", "error": "RuntimeError: boom"}]
    assert report.documents == 2 and report.types["percent"].tp == 1 and report.overall.fn == 4


def test_title_recall_counts_titles_of_matched_officials():
    text = "Ông Lê Văn B, Chủ tịch UBND huyện, Bí thư Huyện ủy; ông Trần C."
    gold = GoldDoc("o", text, (
        GoldFact("official", "Lê Văn B", "Ông Lê Văn B, Chủ tịch UBND huyện, Bí thư Huyện ủy",
                 {"name": "Lê Văn B", "titles": ["Chủ tịch UBND huyện", "Bí thư Huyện ủy"]}),
        GoldFact("official", "Trần C", "ông Trần C", {"name": "Trần C", "titles": ["Giám đốc Sở"]}),
    ))
    found = [Fact("official", "Lê Văn B, Chủ tịch UBND huyện", 4, 32, "Lê Văn B", "o", name="Lê Văn B",
                  titles=("Chủ tịch UBND huyện",))]
    report = evaluate([gold], lambda doc: found)
    assert (report.titles_found, report.titles_gold, report.title_recall) == (1, 2, 0.5)
    assert report.to_dict()["types"]["official"]["title_recall"] == 0.5
    kinds = [(e["kind"], e.get("title")) for e in report.errors]
    assert kinds == [("title_miss", "Bí thư Huyện ủy"), ("miss", None)]  # in reading order


def test_title_recall_is_none_without_matched_titles():
    report = evaluate([GOLD], lambda doc: [], types=["official", "money"])
    assert report.title_recall is None and report.to_dict()["types"]["official"]["title_recall"] is None
