"""Synthetic street addresses: 番・号 in towns with 住居表示, 番地 in rural 大字 areas.

Housing estates (団地) in 七瀬台 put many households at a few building addresses.

>>> format_address("0001001", 3, 12)
'七瀬市中央一丁目3番12号'
>>> format_address("0021000", 1234, 0)
'七瀬市大字西原1234番地'
"""

from __future__ import annotations

import numpy as np

from .city import BLOCK_TOWN, BLOCKS, CITY_NAME, TOWN_BY_CODE

_ESTATE_TOWNS = {"0009001", "0009002", "0009003"}  # 七瀬台 団地: many flats per building


def draw_address(block: int, rng: np.random.Generator) -> tuple[int, int]:
    """A (番 or 番地, 号) pair for a new household in a block; 号 is 0 for 大字 areas.

    >>> draw_address(0, np.random.default_rng(0))[1] > 0
    True
    """
    town = TOWN_BY_CODE[BLOCK_TOWN[BLOCKS[block]]]
    if town.is_oaza:
        offset = 1500 if BLOCKS[block] == "0026000" else 0  # lower 杉沢 keeps its own numbers
        return int(rng.integers(1, 1400)) + offset, 0
    if town.code in _ESTATE_TOWNS and rng.random() < 0.65:
        building = int(rng.integers(0, 14))
        return 2 + building // 3, 1 + (building % 3) * 4
    return int(rng.integers(1, 32)), int(rng.integers(1, 28))


def format_address(town_code: str, ban: int, go: int) -> str:
    """The address text of a household in its current town.

    >>> format_address("0029000", 12, 0)
    '七瀬市大字宮ノ下12番地'
    """
    town = TOWN_BY_CODE[town_code]
    if go == 0:
        return f"{CITY_NAME}{town.name}{ban}番地"
    return f"{CITY_NAME}{town.name}{ban}番{go}号"
