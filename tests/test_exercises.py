"""Every exercise checker: known-right answers pass, known-wrong answers fail with a helpful message.

Cases live in ``tests/exercise_cases/<stage>.py`` as ``cases() -> {question: {"right": [...],
"wrong": [(namespace, fragment of the expected message), ...]}}``.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import kit.exercises

STAGES = sorted(
    m.name for m in pkgutil.iter_modules(kit.exercises.__path__) if m.name.startswith("stage")
)


def _questions(stage: str) -> dict:
    return importlib.import_module(f"kit.exercises.{stage}").QUESTIONS


def _cases(stage: str) -> dict:
    return importlib.import_module(f"exercise_cases.{stage}").cases()


PAIRS = [(stage, name) for stage in STAGES for name in _questions(stage)]


def test_every_stage_has_cases():
    assert STAGES, "no stage checkers found"
    for stage in STAGES:
        assert set(_cases(stage)) == set(_questions(stage)), stage


@pytest.mark.parametrize(("stage", "name"), PAIRS)
def test_known_right_answers_pass(stage, name):
    question = _questions(stage)[name]
    rights = _cases(stage)[name]["right"]
    assert rights, f"{stage}.{name} has no known-right answer"
    for namespace in rights:
        verdict = question.verdict(namespace)
        assert verdict.ok, f"{stage}.{name}: {verdict}"


@pytest.mark.parametrize(("stage", "name"), PAIRS)
def test_known_wrong_answers_fail_with_a_specific_message(stage, name):
    question = _questions(stage)[name]
    wrongs = _cases(stage)[name]["wrong"]
    assert len(wrongs) >= 2, f"{stage}.{name} needs at least two known-wrong answers"
    for namespace, fragment in wrongs:
        verdict = question.verdict(namespace)
        assert verdict.status == "incorrect", f"{stage}.{name} accepted a wrong answer: {namespace}"
        assert fragment in verdict.message, (
            f"{stage}.{name}: {verdict.message!r} lacks {fragment!r}"
        )


@pytest.mark.parametrize(("stage", "name"), PAIRS)
def test_unanswered_is_not_answered_yet(stage, name):
    assert _questions(stage)[name].verdict({}).status == "unanswered"


@pytest.mark.parametrize(("stage", "name"), PAIRS)
def test_messages_never_reveal_a_text_answer(stage, name):
    question = _questions(stage)[name]
    for namespace in _cases(stage)[name]["right"]:
        for value in namespace.values():
            if isinstance(value, str) and len(value.strip()) > 1:
                for wrong, _ in _cases(stage)[name]["wrong"]:
                    assert value.strip() not in question.verdict(wrong).message


@pytest.mark.parametrize(("stage", "name"), PAIRS)
def test_each_question_has_graded_hints(stage, name):
    hints = _questions(stage)[name].hints
    assert len(hints) >= 2
    assert len(set(hints)) == len(hints)


@pytest.mark.parametrize(("stage", "name"), PAIRS)
def test_verdicts_survive_the_trip_through_the_answers_file(stage, name):
    """The trainers' grader re-checks answers read back from JSON: same verdicts as in the kernel."""
    from kit.exercises.answers import dumps, loads

    question = _questions(stage)[name]
    for namespace in _cases(stage)[name]["right"]:
        verdict = question.verdict(loads(dumps(namespace)))
        assert verdict.ok, f"{stage}.{name} after the round trip: {verdict}"
    for namespace, _ in _cases(stage)[name]["wrong"]:
        assert question.verdict(loads(dumps(namespace))).status != "correct"
