"""Effect estimates (効果の試算) with stated assumptions, their sensitivity, and cost-effectiveness.

An estimate is a small formula — text like an Excel formula (or a Python function) using the
names of the assumptions — and a dict of assumed values, like named cells in an Excel sheet.
Every assumption stays visible, and :func:`sensitivity` shows how much the result moves when
one assumption is lower or higher.

>>> effect_estimate("min(追加定員 * 利用率, 待機児童数)", {"追加定員": 60, "利用率": 0.8, "待機児童数": 40})
40.0
>>> sensitivity("min(追加定員 * 利用率, 待機児童数)", {"追加定員": 60, "利用率": 0.8, "待機児童数": 40},
...             {"利用率": (0.5, 0.9)})["結果_低"].tolist()
[30.0]
"""

from __future__ import annotations

import inspect
import itertools
import math
import numbers
import unicodedata
from collections.abc import Callable, Mapping

import pandas as pd

from kit.errors import InputError

Formula = Callable[..., float]
MAX_RANGED = 12  # corners explored by estimate_range: 2**12 evaluations at most


def effect_estimate(formula: Formula | str, assumptions: Mapping[str, float]) -> float:
    """The formula evaluated on the assumed values (extra assumptions are ignored).

    ``formula`` is text written like an Excel formula with the assumptions' names (see
    :mod:`kit.design.formula`), or a Python function whose parameters are those names.

    >>> effect_estimate("対象世帯 * 反応率", {"対象世帯": 120, "反応率": 0.3})
    36.0
    """
    formula = _as_function(formula)
    assumptions = _normalised(assumptions)
    names = _parameters(formula)
    missing = [n for n in names if n not in assumptions]
    if missing:
        raise InputError(
            f"仮定「{'」「'.join(missing)}」の値がありません。",
            action="仮定の辞書に、計算式で使うすべての名前と値を入れてください。",
        )
    values = {n: _number(n, assumptions[n]) for n in names}
    result = formula(**values)
    return _number("計算の結果", result)


def sensitivity(
    formula: Formula | str,
    assumptions: Mapping[str, float],
    ranges: Mapping[str, tuple[float, float]],
) -> pd.DataFrame:
    """Vary one assumption at a time from its low to its high value, the others at their base.

    One row per varied assumption, widest effect first (the order of a tornado chart):
    仮定, 低い値, 基本値, 高い値, 結果_低, 結果_基本, 結果_高, 結果の幅.

    >>> t = sensitivity(lambda a, b: a * b, {"a": 10, "b": 2}, {"a": (5, 20), "b": (1, 3)})
    >>> t[["仮定", "結果_低", "結果_高", "結果の幅"]].values.tolist()
    [['a', 10.0, 40.0, 30.0], ['b', 10.0, 30.0, 20.0]]
    """
    formula = _as_function(formula)
    base_result = effect_estimate(formula, assumptions)
    rows = []
    for name, (low, high) in _checked_ranges(assumptions, ranges).items():
        at_low = effect_estimate(formula, {**assumptions, name: low})
        at_high = effect_estimate(formula, {**assumptions, name: high})
        rows.append(
            {
                "仮定": name,
                "低い値": low,
                "基本値": float(assumptions[name]),
                "高い値": high,
                "結果_低": at_low,
                "結果_基本": base_result,
                "結果_高": at_high,
                "結果の幅": abs(at_high - at_low),
            }
        )
    table = pd.DataFrame(
        rows,
        columns=[
            "仮定",
            "低い値",
            "基本値",
            "高い値",
            "結果_低",
            "結果_基本",
            "結果_高",
            "結果の幅",
        ],
    )
    return table.sort_values("結果の幅", ascending=False, kind="stable").reset_index(drop=True)


def estimate_range(
    formula: Formula | str,
    assumptions: Mapping[str, float],
    ranges: Mapping[str, tuple[float, float]],
) -> pd.Series:
    """Smallest, base and largest result when all ranged assumptions move together.

    Every combination of low and high values is tried (at most 12 ranged assumptions), so
    the range holds whichever direction each assumption pushes the result.

    >>> estimate_range(lambda a, b: a - b, {"a": 10, "b": 2}, {"a": (8, 12), "b": (1, 4)}).tolist()
    [4.0, 8.0, 11.0]
    """
    formula = _as_function(formula)
    checked = _checked_ranges(assumptions, ranges)
    if len(checked) > MAX_RANGED:
        raise InputError(f"幅をもたせる仮定は {MAX_RANGED} 個までにしてください。")
    results = [
        effect_estimate(formula, {**assumptions, **dict(zip(checked, corner, strict=True))})
        for corner in itertools.product(*checked.values())
    ]
    base = effect_estimate(formula, assumptions)
    return pd.Series(
        [min(results), base, max(results)], index=["最小", "基本", "最大"], name="試算の幅"
    )


def cost_effectiveness(cost: float | pd.Series, effect: float | pd.Series) -> float | pd.Series:
    """Cost per unit of effect (e.g. 円 per household reached): ``cost / effect``.

    For single numbers, an effect of 0 or less is an error (the measure has no effect to
    pay for); for Series, those rows become missing (NaN).

    >>> cost_effectiveness(1_200_000, 40)
    30000.0
    >>> cost_effectiveness(pd.Series([100.0, 50.0]), pd.Series([4, 0])).tolist()
    [25.0, nan]
    """
    if isinstance(cost, pd.Series) or isinstance(effect, pd.Series):
        index = effect.index if isinstance(effect, pd.Series) else cost.index  # type: ignore[union-attr]
        effect_s = pd.to_numeric(pd.Series(effect, index=index)).astype("float64")
        cost_s = pd.to_numeric(pd.Series(cost, index=index)).astype("float64")
        return cost_s / effect_s.where(effect_s > 0)
    cost_v, effect_v = _number("費用", cost), _number("効果", effect)
    if effect_v <= 0:
        raise InputError(
            f"効果が {effect_v:g} です。効果が 0 以下では、費用対効果（効果 1 あたりの費用）を計算できません。",
            action="効果の試算と仮定を見直してください。",
        )
    return cost_v / effect_v


def assumptions_table(
    assumptions: Mapping[str, float],
    ranges: Mapping[str, tuple[float, float]] | None = None,
    notes: Mapping[str, str] | None = None,
    units: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """The stated assumptions as a table for the proposal: 仮定, 基本値, 単位, 幅, 根拠.

    >>> t = assumptions_table({"反応率": 0.3}, {"反応率": (0.2, 0.5)}, {"反応率": "他市の事例"})
    >>> t.columns.tolist(), t["幅"].tolist()
    (['仮定', '基本値', '単位', '幅', '根拠'], ['0.2〜0.5'])
    """
    ranges, notes, units = ranges or {}, notes or {}, units or {}
    rows = [
        [
            name,
            _number(name, value),
            units.get(name, ""),
            f"{ranges[name][0]:g}〜{ranges[name][1]:g}" if name in ranges else "",
            notes.get(name, ""),
        ]
        for name, value in assumptions.items()
    ]
    return pd.DataFrame(rows, columns=["仮定", "基本値", "単位", "幅", "根拠"])


def _as_function(formula: Formula | str) -> Formula:
    if isinstance(formula, str):
        from kit.design.formula import compile_formula

        return compile_formula(formula)
    return formula


def _normalised(assumptions: Mapping[str, float]) -> dict[str, float]:
    """Assumption names as Python reads identifiers (NFKC), so formulas find them."""
    if not isinstance(assumptions, Mapping):
        raise InputError("仮定は辞書（{名前: 値}）で渡してください。")
    return {unicodedata.normalize("NFKC", str(k)): v for k, v in assumptions.items()}


def _parameters(formula: Formula) -> list[str]:
    if not callable(formula):
        raise InputError(
            "計算式には関数を渡してください（def で作った関数や lambda）。",
            action="例: def 効果(対象世帯, 反応率): return 対象世帯 * 反応率",
        )
    params = inspect.signature(formula).parameters.values()
    return [p.name for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]


def _number(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InputError(f"「{name}」の値 {value!r} が数ではありません。")
    number = float(value)
    if math.isnan(number):
        raise InputError(f"「{name}」の値が欠損値（NaN）です。")
    return number


def _checked_ranges(
    assumptions: Mapping[str, float], ranges: Mapping[str, tuple[float, float]]
) -> dict[str, tuple[float, float]]:
    checked = {}
    for name, bounds in ranges.items():
        if name not in assumptions:
            raise InputError(
                f"幅をもたせる仮定「{name}」が仮定の辞書にありません。",
                action="仮定の名前の書き方を確認してください。",
            )
        if not isinstance(bounds, tuple | list) or len(bounds) != 2:
            raise InputError(f"仮定「{name}」の幅は (低い値, 高い値) の 2 つで指定してください。")
        low, high = _number(name, bounds[0]), _number(name, bounds[1])
        if low > high:
            raise InputError(f"仮定「{name}」の幅が (低い値, 高い値) の順になっていません。")
        checked[name] = (low, high)
    return checked
