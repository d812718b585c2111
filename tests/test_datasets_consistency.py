"""Aggregates agree across files: register → population table, 町丁目 → 地区 → city, flows → stocks,
facilities → nursery places, population → care and health tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from test_datasets_support import LATEST, ages, band_columns, latest_population, load


def check_digit(code5: str) -> str:
    s = sum(w * int(d) for w, d in zip((6, 5, 4, 3, 2), code5, strict=True))
    return str((11 - s % 11) % 10)


def test_city_code_has_a_valid_check_digit_and_no_real_prefecture():
    assert check_digit("99201") == "1"
    assert check_digit("13101") == "6"  # the reference example
    for name in ("population", "preschools", "evacuation_spaces"):
        codes = set(load(name)["全国地方公共団体コード"])
        assert codes == {"992011"}
    assert int("992011"[:2]) > 47


@pytest.fixture(scope="module")
def register_counts() -> pd.DataFrame:
    """The register counted into the population table's layout."""
    res = load("residents")
    age = ages(res["生年月日"])
    band = np.minimum(age // 5 * 5, 85)
    label = np.where(band >= 85, "85歳以上", band.astype(str) + "-" + (band + 4).astype(str) + "歳")
    res["列"] = pd.Series(label, index=res.index) + "の" + res["性別"]
    wide = res.pivot_table(
        index="町丁目コード", columns="列", values="住民ID", aggfunc="count", fill_value=0
    )
    wide["総人口"] = res.groupby("町丁目コード").size()
    wide["男性"] = res[res["性別"] == "男性"].groupby("町丁目コード").size()
    wide["女性"] = res[res["性別"] == "女性"].groupby("町丁目コード").size()
    wide["世帯数"] = res.groupby("町丁目コード")["世帯ID"].nunique()
    return wide.fillna(0).astype(int)


def test_register_aggregates_equal_the_latest_population_table(register_counts):
    pop = latest_population().set_index("地域コード")
    columns = ["総人口", "男性", "女性", *band_columns(pop), "世帯数"]
    expected = pop[columns].astype(int).sort_index()
    got = register_counts.reindex(index=expected.index, columns=columns, fill_value=0).sort_index()
    pd.testing.assert_frame_equal(got, expected, check_names=False, check_dtype=False)


def test_population_rows_add_up():
    pop = load("population")
    bands = band_columns(pop)
    assert (pop[bands].sum(axis=1) == pop["総人口"]).all()
    assert (pop["男性"] + pop["女性"] == pop["総人口"]).all()
    male = [c for c in bands if c.endswith("男性")]
    assert (pop[male].sum(axis=1) == pop["男性"]).all()
    assert (pop["世帯数"] <= pop["総人口"]).all()


def test_towns_add_up_to_districts_and_city():
    pop, vital = load("population"), load("vital_statistics")
    by_district = pop.groupby(["調査年月日", "地区コード"])["総人口"].sum()
    start = vital.set_index([pd.to_datetime(vital["期間開始日"]), "地区コード"])["期首人口"]
    assert (by_district.loc[start.index] == start).all()
    end = vital.set_index(
        [pd.to_datetime(vital["期間終了日"]) + pd.Timedelta(days=1), "地区コード"]
    )
    assert (by_district.loc[end.index] == end["期末人口"]).all()
    city = pop.groupby("調査年月日")["総人口"].sum()
    assert (by_district.groupby(level=0).sum() == city).all()
    towns = load("towns")
    assert set(latest_population()["地域コード"]) == set(towns["町丁目コード"])
    mapping = towns.set_index("町丁目コード")["地区コード"]
    latest = latest_population()
    assert (latest["地域コード"].map(mapping) == latest["地区コード"]).all()


def test_demographic_identity_per_district_and_year():
    v = load("vital_statistics")
    assert (v["期末人口"] == v["期首人口"] + v["出生"] - v["死亡"] + v["転入"] - v["転出"]).all()
    for kind in ("転入", "転出"):
        parts = [c for c in v.columns if c.startswith(f"{kind}_")]
        assert len(parts) == 5 and (v[parts].sum(axis=1) == v[kind]).all()
    assert set(v["年度"]) == set(range(2017, 2026))
    assert "令和元年度" in set(v["年度_和暦"]) and "平成30年度" in set(v["年度_和暦"])


def test_town_changes_explain_every_code_that_disappears():
    pop, changes = load("population"), load("town_changes")
    current = set(load("towns")["町丁目コード"])
    old_codes = set(pop["地域コード"]) - current
    assert old_codes == set(changes["旧町丁目コード"]) - current
    names = pop.groupby("地域コード")["地域名"].nunique()
    renamed = set(names[names > 1].index)
    assert renamed and renamed <= set(changes["新町丁目コード"])  # same code, new spelling
    assert {"住居表示の実施", "区域の合併", "表記の変更"} <= set(changes["変更の種類"])
    # every year's towns tile the same city: district totals never jump at a change date
    assert pop.groupby("調査年月日")["地区コード"].nunique().eq(8).all()


def test_nursery_places_equal_the_open_facilities():
    schools, waiting = load("preschools"), load("nursery_waiting")
    towns = load("towns").set_index("町丁目コード")["地区コード"]
    schools["地区コード"] = schools["町字ID"].map(towns)
    nurseries = schools[schools["種別"] != "幼稚園"]
    groups = {
        "0歳": ["定員_0歳"],
        "1・2歳": ["定員_1歳", "定員_2歳"],
        "3歳以上": ["定員_3歳", "定員_4歳", "定員_5歳"],
    }
    for _, row in waiting.iterrows():
        open_ = nurseries[
            (nurseries["認可等年月日"] <= row["基準日"])
            & (nurseries["地区コード"] == row["地区コード"])
        ]
        assert open_[groups[row["年齢区分"]]].to_numpy().sum() == row["利用定員"]
    assert (schools[[f"定員_{a}歳" for a in range(6)]].sum(axis=1) == schools["収容定員"]).all()
    w = waiting
    assert (w["利用児童数"] <= w["利用定員"]).all() and (w["利用児童数"] <= w["申込児童数"]).all()
    assert (w["入所保留児童数"] == w["申込児童数"] - w["利用児童数"]).all()
    assert (w["待機児童数"] <= w["入所保留児童数"]).all()


def test_nursery_applications_never_exceed_the_children_living_there():
    res, waiting = load("residents"), load("nursery_waiting")
    res["年齢"] = ages(res["生年月日"])
    kids = res[res["年齢"] <= 5]
    classes = pd.cut(kids["年齢"], [-1, 0, 2, 5], labels=["0歳", "1・2歳", "3歳以上"])
    children = kids.groupby([kids["地区コード"], classes.astype(str)]).size()
    latest = waiting[waiting["基準日"] == LATEST].set_index(["地区コード", "年齢区分"])[
        "申込児童数"
    ]
    assert (latest <= children.reindex(latest.index, fill_value=0)).all()


def test_care_insured_equal_the_elderly_population():
    care, pop = load("care_certification"), load("population")
    bands = {
        "65-69歳": "65-69歳",
        "70-74歳": "70-74歳",
        "75-79歳": "75-79歳",
        "80-84歳": "80-84歳",
        "85歳以上": "85歳以上",
    }
    for band, prefix in bands.items():
        cols = [f"{prefix}の男性", f"{prefix}の女性"]
        people = (
            pop.assign(n=pop[cols].sum(axis=1)).groupby(["調査年月日", "地区コード"])["n"].sum()
        )
        rows = care[care["年齢階級"] == band].set_index(["基準日", "地区コード"])["第1号被保険者数"]
        assert (people.loc[rows.index] == rows).all(), band
    levels = ["要支援1", "要支援2", "要介護1", "要介護2", "要介護3", "要介護4", "要介護5"]
    assert (care[levels].sum(axis=1) == care["認定者数"]).all()
    assert (care["認定者数"] <= care["第1号被保険者数"]).all()


def test_health_check_targets_fit_in_the_population():
    health, pop = load("health_checkups"), load("population")
    assert (health["受診者数"] <= health["対象者数"]).all()
    for _, row in health[health["年度"] == 2025].head(40).iterrows():
        column = f"{row['年齢階級']}の{row['性別']}"
        start = pd.Timestamp(f"{row['年度']}-04-01")
        people = pop[(pop["調査年月日"] == start) & (pop["地区コード"] == row["地区コード"])][
            column
        ].sum()
        assert row["対象者数"] <= people


def test_public_facilities_match_their_yearly_history():
    ledger, usage = load("public_facilities"), load("facility_usage")
    last = usage[usage["年度"] == 2025].set_index("施設ID")
    ledger = ledger.set_index("施設ID")
    assert (last.loc[ledger.index, "年間利用者数"] == ledger["年間利用者数"]).all()
    assert (last.loc[ledger.index, "年間維持管理費"] == ledger["年間維持管理費"]).all()
    first = usage.groupby("施設ID")["年度"].min()
    assert (first > ledger.loc[first.index, "建築年"]).all()


def test_register_households_are_coherent():
    res = load("residents")
    per_household = res.groupby("世帯ID")
    heads = (res["続柄"] == "世帯主").groupby(res["世帯ID"]).sum()
    assert heads.eq(1).all()
    assert (per_household.size() == per_household["世帯人員"].first()).all()
    for column in ("町丁目コード", "住所", "世帯類型", "世帯の所得区分", "児童扶養手当_受給"):
        assert per_household[column].nunique().eq(1).all(), column
    res["年齢"] = ages(res["生年月日"])
    assert res.loc[res["続柄"].isin(["世帯主", "配偶者"]), "年齢"].min() >= 18
    assert (res["住民となった年月日"] >= res["生年月日"]).all()
    assert (res["住民となった年月日"] <= LATEST).all()
    lone = res[res["世帯類型"] == "ひとり親と子の世帯"]
    assert lone["続柄"].isin(["世帯主", "子"]).all()
    assert (lone["続柄"] == "子").groupby(lone["世帯ID"]).sum().gt(0).all()
    alone = res[res["世帯類型"] == "単独世帯"]
    assert alone["世帯人員"].eq(1).all()
