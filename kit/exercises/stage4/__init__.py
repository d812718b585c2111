"""Checkers for stage 4 (施策・サービス立案): ``notebooks/source/stage4/design.ipynb``.

- 問1 the wanted business flow (``flows``);
- 問2・問3 logic models (``logic``);
- 問4・問5 the push-notice prototype within the worksheet's rules (``notice``);
- 問6・問7 a facility merge: who travels further, and the saving with its range (``merge``);
- 問8 a monitoring plan (``monitoring``).

>>> from kit.exercises import stage4 as ex
>>> ex.q1.check()  # doctest: +SKIP
>>> merge_model = ex.draft_merge_model()   # the draft that 問3 asks to fix
"""

from __future__ import annotations

from kit.exercises.stage4.flows import LANES, SHUFFLED, q1
from kit.exercises.stage4.logic import HEALTH_STATEMENTS, draft_merge_model, q2, q3
from kit.exercises.stage4.merge import q6, q7
from kit.exercises.stage4.monitoring import push_model, q8
from kit.exercises.stage4.notice import q4, q5

QUESTIONS = {"q1": q1, "q2": q2, "q3": q3, "q4": q4, "q5": q5, "q6": q6, "q7": q7, "q8": q8}

__all__ = [
    "HEALTH_STATEMENTS",
    "LANES",
    "QUESTIONS",
    "SHUFFLED",
    "draft_merge_model",
    "push_model",
    "q1",
    "q2",
    "q3",
    "q4",
    "q5",
    "q6",
    "q7",
    "q8",
]
