"""What kind of households live in, and move into, each 地区: the character of the districts.

中央 is an ageing old centre with small rented flats; 川端 the older riverside lowland; 七瀬台 a
1970s housing estate (団地) whose first residents are now old; みなみ野 a new town built by land
readjustment, filling with young families; 東 and 緑が丘 suburbs of the 1980s–90s; 西原 farmland;
奥七瀬 a shrinking mountain area.

>>> round(sum(STOCK["04"].values()), 6)
1.0
"""

from __future__ import annotations

from .city import FISCAL_YEARS


def _normalise(weights: dict[str, float]) -> dict[str, float]:
    total = sum(weights.values())
    return {k: v / total for k, v in weights.items()}


_BASE = {
    "single_young": 0.10, "single_mid": 0.12, "single_old": 0.14, "couple_young": 0.035,
    "couple_mid": 0.09, "couple_old": 0.15, "family": 0.16, "family_young": 0.02,
    "family_adult": 0.08, "single_parent": 0.025, "single_father": 0.003,
    "parent_adult_child": 0.05, "three_gen": 0.04, "siblings": 0.01,
}  # fmt: skip

_STOCK_TILT = {
    "01": {"single_young": 1.6, "single_old": 1.5, "couple_old": 1.1, "family": 0.7,
           "family_young": 0.6, "three_gen": 0.6},
    "02": {"single_old": 1.3, "couple_old": 1.2, "family": 0.85, "parent_adult_child": 1.3},
    "03": {"single_old": 1.1, "couple_old": 1.4, "couple_mid": 2.4, "family": 0.6,
           "family_young": 0.5, "single_parent": 1.6, "single_young": 0.7,
           "parent_adult_child": 1.2},
    "04": {"single_old": 0.15, "couple_old": 0.15, "couple_mid": 0.4, "family": 2.6,
           "family_young": 1.5, "couple_young": 0.8, "family_adult": 0.3,
           "parent_adult_child": 0.1, "three_gen": 0.3, "single_young": 0.5},
    "05": {"family": 1.2, "family_adult": 1.2, "single_old": 0.8},
    "06": {"family": 1.25, "family_adult": 1.3, "single_old": 0.75, "couple_mid": 1.2},
    "07": {"three_gen": 3.5, "couple_old": 1.3, "single_old": 1.1, "single_young": 0.4,
           "parent_adult_child": 1.6, "family": 0.8},
    "08": {"three_gen": 3.0, "couple_old": 1.8, "single_old": 1.9, "single_young": 0.25,
           "family": 0.45, "family_young": 0.3, "parent_adult_child": 2.0},
}  # fmt: skip

STOCK = {
    d: _normalise({k: w * tilt.get(k, 1.0) for k, w in _BASE.items()})
    for d, tilt in _STOCK_TILT.items()
}

# Who moves in (household kinds), by district.
INFLOW = {
    "01": {"single_young": 0.44, "single_mid": 0.16, "couple_young": 0.14, "family_young": 0.06,
           "single_parent": 0.032, "single_father": 0.003, "couple_old": 0.05, "single_old": 0.07},
    "02": {"single_young": 0.33, "single_mid": 0.16, "couple_young": 0.18, "family_young": 0.12,
           "single_parent": 0.036, "single_father": 0.005, "couple_old": 0.04, "single_old": 0.06},
    "03": {"single_young": 0.25, "single_mid": 0.16, "couple_young": 0.14, "family_young": 0.09,
           "single_parent": 0.054, "single_father": 0.007, "couple_old": 0.08, "single_old": 0.12},
    "04": {"single_young": 0.04, "single_mid": 0.03, "couple_young": 0.36, "family_young": 0.48,
           "single_parent": 0.018, "single_father": 0.003, "couple_old": 0.03, "single_old": 0.01},
    "05": {"single_young": 0.3, "single_mid": 0.14, "couple_young": 0.21, "family_young": 0.2,
           "single_parent": 0.027, "single_father": 0.005, "couple_old": 0.04, "single_old": 0.04},
    "06": {"single_young": 0.26, "single_mid": 0.14, "couple_young": 0.2, "family_young": 0.23,
           "single_parent": 0.027, "single_father": 0.005, "couple_old": 0.05, "single_old": 0.05},
    "07": {"single_young": 0.22, "single_mid": 0.2, "couple_young": 0.17, "family_young": 0.17,
           "single_parent": 0.023, "single_father": 0.007, "couple_old": 0.08, "single_old": 0.09},
    "08": {"single_young": 0.1, "single_mid": 0.25, "couple_young": 0.08, "family_young": 0.14,
           "single_parent": 0.023, "single_father": 0.007, "couple_old": 0.16, "single_old": 0.2},
}  # fmt: skip

# Households moving in per fiscal year (2017 … 2025). みなみ野 follows its housing supply.
INFLOW_HOUSEHOLDS = {
    "01": [330] * 9,
    "02": [210] * 9,
    "03": [220] * 9,
    "04": [250, 320, 380, 400, 440, 430, 330, 250, 210],
    "05": [340] * 9,
    "06": [275] * 9,
    "07": [95] * 9,
    "08": [24] * 9,
}
assert all(len(v) == len(FISCAL_YEARS) for v in INFLOW_HOUSEHOLDS.values())

# Where in みなみ野 new households settle: weight per block and fiscal year (land readjustment).
NEW_TOWN_SUPPLY = {
    "0011001": [3, 2, 1, 1, 1, 1, 1, 1, 1],
    "0011002": [5, 3, 2, 1, 1, 1, 1, 1, 1],
    "0011003": [4, 8, 10, 9, 5, 3, 2, 2, 2],
    "0011004": [0, 0, 1, 4, 9, 9, 7, 5, 4],
    "0011005": [0, 0, 0, 2, 6, 8, 8, 6, 4],
    "0013000": [2, 2, 2, 2, 2, 2, 2, 2, 2],
}
