"""The worksheet's sections as rows of Japanese labels and values, shared by every export.

Markdown and Excel show the same content in the same order; this module decides it once.

>>> from kit.worksheet.model import PersonalDataWorksheet
>>> overview(PersonalDataWorksheet(title="例"))[0]
('件名', '例')
"""

from __future__ import annotations

from kit.worksheet.model import PersonalDataWorksheet

SHEET_TITLE = "個人情報の利用に関するワークシート"

ITEM_HEADERS = (
    "データ項目",
    "保有課",
    "システム",
    "個人情報",
    "要配慮個人情報",
    "もともとの利用目的",
    "利用の根拠",
    "根拠条項",
    "加工の方法",
    "入手・共有の方法",
    "頻度",
)

SIGNOFF_HEADERS = ("課", "役割", "確認", "日付", "コメント")

EMPTY = "（未記入）"


def _text(value: str) -> str:
    return value.strip() if str(value).strip() else EMPTY


def _yes_no(flag: bool) -> str:
    return "はい" if flag else "いいえ"


def overview(ws: PersonalDataWorksheet) -> list[tuple[str, str]]:
    """Section 1: what the use is for and whom it concerns.

    >>> overview(PersonalDataWorksheet())[1]
    ('利用目的', '（未記入）')
    """
    return [
        ("件名", _text(ws.title)),
        ("利用目的", _text(ws.purpose)),
        ("対象となる住民", _text(ws.target)),
        ("利用の形", _text(ws.use)),
        ("企画・担当課", _text(ws.planning_section)),
    ]


def item_rows(ws: PersonalDataWorksheet) -> list[tuple[str, ...]]:
    """Section 2: one row per data item, in the order of :data:`ITEM_HEADERS`.

    >>> from kit.worksheet.model import DataItem
    >>> item_rows(PersonalDataWorksheet(items=[DataItem("住所")]))[0][:4]
    ('住所', '（未記入）', '（未記入）', 'はい')
    """
    return [
        (
            _text(i.name),
            _text(i.holder),
            _text(i.system),
            _yes_no(i.personal),
            _yes_no(i.sensitive),
            _text(i.original_purpose),
            _text(i.basis),
            i.provision.strip() or "—",
            _text(i.handling),
            _text(i.obtained_how),
            _text(i.frequency),
        )
        for i in ws.items
    ]


def handling(ws: PersonalDataWorksheet) -> list[tuple[str, str]]:
    """Section 3: how the data are handled once obtained.

    >>> handling(PersonalDataWorksheet(retention="1年後に消去"))[2]
    ('保存期間・消去の方法', '1年後に消去')
    """
    return [
        ("利用できる人", _text(ws.access)),
        ("保管場所", _text(ws.storage)),
        ("保存期間・消去の方法", _text(ws.retention)),
        ("安全管理措置", _text(ws.security)),
    ]


def signoff_rows(ws: PersonalDataWorksheet) -> list[tuple[str, ...]]:
    """Section 4: each section's confirmation, in the order of :data:`SIGNOFF_HEADERS`.

    >>> from kit.worksheet.model import SignOff
    >>> signoff_rows(PersonalDataWorksheet(signoffs=[SignOff("情報政策課", "個人情報保護担当課")]))[0][2]
    '未'
    """
    return [
        (
            _text(s.section),
            _text(s.role),
            "済" if s.approved else "未",
            s.date.strip() or "—",
            s.note.strip() or "—",
        )
        for s in ws.signoffs
    ]


def issues(ws: PersonalDataWorksheet) -> list[str]:
    """Section 5: the open issues, blank lines left out.

    >>> issues(PersonalDataWorksheet(open_issues=["同意書の様式", " "]))
    ['同意書の様式']
    """
    return [text.strip() for text in ws.open_issues if text.strip()]
