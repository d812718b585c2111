"""Final scores decided in the trusted process: gradebook points, nbgrader's rule, the re-check."""

from __future__ import annotations

import nbformat
from hypothesis import given, settings
from hypothesis import strategies as st
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from nbgrader.utils import compute_checksum

from kit.trainer.gradebook_io import GradeDef, NotebookDefinition, SourceDef
from kit.trainer.records import FAILED
from kit.trainer.scoring import score_notebook

TEST = "from kit.exercises import stage0 as _ex\n_ex.q1.grade()\n### BEGIN HIDDEN TESTS\nassert kominkan is not None\n### END HIDDEN TESTS"
QUESTIONS = {"q1_test": {"question": "q1", "label": "問1", "names": ["kominkan"]}}
CORRECT = {"q1_test": {"status": "correct", "message": "正解です。"}}
WRONG = {
    "q1_test": {
        "status": "incorrect",
        "message": "公民館以外の施設が入っています。 ヒント: ex.q1.hint()",
    }
}


def _meta(grade_id, *, grade, solution, locked, points=None):
    meta = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "solution": solution,
        "schema_version": 3,
        "task": False,
    }
    if points is not None:
        meta["points"] = points
    return meta


def _stub_checksum(source, grade_id, cell_type, **flags):
    cell = (new_code_cell if cell_type == "code" else new_markdown_cell)(source)
    cell.metadata["nbgrader"] = _meta(grade_id, **flags)
    return compute_checksum(cell)


def _material():
    written_stub = "（ここに答えを書いてください）"
    written_sum = _stub_checksum(
        written_stub, "q6_written", "markdown", grade=True, solution=True, locked=False, points=3
    )
    definition = NotebookDefinition(
        "intro",
        grade_cells={
            "q1_test": GradeDef(2.0, "code", False),
            "q6_written": GradeDef(3.0, "markdown", True),
        },
        comment_cells=["q6_written"],
        source_cells={
            "q1_test": SourceDef("code", True, TEST, "sum-test"),
            "q6_written": SourceDef("markdown", False, written_stub, written_sum),
        },
    )
    release = new_notebook(
        cells=[
            new_code_cell(
                TEST.split("### BEGIN")[0].strip(),
                metadata={
                    "nbgrader": _meta("q1_test", grade=True, solution=False, locked=True, points=2)
                },
            ),
            new_markdown_cell(
                written_stub,
                metadata={
                    "nbgrader": _meta(
                        "q6_written", grade=True, solution=True, locked=False, points=3
                    )
                },
            ),
        ]
    )
    return definition, release


def _autograded(outputs, *, written="（ここに答えを書いてください）", points=2):
    _, release = _material()
    notebook = release
    notebook.cells[0].outputs = outputs
    notebook.cells[0].metadata["nbgrader"]["points"] = points
    notebook.cells[1].source = written
    return nbformat.writes(notebook)


def _display(text="✓ 問1: 正解です。"):
    return new_output("display_data", data={"text/plain": text})


def _score(outputs, verdicts, questions=QUESTIONS, **kwargs):
    definition, release = _material()
    return score_notebook(_autograded(outputs, **kwargs), definition, release, questions, verdicts)


def test_passing_cell_confirmed_by_the_recheck_keeps_its_points():
    scored = _score([_display()], CORRECT)
    cell = scored.record.cells["q1_test"]
    assert (cell.output_score, cell.final, cell.recheck, cell.removed) == (
        2.0,
        2.0,
        "correct",
        False,
    )


def test_forged_pass_is_taken_away_by_the_recheck_and_reported():
    scored = _score([_display()], WRONG)
    cell = scored.record.cells["q1_test"]
    assert (cell.output_score, cell.final, cell.removed) == (2.0, 0.0, True)
    assert cell.message == "公民館以外の施設が入っています。"
    assert [p.code for p in scored.record.problems] == ["recheck"]
    assert scored.grades.scores["q1_test"] == 0.0


def test_answers_that_could_not_be_carried_out_earn_nothing():
    scored = _score([_display()], {})
    assert scored.record.cells["q1_test"].final == 0.0
    assert scored.record.cells["q1_test"].recheck == "unreadable"


def test_recheck_never_adds_points_to_a_failed_hidden_test():
    failed = new_output(
        "error",
        ename="AssertionError",
        evalue="",
        traceback=["Cell In[9], line 4", "AssertionError"],
    )
    cell = _score([failed], CORRECT).record.cells["q1_test"]
    assert cell.final == 0.0
    assert cell.message.startswith("非公開のテスト")


def test_points_come_from_the_gradebook_not_from_the_notebook():
    cell = _score([_display()], CORRECT, points=100).record.cells["q1_test"]
    assert cell.final == 2.0 and cell.max_score == 2.0


def test_question_without_kit_checker_keeps_nbgraders_score():
    cell = _score(
        [new_output("stream", name="stdout", text="ok\n")], {}, questions={}
    ).record.cells["q1_test"]
    assert (cell.final, cell.recheck) == (2.0, None)


def test_written_answer_left_as_released_scores_zero_with_no_response_comment():
    scored = _score([_display()], CORRECT)
    assert scored.grades.scores["q6_written"] == 0.0
    assert scored.grades.comments["q6_written"] == "No response."


def test_written_answer_awaits_manual_grading():
    scored = _score(
        [_display()], CORRECT, written="利用者が少ない施設ほど 1 人あたりの費用が高い。"
    )
    assert scored.grades.scores["q6_written"] is None
    assert scored.record.pending == 1
    assert scored.grades.comments["q6_written"] is None


def test_kept_notebook_gets_the_saved_test_source_back():
    scored = _score([_display()], CORRECT)
    assert scored.notebook.cells[0].source == TEST


def test_unreadable_result_is_a_failure():
    definition, release = _material()
    scored = score_notebook("{broken", definition, release, QUESTIONS, CORRECT)
    assert scored.record.status == FAILED and scored.notebook is None


OUTPUTS = st.lists(
    st.sampled_from(
        [
            new_output("error", ename="AssertionError", evalue="x", traceback=[]),
            new_output("stream", name="stderr", text="warning\n"),
            new_output("stream", name="stdout", text="ok\n"),
            new_output("execute_result", data={"text/plain": "1.5"}, execution_count=1),
            _display(),
        ]
    ),
    max_size=4,
)


@settings(max_examples=60, deadline=None)
@given(
    outputs=OUTPUTS,
    status=st.sampled_from(["correct", "incorrect", "unanswered", "unreadable", None]),
)
def test_recheck_only_ever_takes_points_away(outputs, status):
    verdicts = {} if status is None else {"q1_test": {"status": status, "message": "…"}}
    cell = _score(outputs, verdicts).record.cells["q1_test"]
    assert cell.final in (0.0, cell.output_score)
    assert cell.final <= cell.output_score <= cell.max_score
    if status != "correct":
        assert cell.final == 0.0
