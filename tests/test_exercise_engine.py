"""The exercise engine itself: verdicts, hints, grading, reading the caller's namespace."""

from __future__ import annotations

import pytest

from kit.exercises._engine import Incorrect, Question, Verdict


def _check_total(total):
    if total != 10:
        raise Incorrect("合計が違います。")


def make_question() -> Question:
    return Question(
        "問1",
        ["total"],
        _check_total,
        hints=["一つ目", "二つ目", "三つ目"],
        praise="よくできました。",
    )


def test_verdicts_for_right_wrong_missing_and_placeholder():
    q = make_question()
    assert q.verdict({"total": 10}).status == "correct"
    wrong = q.verdict({"total": 9})
    assert wrong.status == "incorrect"
    assert "合計が違います" in wrong.message and "ex.q1.hint()" in wrong.message
    assert q.verdict({}).status == "unanswered"
    assert q.verdict({"total": ...}).status == "unanswered"


def test_a_checker_crash_is_a_kind_incorrect_verdict():
    q = Question("問2", ["x"], lambda x: x.no_such_attribute, hints=["a", "b"], praise="")
    verdict = q.verdict({"x": 3})
    assert verdict.status == "incorrect"
    assert "答えの形" in verdict.message


def test_grade_raises_assertion_with_the_message_and_passes_quietly_when_right(capsys):
    q = make_question()
    with pytest.raises(AssertionError, match="合計が違います"):
        q.grade({"total": 9})
    with pytest.raises(AssertionError, match="まだ答えがありません"):
        q.grade({})
    q.grade({"total": 10})
    assert "✓ 問1: 正解です。" in capsys.readouterr().out


def test_check_reads_the_callers_globals(capsys):
    q = make_question()
    namespace = {"q": q}
    exec("total = 10\nq.check()", namespace)
    assert "✓ 問1" in capsys.readouterr().out
    exec("del total\nq.check()", namespace)
    assert "まだ答えがありません" in capsys.readouterr().out


def test_hints_are_graded_and_stop_at_the_last(capsys):
    q = make_question()
    q.hint()
    q.hint()
    q.hint()
    q.hint()
    out = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in out] == [
        "💡 問1 ヒント 1/3",
        "💡 問1 ヒント 2/3",
        "💡 問1 ヒント 3/3",
        "💡 問1 ヒント 3/3",
    ]
    assert "最後のヒント" in out[-1]
    q.hint(9)
    assert "1〜3 番" in capsys.readouterr().out


def test_a_question_needs_two_hints():
    with pytest.raises(ValueError, match="two graded hints"):
        Question("問3", ["x"], lambda x: None, hints=["only one"], praise="")


def test_verdict_html_escapes_and_colours():
    html = Verdict("問1", "incorrect", "<b>")._repr_html_()
    assert "&lt;b&gt;" in html and "#b2182b" in html
