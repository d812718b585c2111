"""Release the student versions, the model answers, and the trainee's own working copy.

>>> # release(Course())                      → notebooks/release/<stage>/
>>> # release(Course(), solutions=True)      → notebooks/solution/<stage>/
>>> # fill_workspace(Course(), Path("workspace"), with_solutions=True)
"""

from __future__ import annotations

import shutil
from pathlib import Path

from kit.trainer.course import Course

SOLUTIONS_FOLDER = "model_answers"


def release(
    course: Course, *, solutions: bool = False, assignments: list[str] | None = None
) -> list[Path]:
    """Generate the student versions (or, with ``solutions``, model answers) of the assignments.

    >>> # release(Course(), assignments=["stage0"])
    >>> # [PosixPath('notebooks/release/stage0')]
    """
    command = "generate_solution" if solutions else "generate_assignment"
    out_root = course.solution if solutions else course.release
    done = []
    for name in assignments or course.assignments():
        course.nbgrader(command, name, "--force")
        done.append(out_root / name)
    return done


def fill_workspace(course: Course, into: Path, *, with_solutions: bool = False) -> list[Path]:
    """Copy released notebooks into the trainee's folder; files already there are never touched.

    Returns the files copied. Model answers go to ``<into>/model_answers/`` when asked for.

    >>> # fill_workspace(Course(), Path("workspace"))[:1]
    >>> # [PosixPath('workspace/stage0/intro.ipynb')]
    """
    copied = _copy_missing(course.release, into)
    if with_solutions:
        copied += _copy_missing(course.solution, into / SOLUTIONS_FOLDER)
    return copied


def _copy_missing(source: Path, target: Path) -> list[Path]:
    copied = []
    for file in sorted(source.rglob("*")):
        # Dot files are bookkeeping (e.g. the Makefile's ``.released`` stamp), not course files.
        if not file.is_file() or any(
            part.startswith(".") for part in file.relative_to(source).parts
        ):
            continue
        destination = target / file.relative_to(source)
        if destination.exists():
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(file, destination)
        copied.append(destination)
    return copied
