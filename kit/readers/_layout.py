"""Find a table's structure in its first rows: title and note rows, header rows, first data row.

Works on a small grid of raw cell texts (the first few hundred records of a CSV, or an Excel
sheet), so that the bulk of a big file can be left to pandas' C parser.

>>> rows = [["七瀬市の人口", "", ""], ["町丁名", "男", "女"], ["旭丘", "10", "12"]]
>>> layout = detect(rows, [1, 2, 3], path="a.csv")
>>> layout.header, layout.data_start
([1], 2)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from kit.errors import ReadError

MAX_HEADER_ROWS = 3
_DETECT_ROWS = 120  # titles, e-Stat metadata and headers are all near the top
_DATA_LIKE = re.compile(r"^[+\-−△▲]?[\d,]*\d(\.\d+)?%?$")
MISSING_MARKS = frozenset(
    {"-", "‐", "―", "—", "–", "−", "ー", "...", "..", "・・・", "X", "x", "×", "*", "**", "***"}
)
_ESTAT_KEY = re.compile(r"^[A-Z][A-Z0-9_]*$")
_TITLE_HINT = re.compile(r"(現在|時点|単位|^表|^\(?注|^※|^資料|^出典|年度?$|月$|日$)")


def norm(cell: str) -> str:
    """Cell text as compared during detection: NFKC and trimmed."""
    return unicodedata.normalize("NFKC", cell).strip() if cell else ""


def data_like(cell: str) -> bool:
    """Whether a (normalised) cell looks like a value rather than a label.

    >>> data_like("1,234"), data_like("X"), data_like("0〜4歳")
    (True, True, False)
    """
    return bool(_DATA_LIKE.match(cell)) or cell in MISSING_MARKS


@dataclass
class Layout:
    """Where things are, as indices into the detection grid (not file lines)."""

    kind: str  # "table", "estat" or "statgis"
    above: list[int]  # title / note rows above the header
    header: list[int]  # header rows
    data_start: int  # first data row
    width: int  # number of columns (fields) seen
    sparse_limit: int  # rows with this many filled cells or fewer are notes / blank
    metadata: dict[str, str] = field(default_factory=dict)


def filled(row: list[str]) -> int:
    return sum(1 for cell in row if cell and cell.strip())


def sparse_limit_for(width: int) -> int:
    """Rows with at most this many filled cells are titles, notes or blank lines."""
    if width <= 1:
        return 0
    return 1 if width < 6 else 2


def detect(
    rows: list[list[str]],
    lines: list[int],
    *,
    path: object,
    header_rows: int | None = None,
    header_start: int | None = None,
) -> Layout:
    """The layout of a table whose first records are ``rows`` (starting at file ``lines``)."""
    if not any(filled(row) for row in rows):
        raise ReadError("表のデータが見つかりません（ファイルが空か、空の行しかありません）。", file=path,
                        action="ファイルの中身を Excel やメモ帳で確かめてください。")  # fmt: skip
    width = max(len(row) for row in rows)
    most = max(filled(row) for row in rows)
    limit = sparse_limit_for(most)
    upto = _DETECT_ROWS if header_start is None else header_start + MAX_HEADER_ROWS + _DETECT_ROWS
    if not any(filled(row) > limit for row in rows[:upto]):
        upto = len(rows)
    normed = [[norm(cell) for cell in row] for row in rows[:upto]]
    estat = _estat(normed)
    if estat is not None and header_start is None:
        start, metadata = estat
        _require_data(start + 1, rows, lines, path)
        return Layout("estat", list(range(start)), [start], start + 1, width, limit, metadata)
    start = _header_start(normed, lines, limit, header_start, path)
    kind = "statgis" if {"KEY_CODE", "HTKSYORI"} <= set(normed[start]) else "table"
    if header_rows is not None:
        if header_rows < 1 or start + header_rows >= len(rows):
            raise ReadError(f"見出しの行数 header_rows={header_rows} が表に合いません。", file=path,
                            action="1 以上で、データの行が残る数を指定してください。")  # fmt: skip
        count = header_rows
    elif kind == "statgis":
        labels = [norm(cell) for cell in rows[start + 1]] if start + 1 < len(rows) else ["0"]
        count = 1 if any(map(data_like, labels)) else 2
    else:
        count = _header_count(normed, start, limit)
        if header_start is None and start > 0 and _belongs_to_header(normed, start):
            start, count = start - 1, count + 1
    above = [i for i in range(start) if filled(rows[i])]
    _require_data(start + count, rows, lines, path)
    return Layout(kind, above, list(range(start, start + count)), start + count, width, limit)


def _require_data(data_start: int, rows: list[list[str]], lines: list[int], path: object) -> None:
    if data_start >= len(rows):
        raise ReadError("見出しの行はありますが、データの行が見つかりません。", file=path, row=lines[data_start - 1],
                        action="ファイルにデータが入っているか確かめてください。")  # fmt: skip


def _estat(normed: list[list[str]]) -> tuple[int, dict[str, str]] | None:
    """e-Stat API CSV: KEY,value lines, then a line "VALUE", then the table's header."""
    for index, row in enumerate(normed[:-1]):
        cells = [cell for cell in row if cell]
        if cells == ["VALUE"]:
            keys = [r[0] for r in normed[:index] if r and r[0]]
            if keys and sum(bool(_ESTAT_KEY.match(k)) for k in keys) >= 0.8 * len(keys):
                metadata = {
                    r[0]: " ".join(c for c in r[1:] if c) for r in normed[:index] if r and r[0]
                }
                return index + 1, metadata
            return None
    return None


def _header_start(
    normed: list[list[str]], lines: list[int], limit: int, header_start: int | None, path: object
) -> int:
    if header_start is not None:
        for index, line in enumerate(lines):
            if line >= header_start:
                return index
        raise ReadError(f"見出しの開始行 header_start={header_start} がファイルの行数を超えています。", file=path,
                        action="Excel で見出しの行番号を確かめてください。")  # fmt: skip
    for index, row in enumerate(normed):
        if filled(row) > limit:
            return index
    return next(index for index, row in enumerate(normed) if filled(row))


def _header_count(normed: list[list[str]], start: int, limit: int) -> int:
    """How many rows from ``start`` form the header (merged two-row headers etc.)."""
    count = 1
    while count < MAX_HEADER_ROWS and start + count < len(normed) - 1:
        row = normed[start + count]
        above = normed[start : start + count]
        if filled(row) <= limit or any(data_like(cell) for cell in row):
            break
        fills_gap = any(
            cell and all(j >= len(upper) or not upper[j] for upper in above[-1:])
            for j, cell in enumerate(row)
        )
        first_open = bool(above[0] and above[0][0]) and not (row and row[0])
        repeated = any(a and a == b for a, b in zip(above[-1], above[-1][1:], strict=False))
        if not (fills_gap or first_open or repeated):
            break
        count += 1
    return count


def _belongs_to_header(normed: list[list[str]], start: int) -> bool:
    """A sparse row right above the header that labels its first column (町丁名 over a blank)."""
    upper, header = normed[start - 1], normed[start]
    if not (upper and upper[0]) or (header and header[0]):
        return False
    return not _TITLE_HINT.search(upper[0]) and not any(data_like(cell) for cell in upper)


def trailing_notes(rows: list[list[str]], limit: int) -> int:
    """How many rows at the end of ``rows`` are notes or blank: sparse rows of text only
    (a sparse row holding a number is a data row with missing values)."""
    count = 0
    for row in reversed(rows):
        if filled(row) > limit or any(data_like(norm(cell)) for cell in row if cell):
            break
        count += 1
    return count
