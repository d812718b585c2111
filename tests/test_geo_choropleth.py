"""Choropleth with explicit legend classes, facility points, north arrow and scale bar."""

from __future__ import annotations

import doctest
import importlib
import re

import matplotlib

matplotlib.use("Agg")

import geopandas as gpd
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
import shapely
from hypothesis import given
from hypothesis import strategies as st

import kit
from kit.geo import choropleth, class_labels, classify
from kit.geo import classes as classes_module
from kit.geo import decorations as decorations_module
from kit.geo.choropleth import class_colours
from kit.geo.decorations import NORTH_ARROW_GID, SCALE_BAR_GID, length_label, nice_length

PLANE = 6677


@pytest.fixture(autouse=True)
def _japanese_figures():
    kit.setup()
    yield
    plt.close("all")


@pytest.fixture
def towns() -> gpd.GeoDataFrame:
    boxes = [shapely.box(i * 1000, 0, (i + 1) * 1000, 1000) for i in range(5)]
    return gpd.GeoDataFrame(
        {"町丁目名": ["一", "二", "三", "四", "五"], "高齢化率": [0.10, 0.24, 0.25, 0.80, np.nan]},
        geometry=boxes,
        crs=PLANE,
    ).to_crs(6668)


def test_classes_include_lower_and_exclude_upper_bounds() -> None:
    values = pd.Series([0.0, 0.2499, 0.25, 0.5, 0.75, 1.0, None])
    out = classify(values)
    assert out.astype(str).tolist()[:6] == [
        "0〜25％",
        "0〜25％",
        "25〜50％",
        "50〜75％",
        "75〜100％",
        "75〜100％",
    ]
    assert pd.isna(out.iloc[6])
    assert list(out.cat.categories) == ["0〜25％", "25〜50％", "50〜75％", "75〜100％"]


@given(st.floats(min_value=0, max_value=1, allow_nan=False))
def test_every_share_falls_in_the_class_that_contains_it(value: float) -> None:
    label = classify(pd.Series([value])).iloc[0]
    low, high = (float(n) / 100 for n in re.findall(r"[\d.]+", label))
    assert low <= value <= high
    assert value < high or high == 1


def test_class_labels() -> None:
    assert class_labels([0, 1, 2, 1000, 2500.5], percent=False) == [
        "0〜1",
        "1〜2",
        "2〜1,000",
        "1,000〜2,500.5",
    ]
    assert class_labels([0, 0.125, 1]) == ["0〜12.5％", "12.5〜100％"]
    with pytest.raises(kit.InputError, match="bins"):
        class_labels([0, 0.5, 0.5])


def test_classify_errors_help_with_percentages() -> None:
    with pytest.raises(kit.InputError, match="パーセント") as info:
        classify(pd.Series([10.0, 45.0], name="高齢化率"))
    assert info.value.row == 1 and info.value.column == "高齢化率"
    with pytest.raises(kit.InputError, match="ラベル"):
        classify(pd.Series([0.1]), labels=["低い", "高い"])
    with pytest.raises(kit.InputError, match="数値"):
        classify(pd.Series(["高い"]))


def test_legend_lists_every_class_with_counts_and_missing(towns: gpd.GeoDataFrame) -> None:
    ax = choropleth(towns, "高齢化率", title="町丁目別の高齢化率")
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert texts == [
        "0〜25％（2）",
        "25〜50％（1）",
        "50〜75％（0）",
        "75〜100％（1）",
        "データなし（1）",
    ]
    assert ax.get_legend().get_title().get_text() == "高齢化率"
    assert ax.get_title() == "町丁目別の高齢化率"


def test_areas_are_filled_with_their_class_colour(towns: gpd.GeoDataFrame) -> None:
    ax = choropleth(towns, "高齢化率", counts=False, legend_title="高齢化率（2024年）")
    colours = class_colours(4)
    filled = [tuple(c.get_facecolor()[0]) for c in ax.collections]
    assert filled[0] == pytest.approx(colours[0])
    assert filled[1] == pytest.approx(colours[1])
    assert filled[2] == pytest.approx(colours[3])
    assert len(ax.collections[0].get_paths()) == 2  # both 0〜25％ towns in one layer
    assert [t.get_text() for t in ax.get_legend().get_texts()][:2] == ["0〜25％", "25〜50％"]
    assert ax.get_legend().get_title().get_text() == "高齢化率（2024年）"


def test_custom_bins_and_labels(towns: gpd.GeoDataFrame) -> None:
    data = towns.assign(保育所数=[0, 1, 2, 5, 3])
    ax = choropleth(
        data, "保育所数", bins=[0, 1, 2, 10], labels=["0か所", "1か所", "2か所以上"], percent=False
    )
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert texts == ["0か所（1）", "1か所（1）", "2か所以上（3）"]


def test_facility_points_are_drawn_in_the_map_crs(towns: gpd.GeoDataFrame) -> None:
    shelters = pd.DataFrame(
        {
            "名称": ["A"],
            "緯度": [towns.geometry.iloc[0].centroid.y],
            "経度": [towns.geometry.iloc[0].centroid.x],
        }
    )
    ax = choropleth(towns, "高齢化率", points=shelters, point_label="避難場所")
    markers = [line for line in ax.get_lines() if line.get_marker() == "^"]
    assert len(markers) == 1
    x, y = markers[0].get_xdata()[0], markers[0].get_ydata()[0]
    assert x == pytest.approx(500, abs=1) and y == pytest.approx(500, abs=1)
    assert [t.get_text() for t in ax.get_legend().get_texts()][-1] == "避難場所"


def test_area_labels_are_written(towns: gpd.GeoDataFrame) -> None:
    ax = choropleth(towns, "高齢化率", area_label="町丁目名")
    texts = {t.get_text() for t in ax.texts}
    assert {"一", "二", "三", "四", "五"} <= texts


def test_north_arrow_and_scale_bar_are_true_to_scale(towns: gpd.GeoDataFrame) -> None:
    ax = choropleth(towns, "高齢化率")
    assert any(t.get_text() == "N" and t.get_gid() == NORTH_ARROW_GID for t in ax.texts)
    bar = [p for p in ax.patches if p.get_gid() == SCALE_BAR_GID]
    label = [t.get_text() for t in ax.texts if t.get_gid() == SCALE_BAR_GID]
    length = sum(p.get_width() for p in bar)
    x0, x1 = ax.get_xlim()
    assert x1 - x0 == pytest.approx(5000 * 1.12, rel=0.02)  # 5 km of towns plus margins
    assert length == 1000 and label == ["1 km"]
    assert not ax.axison


def test_nice_lengths() -> None:
    assert [nice_length(s) for s in (100, 999, 4000, 12_000, 80_000)] == [
        20,
        200,
        1000,
        2000,
        20_000,
    ]
    assert [length_label(m) for m in (20, 1000, 20_000)] == ["20 m", "1 km", "20 km"]


def test_choropleth_input_errors(towns: gpd.GeoDataFrame) -> None:
    with pytest.raises(kit.InputError, match="人口"):
        choropleth(towns, "人口")
    with pytest.raises(kit.InputError, match="GeoDataFrame"):
        choropleth(pd.DataFrame({"a": [1]}), "a")
    with pytest.raises(kit.GeoError, match="CRS"):
        choropleth(gpd.GeoDataFrame({"率": [0.1]}, geometry=[shapely.box(0, 0, 1, 1)]), "率")


def test_choropleth_returns_axes_and_uses_a_given_axes(towns: gpd.GeoDataFrame) -> None:
    fig, (left, right) = plt.subplots(1, 2)
    ax = choropleth(towns, "高齢化率", ax=right)
    assert ax is right and not left.collections


def test_docstring_examples() -> None:
    assert doctest.testmod(classes_module).failed == 0
    assert doctest.testmod(decorations_module).failed == 0
    assert doctest.testmod(importlib.import_module("kit.geo.choropleth")).failed == 0
