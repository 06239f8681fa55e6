"""The people merge across articles (vnfacts.database.people): who is one person, who is two."""
import json
import sqlite3

import pytest

pytest.importorskip("sqlite_utils")  # the db extra is in the test extra: CI has it

from dbdata import official, write  # noqa: E402
from vnfacts.database.load import build  # noqa: E402


def people_of(tmp_path, articles):
    """Build a database of one article per (titles, sector) and return each article's person id."""
    rows = [{"source": f"news/p{i}.txt", "published": f"2024-0{i + 1}-01",
             "facts": [official("Lâm Quốc Vinh", titles, 0, sector=sector)]}
            for i, (titles, sector) in enumerate(articles)]
    build(tmp_path / "f.db", [str(write(tmp_path / "f.jsonl", rows))])
    con = sqlite3.connect(tmp_path / "f.db")
    return [con.execute("select m.person_id from mentions m join documents d on d.id = m.document_id "
                        "where d.source = ?", [f"news/p{i}.txt"]).fetchone()[0] for i in range(len(articles))]


def test_a_title_without_its_place_joins_the_one_with_it(tmp_path):
    a, b = people_of(tmp_path, [(["Giám đốc Sở Y tế tỉnh Sóc Trăng"], "state"), (["Giám đốc Sở Y tế"], "state")])
    assert a == b


def test_the_same_title_in_two_provinces_is_two_people(tmp_path):
    a, b = people_of(tmp_path, [(["Giám đốc Sở Y tế tỉnh Sóc Trăng"], "state"),
                                (["Giám đốc Sở Y tế tỉnh Lạng Sơn"], "state")])
    assert a != b


def test_a_move_within_a_province_is_one_person(tmp_path):
    a, b = people_of(tmp_path, [(["Phó Chủ tịch UBND tỉnh Sóc Trăng"], "state"), (["Bí thư Tỉnh ủy Sóc Trăng"], "party")])
    assert a == b


def test_national_leaders_moving_between_offices_are_one_person(tmp_path):
    a, b = people_of(tmp_path, [(["Thủ tướng"], "state"), (["Chủ tịch nước"], "state")])
    assert a == b


def test_an_organization_inside_another_joins_them(tmp_path):
    a, b = people_of(tmp_path, [(["Chủ tịch Tập đoàn Sao Mai Xanh"], "business"),
                                (["Tổng Giám đốc Sao Mai Xanh"], "business")])
    assert a == b


def test_different_heads_and_sectors_without_a_common_place_stay_apart(tmp_path):
    a, b = people_of(tmp_path, [(["Thứ trưởng Bộ Công an"], "police"), (["Chủ tịch UBND TP Hội An"], "state")])
    assert a != b


def test_tenures_come_from_current_titles_only(tmp_path):
    rows = [{"source": "news/q1.txt", "published": "2024-05-01",
             "facts": [official("Lâm Quốc Vinh", ["nguyên Giám đốc Sở Tài chính tỉnh Sóc Trăng"], 0, former=True),
                       official("Lâm Quốc Vinh", ["Phó Chủ tịch UBND tỉnh Sóc Trăng"], 80)]}]
    build(tmp_path / "f.db", [str(write(tmp_path / "f.jsonl", rows))])
    con = sqlite3.connect(tmp_path / "f.db")
    labels = [r[0] for r in con.execute("select o.label from tenures t join offices o on o.id = t.office_id")]
    assert labels == ["Phó Chủ tịch UBND tỉnh Sóc Trăng"]
    titles = [json.loads(r[0]) for r in con.execute("select titles from mentions order by start")]
    assert titles == [["nguyên Giám đốc Sở Tài chính tỉnh Sóc Trăng"], ["Phó Chủ tịch UBND tỉnh Sóc Trăng"]]
