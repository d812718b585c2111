"""Known-right and known-wrong answers for stage 3 (分析・見える化)."""

from __future__ import annotations

import functools
import warnings

import pandas as pd

import kit

OLD = [f"{a}-{a + 4}歳の{s}" for a in range(65, 85, 5) for s in ("男性", "女性")] + [
    "85歳以上の男性",
    "85歳以上の女性",
]


def _population(year=None):
    pop = kit.load("population")
    pop["年"] = pop["調査年月日"].dt.year
    pop["65歳以上"] = pop[OLD].sum(axis=1)
    return pop if year is None else pop[pop["年"] == year]


def _aging(pop, columns=("65歳以上", "総人口")):
    sums = pop.groupby("地区名")[list(columns)].sum()
    return sums.iloc[:, 0] / sums.iloc[:, 1]


def _q1_q2():
    pop = _population()
    p26 = pop[pop["年"] == 2026]
    right = _aging(p26)
    by_year = pop.groupby(["地区名", "年"])[["65歳以上", "総人口"]].sum()
    rate_by_year = (by_year["65歳以上"] / by_year["総人口"]).unstack("年")
    change = rate_by_year[2026] - rate_by_year[2017]
    town_mean = (p26["65歳以上"] / p26["総人口"]).groupby(p26["地区名"]).mean()
    no85 = (
        p26[OLD[:-2]].sum(axis=1).groupby(p26["地区名"]).sum()
        / p26.groupby("地区名")["総人口"].sum()
    )
    q1 = {
        "right": [
            {"aging_2026": right},
            {"aging_2026": right.rename("高齢化率").reset_index()},
            {
                "aging_2026": p26.groupby("地区名")[["65歳以上", "総人口"]]
                .sum()
                .assign(高齢化率=lambda t: t["65歳以上"] / t["総人口"])
            },
            {"aging_2026": right.rename(index=lambda n: n.removesuffix("地区"))},
        ],
        "wrong": [
            ({"aging_2026": right * 100}, "100 倍"),
            ({"aging_2026": town_mean}, "平均しています"),
            ({"aging_2026": p26.groupby("地区名")["65歳以上"].sum()}, "人数になっています"),
            ({"aging_2026": _aging(pop[pop["年"] == 2025])}, "2025年の値"),
            ({"aging_2026": no85}, "85歳以上"),
            ({"aging_2026": _aging(pop)}, "すべての年"),
            ({"aging_2026": right.round(2)}, "四捨五入"),
            (
                {"aging_2026": (p26["65歳以上"] / p26["総人口"]).set_axis(p26["地域名"])},
                "町丁目ごと",
            ),
            ({"aging_2026": right.iloc[:7]}, "がありません"),
            ({"aging_2026": rate_by_year}, "数の列が"),
            ({"aging_2026": 0.3}, "Series"),
        ],
    }
    ratio = rate_by_year[2026] / rate_by_year[2017]
    q2 = {
        "right": [
            {"fastest": str(change.idxmax())},
            {"fastest": str(change.idxmax()).removesuffix("地区")},
            {"fastest": f" {change.idxmax()} "},
        ],
        "wrong": [
            ({"fastest": str(rate_by_year[2026].idxmax())}, "いちばん高い地区"),
            ({"fastest": str(ratio.idxmax())}, "何倍"),
            ({"fastest": "東地区"}, "いちばん大きい地区ではありません"),
            ({"fastest": "七瀬市"}, "地区の名前になっていません"),
            ({"fastest": change}, "文字ではなく"),
        ],
    }
    return q1, q2


def _q3():
    h = kit.load("health_checkups")
    h24 = h[h["年度"] == 2024]
    sums = h24.pivot_table(
        index="地区名", columns="性別", values=["受診者数", "対象者数"], aggfunc="sum"
    )
    right = sums["受診者数"] / sums["対象者数"]
    grouped = h24.groupby(["地区名", "性別"])[["受診者数", "対象者数"]].sum()
    long_rate = grouped["受診者数"] / grouped["対象者数"]
    mean_rate = h24.assign(率=h24["受診者数"] / h24["対象者数"]).pivot_table(
        index="地区名", columns="性別", values="率", aggfunc="mean"
    )
    h25 = h[h["年度"] == 2025].pivot_table(
        index="地区名", columns="性別", values=["受診者数", "対象者数"], aggfunc="sum"
    )
    with_margins = h24.pivot_table(
        index="地区名", columns="性別", values="受診者数", aggfunc="sum", margins=True
    )
    return {
        "right": [
            {"checkup_table": right},
            {"checkup_table": long_rate.unstack()},
            {"checkup_table": right.reset_index()},
            {"checkup_table": right[["男性", "女性"]]},
        ],
        "wrong": [
            ({"checkup_table": mean_rate}, "平均しています"),
            ({"checkup_table": right * 100}, "100 倍"),
            ({"checkup_table": sums["受診者数"]}, "人数になっています"),
            ({"checkup_table": h25["受診者数"] / h25["対象者数"]}, "2025年度"),
            ({"checkup_table": right.T}, "行と列が逆"),
            ({"checkup_table": long_rate}, "Series"),
            ({"checkup_table": with_margins}, "合計の行"),
            ({"checkup_table": right.round(3)}, "四捨五入"),
        ],
    }


def _q4():
    f = kit.load("public_facilities")
    f["1人あたり費用"] = f["年間維持管理費"] * 1000 / f["年間利用者数"]
    r = f["建築年"].corr(f["1人あたり費用"])
    age = 2026 - f["建築年"]
    return {
        "right": [
            {"r": r},
            {"r": f[["建築年", "1人あたり費用"]].corr().iloc[0, 1]},
            {"r": f["建築年"].corr(f["年間維持管理費"] / f["年間利用者数"])},
        ],
        "wrong": [
            ({"r": f["建築年"].corr(f["年間維持管理費"])}, "総額"),
            ({"r": f["建築年"].rank().corr(f["1人あたり費用"].rank())}, "順位相関"),
            ({"r": age.corr(f["1人あたり費用"])}, "符号が逆"),
            ({"r": f["建築年"].corr(f["年間利用者数"])}, "利用者数との相関"),
            ({"r": round(r, 2)}, "四捨五入"),
            ({"r": r * 100}, "−1 から 1"),
            ({"r": f[["建築年", "1人あたり費用"]].corr()}, "数ではなく"),
        ],
    }


def _q5():
    s = kit.load("survey")
    written = s.dropna(subset=["自由記述"])
    right = written["自由記述"].str.contains("保育").groupby(written["地区"]).mean()
    everyone = s["自由記述"].fillna("").str.contains("保育").groupby(s["地区"]).mean()
    counts = written["自由記述"].str.contains("保育").groupby(written["地区"]).sum()
    only_en = written["自由記述"].str.contains("保育園").groupby(written["地区"]).mean()
    return {
        "right": [
            {"hoiku_share": right},
            {"hoiku_share": right.rename("割合").reset_index()},
            {
                "hoiku_share": s[s["自由記述"].notna()]
                .groupby("地区")["自由記述"]
                .apply(lambda t: t.str.contains("保育").mean())
            },
        ],
        "wrong": [
            ({"hoiku_share": everyone}, "空欄"),
            ({"hoiku_share": counts}, "回答の数"),
            ({"hoiku_share": right * 100}, "100 倍"),
            ({"hoiku_share": only_en}, "「保育園」だけ"),
            ({"hoiku_share": right.drop("東地区")}, "がありません"),
        ],
    }


def _q6():
    towns = kit.load("towns")
    pop = _population()
    pop["高齢化率"] = pop["65歳以上"] / pop["総人口"]
    p26 = pop[pop["年"] == 2026]
    right = towns.merge(
        p26[["地域コード", "高齢化率"]], left_on="町丁目コード", right_on="地域コード"
    )
    by_name = towns.merge(
        p26[["地域名", "高齢化率"]], left_on="町丁目名", right_on="地域名", how="left"
    )
    p25 = pop[pop["年"] == 2025]
    return {
        "right": [{"towns_rate": right}, {"towns_rate": by_name}],
        "wrong": [
            # pop.merge(towns) gives a plain DataFrame; its geometry column cannot be carried as
            # JSON, so the case stands for it without geometry.
            ({"towns_rate": pd.DataFrame(right.drop(columns="geometry"))}, "GeoDataFrame"),
            (
                {
                    "towns_rate": towns.merge(
                        pop[["地域コード", "高齢化率"]],
                        left_on="町丁目コード",
                        right_on="地域コード",
                    )
                },
                "絞り込んでから",
            ),
            (
                {
                    "towns_rate": towns.merge(
                        p25[["地域コード", "高齢化率"]],
                        left_on="町丁目コード",
                        right_on="地域コード",
                    )
                },
                "2025年",
            ),
            ({"towns_rate": right.assign(高齢化率=right["高齢化率"] * 100)}, "100 倍"),
            ({"towns_rate": right.iloc[:40]}, "結合できなかった"),
            ({"towns_rate": towns}, "列「高齢化率」がありません"),
        ],
    }


def _q7():
    towns = kit.load("towns")
    ps = kit.load("preschools")
    nursery = kit.geo.points_from_latlon(ps[ps["種別"] != "幼稚園"])
    right = kit.geo.nearest_distance(towns, nursery)
    everything = kit.geo.nearest_distance(towns, kit.geo.points_from_latlon(ps))
    hoikusho = kit.geo.nearest_distance(
        towns, kit.geo.points_from_latlon(ps[ps["種別"] == "認可保育所"])
    )
    plane = towns.to_crs(6677)
    with warnings.catch_warnings():  # measuring in degrees is the mistake this case stands for
        warnings.simplefilter("ignore", UserWarning)
        degrees = towns.centroid.apply(lambda p: nursery.distance(p).min())
    return {
        "right": [
            {"nursery_m": right},
            {"nursery_m": right.set_axis(towns["町丁目コード"])},
            {"nursery_m": right.set_axis(towns["町丁目名"]).sort_index()},
            {
                "nursery_m": kit.geo.nearest_facility(towns, nursery, name="名称").assign(
                    町丁目名=towns["町丁目名"]
                )
            },
            {"nursery_m": plane.centroid.apply(lambda p: nursery.to_crs(6677).distance(p).min())},
        ],
        "wrong": [
            ({"nursery_m": everything}, "幼稚園も"),
            ({"nursery_m": hoikusho}, "認可保育所だけ"),
            ({"nursery_m": right / 1000}, "キロメートル"),
            ({"nursery_m": degrees}, "緯度・経度"),
            ({"nursery_m": right.iloc[:10]}, "行の数"),
            ({"nursery_m": float(right.mean())}, "Series"),
        ],
    }


def _q8():
    ev = kit.load("evacuation_spaces")
    towns = kit.load("towns")
    joined = ev.merge(towns[["町丁目コード", "地区名"]], left_on="町字ID", right_on="町丁目コード")
    flood = joined[joined["災害種別_洪水"] == 1]
    right = flood.groupby("地区名")["想定収容人数"].sum()
    return {
        "right": [
            {"flood_capacity": right},
            {"flood_capacity": right.reset_index()},
            {
                "flood_capacity": flood.pivot_table(
                    index="地区名", values="想定収容人数", aggfunc="sum"
                )
            },
        ],
        "wrong": [
            (
                {"flood_capacity": joined.groupby("地区名")["想定収容人数"].sum()},
                "使えない避難場所",
            ),
            ({"flood_capacity": flood.groupby("地区名").size()}, "数（か所）"),
            ({"flood_capacity": flood.groupby("所在地_町字")["想定収容人数"].sum()}, "町丁目ごと"),
            ({"flood_capacity": int(right.sum())}, "Series"),
            ({"flood_capacity": right * 0.9}, "値が違う地区"),
        ],
    }


@functools.cache
def cases() -> dict[str, dict]:
    q1, q2 = _q1_q2()
    return {
        "q1": q1,
        "q2": q2,
        "q3": _q3(),
        "q4": _q4(),
        "q5": _q5(),
        "q6": _q6(),
        "q7": _q7(),
        "q8": _q8(),
    }
