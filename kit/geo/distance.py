"""Distances in metres to the nearest facility, and the population covered within a radius.

Everything is measured in the JGD2011 plane rectangular CRS (see ``kit.geo.crs``), so results
are in metres whatever the input CRS. Areas (polygons) are measured from their centroid.

>>> import shapely
>>> homes = gpd.GeoDataFrame(geometry=[shapely.Point(0, 0), shapely.Point(300, 400)], crs=6677)
>>> shelters = gpd.GeoDataFrame(geometry=[shapely.Point(0, 0)], crs=6677)
>>> nearest_distance(homes, shelters).tolist()
[0.0, 500.0]
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from kit.errors import GeoError, InputError
from kit.geo.crs import to_plane

DISTANCE = "距離_m"
NEAREST = "最寄り施設"


def nearest_facility(
    origins: gpd.GeoDataFrame | gpd.GeoSeries,
    facilities: gpd.GeoDataFrame | gpd.GeoSeries,
    name: str | None = None,
) -> pd.DataFrame:
    """For each origin, the nearest facility (its ``name`` column, else its index) and the distance.

    Origins without a geometry get no facility and a missing distance.

    >>> import shapely
    >>> homes = gpd.GeoDataFrame(geometry=[shapely.Point(0, 0)], crs=6677)
    >>> shelters = gpd.GeoDataFrame({"名称": ["A", "B"]}, geometry=[shapely.Point(50, 0), shapely.Point(9, 0)], crs=6677)
    >>> row = nearest_facility(homes, shelters, name="名称").iloc[0]
    >>> row["最寄り施設"], float(row["距離_m"])
    ('B', 9.0)
    """
    origin_xy, facility_xy, kept = _projected_pair(origins, facilities)
    if name is not None and (
        not isinstance(facilities, gpd.GeoDataFrame) or name not in facilities.columns
    ):
        raise InputError(f"施設の表に列「{name}」がありません。", column=name)
    labels = facilities[name] if name is not None else facilities.index.to_series()
    tree = shapely.STRtree(facility_xy)
    present = ~(shapely.is_missing(origin_xy) | shapely.is_empty(origin_xy))
    (source, target), dist = tree.query_nearest(
        origin_xy[present], return_distance=True, all_matches=False
    )
    positions = np.flatnonzero(present)[source]
    distance = np.full(len(origin_xy), np.nan)
    distance[positions] = dist
    picked = labels.iloc[kept[target]]
    if len(positions) == len(origin_xy):
        nearest = pd.Series(picked.to_numpy(), index=origins.index, dtype=picked.dtype)
    else:
        full = np.full(len(origin_xy), None, dtype=object)
        full[positions] = picked.to_numpy(dtype=object)
        nearest = pd.Series(full, index=origins.index)
    return pd.DataFrame({NEAREST: nearest, DISTANCE: distance}, index=origins.index)


def nearest_distance(
    origins: gpd.GeoDataFrame | gpd.GeoSeries, facilities: gpd.GeoDataFrame | gpd.GeoSeries
) -> pd.Series:
    """Distance in metres from each origin to its nearest facility (missing for no geometry).

    >>> import shapely
    >>> homes = gpd.GeoSeries([shapely.Point(139.95, 36.05)], crs=6668)
    >>> shelters = gpd.GeoSeries([shapely.Point(139.96, 36.05)], crs=6668)
    >>> round(float(nearest_distance(homes, shelters).iloc[0]))  # 0.01° of longitude at 36°N
    901
    """
    return nearest_facility(origins, facilities)[DISTANCE]


def covered_share(
    areas: gpd.GeoDataFrame | gpd.GeoSeries,
    facilities: gpd.GeoDataFrame | gpd.GeoSeries,
    radius_m: float,
) -> pd.Series:
    """Share (0–1) of each point or area within ``radius_m`` metres of some facility.

    A point counts 1 or 0. An area counts the part of its surface inside the circles, which
    assumes people are spread evenly over the area.

    >>> import shapely
    >>> square = gpd.GeoSeries([shapely.box(0, 0, 100, 100)], crs=6677)
    >>> fac = gpd.GeoSeries([shapely.Point(0, 50)], crs=6677)
    >>> round(float(covered_share(square, fac, radius_m=1000).iloc[0]), 3)
    1.0
    """
    radius = _radius(radius_m)
    geoms, facility_xy, _ = _projected_pair(areas, facilities, keep_shapes=True)
    reach = shapely.union_all(shapely.buffer(facility_xy, radius, quad_segs=32))
    share = np.full(len(geoms), np.nan)
    polygonal = np.isin(shapely.get_type_id(geoms), [3, 6])
    if polygonal.any():
        inside = shapely.area(shapely.intersection(geoms[polygonal], reach))
        share[polygonal] = inside / shapely.area(geoms[polygonal])
    others = ~polygonal & ~shapely.is_missing(geoms)
    if others.any():
        share[others] = shapely.intersects(geoms[others], reach).astype(float)
    return pd.Series(share, index=areas.index, name=f"{radius:g}m圏内の割合")


def coverage(
    population: gpd.GeoDataFrame,
    facilities: gpd.GeoDataFrame | gpd.GeoSeries,
    radius_m: float,
    weight: str | None = None,
) -> pd.Series:
    """How many people are within ``radius_m`` metres of a facility: 全体, 圏内 and 割合.

    ``population`` is either one point per person (``weight=None`` counts rows) or points or
    areas with a count column (``weight="人口"``); areas need a weight and are counted by the
    share of their surface inside the radius.

    >>> import shapely
    >>> towns = gpd.GeoDataFrame({"人口": [100, 50]}, geometry=[shapely.box(0, 0, 100, 100), shapely.box(5000, 0, 5100, 100)], crs=6677)
    >>> fac = gpd.GeoSeries([shapely.Point(50, 50)], crs=6677)
    >>> coverage(towns, fac, radius_m=500, weight="人口").tolist()
    [150.0, 100.0, 0.6666666666666666]
    """
    if not isinstance(population, gpd.GeoDataFrame):
        raise InputError("人口の地図データ（GeoDataFrame）を渡してください。")
    share = covered_share(population, facilities, radius_m)
    if weight is None:
        if population.geom_type.isin(["Polygon", "MultiPolygon"]).any():
            raise InputError(
                "区域（ポリゴン）の人口を数えるには、人口の列を指定してください。",
                action='例: coverage(towns, shelters, 500, weight="人口")',
            )
        counts = pd.Series(1.0, index=population.index)
    else:
        if weight not in population.columns:
            raise InputError(f"列「{weight}」がありません。", column=weight)
        counts = pd.to_numeric(population[weight], errors="coerce").astype("float64")
        if counts.isna().any() or (counts < 0).any():
            raise InputError(f"列「{weight}」に 0 以上の数値でない値があります。", column=weight)
    total = float(counts[share.notna()].sum())
    covered = float((counts * share).sum())
    ratio = covered / total if total else float("nan")
    return pd.Series([total, covered, ratio], index=["全体", "圏内", "割合"], name=share.name)


def _projected_pair(
    origins: object, facilities: object, keep_shapes: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Origins and facilities as shapely arrays in one metric CRS, and which facilities were kept."""
    for what, data in (("起点", origins), ("施設", facilities)):
        if not isinstance(data, gpd.GeoDataFrame | gpd.GeoSeries):
            raise InputError(
                f"{what}には地図データ（GeoDataFrame か GeoSeries）を渡してください。",
                action="緯度・経度の表なら kit.geo.points_from_latlon で変換できます。",
            )
    origin_geo = to_plane(origins.geometry)  # type: ignore[union-attr]
    facility_geo = facilities.geometry.to_crs(origin_geo.crs)  # type: ignore[union-attr]
    usable = ~(facility_geo.isna() | facility_geo.is_empty).to_numpy()
    if not usable.any():
        raise GeoError(
            "施設が 1 つもありません。", action="施設のデータと絞り込みの条件を確認してください。"
        )
    origin_arr = origin_geo.to_numpy()
    if not keep_shapes:
        polygonal = np.isin(shapely.get_type_id(origin_arr), [3, 6])
        origin_arr = origin_arr.copy()
        origin_arr[polygonal] = shapely.centroid(origin_arr[polygonal])
    return origin_arr, facility_geo.to_numpy()[usable], np.flatnonzero(usable)


def _radius(radius_m: float) -> float:
    if not (isinstance(radius_m, int | float) and radius_m > 0 and np.isfinite(radius_m)):
        raise InputError(f"半径 radius_m={radius_m!r} は正の数（メートル）で指定してください。")
    return float(radius_m)
