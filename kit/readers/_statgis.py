"""統計GIS (e-Stat) small-area and mesh CSVs: avoid double counting.

* ``HTKSYORI`` 2: the area's figures are hidden and added into the area ``HTKSAKI``; any number
  still shown on such a row is set to missing (logged), so sums count it once, in ``HTKSAKI``.
* ``HTKSYORI`` 1: the row already includes other areas' figures; kept as is.
* A row whose ``KEY_CODE`` is the prefix of other rows' codes (a 町丁・大字 over its 丁目, the city
  over everything) is an aggregate: it goes to the totals, like a 合計 row.

>>> import pandas as pd
>>> df = pd.DataFrame({"KEY_CODE": ["13101", "13101001", "13101002"], "人口": [30, 10, 20]})
>>> parent_rows(df).tolist()
[True, False, False]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.readers._changes import ChangeLog

HIDDEN = 2
HIDDEN_REASON = "秘匿先に合算済み（HTKSYORI=2、合算先は HTKSAKI の地域）"
PARENT = "上位の地域（内訳の行あり）"
_KEYS = ("KEY_CODE", "HYOSYO", "CITYNAME", "NAME", "HTKSYORI", "HTKSAKI", "GASSAN")


def measure_columns(df: pd.DataFrame) -> list[str]:
    """The statistics columns (everything numeric that is not one of the key columns)."""
    return [c for c in df.columns if c not in _KEYS and pd.api.types.is_numeric_dtype(df[c])]


def hide_moved_values(df: pd.DataFrame, lines: np.ndarray, log: ChangeLog) -> pd.DataFrame:
    """Set the figures of HTKSYORI=2 rows to missing, logging each value that was shown."""
    if "HTKSYORI" not in df.columns:
        return df
    moved = (
        (pd.to_numeric(df["HTKSYORI"], errors="coerce") == HIDDEN)
        .fillna(False)
        .to_numpy(dtype=bool)
    )
    if not moved.any():
        return df
    out = df.copy()
    for column in measure_columns(df):
        shown = moved & df[column].notna().to_numpy(dtype=bool)
        for position in np.flatnonzero(shown):
            log.add(int(lines[position]), column, df[column].iloc[position], None, HIDDEN_REASON)
        out.loc[moved, column] = pd.NA
    return out


def parent_rows(df: pd.DataFrame) -> pd.Series:
    """Rows whose KEY_CODE has sub-areas in the same table."""
    if "KEY_CODE" not in df.columns:
        return pd.Series(False, index=df.index)
    keys = df["KEY_CODE"].astype("str").fillna("")
    lengths = sorted(set(keys.str.len()))
    parents: set[str] = set()
    for short in lengths:
        longer = keys[keys.str.len() > short]
        parents.update(longer.str[:short])
    return keys.isin(parents) & (keys != "")
