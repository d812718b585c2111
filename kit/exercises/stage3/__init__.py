"""Checkers for stage 3 (分析・見える化): rates, trends, cross tables, correlation, the residents'
free text (analysis notebook, 問1–問5), then maps, distances and flood shelters (maps notebook,
問6–問8).

>>> from kit.exercises import stage3 as ex
>>> ex.q1.check()  # doctest: +SKIP
"""

from __future__ import annotations

from kit.exercises.stage3.maps import q6, q7, q8
from kit.exercises.stage3.rates import q1, q2, q3
from kit.exercises.stage3.relations import q4, q5

QUESTIONS = {"q1": q1, "q2": q2, "q3": q3, "q4": q4, "q5": q5, "q6": q6, "q7": q7, "q8": q8}

__all__ = ["QUESTIONS", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]
