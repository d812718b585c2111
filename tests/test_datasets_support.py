"""Shared helpers for the dataset tests (no tests here): cached loading and small calculations.

Loaded frames are cached; every helper returns a copy so that no test can change another's data.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pandas as pd

import kit

LATEST = pd.Timestamp("2026-04-01")
DATA_DIR = Path(kit.data.data_dir())
GENERATED = ("city", "raw")


@functools.cache
def _cached(name: str) -> pd.DataFrame:
    return kit.load(name)


def load(name: str) -> pd.DataFrame:
    """A fresh copy of a bundled dataset."""
    return _cached(name).copy()


def tidy_names() -> list[str]:
    return [r["name"] for r in kit.data.package()["resources"] if r["kit"]["role"] == "tidy"]


def messy_names() -> list[str]:
    return [r["name"] for r in kit.data.package()["resources"] if r["kit"]["role"] == "messy"]


def committed_files(root: Path) -> set[str]:
    """Generated files under ``root``: datapackage.json, README.md and city/, raw/."""
    files = {"datapackage.json", "README.md"}
    for folder in GENERATED:
        files |= {p.relative_to(root).as_posix() for p in (root / folder).rglob("*") if p.is_file()}
    return files


def ages(birth: pd.Series, on: pd.Timestamp = LATEST) -> pd.Series:
    """Completed years of age on a date."""
    later = (birth.dt.month * 100 + birth.dt.day) > on.month * 100 + on.day
    return on.year - birth.dt.year - later.astype(int)


def band_columns(pop: pd.DataFrame) -> list[str]:
    return [
        c
        for c in pop.columns
        if c.endswith(("歳の男性", "歳の女性", "歳以上の男性", "歳以上の女性"))
    ]


def elderly_columns(pop: pd.DataFrame) -> list[str]:
    starts = ("65-", "70-", "75-", "80-", "85歳以上")
    return [c for c in band_columns(pop) if c.startswith(starts)]


def latest_population() -> pd.DataFrame:
    pop = load("population")
    return pop[pop["調査年月日"] == LATEST].reset_index(drop=True)


def areal_population_in(zone, year: pd.Timestamp = LATEST) -> pd.Series:
    """Population per 地区 living in ``zone`` (areal weighting of town populations), EPSG:6677."""
    towns = load("towns").to_crs(6677)
    share = towns.intersection(zone).area / towns.area
    pop = load("population")
    counts = pop[pop["調査年月日"] == year].set_index("地域コード")["総人口"]
    people = towns["町丁目コード"].map(counts).astype(float) * share
    return people.groupby(towns["地区名"]).sum()


def rate(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    return numerator.astype(float) / denominator.astype(float).replace(0, np.nan)
