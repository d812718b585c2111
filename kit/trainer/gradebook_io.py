"""The real gradebook, used only from the trusted process: definitions out, final grades in.

Grades are written the way nbgrader's ``SaveAutoGrades`` writes them (a cell with a manual
score, or without an automatic one, is marked for manual grading; an untouched answer gets the
comment "No response."), and late penalties come from nbgrader's own ``AssignLatePenalties``.

>>> # defs = load_definitions(settings, "stage0")["intro"]; defs.grade_cells["q1_test"].max_score
>>> # 2.0
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any

NO_RESPONSE = "No response."


@dataclass(frozen=True)
class GradeDef:
    """A graded cell as the gradebook defines it."""

    max_score: float
    cell_type: str
    is_solution: bool
    is_task: bool = False


@dataclass(frozen=True)
class SourceDef:
    """A cell's source as saved at release (answer stubs; tests with their hidden part)."""

    cell_type: str
    locked: bool
    source: str
    checksum: str | None


@dataclass
class NotebookDefinition:
    """Graded cells, cells with comments and saved sources of one notebook of the assignment."""

    name: str
    grade_cells: dict[str, GradeDef] = field(default_factory=dict)
    comment_cells: list[str] = field(default_factory=list)
    source_cells: dict[str, SourceDef] = field(default_factory=dict)

    @property
    def max_score(self) -> float:
        return sum(cell.max_score for cell in self.grade_cells.values())


@dataclass
class NotebookGrades:
    """What to store for one notebook: automatic scores per graded cell and automatic comments."""

    scores: dict[str, float | None] = field(default_factory=dict)
    comments: dict[str, str | None] = field(default_factory=dict)


def has_assignment(db_url: str, course_id: str, assignment: str) -> bool:
    """Whether ``generate_assignment`` has recorded the assignment's notebooks in the gradebook.

    >>> # has_assignment(settings.db_url, settings.course_id, "stage0")
    >>> # True
    """
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(db_url, course_id) as gb:
        try:
            return len(gb.find_assignment(assignment).notebooks) > 0
        except MissingEntry:
            return False


def load_definitions(db_url: str, course_id: str, assignment: str) -> dict[str, NotebookDefinition]:
    """Notebook name → its definition, read from the gradebook.

    >>> # load_definitions(settings.db_url, settings.course_id, "stage0")["intro"].max_score
    >>> # 13.0
    """
    from nbgrader.api import Gradebook

    found = {}
    with Gradebook(db_url, course_id) as gb:
        for notebook in gb.find_assignment(assignment).notebooks:
            definition = NotebookDefinition(notebook.name)
            solutions = {c.name for c in notebook.solution_cells}
            for cell in notebook.grade_cells:
                definition.grade_cells[cell.name] = GradeDef(
                    float(cell.max_score), cell.cell_type, cell.name in solutions
                )
            for cell in notebook.task_cells:
                definition.grade_cells[cell.name] = GradeDef(
                    float(cell.max_score), cell.cell_type, False, True
                )
            definition.comment_cells = sorted(solutions | {c.name for c in notebook.task_cells})
            for cell in notebook.source_cells:
                definition.source_cells[cell.name] = SourceDef(
                    cell.cell_type, bool(cell.locked), cell.source, cell.checksum
                )
            found[notebook.name] = definition
    return found


def zero_grades(definition: NotebookDefinition) -> NotebookGrades:
    """Grades of a notebook that could not be graded: 0 everywhere (as nbgrader does when missing).

    >>> zero_grades(NotebookDefinition("intro", {"q1_test": GradeDef(2.0, "code", False)})).scores
    {'q1_test': 0.0}
    """
    return NotebookGrades(
        scores={name: 0.0 for name, cell in definition.grade_cells.items() if not cell.is_task},
        comments=dict.fromkeys(definition.comment_cells),
    )


def store_grades(
    db_url: str,
    course_id: str,
    assignment: str,
    trainee: str,
    grades: dict[str, NotebookGrades],
    *,
    timestamp: str | None = None,
    name: str | None = None,
    config: Any = None,
) -> None:
    """Write one trainee's grades of one assignment into the gradebook (creating the submission).

    >>> # store_grades(url, "data-academy", "stage0", "t01", {"intro": NotebookGrades({"q1_test": 2.0})})
    """
    from nbgrader.api import Gradebook

    with warnings.catch_warnings(), Gradebook(db_url, course_id) as gb:
        # nbgrader's add_submission builds rows before adding them to the session (SAWarning).
        warnings.simplefilter("ignore")
        gb.update_or_create_student(trainee, **({"last_name": name} if name else {}))
        gb.update_or_create_submission(
            assignment, trainee, **({"timestamp": timestamp} if timestamp else {})
        )
        for notebook, result in grades.items():
            for cell, score in result.scores.items():
                grade = gb.find_grade(cell, notebook, assignment, trainee)
                grade.auto_score = score
                grade.needs_manual_grade = grade.manual_score is not None or score is None
            for cell, comment_text in result.comments.items():
                gb.find_comment(cell, notebook, assignment, trainee).auto_comment = comment_text
        gb.db.commit()
    for notebook in grades:
        _late_penalty(db_url, assignment, trainee, notebook, config)


def _late_penalty(db_url: str, assignment: str, trainee: str, notebook: str, config: Any) -> None:
    import nbformat
    from nbgrader.preprocessors import AssignLatePenalties

    resources = {
        "nbgrader": {
            "notebook": notebook,
            "assignment": assignment,
            "student": trainee,
            "db_url": db_url,
        }
    }
    kwargs = {"config": config} if config is not None else {}
    AssignLatePenalties(**kwargs).preprocess(nbformat.v4.new_notebook(), resources)
