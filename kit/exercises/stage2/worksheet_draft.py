"""The draft worksheet of the stage-2 exercise (問6): an analysis plan with five gaps to close.

The plan follows the Himeji pattern: the planning section analyses register, nursery and
health-check data by 町丁目, receiving them processed so that nobody can be recognised.

>>> ws = draft_worksheet()
>>> ws.check().ok
False
>>> len(ws.check().must_fix)
5
"""

from __future__ import annotations

from kit.worksheet import (
    AGGREGATED,
    AS_IS,
    OUTSIDE_PURPOSE,
    PROVISIONS,
    PSEUDONYMISED,
    ROLE_HOLDER,
    ROLE_PLANNING,
    ROLE_PRIVACY,
    USE_ANALYSIS,
    DataItem,
    PersonalDataWorksheet,
    SignOff,
)

# Items the analysis cannot do without; the health-check item is not needed for the purpose.
NEEDED_ITEMS = ("生年月日", "町丁目", "保育所の入所申込み状況")
OPTIONAL_ITEM = "乳幼児健診の結果"
INTERNAL_USE = PROVISIONS[2]  # 第69条第2項第2号: use inside the city, for its own tasks

_HANDOVER = "抽出したファイルを暗号化し、庁内ネットワークで受け渡す"
_ONCE = "1回（令和8年4月1日時点）"


def draft_worksheet() -> PersonalDataWorksheet:
    """A fresh copy of the draft (each call builds a new one, so edits never leak).

    >>> draft_worksheet().title
    '保育ニーズの地区別分析'
    """
    register = {
        "holder": "市民課",
        "system": "住民記録システム",
        "original_purpose": "住民基本台帳の記録と証明（住民基本台帳法）",
        "basis": OUTSIDE_PURPOSE,
        "handling": PSEUDONYMISED,
        "obtained_how": _HANDOVER,
        "frequency": _ONCE,
    }
    items = [
        DataItem("生年月日", **register),  # gap: no provision
        DataItem("町丁目", **register, provision=INTERNAL_USE),
        DataItem(
            "保育所の入所申込み状況",
            holder="保育課",
            system="保育所入所管理システム",
            original_purpose="保育所の入所選考と通知",
            basis=OUTSIDE_PURPOSE,
            provision=INTERNAL_USE,
            handling=AS_IS,  # gap: personal data as they are, to analysts
            obtained_how=_HANDOVER,
            frequency=_ONCE,
        ),
        DataItem(
            OPTIONAL_ITEM,
            holder="健康づくり課",
            system="健康管理システム",
            sensitive=True,
            original_purpose="乳幼児健康診査の実施と保健指導",
            handling=AGGREGATED,  # gap: sensitive, and no basis at all
            obtained_how=_HANDOVER,
            frequency=_ONCE,
        ),
    ]
    signoffs = [  # gap: 保育課 has not signed
        SignOff("企画政策課", ROLE_PLANNING, approved=True, date="2026-06-01"),
        SignOff("市民課", ROLE_HOLDER, approved=True, date="2026-06-03"),
        SignOff("健康づくり課", ROLE_HOLDER, approved=True, date="2026-06-04"),
        SignOff("総務課（個人情報保護担当）", ROLE_PRIVACY, approved=True, date="2026-06-05"),
    ]
    return PersonalDataWorksheet(
        title="保育ニーズの地区別分析",
        purpose=(
            "町丁目ごとに就学前の子どもの数と保育所への申込みの状況を比べ、"
            "保育所の定員を増やす必要がある地区を見つける。"
        ),
        target="市内に住む就学前（0〜5歳）の子どもとその世帯",
        use=USE_ANALYSIS,
        planning_section="企画政策課",
        items=items,
        access="企画政策課の分析担当者（3名）に限る",
        storage="企画政策課の分析用端末（インターネットから切り離した環境）",
        retention="",  # gap
        security="アクセス権の設定、持ち出し禁止、作業記録（ログ）の保存",
        signoffs=signoffs,
        open_issues=["分析結果を公表するときの集計単位（町丁目か地区か）を決める"],
    )
