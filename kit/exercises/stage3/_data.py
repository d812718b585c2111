"""Reference numbers for the stage-3 checkers, computed from the bundled datasets.

Every function returns a fresh object, independent of anything a notebook changed.

>>> round(float(aging_by_district(2026)["七瀬台地区"]), 3)
0.404
"""

from __future__ import annotations

import functools
from typing import Any

YEAR, FIRST_YEAR, CHECKUP_YEAR = 2026, 2017, 2024
KEYWORD = "保育"
TEXT, GROUP = "自由記述", "地区"
FLOOD = "災害種別_洪水"
NOT_NURSERY = "幼稚園"
BANDS = [f"{a}-{a + 4}歳" for a in range(0, 85, 5)] + ["85歳以上"]
SEXES = ("男性", "女性")


def _remembered(function: Any) -> Any:
    """Compute once per arguments, hand out copies (a checker may be called many times)."""
    cached = functools.cache(function)

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        value = cached(*args, **kwargs)
        return value.copy() if hasattr(value, "copy") else value

    return wrapper


@functools.cache
def _cached(name: str) -> Any:
    import kit.data

    return kit.data.load(name)


def table(name: str) -> Any:
    """A copy of a bundled dataset (read once per process)."""
    return _cached(name).copy()


@_remembered
def district_names() -> list[str]:
    """The 8 地区 names in code order (from a plain table: the boundaries would load geopandas)."""
    frame = table("vital_statistics")[["地区コード", "地区名"]].drop_duplicates()
    frame = frame.sort_values("地区コード")
    return [str(n) for n in frame["地区名"]]


@_remembered
def town_names() -> set[str]:
    """Every 町丁目 name used in any year."""
    return {str(n) for n in table("population")["地域名"]}


def band_columns(
    lower: int, upper: int | None = None, *, open_band: bool = True
) -> tuple[str, ...]:
    """The 「…歳の男性」「…歳の女性」 columns of the population table for ages lower..upper."""
    picked = [
        b
        for b in BANDS[:-1]
        if int(b.split("-")[0]) >= lower and (upper is None or int(b.split("-")[0]) + 4 <= upper)
    ]
    if upper is None and open_band:
        picked.append(BANDS[-1])
    return tuple(f"{b}の{s}" for b in picked for s in SEXES)


def population(year: int | None = None) -> Any:
    """The population table with a 年 column, one year or all years."""
    pop = table("population")
    pop["年"] = pop["調査年月日"].dt.year
    return pop if year is None else pop[pop["年"] == year]


@_remembered
def aging_by_district(year: int | None, columns: tuple[str, ...] | None = None) -> Any:
    """65歳以上 ÷ 総人口 per 地区 (sum over 町丁目 first); all years pooled when ``year`` is None."""
    pop = population(year)
    elderly = pop[list(columns or band_columns(65))].sum(axis=1)
    sums = pop.assign(_old=elderly).groupby("地区名")[["_old", "総人口"]].sum()
    return (sums["_old"] / sums["総人口"]).astype("float64")


@_remembered
def elderly_by_district(year: int) -> Any:
    """Number of people aged 65 and over per 地区."""
    pop = population(year)
    return pop[list(band_columns(65))].sum(axis=1).groupby(pop["地区名"]).sum().astype("float64")


@_remembered
def aging_town_mean(year: int) -> Any:
    """The mean of the 町丁目 rates per 地区 (a common mistake)."""
    pop = population(year)
    rate = pop[list(band_columns(65))].sum(axis=1) / pop["総人口"]
    return rate.groupby(pop["地区名"]).mean().astype("float64")


def checkups(year: int | None = CHECKUP_YEAR) -> Any:
    frame = table("health_checkups")
    return frame if year is None else frame[frame["年度"] == year]


@_remembered
def checkup_rates(year: int | None = CHECKUP_YEAR) -> Any:
    """受診者数の合計 ÷ 対象者数の合計, rows 地区名, columns 性別."""
    sums = checkups(year).groupby(["地区名", "性別"])[["受診者数", "対象者数"]].sum()
    return (sums["受診者数"] / sums["対象者数"]).astype("float64").unstack("性別")


@_remembered
def checkup_mean_rates(year: int = CHECKUP_YEAR) -> Any:
    """The mean of the age-band rates (a common mistake)."""
    frame = checkups(year)
    rate = frame["受診者数"] / frame["対象者数"]
    return rate.groupby([frame["地区名"], frame["性別"]]).mean().astype("float64").unstack("性別")


@_remembered
def checkup_counts(year: int = CHECKUP_YEAR, column: str = "受診者数") -> Any:
    return (
        checkups(year).groupby(["地区名", "性別"])[column].sum().astype("float64").unstack("性別")
    )


def facilities_with_cost() -> Any:
    """The facility ledger with 1人あたり費用 (yen per user)."""
    frame = table("public_facilities")
    frame["_per_user"] = frame["年間維持管理費"] * 1000 / frame["年間利用者数"]
    return frame


@_remembered
def cost_correlation(method: str = "pearson", x: str = "建築年", y: str = "_per_user") -> float:
    """Correlation over the facilities; "spearman" is the Pearson correlation of the ranks."""
    frame = facilities_with_cost()
    first, second = frame[x].astype("float64"), frame[y].astype("float64")
    if method == "spearman":
        first, second = first.rank(), second.rank()
    return float(first.corr(second))


@_remembered
def keyword_share(
    keyword: str = KEYWORD, *, written_only: bool = True, counts: bool = False
) -> Any:
    """Per 地区, the share (or number) of free-text answers containing ``keyword``."""
    survey = table("survey")
    if written_only:
        survey = survey[survey[TEXT].notna() & (survey[TEXT].astype("str").str.strip() != "")]
    hit = survey[TEXT].fillna("").astype("str").str.contains(keyword, regex=False)
    grouped = hit.groupby(survey[GROUP])
    return (grouped.sum() if counts else grouped.mean()).astype("float64")


@_remembered
def town_rates(year: int = YEAR) -> Any:
    """高齢化率 per 町丁目コード (the population's 地域コード) in ``year``."""
    pop = population(year)
    rate = pop[list(band_columns(65))].sum(axis=1) / pop["総人口"]
    return pd_series(rate.to_numpy(dtype="float64"), pop["地域コード"].astype("str"))


def pd_series(values: Any, index: Any) -> Any:
    import pandas as pd

    return pd.Series(values, index=pd.Index(index, dtype="str"))


@_remembered
def nursery_distances(kinds: str = "nursery") -> Any:
    """Metres from each 町丁目 (centroid, plane CRS) to the nearest facility, by 町丁目コード.

    ``kinds``: "nursery" (everything but 幼稚園, the right answer), "all", or "hoikusho"
    (認可保育所 only).
    """
    import kit.geo

    towns = table("towns")
    places = table("preschools")
    if kinds == "nursery":
        places = places[places["種別"] != NOT_NURSERY]
    elif kinds == "hoikusho":
        places = places[places["種別"] == "認可保育所"]
    distance = kit.geo.nearest_distance(towns, kit.geo.points_from_latlon(places))
    return pd_series(distance.to_numpy(dtype="float64"), towns["町丁目コード"].astype("str"))


@_remembered
def shelter_capacity(flag: str | None = FLOOD, *, count: bool = False) -> Any:
    """想定収容人数 (or the number of places) per 地区 of the shelters designated for ``flag``."""
    spaces = table("evacuation_spaces")
    towns = table("towns")[["町丁目コード", "地区名"]]
    joined = spaces.merge(towns, left_on="町字ID", right_on="町丁目コード", how="left")
    if flag is not None:
        joined = joined[joined[flag] == 1]
    grouped = joined.groupby("地区名")["想定収容人数"]
    out = grouped.size() if count else grouped.sum()
    return out.reindex(district_names(), fill_value=0).astype("float64")
