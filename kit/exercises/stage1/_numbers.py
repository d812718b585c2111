"""Stage-1 checkers on the quick numbers: 0–4 population, waiting children, the problem sheet.

All of them take April 2023 (:data:`~kit.exercises.stage1._data.YEAR`) as "now".

>>> from kit.exercises.stage1 import _numbers
>>> _numbers.q2.label
'問2'
"""

from __future__ import annotations

from typing import Any

from kit.exercises import _checks as c
from kit.exercises._engine import Incorrect, Question
from kit.exercises.stage1 import _data as d
from kit.exercises.stage1._common import district_series, matches

SPAN = f"{d.FIRST_YEAR}年から {d.YEAR}年"

# 問2 — change of the 0–4 population per 地区 ---------------------------------------------


def _check_q2(change_0_4: Any) -> None:
    got = district_series(change_0_4, "change_0_4", d.districts(), d.town_names())
    want = d.young_change()
    if matches(got, want):
        return
    wide = d.young_by_year()
    if matches(got, -want):
        raise Incorrect(
            f"増減の向きが逆です。「{d.YEAR}年 − {d.FIRST_YEAR}年」の順に引き算してください。"
        )
    for column, who in (("0-4歳の男性", "男性"), ("0-4歳の女性", "女性")):
        if matches(got, d.young_change((column,))):
            raise Incorrect(
                f"{who}だけの増減になっています。男性と女性を足した 0〜4歳の人数で比べてください。"
            )
    rate = want / wide[d.FIRST_YEAR]
    if matches(got, rate, abs_tol=5e-4) or matches(got, 100 * rate, abs_tol=0.05):
        raise Incorrect(
            "増減率になっています。この問題では、率ではなく人数の差（人）を求めてください。"
        )
    if any(matches(got, wide[year]) for year in wide.columns):
        raise Incorrect(
            f"1 つの年の人数になっています。{d.YEAR}年と {d.FIRST_YEAR}年の差を求めてください。"
        )
    if matches(got, wide[wide.columns.max()] - wide[d.FIRST_YEAR]):
        raise Incorrect(
            f"データの最後の年までの増減になっています。この演習では {d.YEAR}年を「いま」として、{SPAN}への増減を求めます。"
        )
    if matches(got, wide.sum(axis=1)):
        raise Incorrect(
            f"すべての年を合計しています。{d.FIRST_YEAR}年と {d.YEAR}年の 2 つの年だけを使ってください。"
        )
    raise Incorrect(
        "増減の値が合わない地区があります。使った列（0〜4歳の男性・女性）と年を確認してください。"
    )


q2 = Question(
    "問2",
    ["change_0_4"],
    _check_q2,
    hints=[
        "例で作った「0-4歳」の列を、地区と年でまとめます。Excel のピボットテーブル（行に地区名、列に年）と同じです。",
        'pop.pivot_table(index="地区名", columns="年", values="0-4歳", aggfunc="sum") で、地区 × 年の表ができます。',
        f"ピボットした表から {d.YEAR} の列と {d.FIRST_YEAR} の列を取り出して、表[{d.YEAR}] − 表[{d.FIRST_YEAR}] のように引き算します。",
    ],
    praise="0〜4歳の子どもが増えた地区と減った地区が、数字ではっきりしました。",
)


# 問3 — share of waiting children per 地区 -------------------------------------------------


def _check_q3(waiting_rate: Any) -> None:
    got = district_series(waiting_rate, "waiting_rate", d.districts(), d.town_names())
    want = d.waiting_rate()
    close = 5e-4  # answers rounded to 3 decimals are right
    if matches(got, want, abs_tol=close):
        return
    if matches(got, 100 * want, abs_tol=0.05):
        raise Incorrect(
            "値がパーセント（0〜100）になっています。割合（0〜1）で答えてください（100 を掛けないでください）。"
        )
    if matches(got, d.mean_of_class_rates(), abs_tol=close):
        raise Incorrect(
            "年齢区分ごとの割合を平均しています。先に地区ごとに人数を合計してから、割り算をしてください。"
        )
    if matches(got, d.waiting_rate(numerator="入所保留児童数"), abs_tol=close):
        raise Incorrect(
            "「入所保留児童数」を使っています。入所保留児童のうち、国の定義で数えた「待機児童数」を使ってください。"
        )
    for other in ("利用定員", "利用児童数"):
        if matches(got, d.waiting_rate(denominator=other), abs_tol=close):
            raise Incorrect("割る数（分母）が違います。分母は「申込児童数」です。")
    years = [y for y in d.waiting_by_year().columns if y != d.YEAR]
    if any(matches(got, d.waiting_rate(year), abs_tol=close) for year in years):
        raise Incorrect(
            f"{d.YEAR}年度ではない年度の割合になっています。{d.YEAR}年度の行に絞り込んでください。"
        )
    every_year = d.waiting_by_year().sum(axis=1) / d.waiting_by_year("申込児童数").sum(axis=1)
    if matches(got, every_year, abs_tol=close):
        raise Incorrect(
            f"すべての年度を合わせて計算しています。{d.YEAR}年度の行だけに絞り込んでください。"
        )
    raise Incorrect(
        "割合の値が合わない地区があります。年度の絞り込みと、割り算に使う 2 つの列を確認してください。"
    )


q3 = Question(
    "問3",
    ["waiting_rate"],
    _check_q3,
    hints=[
        f"まず「年度」が {d.YEAR} の行に絞り込みます。次に地区ごとに人数を合計し、最後に割り算をします。",
        '絞り込んだ表を groupby("地区名")[["待機児童数", "申込児童数"]].sum() で地区ごとに合計します。',
        '合計した表を t とすると、t["待機児童数"] / t["申込児童数"] が地区ごとの割合です（100 は掛けません）。',
    ],
    praise="申込みに対して待機児童がどれくらいの割合か、地区で比べられるようになりました。",
)


# 問4 — the year with the most waiting children ---------------------------------------------


def _check_q4(peak_year: Any) -> None:
    year = c.expect_number(peak_year, "peak_year")
    totals = d.city_by_year()
    if not year.is_integer() or int(year) not in totals.index:
        if year > d.YEAR and year in d.city_by_year(last=None).index:
            raise Incorrect(
                f"{d.YEAR}年度より後の年度です。この演習では {d.YEAR}年4月を「いま」として、それまでの年度で比べます。"
            )
        raise Incorrect(
            f"{d.FIRST_YEAR}〜{d.YEAR} の西暦の年度（整数）で答えてください（令和の年ではなく西暦です）。"
        )
    if int(year) == totals.idxmax():
        return
    if int(year) == d.city_by_year("入所保留児童数").idxmax():
        raise Incorrect(
            "入所保留児童数がいちばん多い年度になっています。比べるのは「待機児童数」です。"
        )
    if int(year) == totals.idxmin():
        raise Incorrect(
            "待機児童がいちばん少ない年度になっています。並べる向きを確認してください。"
        )
    if int(year) == d.city_by_year("申込児童数").idxmax():
        raise Incorrect(
            "申込児童数がいちばん多い年度になっています。比べるのは「待機児童数」です。"
        )
    raise Incorrect(
        "市全体の待機児童数がいちばん多い年度ではありません。年度ごとに、すべての地区と年齢区分を合計してから比べてください。"
    )


q4 = Question(
    "問4",
    ["peak_year"],
    _check_q4,
    hints=[
        "年度ごとに、市全体（すべての地区・年齢区分）の待機児童数を合計します。例の棒グラフの表と同じです。",
        "年度ごとの合計の列（Series）で、いちばん大きい値の見出し（年度）は .idxmax() で取り出せます。",
        f'nursery[nursery["年度"] <= {d.YEAR}].groupby("年度")["待機児童数"].sum() に .idxmax() を付けます。',
    ],
    praise="市全体で待機児童がいちばん多かった年度が分かりました。年ごとの増え減りも、問題の大きさを伝える材料になります。",
)


# 問5 — the problem statement with the real number -------------------------------------------


def _check_q5(problem: Any) -> None:
    from kit.framing import ProblemStatement

    if not isinstance(problem, ProblemStatement):
        raise Incorrect(
            f"`problem` は kit.framing.ProblemStatement(...) で作ってください（いまは{c.kind_name(problem)}です）。"
        )
    notes = problem.validate()
    if notes:
        raise Incorrect(f"問題の整理に直したいところがあります: {notes[0]}")
    if "待機児童" not in problem.indicator:
        raise Incorrect("指標（indicator）は「待機児童数」にしてください。")
    if problem.unit.strip() != "人":
        raise Incorrect("待機児童数の単位（unit）は「人」です。")
    if problem.target is None or float(problem.target) != 0:
        raise Incorrect("目標の値（target）は、待機児童ゼロを目指して 0 にしてください。")
    value = float(problem.value)
    if value == d.city_total():
        return
    for column in ("入所保留児童数", "申込児童数"):
        if value == d.city_total(column):
            raise Incorrect(
                f"現状の値（value）が{column}になっています。「待機児童数」の合計にしてください。"
            )
    if value == d.city_total(year=None):
        raise Incorrect(
            f"現状の値（value）が、すべての年度の合計になっています。{d.YEAR}年度だけの合計にしてください。"
        )
    if value in set(d.city_by_year(last=None).drop(d.YEAR).tolist()):
        raise Incorrect(
            f"現状の値（value）が {d.YEAR}年度ではない年度の数になっています。{d.YEAR}年度の数にしてください。"
        )
    raise Incorrect(
        f"現状の値（value）が、{d.YEAR}年度の市全体の待機児童数と合いません。データで合計を確かめてください。"
    )


q5 = Question(
    "問5",
    ["problem"],
    _check_q5,
    hints=[
        "目標・現状・問題・課題の 4 つの文と、指標（待機児童数）・現状の値・単位・目標の値を埋めます。目標に手段（システム・導入など）を書いていないか確かめましょう。",
        f'現状の値は、{d.YEAR}年度の行の「待機児童数」を市全体で合計した数です（nursery[nursery["年度"] == {d.YEAR}]["待機児童数"].sum()）。',
        "problem.validate() を実行すると、直したいところが日本語で表示されます。空のリスト [] になれば形は整っています。",
    ],
    praise="目標と現状の差を、データの数字で示せました。これが「問題」です。",
)
