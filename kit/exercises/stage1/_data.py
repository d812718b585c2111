"""Reference numbers for the stage-1 checkers, computed from the bundled data (read once).

The exercises take the point of view of April 2023 (令和5年4月, :data:`YEAR`): changes run from
:data:`FIRST_YEAR` to :data:`YEAR`, and the later years are looked at only at the end.

>>> young_change().index.name
'地区名'
"""

from __future__ import annotations

import functools
from typing import Any

FIRST_YEAR = 2017  # first snapshot in the data
YEAR = 2023  # "now" in the stage-1 scenario
YOUNG = "0-4歳"
YOUNG_COLUMNS = ("0-4歳の男性", "0-4歳の女性")


@functools.cache
def _loaded(name: str) -> Any:
    import kit.data

    return kit.data.load(name)


def table(name: str) -> Any:
    """A fresh copy of a bundled dataset, independent of anything the notebook changed."""
    return _loaded(name).copy()


def districts() -> list[str]:
    """The 地区 names, in code order."""
    frame = table("population").drop_duplicates("地区コード").sort_values("地区コード")
    return frame["地区名"].tolist()


def town_names() -> set[str]:
    """Every 町丁目 name that appears in the population table (over all years)."""
    return set(table("population")["地域名"])


def young_by_year(columns: tuple[str, ...] = YOUNG_COLUMNS) -> Any:
    """0–4 population (sum of ``columns``) per 地区 (rows) and year (columns)."""
    pop = table("population")
    pop["年"] = pop["調査年月日"].dt.year
    pop["_value"] = pop[list(columns)].sum(axis=1)
    return pop.pivot_table(index="地区名", columns="年", values="_value", aggfunc="sum")


def young_change(columns: tuple[str, ...] = YOUNG_COLUMNS) -> Any:
    """Change of the 0–4 population from FIRST_YEAR to YEAR per 地区 (persons)."""
    wide = young_by_year(columns)
    return (wide[YEAR] - wide[FIRST_YEAR]).rename("0-4歳の増減")


def waiting_by_year(column: str = "待機児童数") -> Any:
    """A nursery_waiting column summed per 地区 (rows) and year (columns)."""
    frame = table("nursery_waiting")
    return frame.pivot_table(index="地区名", columns="年度", values=column, aggfunc="sum")


def waiting_rate(
    year: int = YEAR, numerator: str = "待機児童数", denominator: str = "申込児童数"
) -> Any:
    """Waiting children ÷ applications per 地区 in ``year`` (a share, 0–1)."""
    return (waiting_by_year(numerator)[year] / waiting_by_year(denominator)[year]).rename(
        "待機児童の割合"
    )


def mean_of_class_rates(year: int = YEAR) -> Any:
    """The common slip: the mean over age classes of each class's rate."""
    frame = table("nursery_waiting")
    frame = frame[frame["年度"] == year]
    rates = frame["待機児童数"] / frame["申込児童数"].where(frame["申込児童数"] > 0)
    return rates.groupby(frame["地区名"]).mean()


def city_by_year(column: str = "待機児童数", last: int | None = YEAR) -> Any:
    """City total of a nursery_waiting column per 年度 (up to ``last``; all years with None)."""
    frame = table("nursery_waiting")
    if last is not None:
        frame = frame[frame["年度"] <= last]
    return frame.groupby("年度")[column].sum()


def city_total(column: str = "待機児童数", year: int | None = YEAR) -> int:
    """City total of a nursery_waiting column in ``year`` (all years with ``None``)."""
    frame = table("nursery_waiting")
    if year is not None:
        frame = frame[frame["年度"] == year]
    return int(frame[column].sum())
