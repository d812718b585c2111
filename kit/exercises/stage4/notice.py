"""問4 (the households to notify) and 問5 (those to reach with a general notice instead).

The simplified 児童扶養手当 rule of the course: a ひとり親と子の世帯 with a child (続柄「子」)
aged 17 or under on 2026-04-01 and an income band under 300万円. The income band may be used
only for households whose 所得情報利用同意 is True (the worksheet of stage 2).

>>> from kit.exercises.stage4 import notice
>>> notice.q4.verdict({"candidates": []}).status
'incorrect'
"""

from __future__ import annotations

from typing import Any

from kit.exercises import _checks as c
from kit.exercises._engine import Incorrect, Question
from kit.exercises.stage4 import _data


def household_ids(value: Any, name: str) -> set[str]:
    """The 世帯ID of an answer given as a list, set, Series or table with a 世帯ID column.

    >>> sorted(household_ids(["100000002", 100000001], "x"))
    ['100000001', '100000002']
    """
    import numpy as np
    import pandas as pd

    if isinstance(value, np.ndarray | pd.api.extensions.ExtensionArray):
        raise Incorrect(
            f"`{name}` が配列（.unique() の結果）のままです。list(...) で囲んで、リストにしてください。"
        )
    if isinstance(value, pd.DataFrame):
        frame = value.reset_index() if "世帯ID" not in value.columns else value
        if "世帯ID" not in frame.columns:
            raise Incorrect(f"`{name}` の表に「世帯ID」の列がありません。")
        values = frame["世帯ID"]
    elif isinstance(value, pd.Series):
        values = value
    elif isinstance(value, list | tuple | set | frozenset):
        values = pd.Series(list(value), dtype=object)
    else:
        raise Incorrect(
            f"`{name}` は世帯IDの一覧（リスト・列・表）にしてください（いまは{c.kind_name(value)}です）。"
        )
    return {str(v).strip() for v in values.dropna()}


def _check_q4(candidates: Any) -> None:
    got = household_ids(candidates, "candidates")
    sets = _data.groups()
    want = sets["right"]
    if got == want:
        return
    if not got:
        raise Incorrect("世帯が 1 つもありません。条件で絞り込みすぎていないか確認してください。")
    known = set(_data.households().index)
    if not got <= known:
        raise Incorrect(
            "台帳にない世帯IDがあります。住民IDではなく「世帯ID」を使っているか確認してください。"
        )
    extra = got - want
    checks = [
        ("consent_ignored", "所得情報利用同意が False の世帯も入っています。所得区分は、同意のある世帯にだけ使えます（ワークシートの決まり）。"),
        ("any_household_type", "ひとり親と子の世帯ではない世帯が入っています。「世帯類型」で絞り込みましたか？"),
        ("no_child_age", "17歳以下の子がいない世帯が入っています。子の年齢（4月1日時点）で絞り込みましたか？"),
        ("with_receiving", "すでに児童扶養手当を受けている世帯が入っています。お知らせするのは、まだ受けていない世帯です。"),
        ("no_income_rule", "所得区分が 300万円以上の世帯が入っています。対象の所得区分は 3 つです。"),
    ]  # fmt: skip
    for key, message in checks:
        if extra and extra <= sets[key] - want:
            raise Incorrect(message)
    if extra:
        raise Incorrect(
            f"対象ではない世帯が {len(extra)} 世帯入っています。条件を 1 つずつ確かめてください。"
        )
    raise Incorrect(
        f"対象の世帯のうち {len(want - got)} 世帯が抜けています。"
        "条件が厳しすぎないか（所得区分の 3 つ、17歳以下）確かめてください。"
    )


q4 = Question(
    "問4",
    ["candidates"],
    _check_q4,
    hints=[
        "条件は 5 つです：ひとり親と子の世帯、17歳以下の子がいる、所得区分が対象の 3 つのどれか、まだ受けていない、そして所得区分を使ってよい（同意がある）世帯。",
        "permitted_view で見た表では、同意のない世帯の所得区分は空（欠損）になっています。その表で所得区分を絞り込めば、同意の条件も自然に守れます。",
        '子の条件は、17歳以下の「子」がいる世帯IDの一覧を作り、.isin(...) で絞り込みます。答えは 表["世帯ID"].unique() のような世帯IDの一覧です。',
    ],
    praise="ワークシートの決まり（同意）を守って、お知らせを送る世帯を選び出せました。",
)


def _check_q5(n_general: Any) -> None:
    number = c.expect_number(n_general, "n_general")
    sets = _data.groups()
    want = len(sets["general"])
    if c.is_close(number, want):
        return
    if c.is_close(number, len(sets["general_with_receiving"])):
        raise Incorrect("すでに児童扶養手当を受けている世帯も数えています。")
    if c.is_close(number, len(sets["consent_ignored"] - sets["right"])):
        raise Incorrect(
            "同意のない世帯の所得区分で絞り込んでいます。同意がない世帯の所得区分は使えないので、所得の条件は付けません。"
        )
    if c.is_close(number, len(sets["right"])):
        raise Incorrect(
            "問4 の世帯（同意のある世帯）を数えています。数えるのは同意のない世帯です。"
        )
    households = _data.households()
    members = int(households.loc[sorted(sets["general"]), "世帯人員"].sum())
    if c.is_close(number, members):
        raise Incorrect(
            "人数を数えていませんか？ 世帯の数（世帯IDの重複を除いた数）にしてください。"
        )
    raise Incorrect(
        "数が合いません。条件（ひとり親と子の世帯・17歳以下の子・まだ受けていない・同意がない）を確かめてください。"
    )


q5 = Question(
    "問5",
    ["n_general"],
    _check_q5,
    hints=[
        "同意のない世帯は、所得区分が分からない（使えない）ので、所得で絞り込まずに「一般的なご案内」を送ることにします。",
        "条件は、ひとり親と子の世帯・17歳以下の子がいる・まだ受けていない・所得情報利用同意が False、の 4 つです。",
        '数えるのは世帯の数です。絞り込んだ表の 表["世帯ID"].nunique() で数えられます。',
    ],
    praise="所得を使わずに案内する世帯の数を出せました。同意の有無で、届け方を変えられます。",
)
