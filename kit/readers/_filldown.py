"""Label columns where a blank cell means "same as the row above" (地区 written once per block).

>>> import numpy as np, pandas as pd
>>> from kit.readers._changes import ChangeLog
>>> from kit.readers._column import Column
>>> area = Column(np.array([0, -1, -1, 1, -1]), pd.array(["東", "西", None], dtype="str"), texts=["東", "西"])
>>> people = Column.of_series(pd.Series([1, 2, 3, 4, 5]))
>>> out = fill_down({"地区": area, "人口": people}, np.arange(2, 7), np.full(5, None), ChangeLog())
>>> out["地区"].take(np.arange(5)).tolist()
['東', '東', '東', '西', '西']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.readers._changes import ChangeLog
from kit.readers._column import Column
from kit.readers._totals import has_numbers

REASON = "空欄を上の行と同じ値で補完"
MIN_BLANK_SHARE = 0.3  # fewer blanks than this are taken as missing values, not as "same as above"


def label_columns(columns: dict[str, Column]) -> list[str]:
    """The text columns left of the first number column."""
    out = []
    for name, column in columns.items():
        if column.is_number():
            break
        if column.texts is not None and column.codes is not None:
            out.append(name)
    return out


def fill_down(
    columns: dict[str, Column], lines: np.ndarray, kinds: np.ndarray, log: ChangeLog
) -> dict[str, Column]:
    """Fill blank label cells of data rows from the data row above, logging every cell.

    Only leading label columns whose first data row is filled and where at least 30 % of the
    data rows are blank; 合計 rows (``kinds`` not None) are neither filled nor copied from.
    """
    labels = [name for name in label_columns(columns) if (columns[name].codes < 0).any()]
    if not labels:
        return columns
    rows = len(lines)
    data_row = pd.isna(kinds) & has_numbers(columns, rows)
    first = np.flatnonzero(data_row)[:1]
    out = dict(columns)
    for name in labels:
        codes = columns[name].codes
        blank = (codes < 0) & data_row
        if not blank.any() or not len(first) or blank[first[0]]:
            continue
        if blank.sum() < MIN_BLANK_SHARE * data_row.sum():
            continue
        source = np.where(data_row & (codes >= 0), np.arange(rows), -1)
        above = np.maximum.accumulate(source)  # the last filled data row at or above each row
        filled = np.where(blank, codes[np.maximum(above, 0)], codes)
        texts = columns[name].texts or []
        log.add_many(lines[blank], name, None, [texts[code] for code in filled[blank]], REASON)
        out[name] = columns[name].with_codes(filled)
    return out
