"""Problem framing, the Data Academy's first step: start from the problem, not from the data.

- ``ProblemStatement``: the 目標・問題・課題 sheet (goal, reality, the gap with a number, issue).
- ``LogicTree`` / ``Node``: the why-tree of possible causes; ``validate``, ``draw``,
  ``to_markdown``, and ``LogicTree.from_outline`` to write it as indented lines.
- ``Hypothesis`` / ``AnalysisPlanCard``: 仮説 / 使うデータ / 分析手法 plus the chart and its
  legend classes; ``draw`` shows a card.
- ``means_words`` / ``is_means_phrase``: the keyword heuristic that asks "is this a means?".
- ``theme_guide`` / ``theme_chooser`` / ``THEMES``: a guided start for the group's theme.
- ``save_framing`` / ``load_framing``: the artefacts in the trainee's work folder (names in
  ``ARTIFACTS``: problem, logic_tree, hypotheses, plan_cards, theme).

>>> import kit
>>> tree = kit.framing.LogicTree.from_outline('''
... 待機児童が減らない
...   申込みが増えている
...     0〜4歳の子どもが増えている
...   受け入れ枠が足りない
...     保育士が集まらない
... ''')
>>> tree.validate()
[]
"""

from __future__ import annotations

from kit.framing.means import is_means_phrase, means_words
from kit.framing.plan import AnalysisPlanCard, Hypothesis
from kit.framing.problem import ProblemStatement
from kit.framing.store import ARTIFACTS, load_framing, save_framing
from kit.framing.themes import THEMES, ThemeGuide, theme_chooser, theme_guide
from kit.framing.tree import LogicTree, Node

__all__ = [
    "ARTIFACTS",
    "THEMES",
    "AnalysisPlanCard",
    "Hypothesis",
    "LogicTree",
    "Node",
    "ProblemStatement",
    "ThemeGuide",
    "is_means_phrase",
    "load_framing",
    "means_words",
    "save_framing",
    "theme_chooser",
    "theme_guide",
]
