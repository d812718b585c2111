"""The residents on 2017-04-01: households drawn from each district's profile until every block
reaches its population target.

>>> s = initial_stock(np.random.default_rng(0), scale=0.02)
>>> 2000 < int(s.resident().sum()) < 3000
True
"""

from __future__ import annotations

import numpy as np

from .addresses import draw_address
from .city import BLOCK_TOWN, BLOCKS, FIRST_YEAR, TOWN_BY_CODE
from .layout import block_share
from .profiles import STOCK
from .state import State, day
from .templates import make_household, pick


def _settled(rng: np.random.Generator, head_age: int, start: int) -> int:
    """Day the household settled here: after the head turned 20, not before 1960."""
    earliest = max(day(1960, 1, 1), start - (head_age - 20) * 365)
    return int(rng.integers(min(earliest, start - 30), start - 1))


def initial_stock(rng: np.random.Generator, scale: float = 1.0) -> State:
    """All households living in the city on April 1 of the first year.

    >>> s = initial_stock(np.random.default_rng(0), scale=0.01)
    >>> int(s.resident().sum()) > 1000
    True
    """
    state = State()
    start = day(FIRST_YEAR, 4, 1)
    for index, block in enumerate(BLOCKS):
        town = TOWN_BY_CODE[BLOCK_TOWN[block]]
        target = round(town.pop2017 * block_share(block) * scale)
        kinds = list(STOCK[town.district])
        cdf = np.cumsum([STOCK[town.district][k] for k in kinds])
        people = 0
        while people < target:
            kind = kinds[pick(rng, cdf / cdf[-1])]
            members = make_household(kind, rng)
            settled = _settled(rng, members[0][0], start)
            state.add_household(
                index, members, settled, ages_on=start, address=draw_address(index, rng),
                settled=settled,
            )  # fmt: skip
            people += len(members)
    state.flush(rng)
    return state
