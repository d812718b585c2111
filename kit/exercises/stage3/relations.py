"""Stage 3, strength of relationships and the residents' own words: a correlation (問4) and the
share of free-text answers that mention childcare (問5).

>>> from kit.exercises.stage3 import relations
>>> relations.q4.verdict({"r": "0.5"}).status
'incorrect'
"""

from __future__ import annotations

from typing import Any

from kit.exercises import _checks as c
from kit.exercises._engine import Incorrect, Question
from kit.exercises.stage3 import _data as d
from kit.exercises.stage3._shapes import ROUNDING, district_values, match_or_explain

# 問4 — correlation between the year built and the cost per user --------------------------------


def _check_q4(r: Any) -> None:
    number = c.expect_number(r, "r")
    want = d.cost_correlation()
    if not -1 <= number <= 1:
        raise Incorrect(
            "相関係数は −1 から 1 までの数です。.corr() の結果を、そのまま（100 倍などせずに）入れてください。"
        )
    if c.is_close(number, want):
        return
    if c.is_close(number, -want):
        raise Incorrect(
            "符号が逆です。「築年数」ではなく「建築年」との相関を求めていませんか？ 問題の指示どおり「建築年」を使ってください。"
        )
    if c.is_close(number, d.cost_correlation("spearman")):
        raise Incorrect(
            "順位相関になっています。.corr() の method は指定せず、ふつうの相関係数（ピアソン）を求めてください。"
        )
    if c.is_close(number, d.cost_correlation(y="年間維持管理費")):
        raise Incorrect(
            "維持管理費の総額との相関になっています。利用者 1 人あたりの費用の列を作ってから相関を求めてください。"
        )
    if c.is_close(number, d.cost_correlation(y="年間利用者数")):
        raise Incorrect(
            "利用者数との相関になっています。1 人あたりの費用（維持管理費 × 1000 ÷ 利用者数）との相関を求めてください。"
        )
    if abs(number - want) < 0.0051:
        raise Incorrect(ROUNDING)
    raise Incorrect(
        "値が違います。2 つの列（建築年と 1 人あたりの費用）を、すべての施設について使っているか確認してください。"
    )


q4 = Question(
    "問4",
    ["r"],
    _check_q4,
    hints=[
        "まず例と同じように「1 人あたり費用」の列（円）を作ります。相関係数は、2 つの列の関係の強さを −1〜1 で表します。",
        '列.corr(もう一つの列) で 2 つの列の相関係数（ピアソン）を計算できます。例: facilities["延床面積"].corr(facilities["年間維持管理費"])',
        "「建築年」の列と「1 人あたり費用」の列を .corr() に渡します。施設を絞り込まず、すべての施設を使います。",
    ],
    praise="相関係数を計算できました。符号（向き）と大きさ（強さ）の両方を読み取りましょう。",
)


# 問5 — share of written answers mentioning 保育 -------------------------------------------------


def _check_q5(hoiku_share: Any) -> None:
    got = district_values(hoiku_share, "hoiku_share", d.district_names(), d.town_names())
    want = d.keyword_share()
    match_or_explain(
        got,
        want,
        [
            (
                d.keyword_share(written_only=False),
                "自由記述を書かなかった人（空欄）も分母に入っています。自由記述が書かれた回答だけを分母にしてください。",
            ),
            (
                d.keyword_share(counts=True),
                "回答の数になっています。自由記述が書かれた回答の数で割って、割合にしてください。",
            ),
            (
                d.keyword_share(written_only=False, counts=True),
                "回答の数になっています。自由記述が書かれた回答の数で割って、割合にしてください。",
            ),
            (
                d.keyword_share("保育園"),
                "「保育園」だけを探しています。「保育」を含む回答（保育室・学童保育なども）を数えてください。",
            ),
        ],
        generic="値が違う地区があります。探す言葉（「保育」）と、分母（自由記述が書かれた回答の数）を確認してください。",
    )


q5 = Question(
    "問5",
    ["hoiku_share"],
    _check_q5,
    hints=[
        'まず、自由記述が空欄でない回答だけに絞り込みます（dropna(subset=["自由記述"]) や notna() が使えます）。',
        '列.str.contains("保育") で、各回答が「保育」を含むかどうかを True / False で表せます。',
        "True / False の列を地区ごとに .mean() すると、True の割合になります（True は 1、False は 0 として平均されます）。",
    ],
    praise="言葉を含む回答の割合を地区ごとに比べられました。数字（満足度）と言葉を組み合わせると、理由が見えてきます。",
)
