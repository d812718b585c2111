"""k-anonymity report and reaching a target k by coarsening and deleting rows."""

from __future__ import annotations

import doctest

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit.privacy import achieve as achieve_module
from kit.privacy import achieve_k, age_band, age_steps, k_anonymity
from kit.privacy import kanonymity as kanonymity_module

QI = ["年齢階級", "性別", "町丁目"]


@pytest.fixture
def residents() -> pd.DataFrame:
    rows = (
        [("30〜34歳", "男性", "北町")] * 4
        + [("30〜34歳", "女性", "北町")] * 3
        + [("35〜39歳", "女性", "南町")] * 2
        + [("85歳以上", "男性", "南町")]
    )
    frame = pd.DataFrame(rows, columns=QI)
    frame.index = [f"r{i}" for i in range(len(frame))]
    return frame


def test_k_groups_and_rows_at_risk(residents: pd.DataFrame) -> None:
    report = k_anonymity(residents, QI, target=3)
    assert report.k == 1
    assert report.groups["件数"].tolist() == [1, 2, 3, 4]
    small = report.small_groups
    assert small[QI].values.tolist() == [["85歳以上", "男性", "南町"], ["35〜39歳", "女性", "南町"]]
    assert list(report.rows_at_risk) == ["r7", "r8", "r9"]
    assert list(report.rows_below(2)) == ["r9"]
    assert len(report.groups_below(5)) == 4
    assert report.group_size.loc["r0"] == 4


def test_summary_in_japanese(residents: pd.DataFrame) -> None:
    report = k_anonymity(residents, QI, target=3)
    text = str(report)
    assert "k = 1" in text and "2 個" in text and "3 行" in text
    assert "個人情報保護法が定める基準ではありません" in text
    html = report._repr_html_()
    assert "<table" in html and "85歳以上" in html
    assert "すべてのグループ" in str(k_anonymity(residents, QI, target=1))


def test_missing_values_form_their_own_group() -> None:
    df = pd.DataFrame({"性別": ["男性", None, None, "男性"]})
    report = k_anonymity(df, "性別", target=2)
    assert report.k == 2 and len(report.groups) == 2


def test_input_errors(residents: pd.DataFrame) -> None:
    with pytest.raises(kit.InputError, match="町名"):
        k_anonymity(residents, ["町名"])
    with pytest.raises(kit.InputError):
        k_anonymity(residents, [])
    with pytest.raises(kit.InputError, match="行がありません"):
        k_anonymity(residents.iloc[:0], QI)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from("ABC"), st.sampled_from([1, 2, 3]), st.sampled_from(["x", "y", None])
        ),
        min_size=1,
        max_size=60,
    ),
    st.integers(min_value=1, max_value=6),
)
def test_report_matches_an_independent_count(rows: list, target: int) -> None:
    df = pd.DataFrame(rows, columns=["a", "b", "c"])
    report = k_anonymity(df, ["a", "b", "c"], target=target)
    keys = [tuple(map(str, r)) for r in rows]
    sizes = {key: keys.count(key) for key in keys}
    assert report.k == min(sizes.values())
    assert len(report.groups) == len(sizes)
    expected_risk = [i for i, key in enumerate(keys) if sizes[key] < target]
    assert list(report.rows_at_risk) == expected_risk


@pytest.fixture
def register() -> pd.DataFrame:
    ages = [31, 32, 33, 36, 37, 38, 41, 43, 44, 90]
    return pd.DataFrame(
        {"年齢": ages, "性別": ["女性"] * 10, "氏名の仮名": [f"p{i}" for i in range(10)]}
    )


def test_achieve_k_coarsens_then_suppresses(register: pd.DataFrame) -> None:
    out, report = achieve_k(register, ["年齢", "性別"], k=3, max_suppression=0.1)
    assert report.k >= 3
    assert report.levels == {"年齢": "5歳階級", "性別": "元の値"}
    assert report.steps == [("年齢", "5歳階級")]
    assert list(report.suppressed_index) == [9]
    assert report.rows_suppressed == 1 and report.suppression_rate == pytest.approx(0.1)
    assert (
        out["年齢"].astype(str).tolist() == ["30〜34歳"] * 3 + ["35〜39歳"] * 3 + ["40〜44歳"] * 3
    )
    assert out["氏名の仮名"].tolist() == [f"p{i}" for i in range(9)]
    assert report.cells_generalised == 9
    # 10 distinct ages became 3 bands: (10 - 3) / (10 - 1); 性別 had a single value.
    merging = (10 - 3) / 9
    assert report.merging["年齢"] == pytest.approx(merging)
    assert report.generalisation_loss == pytest.approx(merging / 2)
    assert report.information_loss == pytest.approx(0.1 + 0.9 * merging / 2)
    text = str(report)
    assert "k = 3" in text and "年齢→5歳階級" in text and "1 行" in text
    assert register["年齢"].tolist()[0] == 31  # the input is not changed


def test_achieve_k_goes_coarser_when_no_suppression_is_allowed() -> None:
    df = pd.DataFrame({"年齢": [21, 26, 31, 36, 38, 41, 46, 51, 56, 58], "性別": ["男性"] * 10})
    steps = {"年齢": age_steps((5, 10, 20), top=80)}
    out, report = achieve_k(df, ["年齢", "性別"], k=5, generalisers=steps, max_suppression=0)
    assert report.levels["年齢"] == "20歳階級"
    assert [label for _, label in report.steps] == ["5歳階級", "10歳階級", "20歳階級"]
    assert out["年齢"].astype(str).tolist() == ["20〜39歳"] * 5 + ["40〜59歳"] * 5
    assert report.k == 5 and report.rows_suppressed == 0


def test_achieve_k_with_repeated_index_labels() -> None:
    df = pd.DataFrame({"年齢": [30, 31, 32, 70], "性別": ["男性"] * 4}, index=[1, 1, 2, 2])
    out, report = achieve_k(df, ["年齢", "性別"], k=3, max_suppression=0.25)
    assert len(out) == 3 and report.suppressed_index.tolist() == [2]
    assert out["年齢"].astype(str).tolist() == ["30〜34歳"] * 3


def test_achieve_k_refuses_when_too_many_rows_would_go(register: pd.DataFrame) -> None:
    with pytest.raises(kit.PrivacyError, match="max_suppression"):
        achieve_k(register, ["年齢", "氏名の仮名"], k=2, max_suppression=0.2)


def test_default_steps_cover_dates_and_ages() -> None:
    df = pd.DataFrame(
        {
            "生年月日": pd.to_datetime(["1990-01-03", "1990-01-20", "1990-03-05", "1990-07-07"]),
            "性別": ["男性"] * 4,
        }
    )
    out, report = achieve_k(df, ["生年月日", "性別"], k=2, max_suppression=0)
    assert report.levels["生年月日"] == "年"
    assert out["生年月日"].tolist() == [1990] * 4


def test_achieve_k_argument_errors(register: pd.DataFrame) -> None:
    with pytest.raises(kit.InputError, match="generalisers"):
        achieve_k(register, ["性別"], k=2, generalisers={"年齢": age_steps()})
    with pytest.raises(kit.InputError):
        achieve_k(register, ["性別"], k=1)
    with pytest.raises(kit.InputError):
        achieve_k(register, ["性別"], k=2, max_suppression=5)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 99), st.sampled_from(["男性", "女性"])), min_size=5, max_size=80
    ),
    st.integers(min_value=2, max_value=5),
)
def test_achieve_k_result_is_k_anonymous_or_refused(rows: list, k: int) -> None:
    df = pd.DataFrame(rows, columns=["年齢", "性別"])
    try:
        out, report = achieve_k(df, ["年齢", "性別"], k=k, max_suppression=0.2)
    except kit.PrivacyError:
        coarsest = df.assign(年齢=age_band(df["年齢"], width=20))
        at_risk = len(k_anonymity(coarsest, ["年齢", "性別"], target=k).rows_at_risk)
        assert at_risk > 0.2 * len(df)
        return
    assert report.rows_suppressed <= 0.2 * len(df)
    assert len(out) + report.rows_suppressed == len(df)
    assert out.groupby(["年齢", "性別"], observed=True).size().min() >= k


def test_docstring_examples() -> None:
    assert doctest.testmod(kanonymity_module).failed == 0
    assert doctest.testmod(achieve_module).failed == 0
