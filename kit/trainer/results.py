"""Turn one trainee's job outcomes into final scores, gradebook rows, kept notebooks and a record.

Runs in the trusted process, one trainee at a time (SQLite takes one writer): scores are
decided by :mod:`.scoring`, written with :mod:`.gradebook_io`, the cleaned autograded notebooks
go to ``autograded/<trainee>/<assignment>/`` (where feedback and formgrader read them) and the
record with every reason to ``grading/<assignment>/<trainee>.json``.

>>> # store_result(course, settings, "bubblewrap", record, outcomes, verdicts, material, names)
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime

import nbformat
from nbformat.notebooknode import NotebookNode

from kit.trainer import planning
from kit.trainer.course import Course
from kit.trainer.course_config import CourseSettings
from kit.trainer.gradebook_io import NotebookDefinition, NotebookGrades, store_grades, zero_grades
from kit.trainer.jobs import JobOutcome
from kit.trainer.records import FAILED, NotebookRecord, TraineeRecord, write_record
from kit.trainer.scoring import score_notebook

# Files nbgrader's exchange writes next to a submission and reads again later: the submission
# time (late penalties) and the secret ``release_feedback`` signs the feedback pages with.
SUBMISSION_BOOKKEEPING = ("timestamp.txt", "submission_secret.txt")


@dataclass(frozen=True)
class Material:
    """What an assignment is graded against: gradebook definitions, release, kit questions."""

    definitions: dict[str, NotebookDefinition]
    release: dict[str, NotebookNode]
    questions: dict[str, dict]


def store_result(
    course: Course,
    settings: CourseSettings,
    sandbox_kind: str,
    record: TraineeRecord,
    outcomes: dict[tuple[str, str], JobOutcome],
    verdicts: dict[str, dict[str, str]],
    material: Material,
    names: dict[str, str],
) -> TraineeRecord:
    """Score, store and keep one trainee's assignment; returns the completed record.

    >>> # store_result(course, settings, "bubblewrap", record, outcomes, verdicts, material, {}).score
    >>> # 10.0
    """
    trainee, assignment = record.trainee, record.assignment
    record.graded_at = datetime.now().astimezone().isoformat(timespec="seconds")
    record.sandbox = sandbox_kind
    grades: dict[str, NotebookGrades] = {}
    keep: dict[str, NotebookNode] = {}
    for notebook, definition in material.definitions.items():
        grades[notebook] = zero_grades(definition)
        outcome = outcomes.get((trainee, notebook))
        planned = record.notebooks[notebook]
        planned.max_score = definition.max_score
        if outcome is None:
            continue
        if outcome.problem is not None or outcome.notebook_text is None:
            problems = [*planned.problems, *([outcome.problem] if outcome.problem else [])]
            record.notebooks[notebook] = NotebookRecord(
                FAILED, problems, seconds=outcome.seconds, max_score=definition.max_score
            )
            continue
        prefix = f"{trainee}/{notebook}/"
        mine = {
            key.removeprefix(prefix): v for key, v in verdicts.items() if key.startswith(prefix)
        }
        scored = score_notebook(
            outcome.notebook_text, definition, material.release[notebook], material.questions, mine
        )
        scored.record.problems = [*planned.problems, *scored.record.problems]
        scored.record.seconds = outcome.seconds
        scored.record.max_score = definition.max_score
        record.notebooks[notebook] = scored.record
        if scored.notebook is not None:
            grades[notebook] = scored.grades
            keep[notebook] = scored.notebook
    store_grades(
        settings.db_url,
        settings.course_id,
        assignment,
        trainee,
        grades,
        timestamp=planning.submission_timestamp(course, trainee, assignment),
        name=names.get(trainee),
        config=settings.config,
    )
    keep_autograded(course, trainee, assignment, keep)
    write_record(course.records, record)
    return record


def keep_autograded(
    course: Course, trainee: str, assignment: str, notebooks: dict[str, NotebookNode]
) -> None:
    """Replace ``autograded/<trainee>/<assignment>/`` with the cleaned notebooks.

    The submission's time stamp and feedback secret are kept beside them, as nbgrader does.

    >>> # keep_autograded(course, "t01", "stage0", {"intro": notebook})  → autograded/t01/stage0/intro.ipynb
    """
    folder = course.autograded / trainee / assignment
    if folder.exists():
        shutil.rmtree(folder)
    if not notebooks:
        return
    folder.mkdir(parents=True)
    for name, notebook in notebooks.items():
        nbformat.write(notebook, folder / f"{name}.ipynb")
    for name in SUBMISSION_BOOKKEEPING:
        kept = course.submitted / trainee / assignment / name
        if kept.is_file():
            shutil.copy2(kept, folder / name)
