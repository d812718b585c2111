"""The gradebook a grading job gets: only the assignment's definitions, nothing of anyone.

nbgrader's autograde needs a gradebook: it restores locked cells (the test cells with their
hidden tests) from it and writes the scores into it. The job's copy holds the assignment's
notebooks and cells as ``generate_assignment`` saved them — answer cells as the released stubs,
never the model answers — and no trainee, no submission, no other assignment. A course on
SQLite is copied and pruned, then vacuumed (deleted rows leave no trace in the file); any other
database is rebuilt cell by cell through nbgrader's API.

>>> # assignment_gradebook(settings.db_url, "data-academy", "stage0", release, area.root).name
>>> # 'gradebook-stage0.db'
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from nbformat.notebooknode import NotebookNode

from kit.trainer.course import tool_environment
from kit.trainer.submission import nbgrader_meta

MARK_SCHEME = "BEGIN MARK SCHEME"


def assignment_gradebook(
    db_url: str, course_id: str, assignment: str, release: dict[str, NotebookNode], folder: Path
) -> Path:
    """A new SQLite gradebook with only ``assignment``'s definitions, in ``folder``.

    ``release`` maps notebook names to released notebooks: a source cell that still carries a
    mark scheme (nbgrader saves cells before removing it) gets the released text instead.

    >>> # assignment_gradebook(settings.db_url, "data-academy", "stage0", release, area.root)
    """
    target = folder / f"gradebook-{assignment}.db"
    target.unlink(missing_ok=True)
    source = sqlite_file(db_url)
    if source is not None and source.is_file():
        _pruned_copy(source, target, course_id, assignment)
    else:
        _rebuilt(db_url, course_id, assignment, target)
    _without_mark_schemes(target, course_id, assignment, release)
    return target


def sqlite_file(db_url: str) -> Path | None:
    """The file of a ``sqlite:///…`` URL (None for other databases).

    >>> sqlite_file("sqlite:////srv/course/gradebook.db").as_posix()
    '/srv/course/gradebook.db'
    >>> sqlite_file("postgresql://grader@db/course") is None
    True
    """
    prefix = "sqlite:///"
    return Path(db_url[len(prefix) :]) if db_url.startswith(prefix) else None


def _pruned_copy(source: Path, target: Path, course_id: str, assignment: str) -> None:
    from nbgrader.api import Gradebook

    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    writer = sqlite3.connect(target)
    try:
        reader.backup(writer)  # consistent even while formgrader has the gradebook open
    finally:
        reader.close()
        writer.close()
    with Gradebook(f"sqlite:///{target}", course_id) as gb:
        for student in list(gb.students):
            gb.remove_student(student.id)
        for other in list(gb.assignments):
            if other.name != assignment:
                gb.remove_assignment(other.name)
    connection = sqlite3.connect(target)
    try:
        connection.execute("VACUUM")
    finally:
        connection.close()


@contextlib.contextmanager
def _tools_on_path() -> Iterator[None]:
    """nbgrader runs ``alembic`` by name when it creates a gradebook."""
    old = os.environ.get("PATH", "")
    os.environ["PATH"] = tool_environment()["PATH"]
    try:
        yield
    finally:
        os.environ["PATH"] = old


def _rebuilt(db_url: str, course_id: str, assignment: str, target: Path) -> None:
    from nbgrader.api import Gradebook

    with (
        _tools_on_path(),
        Gradebook(db_url, course_id) as src,
        Gradebook(f"sqlite:///{target}", course_id) as dst,
    ):
        original = src.find_assignment(assignment)
        dst.add_assignment(assignment, duedate=original.duedate)
        for notebook in original.notebooks:
            name = notebook.name
            dst.add_notebook(name, assignment, kernelspec=notebook.kernelspec)
            for cell in notebook.grade_cells:
                dst.add_grade_cell(
                    cell.name, name, assignment, max_score=cell.max_score, cell_type=cell.cell_type
                )
            for cell in notebook.solution_cells:
                dst.add_solution_cell(cell.name, name, assignment)
            for cell in notebook.task_cells:
                dst.add_task_cell(
                    cell.name, name, assignment, max_score=cell.max_score, cell_type=cell.cell_type
                )
            for cell in notebook.source_cells:
                dst.add_source_cell(
                    cell.name,
                    name,
                    assignment,
                    cell_type=cell.cell_type,
                    locked=cell.locked,
                    source=cell.source,
                    checksum=cell.checksum,
                )


def _without_mark_schemes(
    target: Path, course_id: str, assignment: str, release: dict[str, NotebookNode]
) -> None:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{target}", course_id) as gb:
        for notebook in gb.find_assignment(assignment).notebooks:
            released = {
                nbgrader_meta(c)["grade_id"]: c
                for c in (release[notebook.name].cells if notebook.name in release else [])
                if nbgrader_meta(c).get("grade_id")
            }
            for cell in notebook.source_cells:
                if MARK_SCHEME in cell.source and cell.name in released:
                    cell.source = released[cell.name].source
                    cell.checksum = nbgrader_meta(released[cell.name]).get(
                        "checksum", cell.checksum
                    )
        gb.db.commit()
