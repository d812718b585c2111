"""Coordinates: a local km frame around the city centre, the plane CRS (metres) and JGD2011 lon/lat.

The layout is drawn in kilometres east/north of the centre of 中央地区; this module turns it into
EPSG:6677 metres and EPSG:6668 degrees, and back.

>>> lon, lat = to_lonlat(np.array([[0.0, 0.0]]))[0]
>>> round(float(lat), 4), round(float(lon), 4)
(36.05, 139.95)
"""

from __future__ import annotations

import functools

import numpy as np
import shapely
from pyproj import Transformer

from .city import CENTRE_LAT, CENTRE_LON, CRS_GEO, CRS_PLANE

GRID_DEG = 1e-6  # coordinates in the GeoJSON files are multiples of this (about 0.1 m)


@functools.cache
def _forward() -> Transformer:
    return Transformer.from_crs(CRS_PLANE, CRS_GEO, always_xy=True)


@functools.cache
def _backward() -> Transformer:
    return Transformer.from_crs(CRS_GEO, CRS_PLANE, always_xy=True)


@functools.cache
def _origin() -> tuple[float, float]:
    x, y = _backward().transform(CENTRE_LON, CENTRE_LAT)
    return float(x), float(y)


def to_lonlat(km: np.ndarray) -> np.ndarray:
    """Local (east_km, north_km) rows to (lon, lat) rows in JGD2011.

    >>> bool(to_lonlat(np.array([[1.0, 0.0]]))[0, 0] > 139.95)
    True
    """
    x0, y0 = _origin()
    lon, lat = _forward().transform(km[:, 0] * 1000.0 + x0, km[:, 1] * 1000.0 + y0)
    return np.column_stack([lon, lat])


def to_plane(lonlat: np.ndarray) -> np.ndarray:
    """(lon, lat) rows to EPSG:6677 (easting, northing) metres.

    >>> to_plane(np.array([[139.95, 36.05]])).shape
    (1, 2)
    """
    x, y = _backward().transform(lonlat[:, 0], lonlat[:, 1])
    return np.column_stack([x, y])


def to_km(lonlat: np.ndarray) -> np.ndarray:
    """(lon, lat) rows back to the local km frame.

    >>> np.allclose(to_km(to_lonlat(np.array([[2.0, -1.0]]))), [[2.0, -1.0]])
    True
    """
    x0, y0 = _origin()
    plane = to_plane(lonlat)
    return np.column_stack([(plane[:, 0] - x0) / 1000.0, (plane[:, 1] - y0) / 1000.0])


def geom_to_lonlat(geom: shapely.Geometry) -> shapely.Geometry:
    """A shapely geometry in the km frame, transformed to lon/lat.

    >>> round(geom_to_lonlat(shapely.Point(0, 0)).y, 4)
    36.05
    """
    return shapely.transform(geom, to_lonlat)


def geom_to_plane(geom: shapely.Geometry) -> shapely.Geometry:
    """A shapely geometry in lon/lat, transformed to EPSG:6677 metres.

    >>> geom_to_plane(shapely.Point(139.95, 36.05)).geom_type
    'Point'
    """
    return shapely.transform(geom, to_plane)


def area_km2(geom_lonlat: shapely.Geometry) -> float:
    """Area in km² of a lon/lat geometry, measured in the plane CRS.

    >>> round(area_km2(shapely.box(139.95, 36.05, 139.96, 36.06)), 2)
    1.0
    """
    return float(shapely.area(geom_to_plane(geom_lonlat))) / 1e6
