"""The synthetic resident-register extract on the latest snapshot, one row per person.

Household-level fields (世帯類型, income band, consent, benefits) repeat on every member's row.
Simplified 児童扶養手当 rule used throughout the kit: a ひとり親と子の世帯 with a child aged 17 or
under on April 1 and an income band below 300万円 is eligible.

>>> HOUSEHOLD_TYPES[3]
'ひとり親と子の世帯'
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .addresses import format_address
from .city import BLOCK_TOWN, BLOCKS, DISTRICT_BY_CODE, LAST_YEAR, TOWN_BY_CODE
from .state import State, day, to_dates
from .templates import CHILD, FEMALE, HEAD, OTHER, PARENT, ROLES, SPOUSE

HOUSEHOLD_TYPES = ("単独世帯", "夫婦のみの世帯", "夫婦と子の世帯", "ひとり親と子の世帯",
                   "三世代世帯", "その他の世帯")  # fmt: skip
INCOME_BANDS = ("100万円未満", "100万円以上200万円未満", "200万円以上300万円未満",
                "300万円以上500万円未満", "500万円以上700万円未満", "700万円以上")  # fmt: skip
ELIGIBLE_BANDS = INCOME_BANDS[:3]
_INCOME_P = {
    "mother": [0.14, 0.30, 0.26, 0.20, 0.07, 0.03],
    "father": [0.04, 0.12, 0.22, 0.36, 0.18, 0.08],
    "elderly": [0.22, 0.36, 0.22, 0.14, 0.04, 0.02],
    "alone": [0.12, 0.25, 0.30, 0.23, 0.07, 0.03],
    "family": [0.02, 0.05, 0.12, 0.33, 0.28, 0.20],
    "other": [0.05, 0.12, 0.20, 0.30, 0.20, 0.13],
}
CONSENT_RATE = 0.62
TAKE_UP = {"mother": 0.88, "father": 0.42}
RECENT_TAKE_UP_FACTOR = 0.5  # moved in within the last two years: often not yet applied
CHILD_ALLOWANCE_RATE = 0.97


def household_types(state: State, members: np.ndarray) -> np.ndarray:
    """Index into HOUSEHOLD_TYPES for every household (from the roles of its members).

    >>> from .stock import initial_stock
    >>> s = initial_stock(np.random.default_rng(0), scale=0.01)
    >>> kinds = household_types(s, np.flatnonzero(s.resident()))
    >>> set(kinds.tolist()) <= set(range(len(HOUSEHOLD_TYPES)))
    True
    """
    n, hh, role = state.n_households, state.p["hh"][members], state.p["role"][members]

    def count(r: int) -> np.ndarray:
        return np.bincount(hh[role == r], minlength=n)

    size = np.bincount(hh, minlength=n)
    spouse, child, parent, other = count(SPOUSE), count(CHILD), count(PARENT), count(OTHER)
    kind = np.full(n, 5)
    kind[(spouse == 0) & (child > 0)] = 3
    kind[(spouse > 0) & (child > 0)] = 2
    kind[(spouse > 0) & (child == 0)] = 1
    kind[(other > 0) | (parent > 0)] = 5
    kind[(parent > 0) & (child > 0)] = 4
    kind[size == 1] = 0
    return kind


def _income_group(kind: np.ndarray, head_sex: np.ndarray, head_age: np.ndarray, minors: np.ndarray):
    group = np.full(len(kind), "other", dtype=object)
    group[np.isin(kind, [2, 4])] = "family"
    group[kind == 0] = "alone"
    group[head_age >= 65] = "elderly"
    lone_parent = (kind == 3) & (minors > 0)
    group[lone_parent & (head_sex == FEMALE)] = "mother"
    group[lone_parent & (head_sex != FEMALE)] = "father"
    return group


def _addresses(state: State, hh: np.ndarray, town: np.ndarray) -> np.ndarray:
    """Address text per person, formatted once per household."""
    households, first = np.unique(hh, return_index=True)
    text = [
        format_address(t, b, g)
        for t, b, g in zip(
            town[first], state.h["ban"][households], state.h["go"][households], strict=True
        )
    ]
    return np.array(text, dtype=object)[np.searchsorted(households, hh)]


def residents_table(state: State, rng: np.random.Generator) -> pd.DataFrame:
    """The register extract of everyone resident on April 1 of the last year.

    >>> from .stock import initial_stock
    >>> s = initial_stock(np.random.default_rng(0), scale=0.01)
    >>> table = residents_table(s, np.random.default_rng(1))
    >>> len(table) == int(s.resident().sum())
    True
    """
    members = np.flatnonzero(state.resident())
    p, n = state.p, state.n_households
    hh = p["hh"][members]
    age = state.age_on(LAST_YEAR)[members]
    kind = household_types(state, members)
    heads = members[p["role"][members] == HEAD]
    head_sex, head_age, head_since = (np.zeros(n, int) for _ in range(3))
    head_sex[p["hh"][heads]] = p["sex"][heads]
    head_age[p["hh"][heads]] = state.age_on(LAST_YEAR)[heads]
    head_since[p["hh"][heads]] = p["since"][heads]
    minors = np.bincount(hh[(p["role"][members] == CHILD) & (age <= 17)], minlength=n)
    children = np.bincount(hh[age <= 17], minlength=n)

    group = _income_group(kind, head_sex, head_age, minors)
    band = np.array([rng.choice(len(INCOME_BANDS), p=_INCOME_P[g]) for g in group])
    consent = rng.random(n) < CONSENT_RATE
    eligible = (kind == 3) & (minors > 0) & (band < len(ELIGIBLE_BANDS))
    recent = head_since >= day(LAST_YEAR - 2, 4, 1)
    take_up = np.where(head_sex == FEMALE, TAKE_UP["mother"], TAKE_UP["father"])
    take_up = take_up * np.where(recent, RECENT_TAKE_UP_FACTOR, 1.0)
    dependent = eligible & (rng.random(n) < take_up)
    allowance = (children > 0) & (rng.random(n) < CHILD_ALLOWANCE_RATE)

    block = state.h["block"][hh]
    town = np.array([BLOCK_TOWN[b] for b in BLOCKS])[block]
    district = {code: t.district for code, t in TOWN_BY_CODE.items()}
    size = np.bincount(hh, minlength=n)
    frame = pd.DataFrame(
        {
            "住民ID": [f"{1000000001 + i:010d}" for i in p["pid"][members]],
            "世帯ID": [f"{100000001 + i:09d}" for i in hh],
            "続柄": np.array(ROLES)[p["role"][members]],
            "性別": np.where(p["sex"][members] == FEMALE, "女性", "男性"),
            "生年月日": to_dates(p["birth"][members]).astype(str),
            "町丁目コード": town,
            "町丁目名": [TOWN_BY_CODE[t].name for t in town],
            "地区コード": [district[t] for t in town],
            "地区名": [DISTRICT_BY_CODE[district[t]].name for t in town],
            "住所": _addresses(state, hh, town),
            "住民となった年月日": to_dates(p["since"][members]).astype(str),
            "世帯人員": size[hh],
            "世帯類型": np.array(HOUSEHOLD_TYPES)[kind[hh]],
            "世帯の所得区分": np.array(INCOME_BANDS)[band[hh]],
            "所得情報利用同意": np.where(consent[hh], "True", "False"),
            "児童手当_受給": np.where(allowance[hh], "True", "False"),
            "児童扶養手当_受給": np.where(dependent[hh], "True", "False"),
        }
    )  # fmt: skip
    order = np.lexsort((p["birth"][members], p["role"][members], hh, town))
    return frame.iloc[order].reset_index(drop=True)
