"""Excel (.xlsx) sheets as grids of cell texts, with merged cells known (openpyxl).

>>> grid = read_sheet(Path("人口.xlsx"))          # doctest: +SKIP
>>> grid.rows[0][:2], grid.name                   # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kit.errors import ReadError


@dataclass
class Sheet:
    """One sheet: raw texts (merged areas blank but their first cell), and merged-filled texts."""

    name: str
    rows: list[list[str]]
    filled: list[list[str]]


def cell_text(value: object) -> str:
    """A cell value as the text a CSV export would show (numbers without a needless ``.0``).

    >>> cell_text(1234.0), cell_text(0.5), cell_text(dt.datetime(2023, 4, 1)), cell_text(None)
    ('1234', '0.5', '2023-04-01', '')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _pick(names: list[str], hidden: set[str], sheet: str | int | None, path: Path) -> str:
    listing = "、".join(f"「{n}」" for n in names)
    if not names:
        raise ReadError(
            "Excel のファイルにシートがありません。",
            file=path,
            action="表の入ったファイルか確かめてください。",
        )
    if sheet is None:
        visible = [n for n in names if n not in hidden]
        return (visible or names)[0]
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        if 0 <= sheet < len(names):
            return names[sheet]
        raise ReadError(f"シート番号 {sheet} はありません（シートは {len(names)} 枚: {listing}）。", file=path,
                        action="sheet には 0 から数えた番号か、シート名を指定してください。")  # fmt: skip
    wanted = unicodedata.normalize("NFKC", str(sheet)).strip()
    for name in names:
        if unicodedata.normalize("NFKC", name).strip() == wanted:
            return name
    raise ReadError(f"シート「{sheet}」はありません（あるシート: {listing}）。", file=path,
                    action="sheet にはこの中のシート名を指定してください。")  # fmt: skip


def read_sheet(path: Path, sheet: str | int | None = None) -> Sheet:
    """Cell texts of one sheet (the first visible one by default), from row 1 and column A."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # noqa: BLE001 - a damaged workbook fails in many ways inside openpyxl
        raise ReadError(
            f"Excel のファイルとして開けませんでした（{type(exc).__name__}）。",
            file=path,
            action="Excel で開けるか確かめ、開けるなら「名前を付けて保存」で .xlsx に保存し直してください。",
        ) from None
    try:
        hidden = {ws.title for ws in book.worksheets if ws.sheet_state != "visible"}
        ws = book[_pick(book.sheetnames, hidden, sheet, path)]
        if not hasattr(ws, "merged_cells"):
            raise ReadError(f"シート「{ws.title}」はグラフのシートで、表がありません。", file=path,
                            action="表の入っているシートを sheet で指定してください。")  # fmt: skip
        rows = [
            [cell_text(v) for v in row]
            for row in ws.iter_rows(min_row=1, min_col=1, values_only=True)
        ]
        width = max((len(r) for r in rows), default=0)
        rows = [r + [""] * (width - len(r)) for r in rows]
        filled = [list(r) for r in rows]
        for merged in ws.merged_cells.ranges:
            inside = merged.min_row <= len(rows) and merged.min_col <= width
            value = rows[merged.min_row - 1][merged.min_col - 1] if inside else ""
            for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
                for c in range(merged.min_col - 1, min(merged.max_col, width)):
                    filled[r][c] = value
        return Sheet(ws.title, rows, filled)
    finally:
        book.close()
