"""Unit tests of the generator's building blocks (datasets/generator), including its doctests."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

DATASETS = Path(__file__).resolve().parents[1] / "datasets"
if str(DATASETS) not in sys.path:
    sys.path.insert(0, str(DATASETS))

import generator  # noqa: E402
from generator import city, suppression, wareki  # noqa: E402

MODULES = sorted(m.name for m in pkgutil.iter_modules(generator.__path__))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    module = importlib.import_module(f"generator.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_wareki_labels_cross_the_era_change():
    assert wareki.wareki_date(date(2019, 4, 30)) == "平成31年4月30日"
    assert wareki.wareki_date(date(2019, 5, 1)) == "令和元年5月1日"
    assert wareki.wareki_date(date(1975, 4, 1)) == "昭和50年4月1日"
    assert wareki.wareki_year(2018) == "平成30年度"
    assert wareki.wareki_year(2019) == "令和元年度"
    assert wareki.wareki_date(date(2026, 4, 1), full_width=True) == "令和８年４月１日"


def test_published_town_follows_the_change_table():
    assert city.published_town("0011004", date(2020, 4, 1)) == ("0012000", "大字南野")
    assert city.published_town("0011005", date(2020, 4, 1)) == ("0012000", "大字南野")
    assert city.published_town("0011004", date(2021, 4, 1)) == ("0011004", "みなみ野四丁目")
    assert city.published_town("0026000", date(2022, 4, 1)) == ("0026000", "大字下杉沢")
    assert city.published_town("0026000", date(2023, 4, 1)) == ("0027000", "大字杉沢")
    assert city.published_town("0018002", date(2019, 4, 1)) == ("0018002", "緑ヶ丘二丁目")
    assert city.published_town("0018002", date(2020, 4, 1)) == ("0018002", "緑が丘二丁目")
    assert city.change_note("0011004", date(2021, 4, 1)).startswith("令和3年2月1日 住居表示の実施")
    assert city.change_note("0011004", date(2022, 4, 1)) == ""


def _check_digit(code5: str) -> int:
    s = sum(w * int(d) for w, d in zip((6, 5, 4, 3, 2), code5, strict=True))
    return (11 - s % 11) % 10


def test_city_identity():
    expected = "99201" + str(_check_digit("99201"))
    assert expected == city.CITY_CODE
    assert len(city.DISTRICTS) == 8 and 30 <= len(city.TOWNS) <= 60
    assert len({t.code for t in city.TOWNS}) == len(city.TOWNS)
    assert {t.district for t in city.TOWNS} == {d.code for d in city.DISTRICTS}


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.integers(min_value=0, max_value=12), min_size=2, max_size=6),
        min_size=2,
        max_size=6,
    ).filter(lambda rows: len({len(r) for r in rows}) == 1)
)
def test_suppression_leaves_nothing_to_back_calculate(rows):
    block = np.array(rows)
    hide = suppression.suppressed(block)
    assert hide[(block >= 1) & (block <= 2)].all()  # primary
    assert (hide.sum(axis=1) != 1).all()  # secondary: never a lone hidden cell in a row…
    assert (hide.sum(axis=0) != 1).all()  # …or in a column
