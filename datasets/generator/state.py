"""The simulated residents and households as numpy arrays, with helpers to add and age them.

People never move within the city in this simulation: a person's 町丁目 is their household's.
Status codes: 0 resident, 1 died, 2 moved out of the city.

>>> s = State()
>>> _ = s.add_household(0, [(40, 0, 0), (38, 1, 1)], day(2017, 4, 1))
>>> s.flush(np.random.default_rng(0)); int(s.resident().sum())
2
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np

RESIDENT, DIED, MOVED_OUT = 0, 1, 2
EPOCH = date(1970, 1, 1)


def day(y: int, m: int, d: int) -> int:
    """Days since 1970-01-01 of a calendar date.

    >>> day(1970, 1, 2)
    1
    """
    return (date(y, m, d) - EPOCH).days


def to_dates(days: np.ndarray) -> np.ndarray:
    """Day numbers to numpy ``datetime64[D]``.

    >>> str(to_dates(np.array([0]))[0])
    '1970-01-01'
    """
    return days.astype("datetime64[D]")


_PERSON = {"pid": np.int64, "birth": np.int64, "by": np.int32, "bmd": np.int32, "sex": np.int8,
           "hh": np.int32, "role": np.int8, "status": np.int8, "since": np.int64,
           "exit": np.int64}  # fmt: skip
_HOUSEHOLD = {"block": np.int16, "created": np.int64, "ban": np.int32, "go": np.int32}


@dataclass
class State:
    """Persons (one entry per person ever resident) and households (one per household ever)."""

    p: dict[str, np.ndarray] = field(
        default_factory=lambda: {k: np.zeros(0, t) for k, t in _PERSON.items()}
    )
    h: dict[str, np.ndarray] = field(
        default_factory=lambda: {k: np.zeros(0, t) for k, t in _HOUSEHOLD.items()}
    )
    _new_p: list[tuple[int, ...]] = field(default_factory=list)
    _new_h: list[dict[str, int]] = field(default_factory=list)

    @property
    def n_households(self) -> int:
        return len(self.h["block"]) + len(self._new_h)

    def add_household(
        self,
        block: int,
        members: list[tuple[int, int, int]],
        since: int,
        *,
        ages_on: int | None = None,
        address: tuple[int, int] = (0, 0),
        settled: int | None = None,
    ) -> int:
        """Queue a household whose members have the given ages on ``ages_on`` (default ``since``).

        ``since`` is the day they became residents; children born later than ``settled`` (the
        day the household settled, for the initial stock) became residents at birth.
        """
        ref = ages_on if ages_on is not None else since
        hh = self.n_households
        self._new_h.append({"block": block, "created": since, "ban": address[0], "go": address[1]})
        start = since if settled is None else settled
        for age, sex, role in members:
            self._new_p.append((-1, age, ref, sex, hh, role, start))
        return hh

    def add_spouse(self, hh: int, age: int, sex: int, ages_on: int, since: int) -> None:
        """Queue a spouse (``age`` on day ``ages_on``) moving into household ``hh``."""
        self._new_p.append((-1, age, ages_on, sex, hh, 1, since))

    def add_born(self, hh: int, birth: int, sex: int, role: int) -> None:
        """Queue a baby born into household ``hh`` on day ``birth``."""
        self._new_p.append((birth, 0, birth, sex, hh, role, birth))

    def flush(self, rng: np.random.Generator | None = None) -> None:
        """Append queued households and persons (person ids are sequential).

        Persons queued with an age get a random birthday matching it (drawn from ``rng``).
        """
        if self._new_h:
            for k, t in _HOUSEHOLD.items():
                new = np.array([r[k] for r in self._new_h], dtype=t)
                self.h[k] = np.concatenate([self.h[k], new])
        if self._new_p:
            queued = np.array(self._new_p, dtype=np.int64)
            birth, age, ref = queued[:, 0].copy(), queued[:, 1], queued[:, 2]
            missing = birth < 0
            if missing.any():
                if rng is None:
                    raise ValueError("flush needs rng to draw birthdays")
                birth[missing] = _birth_days(age[missing], ref[missing], rng)
            n0, n = len(self.p["pid"]), len(queued)
            dates = to_dates(birth)
            years = dates.astype("datetime64[Y]")
            months = (dates.astype("datetime64[M]") - years.astype("datetime64[M]")).astype(int)
            days_ = (dates - dates.astype("datetime64[M]").astype("datetime64[D]")).astype(int)
            new = {
                "pid": np.arange(n0, n0 + n),
                "birth": birth,
                "by": years.astype(int) + 1970,
                "bmd": (months + 1) * 100 + days_ + 1,
                "sex": queued[:, 3],
                "hh": queued[:, 4],
                "role": queued[:, 5],
                "status": np.zeros(n),
                "since": np.maximum(queued[:, 6], birth),
                "exit": np.full(n, -1),
            }
            for k, t in _PERSON.items():
                self.p[k] = np.concatenate([self.p[k], np.asarray(new[k], dtype=t)])
        self._new_h, self._new_p = [], []

    def resident(self) -> np.ndarray:
        """Boolean mask of persons currently resident."""
        return self.p["status"] == RESIDENT

    def age_on(self, y: int, m: int = 4, d: int = 1) -> np.ndarray:
        """Completed years of age of every person on a date."""
        return y - self.p["by"] - (self.p["bmd"] > m * 100 + d)

    def age_at_days(self, index: np.ndarray, days: np.ndarray) -> np.ndarray:
        """Completed years of age of persons ``index`` on the given day numbers."""
        dates = to_dates(days)
        years = dates.astype("datetime64[Y]")
        y = years.astype(int) + 1970
        m = (dates.astype("datetime64[M]") - years.astype("datetime64[M]")).astype(int) + 1
        d = (dates - dates.astype("datetime64[M]").astype("datetime64[D]")).astype(int) + 1
        return y - self.p["by"][index] - (self.p["bmd"][index] > m * 100 + d)

    def block_of_person(self) -> np.ndarray:
        """Block index of every person (their household's block)."""
        return self.h["block"][self.p["hh"]]


def _birth_days(age: np.ndarray, ref: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Random birthdays such that each person is exactly ``age`` on day ``ref``.

    >>> b = _birth_days(np.array([30]), np.array([day(2017, 4, 1)]), np.random.default_rng(0))
    >>> day(1986, 4, 2) <= int(b[0]) <= day(1987, 4, 1)
    True
    """
    dates = to_dates(ref)
    years = dates.astype("datetime64[Y]")
    month = dates.astype("datetime64[M]") - years.astype("datetime64[M]")
    offset = dates - dates.astype("datetime64[M]").astype("datetime64[D]")
    if ((month.astype(int) + 1) * 100 + offset.astype(int) + 1 == 229).any():
        raise ValueError("reference days on 29 February are not supported")

    def shifted(k: np.ndarray) -> np.ndarray:
        base = (years - k.astype("timedelta64[Y]")).astype("datetime64[M]") + month
        return (base.astype("datetime64[D]") + offset).astype(np.int64)

    latest, earliest = shifted(age), shifted(age + 1) + 1
    return rng.integers(earliest, latest + 1)
