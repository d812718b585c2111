"""Japanese text renders with IPAexGothic after kit.setup(): no "Glyph … missing" warning."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import geopandas as gpd
import matplotlib.pyplot as plt
import pandas as pd
import pytest
import seaborn as sns
import shapely
from matplotlib import font_manager

import kit

JAPANESE = "町丁目別の高齢化率〜（％）−２０２４年・男性／女性"
MISSING = re.compile(r"Glyph .* missing from", re.IGNORECASE)


@pytest.fixture(autouse=True)
def _japanese_figures():
    kit.setup()
    yield
    plt.close("all")


def render(fig: plt.Figure, path: Path) -> list[str]:
    """Save the figure and return every glyph-missing warning raised while drawing it."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(path, dpi=60)
    return [str(w.message) for w in caught if MISSING.search(str(w.message))]


def japanese_figure() -> plt.Figure:
    fig, ax = plt.subplots()
    ax.plot([-2, -1, 0, 1], [3, 1, 2, 4], label="高齢化率（％）")
    ax.set_title(JAPANESE)
    ax.set_xlabel("年齢階級（0〜4歳）")
    ax.set_ylabel("人口（人）")
    ax.set_xticks([-2, -1, 0, 1], ["−2", "0〜4歳", "５０％", "85歳以上"])
    ax.legend(title="凡例：地区名")
    return fig


def test_japanese_text_renders_without_missing_glyphs(tmp_path: Path) -> None:
    fig = japanese_figure()
    assert render(fig, tmp_path / "ja.png") == []
    assert (tmp_path / "ja.png").stat().st_size > 1000


def test_the_check_catches_a_missing_glyph(tmp_path: Path) -> None:
    fig, ax = plt.subplots()
    ax.set_title("\U0001f5fe")  # an emoji (map of Japan) that no bundled font has
    assert render(fig, tmp_path / "emoji.png")


def test_ipaexgothic_is_the_font_used_even_after_seaborn_theme(tmp_path: Path) -> None:
    with matplotlib.rc_context():
        sns.set_theme()
        fig = japanese_figure()
        assert render(fig, tmp_path / "ja.png") == []
        title = fig.axes[0].title
        path = font_manager.findfont(title.get_fontproperties())
        assert font_manager.get_font(path).family_name == "IPAexGothic"


def test_kit_charts_and_maps_render_cleanly(tmp_path: Path) -> None:
    pop = pd.DataFrame(
        {
            "地域名": ["中央一丁目"] * 4,
            "調査年月日": ["2024-04-01"] * 4,
            "年齢階級": ["0〜4歳", "0〜4歳", "85歳以上", "85歳以上"],
            "性別": ["男性", "女性"] * 2,
            "人口": [10, 12, 4, 9],
        }
    )
    figures = [kit.plot.pyramid(pop, "中央一丁目").figure]
    rates = pd.DataFrame({"年": [2020, 2021], "高齢化率": [28.0, 29.5]})
    figures.append(
        kit.plot.trend(rates, "年", "高齢化率", unit="％", title="高齢化率の推移").figure
    )
    counts = pd.DataFrame({"地区名": ["中央地区", "北部ニュータウン"], "保育所数": [3, 5]})
    figures.append(kit.plot.bar(counts, "地区名", "保育所数", unit="か所", values=True).figure)
    towns = gpd.GeoDataFrame(
        {"町丁目名": ["中央一丁目", "北町"], "高齢化率": [0.2, 0.6]},
        geometry=[shapely.box(0, 0, 800, 800), shapely.box(800, 0, 1600, 800)],
        crs=6677,
    )
    shelters = gpd.GeoDataFrame(geometry=[shapely.Point(400, 400)], crs=6677)
    ax = kit.geo.choropleth(
        towns,
        "高齢化率",
        points=shelters,
        point_label="避難場所",
        area_label="町丁目名",
        title="高齢化率",
    )
    figures.append(ax.figure)
    for i, fig in enumerate(figures):
        assert render(fig, tmp_path / f"{i}.png") == []
