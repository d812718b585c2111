"""Known-right and known-wrong answers for stage 0 (はじめに)."""

from __future__ import annotations

import kit


def cases() -> dict[str, dict]:
    f = kit.load("public_facilities")
    kominkan = f[f["種別"] == "公民館"]
    ranking = f.sort_values("年間利用者数", ascending=False)
    per_user = f["年間維持管理費"] * 1000 / f["年間利用者数"]
    top_name = str(f.loc[per_user.idxmax(), "施設名"])
    top_total = str(f.loc[f["年間維持管理費"].idxmax(), "施設名"])
    cheapest = str(f.loc[per_user.idxmin(), "施設名"])
    cost = f.groupby("地区")["年間維持管理費"].sum()
    n_old = int((f["建築年"] < 1981).sum())
    return {
        "q1": {
            "right": [
                {"kominkan": kominkan},
                {"kominkan": kominkan.reset_index(drop=True)},
                {"kominkan": f.query("種別 == '公民館'").sort_values("施設名")},
            ],
            "wrong": [
                ({"kominkan": f[f["種別"] == "図書館"]}, "公民館以外"),
                ({"kominkan": f}, "公民館以外"),
                ({"kominkan": kominkan.iloc[1:]}, "抜けています"),
                ({"kominkan": kominkan["施設名"]}, "列（Series）"),
                ({"kominkan": "公民館"}, "表（DataFrame）ではなく"),
                ({"kominkan": kominkan[["施設名"]]}, "列「施設ID」「種別」がありません"),
            ],
        },
        "q2": {
            "right": [{"ranking": ranking}, {"ranking": ranking.reset_index(drop=True)}],
            "wrong": [
                ({"ranking": f.sort_values("年間利用者数")}, "少ない順"),
                ({"ranking": ranking.head(10)}, "行の数が元の表と違います"),
                ({"ranking": f.sort_values("延床面積", ascending=False)}, "多い順に並んでいません"),
                ({"ranking": f.sample(frac=1, random_state=1)}, "並んでいません"),
            ],
        },
        "q3": {
            "right": [
                {"cost_by_district": cost},
                {"cost_by_district": cost.reset_index()},
                {"cost_by_district": f.groupby("地区")[["年間維持管理費"]].sum()},
                {
                    "cost_by_district": f.pivot_table(
                        index="地区", values="年間維持管理費", aggfunc="sum"
                    )
                },
            ],
            "wrong": [
                ({"cost_by_district": f.groupby("地区")["年間維持管理費"].mean()}, "平均"),
                ({"cost_by_district": f.groupby("地区").size()}, "施設の数"),
                ({"cost_by_district": f.groupby("地区")["延床面積"].sum()}, "合計の値が違う"),
                ({"cost_by_district": f.groupby("種別")["年間維持管理費"].sum()}, "地区"),
                ({"cost_by_district": int(cost.sum())}, "表か列"),
            ],
        },
        "q4": {
            "right": [{"top_name": top_name}, {"top_name": f" {top_name}"}],
            "wrong": [
                ({"top_name": top_total}, "総額"),
                ({"top_name": cheapest}, "向き"),
                ({"top_name": f.loc[[per_user.idxmax()], "施設名"]}, "文字ではなく"),
                ({"top_name": "七瀬市役所"}, "台帳にありません"),
            ]
            if top_total != top_name
            else [],
        },
        "q5": {
            "right": [
                {"n_old": n_old},
                {"n_old": float(n_old)},
                {"n_old": (f["建築年"] < 1981).sum()},
            ],
            "wrong": [
                ({"n_old": int((f["建築年"] <= 1981).sum())}, "1981 年に建てた施設も")
                if (f["建築年"] == 1981).any()
                else ({"n_old": n_old + 1}, "数が合いません"),
                ({"n_old": int((f["建築年"] >= 1981).sum())}, "不等号"),
                ({"n_old": len(f)}, "すべての施設"),
                ({"n_old": str(n_old)}, "数ではなく"),
                ({"n_old": f[f["建築年"] < 1981]}, "数ではなく"),
            ],
        },
    }
