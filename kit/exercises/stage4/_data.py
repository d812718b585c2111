"""Reference numbers of the stage-4 exercises, recomputed from the bundled data (never from the notebook).

- the push-notice groups of the resident register (問4・問5);
- the merge of 七瀬台四丁目集会所 (問6・問7).

>>> len(candidates()) > 0
True
"""

from __future__ import annotations

import functools
from typing import Any

BASE_YEAR, BASE_MMDD = 2026, 401  # the register's reference date: 2026-04-01
LONE_PARENT = "ひとり親と子の世帯"
CHILD = "子"
MAX_CHILD_AGE = 17
ELIGIBLE_BANDS = ("100万円未満", "100万円以上200万円未満", "200万円以上300万円未満")
CONSENT = "所得情報利用同意"
RECEIVING = "児童扶養手当_受給"
INCOME = "世帯の所得区分"

CLOSING = "七瀬台四丁目集会所"
HALL = "集会所"


def ages(birth_dates: Any) -> Any:
    """Completed years of age on 2026-04-01.

    >>> import pandas as pd
    >>> ages(pd.Series(pd.to_datetime(["2008-04-01", "2008-04-02"]))).tolist()
    [18, 17]
    """
    import pandas as pd

    birth = pd.to_datetime(birth_dates)
    later = (birth.dt.month * 100 + birth.dt.day) > BASE_MMDD
    return (BASE_YEAR - birth.dt.year - later.astype(int)).astype(int)


@functools.cache
def _households() -> Any:
    """One row per household with the flags the push-notice rules need."""
    import kit.data

    people = kit.data.load("residents")
    people = people.assign(年齢=ages(people["生年月日"]))
    minors = people.loc[(people["続柄"] == CHILD) & (people["年齢"] <= MAX_CHILD_AGE), "世帯ID"]
    households = people.drop_duplicates("世帯ID").set_index("世帯ID")
    return households.assign(
        子あり=households.index.isin(set(minors)),
        同意=households[CONSENT].fillna(False).astype(bool),
        受給=households[RECEIVING].fillna(False).astype(bool),
        低所得=households[INCOME].isin(ELIGIBLE_BANDS),
    )


def households() -> Any:
    """A fresh copy of the household table."""
    return _households().copy()


def _ids(mask: Any) -> frozenset[str]:
    return frozenset(str(i) for i in _households().index[mask.to_numpy()])


def groups() -> dict[str, frozenset[str]]:
    """The right answer of 問4 and the sets that common mistakes produce."""
    h = _households()
    lone, kids, low, consent, receiving = (
        h["世帯類型"] == LONE_PARENT,
        h["子あり"],
        h["低所得"],
        h["同意"],
        h["受給"],
    )
    return {
        "right": _ids(lone & kids & low & consent & ~receiving),
        "consent_ignored": _ids(lone & kids & low & ~receiving),
        "any_household_type": _ids(kids & low & consent & ~receiving),
        "no_child_age": _ids(lone & low & consent & ~receiving),
        "with_receiving": _ids(lone & kids & low & consent),
        "no_income_rule": _ids(lone & kids & consent & ~receiving),
        "general": _ids(lone & kids & ~consent & ~receiving),
        "general_with_receiving": _ids(lone & kids & ~consent),
    }


def candidates() -> frozenset[str]:
    """世帯ID of the households the push notice goes to (問4)."""
    return groups()["right"]


@functools.cache
def merge_impact() -> Any:
    """The towns whose nearest 集会所 is the closing one, with 人口 (問6)."""
    import kit.data
    from kit.design.facilities import closure_impact

    population = kit.data.load("population")
    latest = population[population["調査年月日"] == population["調査年月日"].max()]
    towns = kit.data.load("towns").merge(
        latest[["地域コード", "総人口"]], left_on="町丁目コード", right_on="地域コード"
    )
    halls = kit.data.load("public_facilities")
    halls = halls[halls["種別"] == HALL]
    return closure_impact(towns, halls, CLOSING)


def closing_cost() -> int:
    """The closing hall's annual maintenance cost in 千円 (the ledger's unit)."""
    import kit.data

    ledger = kit.data.load("public_facilities")
    return int(ledger.loc[ledger["施設名"] == CLOSING, "年間維持管理費"].iloc[0])
