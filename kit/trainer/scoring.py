"""Final scores of one autograded notebook, decided in the trusted process.

The autograded notebook comes back from the sandbox and is treated as untrusted data:

- each graded cell is matched by ``grade_id`` to the gradebook's definition; its points and
  flags come from the gradebook, never from the notebook's own metadata;
- nbgrader's rule (:func:`nbgrader.utils.determine_grade`) gives the output-based score;
- for a test cell of a kit question the score stands only if the trusted re-check says the
  carried answer is correct, else it is 0 (the re-check never adds points);
- locked cells get the gradebook's source back before the notebook is kept for feedback.

>>> # scored = score_notebook(text, definition, release, questions, verdicts)
>>> # scored.record.cells["q1_test"].final
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from nbformat.notebooknode import NotebookNode

from kit.trainer.gradebook_io import NO_RESPONSE, NotebookDefinition, NotebookGrades
from kit.trainer.recheck import UNREADABLE, UNREADABLE_MESSAGE
from kit.trainer.records import FAILED, GRADED, CellResult, NotebookRecord, Problem
from kit.trainer.scoring_messages import execution_problems, failure_message, first_sentence
from kit.trainer.submission import nbgrader_meta, parse_notebook

CORRECT = "correct"


@dataclass
class Scored:
    """The record, the grades to store, and the notebook to keep (None if unusable)."""

    record: NotebookRecord
    grades: NotebookGrades
    notebook: NotebookNode | None


def score_notebook(
    text: str,
    definition: NotebookDefinition,
    release: NotebookNode,
    questions: dict[str, dict],
    verdicts: dict[str, dict[str, str]],
) -> Scored:
    """Score an autograded notebook's text; ``verdicts`` maps grade_id → re-check verdict.

    >>> # score_notebook(text, definition, release, question_map("stage0"), verdicts).record.score
    >>> # 10.0
    """
    notebook = parse_notebook(text)
    if not isinstance(notebook, NotebookNode):
        problem = Problem("error", "bad_result", "採点結果のノートブックが読めませんでした。")
        return Scored(NotebookRecord(FAILED, [problem]), NotebookGrades(), None)
    record = NotebookRecord(GRADED, problems=execution_problems(notebook))
    notebook = _restore_for_feedback(notebook, definition, release)
    cells = _first_by_grade_id(notebook)
    grades = NotebookGrades()
    for grade_id, spec in definition.grade_cells.items():
        if spec.is_task:
            continue
        cell = cells.get(grade_id)
        if cell is None:
            record.problems.append(
                Problem(
                    "error",
                    "cell_missing",
                    f"採点用のセル（{grade_id}）が結果にありません。0 点にしました。",
                )
            )
            record.cells[grade_id] = CellResult(spec.max_score, 0.0, 0.0)
            grades.scores[grade_id] = 0.0
            continue
        result = _score_cell(
            cell, grade_id, definition, questions.get(grade_id), verdicts.get(grade_id)
        )
        if result.removed:
            record.problems.append(
                Problem(
                    "warning",
                    "recheck",
                    f"{result.question}: 出力上は合格でしたが、答えの再確認で正解と確かめられなかったため 0 点にしました（{result.message}）",
                )
            )
        record.cells[grade_id] = result
        grades.scores[grade_id] = result.final
    for name in definition.comment_cells:
        grades.comments[name] = auto_comment(cells.get(name))
    return Scored(record, grades, notebook)


def _first_by_grade_id(notebook: NotebookNode) -> dict[str, NotebookNode]:
    found: dict[str, NotebookNode] = {}
    for cell in notebook.cells:
        grade_id = nbgrader_meta(cell).get("grade_id")
        if grade_id and grade_id not in found:
            found[grade_id] = cell
    return found


def _trusted_cell(
    cell: NotebookNode, grade_id: str, definition: NotebookDefinition
) -> NotebookNode:
    """The cell with nbgrader's marks taken from the gradebook, as ``determine_grade`` needs them."""
    spec = definition.grade_cells[grade_id]
    saved = definition.source_cells.get(grade_id)
    trusted = copy.deepcopy(cell)
    trusted.cell_type = spec.cell_type
    if trusted.cell_type == "code":
        trusted.setdefault("outputs", [])
    if saved is not None and saved.locked:
        trusted.source = saved.source
    trusted.metadata["nbgrader"] = {
        "grade": True,
        "solution": spec.is_solution,
        "locked": bool(saved.locked) if saved else not spec.is_solution,
        "grade_id": grade_id,
        "points": spec.max_score,
        "checksum": saved.checksum if saved else None,
    }
    return trusted


def _score_cell(cell, grade_id, definition, question, verdict) -> CellResult:
    from nbgrader.utils import determine_grade

    spec = definition.grade_cells[grade_id]
    trusted = _trusted_cell(cell, grade_id, definition)
    output_score, _ = determine_grade(trusted)
    output_score = (
        None if output_score is None else float(min(max(output_score, 0.0), spec.max_score))
    )
    result = CellResult(spec.max_score, output_score, output_score)
    if spec.is_solution:
        return result  # a manually graded answer: nbgrader's 0 (no response) or None (to grade)
    failed_outputs = output_score is not None and output_score < spec.max_score
    if question is None:
        result.message = failure_message(trusted) if failed_outputs else ""
        return result
    verdict = verdict or {"status": UNREADABLE, "message": UNREADABLE_MESSAGE}
    result.question = question["label"]
    result.recheck = verdict["status"]
    if verdict["status"] != CORRECT:
        result.final = 0.0
        result.removed = bool(output_score)
    # The trusted verdict explains a wrong answer best; the outputs explain the rest
    # (a hidden test failed, the kernel died, the cell was not run).
    if verdict["status"] in ("incorrect", "unanswered"):
        result.message = first_sentence(verdict["message"])
    elif failed_outputs:
        result.message = failure_message(trusted)
    elif result.removed:
        result.message = first_sentence(verdict["message"])
    return result


def auto_comment(cell: NotebookNode | None) -> str | None:
    """nbgrader's automatic comment: "No response." for an answer cell left as released.

    >>> auto_comment(None) is None
    True
    """
    from nbgrader.utils import compute_checksum, is_task

    if cell is None:
        return None
    unchanged = nbgrader_meta(cell).get("checksum") == compute_checksum(cell)
    return NO_RESPONSE if unchanged and not is_task(cell) else None


def _restore_for_feedback(
    notebook: NotebookNode, definition: NotebookDefinition, release: NotebookNode
) -> NotebookNode:
    released = {
        nbgrader_meta(c)["grade_id"]: c for c in release.cells if nbgrader_meta(c).get("grade_id")
    }
    seen: set[str] = set()
    for cell in notebook.cells:
        grade_id = nbgrader_meta(cell).get("grade_id")
        if not grade_id:
            cell.get("metadata", {}).pop("nbgrader", None)
            continue
        if grade_id not in released or grade_id in seen:
            del cell.metadata["nbgrader"]
            continue
        seen.add(grade_id)
        meta = copy.deepcopy(released[grade_id].metadata["nbgrader"])
        saved = definition.source_cells.get(grade_id)
        if saved is not None:
            meta["checksum"] = saved.checksum
            if saved.locked:
                cell.source = saved.source
        cell.metadata["nbgrader"] = meta
    return notebook
