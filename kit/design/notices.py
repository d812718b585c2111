"""The push-notice prototype (プッシュ型通知, the Chiba pattern): the worksheet's rules, then drafts.

:func:`permitted_view` shows the register as the personal-data worksheet of stage 2 lets this
use see it: only the items the worksheet lists and allows, and the items allowed only with
consent (本人同意) blanked for residents who did not consent. :func:`notice_letters` drafts the
notice for each household found.

>>> import pandas as pd
>>> import kit
>>> ws = kit.worksheet.example()
>>> register = pd.DataFrame({"世帯ID": ["1", "2"], "世帯の所得区分": ["100万円未満"] * 2,
...                          "所得情報利用同意": [True, False]})
>>> permitted_view(register, ws, ["世帯の所得区分"])["世帯の所得区分"].isna().tolist()
[False, True]
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from typing import Any

import pandas as pd

from kit.errors import InputError, PrivacyError

CONSENT_COLUMN = "所得情報利用同意"
KEYS = ("住民ID", "世帯ID")
SUBJECT = "{制度}のご案内"
TEMPLATE = (
    "{宛名}\n\n"
    "{市}{担当課}からのお知らせです。\n"
    "市の記録から、あなたの世帯は「{制度}」を受けられる可能性があるため、ご案内しています。\n"
    "受けられるかどうかは、申請のあとの審査で決まります。\n"
    "申請の方法：{申請方法}\n"
    "お問い合わせ：{市}{担当課}（{連絡先}）"
)
_TRUE = {"true", "1", "yes", "はい", "有", "あり", "同意"}


def permitted_view(
    frame: pd.DataFrame,
    worksheet: Any,
    columns: Sequence[str],
    *,
    consent_column: str = CONSENT_COLUMN,
    keys: Sequence[str] = KEYS,
) -> pd.DataFrame:
    """The columns this use may see: listed and allowed on the worksheet, consent respected.

    ``columns`` are the worksheet's item names (the register's column names). A column the
    worksheet does not allow raises :class:`~kit.PrivacyError`. Items allowed only with consent
    become missing (NA) on the rows whose ``consent_column`` is not true; the consent column is
    kept so you can tell "no consent" from "no data". Key columns (住民ID, 世帯ID) are kept.

    >>> import kit
    >>> permitted_view(pd.DataFrame({"続柄": ["子"]}), kit.worksheet.example(), ["続柄"])
    Traceback (most recent call last):
    kit.errors.PrivacyError: 列「続柄」: この項目はワークシートに載っていないため、この利用には使えません。ワークシートに項目として加え、各課の確認を受けてから使ってください（ステージ2）。
    """
    if not isinstance(frame, pd.DataFrame):
        raise InputError("住民の表（DataFrame）を渡してください。")
    if not (hasattr(worksheet, "permitted_items") and hasattr(worksheet, "consent_items")):
        raise InputError(
            "個人情報の利用ワークシート（kit.worksheet.PersonalDataWorksheet）を渡してください。",
            action="例: ws = kit.worksheet.example()",
        )
    wanted = [str(c) for c in columns]
    missing = [c for c in wanted if c not in frame.columns]
    if missing:
        raise InputError(f"表に列「{'」「'.join(missing)}」がありません。", column=missing[0])
    allowed = set(worksheet.permitted_items())
    listed = {getattr(item, "name", "") for item in getattr(worksheet, "items", [])}
    for column in wanted:
        if column in keys or column in allowed:
            continue
        reason = (
            "ワークシートに載っていますが、直すべき点が残っているため、まだ使えません。"
            if column in listed
            else "この項目はワークシートに載っていないため、この利用には使えません。"
        )
        raise PrivacyError(
            reason,
            column=column,
            action="ワークシートに項目として加え、各課の確認を受けてから使ってください（ステージ2）。"
            if column not in listed
            else "ワークシートの確認結果（ws.check()）を見て、直してください。",
        )
    key_columns = [k for k in keys if k in frame.columns and k not in wanted]
    consent_items = [c for c in wanted if c in set(worksheet.consent_items())]
    view = frame[key_columns + wanted].copy()
    if consent_items:
        if consent_column not in frame.columns:
            raise PrivacyError(
                f"本人同意が必要な項目（{'、'.join(consent_items)}）がありますが、"
                f"同意の列「{consent_column}」が表にありません。",
                action="同意の有無が分かる列の名前を consent_column= で指定してください。",
            )
        consented = consent_flags(frame[consent_column])
        for column in consent_items:
            view[column] = view[column].where(consented)
        view[consent_column] = consented
    return view


def age_on(birth_dates: pd.Series, on: str = "2026-04-01") -> pd.Series:
    """Completed years of age on a date (e.g. 4月1日時点の年齢), as integers.

    >>> age_on(pd.Series(pd.to_datetime(["2008-04-01", "2008-04-02"])), "2026-04-01").tolist()
    [18, 17]
    """
    day = pd.Timestamp(on)
    birth = pd.to_datetime(birth_dates, errors="coerce")
    if birth.isna().any():
        raise InputError("生年月日に、日付として読めない値があります。", column=birth_dates.name)
    later = (birth.dt.month * 100 + birth.dt.day) > (day.month * 100 + day.day)
    return (day.year - birth.dt.year - later.astype(int)).astype("int64")


def consent_flags(values: pd.Series) -> pd.Series:
    """True only where consent is clearly given (True, "True", "はい" …); missing counts as no.

    >>> consent_flags(pd.Series([True, "False", None, "はい"])).tolist()
    [True, False, False, True]
    """
    if pd.api.types.is_bool_dtype(values):
        return values.fillna(False).astype(bool)
    text = values.astype("string").str.strip().str.lower()
    return text.isin(_TRUE).fillna(False).astype(bool)


def notice_letters(
    households: pd.DataFrame,
    scheme: str,
    *,
    section: str = "こども家庭課",
    contact: str = "電話 0000-00-0000",
    how_to_apply: str = "同封の申請書を郵送するか、オンライン申請のページから申請してください",
    city: str = "七瀬市",
    addressee: str = "世帯主様",
    template: str = TEMPLATE,
    id_column: str = "世帯ID",
) -> pd.DataFrame:
    """Draft one notice per household: 世帯ID, 件名, 本文 (a prototype, nothing is sent).

    ``template`` may use {制度}, {担当課}, {連絡先}, {申請方法}, {市}, {宛名} and any column of
    ``households`` (e.g. {地区名}). The notice says only what the resident needs; it never
    states the data (such as income) that led to it.

    >>> letters = notice_letters(pd.DataFrame({"世帯ID": ["7", "7", "9"]}), "児童扶養手当")
    >>> letters["世帯ID"].tolist(), letters["件名"].iloc[0]
    (['7', '9'], '児童扶養手当のご案内')
    """
    if not isinstance(households, pd.DataFrame) or id_column not in households.columns:
        raise InputError(
            f"列「{id_column}」のある表（DataFrame）を渡してください。", column=id_column
        )
    fixed = {"制度": scheme, "担当課": section, "連絡先": contact, "申請方法": how_to_apply,
             "市": city, "宛名": addressee}  # fmt: skip
    fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    unknown = sorted(fields - set(fixed) - set(households.columns))
    if unknown:
        raise InputError(
            f"文面の {{{'}、{'.join(unknown)}}} に当てはまる値がありません。",
            action="使える名前: " + "、".join([*fixed, *map(str, households.columns)]) + "。",
        )
    rows = households.drop_duplicates(id_column)
    bodies = [template.format(**{**row, **fixed}) for row in rows.to_dict("records")]
    return pd.DataFrame(
        {
            id_column: rows[id_column].to_numpy(),
            "件名": SUBJECT.format(制度=scheme),
            "本文": bodies,
        }
    )
