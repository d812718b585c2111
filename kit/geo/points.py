"""Facilities as points from 緯度/経度 columns, and the city's boundaries as GeoDataFrames.

>>> shelters = pd.DataFrame({"名称": ["北小学校"], "緯度": [36.05], "経度": [139.95]})
>>> points_from_latlon(shelters).geometry.iloc[0].wkt
'POINT (139.95 36.05)'
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from kit.errors import GeoError, InputError

GEOGRAPHIC_CRS = 6668  # JGD2011 latitude / longitude
# Latitude and longitude ranges that cover Japan, islands included.
LAT_RANGE = (20.0, 46.0)
LON_RANGE = (122.0, 154.0)
LEVELS = {"町丁目": "towns", "地区": "districts"}


def points_from_latlon(df: pd.DataFrame, lat: str = "緯度", lon: str = "経度") -> gpd.GeoDataFrame:
    """A GeoDataFrame of points (EPSG:6668) from latitude and longitude columns in degrees.

    Every row must have coordinates inside Japan; the error names the first row that does not
    (and says so when latitude and longitude look swapped).

    >>> points_from_latlon(pd.DataFrame({"lat": [35.0], "lon": [135.0]}), lat="lat", lon="lon").crs.to_epsg()
    6668
    """
    if not isinstance(df, pd.DataFrame):
        raise InputError(
            f"緯度・経度の列をもつ表（DataFrame）を渡してください（渡されたのは {type(df).__name__} です）。"
        )
    for column in (lat, lon):
        if column not in df.columns:
            raise InputError(
                f"列「{column}」がありません（ある列: {'、'.join(map(str, df.columns[:20]))}）。",
                column=column,
                action="緯度・経度の列名を lat= と lon= で指定してください。",
            )
    lats = _degrees(df[lat])
    lons = _degrees(df[lon])
    outside = ~(lats.between(*LAT_RANGE) & lons.between(*LON_RANGE))
    if outside.any():
        position = int(np.flatnonzero(outside.to_numpy())[0])
        y, x = df[lat].iloc[position], df[lon].iloc[position]
        swapped = (
            LAT_RANGE[0] <= lons.iloc[position] <= LAT_RANGE[1]
            and LON_RANGE[0] <= lats.iloc[position] <= LON_RANGE[1]
        )
        hint = (
            "緯度と経度が入れ替わっていませんか？"
            if swapped
            else "日本の範囲（緯度 20〜46 度、経度 122〜154 度）にありません。"
        )
        problem = (
            "緯度・経度がありません。"
            if pd.isna(lats.iloc[position]) or pd.isna(lons.iloc[position])
            else f"緯度 {y}・経度 {x} は{hint}"
        )
        raise GeoError(
            problem,
            row=position + 1,
            column=f"{lat}/{lon}",
            action="元のデータの座標を確認してください（度の 10 進数、例: 36.05 と 139.95）。",
        )
    geometry = gpd.points_from_xy(lons.to_numpy(), lats.to_numpy(), crs=GEOGRAPHIC_CRS)
    return gpd.GeoDataFrame(df.copy(), geometry=geometry, crs=GEOGRAPHIC_CRS)


def boundaries(level: str = "町丁目") -> gpd.GeoDataFrame:
    """The fictional city's boundaries: 「町丁目」 (resource ``towns``) or 「地区」 (``districts``).

    >>> boundaries("地区").crs.to_epsg()  # doctest: +SKIP
    6668
    """
    if level not in LEVELS:
        raise InputError(
            f"境界の単位「{level}」はありません。",
            action=f"{' か '.join(LEVELS)} を指定してください。",
        )
    from kit.data import load

    gdf = load(LEVELS[level])
    if not isinstance(gdf, gpd.GeoDataFrame):
        raise GeoError(f"データ「{LEVELS[level]}」が地図データではありません。")
    return gdf if gdf.crs is not None else gdf.set_crs(GEOGRAPHIC_CRS)


def _degrees(values: pd.Series) -> pd.Series:
    numbers = pd.to_numeric(values, errors="coerce")
    failed = numbers.isna() & values.notna()
    if failed.any():
        position = int(np.flatnonzero(failed.to_numpy())[0])
        raise GeoError(
            f"値「{values.iloc[position]}」を座標（度）として読めません。",
            row=position + 1,
            column=values.name,
            action="度分秒ではなく、度の 10 進数（例: 36.05）で書いてください。",
        )
    return numbers.astype("float64")
