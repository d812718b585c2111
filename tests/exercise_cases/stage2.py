"""Known-right and known-wrong answers for stage 2 (データ収集・整形)."""

from __future__ import annotations

import copy
import functools
import hashlib

import pandas as pd

import kit
from kit.worksheet import (
    AGGREGATED,
    AS_IS,
    CONSENT,
    OUTSIDE_PURPOSE,
    PROVISIONS,
    PSEUDONYMISED,
    ROLE_HOLDER,
    USE_SERVICE,
    WITHIN_PURPOSE,
    SignOff,
)

KEY = "nanase-kenshu-2026-shared-key"


def _q1() -> dict:
    result = kit.readers.read(kit.data.path("raw_population_csv"), dash_as_zero=True)
    table = result.table
    subtotal = table["町丁目名"].astype(str).str.contains("小計")
    towns = table[~subtotal].reset_index(drop=True)
    by_hand = pd.read_csv(
        kit.data.path("raw_population_csv"),
        encoding="cp932",
        skiprows=5,
        header=None,
        thousands=",",
    )
    by_hand = by_hand[by_hand[0].notna() & by_hand[1].notna()]
    by_hand.columns = [
        "地区",
        "町丁目コード",
        "町丁目名",
        *(f"列{i}" for i in range(3, by_hand.shape[1])),
    ]
    with_totals = pd.concat([towns, result.totals.drop(columns="集計区分")], ignore_index=True)
    subtotal_rows = towns.copy()
    subtotal_rows.loc[len(subtotal_rows)] = towns.iloc[0]
    subtotal_rows.loc[len(subtotal_rows) - 1, "町丁目名"] = "（中央地区 小計）"
    as_text = towns.astype({"総数_計": str}).assign(
        総数_計=lambda f: f["総数_計"].map(lambda v: f"{int(v):,}")
    )
    as_text = as_text[["地区", "町丁目コード", "町丁目名", "総数_計"]]
    return {
        "right": [
            {"towns_2026": towns},
            {"towns_2026": by_hand},
            {"towns_2026": towns[["町丁目コード", "町丁目名", "総数_計"]]},
        ],
        "wrong": [
            ({"towns_2026": with_totals}, "「合計」の行が残っています"),
            ({"towns_2026": subtotal_rows}, "「小計」の行が残っています"),
            ({"towns_2026": as_text}, "桁区切りのカンマ"),
            ({"towns_2026": towns.iloc[3:]}, "町丁目名の列が見つかりません"),
            ({"towns_2026": towns["町丁目名"]}, "列（Series）"),
        ],
    }


def _q2() -> dict:
    raw = pd.read_csv(kit.data.path("raw_preschools_old"), encoding="cp932", dtype=str)
    dates = kit.wareki.to_datetime(raw["認可等年月日"])
    recent = int((dates >= "2019-04-01").sum())
    after = int((dates > "2019-04-01").sum())
    shifted = dates + pd.DateOffset(years=1)
    return {
        "right": [
            {"approval_dates": dates, "n_recent": recent},
            {"approval_dates": list(dates.dt.date), "n_recent": float(recent)},
            {
                "approval_dates": kit.read_table(kit.data.path("raw_preschools_old"))[
                    "認可等年月日"
                ],
                "n_recent": (dates >= "2019-04-01").sum(),
            },
            {"approval_dates": dates.sort_values(), "n_recent": recent},
        ],
        "wrong": [
            ({"approval_dates": dates, "n_recent": after}, "2019年4月1日ちょうど"),
            ({"approval_dates": dates, "n_recent": len(dates) - recent}, "より前の施設"),
            ({"approval_dates": dates, "n_recent": len(dates)}, "すべての施設"),
            ({"approval_dates": raw["認可等年月日"], "n_recent": recent}, "和暦の文字のまま"),
            ({"approval_dates": shifted, "n_recent": recent}, "件が合いません"),
            ({"approval_dates": dates.head(5), "n_recent": recent}, "数が施設の数"),
            ({"approval_dates": dates, "n_recent": str(recent)}, "数ではなく"),
        ],
    }


def _q3() -> dict:
    raw = pd.read_csv(kit.data.path("raw_population_h31"), encoding="utf-8-sig", dtype=str)
    column = raw["都道府県コード又は市区町村コード"]
    fixed = kit.codes.normalize_series(column)
    repaired = len(kit.codes.repairs(column))
    full_width = int((column != column.str.normalize("NFKC")).sum())
    read = kit.read_table(kit.data.path("raw_population_h31"))
    return {
        "right": [
            {"codes_fixed": fixed, "n_repaired": repaired},
            {"codes_fixed": list(fixed), "n_repaired": int((column != fixed).sum())},
            {"codes_fixed": read["全国地方公共団体コード"], "n_repaired": repaired},
        ],
        "wrong": [
            ({"codes_fixed": fixed, "n_repaired": repaired - full_width}, "全角の数字で書かれた"),
            ({"codes_fixed": fixed, "n_repaired": full_width}, "5 桁になっていた"),
            ({"codes_fixed": fixed, "n_repaired": len(column) - repaired}, "初めから正しかった"),
            ({"codes_fixed": fixed, "n_repaired": len(column)}, "すべての行"),
            ({"codes_fixed": column, "n_repaired": repaired}, "検査数字（6桁目）が抜けたまま"),
            ({"codes_fixed": fixed.astype(int), "n_repaired": repaired}, "数（int）"),
            ({"codes_fixed": fixed.head(3), "n_repaired": repaired}, "行数"),
            ({"codes_fixed": column.str.normalize("NFKC"), "n_repaired": repaired}, "検査数字"),
            ({"codes_fixed": fixed.where(column.str.len() == 5, column), "n_repaired": 7}, "全角"),
        ],
    }


def _q4() -> dict:
    pop = kit.load("population")
    latest = pop[pop["調査年月日"] == "2026-04-01"]
    long = kit.readers.population_long(latest)
    everything = kit.readers.population_long(pop)
    melted = latest.melt(
        id_vars=["地域コード", "地域名"],
        value_vars=[c for c in latest.columns if "歳" in c or c in ("総人口", "男性", "女性")],
        var_name="年齢階級",
        value_name="人口",
    ).assign(性別="男性")
    return {
        "right": [
            {"pop_long": long},
            {"pop_long": long[["地域名", "年齢階級", "性別", "人口"]]},
        ],
        "wrong": [
            ({"pop_long": everything}, "何年分もの行"),
            ({"pop_long": melted}, "総人口・男性・女性の列まで"),
            ({"pop_long": long.assign(性別="男女計")}, "男女計など"),
            ({"pop_long": long.drop(columns=["地域名", "地域コード"])}, "どの町丁目の人口か"),
            ({"pop_long": long.iloc[:100]}, "行の数か人口の合計が合いません"),
            ({"pop_long": latest}, "列「年齢階級」「性別」「人口」がありません"),
        ],
    }


def _q5() -> dict:
    pop = kit.load("population")
    old = pop[pop["調査年月日"] == "2019-04-01"]
    new = pop[pop["調査年月日"] == "2026-04-01"]
    merged = old.merge(new, on="地域コード", how="outer", indicator=True)
    left = merged.loc[merged["_merge"] == "left_only", "地域コード"]
    right = merged.loc[merged["_merge"] == "right_only", "地域コード"]
    by_name = old.merge(new, on="地域名", how="left", indicator=True)
    name_codes = by_name.loc[by_name["_merge"] == "left_only", "地域コード_x"]
    return {
        "right": [
            {"unmatched": list(left)},
            {"unmatched": set(left)},
            {"unmatched": left},
        ],
        "wrong": [
            ({"unmatched": list(right)}, "2026年の側にだけ"),
            ({"unmatched": list(left) + list(right)}, "両方の年"),
            ({"unmatched": list(name_codes)}, "町丁目名でつないで"),
            ({"unmatched": [c.lstrip("0") for c in left]}, "先頭の 0 が落ちた"),
            ({"unmatched": [int(c) for c in left]}, "数（int）"),
            (
                {"unmatched": list(merged.loc[merged["_merge"] == "left_only", "地域名_x"])},
                "町丁目名で答えて",
            ),
            ({"unmatched": []}, "1 つもありません"),
            ({"unmatched": list(old["地域コード"].str.lstrip("0"))}, "ほとんどすべて"),
        ],
    }


def _fixed_worksheet(ex):
    ws = ex.draft_worksheet()
    ws.item("生年月日").provision = PROVISIONS[2]
    ws.item("保育所の入所申込み状況").handling = PSEUDONYMISED
    health = ws.item("乳幼児健診の結果")
    health.basis, health.provision = OUTSIDE_PURPOSE, PROVISIONS[2]
    ws.retention = "分析の終了後3か月で消去し、消去した記録を残す"
    ws.signoffs.append(SignOff("保育課", ROLE_HOLDER, approved=True, date="2026-06-04"))
    return ws


def _q6() -> dict:
    from kit.exercises import stage2 as ex

    fixed = _fixed_worksheet(ex)
    minimal = copy.deepcopy(fixed)
    minimal.items = [i for i in minimal.items if i.name != "乳幼児健診の結果"]
    aggregated = copy.deepcopy(fixed)
    aggregated.item("保育所の入所申込み状況").handling = AGGREGATED
    fourth = copy.deepcopy(fixed)
    fourth.item("生年月日").provision = PROVISIONS[4]
    dropped = copy.deepcopy(fixed)
    dropped.items = [i for i in dropped.items if i.name != "町丁目"]
    unflagged = copy.deepcopy(fixed)
    unflagged.item("乳幼児健診の結果").sensitive = False
    service = copy.deepcopy(fixed)
    service.use = USE_SERVICE
    service.item("保育所の入所申込み状況").handling = AS_IS
    consent = copy.deepcopy(fixed)
    consent.item("乳幼児健診の結果").basis = CONSENT
    consent.item("乳幼児健診の結果").provision = ""
    within = copy.deepcopy(fixed)
    within.item("乳幼児健診の結果").basis = WITHIN_PURPOSE
    within.item("乳幼児健診の結果").provision = ""
    return {
        "right": [{"fixed_ws": fixed}, {"fixed_ws": minimal}, {"fixed_ws": aggregated}],
        "wrong": [
            ({"fixed_ws": ex.draft_worksheet()}, "まだ「要修正」が 5 件"),
            ({"fixed_ws": fourth}, "第4号"),
            ({"fixed_ws": dropped}, "分析に欠かせない項目「町丁目」"),
            ({"fixed_ws": unflagged}, "区分が変わっています"),
            ({"fixed_ws": service}, "利用の形が変わっています"),
            ({"fixed_ws": consent}, "本人の同意も取っていません"),
            ({"fixed_ws": within}, "もともとの目的の範囲外"),
            ({"fixed_ws": fixed.to_dict()}, "ワークシート（PersonalDataWorksheet）ではなく"),
        ],
    }


def _residents_with_age() -> pd.DataFrame:
    residents = kit.load("residents")
    birth = residents["生年月日"]
    later = (birth.dt.month * 100 + birth.dt.day) > 401
    return residents.assign(年齢=2026 - birth.dt.year - later.astype(int))


COLUMNS = ["住民ID", "世帯ID", "性別", "年齢", "町丁目名", "地区名", "世帯類型"]


def _q7() -> dict:
    residents = _residents_with_age()
    extract = residents[residents["年齢"] <= 5][COLUMNS].copy()
    pseudo = extract.copy()
    for column in ("住民ID", "世帯ID"):
        pseudo[column] = kit.privacy.pseudonymize(extract[column], KEY)
    other_key = extract.copy()
    for column in ("住民ID", "世帯ID"):
        other_key[column] = kit.privacy.pseudonymize(extract[column], KEY + "-other")
    hashed = pseudo.assign(
        住民ID=extract["住民ID"].map(lambda v: hashlib.sha256(v.encode()).hexdigest()[:16])
    )
    household_plain = pseudo.assign(世帯ID=extract["世帯ID"])
    household_other = pseudo.assign(世帯ID=other_key["世帯ID"])
    under5 = residents[residents["年齢"] < 5][COLUMNS].copy()
    under5["住民ID"] = kit.privacy.pseudonymize(under5["住民ID"], KEY)
    under5["世帯ID"] = kit.privacy.pseudonymize(under5["世帯ID"], KEY)
    return {
        "right": [
            {"pseudo": pseudo},
            {"pseudo": pseudo.reset_index(drop=True).sort_values("住民ID")},
        ],
        "wrong": [
            ({"pseudo": pseudo.assign(住所="x")}, "「住所」の列が残っています"),
            ({"pseudo": pseudo.assign(生年月日="x")}, "「生年月日」の列が残っています"),
            ({"pseudo": pseudo.drop(columns="世帯類型")}, "列「世帯類型」がありません"),
            ({"pseudo": pseudo.assign(続柄="子")}, "分析に要らない列「続柄」"),
            ({"pseudo": extract}, "元の番号のまま"),
            ({"pseudo": household_plain}, "「世帯ID」が元の番号のまま"),
            ({"pseudo": hashed}, "鍵を使わないハッシュ"),
            ({"pseudo": other_key}, "指定の鍵"),
            ({"pseudo": household_other}, "「世帯ID」の仮名が合いません"),
            ({"pseudo": under5}, "5歳の子どもが入っていません"),
        ],
    }


def _q8() -> dict:
    residents = _residents_with_age()
    extract = residents[residents["年齢"] <= 5]
    report = kit.privacy.k_anonymity(extract, ["年齢", "性別", "町丁目名"])
    n = len(report.rows_below(5))
    return {
        "right": [
            {"k_value": report.k, "n_at_risk": n},
            {"k_value": float(report.k), "n_at_risk": len(report.rows_at_risk)},
        ],
        "wrong": [
            ({"k_value": report.k, "n_at_risk": len(report.groups_below(5))}, "グループの「数」"),
            ({"k_value": report.k, "n_at_risk": len(report.rows_below(6))}, "5 人ちょうど"),
            ({"k_value": report.k, "n_at_risk": len(report.rows_below(3))}, "k = 3"),
            ({"k_value": report.k + 4, "n_at_risk": n}, "k の値が違います"),
            ({"k_value": report, "n_at_risk": n}, "数ではなく"),
            ({"k_value": report.k, "n_at_risk": n + 1}, "人数が違います"),
        ],
    }


def _q9() -> dict:
    residents = _residents_with_age()
    extract = residents[residents["年齢"] <= 5][COLUMNS].copy()
    safe, _ = kit.privacy.achieve_k(extract, ["年齢", "性別", "町丁目名"], k=5)
    by_district = extract.drop(columns="町丁目名")
    report = kit.privacy.k_anonymity(by_district, ["年齢", "性別", "地区名"])
    by_district = by_district.drop(index=report.rows_below(5))
    whole_city = extract.drop(columns=["町丁目名"]).assign(地区名="七瀬市")
    return {
        "right": [{"safe": safe}, {"safe": by_district}],
        "wrong": [
            ({"safe": extract}, "まだ 1 人しかいない"),
            ({"safe": safe.drop(columns="年齢")}, "年齢の列がありません"),
            ({"safe": safe.drop(columns="性別")}, "性別の列がありません"),
            ({"safe": whole_city}, "地域を粗くしすぎています"),
            ({"safe": safe.assign(年齢="0〜5歳")}, "年齢が 1 つの区分だけ"),
            ({"safe": safe.iloc[:1000]}, "行を削除しすぎています"),
            ({"safe": safe.assign(生年月日="x")}, "「生年月日」の列が残っています"),
        ],
    }


@functools.cache  # building them reads the register several times; checkers never modify answers
def cases() -> dict[str, dict]:
    return {
        "q1": _q1(),
        "q2": _q2(),
        "q3": _q3(),
        "q4": _q4(),
        "q5": _q5(),
        "q6": _q6(),
        "q7": _q7(),
        "q8": _q8(),
        "q9": _q9(),
    }
