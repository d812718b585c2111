"""Point-in-polygon joins: which 町丁目 or 地区 each resident or facility lies in.

>>> import shapely
>>> towns = gpd.GeoDataFrame({"町丁目名": ["北町"]}, geometry=[shapely.box(0, 0, 10, 10)], crs=6677)
>>> homes = gpd.GeoDataFrame(geometry=[shapely.Point(5, 5), shapely.Point(50, 5)], crs=6677)
>>> within(homes, towns)["町丁目名"].tolist()
['北町', nan]
"""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd

from kit.errors import InputError
from kit.geo.crs import require_crs

SUFFIX = "_区域"


def within(
    points: gpd.GeoDataFrame,
    polygons: gpd.GeoDataFrame,
    columns: Sequence[str] | None = None,
) -> gpd.GeoDataFrame:
    """The points, each with the columns of the polygon it lies in (missing when in none).

    Rows, order and index of ``points`` are kept. A point exactly on a shared boundary goes to
    one of the polygons touching it; where polygons overlap, the first one in ``polygons`` wins.
    Polygon columns whose names the points already use get the suffix 「_区域」.

    >>> import shapely
    >>> areas = gpd.GeoDataFrame({"地区名": ["東", "西"]}, geometry=[shapely.box(0, 0, 1, 1), shapely.box(-1, 0, 0, 1)], crs=6677)
    >>> within(gpd.GeoDataFrame(geometry=[shapely.Point(0, 0.5)], crs=6677), areas)["地区名"].tolist()
    ['東']
    """
    for what, data in (("点", points), ("区域", polygons)):
        if not isinstance(data, gpd.GeoDataFrame):
            raise InputError(f"{what}の地図データ（GeoDataFrame）を渡してください。")
    require_crs(points)
    require_crs(polygons)
    keep = (
        [c for c in polygons.columns if c != polygons.geometry.name]
        if columns is None
        else list(columns)
    )
    missing = [c for c in keep if c not in polygons.columns]
    if missing:
        raise InputError(f"区域の表に列「{missing[0]}」がありません。", column=missing[0])
    right = polygons[keep].copy()
    right = right.rename(columns={c: f"{c}{SUFFIX}" for c in keep if c in points.columns})
    right = gpd.GeoDataFrame(
        right, geometry=polygons.geometry.to_crs(points.crs).to_numpy(), crs=points.crs
    )
    right = right.reset_index(drop=True)
    left = gpd.GeoDataFrame(geometry=points.geometry.to_numpy(), crs=points.crs)
    match = np.full(len(points), -1)
    for predicate in ("within", "intersects"):
        todo = np.flatnonzero(match < 0)
        if len(todo) == 0:
            break
        hits = gpd.sjoin(
            left.iloc[todo].reset_index(drop=True), right[["geometry"]], predicate=predicate
        )
        first = hits.groupby(level=0)["index_right"].min()
        match[todo[first.index.to_numpy()]] = first.to_numpy()
    found = pd.Series(match >= 0)
    take = np.where(found, match, 0)
    out = points.copy()
    for column in right.columns.drop(right.geometry.name):
        if len(right) == 0:
            values = pd.Series(pd.NA, index=found.index, dtype=right[column].dtype)
        else:
            values = right[column].iloc[take].reset_index(drop=True).where(found)
        out[column] = pd.Series(values.array, index=out.index)
    return out
