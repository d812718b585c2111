"""Save the framing artefacts in the trainee's work folder, and read them back in later stages.

Each artefact is saved with ``kit.artifacts`` as ``my_work/<name>.json`` plus a readable
``my_work/<name>.md``. The names (the contract with later stages):

=============  =====================================  ==================================
name           what                                    type read back
=============  =====================================  ==================================
``problem``    目標・問題・課題                         :class:`ProblemStatement`
``logic_tree`` ロジックツリー                           :class:`LogicTree`
``hypotheses`` 仮説の一覧                               ``list`` of :class:`Hypothesis`
``plan_cards`` 分析計画カードの一覧                     ``list`` of :class:`AnalysisPlanCard`
``theme``      グループのテーマ（例: 「子育て」）        ``str``
=============  =====================================  ==================================

>>> import kit
>>> saved = kit.framing.save_framing(theme="子育て")  # doctest: +SKIP
>>> kit.framing.load_framing()["theme"]  # doctest: +SKIP
'子育て'
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kit.errors import InputError
from kit.framing.plan import AnalysisPlanCard, Hypothesis
from kit.framing.problem import ProblemStatement
from kit.framing.tree import LogicTree

# Artefact name → its Japanese title.
ARTIFACTS = {
    "problem": "目標・問題・課題",
    "logic_tree": "ロジックツリー",
    "hypotheses": "仮説",
    "plan_cards": "分析計画カード",
    "theme": "グループのテーマ",
}


def save_framing(
    *,
    problem: ProblemStatement | None = None,
    logic_tree: LogicTree | None = None,
    hypotheses: Sequence[Hypothesis] | Hypothesis | None = None,
    plan_cards: Sequence[AnalysisPlanCard] | AnalysisPlanCard | None = None,
    theme: str | None = None,
) -> dict[str, Path]:
    """Save the given artefacts (the others are left as they are); returns name → JSON path.

    While nbgrader grades or validates a notebook (``NBGRADER_EXECUTION`` is set) nothing is
    written, so grading never adds files to the course or to a trainee's folder.

    >>> save_framing(theme="")
    Traceback (most recent call last):
    kit.errors.InputError: テーマが空です。THEME = "子育て" のように書いてください。
    """
    values = _checked(problem, logic_tree, hypotheses, plan_cards, theme)
    if os.environ.get("NBGRADER_EXECUTION"):
        print("採点のための実行中なので、作業フォルダには保存しませんでした。")
        return {}
    from kit import artifacts

    paths = {}
    for name, value in values.items():
        paths[name] = artifacts.save(name, value, markdown=artifact_markdown(name, value))
        print(f"保存しました: {ARTIFACTS[name]} → {paths[name].with_suffix('.md')}")
    return paths


def load_framing() -> dict[str, Any]:
    """Every framing artefact saved so far; a missing or unreadable one is ``None``.

    >>> sorted(load_framing())  # doctest: +SKIP
    ['hypotheses', 'logic_tree', 'plan_cards', 'problem', 'theme']
    """
    from kit import artifacts

    loaded = {name: artifacts.load(name, default=None) for name in ARTIFACTS}
    return {name: value if _fits(name, value) else None for name, value in loaded.items()}


def artifact_markdown(name: str, value: Any) -> str:
    """The Markdown copy of one artefact, with a heading.

    >>> artifact_markdown("theme", "防災")
    '## グループのテーマ\\n\\n防災\\n'
    """
    heading = f"## {ARTIFACTS[name]}\n\n"
    if isinstance(value, str):
        return f"{heading}{value}\n"
    if isinstance(value, list):
        return heading + "\n\n".join(v.to_markdown().rstrip("\n") for v in value) + "\n"
    return heading + value.to_markdown()


def _checked(problem: Any, tree: Any, hypotheses: Any, cards: Any, theme: Any) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if problem is not None:
        values["problem"] = _one(
            problem, ProblemStatement, "problem", "kit.framing.ProblemStatement(...)"
        )
    if tree is not None:
        values["logic_tree"] = _one(tree, LogicTree, "logic_tree", "kit.framing.LogicTree(...)")
    if hypotheses is not None:
        values["hypotheses"] = _many(
            hypotheses, Hypothesis, "hypotheses", "kit.framing.Hypothesis(...)"
        )
    if cards is not None:
        values["plan_cards"] = _many(
            cards, AnalysisPlanCard, "plan_cards", "kit.framing.AnalysisPlanCard(...)"
        )
    if theme is not None:
        if not isinstance(theme, str):
            raise InputError('テーマは文字で渡してください（例: THEME = "子育て"）。')
        if not theme.strip():
            raise InputError("テーマが空です。", action='THEME = "子育て" のように書いてください。')
        values["theme"] = theme.strip()
    if not values:
        raise InputError(
            "保存するものが渡されていません。",
            action="save_framing(problem=..., logic_tree=..., ...) のように名前を付けて渡してください。",
        )
    return values


def _one(value: Any, cls: type, name: str, example: str) -> Any:
    if not isinstance(value, cls):
        raise InputError(
            f"{name} には {example} で作ったものを渡してください（いまは {type(value).__name__}）。"
        )
    return value


def _many(value: Any, cls: type, name: str, example: str) -> list[Any]:
    items = [value] if isinstance(value, cls) else list(value)
    for item in items:
        _one(item, cls, name, example)
    return items


def _fits(name: str, value: Any) -> bool:
    expected = {"problem": ProblemStatement, "logic_tree": LogicTree, "theme": str}
    if name in expected:
        return isinstance(value, expected[name])
    item = Hypothesis if name == "hypotheses" else AnalysisPlanCard
    return isinstance(value, list) and all(isinstance(v, item) for v in value)
