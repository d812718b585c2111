"""Coarsening helpers: age bands, months and years, top-coding, addresses to 町丁目."""

from __future__ import annotations

import doctest
import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kit
from kit.privacy import address as address_module
from kit.privacy import (
    address_to_town,
    age_band,
    age_steps,
    date_steps,
    to_month,
    to_year,
    top_code,
)
from kit.privacy import generalise as generalise_module
from kit.privacy.address import kanji_number


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (0, "0〜4歳"),
        (4, "0〜4歳"),
        (4.99, "0〜4歳"),
        (5, "5〜9歳"),
        (84, "80〜84歳"),
        (85, "85歳以上"),
        (120, "85歳以上"),
    ],
)
def test_age_band_edges(age: float, band: str) -> None:
    assert age_band(pd.Series([age])).iloc[0] == band


def test_age_band_lists_every_band_in_order_even_when_empty() -> None:
    bands = age_band(pd.Series([3], name="年齢"))
    categories = list(bands.cat.categories)
    assert categories[:3] == ["0〜4歳", "5〜9歳", "10〜14歳"]
    assert categories[-1] == "85歳以上" and len(categories) == 18
    assert bands.cat.ordered and bands.name == "年齢"


def test_age_band_other_widths_and_no_top() -> None:
    assert age_band(pd.Series([9, 79, 80]), width=10, top=80).tolist() == [
        "0〜9歳",
        "70〜79歳",
        "80歳以上",
    ]
    assert age_band(pd.Series([19, 85]), width=20, top=85).tolist() == ["0〜19歳", "85歳以上"]
    assert age_band(pd.Series([0, 101]), width=50, top=None).tolist() == ["0〜49歳", "100〜101歳"]


def test_age_band_keeps_missing_and_reads_numeric_text() -> None:
    out = age_band(pd.Series(["34", None, 70]))
    assert out.iloc[0] == "30〜34歳" and pd.isna(out.iloc[1]) and out.iloc[2] == "70〜74歳"


def test_age_band_errors_name_the_row() -> None:
    with pytest.raises(kit.InputError) as info:
        age_band(pd.Series([30, -1], name="年齢"))
    assert info.value.row == 2 and info.value.column == "年齢"
    with pytest.raises(kit.InputError, match="34歳"):
        age_band(pd.Series([30, "34歳"]))
    with pytest.raises(kit.InputError):
        age_band(pd.Series([30]), width=0)


@given(st.integers(min_value=0, max_value=130), st.sampled_from([1, 5, 10, 20]))
def test_age_band_contains_the_age(age: int, width: int) -> None:
    label = age_band(pd.Series([age]), width=width, top=85).iloc[0]
    numbers = [int(n) for n in re.findall(r"\d+", label)]
    if label.endswith("以上"):
        assert age >= numbers[0] == 85
    else:
        assert numbers[0] <= age <= numbers[1] < 85
        assert numbers[0] % width == 0


def test_months_and_years() -> None:
    dates = pd.Series(["2024-04-01", "2024/4/30", None, "2023-12-31"])
    assert to_month(dates).astype(str).tolist()[:2] == ["2024-04", "2024-04"]
    assert to_month(dates).isna().tolist() == [False, False, True, False]
    assert to_year(dates).tolist() == [2024, 2024, pd.NA, 2023]
    assert to_year(to_month(pd.Series(["2020-01-15"]))).tolist() == [2020]
    assert to_year(pd.Series([2021, 2022])).tolist() == [2021, 2022]
    stamps = pd.Series(pd.to_datetime(["2019-05-01"]))
    assert str(to_month(stamps).iloc[0]) == "2019-05"


def test_unreadable_date_names_the_row_and_points_to_wareki() -> None:
    with pytest.raises(kit.DateError) as info:
        to_month(pd.Series(["2024-04-01", "令和6年4月1日"], name="届出日"))
    assert info.value.row == 2 and "wareki" in str(info.value)


def test_steps_are_labelled_and_work_on_the_original_column() -> None:
    ages = pd.Series([37])
    assert [step(ages).iloc[0] for step in age_steps()] == ["35〜39歳", "30〜39歳", "20〜39歳"]
    dates = pd.Series(["2024-04-09"])
    month, year = date_steps()
    assert (str(month(dates).iloc[0]), int(year(dates).iloc[0])) == ("2024-04", 2024)


def test_top_code() -> None:
    out = top_code(pd.Series([30, 95, 101, None], dtype="Int64"), 90)
    assert out.tolist() == [30, 90, 90, pd.NA]
    assert str(out.dtype) == "Int64"
    assert top_code(pd.Series([1.5, 9.5]), 5).tolist() == [1.5, 5.0]
    with pytest.raises(kit.InputError, match="数値"):
        top_code(pd.Series(["a"]), 1)


@pytest.mark.parametrize(
    ("address", "town"),
    [
        ("七瀬市中央一丁目3番12号", "中央一丁目"),
        ("七瀬市中央１丁目３番１２号", "中央一丁目"),
        ("七瀬市中央1丁目3-12", "中央一丁目"),
        ("七瀬市中央１－３－１２", "中央一丁目"),
        ("七瀬市中央十二丁目5番", "中央十二丁目"),
        ("七瀬市中央12丁目5番", "中央十二丁目"),
        ("埼玉県七瀬市北町123番地の4", "北町"),
        ("七瀬市北町123-4 コーポ北 201号室", "北町"),
        ("七瀬市三本木５番地", "三本木"),
        ("七瀬市三番町五番地", "三番町"),
        ("七瀬市大字七瀬字下川原45", "大字七瀬字下川原"),
        ("七瀬市　南町　2丁目　4番", "南町二丁目"),
        ("北町", "北町"),
    ],
)
def test_address_to_town(address: str, town: str) -> None:
    assert address_to_town(pd.Series([address])).iloc[0] == town
    assert address_to_town(pd.Series([address]), city="七瀬市").iloc[0] == town


def test_address_city_argument_protects_town_names_with_city_characters() -> None:
    assert address_to_town(pd.Series(["七瀬市今市町1番地"]), city="七瀬市").iloc[0] == "今市町"
    assert address_to_town(pd.Series(["今市町1番地"])).iloc[0] == "今市町"


def test_address_missing_and_unreadable() -> None:
    out = address_to_town(pd.Series(["七瀬市北町1番地", None], index=["a", "b"]))
    assert out.index.tolist() == ["a", "b"] and pd.isna(out.loc["b"])
    with pytest.raises(kit.InputError) as info:
        address_to_town(pd.Series(["七瀬市北町1番地", "七瀬市3番12号"], name="住所"), city="七瀬市")
    assert info.value.row == 2 and info.value.column == "住所"


def test_kanji_numbers() -> None:
    assert [kanji_number(n) for n in (1, 9, 10, 11, 20, 21, 99)] == [
        "一",
        "九",
        "十",
        "十一",
        "二十",
        "二十一",
        "九十九",
    ]


def test_docstring_examples() -> None:
    assert doctest.testmod(generalise_module).failed == 0
    assert doctest.testmod(address_module).failed == 0
