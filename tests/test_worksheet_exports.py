"""kit.worksheet exports: Markdown content and order, Excel layout read back with openpyxl."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from kit.errors import WorksheetError
from kit.worksheet import DataItem, PersonalDataWorksheet, SignOff, example
from kit.worksheet.excel import SHEET_NAME
from kit.worksheet.layout import ITEM_HEADERS, SIGNOFF_HEADERS
from kit.worksheet.markdown import to_markdown


def _sheet_text(path) -> list[list[str]]:
    sheet = load_workbook(path)[SHEET_NAME]
    return [[str(v) for v in row if v is not None] for row in sheet.iter_rows(values_only=True)]


def test_markdown_has_every_section_in_order_with_the_values():
    ws = example()
    md = ws.to_markdown()
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert headings == [
        "# 個人情報の利用に関するワークシート：" + ws.title,
        "## 1. 利用の目的と対象",
        "## 2. 利用するデータ項目",
        "## 3. データの取扱い",
        "## 4. 各課の確認",
        "## 5. 未解決の課題",
        "## 6. チェックの結果",
    ]
    assert "| " + " | ".join(ITEM_HEADERS) + " |" in md
    assert "| " + " | ".join(SIGNOFF_HEADERS) + " |" in md
    income = next(line for line in md.splitlines() if line.startswith("| 世帯の所得区分 |"))
    assert "| 市民税課 | 税務システム（個人住民税） | はい | いいえ |" in income
    assert "| 本人同意 |" in income
    assert f"| 保存期間・消去の方法 | {ws.retention} |" in md
    assert (
        "| 市民税課 | データ保有課 | 済 | 2026-05-22 | 同意のない世帯の所得情報は渡さない |" in md
    )
    assert f"- {ws.open_issues[0]}" in md
    assert md.rstrip().endswith("- ✓ 見つかった問題はありません。")


def test_markdown_of_a_draft_shows_blanks_and_findings():
    ws = PersonalDataWorksheet(title="下書き", items=[DataItem("住所|番地", holder="市民課")])
    md = ws.to_markdown()
    assert "| 利用目的 | （未記入） |" in md
    assert "住所\\|番地" in md  # a pipe cannot break the table
    assert "（確認欄がまだありません）" in md
    assert "- 【要修正】利用目的: 利用目的が書かれていません。" in md
    assert "チェックの結果" not in to_markdown(ws, with_findings=False)


def test_markdown_keeps_line_breaks_inside_a_cell():
    ws = PersonalDataWorksheet(purpose="1行目\n2行目")
    assert "| 利用目的 | 1行目<br>2行目 |" in ws.to_markdown()


def test_excel_sheet_holds_every_section_and_value(tmp_path):
    ws = example()
    path = ws.to_excel(tmp_path / "worksheet.xlsx")
    assert path == tmp_path / "worksheet.xlsx"
    rows = _sheet_text(path)
    assert rows[0] == ["個人情報の利用に関するワークシート：" + ws.title]
    firsts = [r[0] for r in rows if r]
    for section in ("1. 利用の目的と対象", "2. 利用するデータ項目", "3. データの取扱い",
                    "4. 各課の確認", "5. 未解決の課題", "6. チェックの結果"):  # fmt: skip
        assert section in firsts
    assert list(ITEM_HEADERS) in rows
    assert list(SIGNOFF_HEADERS) in rows
    assert ["利用目的", ws.purpose] in rows
    assert ["保存期間・消去の方法", ws.retention] in rows
    income = next(r for r in rows if r and r[0] == "世帯の所得区分")
    assert income[1:5] == ["市民税課", "税務システム（個人住民税）", "はい", "いいえ"]
    assert income[6] == "本人同意"
    assert ["・" + ws.open_issues[1]] in rows
    assert ["・✓ 見つかった問題はありません。"] in rows


def test_excel_layout_is_readable(tmp_path):
    path = example().to_excel(tmp_path / "ws.xlsx")
    sheet = load_workbook(path)[SHEET_NAME]
    assert sheet["A1"].font.bold and sheet["A1"].font.size == 14
    header_row = next(r for r in sheet.iter_rows() if r[0].value == ITEM_HEADERS[0])
    assert all(c.font.bold for c in header_row[: len(ITEM_HEADERS)])
    assert header_row[0].fill.fgColor.rgb.endswith("DDEBF7")
    assert sheet.column_dimensions["A"].width >= 20
    assert sheet.page_setup.orientation == "landscape"
    assert any("B" in str(rng) and "K" in str(rng) for rng in sheet.merged_cells.ranges)
    values = [c for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    assert all(c.alignment.wrap_text for c in values if len(c.value) > 30)


def test_excel_of_a_draft_lists_findings(tmp_path):
    ws = PersonalDataWorksheet(signoffs=[SignOff("総務課", "個人情報保護担当課")])
    rows = _sheet_text(ws.to_excel(tmp_path / "draft.xlsx"))
    assert ["（データ項目がまだありません）"] in rows
    assert [
        "・【要修正】保存期間・消去: 保存期間と消去の方法が書かれていません。いつまで持ち、どう消すかを決めてください。"
    ] in rows
    assert ["総務課", "個人情報保護担当課", "未", "—", "—"] in rows


def test_excel_refuses_other_suffixes_and_unwritable_places(tmp_path):
    with pytest.raises(WorksheetError, match="拡張子が .xlsx ではありません"):
        example().to_excel(tmp_path / "ws.csv")
    with pytest.raises(WorksheetError, match="保存できませんでした"):
        example().to_excel(tmp_path / "no" / "such" / "ws.xlsx")
