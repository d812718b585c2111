"""Facility merges (公共施設の統合): who would have to travel further if a facility closed.

Distances are measured in metres from each area's centroid to its nearest facility (see
:func:`kit.geo.nearest_facility`), before and after the closure. People are assumed to live
evenly over each area, so weight any average by the area's population.

>>> import kit
>>> towns = kit.geo.boundaries("町丁目")  # doctest: +SKIP
>>> impact = closure_impact(towns, halls, "七瀬台四丁目集会所")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import pandas as pd

from kit.errors import InputError

BEFORE, AFTER = "最寄り（統合前）", "最寄り（統合後）"
DIST_BEFORE, DIST_AFTER, EXTRA = "距離_前_m", "距離_後_m", "増えた距離_m"


def closure_impact(
    areas: gpd.GeoDataFrame,
    facilities: gpd.GeoDataFrame | pd.DataFrame,
    closing: str | Sequence[str],
    *,
    name: str = "施設名",
) -> pd.DataFrame:
    """The areas whose nearest facility would close, with their distances before and after.

    One row per affected area: its own columns (without geometry), then 最寄り（統合前）,
    距離_前_m, 最寄り（統合後）, 距離_後_m and 増えた距離_m. ``facilities`` may be a table with
    緯度/経度 columns; ``closing`` is one facility name or several.

    >>> import shapely
    >>> areas = gpd.GeoDataFrame({"町": ["A", "B"], "人口": [100, 50]},
    ...     geometry=[shapely.box(0, 0, 10, 10), shapely.box(1000, 0, 1010, 10)], crs=6677)
    >>> halls = gpd.GeoDataFrame({"施設名": ["甲", "乙"]},
    ...     geometry=[shapely.Point(5, 5), shapely.Point(1005, 5)], crs=6677)
    >>> closure_impact(areas, halls, "甲")[["町", "最寄り（統合後）", "増えた距離_m"]].values.tolist()
    [['A', '乙', 1000.0]]
    """
    from kit.geo import nearest_facility, points_from_latlon

    if not isinstance(areas, gpd.GeoDataFrame):
        raise InputError("区域（町丁目など）の地図データ（GeoDataFrame）を渡してください。")
    points = (
        facilities if isinstance(facilities, gpd.GeoDataFrame) else points_from_latlon(facilities)
    )
    if name not in points.columns:
        raise InputError(f"施設の表に列「{name}」がありません。", column=name)
    names = [closing] if isinstance(closing, str) else list(closing)
    unknown = [n for n in names if n not in set(points[name])]
    if unknown:
        raise InputError(
            f"施設「{'」「'.join(map(str, unknown))}」が施設の表にありません。",
            column=name,
            action="施設名の書き方（全角・半角、丁目の数字）を確認してください。",
        )
    before = nearest_facility(areas, points, name=name)
    hit = before["最寄り施設"].isin(names).to_numpy()
    remaining = points[~points[name].isin(names)]
    affected = areas[hit]
    after = nearest_facility(affected, remaining, name=name)
    table = pd.DataFrame(affected.drop(columns=affected.geometry.name))
    table[BEFORE] = before.loc[hit, "最寄り施設"].to_numpy()
    table[DIST_BEFORE] = before.loc[hit, "距離_m"].to_numpy()
    table[AFTER] = after["最寄り施設"].to_numpy()
    table[DIST_AFTER] = after["距離_m"].to_numpy()
    table[EXTRA] = table[DIST_AFTER] - table[DIST_BEFORE]
    return table.reset_index(drop=True)
