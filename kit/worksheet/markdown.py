"""The worksheet as a Markdown document: to share, to save beside the JSON, to show without widgets.

>>> from kit.worksheet.model import PersonalDataWorksheet
>>> "## 1. 利用の目的と対象" in to_markdown(PersonalDataWorksheet(title="例"))
True
"""

from __future__ import annotations

from collections.abc import Sequence

from kit.worksheet import layout
from kit.worksheet.model import PersonalDataWorksheet


def _cell(text: str) -> str:
    """Table-safe text: pipes escaped, line breaks kept as <br>."""
    return str(text).replace("|", "\\|").replace("\r\n", "\n").replace("\n", "<br>")


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = [
        "| " + " | ".join(_cell(h) for h in headers) + " |",
        "|" + "---|" * len(headers),
    ]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines


def to_markdown(ws: PersonalDataWorksheet, *, with_findings: bool = True) -> str:
    """Headings and tables in the worksheet's order; the check's findings at the end.

    >>> from kit.worksheet.model import DataItem
    >>> md = to_markdown(PersonalDataWorksheet(items=[DataItem("住所")]))
    >>> "| 住所 |" in md
    True
    """
    title = ws.title.strip() or layout.EMPTY
    lines = [f"# {layout.SHEET_TITLE}：{title}", ""]
    lines += ["## 1. 利用の目的と対象", ""]
    lines += _table(("欄", "内容"), layout.overview(ws))
    lines += ["", "## 2. 利用するデータ項目", ""]
    rows = layout.item_rows(ws)
    lines += _table(layout.ITEM_HEADERS, rows) if rows else ["（データ項目がまだありません）"]
    lines += ["", "## 3. データの取扱い", ""]
    lines += _table(("欄", "内容"), layout.handling(ws))
    lines += ["", "## 4. 各課の確認", ""]
    signoffs = layout.signoff_rows(ws)
    lines += (
        _table(layout.SIGNOFF_HEADERS, signoffs) if signoffs else ["（確認欄がまだありません）"]
    )
    lines += ["", "## 5. 未解決の課題", ""]
    lines += [f"- {text}" for text in layout.issues(ws)] or ["（なし）"]
    if with_findings:
        findings = ws.check()
        lines += ["", "## 6. チェックの結果", ""]
        lines += [f"- {f}" for f in findings] or ["- ✓ 見つかった問題はありません。"]
    return "\n".join(lines) + "\n"
