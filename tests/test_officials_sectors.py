"""Ranks, sectors and past posts of officials, and the people entries that carry them
(docs/officials.md, docs/annotation.md `rank`, `sector`, `former`)."""
from __future__ import annotations

import pytest

from vnfacts import Extractor


@pytest.fixture(scope="module")
def ex():
    return Extractor()


def _officials(ex, text):
    return [(f.name, f.rank, f.sector, f.former) for f in ex.extract(text).of_type("official")]


def test_short_mention_takes_its_persons_sector_and_rank(ex):
    text = "Sáng 3-4, Thượng tá Lê Văn Dũng, Phó Trưởng Công an huyện, kiểm tra chốt. Thượng tá Dũng cho biết."
    assert _officials(ex, text) == [("Lê Văn Dũng", "Thượng tá", "police", None),
                                    ("Lê Văn Dũng", "Thượng tá", "police", None)]


def test_sector_of_the_first_titled_mention(ex):
    text = ("Ông Trần Văn Hải, Bí thư Huyện ủy, Chủ tịch HĐND huyện dự họp. Ông Hải cũng là "
            "Chủ tịch Hội Nông dân huyện.")
    assert {s for _, _, s, _ in _officials(ex, text)} == {"party"}


def test_rank_alone_takes_the_branch_the_article_names(ex):
    text = "Bộ Chỉ huy Quân sự tỉnh tổ chức hội nghị. Đại tá Nguyễn Văn Bình phát biểu."
    assert _officials(ex, text) == [("Nguyễn Văn Bình", "Đại tá", "military", None)]


def test_people_entry_has_rank_sector_former(ex):
    doc = ex.extract("Bị cáo Lê Văn Cường (nguyên Phó giám đốc Sở Y tế) khai nhận. Ông Cường xin giảm nhẹ.")
    (entry,) = doc.meta["people"]
    assert entry["sector"] == "state" and entry["former"] is True
    assert [f.former for f in doc.of_type("official")] == [True, None]


def test_two_ministers_keep_their_own_ministries(ex):
    doc = ex.extract("Bộ trưởng Bộ Y tế Đào Hồng Lan và Bộ trưởng Bộ Tài chính Hồ Đức Phớc cùng dự.")
    assert [(f.name, f.titles) for f in doc.of_type("official")] == [
        ("Đào Hồng Lan", ("Bộ trưởng Bộ Y tế",)), ("Hồ Đức Phớc", ("Bộ trưởng Bộ Tài chính",))]


@pytest.mark.parametrize("text", [
    "Tàu Đô đốc Vinogradov cập cảng Cam Ranh.",
    "HLV Park Hang-seo chốt danh sách.",
    "Quốc vương Campuchia Norodom Sihamoni tiếp đoàn.",
    "Chủ tịch HĐQT Saigonbank cho biết.",
])
def test_not_officials(ex, text):
    assert _officials(ex, text) == []
