"""Number columns: decide whether a text column holds numbers, then read them.

Each distinct text is classified once (and the classification is cached across columns, which
share most of their values), so wide tables stay fast.

>>> import numpy as np, pandas as pd
>>> from kit.readers._changes import ChangeLog
>>> from kit.readers._options import Options
>>> texts = ["1,234", "X"]
>>> distinct = column("人口", np.array([0, 1, -1]), texts, texts, [(), ()], classify_all(texts),
...                   np.array([2, 3, 4]), ChangeLog(), Options(path="a.csv"))
>>> distinct.tolist()
[1234, <NA>, <NA>]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.errors import ReadError
from kit.readers import _cells
from kit.readers._changes import ChangeLog
from kit.readers._column import Column
from kit.readers._options import Options

NUMERIC_SHARE = 0.95  # share of number-like cells above which a text column is a number column
_SAMPLE = 200
NUMBER, MARK, BLANK, MISTYPED, OTHER = range(5)
# (kind, value, reason): the value of a NUMBER, the reason of a change ("" = none)
Info = tuple[int, int | float | None, str]


@_cells.short_cache
def classify(text: str) -> Info:
    """What a cleaned cell text is in a number column.

    >>> classify("1,234"), classify("X"), classify("1,2O3"), classify("旭丘")
    ((0, 1234, '桁区切りの除去'), (1, None, '秘匿（X）'), (3, None, ''), (4, None, ''))
    """
    parsed = _cells.number(text)
    if parsed is not None:
        value, reasons = parsed
        too_big = abs(value) >= 2**63 or _cells.has_leading_zero(text)
        return (OTHER if too_big else NUMBER), value, "、".join(reasons)
    if text in _cells.MISSING:
        return MARK, None, _cells.MISSING[text]
    if not text:
        return BLANK, None, ""
    return (MISTYPED if _cells.looks_like_number(text) else OTHER), None, ""


def classify_all(texts: list[str]) -> list[Info] | None:
    """:func:`classify` of every distinct text, or None at once when a sample has no number."""
    if not any(classify(text)[0] == NUMBER for text in texts[:_SAMPLE]):
        return None
    return [classify(text) for text in texts]


def from_numeric_categories(values: pd.Series) -> Column | None:
    """A categorical column whose categories pandas parsed as numbers, as ``Int64`` / ``float64``.

    >>> from_numeric_categories(pd.Series([3, None, 3], dtype="category")).take(np.arange(3)).tolist()
    [3, <NA>, 3]
    """
    if not isinstance(values.dtype, pd.CategoricalDtype):
        return None
    categories = values.cat.categories
    if pd.api.types.is_bool_dtype(categories) or not pd.api.types.is_numeric_dtype(categories):
        return None
    codes = values.cat.codes.to_numpy()
    if pd.api.types.is_integer_dtype(categories):
        ints = np.append(categories.to_numpy(dtype="int64"), 0)
        mask = np.zeros(len(ints), dtype=bool)
        mask[-1] = True
        return Column(codes, pd.arrays.IntegerArray(ints, mask))
    return Column(codes, np.append(categories.to_numpy(dtype="float64"), np.nan))


def is_numeric(codes: np.ndarray, texts: list[str], infos: list[Info]) -> bool:
    """Whether a text column holds numbers (with missing marks, maybe a few mistyped values).

    Codes with a leading zero (011002) stay text, and so do numbers too big for 64 bits.
    """
    kinds = np.fromiter((info[0] for info in infos), dtype=np.int8, count=len(infos))
    others = np.flatnonzero(kinds == OTHER)
    if any(_cells.number(texts[i]) is not None for i in others):
        return False  # a code such as 011002: the column is text
    counts = np.bincount(codes[codes >= 0], minlength=len(texts))
    good = counts[(kinds == NUMBER) | (kinds == MARK) | (kinds == MISTYPED)].sum()
    filled = counts[kinds != BLANK].sum()
    return bool(filled > 0 and good >= NUMERIC_SHARE * filled)


def column(
    name: str,
    codes: np.ndarray,
    raws: list[str],
    texts: list[str],
    whys: list[tuple[str, ...]],
    infos: list[Info],
    lines: np.ndarray,
    log: ChangeLog,
    options: Options,
) -> pd.api.extensions.ExtensionArray | np.ndarray:
    """The distinct values as ``Int64`` (or ``float64`` when one has decimals), plus a missing
    value at the end; the changes are logged."""
    kinds, values, reasons = (list(part) for part in zip(*infos, strict=True))
    for position in np.flatnonzero(np.array(kinds) != NUMBER).tolist():  # the few non-numbers
        kind, text = kinds[position], texts[position]
        if kind == MARK and options.dash_as_zero and text in _cells.DASHES:
            values[position], reasons[position] = 0, _cells.DASH_ZERO
        elif kind == BLANK:
            reasons[position] = _cells.BLANK if raws[position] else ""
        elif kind in (MISTYPED, OTHER):
            reasons[position] = _cells.UNREADABLE
            if options.bad_numbers == "raise":
                line = int(lines[int(np.argmax(codes == position))])
                _raise_unreadable(name, raws[position], text, line, options)
    for position, why in enumerate(whys):  # full-width digits, spaces… (marks: not worth it)
        if why and kinds[position] != MARK:
            reasons[position] = "、".join([*why, reasons[position]] if reasons[position] else why)
    log.add_cells(name, lines, codes, raws, values, [reason or None for reason in reasons])
    missing = np.array([value is None for value in values] + [True])
    filled = np.array([*values, 0], dtype=object)
    filled[missing] = 0
    if any(isinstance(value, float) for value in values):
        floats = filled.astype("float64")
        floats[missing] = np.nan
        return floats
    return pd.arrays.IntegerArray(filled.astype("int64"), missing)


def _raise_unreadable(name: str, raw: str, text: str, line: int, options: Options) -> None:
    raise ReadError(
        f"値「{raw.strip()}」を数値として読めませんでした（{_cells.unreadable_hint(text)}）。",
        file=options.path,
        row=line,
        column=name,
        action="元のファイルの該当セルを確認してください。数値でない値を欠損として読むには "
        'bad_numbers="missing" を指定してください。',
    )
