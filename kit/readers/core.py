"""``read`` and ``read_table``: one call from a municipal CSV / Excel file to a tidy, typed table.

>>> result = kit.readers.read("人口_町丁目別_令和8年4月.csv")   # doctest: +SKIP
>>> result.explain()                                              # doctest: +SKIP
>>> df = kit.read_table("人口_町丁目別_令和8年4月.csv")          # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from kit import wareki
from kit.errors import DateError, InputError
from kit.readers import _filldown, _statgis, _totals, aliases
from kit.readers._changes import ChangeLog
from kit.readers._column import Column, frame
from kit.readers._columns import clean_columns
from kit.readers._headers import excel_letter, raw_label
from kit.readers._options import Options
from kit.readers._raw import Raw, load
from kit.readers.result import ReadResult

_DATE_IN_TEXT = re.compile(
    r"((明治|大正|昭和|平成|令和)\s*(元|\d{1,2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}/\d{1,2}/\d{1,2}|[RH]\d{1,2}\.\d{1,2}\.\d{1,2})"
)
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９／．", "0123456789/.")


def read(
    path: str | os.PathLike[str],
    *,
    sheet: str | int | None = None,
    encoding: str | None = None,
    header_rows: int | None = None,
    header_start: int | None = None,
    totals: Literal["split", "keep"] = "split",
    dash_as_zero: bool = False,
    bad_numbers: Literal["raise", "missing"] = "raise",
    partial_dates: wareki.Partial = "raise",
    canonical: bool = True,
    fill_down: bool = True,
) -> ReadResult:
    """Read a municipal CSV (UTF-8 with/without BOM, CP932) or Excel file into a tidy table.

    Finds title and note rows, flattens merged two-row headers, keeps 合計・小計 rows apart,
    normalises full-width text (NFKC), removes thousands separators, reads ``-``/``…``/``X``/``*``
    as missing (reason kept), reads 和暦 and Excel-serial dates, repairs 全国地方公共団体コード,
    and renames old (推奨) open-data headers to the current standard's names. Everything it
    changes is in ``.changes``; ``.explain()`` prints a summary.

    Blank label cells that mean "same as above" (地区 written once per block) are filled down
    (``fill_down=False`` keeps them blank).

    Override the detection with ``header_start`` (the header's first line, as Excel numbers it)
    and ``header_rows``; ``sheet`` picks an Excel sheet (name, or number from 0).

    >>> result = read("人口_町丁別_令和5年4月.csv")          # doctest: +SKIP
    >>> result.table.columns[:3].tolist(), result.as_of     # doctest: +SKIP
    (['町丁名', '総数', '総数_男'], datetime.date(2023, 4, 1))
    """
    if totals not in ("split", "keep") or bad_numbers not in ("raise", "missing"):
        raise InputError(
            'totals は "split" か "keep"、bad_numbers は "raise" か "missing" を指定してください。',
            action="引数の値を確認してください。",
        )
    file = Path(path).expanduser()
    raw = load(
        file, sheet=sheet, encoding=encoding, header_rows=header_rows, header_start=header_start
    )
    log = ChangeLog()
    body, lines = _named_body(raw, log, canonical)
    options = Options(
        file, dash_as_zero=dash_as_zero, bad_numbers=bad_numbers, partial_dates=partial_dates
    )
    columns = clean_columns(body, lines, log=log, options=options)
    if raw.layout.kind == "statgis":
        table, totals_frame, lines, headings = _split_statgis(columns, lines, log, totals == "keep")
    else:
        table, totals_frame, lines, headings = _split_rows(
            columns, lines, raw, log, keep=totals == "keep", fill_down=fill_down
        )
    if canonical and aliases.is_old_generation(list(raw.names)):
        table, totals_frame = _merge_entity(table, log, raw), aliases.merge_entity(totals_frame)
    return ReadResult(
        table=table,
        path=file,
        encoding=raw.encoding,
        sheet=raw.sheet,
        lines=np.asarray(lines),
        totals=totals_frame,
        notes=[*raw.notes_above, *headings, *raw.notes_below],
        as_of=find_as_of(raw.notes_above + raw.notes_below),
        header_lines=raw.header_lines,
        metadata=_metadata(raw),
        warnings=options.warnings,
        log=log,
    )


def _split_rows(
    columns: dict[str, Column],
    lines: np.ndarray,
    raw: Raw,
    log: ChangeLog,
    *,
    keep: bool,
    fill_down: bool,
) -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray, list[str]]:
    """Data rows, total rows (合計・小計…) and section headings, each built once."""
    rows = len(lines)
    if raw.layout.kind == "table":
        kinds = _totals.total_kinds(columns, rows)
        if fill_down:
            columns = _filldown.fill_down(columns, lines, kinds, log)
        heading = _totals.heading_rows(columns, rows, raw.layout.sparse_limit) & pd.isna(kinds)
    else:  # e-Stat: 総数 is a category of a long table, not a total row
        kinds = np.full(rows, None, dtype=object)
        heading = np.zeros(rows, dtype=bool)
    headings = []
    if heading.any():
        shown = frame(columns, np.flatnonzero(heading))
        headings = [" ".join(str(v) for v in row.dropna()) for _, row in shown.iterrows()]
        log.add_many(lines[heading], None, headings, None, "表の中の見出し行（.notes へ）")
    picked = pd.notna(kinds)
    where = "（表にも残す）" if keep else "（.totals へ）"
    log.add_many(lines[picked], None, kinds[picked], None, f"合計などの行{where}")
    kept = ~heading if keep else ~heading & ~picked
    return (
        frame(columns, np.flatnonzero(kept)),
        _totals_frame(frame(columns, np.flatnonzero(picked)), kinds[picked], lines[picked]),
        lines[kept],
        headings,
    )


def _split_statgis(
    columns: dict[str, Column], lines: np.ndarray, log: ChangeLog, keep: bool
) -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray, list[str]]:
    """統計GIS: figures moved into HTKSAKI hidden; areas with sub-areas are the totals."""
    table = _statgis.hide_moved_values(frame(columns, np.arange(len(lines))), lines, log)
    parents = _statgis.parent_rows(table).to_numpy()
    kinds = np.where(parents, _statgis.PARENT, None).astype(object)
    where = "（表にも残す）" if keep else "（.totals へ）"
    log.add_many(lines[parents], None, kinds[parents], None, f"合計などの行{where}")
    totals_frame = _totals_frame(
        table[parents].reset_index(drop=True), kinds[parents], lines[parents]
    )
    if keep:
        return table, totals_frame, lines, []
    return table[~parents].reset_index(drop=True), totals_frame, lines[~parents], []


def _totals_frame(rows: pd.DataFrame, kinds: np.ndarray, lines: np.ndarray) -> pd.DataFrame:
    """Total rows with their kind first and their line in the file as the index."""
    out = rows.copy()
    out.insert(0, "集計区分", pd.Series(kinds, dtype="str"))
    out.index = pd.Index(lines, name="行")
    return out


def read_table(path: str | os.PathLike[str], **options: object) -> pd.DataFrame:
    """The data rows of a municipal CSV / Excel file as a typed DataFrame (see :func:`read`).

    >>> df = kit.read_table("992011_population_20260401.csv")  # doctest: +SKIP
    """
    return read(path, **options).table  # type: ignore[arg-type]


def find_as_of(notes: list[str]) -> dt.date | None:
    """The first full date written in the notes (令和5年4月1日現在, 2023年4月1日…), or None.

    >>> find_as_of(["七瀬市 町丁目別人口", "令和5年4月1日現在"])
    datetime.date(2023, 4, 1)
    """
    ordered = sorted(notes, key=lambda note: not ("現在" in note or "時点" in note))
    for note in ordered:
        match = _DATE_IN_TEXT.search(note.translate(_FULLWIDTH_DIGITS))
        if match:
            try:
                return wareki.parse(match.group(0))
            except DateError:
                continue
    return None


def _metadata(raw: Raw) -> dict[str, str]:
    meta = dict(raw.layout.metadata)
    if raw.layout.kind == "statgis" and len(raw.header_rows) == 2:
        codes_row, labels = raw.header_rows
        pairs = zip(codes_row, labels, strict=False)
        meta.update(
            {code.strip(): label.strip() for code, label in pairs if code.strip() and label.strip()}
        )
    return meta


def _named_body(raw: Raw, log: ChangeLog, canonical: bool) -> tuple[pd.DataFrame, np.ndarray]:
    """Body with final column names; empty unnamed columns and blank rows removed (logged)."""
    body, lines = raw.body, raw.lines
    header_line = raw.header_lines[0] if raw.header_lines else None
    names = list(raw.names)
    renames = aliases.rename_map([n for n in names if n]) if canonical else {}
    keep, final = [], []
    for position, name in enumerate(names):
        empty = not name and (
            bool(body[position].isna().all()) if position in body.columns else True
        )
        if not name and empty:
            if position in body.columns:
                log.add(header_line, excel_letter(position) + "列", None, None, "空の列を除去")
            continue
        new = renames.get(name, name) or f"列{excel_letter(position)}"
        reasons = []
        written = raw_label(raw.header_rows, position)
        if len(raw.parts[position]) > 1 or " / " in written:
            reasons.append("見出しの結合")
        elif not name:
            reasons.append("列名がないため仮の名前")
        elif name != written:
            reasons.append("列名の表記の統一")
        if name in renames:
            reasons.append("標準の列名に変更")
        if reasons:
            log.add(header_line, new, written or None, new, "、".join(reasons))
        keep.append(position)
        final.append(new)
    final = _unique(final, log, header_line)
    frame = body[keep].set_axis(final, axis=1)
    blank = _first_blanks(frame)
    if blank.any():  # only rows empty in the first column can be blank
        blank[blank] = frame[blank].isna().all(axis=1).to_numpy()
    if not blank.any():
        return frame, lines
    log.add_many(lines[blank], None, None, None, "空行を除去")
    return frame[~blank].reset_index(drop=True), lines[~blank]


def _first_blanks(frame: pd.DataFrame) -> np.ndarray:
    """Rows empty in one column (a categorical one when there is: its codes are cheap to test)."""
    if not len(frame.columns):
        return np.ones(len(frame), dtype=bool)
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.CategoricalDtype):
            return frame[column].cat.codes.to_numpy() < 0
    return frame.iloc[:, 0].isna().to_numpy(copy=True)


def _unique(names: list[str], log: ChangeLog, line: int | None) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        new = name if seen[name] == 1 else f"{name}_{seen[name]}"
        if new != name:
            log.add(line, new, name, new, "同じ列名が重なるため番号を付加")
        out.append(new)
    return out


def _merge_entity(table: pd.DataFrame, log: ChangeLog, raw: Raw) -> pd.DataFrame:
    merged = aliases.merge_entity(table)
    if merged is not table:
        line = raw.header_lines[0] if raw.header_lines else None
        log.add(
            line,
            aliases.ENTITY,
            "都道府県名 / 市区町村名",
            aliases.ENTITY,
            "標準の列名に変更（2列を結合）",
        )
    return merged
