"""Checkers for stage 2 (データ収集・整形): two notebooks, a few small modules.

- ``reading`` and ``shaping``: 問1〜問5 of ``prepare.ipynb`` (messy exports, 和暦, codes; long
  form, joins), with their expectations in ``city``;
- ``privacy``: 問6〜問9 of ``privacy.ipynb`` (the worksheet, pseudonyms, k-anonymity), with
  ``worksheet_draft`` and the register expectations in ``register``.

>>> from kit.exercises import stage2 as ex
>>> ex.q1.check()
>>> draft = ex.draft_worksheet()     # the worksheet to fix in 問6
"""

from __future__ import annotations

from kit.exercises.stage2.privacy import q6, q7, q8, q9
from kit.exercises.stage2.reading import q1, q2, q3
from kit.exercises.stage2.register import EXTRACT_COLUMNS, QUASI_IDENTIFIERS, TRAINING_KEY
from kit.exercises.stage2.shaping import q4, q5
from kit.exercises.stage2.worksheet_draft import draft_worksheet

QUESTIONS = {
    "q1": q1,
    "q2": q2,
    "q3": q3,
    "q4": q4,
    "q5": q5,
    "q6": q6,
    "q7": q7,
    "q8": q8,
    "q9": q9,
}

__all__ = [
    "EXTRACT_COLUMNS",
    "QUASI_IDENTIFIERS",
    "QUESTIONS",
    "TRAINING_KEY",
    "draft_worksheet",
    "q1",
    "q2",
    "q3",
    "q4",
    "q5",
    "q6",
    "q7",
    "q8",
    "q9",
]
