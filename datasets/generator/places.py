"""Points for facilities: inside the town they name, away from its edges, rounded to 1e-6°.

Optional constraints put a point inside or outside another polygon (e.g. the flood zone), or near
a target point. Elevation comes from a smooth synthetic terrain: low along the river, rising to
the mountains in the west.

>>> import numpy as np
>>> from .boundaries import city_boundaries
>>> geo = city_boundaries(np.random.default_rng(1))
>>> lat, lon = place_in_town(geo, "0001001", np.random.default_rng(2))
>>> geo.towns["0001001"].contains(shapely.Point(lon, lat))
True
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import Point

from .boundaries import Boundaries
from .projection import geom_to_plane, to_km

MARGIN_M = 35.0


def place_in_town(
    geo: Boundaries,
    town: str,
    rng: np.random.Generator,
    *,
    inside: shapely.Geometry | None = None,
    outside: shapely.Geometry | None = None,
    near: tuple[float, float] | None = None,
) -> tuple[float, float]:
    """(緯度, 経度) of a random point in ``town``, meeting the optional constraints.

    ``near`` is a (lat, lon) around which the point is drawn first (within about 400 m).

    >>> from .boundaries import city_boundaries
    >>> geo = city_boundaries(np.random.default_rng(1))
    >>> lat, lon = place_in_town(geo, "0029000", np.random.default_rng(2))
    >>> bool(geo.towns["0029000"].contains(Point(lon, lat)))
    True
    """
    polygon = geo.towns[town]
    area = polygon
    if inside is not None:
        area = area.intersection(inside)
    if outside is not None:
        area = area.difference(outside)
    plane = geom_to_plane(area).buffer(-MARGIN_M)
    if plane.is_empty:
        raise ValueError(f"no room for a point in town {town}")
    minx, miny, maxx, maxy = plane.bounds
    if near is not None:
        x0, y0 = _plane_point(near)
        window = (
            max(minx, x0 - 400),
            max(miny, y0 - 400),
            min(maxx, x0 + 400),
            min(maxy, y0 + 400),
        )
        if window[0] < window[2] and window[1] < window[3]:
            minx, miny, maxx, maxy = window
    for attempt in range(5000):
        if attempt == 2000:  # constraint ``near`` too tight: use the whole area
            minx, miny, maxx, maxy = plane.bounds
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if not plane.contains(Point(x, y)):
            continue
        lon, lat = _to_lonlat_plane(x, y)
        lat, lon = round(lat, 6), round(lon, 6)
        if polygon.contains(Point(lon, lat)):
            return lat, lon
    raise ValueError(f"could not place a point in town {town}")


def _plane_point(latlon: tuple[float, float]) -> tuple[float, float]:
    point = geom_to_plane(Point(latlon[1], latlon[0]))
    return point.x, point.y


def _to_lonlat_plane(x: float, y: float) -> tuple[float, float]:
    from .projection import _forward

    lon, lat = _forward().transform(x, y)
    return float(lon), float(lat)


def elevation_m(lat: float, lon: float, river: shapely.LineString) -> float:
    """Synthetic ground height (m, one decimal): river plain near 12 m, hills to the west.

    >>> from shapely.geometry import LineString
    >>> elevation_m(36.05, 139.95, LineString([(139.9, 36.05), (140.0, 36.05)]))
    12.0
    """
    km = to_km(np.array([[lon, lat]]))[0]
    river_km = shapely.transform(river, to_km)
    distance = river_km.distance(Point(km))
    height = 12.0 + 4.5 * min(distance, 4.0)
    if km[0] < -4.0:
        height += (-4.0 - km[0]) ** 1.6 * 22.0
    height += max(0.0, km[1] - 2.0) * 6.0
    return round(float(height), 1)
