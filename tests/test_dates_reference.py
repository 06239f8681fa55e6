"""Partial and relative dates against several reference dates, across year boundaries."""
import pytest

from vnfacts import extract

CASES = [
    # (text, published, expected value of the only date fact)
    ("Chiều 26/12, tỉnh tổng kết năm.", "2024-01-05", "2023-12-26"),
    ("Chiều 26/12, tỉnh tổng kết năm.", "2023-12-27", "2023-12-26"),
    ("Sáng 3/1, khai mạc hội chợ.", "2023-12-28", "2024-01-03"),
    ("Ngày 29/2, ngân hàng báo cáo.", "2024-03-01", "2024-02-29"),
    ("Hôm qua, mưa lớn gây ngập.", "2024-01-01", "2023-12-31"),
    ("Ngày mai, tỉnh khai trương.", "2023-12-31", "2024-01-01"),
    ("Tháng trước, giá xăng tăng.", "2024-01-15", "2023-12"),
    ("Năm ngoái, tỉnh thu hút vốn.", "2024-01-02", "2023"),
    ("Tuần trước, đoàn kiểm tra đã làm việc.", "2024-01-03", "2023-W52"),
    ("Tuần tới, hội nghị sẽ diễn ra.", "2024-12-30", "2025-W02"),
    ("Hội nghị sơ kết quý I đã diễn ra.", "2024-04-02", "2024-Q1"),
    ("Chủ nhật tuần trước, xã ra quân.", "2024-01-03", "2023-12-31"),
    ("Đầu tháng 12, giá lúa giảm.", "2025-01-03", "2024-12"),
    ("Mùng 1 Tết, lãnh đạo tỉnh thăm hỏi.", "2025-01-25", "2025-01-29"),
    # Chạp of Giáp Thìn has 29 days (no "30 Tết" in 2025): 28 Tết is 27 January
    ("Ngày 28 Tết, xã trao quà.", "2025-01-20", "2025-01-27"),
]


@pytest.mark.parametrize("text,published,value", CASES, ids=[f"{c[0][:20]}@{c[1]}" for c in CASES])
def test_resolved_against_reference(text, published, value):
    dates = extract(text, published=published).of_type("date")
    assert [d.value for d in dates] == [value]


def test_relative_date_without_reference_gives_no_fact():
    assert extract("Hôm qua, mưa lớn gây ngập.").of_type("date") == []


def test_partial_date_without_reference_keeps_year_unknown():
    [d] = extract("Chiều 26/12, tỉnh tổng kết năm.").of_type("date")
    assert d.value == "--12-26"


@pytest.mark.parametrize("text", [
    "đạt 80,7% kế hoạch", "chi trả cho 1044 đối tượng", "Quyết định số 1234/QĐ-UBND",
    "theo Nghị định 15/2020/NĐ-CP", "2/3 số hộ dân", "học sinh lớp 9", "tỷ số 3-1",
    "Đại hội lần thứ 26", "trong 9 tháng", "sau 2 ngày làm việc", "3 năm qua",
])
def test_not_dates(text):
    assert extract(text, published="2024-05-10").of_type("date") == []
