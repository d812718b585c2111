"""The city feels real: size, age structure, households and rates stay within plausible bounds,
and the districts differ the way the city's description says."""

from __future__ import annotations

import pandas as pd
import pytest
from test_datasets_support import LATEST, ages, band_columns, elderly_columns, load, rate


@pytest.fixture(scope="module")
def pop() -> pd.DataFrame:
    return load("population")


def _share(pop: pd.DataFrame, columns: list[str], by: str = "調査年月日") -> pd.Series:
    grouped = pop.groupby(by)
    return rate(grouped[columns].sum().sum(axis=1), grouped["総人口"].sum())


def test_city_size_and_ten_snapshots_across_the_era_change(pop):
    totals = pop.groupby("調査年月日")["総人口"].sum()
    assert len(totals) == 10 and totals.between(100_000, 150_000).all()
    assert pd.Timestamp("2019-04-01") in totals.index  # 平成31年4月1日
    assert pd.Timestamp("2020-04-01") in totals.index  # 令和2年4月1日
    assert totals.iloc[-1] < totals.iloc[0]  # a slowly shrinking city, like most


def test_age_structure_is_close_to_japans(pop):
    old = _share(pop, elderly_columns(pop))
    assert 0.25 <= old.iloc[0] <= 0.30 and 0.27 <= old.iloc[-1] <= 0.32
    assert old.iloc[-1] > old.iloc[0]
    children = _share(pop, [c for c in band_columns(pop) if c.startswith(("0-4", "5-9", "10-14"))])
    assert children.between(0.10, 0.14).all()
    very_old = _share(
        pop, [c for c in band_columns(pop) if c.startswith(("75-", "80-", "85歳以上"))]
    )
    assert very_old.between(0.11, 0.20).all()
    latest = pop[pop["調査年月日"] == LATEST]
    men, women = latest["男性"].sum(), latest["女性"].sum()
    assert 0.88 < men / women < 1.0
    assert latest["85歳以上の女性"].sum() > 1.6 * latest["85歳以上の男性"].sum()


def test_households_look_like_a_register(pop):
    latest = pop[pop["調査年月日"] == LATEST]
    assert 2.0 <= latest["総人口"].sum() / latest["世帯数"].sum() <= 2.5
    res = load("residents")
    households = res.drop_duplicates("世帯ID")
    shares = households["世帯類型"].value_counts(normalize=True)
    assert 0.30 <= shares["単独世帯"] <= 0.42
    assert 0.18 <= shares["夫婦と子の世帯"] <= 0.32
    assert 0.04 <= shares["ひとり親と子の世帯"] <= 0.12
    assert households["世帯人員"].max() <= 9


def test_rates_are_plausible():
    v = load("vital_statistics")
    per_year = v.groupby("年度")[["期首人口", "出生", "死亡", "転入", "転出"]].sum()
    births = per_year["出生"] / per_year["期首人口"] * 1000
    deaths = per_year["死亡"] / per_year["期首人口"] * 1000
    assert births.between(4, 9).all() and deaths.between(8, 15).all()
    assert (per_year["転入"] / per_year["期首人口"]).between(0.02, 0.05).all()
    assert (per_year["転出"] / per_year["期首人口"]).between(0.02, 0.05).all()
    health = load("health_checkups").groupby("年度")[["受診者数", "対象者数"]].sum()
    assert rate(health["受診者数"], health["対象者数"]).between(0.28, 0.48).all()
    care = load("care_certification")
    latest = care[care["基準日"] == LATEST]
    assert 0.15 <= latest["認定者数"].sum() / latest["第1号被保険者数"].sum() <= 0.25


def test_ages_and_family_relations_are_possible():
    res = load("residents")
    res["年齢"] = ages(res["生年月日"])
    assert res["年齢"].between(0, 110).all()
    mothers = res[(res["続柄"].isin(["世帯主", "配偶者"])) & (res["性別"] == "女性")]
    youngest_mother = mothers.groupby("世帯ID")["年齢"].min()
    children = res[res["続柄"] == "子"]
    gap = youngest_mother.reindex(children["世帯ID"]).to_numpy() - children["年齢"].to_numpy()
    gap = pd.Series(gap).dropna()
    assert gap.min() >= 14 and gap.median() > 25


def test_districts_differ_as_described(pop):
    old = _share(pop, elderly_columns(pop), by=["地区名", "調査年月日"]).unstack()
    young = _share(pop, [c for c in band_columns(pop) if c.startswith(("0-4", "5-9", "10-14"))],
                   by=["地区名", "調査年月日"]).unstack()  # fmt: skip
    size = pop.groupby(["地区名", "調査年月日"])["総人口"].sum().unstack()
    latest = old.columns[-1]
    assert old.loc["みなみ野地区", latest] < 0.12 and young.loc["みなみ野地区", latest] > 0.18
    assert size.loc["みなみ野地区"].iloc[-1] > 1.3 * size.loc["みなみ野地区"].iloc[0]  # new town
    assert old.loc["奥七瀬地区", latest] > 0.40  # mountain area
    assert size.loc["奥七瀬地区"].iloc[-1] < 0.8 * size.loc["奥七瀬地区"].iloc[0]  # shrinking
    city_old = _share(pop, elderly_columns(pop)).iloc[-1]
    assert old.loc["中央地区", latest] > city_old  # ageing old centre
    assert old.max(axis=1).idxmax() == "奥七瀬地区"


def test_survey_answers_are_plausible():
    survey = load("survey")
    assert 1200 <= len(survey) <= 1800  # about half of 3,000 questionnaires came back
    items = [c for c in survey.columns if c.startswith("Q")]
    means = survey[items].mean()
    assert means.between(1.8, 4.2).all()
    assert survey[items].isna().mean().between(0.0, 0.08).all()
    assert 0.15 <= survey["自由記述"].notna().mean() <= 0.4
    by_age = survey["年代"].value_counts(normalize=True)
    assert by_age["70歳以上"] > by_age["10・20代"]  # older residents answer more
