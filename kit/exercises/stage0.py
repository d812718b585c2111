"""Checkers for stage 0 (はじめに): filtering, sorting, group sums and a new column.

All questions use the city's facility ledger, ``kit.load("public_facilities")``.

>>> from kit.exercises import stage0 as ex
>>> ex.q1.check()
"""

from __future__ import annotations

import functools
from typing import Any

from kit.exercises import _checks as c
from kit.exercises._engine import Incorrect, Question

DATASET = "public_facilities"
KIND = "公民館"
OLD_STANDARD_YEAR = 1981  # buildings designed before the 1981 seismic code (新耐震基準)


@functools.cache
def _ledger() -> Any:
    import kit.data

    return kit.data.load(DATASET)


def facilities() -> Any:
    """A fresh copy of the ledger, independent of anything the notebook changed."""
    return _ledger().copy()


def cost_per_user_yen(frame: Any) -> Any:
    """Annual maintenance cost per user in yen (the ledger stores costs in 千円)."""
    return frame["年間維持管理費"] * 1000 / frame["年間利用者数"]


# 問1 — filtering rows --------------------------------------------------------------


def _check_q1(kominkan: Any) -> None:
    frame = c.expect_frame(kominkan, "kominkan", ["施設ID", "種別"])
    ledger = facilities()
    want = set(ledger.loc[ledger["種別"] == KIND, "施設ID"])
    got = set(frame["施設ID"].astype(str))
    if set(frame["種別"].astype(str)) - {KIND}:
        raise Incorrect(
            f"{KIND}以外の施設が入っています。「種別」の列で絞り込めているか確認してください。"
        )
    if len(frame) != len(set(frame["施設ID"])):
        raise Incorrect("同じ施設が 2 回以上入っています。")
    if not got <= set(ledger["施設ID"]):
        raise Incorrect("元の表にない施設IDがあります。表を書きかえていませんか？")
    if got != want:
        raise Incorrect(
            f"{KIND}の一部が抜けています。条件の書き方（== と文字の表記）を確認してください。"
        )


q1 = Question(
    "問1",
    ["kominkan"],
    _check_q1,
    hints=[
        "Excel のフィルターと同じことを、条件を書いて行います。条件は「種別」の列が公民館と等しいことです。",
        '表[条件] の形で行を取り出せます。条件は facilities["種別"] == "…" のように書きます。',
        '例の「図書館」の行を取り出したセルをまねして、"図書館" を "公民館" に変えてみましょう。',
    ],
    praise="条件で行を絞り込めました。Excel のフィルターと同じ操作です。",
)


# 問2 — sorting -------------------------------------------------------------------


def _check_q2(ranking: Any) -> None:
    frame = c.expect_frame(ranking, "ranking", ["施設ID", "年間利用者数"])
    ledger = facilities()
    if len(frame) != len(ledger):
        raise Incorrect(
            f"行の数が元の表と違います（元は {len(ledger)} 行）。並べ替えだけをして、行は減らさないでください。"
        )
    users = frame["年間利用者数"].to_numpy()
    if (users[:-1] <= users[1:]).all():
        raise Incorrect("少ない順になっています。多い順にするには ascending=False を指定します。")
    if not (users[:-1] >= users[1:]).all():
        raise Incorrect(
            "「年間利用者数」の多い順に並んでいません。並べ替えに使う列を確認してください。"
        )
    if set(frame["施設ID"]) != set(ledger["施設ID"]):
        raise Incorrect(
            "元の表と施設が入れかわっています。元の表 facilities を並べ替えてください。"
        )


q2 = Question(
    "問2",
    ["ranking"],
    _check_q2,
    hints=[
        "Excel の「並べ替え」にあたるのは sort_values です。",
        "多い順（降順）にするには ascending=False を付けます。",
        '表.sort_values("列名", ascending=False) の形で書きます。列名は「年間利用者数」です。',
    ],
    praise="多い順に並べ替えられました。利用の多い施設がひと目で分かりますね。",
)


# 問3 — sum by group ---------------------------------------------------------------


def _check_q3(cost_by_district: Any) -> None:
    got = c.as_keyed_series(cost_by_district, "cost_by_district", "地区", "年間維持管理費")
    ledger = facilities()
    want = ledger.groupby("地区")["年間維持管理費"].sum()
    if set(got.index.astype(str)) != set(want.index):
        raise Incorrect(
            "地区の並びが元の表と合いません。「地区」の列でまとめているか確認してください。"
        )
    got = got.rename(index=str).reindex(want.index)
    counts = ledger.groupby("地区").size()
    if all(c.is_close(float(got[k]), float(counts[k])) for k in want.index):
        raise Incorrect(
            "施設の数を数えています。数ではなく「年間維持管理費」の合計を求めてください。"
        )
    means = ledger.groupby("地区")["年間維持管理費"].mean()
    if all(c.is_close(float(got[k]), float(means[k])) for k in want.index):
        raise Incorrect("平均になっています。合計は .sum() で求めます。")
    if not all(c.is_close(float(got[k]), float(want[k])) for k in want.index):
        raise Incorrect(
            "合計の値が違う地区があります。合計している列が「年間維持管理費」か確認してください。"
        )


q3 = Question(
    "問3",
    ["cost_by_district"],
    _check_q3,
    hints=[
        "Excel のピボットテーブル（行に地区、値に維持管理費の合計）と同じことをします。",
        'groupby("地区") でまとめ、["年間維持管理費"] を選んで .sum() で合計します。',
        '表.groupby("まとめる列")["合計する列"].sum() の形です。',
    ],
    praise="地区ごとの合計を出せました。ピボットテーブルと同じ集計です。",
)


# 問4 — a new column, then the top row -------------------------------------------------


def _check_q4(top_name: Any) -> None:
    name = c.expect_text(top_name, "top_name")
    ledger = facilities()
    if name not in set(ledger["施設名"]):
        raise Incorrect(
            "その名前の施設は台帳にありません。施設名を書き写さず、表から取り出してみましょう。"
        )
    per_user = ledger.assign(_per_user=cost_per_user_yen(ledger))
    want = per_user.sort_values("_per_user", ascending=False)["施設名"].iloc[0]
    if name == want:
        return
    if name == ledger.sort_values("年間維持管理費", ascending=False)["施設名"].iloc[0]:
        raise Incorrect(
            "維持管理費の総額がいちばん大きい施設になっています。利用者 1 人あたりに直しましたか？"
        )
    if name == per_user.sort_values("_per_user")["施設名"].iloc[0]:
        raise Incorrect(
            "1 人あたりの費用がいちばん小さい施設になっています。並べる向きを確認してください。"
        )
    if name == ledger.sort_values("年間利用者数")["施設名"].iloc[0]:
        raise Incorrect(
            "利用者がいちばん少ない施設になっています。費用を利用者数で割ってから比べてください。"
        )
    raise Incorrect(
        "1 人あたりの費用がいちばん大きい施設ではありません。割り算の向き（費用 ÷ 利用者数）を確認してください。"
    )


q4 = Question(
    "問4",
    ["top_name"],
    _check_q4,
    hints=[
        "まず「利用者 1 人あたりの維持管理費」の列を作り、その列で並べ替えます。",
        "1 人あたりの費用 = 年間維持管理費 × 1000 ÷ 年間利用者数（維持管理費の単位は千円です）。",
        '並べ替えた表の先頭の行の「施設名」は 表["施設名"].iloc[0] で取り出せます。',
    ],
    praise="利用者 1 人あたりで比べると、総額とは違う施設が目立つことがあります。",
)


# 問5 — counting with a condition --------------------------------------------------


def _check_q5(n_old: Any) -> None:
    number = c.expect_number(n_old, "n_old")
    ledger = facilities()
    want = int((ledger["建築年"] < OLD_STANDARD_YEAR).sum())
    if c.is_close(number, want):
        return
    if c.is_close(number, int((ledger["建築年"] <= OLD_STANDARD_YEAR).sum())):
        raise Incorrect(
            f"{OLD_STANDARD_YEAR} 年に建てた施設も数えています。「より前」なので {OLD_STANDARD_YEAR} 年は含みません。"
        )
    if c.is_close(number, int((ledger["建築年"] >= OLD_STANDARD_YEAR).sum())):
        raise Incorrect(
            f"{OLD_STANDARD_YEAR} 年以降の施設を数えています。不等号の向きを確認してください。"
        )
    if c.is_close(number, len(ledger)):
        raise Incorrect("すべての施設を数えています。条件で絞り込んでから数えてください。")
    raise Incorrect("数が合いません。条件（建築年が 1981 より小さい）と数え方を確認してください。")


q5 = Question(
    "問5",
    ["n_old"],
    _check_q5,
    hints=[
        "条件に合う行を数えます。条件は「建築年が 1981 より小さい」です。",
        "条件で絞り込んだ表の行数は len(表) で数えられます。",
        '(facilities["建築年"] < 1981).sum() のように、条件の True の数を足しても数えられます。',
    ],
    praise="旧耐震基準の時代に建てた施設の数を数えられました。",
)

QUESTIONS = {"q1": q1, "q2": q2, "q3": q3, "q4": q4, "q5": q5}
