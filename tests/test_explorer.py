"""kit.explorer (the stage-3 map + pyramid explorer and its static view), and the stage-3
population part run on another municipality's published 地域・年齢別人口 file."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import matplotlib.pyplot as plt
import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient

import kit
import kit.explorer
from kit.errors import InputError

REPO = Path(__file__).resolve().parents[1]
ANALYSIS = REPO / "notebooks" / "source" / "stage3" / "analysis.ipynb"
FIXTURES = REPO / "tests" / "fixtures" / "own_city"
OLD = [f"{a}-{a + 4}歳の{s}" for a in range(65, 85, 5) for s in ("男性", "女性")] + [
    "85歳以上の男性",
    "85歳以上の女性",
]


@pytest.fixture(autouse=True)
def _japanese_fonts():
    kit.setup()
    yield
    plt.close("all")


def _titles(fig):
    return fig._suptitle.get_text(), [ax.get_title() for ax in fig.axes]


# --- static view ---------------------------------------------------------------------------


def test_static_view_titles_name_the_choice():
    fig = kit.explorer.static_view("七瀬台地区", "高齢化率", 2026)
    suptitle, titles = _titles(fig)
    assert suptitle == "七瀬台地区の高齢化率と人口ピラミッド（2026年4月1日）"
    assert titles == [
        "町丁目別の高齢化率（2026年4月1日）",
        "人口ピラミッド: 七瀬台地区（2026年4月1日）",
    ]


def test_static_view_uses_the_indicator_classes_and_outlines_the_district():
    fig = kit.explorer.static_view("みなみ野地区", "年少人口の割合", 2020)
    map_ax, pyramid_ax = fig.axes
    legend = [t.get_text() for t in map_ax.get_legend().get_texts()]
    assert [label.split("（")[0] for label in legend] == list(
        kit.explorer.INDICATORS["年少人口の割合"].labels
    )
    assert (
        sum(int(label.split("（")[1].rstrip("）")) for label in legend) == 44
    )  # every 町丁目 coloured
    thick = [c for c in map_ax.collections if max(c.get_linewidths(), default=0) > 2]
    assert len(thick) == 1  # the chosen 地区's outline
    assert "みなみ野地区" in [t.get_text() for t in map_ax.texts]
    assert "2017年4月1日" in " ".join(t.get_text() for t in pyramid_ax.get_legend().get_texts())


def test_static_view_pyramid_adds_up_to_the_districts_population():
    fig = kit.explorer.static_view("奥七瀬地区", "後期高齢者の割合", 2017)
    pyramid_ax = fig.axes[1]
    pop = kit.load("population")
    want = pop[(pop["地区名"] == "奥七瀬地区") & (pop["調査年月日"].dt.year == 2017)][
        "総人口"
    ].sum()
    assert sum(abs(bar.get_width()) for bar in pyramid_ax.patches if bar.get_fill()) == want
    assert (
        not pyramid_ax.get_legend().get_texts()[-1].get_text().endswith("（枠線）")
    )  # no comparison in the first year


def test_static_view_for_the_whole_city_and_the_default_year():
    suptitle, titles = _titles(kit.explorer.static_view("市全体"))
    assert suptitle == "市全体の高齢化率と人口ピラミッド（2026年4月1日）"
    assert titles[1] == "人口ピラミッド: 市全体（2026年4月1日）"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("北地区", "高齢化率", 2026), "地区「北地区」はありません"),
        (("中央地区", "人口", 2026), "指標「人口」はありません"),
        (("中央地区", "高齢化率", 2010), "2010年のデータはありません"),
    ],
)
def test_static_view_explains_a_choice_that_does_not_exist(args, fragment):
    with pytest.raises(InputError, match=fragment):
        kit.explorer.static_view(*args)


# --- indicators on today's map --------------------------------------------------------------


def test_town_indicator_matches_a_hand_computation():
    gdf = kit.explorer.town_indicator("高齢化率", 2026)
    pop = kit.load("population")
    pop = pop[pop["調査年月日"].dt.year == 2026]
    want = (pop[OLD].sum(axis=1) / pop["総人口"]).set_axis(pop["地域コード"])
    got = gdf.set_index("町丁目コード")["高齢化率"]
    assert got.sort_index().to_numpy() == pytest.approx(want.sort_index().to_numpy())
    assert not gdf["旧町丁目から"].any()


def test_town_indicator_puts_older_years_on_todays_towns():
    gdf = kit.explorer.town_indicator("高齢化率", 2017).set_index("町丁目名")
    pop = kit.load("population")
    pop = pop[pop["調査年月日"].dt.year == 2017].set_index("地域名")
    merged = pop.loc[["大字上杉沢", "大字下杉沢"]]
    assert gdf.loc["大字杉沢", "高齢化率"] == pytest.approx(
        merged[OLD].sum().sum() / merged["総人口"].sum()
    )
    split = pop.loc["大字南野"]
    share = split[OLD].sum() / split["総人口"]
    assert gdf.loc["みなみ野四丁目", "高齢化率"] == pytest.approx(share)
    assert gdf.loc["みなみ野五丁目", "高齢化率"] == pytest.approx(share)
    assert gdf.loc["中央五丁目", "高齢化率"] == pytest.approx(
        pop.loc["新田町", OLD].sum() / pop.loc["新田町", "総人口"]
    )
    assert set(gdf.index[gdf["旧町丁目から"]]) == {
        "大字杉沢",
        "みなみ野四丁目",
        "みなみ野五丁目",
        "中央五丁目",
    }
    assert gdf["高齢化率"].notna().all()


# --- the widget -----------------------------------------------------------------------------


def _image(box):
    (output,) = box.children[1].outputs
    return output["data"]


def test_explore_builds_three_dropdowns_and_a_figure():
    box = kit.explorer.explore("七瀬台地区")
    district, indicator, year = box.children[0].children
    assert [d.description for d in (district, indicator, year)] == ["地区", "指標", "年"]
    assert district.options[0] == "市全体" and len(district.options) == 9
    assert list(indicator.options) == list(kit.explorer.INDICATORS)
    assert year.value == 2026 and year.label == "2026年（令和8年）"
    data = _image(box)
    assert base64.b64decode(data["image/png"]).startswith(b"\x89PNG")
    assert data["text/plain"] == "七瀬台地区の高齢化率と人口ピラミッド（2026年4月1日）"


@pytest.mark.parametrize(
    ("picker", "value", "title"),
    [
        (0, "みなみ野地区", "みなみ野地区の高齢化率と人口ピラミッド（2026年4月1日）"),
        (1, "年少人口の割合", "中央地区の年少人口の割合と人口ピラミッド（2026年4月1日）"),
        (2, 2019, "中央地区の高齢化率と人口ピラミッド（2019年4月1日）"),
    ],
)
def test_changing_a_dropdown_redraws_the_figure(picker, value, title):
    box = kit.explorer.explore()
    before = _image(box)
    box.children[0].children[picker].value = value
    after = _image(box)
    assert after["text/plain"] == title
    assert after["image/png"] != before["image/png"]


def test_year_labels_cross_the_era_change():
    assert kit.explorer.year_label(2019) == "2019年（平成31年）"
    assert kit.explorer.year_label(2020) == "2020年（令和2年）"


# --- the stage-3 population part on another municipality's file ------------------------------


def _fixture_expectations(path: Path, encoding: str) -> tuple[int, dict[str, float]]:
    """Pyramid total and 高齢化率 per area computed straight from the CSV with pandas."""
    raw = pd.read_csv(path, encoding=encoding, dtype=str)
    raw = raw[raw["地域名"] != "合計"]
    bands = [c for c in raw.columns if re.match(r"^\d+(-\d+)?歳(以上)?の(男性|女性)$", c)]
    counts = raw[bands].astype(int)
    older = [c for c in bands if int(re.match(r"\d+", c).group()) >= 65]
    rates = dict(zip(raw["地域名"], counts[older].sum(axis=1) / counts.sum(axis=1), strict=True))
    return int(counts.to_numpy().sum()), rates


CHECK = """
import json
print("__RESULT__" + json.dumps({
    "pyramid": float(sum(abs(p.get_width()) for p in my_pyramid.patches)),
    "title": my_pyramid.get_title(),
    "rates": {str(k): float(v) for k, v in my_rate["高齢化率"].items()},
}, ensure_ascii=False))
"""


def _run_population_part(city_file: Path) -> dict:
    source = nbformat.read(ANALYSIS, as_version=4)
    setup = [c for c in source.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "setup"]
    part = [c for c in source.cells if "own_city" in c.metadata.get("tags", [])]
    assert len(setup) == 1 and len(part) >= 4
    named = [c for c in part if re.search(r"^MY_CITY_FILE = None", c.source, re.M)]
    assert len(named) == 1, "one cell names the file"
    named[0].source = re.sub(
        r"^MY_CITY_FILE = None", f"MY_CITY_FILE = {str(city_file)!r}", named[0].source, flags=re.M
    )
    notebook = nbformat.v4.new_notebook(cells=[*setup, *part, nbformat.v4.new_code_cell(CHECK)])
    NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    errors = [
        o for c in notebook.cells for o in c.get("outputs", []) if o.get("output_type") == "error"
    ]
    assert errors == []
    printed = "".join(
        o.get("text", "") for o in notebook.cells[-1].outputs if o.get("name") == "stdout"
    )
    return json.loads(printed.split("__RESULT__", 1)[1])


@pytest.mark.parametrize(
    ("name", "encoding", "date"),
    [
        ("993417_population_20250401.csv", "cp932", "2025年4月1日"),  # old header, CP932, 合計 row
        (
            "993417_population_20260101.csv",
            "utf-8-sig",
            "2026年1月1日",
        ),  # current header, to 100歳以上
    ],
)
def test_population_part_runs_on_another_municipalitys_file(name, encoding, date):
    result = _run_population_part(FIXTURES / name)
    total, rates = _fixture_expectations(FIXTURES / name, encoding)
    assert result["pyramid"] == total
    assert date in result["title"]
    assert result["rates"].keys() == rates.keys()
    for area, rate in rates.items():
        assert result["rates"][area] == pytest.approx(rate)


@pytest.mark.parametrize(
    "module", ["kit.explorer._data", "kit.explorer._view", "kit.explorer._widget"]
)
def test_the_docstring_examples_hold(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
