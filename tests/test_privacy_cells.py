"""Small-cell suppression: primary cells hidden, and no hidden cell recoverable from totals."""

from __future__ import annotations

import doctest

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import kit
from kit.privacy import _graph as graph_module
from kit.privacy import cells as cells_module
from kit.privacy import secondary_suppression, suppress_small_cells


def recoverable_cells(hidden: np.ndarray) -> list[tuple[int, int]]:
    """Hidden cells whose value follows from row and column totals (linear algebra, not graphs)."""
    cells = list(zip(*np.nonzero(hidden), strict=True))
    if not cells:
        return []
    n_rows, n_cols = hidden.shape
    constraints = np.zeros((n_rows + n_cols, len(cells)))
    for k, (r, c) in enumerate(cells):
        constraints[r, k] = 1
        constraints[n_rows + c, k] = 1
    rank = np.linalg.matrix_rank(constraints)
    found = []
    for k, cell in enumerate(cells):
        unit = np.zeros((1, len(cells)))
        unit[0, k] = 1
        if np.linalg.matrix_rank(np.vstack([constraints, unit])) == rank:
            found.append((int(cell[0]), int(cell[1])))
    return found


def back_calculate(published: pd.DataFrame, total: str = "合計") -> dict:
    """What a reader can work out by repeatedly solving lines with a single hidden cell."""
    table = published.astype("Float64")
    inner = table.drop(index=total, columns=total)
    known: dict = {}
    changed = True
    while changed:
        changed = False
        for axis in ("index", "columns"):
            lines = inner.index if axis == "index" else inner.columns
            for label in lines:
                line = inner.loc[label] if axis == "index" else inner[label]
                line_total = table.loc[label, total] if axis == "index" else table.loc[total, label]
                unknown = line[line.isna()]
                if len(unknown) == 1:
                    value = line_total - line.sum()
                    where = (
                        (label, unknown.index[0]) if axis == "index" else (unknown.index[0], label)
                    )
                    inner.loc[where] = value
                    known[where] = value
                    changed = True
    return known


@pytest.fixture
def table() -> pd.DataFrame:
    return pd.DataFrame(
        {"0〜14歳": [25, 2, 31], "15〜64歳": [120, 40, 95], "65歳以上": [60, 35, 44]},
        index=["北町", "南町", "中央"],
    )


def test_primary_only_without_totals(table: pd.DataFrame) -> None:
    out = suppress_small_cells(table, totals=False)
    assert out.isna().to_numpy().sum() == 1 and pd.isna(out.loc["南町", "0〜14歳"])
    assert "合計" not in out.columns
    assert out.loc["北町", "0〜14歳"] == 25


def test_secondary_protects_against_row_and_column_totals(table: pd.DataFrame) -> None:
    out = suppress_small_cells(table)
    hidden = out.drop(index="合計", columns="合計").isna().to_numpy()
    assert hidden[1, 0]
    assert hidden.sum() == 4
    assert all(hidden.sum(axis=1)[hidden.any(axis=1)] >= 2)
    assert all(hidden.sum(axis=0)[hidden.any(axis=0)] >= 2)
    assert recoverable_cells(hidden) == []
    assert back_calculate(out) == {}
    # The smallest complementary cells were chosen: 25 (same column), 35 (same row), then 60.
    assert set(map(tuple, np.argwhere(hidden))) == {(1, 0), (0, 0), (1, 2), (0, 2)}


def test_totals_are_true_totals_and_visible_values_unchanged(table: pd.DataFrame) -> None:
    out = suppress_small_cells(table)
    assert out["合計"].tolist()[:3] == table.sum(axis=1).tolist()
    assert out.loc["合計"].tolist() == [*table.sum(axis=0).tolist(), int(table.to_numpy().sum())]
    visible = out.drop(index="合計", columns="合計")
    mask = visible.notna().to_numpy()
    assert (visible.to_numpy()[mask] == table.to_numpy()[mask]).all()
    assert str(out.dtypes.iloc[0]) == "Int64"


def test_marker_gives_a_publishable_text_table(table: pd.DataFrame) -> None:
    out = suppress_small_cells(table, marker="X")
    assert out.loc["南町"].tolist() == ["X", "40", "X", "77"]
    assert out.loc["合計", "合計"] == str(table.to_numpy().sum())


def test_threshold_and_zero_handling() -> None:
    t = pd.DataFrame({"A": [0, 3, 4, 10], "B": [5, 6, 7, 8]}, index=list("abcd"))
    primary = suppress_small_cells(t, threshold=4, totals=False)
    assert primary.isna()["A"].tolist() == [False, True, False, False]
    zeros = suppress_small_cells(t, threshold=4, totals=False, suppress_zeros=True)
    assert zeros.isna()["A"].tolist() == [True, True, False, False]
    assert not suppress_small_cells(t, threshold=1, totals=False).isna().any().any()


def test_naive_two_per_line_rule_is_not_enough() -> None:
    # Two hidden 2×2 blocks joined by one hidden cell: every line has two or more hidden cells,
    # yet the joining cell equals a difference of totals.
    hidden = np.zeros((4, 4), dtype=bool)
    hidden[np.ix_([0, 1], [0, 1])] = True
    hidden[np.ix_([2, 3], [2, 3])] = True
    hidden[0, 2] = True
    assert recoverable_cells(hidden) == [(0, 2)]
    values = np.arange(1, 17).reshape(4, 4) + 10
    protected = secondary_suppression(values, hidden)
    assert recoverable_cells(protected) == []
    assert (protected | ~hidden).all() and protected.sum() == hidden.sum() + 1


def test_complement_prefers_non_zero_cells() -> None:
    t = pd.DataFrame({"A": [1, 0, 9], "B": [0, 5, 8], "C": [7, 6, 4]}, index=list("xyz"))
    out = suppress_small_cells(t)
    hidden = out.drop(index="合計", columns="合計").isna().to_numpy()
    assert recoverable_cells(hidden) == []
    assert not hidden[0, 1] and not hidden[1, 0]


def test_input_errors() -> None:
    with pytest.raises(kit.InputError, match="合計"):
        suppress_small_cells(pd.DataFrame({"A": [1, 5], "合計": [1, 5]}))
    with pytest.raises(kit.InputError) as info:
        suppress_small_cells(pd.DataFrame({"A": [1.5, 5.0]}, index=["北町", "南町"]))
    assert "北町" in str(info.value) and info.value.column == "A"
    with pytest.raises(kit.InputError):
        suppress_small_cells(pd.DataFrame({"A": [1, -2]}))
    with pytest.raises(kit.InputError):
        suppress_small_cells(pd.DataFrame({"A": [1, None]}))
    with pytest.raises(kit.InputError, match="数値"):
        suppress_small_cells(pd.DataFrame({"A": ["1", "2"]}))
    with pytest.raises(kit.PrivacyError, match="1 つしかない"):
        suppress_small_cells(pd.DataFrame({"A": [1, 5, 6]}))
    assert (
        suppress_small_cells(pd.DataFrame({"A": [1, 5, 6]}), totals=False).isna().sum().sum() == 1
    )


@settings(max_examples=100, deadline=None)
@given(
    arrays(
        np.int64,
        st.tuples(st.integers(2, 6), st.integers(2, 6)),
        elements=st.integers(0, 12),
    )
)
def test_no_hidden_cell_is_ever_recoverable(values: np.ndarray) -> None:
    table = pd.DataFrame(values, columns=[f"c{j}" for j in range(values.shape[1])])
    out = suppress_small_cells(table, threshold=3)
    hidden = out.drop(index="合計", columns="合計").isna().to_numpy()
    primary = (values > 0) & (values < 3)
    assert (hidden | ~primary).all()
    assert recoverable_cells(hidden) == []
    assert back_calculate(out) == {}
    visible = ~hidden
    assert (out.drop(index="合計", columns="合計").to_numpy()[visible] == values[visible]).all()


def test_docstring_examples() -> None:
    assert doctest.testmod(cells_module).failed == 0
    assert doctest.testmod(graph_module).failed == 0
