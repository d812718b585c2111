"""Rows that are not data: 合計 / 小計 / 県計 rows, and section headings inside a table.

>>> import pandas as pd
>>> from kit.readers._column import Column
>>> names = ["旭丘", "小 計", "合計"]
>>> town = Column(np.array([0, 1, 2]), pd.array([*names, None], dtype="str"), texts=names)
>>> total_kinds({"町丁名": town}, 3).tolist()
[None, '小計', '合計']
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from kit.readers._column import Column
from kit.readers._names import is_text_name

_SUBTOTAL = re.compile(r"^.{0,16}(小計|中計)$")
_AREA_TOTAL = re.compile(r"^.{0,16}([都道府県市区町村郡])計$")
_GRAND_TOTAL = re.compile(
    r"^(.{0,16}(総合計|合計|総計)|計|総数|全体|全[市県区町村]|[市県区町村]全体)$"
)
_WARD = re.compile(r"^[(（【\[].{1,12}[区郡市町村][)）】\]]$")
_BRACKETS = re.compile(r"^[(（【\[<＜〈](.*)[)）】\]>＞〉]$")
_SPACES = re.compile(r"\s+")


def total_label(cell: object) -> str | None:
    """The kind of total a row label names: 小計, 合計, 県計 / 市計 / 区計…, or None.

    A ward in brackets such as （東区） is a 小計 (when its row has numbers).

    >>> total_label("合　計"), total_label("【小計】"), total_label("（みなみ野地区 小計）")
    ('合計', '小計', '小計')
    >>> total_label("七瀬市計"), total_label("総数"), total_label("（東区）"), total_label("旭丘")
    ('市計', '合計', '小計', None)
    """
    if not isinstance(cell, str):
        return None
    text = _SPACES.sub("", cell)
    if _WARD.match(text):
        return "小計"
    inner = _BRACKETS.match(text)
    if inner:
        text = inner.group(1)
    if _SUBTOTAL.match(text):
        return "小計"
    area = _AREA_TOTAL.match(text)
    if area:
        return f"{area.group(1)}計"
    return "合計" if _GRAND_TOTAL.match(text) else None


def _maybe_total(text: str) -> bool:
    """Cheap pre-check before the regular expressions (most labels are not totals)."""
    compact = text.replace(" ", "")
    return len(compact) <= 20 and (
        "計" in compact or "総数" in compact or "全" in compact or compact[:1] in "(（【["
    )


def has_numbers(columns: dict[str, Column], rows: int) -> np.ndarray:
    """Per row, whether any number column has a value."""
    numeric = [column for column in columns.values() if column.is_number()]
    if not numeric:
        return np.zeros(rows, dtype=bool)
    return ~np.logical_and.reduce([column.missing() for column in numeric])


def total_kinds(columns: dict[str, Column], rows: int) -> np.ndarray:
    """Per row, the total kind found in its text columns (first match), else None.

    A bracketed ward name such as （東区） counts only when the row also has numbers.
    """
    kinds = np.full(rows, None, dtype=object)
    for name, column in columns.items():
        if column.texts is None or column.codes is None or is_text_name(name):
            continue
        labels = [total_label(t) if t and _maybe_total(t) else None for t in column.texts]
        if not any(labels):
            continue
        where = np.where(column.codes < 0, len(labels), column.codes)
        found = np.array([*labels, None], dtype=object)[where]
        wards = [bool(_WARD.match(_SPACES.sub("", t))) for t in column.texts]
        in_ward = np.array([*wards, False])[where]
        if in_ward.any():
            found[in_ward & ~has_numbers(columns, rows)] = None
        empty = pd.isna(kinds)
        kinds[empty] = found[empty]
    return kinds


def heading_rows(columns: dict[str, Column], rows: int, limit: int) -> np.ndarray:
    """Rows inside the table that only carry a label (e.g. a ward name over its towns).

    Only in tables with at least two number columns: the row's number cells are all empty and
    it has at most ``limit`` filled cells.
    """
    numeric = [column for column in columns.values() if column.is_number()]
    out = np.zeros(rows, dtype=bool)
    if len(numeric) < 2:
        return out
    candidates = np.flatnonzero(numeric[0].missing())  # few rows: check the rest only there
    for column in numeric[1:]:
        candidates = candidates[column.missing(candidates)]
    if len(candidates):
        filled = sum((~column.missing(candidates)).astype(int) for column in columns.values())
        out[candidates] = (filled <= max(limit, 1)) & (filled > 0)
    return out
