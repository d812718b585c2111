"""The explorer's figure: 町丁目 coloured by an indicator with one 地区 outlined, beside that
地区's population pyramid (the first year drawn as outlines for comparison).

>>> fig = static_view("七瀬台地区", "高齢化率", 2026)
>>> fig.axes[1].get_title()
'人口ピラミッド: 七瀬台地区（2026年4月1日）'
"""

from __future__ import annotations

from matplotlib import patheffects
from matplotlib.figure import Figure

from kit.explorer._data import (
    INDICATORS,
    WHOLE_CITY,
    check_choice,
    district_outlines,
    pyramid_rows,
    town_indicator,
    years,
)
from kit.geo import choropleth, to_plane
from kit.plot import pyramid

DEFAULT_DISTRICT = "中央地区"
DEFAULT_INDICATOR = "高齢化率"
OUTLINE = "#000000"
CARRIED_NOTE = (
    "※ 町丁目の名前や区域が変わる前の年は、当時の町丁目の値を今の区域に当てはめています。"
)


def static_view(
    district: str = DEFAULT_DISTRICT,
    indicator: str = DEFAULT_INDICATOR,
    year: int | None = None,
) -> Figure:
    """The explorer's figure for one choice, without widgets (for static pages and grading).

    Left: today's 町丁目 coloured by ``indicator`` of ``year`` in explicit classes, the chosen
    地区 outlined in black. Right: the 地区's population pyramid in ``year`` with the first
    year as outlines. ``district`` may be 「市全体」. ``year`` defaults to the latest. The
    figure is not registered with pyplot: show it by leaving it as a cell's last value.

    >>> static_view("市全体", "年少人口の割合", 2017)._suptitle.get_text()
    '市全体の年少人口の割合と人口ピラミッド（2017年4月1日）'
    """
    year = years()[-1] if year is None else int(year)
    check_choice(district, indicator, year)
    spec = INDICATORS[indicator]
    fig = Figure(figsize=(12.5, 6.0), layout="constrained")
    map_ax, pyramid_ax = fig.subplots(1, 2, width_ratios=[1.3, 1])
    towns = town_indicator(indicator, year)
    choropleth(
        towns,
        indicator,
        bins=spec.bins,
        labels=spec.labels,
        ax=map_ax,
        title=f"町丁目別の{indicator}（{year}年4月1日）",
        legend_title=f"{indicator}\n（{spec.meaning}）",
    )
    _outline(map_ax, district)
    first = years()[0]
    pyramid(
        pyramid_rows(district),
        area=district,
        compare=first if year != first else None,
        year=year,
        area_col="地域",
        ax=pyramid_ax,
        title=f"人口ピラミッド: {district}（{year}年4月1日）",
    )
    fig.suptitle(f"{district}の{indicator}と人口ピラミッド（{year}年4月1日）")
    if bool(towns["旧町丁目から"].any()):
        fig.text(0.01, 0.005, CARRIED_NOTE, fontsize=8, ha="left", va="bottom")
    return fig


def _outline(ax: object, district: str) -> None:
    """Thin lines for every 地区, a thick one and a label for the chosen one."""
    outlines = to_plane(district_outlines())
    outlines.boundary.plot(ax=ax, color="#404040", linewidth=0.6, zorder=2)
    if district == WHOLE_CITY:
        return
    chosen = outlines[outlines["地区名"] == district]
    chosen.boundary.plot(ax=ax, color=OUTLINE, linewidth=2.8, zorder=3)
    point = chosen.geometry.iloc[0].representative_point()
    ax.text(  # type: ignore[attr-defined]
        point.x,
        point.y,
        district,
        ha="center",
        va="center",
        fontsize=10,
        path_effects=[patheffects.withStroke(linewidth=3, foreground="white")],
        zorder=4,
    )
