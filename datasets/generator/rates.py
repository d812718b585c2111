"""Demographic rates of the simulation, loosely shaped on Japanese statistics around 2017–2025.

Mortality follows the shape of the national life table, fertility the age pattern of births to
married women, migration the age pattern of moves in the 住民基本台帳人口移動報告. Each table is a
function of single-year age so that the simulation can apply it to arrays.

>>> float(death_probability(np.array([80]), np.array([0]))[0]) > 0.04
True
"""

from __future__ import annotations

import numpy as np

# National population by 5-year band in 2017 (millions), for cohort-shaped age sampling.
_NATIONAL_2017 = (
    4.93, 5.22, 5.44, 5.99, 6.32, 6.32, 7.07, 7.96, 9.49, 8.82, 7.92,
    7.61, 8.42, 10.06, 7.78, 6.73, 5.32, 3.38, 1.52, 0.43, 0.07,
)  # fmt: skip
MAX_AGE = 104


def cohort_weights() -> np.ndarray:
    """Relative size of each single-year age 0…MAX_AGE in 2017 (national shape).

    >>> w = cohort_weights(); bool(w[68] > w[58])
    True
    """
    bands = np.repeat(np.array(_NATIONAL_2017) / 5.0, 5)[: MAX_AGE + 1]
    return np.pad(bands, (0, MAX_AGE + 1 - len(bands)), constant_values=0.01)


# Annual death probability at ages (knots), by sex (male, female).
_DEATH_KNOTS = np.array([0, 1, 5, 15, 25, 35, 45, 55, 65, 70, 75, 80, 85, 90, 95, 100, 104])
_DEATH_MALE = np.array(
    [0.0019, 0.0003, 0.0001, 0.0003, 0.0005, 0.0008, 0.0018, 0.0045, 0.0100, 0.0155, 0.0260,
     0.0460, 0.0850, 0.1550, 0.2600, 0.4000, 0.5000]
)  # fmt: skip
_DEATH_FEMALE = np.array(
    [0.0018, 0.0002, 0.0001, 0.0002, 0.0003, 0.0005, 0.0011, 0.0022, 0.0042, 0.0065, 0.0115,
     0.0230, 0.0480, 0.0950, 0.1750, 0.3000, 0.4300]
)  # fmt: skip

# Excess deaths in the pandemic years (by fiscal year).
DEATH_YEAR_FACTOR = {2021: 1.04, 2022: 1.09, 2023: 1.07, 2024: 1.06, 2025: 1.06}


def death_probability(age: np.ndarray, sex: np.ndarray) -> np.ndarray:
    """Probability of dying within a year at ``age`` for ``sex`` (0 male, 1 female).

    >>> death_probability(np.array([90, 90]), np.array([0, 1])).round(3).tolist()
    [0.155, 0.095]
    """
    male = np.interp(age, _DEATH_KNOTS, np.log(_DEATH_MALE))
    female = np.interp(age, _DEATH_KNOTS, np.log(_DEATH_FEMALE))
    return np.exp(np.where(sex == 0, male, female))


def marital_fertility(age: np.ndarray) -> np.ndarray:
    """Annual probability of a birth for a woman living with a spouse, by age.

    >>> marital_fertility(np.array([30, 45])).round(3).tolist()
    [0.16, 0.002]
    """
    knots = np.array([15, 20, 24, 28, 30, 33, 36, 39, 42, 45, 49, 50])
    rates = np.array([0.22, 0.22, 0.21, 0.18, 0.16, 0.13, 0.09, 0.05, 0.015, 0.002, 0.0, 0.0])
    return np.interp(age, knots, rates)


PARITY_FACTOR = np.array([1.0, 0.85, 0.32, 0.1])  # by number of minor children already present
BIRTH_TREND = 0.985  # yearly factor on fertility (births falling nationally)
BIRTH_LEVEL = 1.2  # overall level, calibrated to a crude birth rate near the national one
NEWCOMER_FERTILITY = 1.6  # households formed in the last five years have more babies


def leave_home_probability(age: np.ndarray) -> np.ndarray:
    """Probability that a grown child (or other relative) leaves the city within a year.

    >>> leave_home_probability(np.array([19, 40])).round(2).tolist()
    [0.08, 0.0]
    """
    knots = np.array([17, 18, 22, 23, 29, 30, 34, 35])
    rates = np.array([0.0, 0.085, 0.085, 0.065, 0.065, 0.035, 0.035, 0.0])
    return np.interp(age, knots, rates)


def household_move_probability(head_age: np.ndarray, size: np.ndarray) -> np.ndarray:
    """Probability that a whole household moves out of the city within a year.

    >>> household_move_probability(np.array([25, 70]), np.array([1, 2])).round(3).tolist()
    [0.14, 0.009]
    """
    knots = np.array([18, 29, 30, 39, 40, 49, 50, 64, 65, 79, 80, 104])
    rates = np.array([0.10, 0.10, 0.05, 0.05, 0.03, 0.03, 0.017, 0.017, 0.009, 0.009, 0.018, 0.018])
    base = np.interp(head_age, knots, rates)
    return np.where((size == 1) & (head_age < 35), base + 0.04, base)


MARRIAGE_PROBABILITY = 0.06  # per year, people aged 24–38 living alone: a spouse moves in
DIVORCE_PROBABILITY = 0.0085  # per year, couples with minor children
MOTHER_KEEPS_CHILDREN = 0.9

# District multipliers (by district code).
MOVE_OUT_FACTOR = {"01": 1.15, "02": 1.0, "03": 1.1, "04": 0.55, "05": 0.95, "06": 0.95,
                   "07": 1.15, "08": 1.35}  # fmt: skip
FERTILITY_FACTOR = {"01": 0.95, "02": 1.0, "03": 0.95, "04": 1.2, "05": 1.0, "06": 1.0,
                    "07": 1.0, "08": 0.9}  # fmt: skip
DEATH_FACTOR = {"01": 1.0, "02": 1.0, "03": 1.02, "04": 0.95, "05": 0.98, "06": 0.98,
                "07": 1.03, "08": 1.06}  # fmt: skip
