"""Choropleth maps as in the Data Academy sessions: areas coloured by explicit classes of a rate,
facilities as points, Japanese legend and labels, a north arrow and a scale bar. Fully offline.

>>> import kit
>>> kit.setup()
>>> ax = kit.geo.choropleth(towns, "高齢化率", points=shelters, point_label="避難場所")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from kit.errors import InputError
from kit.geo.classes import DEFAULT_BINS, classify
from kit.geo.crs import require_crs, to_plane
from kit.geo.decorations import north_arrow, scale_bar
from kit.geo.points import points_from_latlon
from kit.plot._common import new_axes
from kit.style import PALETTE

MISSING_LABEL = "データなし"
MISSING_COLOUR = "#D9D9D9"
POINT_COLOUR = PALETTE[5]


def class_colours(n: int, cmap: str = "YlGnBu") -> list[tuple[float, float, float, float]]:
    """``n`` colours from light to dark of a colour-blind-safe sequential colormap.

    >>> len(class_colours(4))
    4
    """
    colormap = mpl.colormaps[cmap]
    return [tuple(c) for c in colormap(np.linspace(0.15, 0.9, n))]


def choropleth(
    gdf: gpd.GeoDataFrame,
    column: str,
    bins: Sequence[float] = DEFAULT_BINS,
    labels: Sequence[str] | None = None,
    *,
    points: gpd.GeoDataFrame | pd.DataFrame | None = None,
    point_label: str = "施設",
    area_label: str | None = None,
    title: str | None = None,
    legend_title: str | None = None,
    ax: Axes | None = None,
    percent: bool = True,
    counts: bool = True,
    cmap: str = "YlGnBu",
) -> Axes:
    """Colour each area by the class of ``column``, with every class in the legend.

    ``bins`` are the class boundaries (shares 0–1 when ``percent``, shown as 「0〜25％」…);
    ``labels`` replace the automatic class names. The legend lists every class, even empty
    ones, with the number of areas in each when ``counts``. ``points`` (a GeoDataFrame, or a
    table with 緯度/経度) are drawn as markers named ``point_label``; ``area_label`` names a
    column to write on each area. The map is drawn in the plane rectangular CRS, so the scale
    bar is in true metres. Returns the Axes; nothing is shown or saved.

    >>> import shapely
    >>> areas = gpd.GeoDataFrame({"率": [0.1, 0.6]}, geometry=[shapely.box(0, 0, 1000, 1000), shapely.box(1000, 0, 2000, 1000)], crs=6677)
    >>> ax = choropleth(areas, "率")
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['0〜25％（1）', '25〜50％（0）', '50〜75％（1）', '75〜100％（0）']
    """
    if not isinstance(gdf, gpd.GeoDataFrame):
        raise InputError(
            "区域の地図データ（GeoDataFrame）を渡してください。",
            action="kit.geo.boundaries() で読み込めます。",
        )
    if column not in gdf.columns:
        raise InputError(f"列「{column}」が地図データにありません。", column=column)
    require_crs(gdf)
    classes = classify(gdf[column], bins, labels, percent)
    names = list(classes.cat.categories)
    colours = class_colours(len(names), cmap)
    plane = to_plane(gdf)
    _, ax = new_axes(ax, figsize=(7.0, 6.0))
    handles: list[Patch | Line2D] = []
    for name, colour in zip(names, colours, strict=True):
        chosen = (classes == name).to_numpy()
        if chosen.any():
            plane[chosen].plot(ax=ax, color=colour, edgecolor="white", linewidth=0.6)
        handles.append(_patch(colour, name, int(chosen.sum()), counts))
    missing = classes.isna().to_numpy()
    if missing.any():
        plane[missing].plot(
            ax=ax, color=MISSING_COLOUR, edgecolor="white", linewidth=0.6, hatch="///"
        )
        handles.append(_patch(MISSING_COLOUR, MISSING_LABEL, int(missing.sum()), counts))
    if area_label is not None:
        _label_areas(ax, plane, area_label)
    if points is not None:
        handles.append(_draw_points(ax, points, plane.crs, point_label))
    ax.set_aspect("equal")
    ax.margins(0.06)
    ax.autoscale_view()
    ax.set_axis_off()
    ax.legend(
        handles=handles,
        title=legend_title or str(column),
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        frameon=False,
    )
    if title:
        ax.set_title(title)
    north_arrow(ax)
    scale_bar(ax)
    return ax


def _patch(colour: object, name: str, n: int, counts: bool) -> Patch:
    label = f"{name}（{n}）" if counts else name
    return Patch(facecolor=colour, edgecolor="#808080", linewidth=0.5, label=label)


def _label_areas(ax: Axes, plane: gpd.GeoDataFrame, column: str) -> None:
    if column not in plane.columns:
        raise InputError(f"ラベルにする列「{column}」が地図データにありません。", column=column)
    halo = [patheffects.withStroke(linewidth=2.5, foreground="white")]
    for point, text in zip(plane.geometry.representative_point(), plane[column], strict=True):
        if point is None or point.is_empty or pd.isna(text):
            continue
        ax.text(
            point.x,
            point.y,
            str(text),
            ha="center",
            va="center",
            fontsize=7,
            path_effects=halo,
            zorder=3,
        )


def _draw_points(ax: Axes, points: object, crs: object, label: str) -> Line2D:
    if isinstance(points, pd.DataFrame) and not isinstance(points, gpd.GeoDataFrame):
        points = points_from_latlon(points)
    if not isinstance(points, gpd.GeoDataFrame | gpd.GeoSeries):
        raise InputError(
            "points には施設の地図データ（GeoDataFrame）か、緯度・経度の列をもつ表を渡してください。"
        )
    require_crs(points)
    geometry = points.geometry.to_crs(crs)
    geometry = geometry[~(geometry.isna() | geometry.is_empty)].representative_point()
    style = {
        "marker": "^",
        "color": POINT_COLOUR,
        "markeredgecolor": "black",
        "markeredgewidth": 0.6,
    }
    ax.plot(geometry.x, geometry.y, linestyle="none", markersize=8, zorder=4, **style)
    return Line2D([], [], linestyle="none", markersize=8, label=label, **style)
