"""The JGD2011 plane rectangular CRS (平面直角座標系, EPSG:6669–6687) for measuring in metres.

Latitude/longitude (EPSG:6668) is fine for storing places but not for distances. Japan's
19 plane rectangular zones keep distortion below 1/10,000 near their origin. By law (国土交通省
告示) the zone follows the prefecture — e.g. 埼玉県・千葉県・東京都（本土）→ IX, 愛知県 → VII —
with 北海道, 東京都 (islands), 鹿児島県 and 沖縄県 split by area. ``plane_crs`` picks, among the
prefecture's zones (or all zones), the one whose origin is nearest to the data's centre.
Without a prefecture this can differ from the legal zone near zone borders (函館 gets X, by law
XI); distances stay accurate there, but give ``prefecture`` to follow the law exactly.

>>> plane_crs((139.95, 36.05)).to_epsg()
6677
>>> plane_crs(prefecture="愛知県").to_epsg()
6675
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from kit.errors import GeoError, InputError

if TYPE_CHECKING:
    import geopandas as gpd
    import pyproj

# Zone number → origin (latitude, longitude) in degrees; EPSG code is 6668 + zone.
ZONE_ORIGINS: dict[int, tuple[float, float]] = {
    1: (33.0, 129.5),
    2: (33.0, 131.0),
    3: (36.0, 132 + 10 / 60),
    4: (33.0, 133.5),
    5: (36.0, 134 + 20 / 60),
    6: (36.0, 136.0),
    7: (36.0, 137 + 10 / 60),
    8: (36.0, 138.5),
    9: (36.0, 139 + 50 / 60),
    10: (40.0, 140 + 50 / 60),
    11: (44.0, 140.25),
    12: (44.0, 142.25),
    13: (44.0, 144.25),
    14: (26.0, 142.0),
    15: (26.0, 127.5),
    16: (26.0, 124.0),
    17: (26.0, 131.0),
    18: (20.0, 136.0),
    19: (26.0, 154.0),
}

# Prefecture → its zones, the main one first (国土交通省告示第九号 in outline).
_PREFECTURES_BY_ZONE = {
    (1,): "長崎県",
    (2, 1): "鹿児島県",
    (2,): "福岡県 佐賀県 熊本県 大分県 宮崎県",
    (3,): "山口県 島根県 広島県",
    (4,): "香川県 愛媛県 徳島県 高知県",
    (5,): "兵庫県 鳥取県 岡山県",
    (6,): "京都府 大阪府 福井県 滋賀県 三重県 奈良県 和歌山県",
    (7,): "石川県 富山県 岐阜県 愛知県",
    (8,): "新潟県 長野県 山梨県 静岡県",
    (9,): "福島県 栃木県 茨城県 埼玉県 千葉県 群馬県 神奈川県",
    (9, 14, 18, 19): "東京都",
    (10,): "青森県 秋田県 山形県 岩手県 宮城県",
    (12, 11, 13): "北海道",
    (15, 16, 17): "沖縄県",
}
PREFECTURE_ZONES: dict[str, tuple[int, ...]] = {
    name: zones for zones, names in _PREFECTURES_BY_ZONE.items() for name in names.split()
}


def plane_crs(
    data: gpd.GeoDataFrame | gpd.GeoSeries | tuple[float, float] | None = None,
    *,
    prefecture: str | None = None,
) -> pyproj.CRS:
    """The plane rectangular zone for the data (a GeoDataFrame, or a (lon, lat) pair).

    With ``prefecture``, the choice is limited to that prefecture's zones (its main zone when
    no data is given).

    >>> plane_crs((141.35, 43.06)).name   # 札幌
    'JGD2011 / Japan Plane Rectangular CS XII'
    """
    import pyproj

    zones: tuple[int, ...] = tuple(ZONE_ORIGINS)
    if prefecture is not None:
        if prefecture not in PREFECTURE_ZONES:
            raise InputError(
                f"都道府県「{prefecture}」がわかりません。",
                action="「埼玉県」「東京都」「北海道」のように、都道府県名を正式に書いてください。",
            )
        zones = PREFECTURE_ZONES[prefecture]
        if data is None:
            return pyproj.CRS.from_epsg(6668 + zones[0])
    if data is None:
        raise InputError("座標系を選ぶための地図データか都道府県名を指定してください。")
    lon, lat = _centre(data)
    zone = min(zones, key=lambda z: _distance_sq(lat, lon, *ZONE_ORIGINS[z]))
    return pyproj.CRS.from_epsg(6668 + zone)


def to_plane(gdf: gpd.GeoDataFrame | gpd.GeoSeries) -> gpd.GeoDataFrame | gpd.GeoSeries:
    """The data in metres: unchanged if already in a metric projected CRS, else in ``plane_crs``.

    >>> import geopandas as gpd, shapely
    >>> pts = gpd.GeoSeries([shapely.Point(139.95, 36.05)], crs=6668)
    >>> to_plane(pts).crs.to_epsg()
    6677
    """
    crs = require_crs(gdf)
    if crs.is_projected and crs.axis_info[0].unit_name in ("metre", "meter"):
        return gdf
    return gdf.to_crs(plane_crs(gdf))


def require_crs(gdf: gpd.GeoDataFrame | gpd.GeoSeries) -> pyproj.CRS:
    """The CRS of the data, or a GeoError telling how to set it.

    >>> import geopandas as gpd, shapely
    >>> require_crs(gpd.GeoSeries([shapely.Point(0, 0)], crs=6668)).to_epsg()
    6668
    """
    if gdf.crs is None:
        raise GeoError(
            "地図データに座標参照系（CRS）が設定されていません。",
            action="緯度経度なら gdf.set_crs(6668) のように設定してください（JGD2011 の緯度経度）。",
        )
    return gdf.crs


def _centre(data: object) -> tuple[float, float]:
    if isinstance(data, tuple) and len(data) == 2:
        lon, lat = float(data[0]), float(data[1])
    else:
        import pyproj

        crs = require_crs(data)  # type: ignore[arg-type]
        minx, miny, maxx, maxy = data.total_bounds  # type: ignore[attr-defined]
        # Only the corners are converted to latitude/longitude, not every geometry.
        to_degrees = pyproj.Transformer.from_crs(crs, 6668, always_xy=True)
        lons, lats = to_degrees.transform([minx, maxx, minx, maxx], [miny, miny, maxy, maxy])
        lon, lat = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    if not (math.isfinite(lon) and math.isfinite(lat)):
        raise GeoError(
            "地図データに有効な図形がありません。", action="geometry 列を確認してください。"
        )
    return lon, lat


def _distance_sq(lat: float, lon: float, lat0: float, lon0: float) -> float:
    dx = (lon - lon0) * math.cos(math.radians((lat + lat0) / 2))
    return dx * dx + (lat - lat0) ** 2
