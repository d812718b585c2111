"""Stage 3, rates and trends: 高齢化率 per 地区 (問1), the fastest-ageing 地区 (問2) and a cross
table of 特定健診 rates (問3).

>>> from kit.exercises.stage3 import rates
>>> rates.q1.verdict({}).status
'unanswered'
"""

from __future__ import annotations

from typing import Any

from kit.exercises import _checks as c
from kit.exercises._engine import Incorrect, Question
from kit.exercises.stage3 import _data as d
from kit.exercises.stage3._shapes import district_label, district_values, match_or_explain

# 問1 — 高齢化率 per 地区 -----------------------------------------------------------------


def _check_q1(aging_2026: Any) -> None:
    got = district_values(aging_2026, "aging_2026", d.district_names(), d.town_names(), "高齢化率")
    want = d.aging_by_district(d.YEAR)
    other_years = [
        (
            d.aging_by_district(year),
            f"{year}年の値になっています。{d.YEAR}年（令和8年）4月1日の行だけを使ってください。",
        )
        for year in range(d.FIRST_YEAR, d.YEAR)
    ]
    match_or_explain(
        got,
        want,
        [
            (
                d.aging_town_mean(d.YEAR),
                "町丁目ごとの高齢化率を平均しています。人口の大きい町丁目も小さい町丁目も同じ重みになってしまいます。"
                "地区の 65 歳以上の人口の合計 ÷ 地区の総人口の合計で求めてください。",
            ),
            (
                d.elderly_by_district(d.YEAR),
                "65 歳以上の人数になっています。総人口で割って割合にしてください。",
            ),
            (
                d.aging_by_district(d.YEAR, d.band_columns(65, open_band=False)),
                "「85歳以上」の列が入っていません。65-69歳から 85歳以上まで、男女の列をすべて足してください。",
            ),
            (
                d.aging_by_district(d.YEAR, d.band_columns(60)),
                "60-64歳の人も数えています。高齢化率は 65 歳以上の割合です。",
            ),
            (
                d.aging_by_district(None),
                f"すべての年をまとめて計算しています。{d.YEAR}年の行だけに絞り込んでから集計してください。",
            ),
            *other_years,
        ],
        generic="値が違う地区があります。足し合わせた年齢階級の列と、割り算の分母（総人口）を確認してください。",
    )


q1 = Question(
    "問1",
    ["aging_2026"],
    _check_q1,
    hints=[
        "高齢化率 = 65 歳以上の人口 ÷ 総人口 です。まず 2026 年の行だけに絞り込み、65 歳以上の列（男女とも）を足した列を作ります。",
        "町丁目ごとの率を平均するのではなく、地区ごとに「65 歳以上の人口」と「総人口」をそれぞれ合計してから割ります。",
        'pop26.groupby("地区名")[["65歳以上", "総人口"]].sum() のように 2 つの列を合計し、列どうしを割り算します。',
    ],
    praise="地区ごとの高齢化率を、人口の合計どうしの割り算で正しく計算できました。",
)


# 問2 — the 地区 whose rate rose the most ---------------------------------------------------


def _check_q2(fastest: Any) -> None:
    districts = d.district_names()
    name = district_label(c.expect_text(fastest, "fastest"), districts)
    if name not in districts:
        raise Incorrect(
            "地区の名前になっていません。表から取り出した地区名（例:「東地区」の形）を入れてください。"
        )
    first, last = d.aging_by_district(d.FIRST_YEAR), d.aging_by_district(d.YEAR)
    change = last - first
    if name == change.idxmax():
        return
    if name == (last / first).idxmax():
        raise Incorrect(
            "「何倍になったか（増加率）」で比べていませんか？ 率どうしの変化は、"
            f"{d.YEAR}年の率 − {d.FIRST_YEAR}年の率（差、ポイント）で比べてください。並べる向きも確認しましょう。"
        )
    if name == last.idxmax():
        raise Incorrect(
            f"{d.YEAR}年に高齢化率がいちばん高い地区です。問われているのは、{d.FIRST_YEAR}年から上がった幅です。"
        )
    if name == first.idxmax():
        raise Incorrect(
            f"{d.FIRST_YEAR}年に高齢化率がいちばん高い地区です。2 つの年の差を計算してください。"
        )
    if name == change.idxmin():
        raise Incorrect("上がり幅がいちばん小さい地区です。並べる向きを確認してください。")
    raise Incorrect(
        f"上がり幅がいちばん大きい地区ではありません。{d.YEAR}年と{d.FIRST_YEAR}年の高齢化率の差を地区ごとに計算してみましょう。"
    )


q2 = Question(
    "問2",
    ["fastest"],
    _check_q2,
    hints=[
        f"{d.FIRST_YEAR}年と{d.YEAR}年の高齢化率を地区ごとに並べ、差（{d.YEAR}年 − {d.FIRST_YEAR}年）を計算します。",
        "率の変化は「何倍か」ではなく「何ポイント上がったか（差）」で比べます。例の表 rate_by_year を使えます。",
        "2 つの年の列を引き算した Series を作り、.idxmax() を使うと、値がいちばん大きい行の見出し（地区名）を取り出せます。",
    ],
    praise="水準（いまの高さ）と変化（上がる速さ）は別のものです。どちらの地区にも、それぞれの手当てが要りそうですね。",
)


# 問3 — cross table of 特定健診 rates -----------------------------------------------------


def _check_q3(checkup_table: Any) -> None:
    import pandas as pd

    name = "checkup_table"
    if isinstance(checkup_table, pd.Series):
        raise Incorrect(
            f"`{name}` が列（Series）になっています。行に地区名、列に性別の表（DataFrame）にしてください（.unstack() や pivot_table が使えます）。"
        )
    frame = c.expect_frame(checkup_table, name)
    if "地区名" in frame.columns:
        frame = frame.set_index("地区名")
    districts = d.district_names()
    columns = {str(col) for col in frame.columns}
    index = {str(i) for i in frame.index}
    if set(d.SEXES) <= index and set(districts) & columns:
        raise Incorrect(
            "行と列が逆になっています。行に地区名、列に性別（男性・女性）を並べてください。"
        )
    if not set(d.SEXES) <= columns:
        raise Incorrect(f"`{name}` の列に「男性」「女性」がありません。列に性別を並べてください。")
    labels = [district_label(i, districts) for i in frame.index]
    extra = [label for label in labels if label not in districts]
    if extra:
        raise Incorrect(
            f"地区ではない行「{extra[0]}」があります。合計の行（margins）などは入れず、8 つの地区だけにしてください。"
        )
    if set(labels) != set(districts):
        raise Incorrect("地区がそろっていません。8 つの地区すべての行を作ってください。")
    got = frame.set_axis(labels, axis=0)[list(d.SEXES)].reindex(districts)
    got = got.apply(pd.to_numeric, errors="coerce").astype("float64")
    if got.isna().any().any():
        raise Incorrect(f"`{name}` に欠損値（NaN）があります。計算に使った列を確認してください。")
    want = d.checkup_rates().reindex(districts)[list(d.SEXES)]
    align = list(d.SEXES)

    def arranged(table: Any) -> Any:
        return table.reindex(districts)[align]

    years = sorted(set(d.checkups(None)["年度"]) - {d.CHECKUP_YEAR})
    match_or_explain(
        got,
        want,
        [
            (
                arranged(d.checkup_mean_rates()),
                "年齢階級ごとの受診率を平均しています。年齢階級によって対象者の数が違うので、"
                "受診者数の合計 ÷ 対象者数の合計で求めてください。",
            ),
            (
                arranged(d.checkup_counts()),
                "受診者の人数になっています。対象者数で割って受診率（割合）にしてください。",
            ),
            (
                arranged(d.checkup_rates(None)),
                f"すべての年度をまとめて計算しています。{d.CHECKUP_YEAR}年度の行だけに絞り込んでください。",
            ),
            *[
                (
                    arranged(d.checkup_rates(year)),
                    f"{year}年度の値になっています。{d.CHECKUP_YEAR}年度の行だけを使ってください。",
                )
                for year in years
            ],
        ],
        generic="値が違うところがあります。年度の絞り込みと、割り算（受診者数 ÷ 対象者数）を確認してください。",
    )


q3 = Question(
    "問3",
    ["checkup_table"],
    _check_q3,
    hints=[
        f"まず {d.CHECKUP_YEAR} 年度の行に絞り込み、地区名と性別の組み合わせごとに、受診者数と対象者数をそれぞれ合計します。",
        "率を平均してはいけません。合計した受診者数 ÷ 合計した対象者数 で受診率を出します。",
        'pivot_table(index="地区名", columns="性別", values="受診者数", aggfunc="sum") と、同じ形の対象者数の表を作り、表どうしを割り算します。',
    ],
    praise="クロス集計表ができました。Excel のピボットテーブルで「値の合計」どうしを割るのと同じ考え方です。",
)
