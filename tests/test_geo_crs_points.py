"""Plane rectangular zones, points from 緯度/経度, and boundaries."""

from __future__ import annotations

import doctest

import geopandas as gpd
import pandas as pd
import pytest
import shapely

import kit
from kit.geo import crs as crs_module
from kit.geo import plane_crs, points_from_latlon, to_plane
from kit.geo import points as points_module


@pytest.mark.parametrize(
    ("lon", "lat", "epsg"),
    [
        (139.95, 36.05, 6677),  # 七瀬市 → IX
        (139.69, 35.69, 6677),  # 新宿 → IX
        (141.35, 43.06, 6680),  # 札幌 → XII
        (140.73, 41.77, 6678),  # 函館: nearest origin X (by law XI, see the prefecture test)
        (144.38, 42.98, 6681),  # 釧路 → XIII
        (130.40, 33.59, 6670),  # 福岡 → II
        (135.50, 34.69, 6674),  # 大阪 → VI
        (136.91, 35.18, 6675),  # 名古屋 → VII
        (140.87, 38.27, 6678),  # 仙台 → X
        (127.68, 26.21, 6683),  # 那覇 → XV
    ],
)
def test_zone_nearest_to_the_data(lon: float, lat: float, epsg: int) -> None:
    assert plane_crs((lon, lat)).to_epsg() == epsg
    points = gpd.GeoSeries([shapely.Point(lon, lat)], crs=6668)
    assert plane_crs(points).to_epsg() == epsg


def test_zone_by_prefecture() -> None:
    assert plane_crs(prefecture="愛知県").to_epsg() == 6675
    assert plane_crs(prefecture="埼玉県").to_epsg() == 6677
    assert plane_crs(prefecture="北海道").to_epsg() == 6680
    # Within a prefecture's zones the data decides: 函館 is in zone XI.
    assert plane_crs((140.73, 41.77), prefecture="北海道").to_epsg() == 6679
    # A prefecture with a single zone always gets it, wherever the data's centre lies.
    assert plane_crs((129.0, 33.0), prefecture="宮崎県").to_epsg() == 6670
    with pytest.raises(kit.InputError, match="埼玉"):
        plane_crs(prefecture="さいたま")
    with pytest.raises(kit.InputError):
        plane_crs()


def test_to_plane_keeps_metric_data_and_projects_degrees() -> None:
    metric = gpd.GeoSeries([shapely.Point(0, 0)], crs=6677)
    assert to_plane(metric) is metric
    degrees = gpd.GeoSeries([shapely.Point(139 + 50 / 60, 36.0)], crs=6668)
    projected = to_plane(degrees)
    assert projected.crs.to_epsg() == 6677
    # The zone IX origin maps to (0, 0).
    assert projected.iloc[0].x == pytest.approx(0, abs=1e-6) and projected.iloc[
        0
    ].y == pytest.approx(0, abs=1e-6)
    with pytest.raises(kit.GeoError, match="set_crs"):
        to_plane(gpd.GeoSeries([shapely.Point(0, 0)]))


def test_points_from_latlon() -> None:
    df = pd.DataFrame(
        {"名称": ["北小学校", "南公民館"], "緯度": [36.05, "36.06"], "経度": [139.95, 139.97]}
    )
    gdf = points_from_latlon(df)
    assert isinstance(gdf, gpd.GeoDataFrame) and gdf.crs.to_epsg() == 6668
    assert [(p.x, p.y) for p in gdf.geometry] == [(139.95, 36.05), (139.97, 36.06)]
    assert gdf["名称"].tolist() == ["北小学校", "南公民館"]
    assert "geometry" not in df.columns


def test_points_errors_name_the_row_and_spot_swaps() -> None:
    swapped = pd.DataFrame({"緯度": [36.05, 139.96], "経度": [139.95, 36.06]})
    with pytest.raises(kit.GeoError) as info:
        points_from_latlon(swapped)
    assert info.value.row == 2 and "入れ替わって" in str(info.value)
    with pytest.raises(kit.GeoError, match="日本の範囲"):
        points_from_latlon(pd.DataFrame({"緯度": [0.0], "経度": [0.0]}))
    with pytest.raises(kit.GeoError, match="ありません"):
        points_from_latlon(pd.DataFrame({"緯度": [36.0, None], "経度": [139.9, 139.9]}))
    with pytest.raises(kit.GeoError, match="36度3分"):
        points_from_latlon(pd.DataFrame({"緯度": ["36度3分"], "経度": [139.9]}))
    with pytest.raises(kit.InputError, match="lat"):
        points_from_latlon(pd.DataFrame({"lat": [36.0], "経度": [139.9]}))


def test_boundaries_rejects_unknown_levels() -> None:
    with pytest.raises(kit.InputError, match="町丁目"):
        kit.geo.boundaries("市町村")


def test_docstring_examples() -> None:
    assert doctest.testmod(crs_module).failed == 0
    assert doctest.testmod(points_module).failed == 0
