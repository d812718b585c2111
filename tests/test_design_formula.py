"""kit.design formulas written as text: computed safely, never executed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kit.design import effect_estimate
from kit.design.formula import compile_formula, formula_names
from kit.errors import InputError


def test_excel_like_text_is_computed():
    f = compile_formula("=（対象世帯数 × 申請率）÷ 2 − 1")
    assert formula_names("（対象世帯数 × 申請率）÷ 2 − 1") == ["対象世帯数", "申請率"]
    assert f(対象世帯数=100, 申請率=0.5) == 24.0
    assert compile_formula("max(a - b, 0) + abs(-c) + round(d, 1) + e ** 2")(
        a=1, b=3, c=2, d=0.26, e=3
    ) == pytest.approx(11.3)


def test_full_width_names_and_numbers_match_the_assumptions():
    assert effect_estimate("対象Ａ * ２", {"対象Ａ": 21}) == 42.0


@pytest.mark.parametrize(
    "text",
    [
        "__import__('os').system('echo no')",
        "a.__class__",
        "open('x')",
        "[a for a in b]",
        "lambda: 1",
        "a if b else c",
        "'text' * 3",
        "a[0]",
        "min(a, key=b)",
    ],
)
def test_anything_but_arithmetic_is_refused(text):
    with pytest.raises(InputError):
        compile_formula(text)


def test_readable_errors():
    with pytest.raises(InputError, match="数式が空です"):
        compile_formula(" ")
    with pytest.raises(InputError, match="読めませんでした"):
        compile_formula("(a + b")
    with pytest.raises(InputError, match="0 で割る"):
        effect_estimate("a / b", {"a": 1, "b": 0})
    with pytest.raises(InputError, match="仮定「b」の値がありません"):
        effect_estimate("a / b", {"a": 1})


@given(st.integers(-1000, 1000), st.integers(-1000, 1000), st.integers(1, 1000))
def test_text_formula_agrees_with_python(a, b, c):
    assert compile_formula("(a + b) * c - a / c")(a=a, b=b, c=c) == (a + b) * c - a / c
