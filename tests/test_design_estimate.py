"""kit.design effect estimates on known inputs, their sensitivity, and cost-effectiveness."""

from __future__ import annotations

import math

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kit
from kit.design import (
    assumptions_table,
    cost_effectiveness,
    draw_sensitivity,
    effect_estimate,
    estimate_range,
    sensitivity,
)
from kit.errors import InputError

mpl.use("Agg")
kit.setup()


# Waiting children placed: added places used, but never more than are waiting.
reduced = "min(定員 * 利用率, 待機児童)"


def reduced_function(places, uptake, waiting):
    return min(places * uptake, waiting)


BASE = {"定員": 60, "利用率": 0.8, "待機児童": 45}


def test_estimate_on_known_inputs():
    assert effect_estimate(reduced, BASE) == 45.0  # 48 places used, 45 waiting
    assert effect_estimate(reduced, {**BASE, "利用率": 0.5}) == 30.0
    assert effect_estimate(reduced, {**BASE, "メモ": 1}) == 45.0  # extra assumptions ignored


def test_estimate_names_missing_and_non_numeric_assumptions():
    with pytest.raises(InputError, match="仮定「待機児童」の値がありません"):
        effect_estimate(reduced, {"定員": 60, "利用率": 0.8})
    with pytest.raises(InputError, match="「利用率」の値 '80%' が数ではありません"):
        effect_estimate(reduced, {**BASE, "利用率": "80%"})
    with pytest.raises(InputError, match="関数を渡してください"):
        effect_estimate(42, BASE)
    assert effect_estimate(reduced_function, {"places": 60, "uptake": 0.8, "waiting": 45}) == 45.0
    with pytest.raises(InputError, match="計算の結果"):
        effect_estimate(lambda a: "多い", {"a": 1})


def test_sensitivity_varies_one_assumption_at_a_time():
    table = sensitivity(reduced, BASE, {"利用率": (0.5, 0.9), "定員": (40, 80)})
    assert table.columns.tolist() == [
        "仮定", "低い値", "基本値", "高い値", "結果_低", "結果_基本", "結果_高", "結果の幅",
    ]  # fmt: skip
    rows = table.set_index("仮定")
    assert rows.loc["利用率", ["結果_低", "結果_基本", "結果_高"]].tolist() == [30.0, 45.0, 45.0]
    assert rows.loc["定員", ["結果_低", "結果_高"]].tolist() == [32.0, 45.0]
    assert table["仮定"].tolist() == ["利用率", "定員"]  # widest first: 15 vs 13
    assert (table["結果_基本"] == 45.0).all()


def test_sensitivity_checks_its_ranges():
    with pytest.raises(InputError, match="「保育士」が仮定の辞書にありません"):
        sensitivity(reduced, BASE, {"保育士": (1, 2)})
    with pytest.raises(InputError, match="順になっていません"):
        sensitivity(reduced, BASE, {"利用率": (0.9, 0.5)})
    with pytest.raises(InputError, match="2 つで指定"):
        sensitivity(reduced, BASE, {"利用率": 0.5})


def test_range_covers_every_combination():
    spread = estimate_range(lambda a, b: a - b, {"a": 10, "b": 2}, {"a": (8, 12), "b": (1, 4)})
    assert spread.to_dict() == {"最小": 4.0, "基本": 8.0, "最大": 11.0}
    capped = estimate_range(reduced, BASE, {"利用率": (0.5, 0.9), "定員": (40, 80)})
    assert capped.tolist() == [20.0, 45.0, 45.0]


def test_cost_effectiveness_for_numbers_and_series():
    assert cost_effectiveness(3_000_000, 40) == 75_000.0
    with pytest.raises(InputError, match="効果が 0 です"):
        cost_effectiveness(3_000_000, 0)
    per = cost_effectiveness(pd.Series([100.0, 50.0, 30.0]), pd.Series([4, 0, -1]))
    assert per.iloc[0] == 25.0 and per.iloc[1:].isna().all()
    assert cost_effectiveness(100, pd.Series([2, 4], index=["a", "b"])).to_dict() == {
        "a": 50.0,
        "b": 25.0,
    }


def test_assumptions_table_states_values_ranges_and_sources():
    table = assumptions_table(
        BASE, {"利用率": (0.5, 0.9)}, {"利用率": "他市の新設園の実績"}, {"定員": "人"}
    )
    assert table.to_dict("records")[1] == {
        "仮定": "利用率", "基本値": 0.8, "単位": "", "幅": "0.5〜0.9", "根拠": "他市の新設園の実績",
    }  # fmt: skip
    assert table.loc[0, "単位"] == "人"


def test_tornado_chart_bars_span_low_to_high():
    table = sensitivity(reduced, BASE, {"利用率": (0.5, 0.9), "定員": (40, 80)})
    ax = draw_sensitivity(table, unit="人", result="減る待機児童")
    assert ax.get_xlabel() == "減る待機児童（人）"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["定員", "利用率"]  # widest on top
    spans = sorted(
        tuple(sorted((round(p.get_x(), 6), round(p.get_x() + p.get_width(), 6))))
        for p in ax.patches
    )
    # 利用率 0.5→30, 0.9→45; 定員 40→32, 80→45; every bar starts at the base result 45
    assert spans == [(30.0, 45.0), (32.0, 45.0), (45.0, 45.0), (45.0, 45.0)]
    assert ax.get_title(loc="left") == "仮定を動かしたときの減る待機児童（基本 45）"
    plt.close("all")


finite = st.floats(min_value=0.01, max_value=1e6, allow_nan=False)


@given(finite, finite, finite, finite)
def test_for_a_monotone_formula_the_base_lies_within_the_range(a, b, low_frac, high_frac):
    low = a * (low_frac / (low_frac + 1))  # below a
    high = a * (1 + high_frac)  # above a
    base = {"a": a, "b": b}
    table = sensitivity(lambda a, b: a * b, base, {"a": (low, high)})
    row = table.iloc[0]
    assert row["結果_低"] <= row["結果_基本"] <= row["結果_高"]
    spread = estimate_range(lambda a, b: a * b, base, {"a": (low, high), "b": (b / 2, b * 2)})
    assert spread["最小"] <= spread["基本"] <= spread["最大"]


@given(finite, finite)
def test_cost_effectiveness_times_effect_is_the_cost(cost, effect):
    assert math.isclose(cost_effectiveness(cost, effect) * effect, cost, rel_tol=1e-9)


def test_sliders_move_the_result_and_stay_within_the_ranges():
    from kit.design import estimate_sliders

    box = estimate_sliders(reduced, BASE, {"利用率": (0.5, 0.9), "定員": (40, 80)}, unit="人")
    uptake, places, shown = box.children
    assert (uptake.description, uptake.min, uptake.max, uptake.value) == ("利用率", 0.5, 0.9, 0.8)
    assert shown.value == "<b>試算の結果：45 人</b>"
    uptake.value = 0.5
    assert shown.value == "<b>試算の結果：30 人</b>"
    places.value = 40
    assert shown.value == "<b>試算の結果：20 人</b>"
