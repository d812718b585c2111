"""One fiscal year of life events on the simulated register: deaths, separations, moves, births.

Each function changes ``State`` in place and returns the persons concerned, so that the caller
can count them per 地区. Event days fall uniformly within the fiscal year [start, end].

>>> from .stock import initial_stock
>>> s = initial_stock(np.random.default_rng(0), scale=0.02)
>>> died = deaths(s, np.random.default_rng(1), 2017, day(2017, 4, 1), day(2018, 3, 31))
>>> bool((s.p["status"][died] == DIED).all())
True
"""

from __future__ import annotations

import numpy as np

from .addresses import draw_address
from .city import BLOCK_TOWN, BLOCKS, FIRST_YEAR, TOWN_BY_CODE
from .profiles import INFLOW, INFLOW_HOUSEHOLDS, NEW_TOWN_SUPPLY
from .rates import (
    BIRTH_LEVEL,
    BIRTH_TREND,
    DEATH_FACTOR,
    DEATH_YEAR_FACTOR,
    DIVORCE_PROBABILITY,
    FERTILITY_FACTOR,
    MARRIAGE_PROBABILITY,
    MOTHER_KEEPS_CHILDREN,
    MOVE_OUT_FACTOR,
    NEWCOMER_FERTILITY,
    PARITY_FACTOR,
    death_probability,
    household_move_probability,
    leave_home_probability,
    marital_fertility,
)  # fmt: skip
from .state import DIED, MOVED_OUT, State, day
from .templates import CHILD, FEMALE, HEAD, MALE, OTHER, PARENT, SPOUSE, make_household, pick

BLOCK_DISTRICT = np.array([TOWN_BY_CODE[BLOCK_TOWN[b]].district for b in BLOCKS])


def _district_factor(state: State, table: dict[str, float]) -> np.ndarray:
    return np.vectorize(table.get)(BLOCK_DISTRICT)[state.block_of_person()]


def _leave(state: State, who: np.ndarray, status: int, rng, start: int, end: int) -> None:
    state.p["status"][who] = status
    state.p["exit"][who] = rng.integers(start, end + 1, size=len(who))


def _demo() -> tuple[State, np.random.Generator, int, int]:
    """A small city for the examples: state, random stream and the bounds of 年度 2017."""
    from .stock import initial_stock

    state = initial_stock(np.random.default_rng(0), scale=0.01)
    return state, np.random.default_rng(1), *fiscal_year_bounds(2017)


def deaths(state: State, rng: np.random.Generator, year: int, start: int, end: int) -> np.ndarray:
    """Residents who die during the year.

    >>> s, rng, start, end = _demo()
    >>> died = deaths(s, rng, 2017, start, end)
    >>> bool((s.p["status"][died] == DIED).all())
    True
    """
    q = death_probability(state.age_on(year), state.p["sex"]) * _district_factor(
        state, DEATH_FACTOR
    )
    q *= DEATH_YEAR_FACTOR.get(year, 1.0)
    who = np.flatnonzero(state.resident() & (rng.random(len(q)) < q))
    _leave(state, who, DIED, rng, start, end)
    return who


def household_stats(state: State, year: int) -> dict[str, np.ndarray]:
    """Per household: resident size, whether head and spouse are present, minor children.

    >>> s, *_ = _demo()
    >>> stats = household_stats(s, 2017)
    >>> bool(stats["head"].all()) and int(stats["size"].sum()) == int(s.resident().sum())
    True
    """
    res = state.resident()
    hh, role, n = state.p["hh"], state.p["role"], state.n_households
    minor = res & (role == CHILD) & (state.age_on(year) < 18)
    head_age = np.zeros(n, dtype=np.int64)
    heads = np.flatnonzero(res & (role == HEAD))
    head_age[hh[heads]] = state.age_on(year)[heads]
    return {
        "size": np.bincount(hh[res], minlength=n),
        "head": np.bincount(hh[res & (role == HEAD)], minlength=n) > 0,
        "spouse": np.bincount(hh[res & (role == SPOUSE)], minlength=n) > 0,
        "minors": np.bincount(hh[minor], minlength=n),
        "head_age": head_age,
    }


def fix_heads(
    state: State, rng: np.random.Generator, year: int, start: int, end: int
) -> np.ndarray:
    """Give every household that lost its head a new one (spouse, else the oldest member).

    Children left without any adult go to live with relatives outside the city; they are
    returned so that the caller counts them as moving out.

    >>> s, rng, start, end = _demo()
    >>> _ = deaths(s, rng, 2017, start, end)
    >>> _ = fix_heads(s, rng, 2017, start, end)
    >>> stats = household_stats(s, 2017)
    >>> bool(stats["head"][stats["size"] > 0].all())
    True
    """
    stats = household_stats(state, year)
    orphaned = np.flatnonzero((stats["size"] > 0) & ~stats["head"])
    res = np.flatnonzero(state.resident() & np.isin(state.p["hh"], orphaned))
    role, birth, age = state.p["role"], state.p["birth"], state.age_on(year)
    leaving: list[int] = []
    for hh in orphaned:
        members = res[state.p["hh"][res] == hh]
        spouses = members[role[members] == SPOUSE]
        new_head = spouses[0] if len(spouses) else members[np.argmin(birth[members])]
        if age[new_head] < 18:
            leaving.extend(int(m) for m in members)
            continue
        for m in members:
            if m == new_head:
                role[m] = HEAD
            elif role[m] == PARENT or not len(spouses):
                role[m] = OTHER
    who = np.array(leaving, dtype=np.int64)
    _leave(state, who, MOVED_OUT, rng, start, end)
    return who


def separations(
    state: State, rng: np.random.Generator, year: int, start: int, end: int
) -> np.ndarray:
    """Couples with minor children who separate; one parent leaves the city.

    >>> s, rng, start, end = _demo()
    >>> left = separations(s, rng, 2017, start, end)
    >>> bool((s.p["status"][left] == MOVED_OUT).all())
    True
    """
    stats = household_stats(state, year)
    couples = np.flatnonzero(stats["head"] & stats["spouse"] & (stats["minors"] > 0))
    split = couples[rng.random(len(couples)) < DIVORCE_PROBABILITY]
    res = state.resident()
    in_split = res & np.isin(state.p["hh"], split) & np.isin(state.p["role"], [HEAD, SPOUSE])
    partners = np.flatnonzero(in_split)
    father_leaves = rng.random(len(split)) < MOTHER_KEEPS_CHILDREN
    leaving_sex = dict(zip(split, np.where(father_leaves, MALE, FEMALE), strict=True))
    leavers = np.array(
        [p for p in partners if state.p["sex"][p] == leaving_sex[state.p["hh"][p]]], dtype=np.int64
    )
    _leave(state, leavers, MOVED_OUT, rng, start, end)
    for p in leavers:  # the remaining parent heads the household
        stay = partners[(state.p["hh"][partners] == state.p["hh"][p]) & (partners != p)]
        state.p["role"][stay] = HEAD
    return leavers


def household_moves(
    state: State, rng: np.random.Generator, year: int, start: int, end: int
) -> np.ndarray:
    """Whole households that move out of the city; returns the persons.

    >>> s, rng, start, end = _demo()
    >>> moved = household_moves(s, rng, 2017, start, end)
    >>> 0 < len(moved) < 200
    True
    """
    stats = household_stats(state, year)
    live = stats["size"] > 0
    p = household_move_probability(stats["head_age"], stats["size"])
    p *= np.vectorize(MOVE_OUT_FACTOR.get)(BLOCK_DISTRICT)[state.h["block"]]
    moving = live & (rng.random(len(p)) < p)
    who = np.flatnonzero(state.resident() & moving[state.p["hh"]])
    _leave(state, who, MOVED_OUT, rng, start, end)
    return who


def young_leavers(
    state: State, rng: np.random.Generator, year: int, start: int, end: int
) -> np.ndarray:
    """Grown children and relatives who leave home for another city.

    >>> s, rng, start, end = _demo()
    >>> left = young_leavers(s, rng, 2017, start, end)
    >>> bool(np.isin(s.p["role"][left], [CHILD, OTHER]).all())
    True
    """
    role = state.p["role"]
    p = leave_home_probability(state.age_on(year))
    who = np.flatnonzero(
        state.resident() & np.isin(role, [CHILD, OTHER]) & (rng.random(len(p)) < p)
    )
    _leave(state, who, MOVED_OUT, rng, start, end)
    return who


def marriages(state: State, rng: np.random.Generator, year: int, start: int) -> int:
    """People living alone aged 24–38 whose spouse moves in from outside; returns how many.

    >>> s, rng, start, end = _demo()
    >>> n = marriages(s, rng, 2017, start)
    >>> len(s._new_p) == n
    True
    """
    stats = household_stats(state, year)
    age = state.age_on(year)
    single = state.resident() & (state.p["role"] == HEAD) & (stats["size"][state.p["hh"]] == 1)
    chosen = np.flatnonzero(
        single & (age >= 24) & (age <= 38) & (rng.random(len(age)) < MARRIAGE_PROBABILITY)
    )
    for person in chosen:
        hh, sex = int(state.p["hh"][person]), int(state.p["sex"][person])
        spouse_age = max(20, min(60, int(age[person] + rng.integers(-4, 3) * (1 if sex else -1))))
        state.add_spouse(hh, spouse_age, 1 - sex, start, int(rng.integers(start, start + 365)))
    return len(chosen)


def births(state: State, rng: np.random.Generator, year: int, start: int, end: int) -> int:
    """Babies born to resident mothers living with a spouse; returns how many were queued.

    >>> s, rng, start, end = _demo()
    >>> n = births(s, rng, 2017, start, end)
    >>> 0 < n < 40
    True
    """
    stats = household_stats(state, year)
    hh, age = state.p["hh"], state.age_on(year)
    mothers = (
        state.resident() & (state.p["sex"] == FEMALE) & np.isin(state.p["role"], [HEAD, SPOUSE])
        & stats["head"][hh] & stats["spouse"][hh] & (age >= 15) & (age <= 49)
    )  # fmt: skip
    rate = marital_fertility(age) * PARITY_FACTOR[np.minimum(stats["minors"][hh], 3)]
    rate *= _district_factor(state, FERTILITY_FACTOR) * BIRTH_TREND ** (year - FIRST_YEAR)
    recent = state.h["created"][hh] >= start - 5 * 365
    rate *= BIRTH_LEVEL * np.where(recent, NEWCOMER_FERTILITY, 1.0)
    born = np.flatnonzero(mothers & (rng.random(len(age)) < rate))
    for mother in born:
        state.add_born(int(hh[mother]), int(rng.integers(start, end + 1)),
                       int(rng.random() < 0.488), CHILD)  # fmt: skip
    return len(born)


def arrivals(state: State, rng: np.random.Generator, year: int, start: int, end: int) -> list[int]:
    """Households moving into the city; returns their household numbers.

    >>> s, rng, start, end = _demo()
    >>> len(arrivals(s, rng, 2017, start, end)) > 1000
    True
    """
    index = year - FIRST_YEAR
    res_blocks = np.bincount(state.block_of_person()[state.resident()], minlength=len(BLOCKS))
    created = []
    for district, counts in INFLOW_HOUSEHOLDS.items():
        blocks = np.flatnonzero(district == BLOCK_DISTRICT)
        if district == "04":
            weights = np.array([NEW_TOWN_SUPPLY[BLOCKS[b]][index] for b in blocks], float)
        else:
            weights = res_blocks[blocks] + 50.0
        kinds = list(INFLOW[district])
        kind_cdf = np.cumsum([INFLOW[district][k] for k in kinds])
        block_cdf = np.cumsum(weights) / weights.sum()
        for _ in range(int(rng.poisson(counts[index]))):
            block = int(blocks[pick(rng, block_cdf)])
            members = make_household(kinds[pick(rng, kind_cdf / kind_cdf[-1])], rng)
            since = int(rng.integers(start, end + 1))
            created.append(state.add_household(
                block, members, since, ages_on=start, address=draw_address(block, rng)
            ))  # fmt: skip
    return created


def fiscal_year_bounds(year: int) -> tuple[int, int]:
    """First and last day of a fiscal year (April 1 … March 31).

    >>> fiscal_year_bounds(2017) == (day(2017, 4, 1), day(2018, 3, 31))
    True
    """
    return day(year, 4, 1), day(year + 1, 3, 31)
