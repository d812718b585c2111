"""kit.design facility merges: who travels further, on known geometry and on the city's data."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
import shapely

import kit
from kit.design import closure_impact
from kit.errors import InputError


def areas() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"町": ["A", "B", "C"], "人口": [100, 50, 10]},
        geometry=[
            shapely.box(0, 0, 10, 10),
            shapely.box(300, 0, 310, 10),
            shapely.box(5000, 0, 5010, 10),
        ],
        crs=6677,
    )


def halls() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"施設名": ["甲", "乙", "丙"]},
        geometry=[shapely.Point(5, 5), shapely.Point(1005, 5), shapely.Point(5005, 5)],
        crs=6677,
    )


def test_only_areas_whose_nearest_facility_closes_are_returned_with_distances():
    table = closure_impact(areas(), halls(), "甲")
    assert table["町"].tolist() == ["A", "B"]
    assert table["最寄り（統合前）"].tolist() == ["甲", "甲"]
    assert table["最寄り（統合後）"].tolist() == ["乙", "乙"]
    assert table["距離_前_m"].tolist() == pytest.approx([0.0, 300.0])
    assert table["距離_後_m"].tolist() == pytest.approx([1000.0, 700.0])
    assert table["増えた距離_m"].tolist() == pytest.approx([1000.0, 400.0])
    assert "geometry" not in table.columns and table["人口"].tolist() == [100, 50]


def test_several_closures_and_an_unaffected_city():
    both = closure_impact(areas(), halls(), ["甲", "乙"])
    assert both["最寄り（統合後）"].tolist() == ["丙", "丙"]
    assert closure_impact(areas(), halls(), "乙").empty  # nobody's nearest


def test_facilities_given_as_latitude_and_longitude():
    towns = areas().to_crs(6668)
    points = halls().to_crs(6668)
    table = pd.DataFrame(
        {"施設名": points["施設名"], "緯度": points.geometry.y, "経度": points.geometry.x}
    )
    assert closure_impact(towns, table, "甲")["増えた距離_m"].round().tolist() == [1000.0, 400.0]


def test_readable_errors():
    with pytest.raises(InputError, match="施設「丁」が施設の表にありません"):
        closure_impact(areas(), halls(), "丁")
    with pytest.raises(InputError, match="GeoDataFrame"):
        closure_impact(pd.DataFrame(areas()), halls(), "甲")
    with pytest.raises(InputError, match="列「名称」"):
        closure_impact(areas(), halls(), "甲", name="名称")


def test_on_the_city_every_affected_town_gets_further_and_stays_inside_the_city():
    towns = kit.load("towns")
    ledger = kit.load("public_facilities")
    hall_ledger = ledger[ledger["種別"] == "集会所"]
    for name in hall_ledger["施設名"].head(5):
        table = closure_impact(towns, hall_ledger, name)
        assert (table["増えた距離_m"] >= 0).all()
        assert (table["距離_後_m"] < 30_000).all()  # the city is smaller than 30 km across
        assert name not in set(table["最寄り（統合後）"])
