"""The exercise engine: a question knows its answer variables, its checker and its hints.

A checker is a plain function taking the answer values and raising :class:`Incorrect` with a
Japanese message when something is wrong (it returns nothing when the answer is right).

>>> def _check(total):
...     if total != 3:
...         raise Incorrect("合計が違います。足し合わせる列を確認してください。")
>>> q = Question("問1", ["total"], _check, hints=["sum() を使います。", "df['人口'].sum()"],
...              praise="合計を正しく計算できました。")
>>> q.verdict({"total": 3}).status
'correct'
>>> q.verdict({}).status
'unanswered'
"""

from __future__ import annotations

import html
import inspect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

Status = Literal["correct", "incorrect", "unanswered"]

_MARKS = {"correct": "✓", "incorrect": "✗", "unanswered": "…"}
_COLOURS = {"correct": "#1b7837", "incorrect": "#b2182b", "unanswered": "#6a6a6a"}


class Incorrect(Exception):
    """Raised by a checker: the answer is wrong; the message (Japanese) says what to look at."""


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking one question: a status and the Japanese message to show."""

    label: str
    status: Status
    message: str

    @property
    def ok(self) -> bool:
        return self.status == "correct"

    def __str__(self) -> str:
        return f"{_MARKS[self.status]} {self.label}: {self.message}"

    def _repr_html_(self) -> str:
        colour = _COLOURS[self.status]
        return (
            f'<div style="border-left:4px solid {colour};padding:4px 8px;color:{colour}">'
            f"<b>{_MARKS[self.status]} {html.escape(self.label)}</b>: {html.escape(self.message)}</div>"
        )

    def __repr__(self) -> str:
        return str(self)


class Question:
    """One exercise: where its answer lives, how to check it, and graded hints.

    ``names`` are the variables the trainee's answer cell defines. A variable that is missing,
    or still set to ``...``, counts as not answered yet.
    """

    def __init__(
        self,
        label: str,
        names: Sequence[str],
        checker: Callable[..., None],
        *,
        hints: Sequence[str],
        praise: str,
    ) -> None:
        if len(hints) < 2:
            raise ValueError(f"{label}: a question needs at least two graded hints")
        self.label = label
        self.names = tuple(names)
        self.checker = checker
        self.hints = tuple(hints)
        self.praise = praise
        self._hints_shown = 0

    def __repr__(self) -> str:
        return (
            f"<{self.label}: 答えの変数 {', '.join(self.names)}。check() で確認、hint() でヒント>"
        )

    def verdict(self, namespace: Mapping[str, Any]) -> Verdict:
        """Check the answer found in ``namespace`` (a notebook's globals) without printing.

        >>> Question("問9", ["x"], lambda x: None, hints=["a", "b"], praise="OK").verdict({"x": 1}).ok
        True
        """
        missing = [n for n in self.names if n not in namespace or namespace[n] is Ellipsis]
        if missing:
            listed = "、".join(f"`{n}`" for n in missing)
            return Verdict(
                self.label,
                "unanswered",
                f"まだ答えがありません（変数 {listed} がまだ作られていません）。"
                "答えのセルにコードを書いて実行してから、もう一度確かめてください。",
            )
        try:
            self.checker(*(namespace[n] for n in self.names))
        except Incorrect as wrong:
            return Verdict(self.label, "incorrect", f"{wrong} ヒント: {self._hint_call()}")
        except Exception as crash:  # an answer of an unexpected shape must not crash the check
            return Verdict(
                self.label,
                "incorrect",
                f"答えを確かめる途中でエラーになりました（{type(crash).__name__}）。"
                f"答えの形（表・数・文字など）が問題の指示どおりか確認してください。"
                f"ヒント: {self._hint_call()}",
            )
        return Verdict(self.label, "correct", f"正解です。{self.praise}")

    def check(self, namespace: Mapping[str, Any] | None = None) -> None:
        """Show whether the answer in the notebook is right; never reveals the answer.

        Reads the answer variables from the caller's globals (the notebook).
        """
        _show(self.verdict(_caller_globals() if namespace is None else namespace))

    def grade(self, namespace: Mapping[str, Any] | None = None) -> None:
        """For nbgrader's test cell: show the verdict and raise AssertionError unless correct."""
        verdict = self.verdict(_caller_globals() if namespace is None else namespace)
        if not verdict.ok:
            raise AssertionError(str(verdict))
        _show(verdict)

    def hint(self, level: int | None = None) -> None:
        """Show the next hint (or hint number ``level``); later hints say more."""
        if level is None:
            level = min(self._hints_shown + 1, len(self.hints))
        if not 1 <= level <= len(self.hints):
            print(f"{self.label} のヒントは 1〜{len(self.hints)} 番です。")
            return
        self._hints_shown = max(self._hints_shown, level)
        more = (
            f"（次のヒント: {self._hint_call()}）"
            if level < len(self.hints)
            else "（これが最後のヒントです）"
        )
        print(f"💡 {self.label} ヒント {level}/{len(self.hints)}: {self.hints[level - 1]} {more}")

    def _hint_call(self) -> str:
        number = self.label.removeprefix("問")
        return f"ex.q{number}.hint()"


def _caller_globals() -> Mapping[str, Any]:
    """Globals of the code that called check()/grade(): the notebook's namespace."""
    frame = inspect.currentframe()
    try:
        return frame.f_back.f_back.f_globals  # type: ignore[union-attr]
    finally:
        del frame


def _show(verdict: Verdict) -> None:
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # plain Python
        print(verdict)
        return
    if get_ipython() is None:
        print(verdict)
    else:
        display(verdict)
