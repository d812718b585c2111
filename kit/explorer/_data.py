"""The explorer's data: population by 町丁目 and age, indicators on today's 町丁目 map.

Population tables use the 町丁目 of their year; the map uses today's. Older years are put on
today's map with the city's 新旧対照表 (``town_changes``): merged areas are added up, an area
later split gives its value to each part.

>>> gdf = town_indicator("高齢化率", 2026)
>>> float(gdf["高齢化率"].max()) < 1
True
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from kit.errors import InputError

WHOLE_CITY = "市全体"
CODE, TOWN_CODE, DISTRICT = "地域コード", "町丁目コード", "地区名"


@dataclass(frozen=True)
class Indicator:
    """A share of the population in an age range, with explicit legend classes for the map."""

    lower: int
    upper: int | None
    bins: tuple[float, ...]
    labels: tuple[str, ...]
    meaning: str


INDICATORS = {
    "高齢化率": Indicator(
        65, None, (0, 0.2, 0.3, 0.4, 1), ("20％未満", "20〜30％", "30〜40％", "40％以上"),
        "65歳以上の人口 ÷ 総人口",
    ),
    "後期高齢者の割合": Indicator(
        75, None, (0, 0.1, 0.15, 0.2, 1), ("10％未満", "10〜15％", "15〜20％", "20％以上"),
        "75歳以上の人口 ÷ 総人口",
    ),
    "年少人口の割合": Indicator(
        0, 14, (0, 0.1, 0.12, 0.15, 1), ("10％未満", "10〜12％", "12〜15％", "15％以上"),
        "0〜14歳の人口 ÷ 総人口",
    ),
}  # fmt: skip


@functools.cache
def _population_long() -> pd.DataFrame:
    from kit.data import load
    from kit.readers import population_long

    wide = load("population")
    long = population_long(wide, id_columns=["調査年月日", CODE, "地域名", DISTRICT])
    return long.assign(年=long["調査年月日"].dt.year.astype("int64"))


@functools.cache
def _towns() -> gpd.GeoDataFrame:
    from kit.geo import boundaries

    return boundaries("町丁目")


@functools.cache
def _districts() -> gpd.GeoDataFrame:
    from kit.geo import boundaries

    return boundaries("地区")


@functools.cache
def _successors() -> dict[str, tuple[str, ...]]:
    """Old 町丁目コード → the current codes covering its area (from town_changes)."""
    from kit.data import load

    changes = load("town_changes")
    current = set(_towns()[TOWN_CODE])
    direct: dict[str, list[str]] = {}
    for old, new in zip(changes["旧町丁目コード"], changes["新町丁目コード"], strict=True):
        if old != new:
            direct.setdefault(old, []).append(new)

    def follow(code: str, seen: frozenset[str] = frozenset()) -> tuple[str, ...]:
        if code in current or code not in direct or code in seen:
            return (code,)
        return tuple(c for new in direct[code] for c in follow(new, seen | {code}))

    return {code: follow(code) for code in direct}


def years() -> list[int]:
    """The years with a population snapshot (April 1), oldest first.

    >>> years()[0], years()[-1]
    (2017, 2026)
    """
    return sorted(int(y) for y in _population_long()["年"].unique())


def districts() -> list[str]:
    """The city's 地区 names in code order.

    >>> len(districts())
    8
    """
    frame = _districts().sort_values("地区コード")
    return [str(name) for name in frame[DISTRICT]]


def check_choice(district: str, indicator: str, year: int) -> None:
    """A Japanese InputError unless the three choices exist."""
    if indicator not in INDICATORS:
        raise InputError(
            f"指標「{indicator}」はありません。",
            action=f"{'、'.join(INDICATORS)} から選んでください。",
        )
    if district != WHOLE_CITY and district not in districts():
        raise InputError(
            f"地区「{district}」はありません。",
            action=f"{WHOLE_CITY} か、{'、'.join(districts())} から選んでください。",
        )
    if year not in years():
        raise InputError(
            f"{year}年のデータはありません。",
            action=f"{years()[0]}〜{years()[-1]} 年から選んでください。",
        )


def town_indicator(indicator: str, year: int) -> gpd.GeoDataFrame:
    """Today's 町丁目 with the indicator (share 0–1) of ``year`` and whether it was carried over.

    Columns: the towns' own, then ``indicator`` and 「旧町丁目から」 (True where the value comes
    from an area that has since been renamed, merged or split).

    >>> gdf = town_indicator("年少人口の割合", 2017)
    >>> int(gdf["旧町丁目から"].sum())
    4
    """
    check_choice(WHOLE_CITY, indicator, year)
    spec = INDICATORS[indicator]
    rows = _population_long()
    rows = rows[(rows["年"] == year) & rows["下限年齢"].notna()]
    lower = rows["下限年齢"].astype("int64")
    upper = rows["上限年齢"].astype("float64").fillna(float("inf"))
    top = float("inf") if spec.upper is None else spec.upper
    inside = (lower >= spec.lower) & (upper <= top)
    counts = (
        pd.DataFrame(
            {
                CODE: rows[CODE].to_numpy(),
                "part": rows["人口"].where(inside.to_numpy(), 0).to_numpy(dtype="int64"),
                "all": rows["人口"].to_numpy(dtype="int64"),
            }
        )
        .groupby(CODE)[["part", "all"]]
        .sum()
    )
    successors = _successors()
    mapped = [
        (new, code != new, part, total)
        for code, part, total in zip(counts.index, counts["part"], counts["all"], strict=True)
        for new in successors.get(code, (code,))
    ]
    table = pd.DataFrame(mapped, columns=[TOWN_CODE, "旧町丁目から", "part", "all"])
    summed = table.groupby(TOWN_CODE).agg(
        part=("part", "sum"), all=("all", "sum"), carried=("旧町丁目から", "any")
    )
    towns = _towns().copy()
    found = summed.reindex(towns[TOWN_CODE])
    share = (found["part"] / found["all"].where(found["all"] > 0)).to_numpy(dtype="float64")
    towns[indicator] = share
    towns["旧町丁目から"] = found["carried"].fillna(False).to_numpy(dtype=bool)
    return towns


def pyramid_rows(district: str, year: int | None = None) -> pd.DataFrame:
    """Long population rows of one 地区 (or 市全体), all years unless ``year``, area column 「地域」.

    >>> set(pyramid_rows("市全体", 2026)["地域"])
    {'市全体'}
    """
    rows = _population_long()
    if district != WHOLE_CITY:
        rows = rows[rows[DISTRICT] == district]
    if year is not None:
        rows = rows[rows["年"] == year]
    return rows.assign(地域=district)


def district_outlines() -> gpd.GeoDataFrame:
    """The 地区 boundaries (a copy)."""
    return _districts().copy()
