"""Nearest-facility distances in metres, coverage within a radius, point-in-polygon joins."""

from __future__ import annotations

import doctest

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import pytest
import shapely

import kit
from kit.geo import coverage, covered_share, nearest_distance, nearest_facility, within
from kit.geo import distance as distance_module
from kit.geo import join as join_module

PLANE = 6677


def pts(coords: list[tuple[float, float]], crs: int = PLANE, **columns) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(columns, geometry=[shapely.Point(xy) for xy in coords], crs=crs)


def test_exact_distances_in_a_metric_crs() -> None:
    homes = pts([(0, 0), (300, 400), (1000, 0)])
    shelters = pts([(0, 0), (1000, 100)], 名称=["北小学校", "南公民館"])
    out = nearest_facility(homes, shelters, name="名称")
    assert out["距離_m"].tolist() == [0.0, 500.0, 100.0]
    assert out["最寄り施設"].tolist() == ["北小学校", "北小学校", "南公民館"]
    assert nearest_distance(homes, shelters).tolist() == [0.0, 500.0, 100.0]


def test_latlon_input_matches_geodesic_distance() -> None:
    rng = np.random.default_rng(3)
    lon = 139.95 + rng.uniform(-0.05, 0.05, 50)
    lat = 36.05 + rng.uniform(-0.05, 0.05, 50)
    homes = pts(list(zip(lon, lat, strict=True)), crs=6668)
    fac = pts([(139.93, 36.03), (139.99, 36.08), (139.95, 36.05)], crs=6668)
    got = nearest_distance(homes, fac).to_numpy()
    geod = pyproj.Geod(ellps="GRS80")
    flon, flat = np.array([139.93, 139.99, 139.95]), np.array([36.03, 36.08, 36.05])
    true = np.array(
        [
            min(geod.inv(x, y, fx, fy)[2] for fx, fy in zip(flon, flat, strict=True))
            for x, y in zip(lon, lat, strict=True)
        ]
    )
    np.testing.assert_allclose(got, true, rtol=3e-4)


def test_matches_brute_force_and_keeps_the_index() -> None:
    rng = np.random.default_rng(7)
    o = rng.uniform(0, 5000, (300, 2))
    f = rng.uniform(0, 5000, (12, 2))
    homes = pts([tuple(p) for p in o])
    homes.index = [f"h{i}" for i in range(len(o))]
    out = nearest_facility(homes, pts([tuple(p) for p in f]))
    d = np.sqrt(((o[:, None, :] - f[None, :, :]) ** 2).sum(-1))
    np.testing.assert_allclose(out["距離_m"].to_numpy(), d.min(axis=1))
    assert out["最寄り施設"].tolist() == d.argmin(axis=1).tolist()
    assert out.index.tolist() == homes.index.tolist()


def test_areas_use_their_centroid_and_missing_geometry_gives_nan() -> None:
    areas = gpd.GeoDataFrame(geometry=[shapely.box(0, 0, 200, 200), None], crs=PLANE)
    out = nearest_facility(areas, pts([(100, 400), (5000, 5000)], 名称=["A", "B"]), name="名称")
    assert out["距離_m"].iloc[0] == 300.0 and np.isnan(out["距離_m"].iloc[1])
    assert out["最寄り施設"].iloc[0] == "A" and pd.isna(out["最寄り施設"].iloc[1])


def test_facilities_without_geometry_are_skipped_with_correct_names() -> None:
    shelters = gpd.GeoDataFrame(
        {"名称": ["無効", "有効"]}, geometry=[None, shapely.Point(10, 0)], crs=PLANE
    )
    out = nearest_facility(pts([(0, 0)]), shelters, name="名称")
    assert out.iloc[0].tolist() == ["有効", 10.0]


def test_mixed_crs_are_reconciled() -> None:
    origin = gpd.GeoSeries([shapely.Point(139.95, 36.05)], crs=6668)
    facility = origin.to_crs(PLANE).translate(xoff=250.0)
    assert nearest_distance(origin, facility).iloc[0] == pytest.approx(250.0, rel=1e-6)


def test_distance_errors() -> None:
    with pytest.raises(kit.GeoError, match="1 つもありません"):
        nearest_distance(pts([(0, 0)]), gpd.GeoDataFrame(geometry=[], crs=PLANE))
    with pytest.raises(kit.InputError, match="points_from_latlon"):
        nearest_distance(pd.DataFrame({"緯度": [36.0]}), pts([(0, 0)]))
    with pytest.raises(kit.InputError, match="名前"):
        nearest_facility(pts([(0, 0)]), pts([(1, 1)]), name="名前")
    with pytest.raises(kit.GeoError):
        nearest_distance(gpd.GeoDataFrame(geometry=[shapely.Point(0, 0)]), pts([(1, 1)]))


def test_covered_share_of_points_and_areas() -> None:
    fac = pts([(50, 50)])
    points = pts([(50, 149), (50, 151)])
    assert covered_share(points, fac, radius_m=100).tolist() == [1.0, 0.0]
    square = gpd.GeoDataFrame(
        geometry=[shapely.box(0, 0, 100, 100), shapely.box(1000, 0, 1100, 100)], crs=PLANE
    )
    share = covered_share(square, fac, radius_m=50)
    assert share.iloc[0] == pytest.approx(np.pi / 4, rel=2e-3)
    assert share.iloc[1] == 0.0
    assert covered_share(square, fac, radius_m=10_000).tolist() == [1.0, 1.0]
    with pytest.raises(kit.InputError, match="半径"):
        covered_share(square, fac, radius_m=-5)


def test_coverage_totals() -> None:
    fac = pts([(0, 0)])
    people = pts([(10, 0), (0, 499), (600, 0), (0, 0)])
    assert coverage(people, fac, 500).tolist() == [4.0, 3.0, 0.75]
    weighted = pts([(10, 0), (600, 0)], 人口=[30, 10])
    assert coverage(weighted, fac, 500, weight="人口").tolist() == [40.0, 30.0, 0.75]
    towns = gpd.GeoDataFrame(
        {"人口": [100, 300]},
        geometry=[shapely.box(-10, -10, 10, 10), shapely.box(0, 0, 2000, 2000)],
        crs=PLANE,
    )
    total, covered, ratio = coverage(towns, fac, 500, weight="人口").tolist()
    assert total == 400.0
    # The first town is fully inside; a quarter circle of r=500 covers π·500²/4 of the 2000² m².
    assert covered == pytest.approx(100 + 300 * np.pi * 500**2 / 4 / 2000**2, rel=2e-3)
    with pytest.raises(kit.InputError, match="人口の列"):
        coverage(towns, fac, 500)
    with pytest.raises(kit.InputError, match="0 以上"):
        coverage(weighted.assign(人口=[-1, 3]), fac, 500, weight="人口")


@pytest.fixture
def towns() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"町丁目名": ["西町", "東町"], "地区名": ["中央地区", "中央地区"]},
        geometry=[shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100)],
        crs=PLANE,
    )


def test_within_adds_the_polygon_columns(towns: gpd.GeoDataFrame) -> None:
    homes = pts([(150, 50), (50, 50), (500, 500), (100, 50)], 氏名の仮名=["a", "b", "c", "d"])
    homes.index = [40, 30, 20, 10]
    out = within(homes, towns)
    assert out.index.tolist() == [40, 30, 20, 10]
    assert out["町丁目名"].tolist()[:2] == ["東町", "西町"] and pd.isna(out["町丁目名"].iloc[2])
    assert out["町丁目名"].iloc[3] in {"西町", "東町"}  # on the shared boundary: one of them
    assert out["氏名の仮名"].tolist() == ["a", "b", "c", "d"]
    assert isinstance(out, gpd.GeoDataFrame) and out.crs.to_epsg() == PLANE


def test_within_selected_columns_clashes_and_crs(towns: gpd.GeoDataFrame) -> None:
    homes = pts([(150, 50)], 町丁目名=["住所の町名"]).to_crs(6668)
    out = within(homes, towns, columns=["町丁目名"])
    assert out["町丁目名"].tolist() == ["住所の町名"]
    assert out["町丁目名_区域"].tolist() == ["東町"]
    assert "地区名" not in out.columns
    with pytest.raises(kit.InputError, match="人口"):
        within(homes, towns, columns=["人口"])


def test_docstring_examples() -> None:
    assert doctest.testmod(distance_module).failed == 0
    assert doctest.testmod(join_module).failed == 0
