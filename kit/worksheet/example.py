"""The city's filled-in example: push notices of 児童扶養手当 to ひとり親世帯 (the Chiba pattern).

Item names are the column names of the resident register (``kit.load("residents")``), so code
can follow the worksheet's rules: e.g. ``ws.consent_items()`` names the columns that may be used
only for households that consented (``所得情報利用同意``).

>>> ws = example()
>>> ws.check().ok
True
>>> ws.consent_items()
['世帯の所得区分']
"""

from __future__ import annotations

from kit.worksheet.model import (
    AS_IS,
    CONSENT,
    OUTSIDE_PURPOSE,
    PROVISIONS,
    ROLE_HOLDER,
    ROLE_PLANNING,
    ROLE_PRIVACY,
    USE_SERVICE,
    WITHIN_PURPOSE,
    DataItem,
    PersonalDataWorksheet,
    SignOff,
)

_REGISTER = {
    "holder": "市民課",
    "system": "住民記録システム",
    "original_purpose": "住民基本台帳の記録と証明（住民基本台帳法）",
    "basis": OUTSIDE_PURPOSE,
    "provision": PROVISIONS[2],
    "handling": AS_IS,
    "obtained_how": "住民記録システムから必要な項目だけを抽出し、庁内ネットワークの共有フォルダで受け渡す",
    "frequency": "令和8年度に1回（試行）",
}


def example() -> PersonalDataWorksheet:
    """A complete worksheet with no finding to fix, to read and to start from.

    >>> example().use
    'サービス提供（本人への案内など）'
    """
    items = [
        DataItem("世帯類型", **_REGISTER),
        DataItem("生年月日", **_REGISTER),
        DataItem("住所", **_REGISTER),
        DataItem(
            "児童扶養手当_受給",
            holder="こども家庭課",
            system="児童扶養手当システム",
            original_purpose="児童扶養手当の認定と支給",
            basis=WITHIN_PURPOSE,
            handling=AS_IS,
            obtained_how="こども家庭課のシステムから担当者が抽出する",
            frequency="令和8年度に1回（試行）",
        ),
        DataItem(
            "世帯の所得区分",
            holder="市民税課",
            system="税務システム（個人住民税）",
            original_purpose="個人住民税の賦課",
            basis=CONSENT,
            provision=PROVISIONS[1],
            handling=AS_IS,
            obtained_how="同意のある世帯の分だけを市民税課が抽出し、暗号化したファイルで渡す",
            frequency="令和8年度に1回（試行）",
        ),
    ]
    signoffs = [
        SignOff("こども家庭課", ROLE_PLANNING, approved=True, date="2026-05-15"),
        SignOff("市民課", ROLE_HOLDER, approved=True, date="2026-05-20"),
        SignOff("こども家庭課", ROLE_HOLDER, approved=True, date="2026-05-15"),
        SignOff(
            "市民税課",
            ROLE_HOLDER,
            approved=True,
            date="2026-05-22",
            note="同意のない世帯の所得情報は渡さない",
        ),
        SignOff("総務課（個人情報保護担当）", ROLE_PRIVACY, approved=True, date="2026-05-27"),
    ]
    return PersonalDataWorksheet(
        title="ひとり親世帯への児童扶養手当のお知らせ（プッシュ型通知）",
        purpose=(
            "児童扶養手当を受けられる可能性があるのに受けていないひとり親世帯に、"
            "制度と申請方法を個別にお知らせし、必要な世帯に手当が届くようにする。"
        ),
        target="市内に住む、18歳未満の子を育てるひとり親世帯",
        use=USE_SERVICE,
        planning_section="こども家庭課",
        items=items,
        access="こども家庭課の児童扶養手当担当者（4名）に限る",
        storage="こども家庭課の業務用ファイルサーバー（アクセス権を設定したフォルダ）",
        retention="お知らせの送付から1年後に消去し、消去した日を記録する",
        security=(
            "アクセス権の設定、持ち出し禁止、ファイルの暗号化、作業記録（ログ）の保存、"
            "担当者への研修"
        ),
        signoffs=signoffs,
        open_issues=[
            "本格実施で毎年行う場合は、利用目的の変更（個人情報保護法第61条第3項）を検討する",
            "所得情報の利用同意を取る様式と、同意の取り消しの受け付け方を決める",
        ],
    )
