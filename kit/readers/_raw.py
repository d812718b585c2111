"""Stage one of reading: from a file to its layout and an untyped body (CSV or Excel).

>>> raw = load(Path("人口.csv"), sheet=None, encoding=None, header_rows=None, header_start=None)  # doctest: +SKIP
>>> raw.layout.header, raw.body.shape                                  # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from kit.readers import _csvgrid, _excel, _layout, _source
from kit.readers._cells import has_leading_zero
from kit.readers._headers import SEPARATOR, clean_label, name_parts
from kit.readers._names import is_text_name


@dataclass
class Raw:
    """A file split into notes, header and body, before any value is cleaned."""

    path: Path
    encoding: str
    sheet: str | None
    layout: _layout.Layout
    header_rows: list[list[str]]  # raw texts of the header rows
    header_lines: list[int]
    parts: list[list[str]]  # per column, the cleaned labels its name joins
    body: pd.DataFrame  # columns 0..width-1, values as parsed (text or numbers)
    lines: np.ndarray  # file line of each body row
    notes_above: list[str] = field(default_factory=list)
    notes_below: list[str] = field(default_factory=list)
    filled_cells: list[tuple[int, int, str]] = field(default_factory=list)  # (line, col, value)

    @property
    def names(self) -> list[str]:
        """Flattened, cleaned column names (may be empty or duplicated)."""
        return [SEPARATOR.join(parts) for parts in self.parts]


def _note(row: list[str]) -> str:
    return " ".join(cell.strip() for cell in row if cell and cell.strip())


def _parts(
    layout: _layout.Layout, header_rows: list[list[str]], filled: list[list[str]] | None
) -> list[list[str]]:
    width = layout.width
    padded = [row + [""] * (width - len(row)) for row in header_rows]
    if layout.kind == "statgis" and len(padded) == 2:
        pairs = zip(padded[0], padded[1], strict=True)
        return [
            [name] if (name := clean_label(label) or clean_label(code)) else []
            for code, label in pairs
        ]
    if filled is not None:
        filled = [row + [""] * (width - len(row)) for row in filled]
    return name_parts(padded, filled)


def _text_columns(names: list[str], sample: list[list[str]]) -> set[int]:
    """Columns parsed as plain text: codes and dates by name, or leading zeros in the sample
    (other columns are parsed as categoricals, whose all-numeric values pandas converts)."""
    keep = {i for i, name in enumerate(names) if is_text_name(name)}
    for row in sample:
        for i, cell in enumerate(row):
            if cell[:1] in ("0", "０", " ", "\u3000") and has_leading_zero(_layout.norm(cell)):
                keep.add(i)
    return keep


def load(path: Path, *, sheet: str | int | None, encoding: str | None,
         header_rows: int | None, header_start: int | None) -> Raw:  # fmt: skip
    """Read the file and find its layout; the body is parsed but not cleaned."""
    data = _source.read_bytes(path)
    if _source.file_kind(data, path) == "xlsx":
        return _load_excel(path, sheet, header_rows, header_start)
    text, label = _source.decode(data, path, encoding)
    return _load_text(path, text, label, header_rows, header_start)


def _load_text(
    path: Path, text: str, label: str, header_rows: int | None, header_start: int | None
) -> Raw:
    delimiter = _source.sniff_delimiter(text, path)
    total = _csvgrid.count_lines(text)
    head = _csvgrid.records(text, delimiter, first_line=1, max_lines=_csvgrid.HEAD_LINES, path=path)
    rows, lines = [fields for _, fields in head], [line for line, _ in head]
    layout = _layout.detect(
        rows, lines, path=path, header_rows=header_rows, header_start=header_start
    )
    last_head_line = lines[-1] if lines else 0
    if total <= _csvgrid.HEAD_LINES:
        tail = head[layout.data_start :]
    else:
        tail = _csvgrid.tail_records(text, delimiter, total, last_head_line, path)
        layout.width = max([layout.width, *(len(fields) for _, fields in tail)])
    trailing = _layout.trailing_notes([fields for _, fields in tail], layout.sparse_limit)
    trailing = min(trailing, max(len(tail) - 1, 0)) if total <= _csvgrid.HEAD_LINES else trailing
    notes_below = [_note(fields) for _, fields in tail[len(tail) - trailing :]] if trailing else []
    last_line = tail[len(tail) - trailing][0] - 1 if trailing else total
    header = [rows[i] for i in layout.header]
    parts = _parts(layout, header, None)
    text_cols = _text_columns([SEPARATOR.join(p) for p in parts], rows[layout.data_start :])
    body, body_lines = _csvgrid.parse_body(
        text, first_line=lines[layout.data_start], last_line=last_line, width=layout.width,
        delimiter=delimiter, text_columns=text_cols, path=path, total=total,
    )  # fmt: skip
    return Raw(
        path, label, None, layout, header, [lines[i] for i in layout.header], parts, body, body_lines,
        notes_above=[_note(rows[i]) for i in layout.above], notes_below=[n for n in notes_below if n],
    )  # fmt: skip


def _load_excel(
    path: Path, sheet: str | int | None, header_rows: int | None, header_start: int | None
) -> Raw:
    book = _excel.read_sheet(path, sheet)
    rows = book.rows
    lines = list(range(1, len(rows) + 1))
    layout = _layout.detect(
        rows, lines, path=path, header_rows=header_rows, header_start=header_start
    )
    body_rows = rows[layout.data_start :]
    trailing = min(
        _layout.trailing_notes(body_rows, layout.sparse_limit), max(len(body_rows) - 1, 0)
    )
    end = len(rows) - trailing
    header = [rows[i] for i in layout.header]
    parts = _parts(layout, header, [book.filled[i] for i in layout.header])
    data = [row + [""] * (layout.width - len(row)) for row in book.filled[layout.data_start : end]]
    body = (
        pd.DataFrame(data, columns=list(range(layout.width)), dtype="str")
        .replace("", np.nan)
        .astype("category")
    )
    filled_cells = [
        (r + 1, c, book.filled[r][c])
        for r in range(layout.data_start, end)
        for c in range(layout.width)
        if not rows[r][c] and book.filled[r][c]
    ]
    return Raw(
        path, "Excel（.xlsx）", book.name, layout, header, [lines[i] for i in layout.header], parts, body,
        np.arange(layout.data_start + 1, end + 1), notes_above=[_note(rows[i]) for i in layout.above],
        notes_below=[_note(row) for row in rows[end:] if _note(row)], filled_cells=filled_cells,
    )  # fmt: skip
