"""GeoJSON files of the boundaries: 町丁目, 地区, the flood zone and the river.

>>> import numpy as np
>>> from .boundaries import city_boundaries
>>> files = boundary_files(city_boundaries(np.random.default_rng(1)))
>>> sorted(files)
['city/districts.geojson', 'city/flood_zone.geojson', 'city/river.geojson', 'city/towns.geojson']
"""

from __future__ import annotations

import shapely

from .boundaries import Boundaries
from .city import DISTRICT_BY_CODE, DISTRICTS, RIVER_NAME, TOWNS
from .projection import area_km2
from .writers import geojson_bytes

FLOOD_SCENARIO = "想定最大規模降雨（72時間総雨量 620mm）"


def boundary_files(geo: Boundaries) -> dict[str, bytes]:
    """Path → bytes for the four boundary files.

    >>> import numpy as np
    >>> from .boundaries import city_boundaries
    >>> files = boundary_files(city_boundaries(np.random.default_rng(1)))
    >>> files["city/river.geojson"][:30]
    b'{"type":"FeatureCollection","n'
    """
    towns = [
        {
            "町丁目コード": t.code,
            "町丁目名": t.name,
            "町丁目名_カナ": t.kana,
            "地区コード": t.district,
            "地区名": DISTRICT_BY_CODE[t.district].name,
            "面積_km2": round(area_km2(geo.towns[t.code]), 3),
        }
        for t in TOWNS
    ]
    districts = [
        {
            "地区コード": d.code,
            "地区名": d.name,
            "地区名_カナ": d.kana,
            "中学校区": d.school,
            "面積_km2": round(area_km2(geo.districts[d.code]), 3),
        }
        for d in DISTRICTS
    ]
    flood = [
        {
            "浸水深": label,
            "浸水深ランク": rank,
            "河川名": RIVER_NAME,
            "想定": FLOOD_SCENARIO,
            "面積_km2": round(area_km2(zone), 3),
        }
        for rank, (label, zone) in zip((3, 2, 1), geo.flood, strict=True)
    ]
    river = [{"河川名": RIVER_NAME, "延長_km_市内": round(_length_km(geo), 2)}]
    return {
        "city/towns.geojson": geojson_bytes("towns", towns, [geo.towns[t.code] for t in TOWNS]),
        "city/districts.geojson": geojson_bytes(
            "districts", districts, [geo.districts[d.code] for d in DISTRICTS]
        ),
        "city/flood_zone.geojson": geojson_bytes("flood_zone", flood, [z for _, z in geo.flood]),
        "city/river.geojson": geojson_bytes("river", river, [geo.river]),
    }


def _length_km(geo: Boundaries) -> float:
    from .projection import geom_to_plane

    inside = geo.river.intersection(geo.city)
    return float(shapely.length(geom_to_plane(inside))) / 1000.0
