"""Known-right and known-wrong answers for stage 1 (課題設定)."""

from __future__ import annotations

import kit
from kit.exercises import stage1 as ex
from kit.framing import AnalysisPlanCard, LogicTree, ProblemStatement

TREE = """
待機児童が減らない
  申込みが増えている
    0〜4歳の子どもが増えている
    共働きの世帯が増えている
  受け入れ枠が足りない
    保育士が集まらない
    新しい住宅地の近くに保育所が少ない
"""


def _problem(**changes) -> ProblemStatement:
    values = {
        "goal": "希望するすべての子どもが、住んでいる地区の近くで保育所に入れる",
        "reality": "令和5年4月1日の待機児童は市全体で X 人",
        "gap": "目標（0人）より X 人多い",
        "issue": "待機児童が増えた地区で、受け入れ枠が足りない理由を明らかにする",
        "indicator": "待機児童数",
        "value": 0,
        "unit": "人",
        "target": 0,
        "source": "nursery_waiting",
    }
    values.update(changes)
    for key in ("reality", "gap"):
        values[key] = values[key].replace("X", str(values["value"]))
    return ProblemStatement(**values)


def _card(**changes) -> AnalysisPlanCard:
    values = {
        "hypothesis": ex.H2,
        "data": ["nursery_waiting"],
        "method": "地区ごとに申込児童数 ÷ 利用定員 と待機児童の割合を計算し、散布図で比べる",
        "chart": "地区別の塗り分け地図（待機児童の割合）",
        "legend_classes": kit.geo.class_labels([0, 0.05, 0.1, 0.2, 1]),
    }
    values.update(changes)
    return AnalysisPlanCard(**values)


def cases() -> dict[str, dict]:
    year = 2023  # "now" in the stage-1 scenario
    pop = kit.load("population")
    pop["0-4歳"] = pop["0-4歳の男性"] + pop["0-4歳の女性"]
    pop["年"] = pop["調査年月日"].dt.year
    wide = pop.pivot_table(index="地区名", columns="年", values="0-4歳", aggfunc="sum")
    change = wide[year] - wide[2017]
    male = pop.pivot_table(index="地区名", columns="年", values="0-4歳の男性", aggfunc="sum")
    by_town = pop.pivot_table(index="地域名", columns="年", values="0-4歳", aggfunc="sum")

    nursery = kit.load("nursery_waiting")
    now = nursery[nursery["年度"] == year]
    sums = now.groupby("地区名")[["待機児童数", "申込児童数", "入所保留児童数", "利用定員"]].sum()
    rate = sums["待機児童数"] / sums["申込児童数"]
    class_rates = (now["待機児童数"] / now["申込児童数"]).groupby(now["地区名"]).mean()
    until_now = nursery[nursery["年度"] <= year]
    by_year = until_now.groupby("年度")[["待機児童数", "入所保留児童数"]].sum()
    peak = by_year["待機児童数"].idxmax()
    total = int(now["待機児童数"].sum())
    first_total = int(nursery.loc[nursery["年度"] == 2017, "待機児童数"].sum())

    tree = LogicTree.from_outline(TREE)
    return {
        "q1": {
            "right": [
                {"goals": ["A", "C", "F"]},
                {"goals": {"f", "Ａ", "C"}},
                {"goals": ("C", "A", "F")},
            ],
            "wrong": [
                ({"goals": ["A", "B", "C", "F"]}, "電子申請"),
                ({"goals": ["A", "C", "E", "F"]}, "アプリ"),
                ({"goals": ["A", "C"]}, "選んでいない文の中にも目標"),
                ({"goals": "ACF"}, "リストにしてください"),
                ({"goals": ["A", "G"]}, "「G」という選択肢はありません"),
            ],
        },
        "q2": {
            "right": [
                {"change_0_4": change},
                {"change_0_4": change.rename("増減").reset_index()},
                {"change_0_4": change.rename(lambda n: n.removesuffix("地区"))},
                {"change_0_4": change.astype("int64")},
            ],
            "wrong": [
                ({"change_0_4": -change}, "向きが逆"),
                ({"change_0_4": male[year] - male[2017]}, "男性だけ"),
                ({"change_0_4": change / wide[2017]}, "増減率"),
                ({"change_0_4": wide[year]}, "1 つの年"),
                ({"change_0_4": wide[2026] - wide[2017]}, "最後の年まで"),
                ({"change_0_4": by_town[year] - by_town[2017]}, "町丁目ごと"),
                ({"change_0_4": wide}, "1 列だけ"),
                ({"change_0_4": int(change.sum())}, "列（Series）にしてください"),
                ({"change_0_4": change.iloc[1:]}, "入っていない地区"),
            ],
        },
        "q3": {
            "right": [
                {"waiting_rate": rate},
                {"waiting_rate": rate.round(3)},
                {"waiting_rate": rate.rename("割合").reset_index()},
            ],
            "wrong": [
                ({"waiting_rate": rate * 100}, "パーセント"),
                ({"waiting_rate": class_rates}, "年齢区分ごとの割合を平均"),
                ({"waiting_rate": sums["入所保留児童数"] / sums["申込児童数"]}, "入所保留児童数"),
                ({"waiting_rate": sums["待機児童数"] / sums["利用定員"]}, "分母"),
                ({"waiting_rate": sums["待機児童数"]}, "値が合わない"),
            ],
        },
        "q4": {
            "right": [{"peak_year": peak}, {"peak_year": int(peak)}, {"peak_year": float(peak)}],
            "wrong": [
                *(
                    [({"peak_year": int(by_year["入所保留児童数"].idxmax())}, "入所保留児童数")]
                    if by_year["入所保留児童数"].idxmax() != peak
                    else []
                ),
                ({"peak_year": int(by_year["待機児童数"].idxmin())}, "いちばん少ない"),
                ({"peak_year": 2026}, "より後の年度"),
                ({"peak_year": 5}, "西暦"),
                ({"peak_year": str(peak)}, "数ではなく"),
            ],
        },
        "q5": {
            "right": [
                {"problem": _problem(value=total)},
                {"problem": _problem(value=float(total))},
            ],
            "wrong": [
                (
                    {"problem": _problem(value=total, goal="待機児童対策のシステムを導入したい")},
                    "手段",
                ),
                ({"problem": _problem(value=first_total)}, "ではない年度"),
                ({"problem": _problem(value=int(nursery["待機児童数"].sum()))}, "すべての年度"),
                ({"problem": _problem(value=int(sums["入所保留児童数"].sum()))}, "入所保留児童数"),
                ({"problem": _problem(value=total, target=None)}, "target"),
                ({"problem": _problem(value=total, issue="")}, "「課題」が空"),
                ({"problem": {"goal": "x"}}, "ProblemStatement"),
            ],
        },
        "q6": {
            "right": [
                {"tree": tree},
                {
                    "tree": LogicTree.from_dict(tree.to_dict()).add(
                        "受け入れ枠が足りない", "保育室が狭い"
                    )
                },
            ],
            "wrong": [
                (
                    {
                        "tree": LogicTree.from_outline(
                            "待機児童が減らない\n  申込みが増えている\n  受け入れ枠が足りない"
                        )
                    },
                    "深さ",
                ),
                (
                    {
                        "tree": LogicTree.from_dict(tree.to_dict()).add(
                            "受け入れ枠が足りない", "保育所を増やす"
                        )
                    },
                    "手段",
                ),
                (
                    {
                        "tree": LogicTree.from_outline(
                            TREE.replace("待機児童が減らない", "保育の課題")
                        )
                    },
                    "根",
                ),
                ({"tree": TREE}, "LogicTree"),
            ],
        },
        "q7": {
            "right": [
                {"data_h1": ["population", "nursery_waiting"]},
                {"data_h1": {"nursery_waiting", "population", "vital_statistics"}},
                {"data_h1": ("population", "nursery_waiting", "districts")},
            ],
            "wrong": [
                (
                    {"data_h1": ["population", "nursery_waiting", "public_facilities"]},
                    "公共施設台帳",
                ),
                ({"data_h1": ["population", "nursery_waiting", "preschools"]}, "受け皿"),
                ({"data_h1": ["population"]}, "欠かせないデータ"),
                ({"data_h1": ["地域・年齢別人口", "nursery_waiting"]}, "タイトル"),
                ({"data_h1": ["popuration", "nursery_waiting"]}, "というデータはありません"),
                ({"data_h1": "population"}, "リストにしてください"),
            ],
        },
        "q8": {
            "right": [
                {"card": _card()},
                {"card": _card(data=["nursery_waiting", "preschools", "districts"])},
            ],
            "wrong": [
                ({"card": _card(data=["population"])}, "欠かせないデータ"),
                ({"card": _card(data=["nursery_waiting", "survey"])}, "市民意識調査"),
                ({"card": _card(hypothesis=ex.H1)}, "仮説 2 と違います"),
                ({"card": _card(legend_classes=["多い", "少ない"])}, "3〜6 個"),
                ({"card": _card(method="")}, "「分析手法」が空"),
                ({"card": "カード"}, "AnalysisPlanCard"),
            ],
        },
    }
