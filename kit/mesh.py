"""地域メッシュコード (JIS X 0410): mesh code ↔ latitude/longitude, and cell shapes for maps.

Levels: 1 = 1次 (4 digits, 40′ × 1°), 2 = 2次 (6 digits, 5′ × 7.5′), 3 = 3次 (8 digits,
30″ × 45″, about 1 km), 4 = 2分の1 (9 digits, about 500 m), 5 = 4分の1 (10 digits, 250 m),
6 = 8分の1 (11 digits, 125 m). Coordinates are JGD2011 degrees (EPSG:6668).

>>> from kit import mesh
>>> mesh.to_latlon("53393599")
(35.65833333333333, 139.7375)
>>> mesh.from_latlon(35.66, 139.74, level=3)
'53393599'
"""

from __future__ import annotations

import math
import numbers
import unicodedata
from typing import TYPE_CHECKING

from kit.errors import CodeError, GeoError

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import Polygon

LEVELS = {1: 4, 2: 6, 3: 8, 4: 9, 5: 10, 6: 11}
LEVEL_NAMES = {1: "1次メッシュ", 2: "2次メッシュ", 3: "3次メッシュ", 4: "2分の1メッシュ（500m）",
               5: "4分の1メッシュ（250m）", 6: "8分の1メッシュ（125m）"}  # fmt: skip
# Cell size in arc-seconds (latitude, longitude) at each level.
_SIZE = {1: (2400.0, 3600.0), 2: (300.0, 450.0), 3: (30.0, 45.0), 4: (15.0, 22.5),
         5: (7.5, 11.25), 6: (3.75, 5.625)}  # fmt: skip
# Sub-division digit → (north step, east step): 1 SW, 2 SE, 3 NW, 4 NE.
_QUADRANT = {"1": (0, 0), "2": (0, 1), "3": (1, 0), "4": (1, 1)}
_TOLERANCE = 1e-6  # arc-seconds: a point this close below a cell edge counts as on it


def _clean(code: str | int) -> str:
    text = unicodedata.normalize("NFKC", str(code)).strip()
    if not (text.isascii() and text.isdigit()) or len(text) not in LEVELS.values():
        raise CodeError(
            f"「{code}」は地域メッシュコードとして読めません（数字4・6・8・9・10・11桁が必要です）。",
            action="元の資料でコードを確かめてください（例: 3次メッシュ 53393599）。",
        )
    return text


def level(code: str | int) -> int:
    """The mesh level of a code (1–6), from its number of digits.

    >>> level("5339"), level("53393599"), level("533935991")
    (1, 3, 4)
    """
    digits = len(_clean(code))
    return next(lv for lv, n in LEVELS.items() if n == digits)


def _sw_seconds(code: str) -> tuple[float, float, int]:
    """South-west corner in arc-seconds and the level of a clean code."""
    lat = int(code[0:2]) * 2400.0
    lon = (int(code[2:4]) + 100) * 3600.0
    lv = 1
    if len(code) >= 6:
        row, col = int(code[4]), int(code[5])
        if row > 7 or col > 7:
            raise CodeError(
                f"地域メッシュコード「{code}」の5・6桁目（2次メッシュ）は 0〜7 のはずです。",
                action="元の資料でコードを確かめてください。",
            )
        lat, lon, lv = lat + row * 300.0, lon + col * 450.0, 2
    if len(code) >= 8:
        lat, lon, lv = lat + int(code[6]) * 30.0, lon + int(code[7]) * 45.0, 3
    for digit in code[8:]:
        if digit not in _QUADRANT:
            raise CodeError(
                f"地域メッシュコード「{code}」の9桁目以降（分割メッシュ）は 1〜4 のはずです。",
                action="元の資料でコードを確かめてください。",
            )
        lv += 1
        north, east = _QUADRANT[digit]
        lat, lon = lat + north * _SIZE[lv][0], lon + east * _SIZE[lv][1]
    return lat, lon, lv


def bounds(code: str | int) -> tuple[float, float, float, float]:
    """(south, west, north, east) of a mesh cell in degrees.

    >>> bounds("5339")
    (35.333333333333336, 139.0, 36.0, 140.0)
    """
    lat, lon, lv = _sw_seconds(_clean(code))
    height, width = _SIZE[lv]
    return lat / 3600, lon / 3600, (lat + height) / 3600, (lon + width) / 3600


def to_latlon(code: str | int, *, center: bool = False) -> tuple[float, float]:
    """(latitude, longitude) of a cell's south-west corner, or of its centre.

    >>> to_latlon("53393599", center=True)
    (35.6625, 139.74375)
    """
    lat, lon, lv = _sw_seconds(_clean(code))
    if center:
        lat, lon = lat + _SIZE[lv][0] / 2, lon + _SIZE[lv][1] / 2
    return lat / 3600, lon / 3600


def from_latlon(lat: float, lon: float, level: int = 3) -> str:
    """The code of the mesh cell containing a point (cells include their south and west edges).

    >>> from_latlon(35.658333333333333, 139.7375, level=4)
    '533935991'
    """
    if level not in LEVELS:
        raise CodeError(
            f"メッシュの次数「{level}」はありません。",
            action="1（1次）・2（2次）・3（3次）・4（500m）・5（250m）・6（125m）から選んでください。",
        )
    if not (isinstance(lat, numbers.Real) and isinstance(lon, numbers.Real)) or not (
        math.isfinite(lat) and math.isfinite(lon)
    ):
        raise GeoError(
            f"緯度・経度「{lat}, {lon}」が数ではありません。", action="十進の度で指定してください。"
        )
    if not (0 <= lat < 66.66 and 100 <= lon < 200):
        raise GeoError(
            f"緯度 {lat}・経度 {lon} は地域メッシュの範囲外です（緯度と経度が逆ではありませんか）。",
            action="日本付近の緯度（北緯20〜46度）・経度（東経122〜154度）を指定してください。",
        )
    lat_s, lon_s = lat * 3600 + _TOLERANCE, lon * 3600 + _TOLERANCE
    p, lat_s = divmod(lat_s, 2400.0)
    u, lon_s = divmod(lon_s - 360000.0, 3600.0)
    code = f"{int(p):02d}{int(u):02d}"
    if level >= 2:
        q, lat_s = divmod(lat_s, 300.0)
        v, lon_s = divmod(lon_s, 450.0)
        code += f"{int(q)}{int(v)}"
    if level >= 3:
        r, lat_s = divmod(lat_s, 30.0)
        w, lon_s = divmod(lon_s, 45.0)
        code += f"{int(r)}{int(w)}"
    for lv in range(4, level + 1):
        north, lat_s = divmod(lat_s, _SIZE[lv][0])
        east, lon_s = divmod(lon_s, _SIZE[lv][1])
        code += str(1 + int(north) * 2 + int(east))
    return code


def polygon(code: str | int) -> Polygon:
    """The cell as a shapely rectangle (lon/lat, EPSG:6668), e.g. to draw it on a map.

    >>> polygon("53393599").bounds
    (139.7375, 35.65833333333333, 139.75, 35.666666666666664)
    """
    from shapely.geometry import box

    south, west, north, east = bounds(code)
    return box(west, south, east, north)


def cells(codes: pd.Series) -> gpd.GeoDataFrame:
    """A GeoDataFrame with one rectangle per mesh code (column ``メッシュコード``), EPSG:6668.

    Handy for mapping 統計GIS mesh statistics: merge the result with the table by code.

    >>> cells(pd.Series(["53393599", "53393690"])).total_bounds.round(6).tolist()
    [139.7375, 35.658333, 139.7625, 35.666667]
    """
    import geopandas as gpd

    values = [_clean(code) for code in codes]
    return gpd.GeoDataFrame(
        {"メッシュコード": values}, geometry=[polygon(v) for v in values], crs="EPSG:6668"
    )
