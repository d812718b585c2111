"""Boundaries are valid, tile the city without gaps or overlaps, and every facility lies inside
the city and in the 町丁目 it names."""

from __future__ import annotations

import json
import re

import geopandas as gpd
import pytest
import shapely
from test_datasets_support import load

import kit

METRIC = 6677


def test_boundaries_are_valid_jgd2011_polygons():
    for name in ("towns", "districts", "flood_zone"):
        frame = load(name)
        assert frame.crs.to_epsg() == 6668, name
        assert frame.geometry.is_valid.all(), name
        assert set(frame.geom_type) <= {"Polygon", "MultiPolygon"}, name
    assert set(load("towns").geom_type) == {"Polygon"}
    assert 30 <= len(load("towns")) <= 60 and 6 <= len(load("districts")) <= 10


def test_coordinates_are_rounded_to_six_decimals():
    text = kit.data.path("towns").read_text(encoding="utf-8")
    numbers = re.findall(r"-?\d+\.\d+", text.split('"features"')[1])
    assert numbers and all(len(n.split(".")[1]) <= 6 for n in numbers)
    assert json.loads(text)["crs"]["properties"]["name"].endswith("6668")


def test_towns_tile_the_city_without_gaps_or_overlaps():
    towns = load("towns")
    assert shapely.coverage_is_valid(towns.geometry.to_numpy())
    metric = towns.to_crs(METRIC)
    union = metric.union_all()
    assert union.geom_type == "Polygon" and len(union.interiors) == 0  # one piece, no holes
    assert abs(metric.area.sum() - union.area) < 1.0  # overlaps would make the sum larger (m²)
    city = load("districts").to_crs(METRIC).union_all()
    assert union.symmetric_difference(city).area < 1.0


def test_towns_nest_exactly_in_their_districts():
    towns, districts = load("towns").to_crs(METRIC), load("districts").to_crs(METRIC)
    for _, d in districts.iterrows():
        members = towns[towns["地区コード"] == d["地区コード"]]
        assert members["地区名"].eq(d["地区名"]).all()
        assert members.union_all().symmetric_difference(d.geometry).area < 1.0


def test_recorded_areas_match_the_geometry():
    for name in ("towns", "districts"):
        frame = load(name)
        computed = frame.to_crs(METRIC).area / 1e6
        assert (computed - frame["面積_km2"]).abs().max() < 0.002
    total = load("districts")["面積_km2"].sum()
    assert 100 < total < 400


def test_city_is_where_it_should_be():
    centre = load("districts").to_crs(METRIC).union_all().centroid
    lon, lat = gpd.GeoSeries([centre], crs=METRIC).to_crs(6668).iloc[0].coords[0]
    assert abs(lat - 36.05) < 0.1 and abs(lon - 139.95) < 0.15


def _points(frame, town_column: str):
    return gpd.GeoDataFrame(
        frame, geometry=gpd.points_from_xy(frame["経度"], frame["緯度"]), crs=6668
    ).rename(columns={town_column: "_town"})


@pytest.mark.parametrize(
    ("name", "town_column"),
    [
        ("preschools", "町字ID"),
        ("evacuation_spaces", "町字ID"),
        ("gathering_places", "町丁目コード"),
    ],
)
def test_facilities_lie_in_the_town_they_name(name, town_column):
    towns = load("towns")
    points = _points(load(name), town_column)
    joined = gpd.sjoin(points, towns[["町丁目コード", "geometry"]], predicate="within", how="left")
    assert joined["町丁目コード"].notna().all(), f"{name}: outside the city"
    assert (joined["町丁目コード"] == joined["_town"]).all(), f"{name}: in another town"


def test_public_facilities_lie_in_the_town_and_district_they_name():
    towns = load("towns")
    points = _points(load("public_facilities"), "町丁目")
    joined = gpd.sjoin(points, towns[["町丁目名", "地区名", "geometry"]], predicate="within")
    assert len(joined) == len(points)
    assert (joined["町丁目名"] == joined["_town"]).all()
    assert (joined["地区名"] == joined["地区"]).all()
    assert set(points["地区"]) == set(towns["地区名"])  # every district has facilities


def test_addresses_name_the_same_town():
    schools = load("preschools")
    assert (
        schools["所在地_連結表記"]
        == "みどり県七瀬市" + schools["所在地_町字"] + schools["所在地_番地以下"]
    ).all()
    towns = load("towns").set_index("町丁目コード")["町丁目名"]
    assert (schools["町字ID"].map(towns) == schools["所在地_町字"]).all()
    res = load("residents")
    prefixes = "七瀬市" + res["町丁目名"]
    assert all(a.startswith(p) for a, p in zip(res["住所"], prefixes, strict=True))


def test_flood_zone_lies_along_the_river_inside_the_city():
    zone = load("flood_zone").to_crs(METRIC)
    city = load("districts").to_crs(METRIC).union_all()
    # clipped to the city, then rounded to 1e-6°: at most slivers of a few m² along the edge
    assert zone.union_all().difference(city).area < 50.0
    assert abs(zone.area.sum() - zone.union_all().area) < 10.0  # depth classes do not overlap
    river = load("river").to_crs(METRIC).union_all()
    assert river.intersects(city) and zone.union_all().distance(river) == 0
    assert sorted(zone["浸水深ランク"]) == [1, 2, 3]
