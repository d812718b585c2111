"""Ten years of the city's register: snapshots on April 1 and the flows of each fiscal year.

Identity that holds by construction, per 地区 and fiscal year t (no moves inside the city):
population(April 1, t+1) = population(April 1, t) + 出生 − 死亡 + 転入 − 転出.

>>> hist = simulate(np.random.default_rng(0), scale=0.02)
>>> hist.counts.shape[0], hist.counts.shape[2]
(10, 2)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import events
from .city import BLOCKS, DISTRICTS, FISCAL_YEARS, YEARS
from .rates import MAX_AGE
from .state import State
from .stock import initial_stock

MOVE_AGE_EDGES = (15, 25, 40, 65)  # 転入・転出 age groups: 0-14, 15-24, 25-39, 40-64, 65+
MOVE_AGE_LABELS = ("0-14歳", "15-24歳", "25-39歳", "40-64歳", "65歳以上")
_DISTRICT_INDEX = {d.code: i for i, d in enumerate(DISTRICTS)}


@dataclass
class History:
    """Everything the published tables need, plus the final register state."""

    counts: np.ndarray  # [year, block, sex, age 0…MAX_AGE] residents on April 1
    households: np.ndarray  # [year, block] households on April 1
    births: np.ndarray  # [fiscal year, district]
    deaths: np.ndarray  # [fiscal year, district]
    moves_in: np.ndarray  # [fiscal year, district, age group]
    moves_out: np.ndarray  # [fiscal year, district, age group]
    state: State  # after the last snapshot


def _snapshot(state: State, year: int) -> tuple[np.ndarray, np.ndarray]:
    res = state.resident()
    block = state.block_of_person()[res]
    age = np.minimum(state.age_on(year)[res], MAX_AGE)
    sex = state.p["sex"][res]
    flat = (block * 2 + sex) * (MAX_AGE + 1) + age
    counts = np.bincount(flat, minlength=len(BLOCKS) * 2 * (MAX_AGE + 1))
    hh_blocks = state.h["block"][np.unique(state.p["hh"][res])]
    return counts.reshape(len(BLOCKS), 2, MAX_AGE + 1), np.bincount(
        hh_blocks, minlength=len(BLOCKS)
    )


def _by_district(state: State, persons: np.ndarray, days: np.ndarray) -> np.ndarray:
    """[district, age group] counts of persons, with age on the given days."""
    out = np.zeros((len(DISTRICTS), len(MOVE_AGE_LABELS)), dtype=np.int64)
    if len(persons) == 0:
        return out
    district = np.array([_DISTRICT_INDEX[c] for c in events.BLOCK_DISTRICT])
    d = district[state.block_of_person()[persons]]
    group = np.searchsorted(MOVE_AGE_EDGES, state.age_at_days(persons, days), side="right")
    np.add.at(out, (d, group), 1)
    return out


def simulate(rng: np.random.Generator, scale: float = 1.0) -> History:
    """Run the simulation from the initial stock through every fiscal year.

    >>> hist = simulate(np.random.default_rng(0), scale=0.02)
    >>> hist.births.shape
    (9, 8)
    """
    state = initial_stock(rng, scale)
    n_years, n_fy, n_d = len(YEARS), len(FISCAL_YEARS), len(DISTRICTS)
    counts = np.zeros((n_years, len(BLOCKS), 2, MAX_AGE + 1), dtype=np.int64)
    households = np.zeros((n_years, len(BLOCKS)), dtype=np.int64)
    births = np.zeros((n_fy, n_d), dtype=np.int64)
    deaths = np.zeros((n_fy, n_d), dtype=np.int64)
    moves_in = np.zeros((n_fy, n_d, len(MOVE_AGE_LABELS)), dtype=np.int64)
    moves_out = np.zeros_like(moves_in)
    for i, year in enumerate(YEARS):
        counts[i], households[i] = _snapshot(state, year)
        if year not in FISCAL_YEARS:
            break
        start, end = events.fiscal_year_bounds(year)
        died = events.deaths(state, rng, year, start, end)
        left = [events.fix_heads(state, rng, year, start, end)]
        left.append(events.separations(state, rng, year, start, end))
        left.append(events.household_moves(state, rng, year, start, end))
        left.append(events.young_leavers(state, rng, year, start, end))
        left.append(events.fix_heads(state, rng, year, start, end))
        n_before = len(state.p["pid"])
        events.births(state, rng, year, start, end)
        state.flush(rng)
        born = np.arange(n_before, len(state.p["pid"]))
        events.marriages(state, rng, year, start)
        events.arrivals(state, rng, year, start, end)
        state.flush(rng)
        arrived = np.arange(n_before + len(born), len(state.p["pid"]))
        out = np.concatenate(left)
        deaths[i] = _by_district(state, died, state.p["exit"][died]).sum(axis=1)
        births[i] = _by_district(state, born, state.p["birth"][born]).sum(axis=1)
        moves_in[i] = _by_district(state, arrived, state.p["since"][arrived])
        moves_out[i] = _by_district(state, out, state.p["exit"][out])
    return History(counts, households, births, deaths, moves_in, moves_out, state)
