"""A cleaned column kept as codes into its typed distinct values, until the rows are chosen.

Keeping codes lets the reader find 合計 rows, headings and blanks with cheap array operations,
and build the table and the totals each in one pass, without copying the whole table twice.

>>> import numpy as np, pandas as pd
>>> column = Column(np.array([1, 0, -1]), pd.array(["旭丘", "緑町", None], dtype="str"), texts=["旭丘", "緑町"])
>>> column.take(np.array([0, 2])).tolist(), column.missing().tolist()
(['緑町', nan], [False, False, True])
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd


@dataclass
class Column:
    """``distinct`` holds the typed distinct values plus one missing value at the end; ``codes``
    point into it per row (-1 = empty). A column that needed no work keeps its ``series``.
    ``texts`` are the cleaned distinct texts of a text column ("" = blank)."""

    codes: np.ndarray | None
    distinct: Any = None
    series: pd.Series | None = None
    texts: list[str] | None = None
    _positions: np.ndarray | None = field(default=None, repr=False)

    @classmethod
    def of_series(cls, series: pd.Series) -> Column:
        """A column whose values are final already.

        >>> Column.of_series(pd.Series(["A1", None], dtype="str")).missing().tolist()
        [False, True]
        """
        return cls(None, series=series.reset_index(drop=True))

    def positions(self) -> np.ndarray:
        """Per row, the position of its value in ``distinct`` (empty → the missing slot)."""
        if self._positions is None:
            assert self.codes is not None
            self._positions = np.where(self.codes < 0, len(self.distinct) - 1, self.codes)
        return self._positions

    def missing(self, rows: np.ndarray | None = None) -> np.ndarray:
        """Per row (or for the given rows), whether the value is missing."""
        if self.series is not None:
            missing = self.series.isna().to_numpy()
            return missing if rows is None else missing[rows]
        positions = self.positions() if rows is None else self.positions()[rows]
        return np.asarray(pd.isna(self.distinct))[positions]

    def is_number(self) -> bool:
        """Whether the column holds numbers (``Int64`` / ``float64``)."""
        dtype = self.series.dtype if self.series is not None else self.distinct.dtype
        return pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)

    def is_text(self) -> bool:
        """Whether the column holds text (``str``)."""
        dtype = self.series.dtype if self.series is not None else self.distinct.dtype
        return pd.api.types.is_string_dtype(dtype)

    def take(self, rows: np.ndarray) -> pd.Series:
        """The values of the given rows (positions), as a Series with a fresh index."""
        if self.series is not None:
            return self.series.take(rows).reset_index(drop=True)
        return pd.Series(self.distinct.take(self.positions()[rows]))

    def with_codes(self, codes: np.ndarray) -> Column:
        """The same column with other codes (e.g. blanks filled from the row above)."""
        return replace(self, codes=codes, _positions=None)


def frame(columns: dict[str, Column], rows: np.ndarray) -> pd.DataFrame:
    """A DataFrame of the given rows of every column.

    >>> frame({"a": Column.of_series(pd.Series([1, 2]))}, np.array([1]))["a"].tolist()
    [2]
    """
    return pd.DataFrame({name: column.take(rows) for name, column in columns.items()}, copy=False)
