"""What there is to grade: the assignment's definitions and release, and each trainee's files.

Reads only trusted material (gradebook, release) and the submitted files as data; nothing here
runs a submission. Each trainee gets a :class:`~kit.trainer.records.TraineeRecord` with the
notebooks that cannot be graded already decided (missing, unreadable, of another assignment) and
a planned job for every notebook that can.

>>> # definitions, release, others = assignment_material(course, settings, "stage0")
>>> # plan(course, "stage0", None, definitions, release, others).jobs[0].trainee
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat.notebooknode import NotebookNode

from kit.errors import KitError
from kit.trainer.course import Course
from kit.trainer.course_config import CourseSettings
from kit.trainer.gradebook_io import NotebookDefinition, has_assignment, load_definitions
from kit.trainer.records import GRADED, MISSING, NotebookRecord, Problem, TraineeRecord
from kit.trainer.roster import valid_trainee_id
from kit.trainer.submission import Prepared, prepare


@dataclass
class PlannedJob:
    """A notebook ready to grade."""

    trainee: str
    notebook: str
    prepared: Prepared


@dataclass
class Plan:
    """Records of every trainee who handed in something, and the jobs to run."""

    records: dict[str, TraineeRecord] = field(default_factory=dict)
    jobs: list[PlannedJob] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def python() -> str:
    """The interpreter that runs grading processes (this environment's).

    >>> import sys
    >>> python() == sys.executable
    True
    """
    return sys.executable


def assignment_material(
    course: Course, settings: CourseSettings, assignment: str
) -> tuple[dict[str, NotebookDefinition], dict[str, NotebookNode], dict[str, NotebookNode]]:
    """The gradebook's definitions, the released notebooks, and other assignments' releases.

    Runs ``generate_assignment`` first when the gradebook or the release lacks the assignment.

    >>> # definitions, release, others = assignment_material(course, settings, "stage0")
    >>> # sorted(definitions)
    >>> # ['intro']
    """
    if not (course.source / assignment).is_dir():
        raise KitError(
            f"課題「{assignment}」が講座にありません。",
            action=f"課題の名前を確認してください（{', '.join(course.assignments())}）。",
        )
    release_folder = course.release / assignment
    notebooks = [p.stem for p in course.notebooks(assignment)]
    missing = [n for n in notebooks if not (release_folder / f"{n}.ipynb").is_file()]
    if missing or not has_assignment(settings.db_url, settings.course_id, assignment):
        course.nbgrader("generate_assignment", assignment, "--force")
    definitions = load_definitions(settings.db_url, settings.course_id, assignment)
    release = {
        name: nbformat.read(release_folder / f"{name}.ipynb", as_version=4) for name in definitions
    }
    others = {}
    for other in course.assignments():
        names = sorted((course.release / other).glob("*.ipynb"))
        for path in names:
            if other == assignment and path.stem in definitions:
                continue
            label = other if len(names) == 1 else f"{other}/{path.stem}"
            others[label] = nbformat.read(path, as_version=4)
    return definitions, release, others


def plan(
    course: Course,
    assignment: str,
    trainees: list[str] | None,
    definitions: dict[str, NotebookDefinition],
    release: dict[str, NotebookNode],
    others: dict[str, NotebookNode],
) -> Plan:
    """Look at every ``submitted/<trainee>/<assignment>/`` folder and decide what to grade.

    >>> # plan(course, "stage0", None, definitions, release, others).records["t01"].notebooks["intro"].status
    >>> # 'graded'
    """
    result = Plan()
    for folder in sorted(course.submitted.glob(f"*/{assignment}")):
        trainee = folder.parent.name
        if trainees and trainee not in trainees:
            continue
        if not folder.is_dir() or not valid_trainee_id(trainee):
            result.skipped.append(
                f"「{trainee}」は受講者IDとして使えない名前のため、採点しませんでした。"
            )
            continue
        record = TraineeRecord(trainee, assignment)
        files = {p.stem: p for p in folder.glob("*.ipynb") if p.is_file()}
        for stem in sorted(set(files) - set(definitions)):
            expected = "、".join(f"{n}.ipynb" for n in definitions)
            record.problems.append(
                Problem(
                    "error",
                    "wrong_name",
                    f"この課題にない名前のファイル「{stem}.ipynb」は採点していません（正しい名前: {expected}）。",
                )
            )
        for name in definitions:
            if name not in files:
                message = f"{name}.ipynb が提出されていません（0 点）。"
                record.notebooks[name] = NotebookRecord(
                    MISSING, [Problem("error", "missing", message)]
                )
                continue
            prepared = prepare(files[name], release[name], others)
            record.notebooks[name] = NotebookRecord(prepared.status, list(prepared.problems))
            if prepared.status == GRADED:
                result.jobs.append(PlannedJob(trainee, name, prepared))
        result.records[trainee] = record
    return result


def submission_timestamp(course: Course, trainee: str, assignment: str) -> str | None:
    """The submission time nbgrader recorded (``timestamp.txt``), if present and readable.

    >>> # submission_timestamp(course, "t01", "stage0")
    >>> # '2026-04-01 10:00:00.000000 UTC'
    """
    from nbgrader.utils import parse_utc

    path: Path = course.submitted / trainee / assignment / "timestamp.txt"
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8", errors="replace").strip()[:100]
    try:
        parse_utc(text)
    except Exception:  # an unreadable timestamp is ignored, as if none were given
        return None
    return text
