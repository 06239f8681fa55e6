"""Matching predictions to gold: by type and normalized value, one to one, with ignored texts."""
from decimal import Decimal

from vnfacts import Fact
from vnfacts.evaluate import GoldDoc, GoldFact, match_document
from vnfacts.evaluate.match import fold, match_key

TEXT = "Ông Nguyễn Văn A, Chủ tịch UBND tỉnh, cho biết thu 27 tỷ đồng và 5 USD, đạt 104,65%; 3 người, 3 hộ."


def pred(ftype, text, value, **kw):
    start = TEXT.find(text)
    return Fact(ftype, text, start, start + len(text), value, f"{ftype}.test", **kw)


def gold(ftype, text, value, **attrs):
    return GoldFact(ftype, value, text, attrs)


def doc(*facts, ignore=()):
    return GoldDoc("d", TEXT, tuple(facts), "2024-01-05", tuple(ignore))


def test_numbers_compare_exactly_whatever_their_python_type():
    g = gold("percent", "104,65%", Decimal("104.65"))
    for value in (Decimal("104.65"), Decimal("104.650"), 104.65):
        m = match_document(doc(g), [pred("percent", "104,65%", value)])
        assert len(m.pairs) == 1, value
    m = match_document(doc(g), [pred("percent", "104,65%", Decimal("104.6"))])
    assert m.pairs == [] and m.misses == [g] and len(m.false_hits) == 1


def test_money_needs_the_same_currency():
    g = gold("money", "27 tỷ đồng", 27_000_000_000, currency="VND")
    assert len(match_document(doc(g), [pred("money", "27 tỷ đồng", 27_000_000_000, currency="VND")]).pairs) == 1
    m = match_document(doc(g), [pred("money", "27 tỷ đồng", 27_000_000_000, currency="USD")])
    assert m.pairs == [] and m.misses == [g]


def test_quantity_needs_the_same_unit_folded():
    g_people, g_homes = gold("quantity", "3 người", 3, unit="người"), gold("quantity", "3 hộ", 3, unit="hộ")
    found = [pred("quantity", "3 hộ", 3, unit="Hộ"), pred("quantity", "3 người", 3, unit="người lao động")]
    m = match_document(doc(g_people, g_homes), found)
    assert [(g.text, p.text) for g, p in m.pairs] == [("3 hộ", "3 hộ")]
    assert m.misses == [g_people] and [p.unit for p in m.false_hits] == ["người lao động"]


def test_percent_matches_by_value_alone():
    g = gold("percent", "104,65%", Decimal("104.65"), unit="%")
    assert len(match_document(doc(g), [pred("percent", "104,65%", Decimal("104.65"), unit="percentage_point")]).pairs) == 1


def test_dates_match_by_value():
    g = GoldFact("date", "2024-01-04", "Sáng 4/1", {"grain": "day"})
    text_only = GoldDoc("d", "Sáng 4/1, họp.", (g,))
    hit = Fact("date", "4/1", 5, 8, "2024-01-04", "date.test", grain="day")
    wrong = Fact("date", "4/1", 5, 8, "2024-04-01", "date.test", grain="day")
    assert len(match_document(text_only, [hit]).pairs) == 1
    assert match_document(text_only, [wrong]).misses == [g]


def test_one_gold_fact_matches_at_most_one_prediction():
    g = gold("quantity", "3 người", 3, unit="người")
    twice = [pred("quantity", "3 người", 3, unit="người"), pred("quantity", "3 người", 3, unit="người")]
    m = match_document(doc(g), twice)
    assert len(m.pairs) == 1 and len(m.false_hits) == 1 and m.misses == []


def test_two_equal_gold_facts_need_two_predictions():
    g1, g2 = gold("quantity", "3 người", 3, unit="người"), gold("quantity", "3 người", 3, unit="người")
    m = match_document(doc(g1, g2), [pred("quantity", "3 người", 3, unit="người")])
    assert len(m.pairs) == 1 and len(m.misses) == 1


def test_officials_match_by_name_and_report_title_recall():
    g = gold("official", "Ông Nguyễn Văn A, Chủ tịch UBND tỉnh", "Nguyễn Văn A", name="Nguyễn Văn A",
             titles=["Chủ tịch UBND tỉnh", "Bí thư Tỉnh ủy"])
    p = pred("official", "Ông Nguyễn Văn A, Chủ tịch UBND tỉnh", "Nguyễn  văn A", name="Nguyễn  văn A",
             titles=("chủ tịch UBND tỉnh",))
    m = match_document(doc(g), [p])
    assert len(m.pairs) == 1
    found, total, lost = m.titles()
    assert (found, total) == (1, 2) and lost == [(g, "Bí thư Tỉnh ủy")]


def test_an_official_with_another_name_is_a_miss_and_a_false_hit():
    g = gold("official", "Ông Nguyễn Văn A", "Nguyễn Văn A", name="Nguyễn Văn A", titles=[])
    m = match_document(doc(g), [pred("official", "Ông Nguyễn Văn A", "Nguyễn Văn", name="Nguyễn Văn")])
    assert m.misses == [g] and len(m.false_hits) == 1


def test_same_text_is_preferred_when_keys_tie():
    short = gold("official", "Ông Nguyễn Văn A", "Nguyễn Văn A", name="Nguyễn Văn A", titles=[])
    full = gold("official", "Nguyễn Văn A, Chủ tịch UBND tỉnh", "Nguyễn Văn A", name="Nguyễn Văn A",
                titles=["Chủ tịch UBND tỉnh"])
    p_full = pred("official", "Nguyễn Văn A, Chủ tịch UBND tỉnh", "Nguyễn Văn A", name="Nguyễn Văn A",
                  titles=("Chủ tịch UBND tỉnh",))
    p_short = Fact("official", "Ông Nguyễn Văn A", 0, 16, "Nguyễn Văn A", "r", name="Nguyễn Văn A", titles=())
    m = match_document(doc(short, full), [p_full, p_short])
    assert [(g.text, p.text) for g, p in m.pairs] == [(short.text, p_short.text), (full.text, p_full.text)]
    assert m.titles()[:2] == (1, 1)


def test_gold_offsets_pick_the_prediction_at_that_place():
    text = "3 người đến, rồi 3 người về."
    g = GoldFact("quantity", 3, "3 người", {"unit": "người"}, start=17, end=24)
    first, second = (Fact("quantity", "3 người", s, s + 7, 3, "r", unit="người") for s in (0, 17))
    m = match_document(GoldDoc("d", text, (g,)), [first, second])
    assert m.pairs == [(g, second)] and m.false_hits == [first]


def test_ignored_texts_count_neither_way():
    g = gold("quantity", "3 hộ", 3, unit="hộ")
    in_ignored = pred("quantity", "3 người", 3, unit="người")
    m = match_document(doc(g, ignore=["đạt 104,65%; 3 người"]), [in_ignored, pred("quantity", "3 hộ", 3, unit="hộ")])
    assert m.ignored == [in_ignored] and m.false_hits == [] and len(m.pairs) == 1


def test_an_ignored_text_does_not_hide_a_right_answer():
    g = gold("quantity", "3 người", 3, unit="người")
    m = match_document(doc(g, ignore=["3 người"]), [pred("quantity", "3 người", 3, unit="người")])
    assert len(m.pairs) == 1 and m.ignored == []


def test_only_the_scored_types_count():
    g = gold("money", "27 tỷ đồng", 27_000_000_000, currency="VND")
    other = pred("percent", "104,65%", Decimal("104.65"))
    assert match_document(doc(g), [other]).false_hits == []
    assert match_document(doc(g), [other], types={"money", "percent"}).false_hits == [other]


def test_match_key_and_fold():
    assert match_key(gold("money", "x", 5, currency=" usd")) == match_key(pred("money", "5 USD", Decimal(5), currency="USD"))
    assert fold("Uỷ ban") == fold("ủy ban") and fold("Hoà Bình,") == fold("hòa bình")
    assert fold("Hà") != fold("Hạ")
