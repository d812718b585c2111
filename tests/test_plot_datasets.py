"""Smoke test on the city's population table: a pyramid for one town, compared over the years."""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import kit
from kit.data import DATAPACKAGE, data_dir

pytestmark = pytest.mark.skipif(
    not (data_dir() / DATAPACKAGE).is_file(), reason="the city's datasets have not been generated"
)

BAND = re.compile(r"^(\d+-\d+歳|\d+歳以上)の(男性|女性)$")


def long_form(wide: pd.DataFrame) -> pd.DataFrame:
    columns = [c for c in wide.columns if BAND.match(c)]
    long = wide.melt(id_vars=["地域名", "調査年月日"], value_vars=columns, value_name="人口")
    parts = long["variable"].str.extract(BAND)
    return long.assign(年齢階級=parts[0], 性別=parts[1]).drop(columns="variable")


def test_pyramid_of_a_town_over_the_years() -> None:
    kit.setup()
    wide = kit.load("population")
    town = wide["地域名"].iloc[0]
    ax = kit.plot.pyramid(long_form(wide), town, compare=2017)
    latest = wide[(wide["地域名"] == town) & (wide["調査年月日"] == wide["調査年月日"].max())].iloc[
        0
    ]
    males = [-float(bar.get_width()) for bar in ax.containers[0]]
    assert males[0] == latest["0-4歳の男性"] and males[-1] == latest["85歳以上の男性"]
    assert sum(males) == latest["男性"]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "0-4歳" and labels[-1] == "85歳以上" and len(labels) == 18
    assert len(ax.containers) == 4
    plt.close("all")
