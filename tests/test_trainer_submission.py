"""Submissions checked against the release as plain data, before any of their code runs."""

from __future__ import annotations

import copy
import json

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from kit.trainer.records import GRADED, UNREADABLE, WRONG_ASSIGNMENT
from kit.trainer.submission import nbgrader_meta, prepare_text


def _marked(cell, grade_id, *, grade=False, solution=False, locked=False, points=0):
    cell.metadata["nbgrader"] = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": 3,
        "solution": solution,
        "task": False,
        **({"points": points} if grade else {}),
    }
    return cell


def _release(stage="stage0"):
    return new_notebook(
        cells=[
            new_markdown_cell("# 説明"),
            _marked(
                new_code_cell(f"from kit.exercises import {stage} as ex"), "setup", locked=True
            ),
            _marked(
                new_code_cell("# ここに答えのコードを書いてください"), "q1_answer", solution=True
            ),
            _marked(
                new_code_cell(f"from kit.exercises import {stage} as _ex\n_ex.q1.grade()"),
                "q1_test",
                grade=True,
                locked=True,
                points=2,
            ),
            _marked(
                new_code_cell("# ここに答えのコードを書いてください"), "q2_answer", solution=True
            ),
            _marked(
                new_code_cell(f"from kit.exercises import {stage} as _ex\n_ex.q2.grade()"),
                "q2_test",
                grade=True,
                locked=True,
                points=2,
            ),
            _marked(
                new_markdown_cell("（ここに答えを書いてください）"),
                "q3_written",
                grade=True,
                solution=True,
                points=3,
            ),
        ]
    )


def _ids(notebook):
    return [nbgrader_meta(c).get("grade_id") for c in notebook.cells]


def _prepare(submission, release=None, others=None):
    return prepare_text(nbformat.writes(submission), release or _release(), others or {})


def test_untouched_release_is_graded_without_problems():
    prepared = _prepare(_release())
    assert prepared.status == GRADED
    assert prepared.problems == []
    assert _ids(prepared.notebook) == _ids(_release())


@pytest.mark.parametrize("text", ["{not json", "", "[]", json.dumps({"cells": "no"})])
def test_unreadable_files_are_reported_not_graded(text):
    prepared = prepare_text(text, _release(), {})
    assert prepared.status == UNREADABLE
    assert prepared.notebook is None
    assert prepared.problems[0].level == "error"
    assert "読めません" in prepared.problems[0].message or "形式" in prepared.problems[0].message


def test_edited_locked_cell_gets_the_released_source_back():
    submission = _release()
    submission.cells[3].source = "pass  # 採点をごまかす"
    submission.cells[2].source = "answer = 1"
    prepared = _prepare(submission)
    assert prepared.notebook.cells[3].source == _release().cells[3].source
    assert prepared.notebook.cells[2].source == "answer = 1"  # answers are the trainee's
    assert [p.code for p in prepared.problems] == ["edited"]
    assert "q1_test" in prepared.problems[0].message


def test_deleted_test_cells_are_put_back_in_place_even_next_to_another_deleted_cell():
    submission = _release()
    del submission.cells[2:4]  # q1_answer and q1_test: nbgrader's add_missing_cells fails here
    del submission.cells[3]  # q2_test
    prepared = _prepare(submission)
    assert _ids(prepared.notebook) == [
        None,
        "setup",
        "q1_test",
        "q2_answer",
        "q2_test",
        "q3_written",
    ]
    assert sorted(p.code for p in prepared.problems) == ["deleted", "deleted"]
    restored = prepared.notebook.cells[2]
    assert restored.outputs == [] and restored.source == _release().cells[3].source


def test_changed_cell_types_are_changed_back():
    submission = _release()
    test = submission.cells[3]
    submission.cells[3] = new_markdown_cell(test.source, metadata=test.metadata, id=test.id)
    answer = submission.cells[6]
    submission.cells[6] = new_code_cell("print('記述')", metadata=answer.metadata, id=answer.id)
    prepared = _prepare(submission)
    assert prepared.notebook.cells[3].cell_type == "code"
    assert prepared.notebook.cells[3].outputs == []
    assert prepared.notebook.cells[6].cell_type == "markdown"
    assert sorted(p.code for p in prepared.problems) == ["cell_type", "cell_type"]


def test_forged_or_duplicated_marks_are_dropped_and_points_come_from_the_release():
    submission = _release()
    submission.cells[3].metadata["nbgrader"]["points"] = 100
    extra = copy.deepcopy(submission.cells[3])
    extra.id = "copy"
    submission.cells.append(extra)
    submission.cells.append(_marked(new_code_cell("x = 1"), "bonus", grade=True, points=50))
    prepared = _prepare(submission)
    points = [
        nbgrader_meta(c).get("points")
        for c in prepared.notebook.cells
        if nbgrader_meta(c).get("grade")
    ]
    assert points == [2, 2, 3]
    assert [p.code for p in prepared.problems].count("unknown_mark") == 2


def test_notebook_of_another_assignment_is_recognised_by_its_locked_cells():
    other = _release("stage1")
    prepared = _prepare(other, _release("stage0"), {"stage1": _release("stage1")})
    assert prepared.status == WRONG_ASSIGNMENT
    assert "stage1" in prepared.problems[0].message


def test_fully_edited_notebook_of_this_assignment_is_still_graded():
    submission = _release()
    for cell in submission.cells:
        if nbgrader_meta(cell).get("locked"):
            cell.source = "pass"
    prepared = _prepare(submission, others={"stage1": _release("stage1")})
    assert prepared.status == GRADED
    assert [p.code for p in prepared.problems].count("edited") == 3
