"""Known-right and known-wrong answers for stage 4 (施策・サービス立案)."""

from __future__ import annotations

import functools

import kit
from kit.design import LogicItem, MonitoringPlan, ServiceFlow
from kit.exercises.stage4 import HEALTH_STATEMENTS, LANES, draft_merge_model, push_model
from kit.exercises.stage4.flows import STEPS
from kit.exercises.stage4.logic import HEALTH_ITEMS
from kit.exercises.stage4.merge import RANGES, assumptions

STAGE_LABELS = {
    "inputs": "インプット",
    "activities": "活動",
    "outputs": "アウトプット",
    "outcomes_short": "短期アウトカム",
    "outcomes_mid": "中期アウトカム",
    "impact": "インパクト",
}


def _flow(steps, orders=None) -> ServiceFlow:
    flow = ServiceFlow("あるべき姿", lanes=list(LANES))
    for i, (lane, text) in enumerate(steps):
        flow.add(lane, text, order=None if orders is None else orders[i])
    return flow


def _flow_cases() -> dict:
    swapped = list(STEPS)
    swapped[2], swapped[3] = swapped[3], swapped[2]  # apply before the notice
    wrong_lane = [
        ("住民", text) if i == 0 else (lane, text) for i, (lane, text) in enumerate(STEPS)
    ]
    return {
        "right": [
            {"to_be": _flow(STEPS)},
            {"to_be": _flow([(lane, f" {text}。") for lane, text in STEPS])},
            {"to_be": _flow(STEPS, orders=[1, 3, 4, 6, 8, 9])},
            {
                "to_be": ServiceFlow("あるべき姿")
                .add(*STEPS[0])
                .add(*STEPS[1])
                .add(*STEPS[2])
                .add(*STEPS[3])
                .add(*STEPS[4])
                .add(*STEPS[5])
            },  # default lanes, one unused
        ],
        "wrong": [
            ({"to_be": _flow(swapped)}, "住民が申請するのは、通知を受け取ったあとです"),
            ({"to_be": _flow(wrong_lane)}, "レーン（だれが行うか）が違います"),
            ({"to_be": _flow(STEPS[:-1])}, "が入っていません"),
            ({"to_be": _flow([*STEPS, ("住民", "窓口に来る")])}, "問題の一覧にない手順"),
            ({"to_be": _flow(STEPS, orders=[2, 1, 3, 4, 5, 6])}, "先に所得区分がそろっている"),
            ({"to_be": [text for _, text in STEPS]}, "kit.design.ServiceFlow で作ってください"),
        ],
    }


def _stage_cases() -> dict:
    right = {k: STAGE_LABELS[v] for k, v in HEALTH_ITEMS.items()}
    outputs_as_outcomes = {**right, "勧奨はがきを受け取った人": "短期アウトカム"}
    activities_as_outputs = {**right, "未受診者に勧奨はがきを送る": "アウトプット"}
    mid_as_impact = {**right, "生活習慣病が早く見つかり、重症化する人が減る": "インパクト"}
    missing = dict(list(right.items())[:-1])
    return {
        "right": [
            {"stages": right},
            {"stages": dict(HEALTH_ITEMS)},  # the attribute names work too
            {"stages": {**right, "保健師の時間": "投入", "市民が健康で長く暮らせる": "最終成果"}},
            {"stages": [right[k] for k in HEALTH_STATEMENTS]},
        ],
        "wrong": [
            ({"stages": outputs_as_outcomes}, "アウトプット（市の活動が直接生み出すもの）"),
            ({"stages": activities_as_outputs}, "「活動（市がすること）」と「アウトプット"),
            ({"stages": mid_as_impact}, "アウトカムとインパクトの並び"),
            ({"stages": missing}, "の段階がありません"),
            (
                {"stages": {**right, "保健師の時間": "資源"}},
                "段階「資源」はロジックモデルにありません",
            ),
            ({"stages": [right[k] for k in HEALTH_STATEMENTS][:-1]}, "リストの段階の数が 8 つ"),
            ({"stages": [right[k] for k in HEALTH_ITEMS]}, "段階が違う文は"),
            ({"stages": "インプット"}, "段階のリスト"),
        ],
    }


def _fixed_merge_model():
    model = draft_merge_model()
    model.outputs[0].source = "施設担当課の移転記録"
    model.outcomes_short[0] = LogicItem(
        "利用団体が移転先の集会所で活動を始める", "移転先で活動を始めた団体の数", "集会所の利用記録"
    )
    model.outcomes_mid[0] = LogicItem(
        "移転先でも地域の活動が続いている",
        "移転先の集会所の年間利用者数",
        "facility_usage（施設の利用記録）",
    )
    model.impact[0] = LogicItem(
        "身近な場所で地域の活動が続き、施設の費用が将来の世代の負担にならない",
        "住民 1 人あたりの公共施設の維持管理費",
        "公共施設台帳",
    )
    return model


def _merge_model_cases() -> dict:
    fixed = _fixed_merge_model()
    means_impact = _fixed_merge_model()
    means_impact.impact[0] = LogicItem(
        "公共施設の統合を推進する", "延床面積の削減率", "公共施設台帳"
    )
    no_activity = _fixed_merge_model()
    no_activity.activities.clear()
    return {
        "right": [{"merge_model": fixed}],
        "wrong": [
            ({"merge_model": draft_merge_model()}, "まだ見直す点が 4 つあります"),
            ({"merge_model": means_impact}, "手段（市がすること）の書き方"),
            ({"merge_model": no_activity}, "下書きの「活動」の項目が消えています"),
            ({"merge_model": fixed.to_frame()}, "kit.design.LogicModel にしてください"),
        ],
    }


def _push_cases() -> dict:
    people = kit.load("residents")
    birth = people["生年月日"]
    age = 2026 - birth.dt.year - ((birth.dt.month * 100 + birth.dt.day) > 401).astype(int)
    minors = set(people.loc[(people["続柄"] == "子") & (age <= 17), "世帯ID"])
    households = people.drop_duplicates("世帯ID")
    low = households["世帯の所得区分"].isin(
        ["100万円未満", "100万円以上200万円未満", "200万円以上300万円未満"]
    )
    lone = households["世帯類型"] == "ひとり親と子の世帯"
    kids = households["世帯ID"].isin(minors)
    consent = households["所得情報利用同意"].fillna(False).astype(bool)
    receiving = households["児童扶養手当_受給"].fillna(False).astype(bool)
    right = households[lone & kids & low & consent & ~receiving]
    general = households[lone & kids & ~consent & ~receiving]
    members = people[people["世帯ID"].isin(set(right["世帯ID"]))]
    return {
        "q4": {
            "right": [
                {"candidates": right["世帯ID"]},
                {"candidates": list(right["世帯ID"])},
                {"candidates": set(right["世帯ID"])},
                {"candidates": members},  # every member's row: the households are the same
                {"candidates": right.set_index("世帯ID")[["世帯類型"]]},
            ],
            "wrong": [
                (
                    {"candidates": households[lone & kids & low & ~receiving]["世帯ID"]},
                    "所得情報利用同意が False",
                ),
                (
                    {"candidates": households[kids & low & consent & ~receiving]["世帯ID"]},
                    "ひとり親と子の世帯ではない",
                ),
                (
                    {"candidates": households[lone & low & consent & ~receiving]["世帯ID"]},
                    "17歳以下の子がいない",
                ),
                (
                    {"candidates": households[lone & kids & low & consent]["世帯ID"]},
                    "すでに児童扶養手当を受けている",
                ),
                (
                    {"candidates": households[lone & kids & consent & ~receiving]["世帯ID"]},
                    "300万円以上",
                ),
                ({"candidates": right["世帯ID"].iloc[1:]}, "抜けています"),
                ({"candidates": members["住民ID"]}, "台帳にない世帯ID"),
                ({"candidates": len(right)}, "世帯IDの一覧"),
                ({"candidates": right["世帯ID"].unique()}, "list(...) で囲んで"),
            ],  # fmt: skip
        },
        "q5": {
            "right": [{"n_general": len(general)}, {"n_general": float(len(general))}],
            "wrong": [
                (
                    {"n_general": int((lone & kids & ~consent).sum())},
                    "すでに児童扶養手当を受けている",
                ),
                ({"n_general": int(general["世帯人員"].sum())}, "人数を数えていませんか"),
                ({"n_general": len(right)}, "問4 の世帯"),
                ({"n_general": str(len(general))}, "数ではなく"),
                ({"n_general": len(general) + 1}, "数が合いません"),
            ],
        },
    }


def _merge_cases() -> dict:
    population = kit.load("population")
    latest = population[population["調査年月日"] == population["調査年月日"].max()]
    towns = kit.load("towns").merge(
        latest[["地域コード", "総人口"]], left_on="町丁目コード", right_on="地域コード"
    )
    halls = kit.load("public_facilities")
    halls = halls[halls["種別"] == "集会所"]
    impact = kit.design.closure_impact(towns, halls, "七瀬台四丁目集会所")
    n = int(impact["総人口"].sum())
    extra = float((impact["増えた距離_m"] * impact["総人口"]).sum() / n)
    simple = float(impact["増えた距離_m"].mean())
    after = float((impact["距離_後_m"] * impact["総人口"]).sum() / n)
    formula = "年間維持管理費 * 年数 * (1 - 受け入れ側の費用増の割合) - 解体費"
    base = assumptions()
    table = kit.design.sensitivity(formula, base, RANGES)
    no_demolition = kit.design.sensitivity(
        "年間維持管理費 * 年数 * (1 - 受け入れ側の費用増の割合)", base, RANGES
    )
    one_year = kit.design.sensitivity(
        "年間維持管理費 * (1 - 受け入れ側の費用増の割合) - 解体費", base, RANGES
    )
    in_yen = table.assign(**{c: table[c] * 1000 for c in ("結果_低", "結果_基本", "結果_高")})
    return {
        "q6": {
            "right": [
                {"n_affected": n, "extra_m": extra},
                {"n_affected": float(n), "extra_m": round(extra, 1)},
            ],
            "wrong": [
                ({"n_affected": n, "extra_m": simple}, "人口で重み付け"),
                ({"n_affected": n, "extra_m": extra / 1000}, "km になっていませんか"),
                ({"n_affected": n, "extra_m": after}, "統合後の距離そのもの"),
                ({"n_affected": n, "extra_m": -extra}, "符号が逆"),
                ({"n_affected": len(impact), "extra_m": extra}, "町丁目の数"),
                ({"n_affected": int(latest["総人口"].sum()), "extra_m": extra}, "遠くなる町丁目"),
            ],
        },
        "q7": {
            "right": [
                {"merge_table": table},
                {"merge_table": table.iloc[::-1].reset_index(drop=True)},
                {
                    "merge_table": table[
                        ["仮定", "低い値", "高い値", "結果_低", "結果_基本", "結果_高"]
                    ]
                },
            ],
            "wrong": [
                ({"merge_table": no_demolition}, "解体費を引いていません"),
                ({"merge_table": one_year}, "年数（10 年）を掛けていません"),
                ({"merge_table": in_yen}, "千円のまま"),
                ({"merge_table": table.iloc[:1]}, "を動かした行がありません"),
                (
                    {
                        "merge_table": kit.design.sensitivity(
                            formula, base, {**RANGES, "解体費": (5000, 20000)}
                        )
                    },
                    "幅（低い値・高い値）が問題文と違います",
                ),
                (
                    {
                        "merge_table": kit.design.sensitivity(
                            formula, base, {**RANGES, "年数": (5, 15)}
                        )
                    },
                    "幅をつけるのは問題文の 2 つだけ",
                ),
                ({"merge_table": float(table["結果_基本"].iloc[0])}, "表（DataFrame）ではなく"),
            ],
        },
    }


def _plan(**changes) -> MonitoringPlan:
    rows = {
        "通知後の新規申請件数": ("毎月", "こども家庭課", "月 3 件を下回ったら案内文を見直す"),
        "まだ受けていない対象候補の世帯数": ("四半期ごと", "こども家庭課", "前回より 10 世帯以上減らなければ届け方を見直す"),
        "子育て環境に満足している子育て世帯の割合": ("毎年", "企画課", "前年より 2 ポイント以上下がったら施策全体を見直す"),
    }  # fmt: skip
    plan = MonitoringPlan.from_logic_model(push_model())
    for item in plan.items:
        if item.indicator in rows:
            item.frequency, item.owner, item.threshold = changes.get(
                item.indicator, rows[item.indicator]
            )
        else:
            item.frequency, item.owner, item.threshold = "毎月", "こども家庭課", "送付 100 世帯"
    return plan


def _plan_cases() -> dict:
    plan = _plan()
    no_impact = _plan()
    no_impact.items = [i for i in no_impact.items if "満足" not in i.indicator]
    return {
        "right": [
            {"push_plan": plan},
            {"push_plan": plan.to_frame()},
            {"push_plan": _plan(通知後の新規申請件数=("毎週", "こども家庭課", "週 1 件"))},
        ],
        "wrong": [
            (
                {
                    "push_plan": _plan(
                        子育て環境に満足している子育て世帯の割合=(
                            "毎月",
                            "企画課",
                            "2 ポイント",
                        )
                    )
                },
                "年に 1 回しか新しくならない",
            ),
            (
                {
                    "push_plan": _plan(
                        通知後の新規申請件数=("毎月", "こども家庭課", "少なければ見直す")
                    )
                },
                "目安に数がありません",
            ),
            ({"push_plan": MonitoringPlan.from_logic_model(push_model())}, "計画にまだ足りない点"),
            ({"push_plan": no_impact}, "がモニタリング計画にありません"),
            ({"push_plan": plan.to_frame().drop(columns="担当")}, "表を読めません"),
            ({"push_plan": "毎月"}, "kit.design.MonitoringPlan にしてください"),
        ],
    }


@functools.cache
def cases() -> dict[str, dict]:
    """Computed once per test session: loading the register and the maps takes a few seconds."""
    push = _push_cases()
    merge = _merge_cases()
    return {
        "q1": _flow_cases(),
        "q2": _stage_cases(),
        "q3": _merge_model_cases(),
        "q4": push["q4"],
        "q5": push["q5"],
        "q6": merge["q6"],
        "q7": merge["q7"],
        "q8": _plan_cases(),
    }
