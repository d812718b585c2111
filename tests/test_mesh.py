"""kit.mesh: 地域メッシュコード ↔ latitude / longitude, levels 1–6, round trips."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kit import mesh
from kit.errors import CodeError, GeoError

LAT = st.floats(min_value=20.0, max_value=46.0, allow_nan=False)
LON = st.floats(min_value=122.0, max_value=154.0, allow_nan=False)
LEVEL = st.sampled_from(sorted(mesh.LEVELS))


def test_reference_cell_of_the_specification():
    lat, lon = mesh.to_latlon("53393599")
    assert lat == pytest.approx(35.658333, abs=1e-6)
    assert lon == pytest.approx(139.7375, abs=1e-9)
    assert mesh.from_latlon(35.66, 139.74, level=3) == "53393599"


@pytest.mark.parametrize(
    ("code", "level", "south", "west", "height", "width"),
    [
        ("5339", 1, 35 + 20 / 60, 139.0, 40 / 60, 1.0),
        ("533935", 2, 35 + 20 / 60 + 15 / 60, 139.625, 5 / 60, 7.5 / 60),
        ("53393599", 3, 35.658333333, 139.7375, 30 / 3600, 45 / 3600),
        ("533935991", 4, 35.658333333, 139.7375, 15 / 3600, 22.5 / 3600),
        ("533935994", 4, 35.658333333 + 15 / 3600, 139.7375 + 22.5 / 3600, 15 / 3600, 22.5 / 3600),
        (
            "5339359923",
            5,
            35.658333333 + 7.5 / 3600,
            139.7375 + 22.5 / 3600,
            7.5 / 3600,
            11.25 / 3600,
        ),
        (
            "53393599234",
            6,
            35.658333333 + 7.5 / 3600 + 3.75 / 3600,
            139.7375 + 22.5 / 3600 + 5.625 / 3600,
            3.75 / 3600,
            5.625 / 3600,
        ),
    ],  # fmt: skip
)
def test_cells_of_every_level(code, level, south, west, height, width):
    assert mesh.level(code) == level
    s, w, n, e = mesh.bounds(code)
    assert (s, w) == (pytest.approx(south, abs=1e-8), pytest.approx(west, abs=1e-8))
    assert (n - s, e - w) == (pytest.approx(height, abs=1e-9), pytest.approx(width, abs=1e-9))
    assert mesh.to_latlon(code, center=True) == (
        pytest.approx(s + height / 2),
        pytest.approx(w + width / 2),
    )


@pytest.mark.parametrize("bad", ["533", "5339359", "53393599a", "533985", "53393599522", ""])
def test_invalid_codes_raise_code_error(bad):
    with pytest.raises(CodeError):
        mesh.to_latlon(bad)


def test_points_outside_the_mesh_area_raise_geo_error():
    with pytest.raises(GeoError, match="逆"):
        mesh.from_latlon(139.7, 35.6)
    with pytest.raises(GeoError):
        mesh.from_latlon(float("nan"), 139.7)
    with pytest.raises(CodeError):
        mesh.from_latlon(35.6, 139.7, level=7)


def test_polygon_and_cells_for_maps():
    poly = mesh.polygon("53393599")
    assert poly.bounds == pytest.approx((139.7375, 35.658333, 139.75, 35.666667), abs=1e-6)
    gdf = mesh.cells(pd.Series(["53393599", "53393690"]))
    assert gdf.crs.to_epsg() == 6668
    assert gdf["メッシュコード"].tolist() == ["53393599", "53393690"]
    # the second cell is the east neighbour, across a 2次 mesh edge
    assert gdf.geometry.iloc[0].touches(gdf.geometry.iloc[1])


@given(LAT, LON, LEVEL)
def test_point_lies_in_its_cell(lat, lon, level):
    code = mesh.from_latlon(lat, lon, level)
    assert len(code) == mesh.LEVELS[level]
    south, west, north, east = mesh.bounds(code)
    assert south - 1e-9 <= lat < north + 1e-9
    assert west - 1e-9 <= lon < east + 1e-9


@given(LAT, LON, LEVEL)
def test_round_trip_code_corner_code(lat, lon, level):
    code = mesh.from_latlon(lat, lon, level)
    assert mesh.from_latlon(*mesh.to_latlon(code), level) == code
    assert mesh.from_latlon(*mesh.to_latlon(code, center=True), level) == code


@given(LAT, LON, st.integers(min_value=2, max_value=6))
def test_finer_code_starts_with_coarser_code(lat, lon, level):
    assert mesh.from_latlon(lat, lon, level).startswith(mesh.from_latlon(lat, lon, level - 1))
