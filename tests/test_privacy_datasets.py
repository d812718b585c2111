"""Smoke test on the synthetic resident register: addresses, k-anonymity, suppression, pseudonyms."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import kit
from kit.data import DATAPACKAGE, data_dir
from kit.privacy import (
    achieve_k,
    address_to_town,
    age_band,
    k_anonymity,
    pseudonymize,
    suppress_small_cells,
)

pytestmark = pytest.mark.skipif(
    not (data_dir() / DATAPACKAGE).is_file(), reason="the city's datasets have not been generated"
)

KEY = "smoke-test-key-0123456789abcdef"


@pytest.fixture(scope="module")
def residents() -> pd.DataFrame:
    register = kit.load("residents")
    reference = pd.Timestamp("2026-04-01")
    birth = register["生年月日"]
    before_birthday = (birth.dt.month > reference.month) | (
        (birth.dt.month == reference.month) & (birth.dt.day > reference.day)
    )
    register["年齢"] = reference.year - birth.dt.year - before_birthday.astype(int)
    register["年齢階級"] = age_band(register["年齢"])
    return register


def test_addresses_reduce_to_the_registered_town(residents: pd.DataFrame) -> None:
    towns = address_to_town(residents["住所"], city="七瀬市")
    assert (towns == residents["町丁目名"]).all()


def test_k_anonymity_of_the_register(residents: pd.DataFrame) -> None:
    qi = ["年齢階級", "性別", "町丁目名"]
    report = k_anonymity(residents, qi)
    assert report.groups["件数"].sum() == len(residents)
    expected = residents.groupby(qi, observed=True).size()
    assert report.k == expected.min()
    assert len(report.rows_at_risk) == int(expected[expected < 5].sum())
    out, done = achieve_k(residents, ["年齢", "性別", "町丁目名"], k=5, max_suppression=0.05)
    assert done.k >= 5 and done.rows_suppressed <= 0.05 * len(residents)
    assert out.groupby(["年齢", "性別", "町丁目名"], observed=True).size().min() >= 5


def test_town_by_age_table_is_protected(residents: pd.DataFrame) -> None:
    table = pd.crosstab(residents["町丁目名"], residents["年齢"].clip(upper=100))
    out = suppress_small_cells(table)
    hidden = out.drop(index="合計", columns="合計").isna().to_numpy()
    primary = (table.to_numpy() > 0) & (table.to_numpy() < 3)
    assert primary.sum() > 10 and hidden[primary].all()
    cells = np.argwhere(hidden)
    n_rows, n_cols = hidden.shape
    constraints = np.zeros((n_rows + n_cols, len(cells)))
    for k, (r, c) in enumerate(cells):
        constraints[r, k] = constraints[n_rows + c, k] = 1
    # A hidden cell is determined by the totals iff its unit vector lies in the row space.
    _, singular, vt = np.linalg.svd(constraints, full_matrices=False)
    row_space = vt[singular > 1e-9]
    assert ((row_space**2).sum(axis=0) < 1 - 1e-9).all()


def test_pseudonyms_keep_people_apart(residents: pd.DataFrame) -> None:
    ids = residents["住民ID"].astype("str")
    pseudonyms = pseudonymize(ids, KEY)
    assert pseudonyms.nunique() == ids.nunique()
    assert not set(pseudonyms) & set(ids)
