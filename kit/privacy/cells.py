"""Small-cell suppression (秘匿) of aggregate tables: primary, then secondary against totals.

Primary suppression (一次秘匿) hides counts from 1 to ``threshold`` − 1: a count of 1 or 2 in
「町丁目 × 年齢階級」 can point at a person. Secondary suppression (二次秘匿) hides more cells so
that no hidden value can be worked out from the published row and column totals. Aggregates
with small cells hidden are the usual way to publish from personal data; this is also one of
the measures for 行政機関等匿名加工情報 when tables are provided.

>>> t = pd.DataFrame({"男性": [1, 10, 12], "女性": [8, 9, 11]}, index=["北町", "南町", "中央"])
>>> out = suppress_small_cells(t)
>>> int(out.isna().sum().sum()), int(out.loc["合計", "合計"])
(4, 51)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.errors import InputError, PrivacyError
from kit.privacy._checks import require_frame
from kit.privacy._graph import find_bridge, sides

TOTAL_LABELS = frozenset({"合計", "総数", "計", "総計", "小計"})


def suppress_small_cells(
    table: pd.DataFrame,
    threshold: int = 3,
    *,
    totals: bool = True,
    suppress_zeros: bool = False,
    total_label: str = "合計",
    marker: str | None = None,
) -> pd.DataFrame:
    """Hide small counts, and with ``totals`` enough other cells that none can be recovered.

    ``table`` holds counts only (no total row or column). Primary: cells with
    1 ≤ value < ``threshold`` are hidden. Zeros are shown by default (a 0 names nobody);
    ``suppress_zeros=True`` hides them too, e.g. when a 0 would reveal that everyone else in the
    row shares an attribute. Secondary (when ``totals=True``): extra cells are hidden (non-zero
    first, preferring cells whose row and column already have hidden cells, then the smallest)
    until every row and column with a hidden cell has at least two and no hidden cell can be
    worked out exactly by combining row and column totals; then a
    ``total_label`` row and column with the true totals are added. Attackers may still learn
    ranges (e.g. "at most 3"); choose ``threshold`` with that in mind.

    Hidden cells are missing values (``pd.NA``) in an integer table, or ``marker`` (e.g. "X")
    in a text table ready to publish.

    >>> t = pd.DataFrame({"A": [1, 5], "B": [6, 7]}, index=["北町", "南町"])
    >>> out = suppress_small_cells(t, marker="X")
    >>> out.loc["北町"].tolist(), out.loc["合計"].tolist()
    (['X', 'X', '7'], ['6', '13', '19'])
    """
    values = _counts(table)
    if not (isinstance(threshold, int) and threshold >= 1):
        raise InputError(f"threshold={threshold!r} は 1 以上の整数にしてください（既定は 3）。")
    hidden = (values > 0) & (values < threshold)
    if suppress_zeros:
        hidden |= values == 0
    if totals:
        _refuse_totals(table)
        hidden = secondary_suppression(values, hidden)
    out = pd.DataFrame(values, index=table.index, columns=table.columns).astype("Int64")
    out = out.mask(hidden)
    if totals:
        out[total_label] = values.sum(axis=1)
        out.loc[total_label] = [*values.sum(axis=0), values.sum()]
        out = out.astype("Int64")
    if marker is not None:
        out = out.astype("str").mask(out.isna(), marker)
    return out


def secondary_suppression(values: np.ndarray, hidden: np.ndarray) -> np.ndarray:
    """Extend the hidden cells so that none can be recovered from row and column totals.

    >>> secondary_suppression(np.array([[1, 5], [6, 7]]), np.array([[True, False], [False, False]]))
    array([[ True,  True],
           [ True,  True]])
    """
    hidden = hidden.copy()
    n_rows, n_cols = hidden.shape
    if hidden.any() and (n_rows < 2 or n_cols < 2):
        raise PrivacyError(
            "行か列が 1 つしかない表では、合計を公表すると秘匿したセルの値がわかってしまいます。",
            action="区分をまとめて表を大きくするか、合計を公表しない（totals=False）でください。",
        )
    while True:
        if _pair_lonely_cells(values, hidden):
            continue
        bridge = find_bridge(hidden)
        if bridge is None:
            return hidden
        row_side, col_side = sides(hidden, bridge)
        candidates = [
            (r, c)
            for r, c in zip(*np.nonzero(~hidden), strict=True)
            if ((r in row_side) and (c + n_rows in col_side))
            or ((r in col_side) and (c + n_rows in row_side))
        ]
        r, c = min(candidates, key=lambda rc: _cost(values, hidden, *rc))
        hidden[r, c] = True


def _pair_lonely_cells(values: np.ndarray, hidden: np.ndarray) -> bool:
    """Hide a partner for every row or column with exactly one hidden cell; True if any."""
    n_rows, n_cols = hidden.shape
    lonely_rows = np.flatnonzero(hidden.sum(axis=1) == 1)
    for r in lonely_rows:
        _hide_partner(values, hidden, [(r, c) for c in range(n_cols)])
    lonely_cols = np.flatnonzero(hidden.sum(axis=0) == 1)
    for c in lonely_cols:
        _hide_partner(values, hidden, [(r, c) for r in range(n_rows)])
    return bool(len(lonely_rows) or len(lonely_cols))


def _hide_partner(values: np.ndarray, hidden: np.ndarray, line: list[tuple[int, int]]) -> None:
    free = [cell for cell in line if not hidden[cell]]
    if not free:
        raise PrivacyError(
            "秘匿したセルを守るために一緒に隠すセルがありません。",
            action="区分をまとめて表を大きくするか、合計を公表しない（totals=False）でください。",
        )
    r, c = min(free, key=lambda cell: _cost(values, hidden, *cell))
    hidden[r, c] = True


def _cost(values: np.ndarray, hidden: np.ndarray, r: int, c: int) -> tuple:
    """Order of preference for a complementary cell.

    Non-zero first (a hidden 0 protects little), then cells whose row and column already have
    hidden cells (no new line to protect), then the smallest value.
    """
    value = int(values[r, c])
    lines_without_hidden = int(not hidden[r].any()) + int(not hidden[:, c].any())
    return (value == 0, lines_without_hidden, value, r, c)


def _counts(table: pd.DataFrame) -> np.ndarray:
    require_frame(table, "集計表")
    if table.empty:
        raise InputError("集計表が空です。")
    for column in table.columns:
        series = table[column]
        if not pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_bool_dtype(
            series.dtype
        ):
            raise InputError(
                "集計表の値が数値ではありません。",
                column=column,
                action="件数だけの表（pd.crosstab などで作った表）を渡してください。",
            )
        bad = series.isna() | (series < 0) | (series % 1 != 0)
        if bad.any():
            label = series.index[np.flatnonzero(bad.to_numpy(dtype=bool, na_value=True))[0]]
            raise InputError(
                f"行「{label}」の値「{series.loc[label]}」は件数（0 以上の整数）ではありません。",
                column=column,
                action="欠けている値や小数がないか確認してください。",
            )
    return table.to_numpy(dtype="int64")


def _refuse_totals(table: pd.DataFrame) -> None:
    for label in [*table.index, *table.columns]:
        if str(label).strip() in TOTAL_LABELS:
            raise InputError(
                f"集計表に合計の行・列「{label}」が含まれています。",
                action="合計の行と列を除いてから渡してください（合計は自動で付け直します）。",
            )
