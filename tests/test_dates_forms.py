"""Date forms of real news (issue #13): dash dates, clock times, "cùng ngày", lists, spans.

Each case is a short invented phrase; the rule examples prove each rule alone, these check
the forms in running text, where other rules compete for the same characters.
"""
import pytest

from vnfacts import Extractor, extract
from vnfacts.extractor import DEFAULT_STAGES

PUB = "2024-05-10"

CASES = [
    # (text, published, [(text, value)] of every date fact)
    ("Chiều 4-9, đoàn công tác đến thăm.", "2024-09-05", [("Chiều 4-9", "2024-09-04")]),
    ("Hạn nộp hồ sơ kéo dài đến 20-11.", "2024-11-01", [("20-11", "2024-11-20")]),
    ("Dự án phải xong trước 15-8, tỉnh yêu cầu.", "2024-07-01", [("15-8", "2024-08-15")]),
    ("Lễ hội diễn ra từ 2-9 đến 5-9.", "2024-08-20", [("từ 2-9 đến 5-9", "2024-09-02/2024-09-05")]),
    ("Sáng 12-3, UBND tỉnh họp.", "2024-03-12", [("Sáng 12-3", "2024-03-12")]),
    ("Hội nghị hôm qua (12-3) đã bế mạc.", "2024-03-13", [("hôm qua (12-3)", "2024-03-12")]),
    ("Ông A cho biết (12-3), xã đã nhận hồ sơ.", "2024-03-13", [("12-3", "2024-03-12")]),
    ("Đoàn làm việc vào các ngày 10, 12 và 15-6.", "2024-06-01",
     [("ngày 10", "2024-06-10"), ("12", "2024-06-12"), ("15-6", "2024-06-15")]),
    ("Hội chợ mở từ 8 đến 11-10, tại quảng trường.", "2024-10-01", [("từ 8 đến 11-10", "2024-10-08/2024-10-11")]),
    ("Giá tăng trong tháng 3-4/2024.", PUB, [("tháng 3-4/2024", "2024-03/2024-04")]),
    ("Dịp nghỉ lễ 30-4 và 1-5, du khách đông.", "2024-04-20", [("30-4", "2024-04-30"), ("1-5", "2024-05-01")]),
    ("Khoảng 9 giờ sáng cùng ngày, xe đến.", PUB, [("9 giờ sáng cùng ngày", "T09")]),
    ("Xe đến lúc 10:45, đoàn xuống xe.", PUB, [("lúc 10:45", "T10:45")]),
    ("Đến 15h, mưa tạnh.", PUB, [("15h", "T15")]),
    ("Vụ cháy xảy ra vào 22h đêm.", PUB, [("vào 22h đêm", "T22")]),
    ("6h30 sáng nay, xe đến.", PUB, [("6h30 sáng nay", "2024-05-10T06:30")]),
    ("Tính từ 6h đến 18h ngày 25/4, cả nước không có ca mắc.", "2024-04-26",
     [("từ 6h đến 18h ngày 25/4", "2024-04-25T06/2024-04-25T18")]),
    ("Ngày 25/4, xã họp. Đến 2h30 cùng ngày, xã ra thông báo.", "2024-04-26",
     [("Ngày 25/4", "2024-04-25"), ("2h30 cùng ngày", "2024-04-25T02:30")]),
    ("Hôm qua, mưa lớn. Đến tối cùng ngày, nước rút.", "2024-04-26",
     [("Hôm qua", "2024-04-25"), ("tối cùng ngày", "2024-04-25")]),
    ("Trong tháng Chạp, chợ đông.", "2024-01-20", [("tháng Chạp", "2024-01-11/2024-02-09")]),
    ("Nước Việt Nam ra đời vào tháng Chín năm 1945.", PUB, [("tháng Chín năm 1945", "1945-09")]),
    ("Vào tháng Tư, trời nóng.", "2024-03-20", [("tháng Tư", "2024-04")]),
    ("Doanh thu quý II và III năm 2023 tăng.", PUB, [("quý II", "2023-Q2"), ("III năm 2023", "2023-Q3")]),
    ("Lợi nhuận quý 4 của năm 2018 giảm.", PUB, [("quý 4 của năm 2018", "2018-Q4")]),
    ("Hội nghị diễn ra vào thứ Tư của tuần tới.", "2024-03-13", [("thứ Tư của tuần tới", "2024-03-20")]),
    ("Tỉnh quy hoạch giai đoạn từ 2015 đến nay.", PUB, [("2015", "2015")]),
    ("Anh Nguyễn Văn B. (SN 1990, trú xã C) bị bắt.", PUB, [("SN 1990", "1990")]),
    ("Thời gian tiếp nhận từ ngày 24/4 cho đến ngày 7/5.", "2024-04-20", [("từ ngày 24/4 cho đến ngày 7/5", "2024-04-24/2024-05-07")]),
    ("Năm vừa qua, tỉnh thu hút vốn.", "2024-01-10", [("Năm vừa qua", "2023")]),
    ("Nửa đầu năm 2020, xuất khẩu giảm.", PUB, [("Nửa đầu năm 2020", "2020-01/2020-06")]),
    ("Vụ đụng độ tháng 6 năm ngoái.", "2021-04-24", [("tháng 6 năm ngoái", "2020-06")]),
    ("Mở cửa phiên sáng nay 22/4, giá vàng tăng.", "2021-04-22", [("sáng nay 22/4", "2021-04-22")]),
]


@pytest.mark.parametrize("text,published,want", CASES, ids=[c[0][:30] for c in CASES])
def test_date_forms(text, published, want):
    got = [(d.text, d.value) for d in extract(text, published=published).of_type("date")]
    assert got == want


@pytest.mark.parametrize("text", [
    "đội nhà thắng 3-1", "tỷ số 2-0 nghiêng về đội khách", "lãi suất tăng 5-7%", "thắng 6/12 lần",
    "8/12 đội vào vòng trong", "mỗi nhóm có 3-4 người", "lần thứ 2", "ngày thứ 3 liên tiếp",
    "dẫn trước 2-1.", "giá tăng từ 5-7 đến 8-9%", "trong 24h qua", "mất 2h đến 3h",
    "hơn một năm qua", "tăng lên 2020 ca", "bao tháng năm gian khó", "Chiều cùng ngày, đoàn đến.",
])
def test_not_dates(text):
    assert extract(text, published=PUB).of_type("date") == []


def test_clock_time_is_not_a_quantity():
    doc = extract("Đến 15h, mưa tạnh.", published=PUB)
    assert [f.type for f in doc.facts if f.text == "15h"] == ["date"]


def test_same_day_without_the_stage_keeps_the_clock_only():
    stages = tuple(s for s in DEFAULT_STAGES if s.__name__ != "date_context")
    doc = Extractor(stages=stages).extract("Ngày 25/4, xã họp. Đến 2h30 cùng ngày, xã ra thông báo.", published=PUB)
    assert [d.value for d in doc.of_type("date")] == ["2024-04-25", "T02:30"]


def test_same_day_after_an_interval_gives_no_day():
    doc = extract("Từ ngày 1/7 đến ngày 5/7, xã họp. Tối cùng ngày, xã ra thông báo.", published="2024-07-06")
    assert [d.value for d in doc.of_type("date")] == ["2024-07-01/2024-07-05"]
