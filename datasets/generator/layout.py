"""The city's shape in the local km frame: outline, 地区 and 町丁目 cells, the river and its flood zone.

Districts are Voronoi cells of fixed seeds inside an irregular outline; each district is cut into
its towns by a Voronoi diagram of random seeds inside it. ``warp`` bends every straight edge into a
gently winding line (a smooth one-to-one map, so the cells still tile the city).

>>> shapes = draw_layout(np.random.default_rng(1))
>>> len(shapes.blocks) == len(BLOCKS)
True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPoint, Point, Polygon

from .city import BLOCK_SHARE, BLOCKS, DISTRICTS, TOWNS

# Fixed harmonics of the outline radius: (k, amplitude, phase).
_OUTLINE_CENTRE = (-3.0, 0.3)
_OUTLINE_AXES = (10.4, 6.6)
_OUTLINE_WAVES = (
    (2, 0.06, 0.4), (3, 0.09, 1.9), (4, 0.05, 4.0), (5, 0.05, 0.7), (7, 0.035, 2.8),
    (11, 0.02, 1.3), (17, 0.012, 5.1), (23, 0.008, 0.2),
)  # fmt: skip

# The river, upstream (north-west, mountains) to downstream (south-east).
RIVER_KM = (
    (-14.5, 7.2),
    (-11.6, 5.6),
    (-9.4, 4.9),
    (-7.4, 3.0),
    (-5.6, 1.6),
    (-4.3, 0.2),
    (-2.8, -0.5),
    (-1.2, -1.0),
    (0.4, -1.2),
    (1.9, -1.5),
    (3.2, -2.3),
    (4.6, -3.5),
    (6.2, -4.6),
    (8.5, -5.8),
    (10.5, -7.4),
)
FLOOD_FROM_KM = -1.8  # the flood zone starts where the river leaves the hills (east of this)
# Depth classes: (label, buffer distance in km from the river).
FLOOD_CLASSES = (("3.0m以上5.0m未満", 0.28), ("0.5m以上3.0m未満", 0.75), ("0.5m未満", 1.15))

# Minimum spacing of town seeds per district (km): dense centre, sparse mountains.
_SEED_SPACING = {"01": 0.55, "02": 0.7, "03": 0.65, "04": 0.65, "05": 0.8, "06": 0.7,
                 "07": 1.6, "08": 2.4}  # fmt: skip


@dataclass
class Layout:
    """Polygons in the km frame, before warping and rounding."""

    outline: Polygon
    districts: dict[str, Polygon]
    blocks: dict[str, Polygon]
    river: LineString


def outline() -> Polygon:
    """The city boundary: an ellipse with a few fixed waves.

    >>> 150 < outline().area < 250
    True
    """
    theta = np.linspace(0.0, 2 * np.pi, 720, endpoint=False)
    radius = np.ones_like(theta)
    for k, amp, phase in _OUTLINE_WAVES:
        radius += amp * np.cos(k * theta + phase)
    x = _OUTLINE_CENTRE[0] + _OUTLINE_AXES[0] * radius * np.cos(theta)
    y = _OUTLINE_CENTRE[1] + _OUTLINE_AXES[1] * radius * np.sin(theta)
    return Polygon(np.column_stack([x, y]))


def _voronoi(seeds: np.ndarray, frame: Polygon) -> list[Polygon]:
    """Voronoi cells of ``seeds`` clipped to ``frame``, in the order of the seeds."""
    cells = shapely.voronoi_polygons(MultiPoint(seeds), extend_to=frame.buffer(5.0))
    by_seed: list[Polygon] = []
    for seed in seeds:
        point = Point(seed)
        cell = next(c for c in cells.geoms if c.contains(point))
        clipped = cell.intersection(frame)
        if clipped.geom_type != "Polygon":  # keep the part holding the seed
            clipped = next(p for p in clipped.geoms if p.buffer(1e-9).contains(point))
        by_seed.append(clipped)
    return by_seed


def _town_seeds(rng: np.random.Generator, area: Polygon, n: int, spacing: float) -> np.ndarray:
    """``n`` random points inside ``area``, at least ``spacing`` km apart (relaxed if needed)."""
    inner = area.buffer(-spacing / 3) if area.buffer(-spacing / 3).area > 0 else area
    minx, miny, maxx, maxy = inner.bounds
    points: list[tuple[float, float]] = []
    tries = 0
    while len(points) < n:
        tries += 1
        if tries % 400 == 0:
            spacing *= 0.9
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if not inner.contains(Point(x, y)):
            continue
        if all((x - px) ** 2 + (y - py) ** 2 >= spacing**2 for px, py in points):
            points.append((x, y))
    return np.array(points)


# Blocks that must touch: they were (or became) one town.
_TOGETHER = (("0011004", "0011005"), ("0025000", "0026000"))


def _assign_blocks(district: str, seeds: np.ndarray, cells: list[Polygon]) -> dict[str, Polygon]:
    """Give the district's blocks their cells: west→east, then swap so that pairs that were one
    town share a boundary."""
    keys = [k for t in TOWNS if t.district == district for k in t.block_keys]
    order = np.argsort(seeds[:, 0] + 0.35 * seeds[:, 1])
    assigned = {keys[rank]: cells[i] for rank, i in enumerate(order)}
    paired = {k for pair in _TOGETHER for k in pair}
    for a, b in _TOGETHER:
        if a not in assigned or assigned[a].intersection(assigned[b]).length > 0:
            continue
        swap = next(
            k
            for k in keys
            if k not in paired and assigned[a].intersection(assigned[k]).length > 0.2
        )
        assigned[b], assigned[swap] = assigned[swap], assigned[b]
    return assigned


def draw_layout(rng: np.random.Generator) -> Layout:
    """Outline, district and block polygons and the river, in the km frame.

    >>> layout = draw_layout(np.random.default_rng(1))
    >>> sorted(layout.districts)[:2]
    ['01', '02']
    """
    city = outline()
    seeds = np.array([s for d in DISTRICTS for s in d.seeds_km])
    owners = [d.code for d in DISTRICTS for _ in d.seeds_km]
    cells = _voronoi(seeds, city)
    districts = {
        d.code: shapely.union_all(
            [c for c, o in zip(cells, owners, strict=True) if o == d.code], grid_size=1e-5
        )
        for d in DISTRICTS
    }
    blocks: dict[str, Polygon] = {}
    for code, area in districts.items():
        n = sum(1 for t in TOWNS if t.district == code for _ in t.block_keys)
        town_seeds = _town_seeds(rng, area, n, _SEED_SPACING[code])
        blocks.update(_assign_blocks(code, town_seeds, _voronoi(town_seeds, area)))
    river = LineString(RIVER_KM)
    return Layout(city, districts, {k: blocks[k] for k in BLOCKS}, river)


def warp(xy: np.ndarray) -> np.ndarray:
    """Bend the km frame smoothly (a few hundred metres at most, one-to-one).

    >>> bool(np.abs(warp(np.zeros((1, 2)))).max() < 0.3)
    True
    """
    x, y = xy[:, 0], xy[:, 1]
    dx = 0.13 * np.sin(2.1 * y + 0.9 * x + 0.3) + 0.045 * np.sin(7.3 * y - 2.0 * x + 1.1)
    dy = 0.12 * np.sin(1.9 * x - 0.7 * y + 2.0) + 0.04 * np.sin(6.9 * x + 2.4 * y + 0.5)
    return np.column_stack([x + dx, y + dy])


def flood_zones(river: LineString, city: Polygon) -> list[tuple[str, Polygon]]:
    """Depth-class polygons along the lowland river (deepest first, no overlaps), in the km frame.

    >>> zones = flood_zones(LineString(RIVER_KM), outline())
    >>> [label for label, _ in zones][0]
    '3.0m以上5.0m未満'
    """
    lowland = shapely.box(FLOOD_FROM_KM, -20.0, 30.0, 20.0)
    reach = river.intersection(lowland)
    zones: list[tuple[str, Polygon]] = []
    inner = Polygon()
    for label, distance in FLOOD_CLASSES:
        outer = reach.buffer(distance, quad_segs=16).intersection(city)
        zones.append((label, outer.difference(inner)))
        inner = outer
    return zones


def block_share(block: str) -> float:
    """Share of its town's 2017 population living in a block (1 unless the town was merged).

    >>> block_share("0025000"), block_share("0001001")
    (0.55, 1.0)
    """
    return BLOCK_SHARE.get(block, 1.0)
