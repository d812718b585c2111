"""What a personal-information section would ask about a worksheet: missing entries, contradictions.

Each finding has a level: 「要修正」 (must be fixed before the data are used) or 「要確認」 (to
discuss with the 個人情報保護担当課). A worksheet is ready when no 「要修正」 finding is left.
Item-by-item rules live in :mod:`kit.worksheet.item_checks`.

>>> from kit.worksheet.model import PersonalDataWorksheet, DataItem, OUTSIDE_PURPOSE
>>> ws = PersonalDataWorksheet(items=[DataItem("所得", basis=OUTSIDE_PURPOSE)])
>>> any("第69条" in f.message for f in check(ws))
True
"""

from __future__ import annotations

from kit.worksheet.findings import MUST_FIX, TO_CONFIRM, Finding, Findings
from kit.worksheet.item_checks import item_findings
from kit.worksheet.model import (
    ROLE_HOLDER,
    ROLE_PLANNING,
    ROLE_PRIVACY,
    ROLES,
    USE_ANALYSIS,
    USE_SERVICE,
    USES,
    PersonalDataWorksheet,
)

__all__ = ["MUST_FIX", "TO_CONFIRM", "Finding", "Findings", "check"]


def check(ws: PersonalDataWorksheet) -> Findings:
    """Every finding about the worksheet, sheet-level ones first, then item by item.

    >>> print(check(PersonalDataWorksheet(title="例")).must_fix[0])
    【要修正】利用目的: 利用目的が書かれていません。何のためにデータを使うのかを具体的に書いてください。
    """
    found = Findings()
    found += _purpose(ws)
    found += item_findings(ws)
    found += _handling(ws)
    found += _signoffs(ws)
    return found


def _blank(text: str) -> bool:
    return not str(text).strip()


def _purpose(ws: PersonalDataWorksheet) -> list[Finding]:
    out = []
    required = [
        (ws.title, "件名", "件名（取り組みの名前）が書かれていません。"),
        (
            ws.purpose,
            "利用目的",
            "利用目的が書かれていません。何のためにデータを使うのかを具体的に書いてください。",
        ),
        (ws.target, "対象者", "対象となる住民の範囲が書かれていません。"),
        (ws.planning_section, "企画・担当課", "取り組みを進める課が書かれていません。"),
    ]
    out += [
        Finding(MUST_FIX, where, message) for value, where, message in required if _blank(value)
    ]
    if ws.use not in USES:
        out.append(
            Finding(
                MUST_FIX,
                "利用の形",
                f"利用の形を「{USE_ANALYSIS}」か「{USE_SERVICE}」から選んでください。",
            )
        )
    if not ws.items:
        out.append(Finding(MUST_FIX, "データ項目", "データ項目が 1 つもありません。"))
    return out


def _handling(ws: PersonalDataWorksheet) -> list[Finding]:
    required = [
        (ws.access, "利用できる人", "データを利用できる人（課・担当者の範囲）が書かれていません。"),
        (ws.storage, "保管場所", "データの保管場所が書かれていません。"),
        (
            ws.retention,
            "保存期間・消去",
            "保存期間と消去の方法が書かれていません。いつまで持ち、どう消すかを決めてください。",
        ),
        (
            ws.security,
            "安全管理措置",
            "安全管理措置（アクセス制限・持ち出し禁止など）が書かれていません。",
        ),
    ]
    return [
        Finding(MUST_FIX, where, message) for value, where, message in required if _blank(value)
    ]


def _signoffs(ws: PersonalDataWorksheet) -> list[Finding]:
    out = []
    where = "各課の確認"
    by_role = {role: [s for s in ws.signoffs if s.role == role] for role in ROLES}
    for signoff in ws.signoffs:
        if signoff.role not in ROLES:
            out.append(
                Finding(
                    MUST_FIX,
                    where,
                    f"「{signoff.section}」の役割は「{'」「'.join(ROLES)}」から選んでください。",
                )
            )
    for role in (ROLE_PLANNING, ROLE_PRIVACY):
        if not by_role[role]:
            out.append(Finding(MUST_FIX, where, f"{role}の確認欄がありません。"))
    holders = sorted({i.holder.strip() for i in ws.items if i.holder.strip()})
    holder_sections = {s.section.strip() for s in by_role[ROLE_HOLDER]}
    for holder in holders:
        if holder not in holder_sections:
            out.append(
                Finding(MUST_FIX, where, f"データを持っている「{holder}」の確認欄がありません。")
            )
    for signoff in ws.signoffs:
        if signoff.role in ROLES and not signoff.approved:
            out.append(
                Finding(
                    MUST_FIX, where, f"「{signoff.section}」（{signoff.role}）の確認がまだです。"
                )
            )
    planners = {s.section.strip() for s in by_role[ROLE_PLANNING]}
    if planners and ws.planning_section.strip() and ws.planning_section.strip() not in planners:
        out.append(
            Finding(
                TO_CONFIRM,
                where,
                f"企画・担当課の確認欄の課が、取り組みを進める課「{ws.planning_section}」と違います。",
            )
        )
    return out
