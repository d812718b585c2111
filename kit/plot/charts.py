"""Trend lines and bar charts with Japanese labels (units in the axis label) in the kit palette.

>>> df = pd.DataFrame({"年": [2020, 2021, 2022], "高齢化率": [28.1, 28.9, 29.5]})
>>> ax = trend(df, "年", "高齢化率", unit="％")
>>> ax.get_ylabel()
'高齢化率（％）'
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter

from kit.errors import InputError
from kit.plot._common import axis_label, new_axes, require_frame_columns
from kit.style import PALETTE

MUTED = "#BBBBBB"
HIGHLIGHT = PALETTE[5]


def trend(
    df: pd.DataFrame,
    x: str,
    y: str,
    hue: str | None = None,
    *,
    unit: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    marker: str | None = "o",
) -> Axes:
    """One line per ``hue`` group (or a single line), sorted along ``x``, in the kit palette.

    The y label is ``y`` with ``unit`` in brackets unless ``ylabel`` is given.

    >>> df = pd.DataFrame({"年": [2020, 2021] * 2, "人口": [100, 90, 50, 60], "地区名": ["東", "東", "西", "西"]})
    >>> ax = trend(df, "年", "人口", hue="地区名", unit="人")
    >>> [line.get_label() for line in ax.get_lines()], ax.get_lines()[1].get_ydata().tolist()
    (['東', '西'], [50, 60])
    """
    require_frame_columns(df, [x, y, hue])
    _require_numeric(df, y)
    _, ax = new_axes(ax)
    groups = [(None, df)] if hue is None else list(df.groupby(hue, sort=False, observed=True))
    if len(groups) > len(PALETTE):
        raise InputError(
            f"線が {len(groups)} 本あり、色の数（{len(PALETTE)}）を超えます。",
            column=hue,
            action="比べる区分を絞るか、いくつかをまとめてください。",
        )
    for (name, part), colour in zip(groups, PALETTE, strict=False):
        part = part.sort_values(x)
        label = "_nolegend_" if name is None else str(name)
        ax.plot(part[x].to_numpy(), part[y].to_numpy(), marker=marker, color=colour, label=label)
    ax.set_xlabel(xlabel or str(x))
    ax.set_ylabel(ylabel or axis_label(y, unit))
    ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
    if pd.api.types.is_integer_dtype(df[x].dtype):
        ax.xaxis.get_major_locator().set_params(integer=True)
    if hue is not None:
        ax.legend(title=str(hue), fontsize=8)
    if title:
        ax.set_title(title)
    ax.grid(axis="y", alpha=0.3)
    return ax


def bar(
    df: pd.DataFrame,
    x: str,
    y: str,
    hue: str | None = None,
    *,
    unit: str | None = None,
    horizontal: bool | None = None,
    sort: bool = False,
    highlight: str | Sequence[str] | None = None,
    values: bool = False,
    ax: Axes | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
) -> Axes:
    """Bars of ``y`` for each ``x`` (grouped by ``hue``), one row per bar: no hidden summing.

    ``horizontal`` defaults to on for long Japanese names (over 4 characters) or many bars.
    ``sort`` orders bars from largest to smallest; ``highlight`` names categories drawn in
    orange while the rest turn grey; ``values`` writes each value on its bar.

    >>> df = pd.DataFrame({"地区名": ["東", "西"], "保育所数": [3, 5]})
    >>> ax = bar(df, "地区名", "保育所数", unit="か所", sort=True)
    >>> [t.get_text() for t in ax.get_xticklabels()], [float(p.get_height()) for p in ax.patches]
    (['西', '東'], [5.0, 3.0])
    """
    require_frame_columns(df, [x, y, hue])
    _require_numeric(df, y)
    keys = [x] if hue is None else [x, hue]
    duplicated = df.duplicated(keys)
    if duplicated.any():
        row = df[duplicated].iloc[0]
        what = "・".join(str(row[k]) for k in keys)
        raise InputError(
            f"「{what}」の行が 2 つ以上あります。棒グラフは 1 行を 1 本の棒として描きます。",
            action="先に groupby(...).sum() などで 1 行にまとめてください。",
        )
    table = df.set_index(x)[[y]] if hue is None else df.pivot(index=x, columns=hue, values=y)
    if sort:
        table = table.loc[table.sum(axis=1).sort_values(ascending=False).index]
    names = [str(i) for i in table.index]
    if horizontal is None:
        horizontal = len(names) > 8 or max((len(n) for n in names), default=0) > 4
    _, ax = new_axes(
        ax, figsize=(7.0, max(3.0, 0.35 * len(names) + 1)) if horizontal else (7.0, 4.5)
    )
    positions = np.arange(len(names))
    width = 0.8 / table.shape[1]
    highlighted = {highlight} if isinstance(highlight, str) else set(highlight or ())
    for i, column in enumerate(table.columns):
        offset = (i - (table.shape[1] - 1) / 2) * width
        colours = _colours(names, highlighted, PALETTE[i % len(PALETTE)])
        heights = table[column].to_numpy(dtype=float)
        label = "_nolegend_" if hue is None else str(column)
        draw = ax.barh if horizontal else ax.bar
        bars = draw(positions + offset, heights, width * 0.95, color=colours, label=label)
        if values:
            ax.bar_label(bars, labels=[_thousands(v) for v in heights], fontsize=8, padding=2)
    value_axis, category_axis = (ax.xaxis, ax.yaxis) if horizontal else (ax.yaxis, ax.xaxis)
    category_axis.set_ticks(positions, names)
    value_axis.set_major_formatter(FuncFormatter(_thousands))
    if horizontal:
        ax.invert_yaxis()
    category_label, value_label = xlabel or str(x), ylabel or axis_label(y, unit)
    ax.set_xlabel(value_label if horizontal else category_label)
    ax.set_ylabel(category_label if horizontal else value_label)
    if hue is not None:
        ax.legend(title=str(hue), fontsize=8)
    if title:
        ax.set_title(title)
    ax.grid(axis="x" if horizontal else "y", alpha=0.3)
    return ax


def _colours(names: list[str], highlighted: set[str], base: str) -> list[str]:
    if not highlighted:
        return [base] * len(names)
    unknown = highlighted - set(names)
    if unknown:
        raise InputError(f"強調する「{sorted(unknown)[0]}」が棒の名前にありません。")
    return [HIGHLIGHT if n in highlighted else MUTED for n in names]


def _require_numeric(df: pd.DataFrame, column: str) -> None:
    if not pd.api.types.is_numeric_dtype(df[column].dtype) or pd.api.types.is_bool_dtype(
        df[column].dtype
    ):
        raise InputError(
            f"列「{column}」が数値ではありません。",
            column=column,
            action="pd.to_numeric で数値に変換してから渡してください（「1,234」のカンマなどに注意）。",
        )


def _thousands(value: float, _position: object = None) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
