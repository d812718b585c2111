"""Formulas written as text, like in an Excel cell: 「対象世帯数 * 申請率 * 認定率」.

The text may use the names of the assumptions, numbers, + − × ÷ (also full-width), **,
brackets and min / max / abs / round. It is read with Python's ``ast`` module and computed
step by step — nothing in it is ever executed as code.

>>> f = compile_formula("min(追加定員 × 利用率, 待機児童数)")
>>> f(追加定員=60, 利用率=0.8, 待機児童数=45)
45
>>> formula_names("対象世帯数 * 申請率")
['対象世帯数', '申請率']
"""

from __future__ import annotations

import ast
import inspect
import operator
import unicodedata
from collections.abc import Callable
from typing import Any

from kit.errors import InputError

_BINARY = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}
_FUNCTIONS = {"min": min, "max": max, "abs": abs, "round": round}
_SYMBOLS = str.maketrans({"×": "*", "÷": "/", "−": "-", "^": "**"})


def _parse(text: str) -> ast.Expression:
    if not isinstance(text, str) or not text.strip():
        raise InputError('数式が空です。例: "対象世帯数 * 申請率"')
    plain = unicodedata.normalize("NFKC", text).translate(_SYMBOLS).strip()
    if plain.startswith("="):
        plain = plain[1:]  # written like an Excel cell
    try:
        tree = ast.parse(plain, mode="eval")
    except SyntaxError:
        raise InputError(
            f"数式「{text}」を読めませんでした。",
            action="かっこの対応や、* や / の書き方を確認してください。"
            "仮定の名前には、かっこや記号（・ など）を使わないでください。",
        ) from None
    for node in ast.walk(tree):
        _allowed(node, text)
    return tree


def _allowed(node: ast.AST, text: str) -> None:
    ok = (
        ast.Expression, ast.BinOp, ast.UnaryOp, ast.Name, ast.Load, ast.Call,
        *_BINARY, *_UNARY,
    )  # fmt: skip
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise InputError(f"数式「{text}」の「{node.value!r}」は数ではありません。")
        return
    if isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in _FUNCTIONS or node.keywords:
            raise InputError(f"数式「{text}」では、関数は {', '.join(_FUNCTIONS)} だけが使えます。")
        return
    if not isinstance(node, ok):
        raise InputError(
            f"数式「{text}」に使えない書き方があります。",
            action="使えるのは、仮定の名前・数・+ - * / ** ・かっこ・min/max/abs/round です。",
        )


def formula_names(text: str) -> list[str]:
    """The assumption names a formula uses, in order of first appearance.

    >>> formula_names("max(a - b, 0) + a")
    ['a', 'b']
    """
    names: list[str] = []
    for node in ast.walk(_parse(text)):
        if isinstance(node, ast.Name) and node.id not in _FUNCTIONS and node.id not in names:
            names.append(node.id)
    return names


def compile_formula(text: str) -> Callable[..., Any]:
    """A function computing the formula; its parameters are the names the formula uses.

    >>> compile_formula("(a + b) / 2")(a=1, b=2)
    1.5
    """
    tree = _parse(text)
    names = formula_names(text)

    def compute(**values: Any) -> Any:
        return _evaluate(tree.body, values)

    compute.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY) for n in names]
    )
    compute.__name__ = "formula"
    compute.__doc__ = text
    return compute


def _evaluate(node: ast.AST, values: dict[str, Any]) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return values[node.id]
    if isinstance(node, ast.BinOp):
        left, right = _evaluate(node.left, values), _evaluate(node.right, values)
        if isinstance(node.op, ast.Div) and right == 0:
            raise InputError("数式の計算で 0 で割ることになりました。仮定の値を確認してください。")
        return _BINARY[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp):
        return _UNARY[type(node.op)](_evaluate(node.operand, values))
    if isinstance(node, ast.Call):
        return _FUNCTIONS[node.func.id](*(_evaluate(a, values) for a in node.args))  # type: ignore[union-attr]
    raise InputError("数式に使えない書き方があります。")  # unreachable after _parse
