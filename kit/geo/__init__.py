"""Maps and distances for the analysis stage, fully offline (no tiles, nothing downloaded).

- ``boundaries``, ``points_from_latlon``: areas and facilities as GeoDataFrames.
- ``choropleth``: areas coloured by explicit classes (0〜25％ …), facilities as points,
  Japanese legend, north arrow and scale bar; ``classify`` gives the same classes as a column.
- ``nearest_distance`` / ``nearest_facility`` (metres), ``covered_share`` / ``coverage``
  (people within a radius), ``within`` (point-in-polygon join).
- ``plane_crs``: the JGD2011 plane rectangular zone used for every measurement.

>>> import kit
>>> kit.setup()
>>> towns = kit.geo.boundaries("町丁目")  # doctest: +SKIP
>>> kit.geo.choropleth(towns, "高齢化率", points=shelters, point_label="避難場所")  # doctest: +SKIP
"""

from __future__ import annotations

from kit.geo.choropleth import choropleth
from kit.geo.classes import class_labels, classify
from kit.geo.crs import plane_crs, to_plane
from kit.geo.decorations import north_arrow, scale_bar
from kit.geo.distance import coverage, covered_share, nearest_distance, nearest_facility
from kit.geo.join import within
from kit.geo.points import boundaries, points_from_latlon

__all__ = [
    "boundaries",
    "choropleth",
    "class_labels",
    "classify",
    "coverage",
    "covered_share",
    "nearest_distance",
    "nearest_facility",
    "north_arrow",
    "plane_crs",
    "points_from_latlon",
    "scale_bar",
    "to_plane",
    "within",
]
