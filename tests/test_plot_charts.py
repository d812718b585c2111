"""Population pyramid, trend and bar charts: drawn values, order, labels and palette."""

from __future__ import annotations

import doctest
import importlib
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_hex

import kit
from kit.plot import PALETTE, bar, pyramid, trend
from kit.plot._common import FONT_REMINDER, new_axes

AGES = ["0〜4歳", "5〜9歳", "10〜14歳", "85歳以上"]


@pytest.fixture(autouse=True)
def _japanese_figures():
    kit.setup()
    yield
    plt.close("all")


def long_population() -> pd.DataFrame:
    rows = []
    counts = {
        ("中央一丁目", "2015-04-01"): [10, 20, 30, 5],
        ("中央一丁目", "2024-04-01"): [8, 16, 24, 15],
        ("北町", "2024-04-01"): [40, 40, 40, 80],
    }
    for (area, date), values in counts.items():
        for age, n in zip(AGES, values, strict=True):
            rows.append((area, date, age, "男性", n))
            rows.append((area, date, age, "女性", n + 1))
        rows.append((area, date, "年齢不詳", "男性", 99))
        rows.append((area, date, "0〜4歳", "計", 999))
    frame = pd.DataFrame(rows, columns=["地域名", "調査年月日", "年齢階級", "性別", "人口"])
    return frame.sample(frac=1, random_state=0)  # order of rows must not matter


def widths(container) -> list[float]:
    return [float(bar.get_width()) for bar in container]


def test_pyramid_values_order_and_latest_date() -> None:
    ax = pyramid(long_population(), "中央一丁目")
    assert [t.get_text() for t in ax.get_yticklabels()] == AGES
    assert widths(ax.containers[0]) == [-8.0, -16.0, -24.0, -15.0]
    assert widths(ax.containers[1]) == [9.0, 17.0, 25.0, 16.0]
    assert len(ax.containers) == 2
    assert ax.get_title() == "人口ピラミッド: 中央一丁目（2024年4月1日）"
    assert ax.get_xlabel() == "人口（人）" and ax.get_ylabel() == "年齢階級"
    assert to_hex(ax.containers[0][0].get_facecolor()) == PALETTE[0].lower()
    assert to_hex(ax.containers[1][0].get_facecolor()) == PALETTE[5].lower()
    assert ax.get_xticklabels() and all("-" not in t.get_text() for t in ax.get_xticklabels())


def test_pyramid_compared_with_another_year() -> None:
    ax = pyramid(long_population(), "中央一丁目", compare=2015)
    assert widths(ax.containers[2]) == [-10.0, -20.0, -30.0, -5.0]
    assert widths(ax.containers[3]) == [11.0, 21.0, 31.0, 6.0]
    assert not ax.containers[2][0].get_fill()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["男性", "女性", "中央一丁目（2015年4月1日）（枠線）"]


def test_pyramid_year_selects_the_main_date() -> None:
    ax = pyramid(long_population(), "中央一丁目", year=2015)
    assert widths(ax.containers[0]) == [-10.0, -20.0, -30.0, -5.0]
    ax = pyramid(long_population(), "中央一丁目", year="2015-04-01")
    assert widths(ax.containers[0]) == [-10.0, -20.0, -30.0, -5.0]


def test_pyramid_compared_with_another_area_in_percent() -> None:
    ax = pyramid(long_population(), "中央一丁目", compare="北町")
    main = [-w for w in widths(ax.containers[0])] + widths(ax.containers[1])
    other = [-w for w in widths(ax.containers[2])] + widths(ax.containers[3])
    assert sum(main) == pytest.approx(100) and sum(other) == pytest.approx(100)
    assert other[3] == pytest.approx(80 / 404 * 100)
    assert ax.get_xlabel() == "構成比（％）"
    counts = pyramid(long_population(), "中央一丁目", compare="北町", percent=False)
    assert widths(counts.containers[2])[0] == -40.0


def test_pyramid_whole_city_adds_areas() -> None:
    ax = pyramid(long_population())
    assert widths(ax.containers[0]) == [-48.0, -56.0, -64.0, -95.0]
    assert ax.get_title() == "人口ピラミッド: 全体（2024年4月1日）"


def test_pyramid_accepts_other_column_names_years_and_categories() -> None:
    pop = long_population().rename(columns={"人口": "人数", "調査年月日": "年"})
    pop["年"] = pd.to_datetime(pop["年"]).dt.year
    pop["年齢階級"] = pd.Categorical(pop["年齢階級"], categories=[*AGES, "年齢不詳"], ordered=True)
    ax = pyramid(pop, "北町", year_col="年", count_col="人数")
    assert [t.get_text() for t in ax.get_yticklabels()] == AGES
    assert ax.get_title() == "人口ピラミッド: 北町（2024年）"


def test_pyramid_errors() -> None:
    pop = long_population()
    with pytest.raises(kit.InputError, match="南町") as info:
        pyramid(pop, "南町")
    assert "中央一丁目" in str(info.value)
    with pytest.raises(kit.InputError, match="2030"):
        pyramid(pop, "中央一丁目", compare=2030)
    with pytest.raises(kit.InputError, match="人口"):
        pyramid(pop.drop(columns="人口"))
    with pytest.raises(kit.InputError, match="male="):
        pyramid(pop.assign(性別="M"))


def test_trend_lines_follow_hue_order_in_palette_colours() -> None:
    df = pd.DataFrame(
        {
            "年": [2022, 2020, 2021, 2020, 2021, 2022],
            "高齢化率": [30.0, 28.0, 29.0, 20.0, 21.5, 23.0],
            "地区名": ["中央地区", "中央地区", "中央地区", "東部地区", "東部地区", "東部地区"],
        }
    )
    ax = trend(df, "年", "高齢化率", hue="地区名", unit="％", title="高齢化率の推移")
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["中央地区", "東部地区"]
    assert lines[0].get_xdata().tolist() == [2020, 2021, 2022]
    assert lines[0].get_ydata().tolist() == [28.0, 29.0, 30.0]
    assert [to_hex(line.get_color()) for line in lines] == [c.lower() for c in PALETTE[:2]]
    assert ax.get_ylabel() == "高齢化率（％）" and ax.get_xlabel() == "年"
    assert ax.get_title() == "高齢化率の推移"
    assert ax.get_legend().get_title().get_text() == "地区名"


def test_trend_single_line_and_errors() -> None:
    df = pd.DataFrame({"年": [2020, 2021], "人口": [12000, 11800]})
    ax = trend(df, "年", "人口", ylabel="総人口（人）")
    assert ax.get_ylabel() == "総人口（人）" and ax.get_legend() is None
    ax.figure.canvas.draw()
    assert any("," in t.get_text() for t in ax.get_yticklabels())
    with pytest.raises(kit.InputError, match="数値"):
        trend(df.assign(人口=["1,200", "1,100"]), "年", "人口")
    with pytest.raises(kit.InputError, match="地区"):
        trend(df, "年", "人口", hue="地区")


def test_bar_values_sorting_highlight_and_orientation() -> None:
    df = pd.DataFrame({"地区名": ["中央", "北部", "南部"], "保育所数": [5, 8, 2]})
    ax = bar(df, "地区名", "保育所数", unit="か所", sort=True, highlight="南部", values=True)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["北部", "中央", "南部"]
    assert [float(p.get_height()) for p in ax.patches] == [8.0, 5.0, 2.0]
    assert [to_hex(p.get_facecolor()) for p in ax.patches] == [
        "#bbbbbb",
        "#bbbbbb",
        PALETTE[5].lower(),
    ]
    assert ax.get_ylabel() == "保育所数（か所）"
    assert [t.get_text() for t in ax.texts] == ["8", "5", "2"]
    long_names = df.assign(地区名=["中央地区", "北部ニュータウン", "南部地区"])
    ax = bar(long_names, "地区名", "保育所数")
    assert [float(p.get_width()) for p in ax.patches] == [5.0, 8.0, 2.0]
    assert ax.get_xlabel() == "保育所数" and ax.get_ylabel() == "地区名"
    assert ax.yaxis_inverted()


def test_bar_grouped_by_hue() -> None:
    df = pd.DataFrame(
        {
            "地区名": ["中央", "中央", "北部", "北部"],
            "年": [2015, 2024] * 2,
            "人口": [5000, 4500, 3000, 3600],
        }
    )
    ax = bar(df, "地区名", "人口", hue="年", unit="人")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["2015", "2024"]
    assert [float(p.get_height()) for p in ax.containers[0]] == [5000.0, 3000.0]
    assert [float(p.get_height()) for p in ax.containers[1]] == [4500.0, 3600.0]
    assert to_hex(ax.containers[1][0].get_facecolor()) == PALETTE[1].lower()


def test_bar_refuses_duplicate_rows() -> None:
    df = pd.DataFrame({"地区名": ["中央", "中央"], "人口": [1, 2]})
    with pytest.raises(kit.InputError, match="groupby"):
        bar(df, "地区名", "人口")


def test_reminder_when_setup_was_not_run() -> None:
    with (
        mpl.rc_context({"font.family": ["DejaVu Sans"]}),
        warnings.catch_warnings(record=True) as caught,
    ):
        warnings.simplefilter("always")
        new_axes(None)
    assert [str(w.message) for w in caught] == [FONT_REMINDER]


def test_docstring_examples() -> None:
    for name in ("kit.plot.pyramid", "kit.plot.charts", "kit.plot._common"):
        assert doctest.testmod(importlib.import_module(name)).failed == 0
