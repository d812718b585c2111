"""Checkers for stage 1 (課題設定): goals and means, quick numbers, the problem sheet, the logic
tree, data for a hypothesis and an analysis-plan card.

The numbers come from ``kit.load("population")`` (0–4 population per 町丁目, rolled up to 地区)
and ``kit.load("nursery_waiting")`` (applications and waiting children per 地区 and year).

>>> from kit.exercises import stage1 as ex
>>> ex.q1.check()  # doctest: +SKIP
"""

from __future__ import annotations

from kit.exercises.stage1._framing import H1, H2, STATEMENTS, q1, q6, q7, q8
from kit.exercises.stage1._numbers import q2, q3, q4, q5

QUESTIONS = {"q1": q1, "q2": q2, "q3": q3, "q4": q4, "q5": q5, "q6": q6, "q7": q7, "q8": q8}

__all__ = ["H1", "H2", "QUESTIONS", "STATEMENTS", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]
