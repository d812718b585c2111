"""The checks of each data item: missing entries, legal basis (第69条), processing for the use.

>>> from kit.worksheet.model import PersonalDataWorksheet, DataItem, OUTSIDE_PURPOSE
>>> ws = PersonalDataWorksheet(items=[DataItem("所得", basis=OUTSIDE_PURPOSE)])
>>> any("第69条" in f.message for f in item_findings(ws))
True
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from kit.worksheet.findings import MUST_FIX, TO_CONFIRM, Finding
from kit.worksheet.model import (
    AGGREGATED,
    ANONYMISED,
    AS_IS,
    BASES,
    CONSENT,
    HANDLINGS,
    OUTSIDE_PURPOSE,
    USE_ANALYSIS,
    USE_SERVICE,
    WITHIN_PURPOSE,
    DataItem,
    PersonalDataWorksheet,
)

# Words in 頻度 that mean a regular, not a one-off, extraction.
_REGULAR_WORDS = ("毎", "定期", "随時")


def _blank(text: str) -> bool:
    return not str(text).strip()


def item_findings(ws: PersonalDataWorksheet) -> list[Finding]:
    """Findings about each data item, in the worksheet's order.

    >>> item_findings(PersonalDataWorksheet(items=[DataItem("住所", holder="市民課")]))[0].where
    'データ項目「住所」'
    """
    out = []
    counts = Counter(i.name.strip() for i in ws.items)
    for number, item in enumerate(ws.items, start=1):
        name = item.name.strip()
        where = f"データ項目「{name}」" if name else f"データ項目（{number} 番目）"
        notes: list[tuple[str, str]] = []
        if not name:
            notes.append((MUST_FIX, "項目名が書かれていません。"))
        elif counts[name] > 1:
            notes.append((MUST_FIX, "同じ名前の項目が 2 回以上あります。1 つにまとめてください。"))
        notes += [(MUST_FIX, message) for message in _item_missing(item)]
        notes += _item_basis(item)
        notes += _item_handling(item, ws.use)
        out += [Finding(level, where, message, name or None) for level, message in notes]
    return out


def _item_missing(item: DataItem) -> list[str]:
    required = [
        (item.holder, "保有課（データを持っている課）が書かれていません。"),
        (item.system, "どのシステム（台帳）のデータかが書かれていません。"),
        (item.obtained_how, "入手・共有の方法（どうやって受け渡すか）が書かれていません。"),
        (item.frequency, "入手の頻度（1 回だけか、毎月かなど）が書かれていません。"),
    ]
    if item.personal:
        required.append((item.original_purpose, "もともとの利用目的が書かれていません。"))
    return [message for value, message in required if _blank(value)]


def _item_basis(item: DataItem) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if item.sensitive and not item.personal:
        out.append(
            (
                MUST_FIX,
                "「個人情報ではない」のに「要配慮個人情報」になっています。どちらが正しいか確認してください。",
            )
        )
    if not item.personal:
        return out
    sensitive = "要配慮個人情報なのに、" if item.sensitive else ""
    if _blank(item.basis):
        out.append(
            (
                MUST_FIX,
                f"{sensitive}利用の根拠（「{'」「'.join(BASES)}」のどれか）が選ばれていません。",
            )
        )
    elif item.basis not in BASES:
        out.append((MUST_FIX, f"利用の根拠は「{'」「'.join(BASES)}」から選んでください。"))
    elif item.basis == OUTSIDE_PURPOSE and _blank(item.provision):
        out.append(
            (
                MUST_FIX,
                f"{sensitive}目的外利用・提供とされていますが、その根拠"
                "（個人情報保護法第69条の何項何号か）が書かれていません。",
            )
        )
    elif item.basis == OUTSIDE_PURPOSE and "69" not in _digits(item.provision):
        out.append(
            (
                TO_CONFIRM,
                "根拠条項には、個人情報保護法第69条のどの項・号にあたるかを書いてください。",
            )
        )
    elif item.basis == WITHIN_PURPOSE and not _blank(item.provision):
        out.append(
            (
                TO_CONFIRM,
                "「利用目的の範囲内」としながら、目的外利用の根拠条項も書かれています。"
                "どちらにあたるのかを個人情報保護担当課と確認してください。",
            )
        )
    if item.basis == OUTSIDE_PURPOSE and any(w in item.frequency for w in _REGULAR_WORDS):
        out.append(
            (
                TO_CONFIRM,
                "第69条第2項による目的外利用は臨時の利用のための規定です。定期的に行うなら、"
                "利用目的の変更（第61条第3項）で対応できないか個人情報保護担当課と相談してください。",
            )
        )
    return out


def _item_handling(item: DataItem, use: str) -> list[tuple[str, str]]:
    if not item.personal:
        return []
    if _blank(item.handling):
        return [
            (MUST_FIX, f"加工の方法（「{'」「'.join(HANDLINGS)}」のどれか）が選ばれていません。")
        ]
    if item.handling not in HANDLINGS:
        return [(MUST_FIX, f"加工の方法は「{'」「'.join(HANDLINGS)}」から選んでください。")]
    if item.handling == AS_IS and use == USE_ANALYSIS:
        return [
            (
                MUST_FIX,
                "個人情報を加工せずにそのまま分析担当者に渡すことになっています。"
                "分析には仮名加工情報や統計（集計）にして渡してください。",
            )
        ]
    if item.handling == ANONYMISED and use == USE_SERVICE:
        return [
            (
                MUST_FIX,
                "行政機関等匿名加工情報は本人が分からないように加工したものなので、"
                "本人への案内には使えません。加工の方法か利用の形を見直してください。",
            )
        ]
    if item.handling == ANONYMISED:
        return [
            (
                TO_CONFIRM,
                "行政機関等匿名加工情報は、主に民間事業者からの提案を受けて提供するための仕組みです。"
                "庁内の分析なら仮名加工情報や統計（集計）で足りないか確認してください。",
            )
        ]
    if item.basis == CONSENT and item.handling == AGGREGATED:
        return [
            (
                TO_CONFIRM,
                "本人同意が根拠の項目です。集計には、同意した人のデータだけを使ってください。",
            )
        ]
    return []


def _digits(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace("六十九", "69")
