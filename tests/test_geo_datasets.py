"""Smoke test on the fictional city's datasets: the shelter map and distances, with values checked."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import geopandas as gpd
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import kit
from kit.data import DATAPACKAGE, data_dir

pytestmark = pytest.mark.skipif(
    not (data_dir() / DATAPACKAGE).is_file(), reason="the city's datasets have not been generated"
)

ELDERLY = ["65-69歳", "70-74歳", "75-79歳", "80-84歳", "85歳以上"]


@pytest.fixture(scope="module")
def towns() -> gpd.GeoDataFrame:
    pop = kit.load("population")
    latest = pop[pop["調査年月日"] == pop["調査年月日"].max()]
    elderly = sum(latest[f"{band}の{sex}"] for band in ELDERLY for sex in ("男性", "女性"))
    rates = pd.DataFrame(
        {
            "町丁目コード": latest["地域コード"].to_numpy(),
            "人口": latest["総人口"].to_numpy(),
            "高齢化率": (elderly / latest["総人口"]).to_numpy(dtype=float),
        }
    )
    return kit.geo.boundaries("町丁目").merge(rates, on="町丁目コード", how="left")


@pytest.fixture(scope="module")
def shelters() -> pd.DataFrame:
    return kit.load("evacuation_spaces")


def test_city_map_with_shelters(towns: gpd.GeoDataFrame, shelters: pd.DataFrame) -> None:
    kit.setup()
    ax = kit.geo.choropleth(
        towns,
        "高齢化率",
        points=shelters,
        point_label="避難場所",
        title="町丁目別の高齢化率と避難場所",
    )
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:4][0].startswith("0〜25％（") and legend[-1] == "避難場所"
    counted = sum(int(text.split("（")[1].rstrip("）")) for text in legend[:-1])
    assert counted == len(towns) == 44
    markers = [line for line in ax.get_lines() if line.get_marker() == "^"]
    assert len(markers[0].get_xdata()) == len(shelters)
    assert kit.geo.plane_crs(towns).to_epsg() == 6677
    plt.close("all")


def test_nearest_shelter_distances_are_plausible(
    towns: gpd.GeoDataFrame, shelters: pd.DataFrame
) -> None:
    points = kit.geo.points_from_latlon(shelters)
    distance = kit.geo.nearest_distance(towns, points)
    plane = kit.geo.to_plane(towns)
    minx, miny, maxx, maxy = plane.total_bounds
    diameter = float(np.hypot(maxx - minx, maxy - miny))
    assert distance.notna().all() and (distance >= 0).all() and (distance < diameter).all()
    # Independent check with geopandas' own distances in the same CRS.
    shelters_plane = points.to_crs(plane.crs)
    for i in range(0, len(plane), 7):
        expected = shelters_plane.distance(plane.geometry.iloc[i].centroid).min()
        assert distance.iloc[i] == pytest.approx(expected)


def test_shelters_lie_in_the_town_of_their_address(
    towns: gpd.GeoDataFrame, shelters: pd.DataFrame
) -> None:
    joined = kit.geo.within(kit.geo.points_from_latlon(shelters), towns, columns=["町丁目名"])
    assert joined["町丁目名"].tolist() == shelters["所在地_町字"].tolist()


def test_population_within_a_kilometre(towns: gpd.GeoDataFrame, shelters: pd.DataFrame) -> None:
    points = kit.geo.points_from_latlon(shelters)
    near = kit.geo.coverage(towns, points, 1000, weight="人口")
    far = kit.geo.coverage(towns, points, 100_000, weight="人口")
    assert near["全体"] == towns["人口"].sum()
    assert 0 < near["割合"] < 1 and near["圏内"] < near["全体"]
    assert far["割合"] == pytest.approx(1.0)
