"""Keyed pseudonyms: stable within a key, unrelated across keys, never a plain hash."""

from __future__ import annotations

import doctest
import hashlib
import hmac
import os
import stat

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kit
from kit.privacy import load_key, make_key, pseudonymize
from kit.privacy import pseudonym as pseudonym_module

KEY = "kit-test-key-0123456789abcdef"
OTHER_KEY = "kit-test-key-fedcba9876543210"


def expected(value: str, key: str = KEY, length: int = 16) -> str:
    return hmac.new(key.encode(), value.encode(), hashlib.sha256).hexdigest()[:length]


def test_pseudonym_is_the_hmac_sha256_prefix() -> None:
    out = pseudonymize(pd.Series(["A001", "A002"], name="住民番号"), KEY)
    assert out.tolist() == [expected("A001"), expected("A002")]
    assert out.name == "住民番号"


def test_not_a_plain_hash() -> None:
    out = pseudonymize(pd.Series(["A001"]), KEY).iloc[0]
    assert out != hashlib.sha256(b"A001").hexdigest()[:16]


def test_stable_within_a_key_and_different_across_keys() -> None:
    ids = pd.Series(["A001", "A002", "A001", "B777"])
    first = pseudonymize(ids, KEY)
    again = pseudonymize(ids, KEY)
    other = pseudonymize(ids, OTHER_KEY)
    assert first.tolist() == again.tolist()
    assert first.iloc[0] == first.iloc[2] != first.iloc[1]
    assert not set(first) & set(other)


def test_missing_values_stay_missing_and_index_is_kept() -> None:
    ids = pd.Series(["A001", None, "A003"], index=[10, 20, 30])
    out = pseudonymize(ids, KEY)
    assert out.index.tolist() == [10, 20, 30]
    assert out.isna().tolist() == [False, True, False]


def test_normalisation_of_width_spaces_and_whole_floats() -> None:
    out = pseudonymize(pd.Series(["Ａ００１", "A001 ", "A001"]), KEY)
    assert out.nunique() == 1
    raw = pseudonymize(pd.Series(["Ａ００１", "A001"]), KEY, normalize=False)
    assert raw.nunique() == 2
    numbers = pseudonymize(pd.Series([1001.0, None]), KEY)
    assert numbers.iloc[0] == expected("1001")


def test_length_is_configurable() -> None:
    out = pseudonymize(pd.Series(["A001"]), KEY, length=32).iloc[0]
    assert out == expected("A001", length=32)
    with pytest.raises(kit.InputError, match="8〜64"):
        pseudonymize(pd.Series(["A001"]), KEY, length=4)


@pytest.mark.parametrize("key", ["", "short", b"0123456789", "aaaaaaaaaaaaaaaaaaaa", 12345])
def test_refuses_empty_short_weak_or_odd_keys(key: object) -> None:
    with pytest.raises(kit.PrivacyError) as info:
        pseudonymize(pd.Series(["A001"]), key)  # type: ignore[arg-type]
    assert "make_key" in str(info.value)


def test_refuses_a_key_found_in_the_data() -> None:
    with pytest.raises(kit.PrivacyError, match="データの中"):
        pseudonymize(pd.Series(["A001", KEY]), KEY)


def test_refuses_non_series() -> None:
    with pytest.raises(kit.InputError, match="Series"):
        pseudonymize(["A001"], KEY)  # type: ignore[arg-type]


def test_collision_is_detected_not_silently_merged() -> None:
    # 200,000 values in 32 bits: a shared prefix is practically certain (and fixed for this key).
    values = pd.Series([f"ID{i:06d}" for i in range(200_000)])
    with pytest.raises(kit.PrivacyError, match="同じ仮名"):
        pseudonymize(values, KEY, length=8)


def test_make_key_is_random_hex() -> None:
    first, second = make_key(), make_key()
    assert len(first) == 64 and int(first, 16) >= 0
    assert first != second


def test_make_key_writes_a_private_file_and_refuses_to_overwrite(tmp_path) -> None:
    target = tmp_path / "pseudonym.key"
    key = make_key(target)
    assert target.read_text(encoding="utf-8").strip() == key
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    with pytest.raises(kit.PrivacyError, match="すでに"):
        make_key(target)
    assert load_key(target) == key.encode()


def test_load_key_from_environment(monkeypatch) -> None:
    monkeypatch.setenv("KIT_TEST_KEY", f"  {KEY}\n")
    assert load_key(env="KIT_TEST_KEY") == KEY.encode()
    monkeypatch.delenv("KIT_TEST_KEY")
    with pytest.raises(kit.PrivacyError, match="KIT_TEST_KEY"):
        load_key(env="KIT_TEST_KEY")
    with pytest.raises(kit.InputError):
        load_key()


@given(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=40))
def test_equal_inputs_iff_equal_pseudonyms(values: list[str]) -> None:
    series = pd.Series(values, dtype="str")
    out = pseudonymize(series, KEY, normalize=False)
    for i, a in enumerate(values):
        for j, b in enumerate(values):
            assert (a == b) == (out.iloc[i] == out.iloc[j])


def test_docstring_examples() -> None:
    assert doctest.testmod(pseudonym_module).failed == 0
