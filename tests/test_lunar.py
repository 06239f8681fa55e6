"""Tests for vnfacts.calendar.lunar (Vietnamese lunar calendar, UTC+7)."""

from __future__ import annotations

import csv
import datetime
import doctest
from pathlib import Path

import pytest

from vnfacts.calendar import lunar
from vnfacts.calendar.lunar import (
    LunarDate,
    cycle_of_year,
    leap_month,
    lunar_to_solar,
    month_length,
    solar_to_lunar,
    tet,
    year_months,
    year_of_cycle,
)
from vnfacts.normalize.lunar_dates import can_chi_year
from vnfacts.rules import cached_ruleset

LEX = cached_ruleset().lexicons

D = datetime.date
TET_CSV = Path(__file__).parent / "data" / "tet.csv"


def _tet_table() -> dict[int, datetime.date]:
    with TET_CSV.open(encoding="utf-8") as f:
        return {int(row["year"]): D.fromisoformat(row["date"]) for row in csv.DictReader(f)}


# ---------------------------------------------------------------------------
# Tết
# ---------------------------------------------------------------------------


def test_tet_table_is_complete():
    table = _tet_table()
    assert sorted(table) == list(range(1980, 2051))
    for year, date in table.items():
        assert date.year == year
        assert D(year, 1, 21) <= date <= D(year, 2, 20)


@pytest.mark.parametrize("year,date", sorted(_tet_table().items()))
def test_tet_matches_published_table(year, date):
    assert tet(year) == date
    assert lunar_to_solar(1, 1, year) == date
    assert solar_to_lunar(date) == LunarDate(1, 1, year, False)


@pytest.mark.parametrize(
    "year,date",
    [
        (1985, D(1985, 1, 21)),
        (2007, D(2007, 2, 17)),
        (2020, D(2020, 1, 25)),
        (2021, D(2021, 2, 12)),
        (2022, D(2022, 2, 1)),
        (2023, D(2023, 1, 22)),
        (2024, D(2024, 2, 10)),
        (2025, D(2025, 1, 29)),
        (2026, D(2026, 2, 17)),
        (1968, D(1968, 1, 29)),  # Tết Mậu Thân in the North (already on UTC+7)
    ],
)
def test_tet_anchors(year, date):
    assert tet(year) == date


@pytest.mark.parametrize(
    "year,vietnam,china",
    [
        (1985, D(1985, 1, 21), D(1985, 2, 20)),
        (2007, D(2007, 2, 17), D(2007, 2, 18)),
        (2030, D(2030, 2, 2), D(2030, 2, 3)),
        (1968, D(1968, 1, 29), D(1968, 1, 30)),
    ],
)
def test_tet_differs_from_chinese_reckoning(year, vietnam, china):
    assert tet(year) == vietnam
    assert tet(year, utc_offset=8) == china


def test_tet_always_between_21_january_and_20_february():
    for year in range(1900, 2101):
        assert D(year, 1, 21) <= tet(year) <= D(year, 2, 20), year


# ---------------------------------------------------------------------------
# Structure of every year 1900–2100
# ---------------------------------------------------------------------------


def test_year_structure_1900_2100():
    for year in range(1900, 2101):
        months = year_months(year)
        leap = leap_month(year)
        assert len(months) == (13 if leap else 12), year
        numbers = [m for m, lp, _, _ in months if not lp]
        assert numbers == list(range(1, 13)), year
        leaps = [m for m, lp, _, _ in months if lp]
        assert leaps == ([leap] if leap else []), year
        if leap:  # the leap month follows the ordinary month of the same number
            i = next(i for i, (m, lp, _, _) in enumerate(months) if lp)
            assert months[i - 1][:2] == (leap, False)
        for i, (_, _, first, length) in enumerate(months):
            assert length in (29, 30), (year, i)
            nxt = months[i + 1][2] if i + 1 < len(months) else tet(year + 1)
            assert (nxt - first).days == length, (year, i)
        total = (tet(year + 1) - tet(year)).days
        assert total in ((383, 384, 385) if leap else (353, 354, 355)), (year, total)


def test_leap_years_follow_19_year_rhythm():
    # 7 leap months in every 19 years (Metonic cycle), give or take one at the edges.
    for start in range(1900, 2082):
        count = sum(1 for y in range(start, start + 19) if leap_month(y))
        assert count in (6, 7, 8), start


# ---------------------------------------------------------------------------
# Round trips
# ---------------------------------------------------------------------------

ROUND_TRIP_YEARS = [
    1900, 1968, 1984, 1985, 1987, 2007, 2020, 2023, 2024, 2025, 2030, 2033, 2057, 2100,
]


@pytest.mark.parametrize("year", ROUND_TRIP_YEARS)
def test_round_trip_every_day(year):
    day = D(year, 1, 1)
    previous = None
    while day.year == year:
        ld = solar_to_lunar(day)
        assert lunar_to_solar(ld.day, ld.month, ld.year, ld.leap) == day
        if previous is not None:  # lunar days advance by one or start a new month
            if ld.day == 1:
                assert previous.day in (29, 30)
            else:
                assert (ld.day, ld.month, ld.year, ld.leap) == (
                    previous.day + 1, previous.month, previous.year, previous.leap)
        previous = ld
        day += datetime.timedelta(days=1)


@pytest.mark.parametrize("year", ROUND_TRIP_YEARS)
def test_round_trip_every_lunar_day(year):
    expected = tet(year)
    for month, leap, first, length in year_months(year):
        assert first == expected
        for day in range(1, length + 1):
            solar = lunar_to_solar(day, month, year, leap)
            assert solar == first + datetime.timedelta(days=day - 1)
            assert solar_to_lunar(solar) == LunarDate(day, month, year, leap)
        expected = first + datetime.timedelta(days=length)
    assert expected == tet(year + 1)


def test_solar_to_lunar_accepts_datetime():
    assert solar_to_lunar(datetime.datetime(2024, 2, 10, 23, 59)) == LunarDate(1, 1, 2024)


# ---------------------------------------------------------------------------
# Known dates and leap months
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lunar_date,solar",
    [
        ((30, 12, 2023, False), D(2024, 2, 9)),  # Giao thừa Giáp Thìn
        ((23, 12, 2023, False), D(2024, 2, 2)),  # Ông Công ông Táo
        ((15, 1, 2024, False), D(2024, 2, 24)),  # Rằm tháng Giêng
        ((10, 3, 2023, False), D(2023, 4, 29)),  # Giỗ Tổ Hùng Vương
        ((10, 3, 2024, False), D(2024, 4, 18)),
        ((10, 3, 2025, False), D(2025, 4, 7)),
        ((15, 7, 2024, False), D(2024, 8, 18)),  # Vu Lan
        ((15, 8, 2023, False), D(2023, 9, 29)),  # Trung thu
        ((15, 8, 2024, False), D(2024, 9, 17)),
        ((15, 8, 2025, False), D(2025, 10, 6)),
        ((1, 2, 2023, True), D(2023, 3, 22)),  # tháng 2 nhuận Quý Mão
        ((1, 4, 2020, True), D(2020, 5, 23)),  # tháng 4 nhuận Canh Tý
        ((1, 6, 2025, True), D(2025, 7, 25)),  # tháng 6 nhuận Ất Tỵ
    ],
)
def test_known_dates(lunar_date, solar):
    assert lunar_to_solar(*lunar_date) == solar
    assert solar_to_lunar(solar) == LunarDate(*lunar_date)


@pytest.mark.parametrize(
    "year,leap",
    [
        (2001, 4), (2004, 2), (2006, 7), (2009, 5), (2012, 4), (2014, 9), (2017, 6),
        (2020, 4), (2023, 2), (2025, 6), (2028, 5), (2031, 3), (2033, 11), (2036, 6),
        (1982, 4), (1990, 5), (1993, 3), (1995, 8), (1998, 5),
        (2024, None), (2026, None), (2022, None), (2021, None),
        # Vietnam-specific (China: leap 10 in 1984, none in 1985, leap 6 in 1987)
        (1984, None), (1985, 2), (1987, 7),
    ],
)
def test_leap_months(year, leap):
    assert leap_month(year) == leap


def test_leap_months_chinese_reckoning_differs():
    assert (leap_month(1984, utc_offset=8), leap_month(1985, utc_offset=8)) == (10, None)
    assert leap_month(1987, utc_offset=8) == 6


def test_leap_month_2023_spans_22_march_to_19_april():
    assert solar_to_lunar(D(2023, 3, 21)) == LunarDate(30, 2, 2023, False)
    assert solar_to_lunar(D(2023, 3, 22)) == LunarDate(1, 2, 2023, True)
    assert solar_to_lunar(D(2023, 4, 19)) == LunarDate(29, 2, 2023, True)
    assert solar_to_lunar(D(2023, 4, 20)) == LunarDate(1, 3, 2023, False)
    assert month_length(2, 2023, leap=True) == 29


def test_month_11_and_12_can_be_leap():
    # 2033: the leap month is the 11th (the "2033 problem").
    months = year_months(2033)
    assert [(m, lp) for m, lp, _, _ in months][-3:] == [(11, False), (11, True), (12, False)]


# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------


def test_errors():
    assert month_length(1, 2024) == 29
    with pytest.raises(ValueError):
        lunar_to_solar(30, 1, 2024)  # month 1 of Giáp Thìn has 29 days
    assert lunar_to_solar(30, 12, 2023) == D(2024, 2, 9)
    with pytest.raises(ValueError):
        lunar_to_solar(1, 3, 2024, leap=True)  # 2024 has no leap month
    with pytest.raises(ValueError):
        lunar_to_solar(1, 3, 2023, leap=True)  # 2023's leap month is the 2nd
    with pytest.raises(ValueError):
        lunar_to_solar(0, 1, 2024)
    with pytest.raises(ValueError):
        lunar_to_solar(31, 1, 2024)
    with pytest.raises(ValueError):
        lunar_to_solar(1, 13, 2024)
    with pytest.raises(ValueError):
        lunar_to_solar(1, 0, 2024)
    with pytest.raises(ValueError):
        month_length(4, 2024, leap=True)
    with pytest.raises(ValueError):
        tet(1000)
    with pytest.raises(ValueError):
        solar_to_lunar(D(1, 1, 1))
    with pytest.raises(TypeError):
        lunar_to_solar(1.0, 1, 2024)
    with pytest.raises(TypeError):
        solar_to_lunar("2024-02-10")


def test_lunar_date_is_frozen():
    ld = LunarDate(1, 1, 2024)
    with pytest.raises(AttributeError):
        ld.day = 2
    assert str(LunarDate(1, 4, 2020, True)) == "1/4 nhuận/2020"


# ---------------------------------------------------------------------------
# Can chi
# ---------------------------------------------------------------------------


def _cycle(name: str) -> tuple[int, int]:
    """(stem, branch) of a can-chi name, through the lexicons CAN and CHI."""
    stem, branch = name.split()
    return int(LEX["CAN"].key_of(stem)), int(LEX["CHI"].key_of(branch))


@pytest.mark.parametrize(
    "year,name",
    [
        (2024, "Giáp Thìn"), (2023, "Quý Mão"), (2026, "Bính Ngọ"), (2025, "Ất Tỵ"),
        (1984, "Giáp Tý"), (1968, "Mậu Thân"), (2000, "Canh Thìn"), (1945, "Ất Dậu"),
        (1975, "Ất Mão"), (1954, "Giáp Ngọ"), (1930, "Canh Ngọ"), (2019, "Kỷ Hợi"),
        (2020, "Canh Tý"), (2021, "Tân Sửu"), (2022, "Nhâm Dần"), (1986, "Bính Dần"),
        (1977, "Đinh Tỵ"), (2027, "Đinh Mùi"), (2028, "Mậu Thân"), (2030, "Canh Tuất"),
    ],
)
def test_can_chi_year(year, name):
    assert cycle_of_year(year) == _cycle(name)
    assert year_of_cycle(*_cycle(name), year) == year
    assert year_of_cycle(*_cycle(name), year + 29) == year
    assert year_of_cycle(*_cycle(name), year - 29) == year


def test_can_chi_cycle():
    cycles = [cycle_of_year(y) for y in range(1984, 2044)]
    assert len(set(cycles)) == 60
    assert all(cycle_of_year(y) == cycle_of_year(y + 60) for y in range(1900, 2100))
    assert {s for s, _ in cycles} == {int(k) for k in LEX["CAN"].forms.values()} == set(range(10))
    assert {b for _, b in cycles} == {int(k) for k in LEX["CHI"].forms.values()} == set(range(12))
    for y in range(1900, 2101):
        assert year_of_cycle(*cycle_of_year(y), y) == y


@pytest.mark.parametrize(
    "name,near,year",
    [
        ("Quý Mão", 2024, 2023),
        ("quý mão", 2024, 2023),
        ("QUÝ MÃO", 2024, 2023),
        ("Quý Mẹo", 2024, 2023),
        ("Quí Mão", 2024, 2023),
        ("Quý   Mão", 2024, 2023),
        ("Ất Tị", 2024, 2025),
        ("Canh Tí", 2024, 2020),
        ("Kỉ Hợi", 2024, 2019),
        ("Đinh Dậu", 2024, 2017),
        ("Mậu Thân", 1975, 1968),
        ("Mậu Thân", 2000, 2028),
        ("Giáp Thìn", 1994, 1964),  # tie (30 years each way): the earlier
        ("Giáp Thìn", 1995, 2024),
        ("Giáp Thìn", 2024, 2024),
    ],
)
def test_year_from_can_chi_variants(name, near, year):
    assert can_chi_year(LEX, name, near) == year


@pytest.mark.parametrize("name", ["Giáp Sửu", "Giáp Tỵ", "Ất Tý", "Foo Bar", "Giáp", "Tý Giáp"])
def test_year_from_can_chi_rejects(name):
    assert can_chi_year(LEX, name, 2024) is None


def test_year_of_cycle_refuses_a_pair_of_other_parity():
    with pytest.raises(ValueError):
        year_of_cycle(0, 1, 2024)


# ---------------------------------------------------------------------------
# Month names (lexicon LUNAR_MONTH, read by the lunar date normalizer)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("word,month", [
    ("Giêng", 1), ("giêng", 1), ("GIÊNG", 1), ("Chạp", 12), ("Một", 11), ("mười một", 11),
    ("Tư", 4), ("Bốn", 4), ("Bảy", 7), ("Mười", 10), ("Mười Hai", 12), ("Mười  hai", 12),
])
def test_month_names(word, month):
    assert int(LEX["LUNAR_MONTH"].key_of(word)) == month


# ---------------------------------------------------------------------------
# Round trips and doctests
# ---------------------------------------------------------------------------


def test_ten_thousand_days_round_trip():
    lunar._sui.cache_clear()
    lunar._year_table.cache_clear()
    days = [D(2000, 1, 1) + datetime.timedelta(days=i) for i in range(10_000)]
    converted = [solar_to_lunar(d) for d in days]
    assert [lunar_to_solar(x.day, x.month, x.year, x.leap) for x in converted] == days


def test_doctests():
    result = doctest.testmod(lunar)
    assert result.attempted > 10
    assert result.failed == 0
