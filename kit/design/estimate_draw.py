"""The sensitivity of an estimate as a tornado chart: which assumption moves the result most.

>>> import kit
>>> kit.setup()
>>> ax = draw_sensitivity(kit.design.sensitivity(formula, base, ranges), unit="世帯")  # doctest: +SKIP
"""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from kit.plot._common import axis_label, new_axes, require_frame_columns
from kit.style import PALETTE

COLUMNS = ["仮定", "低い値", "高い値", "結果_低", "結果_基本", "結果_高"]


def fmt(value: float) -> str:
    """A number for labels: thousands separators for large ones, few digits for ratios.

    >>> fmt(7200000.0), fmt(0.35), fmt(40.0)
    ('7,200,000', '0.35', '40')
    """
    value = float(value)
    if abs(value) >= 1000 or value.is_integer():
        return f"{value:,.0f}"
    return f"{value:.3g}"


def draw_sensitivity(
    table: pd.DataFrame,
    *,
    unit: str | None = None,
    result: str = "試算の結果",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """One bar per assumption from the result at its low value to the result at its high value.

    ``table`` is what :func:`kit.design.sensitivity` returns; the vertical line is the base
    result. Bars are labelled with the values tried.

    >>> from kit.design.estimate import sensitivity
    >>> t = sensitivity(lambda a, b: a * b, {"a": 10, "b": 2}, {"a": (5, 20), "b": (1, 3)})
    >>> ax = draw_sensitivity(t, unit="人")
    >>> ax.get_xlabel(), [label.get_text() for label in ax.get_yticklabels()]
    ('試算の結果（人）', ['b', 'a'])
    """
    require_frame_columns(table, COLUMNS)
    width = (table["結果_高"] - table["結果_低"]).abs()
    rows = table.assign(_width=width).sort_values("_width", kind="stable")  # widest on top
    _, ax = new_axes(ax, figsize=(7.0, 1.2 + 0.55 * len(rows)))
    base = float(table["結果_基本"].iloc[0]) if len(table) else 0.0
    for y, (_, row) in enumerate(rows.iterrows()):
        low, high = float(row["結果_低"]), float(row["結果_高"])
        ax.barh(y, low - base, left=base, color=PALETTE[4], height=0.6)
        ax.barh(y, high - base, left=base, color=PALETTE[0], height=0.6)
        ax.text(
            low,
            y,
            f" {fmt(row['低い値'])} ",
            ha="right" if low <= base else "left",
            va="center",
            fontsize=8,
        )
        ax.text(
            high,
            y,
            f" {fmt(row['高い値'])} ",
            ha="left" if high >= base else "right",
            va="center",
            fontsize=8,
        )
    ax.axvline(base, color="#333333", lw=1)
    ax.set_yticks(range(len(rows)), [str(v) for v in rows["仮定"]])
    ax.set_xlabel(axis_label(result, unit))
    ax.set_title(title or f"仮定を動かしたときの{result}（基本 {fmt(base)}）", loc="left")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: fmt(value)))
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5))
    ax.margins(x=0.2)
    ax.legend(
        handles=[
            Patch(color=PALETTE[4], label="仮定が低いとき"),
            Patch(color=PALETTE[0], label="仮定が高いとき"),
        ],
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=8,
        frameon=False,
    )
    return ax
