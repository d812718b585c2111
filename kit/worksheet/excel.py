"""The worksheet as one readable Excel sheet (openpyxl): headings, label/value rows, tables.

The sheet prints on A4 landscape, one page wide, so the sections can sign it off on paper too.

>>> from kit.worksheet.model import PersonalDataWorksheet
>>> to_excel(PersonalDataWorksheet(title="例"), "ws.xlsx").suffix
'.xlsx'
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kit.errors import WorksheetError
from kit.worksheet import layout
from kit.worksheet.model import PersonalDataWorksheet

SHEET_NAME = "個人情報利用ワークシート"
_WIDTHS = (22, 16, 16, 9, 11, 24, 16, 26, 18, 22, 12)  # one per item column
_LAST = len(_WIDTHS)
_HEADER_FILL = "DDEBF7"
_SECTION_FILL = "1F4E79"


def to_excel(ws: PersonalDataWorksheet, path: str | Path) -> Path:
    """Write ``ws`` to ``path`` (.xlsx) and return the path.

    >>> to_excel(PersonalDataWorksheet(), "a.xlsx").name
    'a.xlsx'
    """
    from openpyxl import Workbook

    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise WorksheetError(
            f"ファイル名「{target.name}」の拡張子が .xlsx ではありません。",
            action='例: ws.to_excel("worksheet.xlsx")',
        )
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_NAME
    _Writer(sheet).write(ws)
    try:
        book.save(target)
    except OSError as exc:
        raise WorksheetError(
            f"Excel ファイルを保存できませんでした（{exc.strerror or exc}）。",
            file=target,
            action="フォルダの場所と、同じファイルを Excel で開いたままにしていないかを確認してください。",
        ) from exc
    return target


class _Writer:
    """Writes the sections top to bottom, keeping track of the current row."""

    def __init__(self, sheet: Any) -> None:
        self.sheet = sheet
        self.row = 1

    def write(self, ws: PersonalDataWorksheet) -> None:
        from openpyxl.utils import get_column_letter

        for index, width in enumerate(_WIDTHS, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width
        self._title(f"{layout.SHEET_TITLE}：{ws.title.strip() or layout.EMPTY}")
        self._section("1. 利用の目的と対象")
        self._pairs(layout.overview(ws))
        self._section("2. 利用するデータ項目")
        self._table(layout.ITEM_HEADERS, layout.item_rows(ws), "（データ項目がまだありません）")
        self._section("3. データの取扱い")
        self._pairs(layout.handling(ws))
        self._section("4. 各課の確認")
        self._table(layout.SIGNOFF_HEADERS, layout.signoff_rows(ws), "（確認欄がまだありません）")
        self._section("5. 未解決の課題")
        self._lines(layout.issues(ws) or ["（なし）"])
        self._section("6. チェックの結果")
        self._lines([str(f) for f in ws.check()] or ["✓ 見つかった問題はありません。"])
        self._page_setup()

    # -- building blocks ------------------------------------------------------------------

    def _title(self, text: str) -> None:
        from openpyxl.styles import Font

        cell = self.sheet.cell(self.row, 1, text)
        cell.font = Font(bold=True, size=14)
        self.row += 2

    def _section(self, text: str) -> None:
        from openpyxl.styles import Font, PatternFill

        self.sheet.merge_cells(
            start_row=self.row, start_column=1, end_row=self.row, end_column=_LAST
        )
        cell = self.sheet.cell(self.row, 1, text)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=_SECTION_FILL)
        self.row += 1

    def _pairs(self, pairs: Sequence[tuple[str, str]]) -> None:
        for label, value in pairs:
            self._header_cell(self.row, 1, label)
            self.sheet.merge_cells(
                start_row=self.row, start_column=2, end_row=self.row, end_column=_LAST
            )
            self._value_cell(self.row, 2, value)
            self._fit_height(value, chars_per_line=120)
            self.row += 1
        self.row += 1

    def _table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], empty: str) -> None:
        for column, header in enumerate(headers, start=1):
            self._header_cell(self.row, column, header)
        self.row += 1
        if not rows:
            self._value_cell(self.row, 1, empty)
            self.row += 1
        for values in rows:
            for column, value in enumerate(values, start=1):
                self._value_cell(self.row, column, value)
            longest = max(len(v) / (_WIDTHS[i] / 2) for i, v in enumerate(values))
            self.sheet.row_dimensions[self.row].height = 15 * max(1, min(8, round(longest + 0.5)))
            self.row += 1
        self.row += 1

    def _lines(self, lines: Sequence[str]) -> None:
        for text in lines:
            self.sheet.merge_cells(
                start_row=self.row, start_column=1, end_row=self.row, end_column=_LAST
            )
            self._value_cell(self.row, 1, f"・{text}")
            self._fit_height(text, chars_per_line=130)
            self.row += 1
        self.row += 1

    def _header_cell(self, row: int, column: int, text: str) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        cell = self.sheet.cell(row, column, text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        thin = Side(style="thin", color="999999")
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)

    def _value_cell(self, row: int, column: int, text: str) -> None:
        from openpyxl.styles import Alignment, Border, Side

        cell = self.sheet.cell(row, column, text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        thin = Side(style="thin", color="999999")
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)

    def _fit_height(self, text: str, chars_per_line: int) -> None:
        lines = sum(max(1, -(-len(part) // chars_per_line)) for part in str(text).split("\n"))
        self.sheet.row_dimensions[self.row].height = 15 * min(lines, 10)

    def _page_setup(self) -> None:
        self.sheet.page_setup.orientation = "landscape"
        self.sheet.page_setup.paperSize = self.sheet.PAPERSIZE_A4
        self.sheet.page_setup.fitToWidth = 1
        self.sheet.page_setup.fitToHeight = 0
        self.sheet.sheet_properties.pageSetUpPr.fitToPage = True
        self.sheet.print_title_rows = "1:1"
