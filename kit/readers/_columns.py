"""Type and clean each column of a table, logging every change.

A column becomes numbers (``Int64`` / ``float64``), dates (``datetime64``) or text (``str``).
Columns arrive as codes plus distinct values (pandas reads them as categoricals), so each
distinct value is examined once and big files stay fast.

>>> import numpy as np, pandas as pd
>>> from kit.readers._changes import ChangeLog
>>> from kit.readers._options import Options
>>> body = pd.DataFrame({"地区": ["旭丘", "緑町"], "人口": ["1,234", "X"]}, dtype="category")
>>> columns = clean_columns(body, np.array([3, 4]), log=ChangeLog(), options=Options(path="a.csv"))
>>> columns["人口"].take(np.arange(2)).tolist(), columns["人口"].distinct.dtype.name
([1234, <NA>], 'Int64')
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.readers import _cells, _codefix, _dates, _numbers
from kit.readers._changes import ChangeLog
from kit.readers._column import Column
from kit.readers._names import CODE_COLUMNS, is_date_name, is_text_name
from kit.readers._options import Options


def factor(values: pd.Series) -> tuple[np.ndarray, list[str]]:
    """Codes and distinct texts of a column (categoricals need no work).

    >>> factor(pd.Series(["b", None, "b"], dtype="category"))
    (array([ 0, -1,  0]...), ['b'])
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = values.cat.codes.to_numpy()
        uniques = values.cat.categories
        if pd.api.types.is_float_dtype(uniques):  # dates such as 44698 or 20230401, read as numbers
            uniques = [int(u) if float(u).is_integer() else u for u in uniques]
    else:
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return codes, [str(u) for u in np.asarray(uniques, dtype=object).tolist()]


def clean_columns(
    body: pd.DataFrame, lines: np.ndarray, *, log: ChangeLog, options: Options
) -> dict[str, Column]:
    """Every column typed and cleaned (as :class:`Column`); ``lines`` are the file lines of
    ``body``'s rows."""
    columns = {}
    for name in body.columns:
        values = body[name]
        numbers = None if is_date_name(str(name)) else _numbers.from_numeric_categories(values)
        if numbers is not None:  # pandas already read plain numbers
            columns[str(name)] = numbers
            continue
        plain = _plain_identifiers(str(name), values)
        if plain is not None:  # IDs and codes that need nothing: skip the per-value work
            columns[str(name)] = Column.of_series(plain)
            continue
        codes, raws = factor(values)
        columns[str(name)] = clean_column(str(name), codes, raws, lines, log, options)
    return columns


def _plain_identifiers(name: str, values: pd.Series) -> pd.Series | None:
    """A text-named column (ID, 番号…) of clean ASCII text, as ``str`` without further work.

    >>> _plain_identifiers("地域コード", pd.Series(["0001", None], dtype=object)).tolist()
    ['0001', nan]
    """
    if (
        not is_text_name(name)
        or name in CODE_COLUMNS
        or isinstance(values.dtype, pd.CategoricalDtype)
    ):
        return None
    filled = values[values.notna()].to_numpy(dtype=object).tolist()
    try:
        clean = _cells.is_clean_ascii(filled)
    except TypeError:  # not all strings
        return None
    return values.astype("str") if clean else None


def _warn_mostly_numbers(
    name: str, codes: np.ndarray, texts: list[str], infos: list[_numbers.Info], options: Options
) -> None:
    """A text column where most values are numbers: say which value kept it text.

    (Codes with leading zeros such as 011002 are meant as text: no warning.)
    """
    counts = np.bincount(codes[codes >= 0], minlength=len(texts))
    kinds = [info[0] for info in infos]
    filled = sum(c for c, kind in zip(counts, kinds, strict=True) if kind != _numbers.BLANK)
    good = sum(c for c, kind in zip(counts, kinds, strict=True) if kind == _numbers.NUMBER)
    odd = [
        t
        for t, kind in zip(texts, kinds, strict=True)
        if kind in (_numbers.MISTYPED, _numbers.OTHER)
    ]
    if odd and all(_cells.number(t) is None for t in odd) and filled and good >= 0.5 * filled:
        options.warnings.append(
            f"列「{name}」は数値が多いのですが、「{odd[0]}」のような値があるため文字列のまま読みました。"
            "数値として使うなら、その値を確かめてから変換してください。"
        )


def clean_column(
    name: str,
    codes: np.ndarray,
    raws: list[str],
    lines: np.ndarray,
    log: ChangeLog,
    options: Options,
) -> Column:
    """One column typed and cleaned: numbers, dates or text (see the module text)."""
    texts, whys = _cells.tidy_texts(raws)
    if is_date_name(name):
        return Column(codes, _dates.column(name, codes, raws, texts, whys, lines, log, options))
    if not is_text_name(name):
        infos = _numbers.classify_all(texts)
        if infos is not None and _numbers.is_numeric(codes, texts, infos):
            distinct = _numbers.column(name, codes, raws, texts, whys, infos, lines, log, options)
            return Column(codes, distinct)
        if texts and _dates.looks_like_dates(texts):
            return Column(codes, _dates.column(name, codes, raws, texts, whys, lines, log, options))
        if infos is not None:
            _warn_mostly_numbers(name, codes, texts, infos, options)
    if name in CODE_COLUMNS:
        texts, whys = _codefix.repair(name, codes, texts, whys, lines, options.path)
    news = [text or None for text in texts]
    reasons = [
        "、".join([*why, *([_cells.BLANK] if not text and raw else [])]) or None
        for raw, text, why in zip(raws, texts, whys, strict=True)
    ]
    log.add_cells(name, lines, codes, raws, news, reasons)
    return Column(codes, pd.array([*news, None], dtype="str"), texts=[t or "" for t in texts])
