"""kit.codes: 全国地方公共団体コード check digits, validation and repair."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kit import codes
from kit.errors import CodeError

PREFECTURE = st.sampled_from(sorted(codes.PREFECTURES))
MUNICIPALITY = st.one_of(st.just(0), st.integers(min_value=100, max_value=799))
CODE5 = st.builds(lambda p, m: f"{p}{m:03d}", PREFECTURE, MUNICIPALITY)


@pytest.mark.parametrize(
    ("code5", "digit"),
    [
        ("13101", "6"),
        ("01100", "2"),
        ("09201", "1"),
        ("13000", "1"),
        ("99201", "1"),
        ("47201", "8"),
    ],
)
def test_check_digit_matches_published_codes(code5, digit):
    assert codes.check_digit(code5) == digit
    assert codes.is_valid(code5 + digit)
    assert not codes.is_valid(code5 + str((int(digit) + 1) % 10))


def test_check_digit_pads_integers_and_refuses_other_lengths():
    assert codes.check_digit(1100) == "2"  # 01100
    for bad in ("1310", "131016", "1310a", ""):
        with pytest.raises(CodeError, match="5桁"):
            codes.check_digit(bad)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("131016", "131016"),
        ("13101", "131016"),  # 5 digits without check digit
        ("01100", "011002"),
        ("09201", "092011"),
        ("13000", "130001"),
        ("92011", "092011"),  # a 6-digit code that lost its leading zero
        (92011, "092011"),
        (92011.0, "092011"),
        ("92011.0", "092011"),
        (1100, "011002"),  # lost zero of a 5-digit code
        ("１３１０１６", "131016"),
        (" 131016 ", "131016"),
        (
            "99201",
            "992011",
        ),  # the training city: 099201 would be municipality 920, which cannot exist
    ],
)
def test_normalize_repairs_the_breakages_seen_in_the_wild(value, expected):
    assert codes.normalize(value) == expected


def test_wrong_check_digit_names_the_expected_digit():
    with pytest.raises(CodeError) as info:
        codes.normalize("131017")
    assert "「6」のはず" in str(info.value)
    assert info.value.action


def test_truly_ambiguous_value_asks_for_assume():
    # 11100: 埼玉県 111007 (no check digit) or 北海道 011100 (lost zero); both exist.
    assert set(codes.readings("11100").values()) == {"111007", "011100"}
    with pytest.raises(CodeError, match="2通り") as info:
        codes.normalize("11100")
    assert "assume" in info.value.action
    assert codes.normalize("11100", assume="no_check_digit") == "111007"
    assert codes.normalize("11100", assume="lost_zero") == "011100"


@pytest.mark.parametrize("bad", ["abc", "1234567", "12", "", "0123", True])
def test_unreadable_values_raise(bad):
    with pytest.raises(CodeError):
        codes.normalize(bad)


def test_series_repairs_and_reports_each_row():
    values = pd.Series(["131016", "92011", "13101", None, "１３１０１６"], name="団体コード")
    fixed = codes.normalize_series(values)
    assert fixed.tolist()[:3] == ["131016", "092011", "131016"]
    assert pd.isna(fixed.iloc[3]) and fixed.iloc[4] == "131016"
    report = codes.repairs(values)
    assert report.index.tolist() == [1, 2, 4]
    assert report["理由"].tolist() == ["先頭の0の復元", "検査数字の付加", "表記の統一"]
    assert report["修復後"].tolist() == ["092011", "131016", "131016"]


def test_series_context_resolves_ambiguity():
    # 111007 appears in the column: the ambiguous 11100 is read as that code.
    assert codes.normalize_series(pd.Series(["111007", "11100"])).tolist() == ["111007", "111007"]
    # Other values of the column lost their leading zero: so did 11100.
    assert codes.normalize_series(pd.Series(["92011", "11100"])).tolist() == ["092011", "011100"]
    with pytest.raises(CodeError, match="インデックス 0"):
        codes.normalize_series(pd.Series(["11100"]))


def test_series_error_names_the_file_line_when_given():
    with pytest.raises(CodeError) as info:
        codes.plan_repairs(
            pd.Series(["131016", "131017"], name="コード"), file="a.csv", lines=[2, 3]
        )
    assert (info.value.file, info.value.row, info.value.column) == ("a.csv", 3, "コード")


@given(CODE5)
def test_valid_codes_are_kept(code5):
    full = code5 + codes.check_digit(code5)
    assert codes.is_valid(full)
    assert codes.normalize(full) == full


@given(CODE5)
def test_a_code_without_its_check_digit_gets_it_back_or_an_explicit_question(code5):
    full = code5 + codes.check_digit(code5)
    if len(codes.readings(code5)) > 1:
        with pytest.raises(CodeError, match="2通り"):
            codes.normalize(code5)
        assert codes.normalize(code5, assume="no_check_digit") == full
    else:
        assert codes.normalize(code5) == full


@given(CODE5.filter(lambda c: c.startswith("0")))
def test_a_code_that_lost_its_leading_zero_comes_back_or_an_explicit_question(code5):
    full = code5 + codes.check_digit(code5)
    broken = str(int(full))
    if len(codes.readings(broken)) > 1:
        with pytest.raises(CodeError, match="2通り"):
            codes.normalize(int(full))
        assert codes.normalize(broken, assume="lost_zero") == full
    else:
        assert codes.normalize(broken) == full
        assert codes.normalize(int(full)) == full


@given(st.text(max_size=8) | st.integers(min_value=-(10**7), max_value=10**7))
def test_normalize_returns_a_valid_code_or_raises_code_error(value):
    try:
        out = codes.normalize(value)
    except CodeError:
        return
    assert codes.is_valid(out)


@given(CODE5, st.integers(min_value=0, max_value=9))
def test_wrong_check_digit_is_never_accepted(code5, digit):
    assume(str(digit) != codes.check_digit(code5))
    with pytest.raises(CodeError, match="検査数字"):
        codes.normalize(code5 + str(digit))
