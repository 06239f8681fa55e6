"""Numbers, money and counts on news-like phrases: values, qualifiers, currencies, units (issue #13)."""
from decimal import Decimal

import pytest

from vnfacts import Extractor
from vnfacts.normalize.numerals import Numerals
from vnfacts.rules import cached_ruleset

NUMS = Numerals.from_lexicons(cached_ruleset().lexicons)
EXTRACTOR = Extractor()


@pytest.mark.parametrize("text, value", [
    ("hai nghìn không trăm hai mươi", 2020),
    ("hai nghìn không trăm linh năm", 2005),
    ("một nghìn lẻ một", 1001),
    ("một trăm linh năm", 105),
    ("ba trăm mười lăm", 315),
    ("hai nghìn năm trăm", 2500),
    ("mười hai triệu", 12_000_000),
    ("2 phẩy 5 tỷ", 2_500_000_000),
    ("hai phẩy năm", Decimal("2.5")),
    ("1 phẩy 25 triệu", 1_250_000),
])
def test_spelled_and_spoken_numbers(text, value):
    got = NUMS.parse_amount(text)
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize("words", ["một năm", "hai ba", "mươi", "ba mươi năm", "mười năm", "một trăm năm"])
def test_sequences_that_are_not_one_number(words):
    with pytest.raises(ValueError):
        NUMS.parse_spelled(words.split())


def _facts(text, kind):
    return [f for f in EXTRACTOR.extract(text).facts if f.type == kind]


@pytest.mark.parametrize("text, qualifier", [
    ("Có ít hơn 500 người dự.", "less_than"),
    ("Chỉ kém hơn 20 hộ.", "less_than"),
    ("Mức hỗ trợ không dưới 15 hộ.", "at_least"),
    ("Số khách lên tới 500 người.", "at_most"),
    ("Đường dài khoảng hơn 10 km.", "more_than"),
    ("Có trên dưới 200 hộ.", "approx"),
    ("Người từ 60 tuổi trở lên được tặng quà.", "at_least"),
    ("Nhóm từ 5 người trở xuống.", "at_most"),
])
def test_qualifier_nearest_or_longest_wins(text, qualifier):
    (fact,) = _facts(text, "quantity")
    assert fact.qualifier == qualifier


def test_tu_without_a_qualifier_after_stays_out_of_the_fact():
    (fact,) = _facts("Đoàn từ 30 người đến thăm.", "quantity")
    assert (fact.text, fact.qualifier) == ("30 người", None)


@pytest.mark.parametrize("text", [
    "Thị xã là một đô thị loại III.",
    "Tỉnh có 9 đô thị.",
    "Cơ quan điều tra bắt ba đồng phạm.",
    "Anh cùng 4 đồng nghiệp đến nơi.",
    "Hai đồng chí lãnh đạo tỉnh dự.",
    "Đội bóng vào 3 bảng đấu.",
    "Chuẩn đô đốc dẫn 2 đô đốc khác.",
])
def test_currency_words_outside_money(text):
    assert _facts(text, "money") == []


@pytest.mark.parametrize("text, surface, value, currency", [
    ("Giá vé là 30 đô.", "30 đô", 30, "USD"),
    ("Quỹ trị giá USD 20 triệu.", "USD 20 triệu", 20_000_000, "USD"),
    ("Vé bán với giá $10.", "$10", 10, "USD"),
    ("Phí €5 mỗi người.", "€5", 5, "EUR"),
    ("Lương 3.000 bảng mỗi tuần.", "3.000 bảng", 3000, "GBP"),
    ("Tổng thu 2 phẩy 5 tỷ đồng.", "2 phẩy 5 tỷ đồng", 2_500_000_000, "VND"),
    ("Chi 10 triệu đồng tổ chức lễ.", "10 triệu đồng", 10_000_000, "VND"),
])
def test_money_in_money_contexts(text, surface, value, currency):
    (fact,) = _facts(text, "money")
    assert (fact.text, fact.value, fact.currency) == (surface, value, currency)


def test_negative_percent():
    (fact,) = _facts("Tăng trưởng âm 0,5% trong quý.", "percent")
    assert (fact.text, fact.value) == ("âm 0,5%", Decimal("-0.5"))


@pytest.mark.parametrize("text, surface, unit", [
    ("Phường có 2 khách sạn mới.", "2 khách sạn", "khách sạn"),
    ("Hải quân có 12 tàu ngầm.", "12 tàu ngầm", "tàu ngầm"),
    ("Nước này trục xuất 10 nhà ngoại giao.", "10 nhà ngoại giao", "nhà ngoại giao"),
    ("Đoàn kiểm tra 19 phòng trọ.", "19 phòng trọ", "phòng trọ"),
    ("Hỗ trợ 300 người lao động.", "300 người", "người"),
    ("Có 2.417 hộ nghèo.", "2.417 hộ", "hộ"),
    ("Tiêu hủy 38.000 con lợn.", "38.000 con", "con"),
])
def test_counted_noun_is_the_whole_word(text, surface, unit):
    (fact,) = _facts(text, "quantity")
    assert (fact.text, fact.unit) == (surface, unit)


def test_per_unit_of_a_measure():
    (fact,) = _facts("Năng suất đạt 6,5 tấn/ha.", "quantity")
    assert (fact.value, fact.unit, fact.per) == (Decimal("6.5"), "tấn", "ha")


@pytest.mark.parametrize("text", [
    "Cuộc họp kéo dài 3 tiếng.",
    "Sau 10 phút, lửa được dập tắt.",
    "Giá tăng gấp 5 lần.",
    "Lúc 15h, đoàn đến nơi.",
    "Từ 6h30 đến 18h, đường bị cấm.",
    "Một bệnh nhân đã xuất viện.",
    "Phòng chống dịch Covid - 19 hiệu quả.",
    "Khối 6 trường THCS tham gia.",
    "Hai thập niên qua, tỉnh đổi mới.",
])
def test_not_quantities(text):
    assert _facts(text, "quantity") == []
