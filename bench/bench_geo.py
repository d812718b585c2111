"""Geo benchmarks on synthetic points around the fictional city (36.05°N 139.95°E; no real data).

- Nearest-facility distance, 100,000 residents × 50 facilities, input in latitude/longitude
  (projection to the plane rectangular CRS included): target under 1 s.
- Population within 500 m of a facility, and the point-in-polygon join of the residents to a
  grid of 100 town polygons (for information).

>>> figures = run(n=5_000, repeat=1)  # doctest: +SKIP
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from bench._util import Figure, median_seconds, print_table
from kit.geo import coverage, nearest_distance, within

CENTRE = (139.95, 36.05)
N_RESIDENTS = 100_000
N_FACILITIES = 50


def random_points(n: int, seed: int, spread: float = 0.06) -> gpd.GeoDataFrame:
    """``n`` points within about ±6 km of the city centre, in EPSG:6668."""
    rng = np.random.default_rng(seed)
    lon = CENTRE[0] + rng.uniform(-spread, spread, n)
    lat = CENTRE[1] + rng.uniform(-spread, spread, n)
    return gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon, lat), crs=6668)


def town_grid(size: int = 10, spread: float = 0.06) -> gpd.GeoDataFrame:
    """A ``size`` × ``size`` grid of town polygons covering the points."""
    edges_x = np.linspace(CENTRE[0] - spread, CENTRE[0] + spread, size + 1)
    edges_y = np.linspace(CENTRE[1] - spread, CENTRE[1] + spread, size + 1)
    boxes, names = [], []
    for i in range(size):
        for j in range(size):
            boxes.append(shapely.box(edges_x[i], edges_y[j], edges_x[i + 1], edges_y[j + 1]))
            names.append(f"町{i}{j}")
    return gpd.GeoDataFrame({"町丁目名": names}, geometry=boxes, crs=6668)


def run(n: int = N_RESIDENTS, repeat: int = 5) -> list[Figure]:
    """Measure the figures; ``n`` residents, median of ``repeat`` runs."""
    residents = random_points(n, seed=1)
    facilities = random_points(N_FACILITIES, seed=2)
    towns = town_grid()
    distances = nearest_distance(residents, facilities)
    nearest_seconds = median_seconds(lambda: nearest_distance(residents, facilities), repeat=repeat)
    covered = coverage(residents, facilities, 500)
    coverage_seconds = median_seconds(lambda: coverage(residents, facilities, 500), repeat=repeat)
    joined = within(residents, towns)
    within_seconds = median_seconds(lambda: within(residents, towns), repeat=repeat)
    return [
        Figure(
            "nearest-facility distance",
            nearest_seconds,
            "s",
            target="< 1 s",
            met=nearest_seconds < 1,
            note=f"{n:,} residents × {N_FACILITIES} facilities; median {distances.median():,.0f} m",
        ),
        Figure(
            "population within 500 m",
            coverage_seconds,
            "s",
            note=f"{n:,} residents; {covered['割合']:.1%} covered",
        ),
        Figure(
            "point-in-polygon join (within)",
            within_seconds,
            "s",
            note=f"{n:,} points × {len(towns)} towns; {joined['町丁目名'].notna().mean():.1%} matched",
        ),
    ]


if __name__ == "__main__":
    print_table(run())
