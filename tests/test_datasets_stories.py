"""Each story planted for trainers (trainer_guide/data_stories.md) can be found in the data."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
from test_datasets_support import LATEST, ages, areal_population_in, elderly_columns, load, rate

NEW_TOWN, RIVERSIDE, CENTRE, ESTATE, MOUNTAIN = (
    "みなみ野地区",
    "川端地区",
    "中央地区",
    "七瀬台地区",
    "奥七瀬地区",
)


def test_story_waiting_children_concentrate_where_births_rose():
    vital, waiting = load("vital_statistics"), load("nursery_waiting")
    births = vital.pivot_table(index="年度", columns="地区名", values="出生")
    assert births.loc[2023, NEW_TOWN] > 1.8 * births.loc[2017, NEW_TOWN]
    others = births.drop(columns=NEW_TOWN).sum(axis=1)
    assert others.loc[2025] < 0.8 * others.loc[2017]  # while the rest of the city has fewer
    waits = waiting.pivot_table(index="年度", columns="地区名", values="待機児童数", aggfunc="sum")
    assert waits.loc[2018:2023, NEW_TOWN].sum() >= 0.8 * waits.loc[2018:2023].to_numpy().sum()
    peak = waits[NEW_TOWN].idxmax()
    assert 2019 <= peak <= 2023
    assert waits.loc[2024:2026, NEW_TOWN].mean() < 0.5 * waits.loc[peak, NEW_TOWN]
    schools = load("preschools")
    towns = load("towns").set_index("町丁目コード")["地区名"]
    opened = schools[schools["町字ID"].map(towns) == NEW_TOWN]["認可等年月日"].dt.year
    assert (opened >= 2024).sum() >= 2  # the city answered with new facilities


def test_story_shelter_capacity_is_short_in_the_flood_zone():
    zone = load("flood_zone").to_crs(6677).union_all()
    exposed = areal_population_in(zone)
    shelters = load("evacuation_spaces")
    towns = load("towns").set_index("町丁目コード")["地区名"]
    shelters["地区名"] = shelters["町字ID"].map(towns)
    flood = shelters[shelters["災害種別_洪水"] == 1].groupby("地区名")["想定収容人数"].sum()
    quake = shelters[shelters["災害種別_地震"] == 1].groupby("地区名")["想定収容人数"].sum()
    assert exposed[RIVERSIDE] > 3 * flood[RIVERSIDE]
    assert quake[RIVERSIDE] > 3 * flood[RIVERSIDE]  # the gap is specific to floods
    both = [RIVERSIDE, CENTRE]
    assert flood[both].sum() < 0.5 * exposed[both].sum()
    points = gpd.GeoSeries(gpd.points_from_xy(shelters["経度"], shelters["緯度"]), crs=6668)
    inside = points.to_crs(6677).within(zone).to_numpy()
    designated_inside = shelters[inside & (shelters["災害種別_洪水"] == 1).to_numpy()]
    assert inside.sum() >= 8 and len(designated_inside) <= 2


def test_story_old_facilities_cost_much_per_user():
    facilities = load("public_facilities")
    per_user = facilities["年間維持管理費"] * 1000 / facilities["年間利用者数"]
    old = per_user[facilities["建築年"] <= 1981].median()
    new = per_user[facilities["建築年"] >= 2000].median()
    assert old > 2.5 * new
    age = 2025 - facilities["建築年"]
    assert age.rank().corr(per_user.astype(float).rank()) > 0.4  # rank (Spearman) correlation
    pair = facilities.set_index("施設名").loc[["七瀬台公民館", "七瀬台市民センター"]]
    points = gpd.GeoSeries(gpd.points_from_xy(pair["経度"], pair["緯度"]), crs=6668).to_crs(6677)
    assert points.iloc[0].distance(points.iloc[1]) < 1000
    pair_cost = pair["年間維持管理費"] * 1000 / pair["年間利用者数"]
    assert pair_cost.iloc[0] > 5 * pair_cost.iloc[1] and pair["建築年"].iloc[0] <= 1981


def test_story_one_group_rarely_attends_health_checks():
    health = load("health_checkups")
    h = health[health["年度"] == 2024].copy()
    h["年代"] = np.where(h["年齢階級"] < "60", "40-59", "60-74")
    groups = h.groupby(["地区名", "性別", "年代"])[["受診者数", "対象者数"]].sum()
    rates = rate(groups["受診者数"], groups["対象者数"])
    assert rates.idxmin() == (CENTRE, "男性", "40-59")
    others = rates.xs(("男性", "40-59"), level=("性別", "年代")).drop(CENTRE)
    assert rates.loc[(CENTRE, "男性", "40-59")] < 0.6 * others.mean()
    city = health.groupby("年度")[["受診者数", "対象者数"]].sum()
    yearly = rate(city["受診者数"], city["対象者数"])
    assert yearly.loc[2020] < yearly.loc[2019] - 0.04  # the pandemic year


def _households() -> pd.DataFrame:
    res = load("residents")
    res["年齢"] = ages(res["生年月日"])
    minors = res[(res["続柄"] == "子") & (res["年齢"] <= 17)].groupby("世帯ID").size()
    heads = res[res["続柄"] == "世帯主"].set_index("世帯ID")
    heads["子の数"] = minors.reindex(heads.index, fill_value=0)
    return heads


def test_story_benefit_take_up_gap_among_single_parents():
    hh = _households()
    low = ["100万円未満", "100万円以上200万円未満", "200万円以上300万円未満"]
    eligible = hh[
        (hh["世帯類型"] == "ひとり親と子の世帯")
        & (hh["子の数"] > 0)
        & hh["世帯の所得区分"].isin(low)
    ]
    take_up = eligible.groupby("性別")["児童扶養手当_受給"].mean()
    assert take_up["女性"] > 0.75 and take_up["男性"] < 0.6
    recent = eligible["住民となった年月日"] >= LATEST - pd.DateOffset(years=2)
    assert (
        eligible[recent]["児童扶養手当_受給"].mean()
        < eligible[~recent]["児童扶養手当_受給"].mean() - 0.25
    )
    to_notify = eligible[eligible["所得情報利用同意"] & ~eligible["児童扶養手当_受給"]]
    assert 50 <= len(to_notify) <= 400
    assert not hh.loc[~hh.index.isin(eligible.index), "児童扶養手当_受給"].any()


def test_story_ageing_estate_has_few_gathering_places():
    pop = load("population")
    grouped = pop.groupby(["地区名", "調査年月日"])
    old = rate(grouped[elderly_columns(pop)].sum().sum(axis=1), grouped["総人口"].sum()).unstack()
    rise = old.iloc[:, -1] - old.iloc[:, 0]
    assert rise.idxmax() == ESTATE
    care = load("care_certification")
    latest = care[care["基準日"] == LATEST]
    elderly = latest.groupby("地区名")["第1号被保険者数"].sum()
    places = load("gathering_places").groupby("地区名").size().reindex(elderly.index, fill_value=0)
    per_thousand = places / elderly * 1000
    assert per_thousand.idxmin() == ESTATE
    band_rate = rate(latest["認定者数"], latest["第1号被保険者数"])
    weights = latest.groupby("年齢階級")["第1号被保険者数"].sum()
    weights = weights / weights.sum()
    standardised = (band_rate * latest["年齢階級"].map(weights)).groupby(latest["地区名"]).sum()
    assert standardised.idxmax() == ESTATE


def test_story_free_text_themes_differ_by_district():
    survey = load("survey")
    text = survey["自由記述"].fillna("")
    written = survey[text != ""]
    themes = {"保育": "保育", "水害": "川|浸水|洪水|水害", "交通": "バス|デマンド|免許|移動"}
    share = {
        k: written["自由記述"].str.contains(p).groupby(written["地区"]).mean()
        for k, p in themes.items()
    }
    assert share["保育"].idxmax() == NEW_TOWN and share["保育"][NEW_TOWN] > 0.3
    assert share["水害"].idxmax() == RIVERSIDE
    assert share["交通"].idxmax() in (MOUNTAIN, "西原地区")
    means = survey.groupby("地区")[["Q3_防災・減災", "Q4_公共交通"]].mean()
    assert (
        means["Q3_防災・減災"].idxmin() == RIVERSIDE and means["Q4_公共交通"].idxmin() == MOUNTAIN
    )
    parents = survey[survey["世帯構成"] == "子育て世帯（未就学児あり）"]
    childcare = parents.groupby("地区")["Q2_子育て環境"].mean()
    assert childcare.idxmin() == NEW_TOWN


def test_story_joining_years_by_name_loses_towns():
    pop, changes = load("population"), load("town_changes")
    y2019 = pop[pop["調査年月日"] == "2019-04-01"]
    y2026 = pop[pop["調査年月日"] == LATEST]
    by_name = y2019.merge(y2026, on="地域名", how="inner")
    by_code = y2019.merge(y2026, on="地域コード", how="inner")
    assert len(by_name) < len(by_code) < len(y2019)  # names break more links than codes
    mapping = dict(zip(changes["旧町丁目コード"], changes["新町丁目コード"], strict=True))
    current = y2019["地域コード"].map(lambda c: mapping.get(c, c))
    assert set(current) <= set(y2026["地域コード"])
    new_codes = set(changes["新町丁目コード"])
    assert set(y2026["地域コード"]) - set(current) <= new_codes  # split towns appear as new codes


def test_story_pandemic_dip_in_facility_use():
    usage = load("facility_usage")
    yearly = (
        usage[usage["施設ID"].isin(usage[usage["年度"] == 2017]["施設ID"])]
        .groupby("年度")["年間利用者数"]
        .sum()
    )
    assert yearly.loc[2020] < 0.6 * yearly.loc[2019]
    assert yearly.loc[2023] > 0.85 * yearly.loc[2019]
