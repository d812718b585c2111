"""Explicit legend classes for maps: the 0–25 / 25–50 / 50–75 / 75–100 % of the analysis plan.

Each class includes its lower bound and excludes its upper bound, except the last, which
includes both (so 100 % falls in 75〜100％).

>>> classify(pd.Series([0.1, 0.25, 1.0]), bins=[0, 0.25, 0.5, 0.75, 1]).astype(str).tolist()
['0〜25％', '25〜50％', '75〜100％']
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from kit.errors import InputError

DEFAULT_BINS = (0, 0.25, 0.5, 0.75, 1)


def class_labels(bins: Sequence[float], percent: bool = True) -> list[str]:
    """Japanese labels for the classes between consecutive bins, e.g. 「25〜50％」.

    With ``percent`` the bins are shares (0–1) shown as percentages.

    >>> class_labels([0, 1, 2, 5], percent=False)
    ['0〜1', '1〜2', '2〜5']
    >>> class_labels([0, 0.5, 1])
    ['0〜50％', '50〜100％']
    """
    edges = _check_bins(bins)
    if percent:
        return [
            f"{_number(lo * 100)}〜{_number(hi * 100)}％"
            for lo, hi in zip(edges, edges[1:], strict=False)
        ]
    return [f"{_number(lo)}〜{_number(hi)}" for lo, hi in zip(edges, edges[1:], strict=False)]


def classify(
    values: pd.Series,
    bins: Sequence[float] = DEFAULT_BINS,
    labels: Sequence[str] | None = None,
    percent: bool = True,
) -> pd.Series:
    """Put each value in its class: an ordered categorical with every class, even empty ones.

    Missing values stay missing. A value outside the bins raises InputError (with a hint when
    percentages 0–100 were given for shares 0–1).

    >>> classify(pd.Series([3, 7]), bins=[0, 5, 10], labels=["少ない", "多い"]).tolist()
    ['少ない', '多い']
    """
    if not isinstance(values, pd.Series):
        raise InputError("区分する値には pandas の Series（表の 1 列）を渡してください。")
    edges = _check_bins(bins)
    names = list(labels) if labels is not None else class_labels(edges, percent)
    if len(names) != len(edges) - 1:
        raise InputError(
            f"凡例のラベルが {len(names)} 個ありますが、区分は {len(edges) - 1} 個です。",
            action="labels の数を「区切りの数 − 1」にしてください。",
        )
    numbers = pd.to_numeric(values, errors="coerce").astype("float64")
    if (numbers.isna() & values.notna()).any():
        raise InputError(f"列「{values.name}」に数値でない値があります。", column=values.name)
    array = numbers.to_numpy()
    outside = ~np.isnan(array) & ((array < edges[0]) | (array > edges[-1]))
    if outside.any():
        position = int(np.flatnonzero(outside)[0])
        hint = (
            "割合（0〜1）ではなくパーセント（0〜100）の値ではありませんか？"
            if percent and edges[-1] <= 1 < np.nanmax(array) <= 100
            else ""
        )
        raise InputError(
            f"値 {array[position]:g} が区分の範囲（{_number(edges[0])}〜{_number(edges[-1])}）の外にあります。{hint}",
            row=position + 1,
            column=values.name,
            action="bins の最初と最後の値で、すべての値を含む範囲を指定してください。",
        )
    codes = np.searchsorted(np.array(edges), array, side="right") - 1
    codes = np.where(array == edges[-1], len(edges) - 2, codes)
    codes = np.where(np.isnan(array), -1, codes)
    dtype = pd.CategoricalDtype(names, ordered=True)
    return pd.Series(
        pd.Categorical.from_codes(codes, dtype=dtype), index=values.index, name=values.name
    )


def _check_bins(bins: Sequence[float]) -> list[float]:
    edges = [float(b) for b in bins]
    if len(edges) < 2 or any(hi <= lo for lo, hi in zip(edges, edges[1:], strict=False)):
        raise InputError(
            f"区分の区切り bins={list(bins)} は、2 つ以上の増えていく数にしてください。",
            action="例: bins=[0, 0.25, 0.5, 0.75, 1]",
        )
    return edges


def _number(value: float) -> str:
    value = round(value, 10)
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.10g}"
