"""A practice class: synthetic submissions made from the release and the model answers.

For rehearsing the grading workflow before a workshop (and for the kit's own tests and
benchmarks): each synthetic trainee hands in the released notebook with the model answers
typed in, except for the questions chosen to be wrong, whose answer variables are set to
``None`` (a wrong answer every kit checker rejects). No personal data: IDs are ``t001``, ….

>>> # write_practice_class(Course(), "stage0", trainees=20, wrong_share=0.2, seed=1)
"""

from __future__ import annotations

import copy
import importlib
import random
from pathlib import Path

import nbformat
from nbformat.notebooknode import NotebookNode

from kit.trainer.course import Course
from kit.trainer.submission import nbgrader_meta

ANSWER_SUFFIX = "_answer"


def model_answers(source: NotebookNode) -> dict[str, str]:
    """grade_id → the model answer of each autograded answer cell (solution markers removed).

    >>> # model_answers(nbformat.read("notebooks/source/stage0/intro.ipynb", 4))["q5_answer"]
    >>> # 'n_old = len(facilities[facilities["建築年"] < 1981])'
    """
    answers = {}
    for cell in source.cells:
        meta = nbgrader_meta(cell)
        if meta.get("solution") and not meta.get("grade") and cell.cell_type == "code":
            lines = cell.source.split("\n")
            answers[meta["grade_id"]] = "\n".join(line for line in lines if "SOLUTION" not in line)
    return answers


def answer_names(assignment: str) -> dict[str, list[str]]:
    """Answer cell grade_id (``qN_answer``) → the answer variables of question ``qN``.

    >>> answer_names("stage0")["q1_answer"]
    ['kominkan']
    """
    try:
        module = importlib.import_module(f"kit.exercises.{assignment}")
    except ImportError:
        return {}
    return {
        f"{key}{ANSWER_SUFFIX}": list(q.names)
        for key, q in getattr(module, "QUESTIONS", {}).items()
    }


def fill(release: NotebookNode, answers: dict[str, str]) -> NotebookNode:
    """A copy of the release with the given answer cells' sources replaced.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("", metadata={"nbgrader": {"grade_id": "q1_answer"}})])
    >>> fill(nb, {"q1_answer": "x = 1"}).cells[0].source
    'x = 1'
    """
    filled = copy.deepcopy(release)
    for cell in filled.cells:
        grade_id = nbgrader_meta(cell).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    return filled


def practice_notebook(
    release: NotebookNode, source: NotebookNode, assignment: str, wrong: set[str] = frozenset()
) -> NotebookNode:
    """The release answered with the model answers; answer cells in ``wrong`` answered wrongly.

    >>> # practice_notebook(release, source, "stage0", {"q3_answer"})  → q3 answered with None
    """
    answers = model_answers(source)
    names = answer_names(assignment)
    for grade_id in wrong:
        answers[grade_id] = (
            "\n".join(f"{name} = None" for name in names.get(grade_id, [])) or "pass"
        )
    return fill(release, answers)


def write_practice_class(
    course: Course, assignment: str, *, trainees: int, wrong_share: float = 0.2, seed: int = 0
) -> list[str]:
    """Write ``trainees`` synthetic submissions to ``submitted/``; returns their IDs.

    >>> # write_practice_class(Course(), "stage0", trainees=3)
    >>> # ['t001', 't002', 't003']
    """
    rng = random.Random(seed)
    ids = [f"t{n:03d}" for n in range(1, trainees + 1)]
    for notebook in course.notebooks(assignment):
        source = nbformat.read(notebook, as_version=4)
        release = nbformat.read(course.release / assignment / notebook.name, as_version=4)
        answer_cells = sorted(model_answers(source))
        for trainee in ids:
            wrong = {g for g in answer_cells if rng.random() < wrong_share}
            target: Path = course.submitted / trainee / assignment / notebook.name
            target.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(practice_notebook(release, source, assignment, wrong), target)
    return ids
