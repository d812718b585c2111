"""Final boundaries in JGD2011 lon/lat: one shared, rounded linework, so that cells tile exactly.

All cell edges are collected once, bent by ``layout.warp``, projected to lon/lat, snapped to a
1e-6° grid and polygonized. Neighbouring towns therefore share identical vertices: no gaps or
overlaps survive rounding.

>>> geo = build_boundaries(draw_layout(np.random.default_rng(1)))
>>> sorted(geo.districts) == sorted(d.code for d in DISTRICTS)
True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Polygon

from .city import BLOCK_TOWN, DISTRICTS, TOWN_BY_CODE, TOWNS
from .layout import Layout, draw_layout, flood_zones, warp
from .projection import GRID_DEG, to_lonlat

SEGMENT_KM = 0.07  # vertex spacing before warping


@dataclass
class Boundaries:
    """Lon/lat polygons of blocks, towns, districts, the city, and the river and flood zone."""

    blocks: dict[str, Polygon]
    towns: dict[str, Polygon]
    districts: dict[str, Polygon]
    city: Polygon
    river: LineString
    flood: list[tuple[str, Polygon | MultiPolygon]]


def _to_final(geom: shapely.Geometry) -> shapely.Geometry:
    """km frame → warped → lon/lat (not yet rounded)."""
    bent = shapely.transform(shapely.segmentize(geom, SEGMENT_KM), warp)
    return shapely.transform(bent, to_lonlat)


def _faces(layout: Layout) -> list[Polygon]:
    edges = shapely.union_all([shapely.boundary(p) for p in layout.blocks.values()], grid_size=1e-5)
    lines = shapely.union_all(shapely.get_parts(_to_final(edges)), grid_size=GRID_DEG)
    return list(shapely.get_parts(shapely.polygonize(shapely.get_parts(lines))))


def _assign(layout: Layout, faces: list[Polygon]) -> dict[str, Polygon]:
    """Each face goes to the block whose (warped) interior point it contains."""
    tree = shapely.STRtree(faces)
    owner: dict[int, str] = {}
    for key, cell in layout.blocks.items():
        inside = _to_final(shapely.point_on_surface(cell))
        hits = list(tree.query(inside, predicate="within"))
        if len(hits) != 1:
            raise RuntimeError(f"block {key}: {len(hits)} faces")
        owner[int(hits[0])] = key
    if len(owner) != len(faces):
        raise RuntimeError(f"{len(faces) - len(owner)} faces belong to no block")
    return {key: shapely.normalize(faces[i]) for i, key in owner.items()}


def _dissolve(parts: list[Polygon]) -> Polygon:
    merged = shapely.union_all(parts, grid_size=GRID_DEG)
    if merged.geom_type != "Polygon":
        raise RuntimeError(f"dissolved area is a {merged.geom_type}")
    return shapely.normalize(merged)


def _polygonal(geom: shapely.Geometry) -> Polygon | MultiPolygon:
    """Only the areal parts of an overlay result (drops stray lines and points)."""
    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and p.area > 0]
    merged = shapely.union_all(parts, grid_size=GRID_DEG)
    return shapely.normalize(merged)


def build_boundaries(layout: Layout) -> Boundaries:
    """Rounded lon/lat polygons for every level, and the river and flood zones clipped to the city.

    >>> geo = build_boundaries(draw_layout(np.random.default_rng(1)))
    >>> bool(geo.city.is_valid) and len(geo.towns) == 44
    True
    """
    blocks = _assign(layout, _faces(layout))
    towns = {
        t.code: _dissolve([blocks[k] for k in t.block_keys]) if len(t.block_keys) > 1
        else blocks[t.code]
        for t in TOWNS
    }  # fmt: skip
    districts = {
        d.code: _dissolve([towns[c] for c in towns if TOWN_BY_CODE[c].district == d.code])
        for d in DISTRICTS
    }
    city = _dissolve(list(districts.values()))
    river = shapely.set_precision(_to_final(layout.river), GRID_DEG)
    flood = [
        (
            label,
            _polygonal(shapely.make_valid(_to_final(zone)).intersection(city, grid_size=GRID_DEG)),
        )
        for label, zone in flood_zones(layout.river, layout.outline)
    ]
    assert set(BLOCK_TOWN) == set(blocks)
    return Boundaries(blocks, towns, districts, city, river, flood)


def city_boundaries(rng: np.random.Generator) -> Boundaries:
    """Draw the layout with ``rng`` and build its final boundaries.

    >>> geo = city_boundaries(np.random.default_rng(1))
    >>> geo.city.is_valid
    True
    """
    return build_boundaries(draw_layout(rng))
