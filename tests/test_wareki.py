"""kit.wareki: Japanese era dates and Excel serials, both ways (examples and round trips)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kit import wareki
from kit.errors import DateError

DATES = st.dates(min_value=dt.date(1873, 1, 1), max_value=dt.date(2099, 12, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和5年4月1日", dt.date(2023, 4, 1)),
        ("令和5年4月1日現在", dt.date(2023, 4, 1)),
        ("令和５年４月１日現在", dt.date(2023, 4, 1)),
        ("令和 5年 4月 1日", dt.date(2023, 4, 1)),
        ("R5.4.1", dt.date(2023, 4, 1)),
        ("r05.04.01", dt.date(2023, 4, 1)),
        ("R5/4/1", dt.date(2023, 4, 1)),
        ("令5.4.1", dt.date(2023, 4, 1)),
        ("令和元年5月1日", dt.date(2019, 5, 1)),
        ("平成31年4月30日", dt.date(2019, 4, 30)),
        ("H31.4.30", dt.date(2019, 4, 30)),
        ("㍻31年4月1日", dt.date(2019, 4, 1)),
        ("㋿2年1月1日", dt.date(2020, 1, 1)),
        ("平成元年1月8日", dt.date(1989, 1, 8)),
        ("昭和64年1月7日", dt.date(1989, 1, 7)),
        ("昭和元年12月25日", dt.date(1926, 12, 25)),
        ("大正15年12月24日", dt.date(1926, 12, 24)),
        ("令和5年4月1日(土)", dt.date(2023, 4, 1)),
        ("2023年4月1日", dt.date(2023, 4, 1)),
        ("2023/4/1", dt.date(2023, 4, 1)),
        ("2023-04-01", dt.date(2023, 4, 1)),
        ("2023/4/1 0:00", dt.date(2023, 4, 1)),
        ("20230401", dt.date(2023, 4, 1)),
        ("平成31年5月1日", dt.date(2019, 5, 1)),  # old era on a pre-printed form: still converted
    ],
)
def test_parse_reads_every_common_form(text, expected):
    assert wareki.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "partial", "expected"),
    [
        ("平成31年", "start", dt.date(2019, 1, 1)),
        ("平成31年", "end", dt.date(2019, 4, 30)),  # 平成 ended on April 30
        ("令和元年", "start", dt.date(2019, 5, 1)),  # 令和 began on May 1
        ("令和元年", "end", dt.date(2019, 12, 31)),
        ("H30", "start", dt.date(2018, 1, 1)),
        ("R5.4", "end", dt.date(2023, 4, 30)),
        ("令和5年2月", "end", dt.date(2023, 2, 28)),
        ("令和6年2月", "end", dt.date(2024, 2, 29)),
        ("令和元年度", "start", dt.date(2019, 4, 1)),  # the fiscal year 2019 began in 平成
        ("令和5年度", "end", dt.date(2024, 3, 31)),
        ("2023年", "start", dt.date(2023, 1, 1)),
    ],
)
def test_partial_dates_need_an_explicit_choice(text, partial, expected):
    assert wareki.parse(text, partial=partial) == expected
    with pytest.raises(DateError, match="日付が決まりません") as info:
        wareki.parse(text)
    assert "partial" in info.value.action


def test_gannen_without_era_needs_the_era_given():
    assert wareki.parse("元年5月1日", era="令和") == dt.date(2019, 5, 1)
    assert wareki.parse("5年4月1日", era="R") == dt.date(2023, 4, 1)
    with pytest.raises(DateError, match="元号がない"):
        wareki.parse("元年5月1日")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("令和元年4月30日", "令和は 2019年5月1日 から"),
        ("令和5年2月30日", "2月に30日はありません"),
        ("令和5年13月1日", "1〜12"),
        ("44698", "from_excel_serial"),
        ("旭丘", "読めませんでした"),
        ("令和2023年1月1日", "大きすぎます"),
        ("明治3年1月1日", "旧暦"),
        ("令和0年1月1日", "元年"),
    ],
)
def test_parse_rejects_impossible_dates_with_a_reason(text, fragment):
    with pytest.raises(DateError) as info:
        wareki.parse(text)
    assert fragment in str(info.value)


def test_parse_rejects_non_text():
    with pytest.raises(DateError, match="from_excel_serial"):
        wareki.parse(44698)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("day", "long", "short"),
    [
        (dt.date(2023, 4, 1), "令和5年4月1日", "R5.4.1"),
        (dt.date(2019, 5, 1), "令和元年5月1日", "R1.5.1"),
        (dt.date(2019, 4, 30), "平成31年4月30日", "H31.4.30"),
        (dt.date(1989, 1, 8), "平成元年1月8日", "H1.1.8"),
        (dt.date(1989, 1, 7), "昭和64年1月7日", "S64.1.7"),
        (dt.date(1926, 12, 25), "昭和元年12月25日", "S1.12.25"),
        (dt.date(1926, 12, 24), "大正15年12月24日", "T15.12.24"),
    ],
)
def test_to_wareki_respects_era_boundaries(day, long, short):
    assert wareki.to_wareki(day) == long
    assert wareki.to_wareki(day, "short") == short
    assert wareki.to_wareki(pd.Timestamp(day)) == long


def test_to_wareki_year_style_and_gannen_switch():
    assert wareki.to_wareki(dt.date(2019, 6, 1), "year") == "令和元年"
    assert wareki.to_wareki(dt.date(2019, 6, 1), gannen=False) == "令和1年6月1日"
    with pytest.raises(DateError):
        wareki.to_wareki(dt.date(1850, 1, 1))
    with pytest.raises(DateError, match="書式"):
        wareki.to_wareki(dt.date(2020, 1, 1), "kanji")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("serial", "day"),
    [
        (1, dt.date(1900, 1, 1)),
        (59, dt.date(1900, 2, 28)),
        (61, dt.date(1900, 3, 1)),
        (43556, dt.date(2019, 4, 1)),
        (44698, dt.date(2022, 5, 17)),
        (45017, dt.date(2023, 4, 1)),
    ],
)
def test_excel_serials_both_ways(serial, day):
    assert wareki.from_excel_serial(serial) == day
    assert wareki.to_excel_serial(day) == serial


def test_excel_serial_60_is_the_fictitious_leap_day_and_fractions_are_times():
    with pytest.raises(DateError, match="1900年2月29日"):
        wareki.from_excel_serial(60)
    assert wareki.from_excel_serial(44698.75) == dt.date(2022, 5, 17)
    assert wareki.from_excel_serial(0, date1904=True) == dt.date(1904, 1, 1)
    for bad in (0, -3, 3_000_000, "abc"):
        with pytest.raises(DateError):
            wareki.from_excel_serial(bad)  # type: ignore[arg-type]


def test_to_datetime_mixes_forms_and_keeps_missing():
    values = pd.Series(["R5.4.1", "平成31年4月30日", 44698, None, "2023-04-01"], name="調査日")
    out = wareki.to_datetime(values)
    assert out.dtype == "datetime64[us]"
    assert out.dt.strftime("%Y-%m-%d").tolist()[:3] == ["2023-04-01", "2019-04-30", "2022-05-17"]
    assert out.isna().tolist() == [False, False, False, True, False]
    assert out.name == "調査日"
    with pytest.raises(DateError) as info:
        wareki.to_datetime(pd.Series(["R5.4.1", "令和5年2月30日"], name="日付"))
    assert info.value.column == "日付" and "インデックス 1" in str(info.value)


def test_format_series_writes_wareki():
    values = pd.Series(pd.to_datetime(["2019-04-30", "2019-05-01", None]))
    assert wareki.format_series(values).tolist()[:2] == ["平成31年4月30日", "令和元年5月1日"]
    assert pd.isna(wareki.format_series(values).iloc[2])


@given(DATES)
def test_round_trip_long_and_short_forms(day):
    assert wareki.parse(wareki.to_wareki(day)) == day
    assert wareki.parse(wareki.to_wareki(day, "short")) == day
    assert wareki.parse(wareki.to_wareki(day, gannen=False)) == day


@given(DATES)
def test_round_trip_with_full_width_digits_and_suffix(day):
    text = (
        wareki.to_wareki(day).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        + "現在"
    )
    assert wareki.parse(text) == day


@given(st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(9999, 12, 31)))
def test_round_trip_excel_serial(day):
    assert wareki.from_excel_serial(wareki.to_excel_serial(day)) == day


@given(st.integers(min_value=1, max_value=2_958_465).filter(lambda n: n != 60))
def test_round_trip_excel_serial_from_numbers(serial):
    assert wareki.to_excel_serial(wareki.from_excel_serial(serial)) == serial


@given(DATES)
def test_era_year_matches_the_era_table(day):
    name, letter, year = wareki.era_of(day)
    start = next(s for n, _, s in wareki.ERAS if n == name)
    assert start <= day and year == day.year - start.year + 1 and letter in "MTSHR"
