"""Household templates: who lives together, with plausible ages, for the initial stock and movers.

A template returns members as (age, sex, role) with sex 0 = male, 1 = female and the roles of
``ROLES``. Ages are drawn with the national cohort shape, so baby-boom bumps appear.

>>> rng = np.random.default_rng(0)
>>> members = make_household("family", rng)
>>> members[0][2], members[1][2]
(0, 1)
"""

from __future__ import annotations

import functools

import numpy as np

from .rates import MAX_AGE, cohort_weights

ROLES = ("世帯主", "配偶者", "子", "親", "その他")
HEAD, SPOUSE, CHILD, PARENT, OTHER = range(5)
MALE, FEMALE = 0, 1

_WEIGHTS = cohort_weights()

Member = tuple[int, int, int]


@functools.cache
def _cdf(low: int, high: int) -> np.ndarray:
    w = _WEIGHTS[low : high + 1]
    return np.cumsum(w) / w.sum()


def pick(rng: np.random.Generator, cdf: np.ndarray) -> int:
    """Index drawn from a cumulative distribution (faster than ``rng.choice`` with ``p``).

    >>> pick(np.random.default_rng(0), np.array([0.0, 1.0]))
    1
    """
    return min(int(np.searchsorted(cdf, rng.random(), side="right")), len(cdf) - 1)


def _age(rng: np.random.Generator, low: int, high: int) -> int:
    """An age in [low, high] drawn with the national cohort shape."""
    return low + pick(rng, _cdf(low, high))


def _clip(value: int, low: int, high: int) -> int:
    return max(low, min(high, int(value)))


def _spouse_age(rng: np.random.Generator, head_age: int, low: int = 18) -> int:
    return _clip(head_age - rng.integers(-1, 5), low, MAX_AGE)


def _children(
    rng: np.random.Generator, mother_age: int, count: int, low: int, high: int
) -> list[Member]:
    """Up to ``count`` children aged ``low``…``high`` born when the mother was 19–43."""
    young, old = max(low, mother_age - 43), min(high, mother_age - 19)
    if old < young:
        return []
    ages = sorted({int(rng.integers(young, old + 1)) for _ in range(count)}, reverse=True)
    return [(a, int(rng.random() < 0.488), CHILD) for a in ages]


_KIDS = np.cumsum([0.42, 0.43, 0.15])
_LONE_KIDS = np.cumsum([0.5, 0.38, 0.12])


def _kids_count(rng: np.random.Generator) -> int:
    return 1 + pick(rng, _KIDS)


def _single(rng: np.random.Generator, low: int, high: int, p_female: float) -> list[Member]:
    return [(_age(rng, low, high), int(rng.random() < p_female), HEAD)]


def _couple(rng: np.random.Generator, low: int, high: int) -> list[Member]:
    head = _age(rng, low, high)
    return [(head, MALE, HEAD), (_spouse_age(rng, head), FEMALE, SPOUSE)]


def _family(rng: np.random.Generator, low: int, high: int, kid_low: int, kid_high: int):
    members = _couple(rng, low, high)
    members += _children(rng, members[1][0], _kids_count(rng), kid_low, kid_high)
    return members if len(members) > 2 else members + [(max(0, members[1][0] - 30), 1, CHILD)]


def _single_parent(rng: np.random.Generator, low: int, high: int, p_father: float):
    sex = MALE if rng.random() < p_father else FEMALE
    head = _age(rng, low, high)
    kids = _children(rng, head, 1 + pick(rng, _LONE_KIDS), 0, 17)
    return [(head, sex, HEAD)] + (kids or [(max(0, head - 28), 0, CHILD)])


def _parent_adult_child(rng: np.random.Generator) -> list[Member]:
    head = _age(rng, 68, 98)
    child = _clip(head - rng.integers(24, 38), 30, 70)
    return [(head, int(rng.random() < 0.78), HEAD), (child, int(rng.random() < 0.42), CHILD)]


def _three_generations(rng: np.random.Generator) -> list[Member]:
    members = _family(rng, 33, 56, 0, 22)
    head = members[0][0]
    mother = min(MAX_AGE, head + int(rng.integers(24, 36)))
    members.append((mother, FEMALE, PARENT))
    if rng.random() < 0.45 and mother < 92:
        members.append((min(MAX_AGE, mother + int(rng.integers(0, 5))), MALE, PARENT))
    return members


def _siblings(rng: np.random.Generator) -> list[Member]:
    head = _age(rng, 40, 85)
    other = _clip(head + rng.integers(-6, 7), 35, MAX_AGE)
    return [(head, int(rng.random() < 0.5), HEAD), (other, int(rng.random() < 0.6), OTHER)]


def make_household(kind: str, rng: np.random.Generator) -> list[Member]:
    """Members of one household of a template ``kind`` (see ``KINDS``).

    >>> len(make_household("single_old", np.random.default_rng(1)))
    1
    """
    builders = {
        "single_young": lambda: _single(rng, 19, 34, 0.4),
        "single_mid": lambda: _single(rng, 35, 64, 0.38),
        "single_old": lambda: _single(rng, 65, 99, 0.68),
        "couple_young": lambda: _couple(rng, 24, 39),
        "couple_mid": lambda: _couple(rng, 50, 66),
        "couple_old": lambda: _couple(rng, 65, 94),
        "family": lambda: _family(rng, 34, 57, 0, 24),
        "family_young": lambda: _family(rng, 27, 42, 0, 9),
        "family_adult": lambda: _family(rng, 50, 70, 18, 36),
        "single_parent": lambda: _single_parent(rng, 24, 54, 0.08),
        "single_father": lambda: _single_parent(rng, 28, 54, 1.0),
        "parent_adult_child": lambda: _parent_adult_child(rng),
        "three_gen": lambda: _three_generations(rng),
        "siblings": lambda: _siblings(rng),
    }
    return builders[kind]()


KINDS = (
    "single_young", "single_mid", "single_old", "couple_young", "couple_mid", "couple_old",
    "family", "family_young", "family_adult", "single_parent", "single_father",
    "parent_adult_child", "three_gen", "siblings",
)  # fmt: skip
