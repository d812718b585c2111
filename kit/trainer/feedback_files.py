"""Feedback pages for each trainee, checked for hidden tests before anyone sees them.

``python -m kit.trainer feedback --assignment stage0 [--release]`` runs nbgrader's
``generate_feedback`` with the course's configuration (which redacts hidden tests, see
:mod:`kit.trainer.feedback`), then reads every page it wrote: a page that still shows a line of
a hidden test is deleted and reported, never handed out. ``--release`` then puts the pages in
the exchange (``release_feedback``) for trainees to fetch.

>>> # result = generate_feedback(Course(), "stage0")
>>> # result.pages[:1], result.withheld
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from kit.errors import KitError
from kit.trainer.course import Course
from kit.trainer.feedback import hidden_lines

_TAGS = re.compile(r"<[^>]+>")


@dataclass
class FeedbackResult:
    """Pages written, pages withheld (path, hidden line found), and whether they were released."""

    pages: list[Path] = field(default_factory=list)
    withheld: list[tuple[Path, str]] = field(default_factory=list)
    released: bool = False


def secret_lines(course: Course, assignment: str) -> set[str]:
    """Hidden-test lines of the assignment's sources that appear nowhere in the release.

    >>> # secret_lines(Course(), "stage0") & {'assert type(top_name) is str'}
    >>> # {'assert type(top_name) is str'}
    """
    found: set[str] = set()
    for source in course.notebooks(assignment):
        lines = hidden_lines(nbformat.read(source, as_version=4).cells)
        release = course.release / assignment / source.name
        cells = nbformat.read(release, as_version=4).cells if release.is_file() else []
        visible = "\n".join(cell.source for cell in cells)
        found |= {line for line in lines if line not in visible and "HIDDEN TESTS" not in line}
    return found


def page_text(path: Path) -> str:
    """What a reader of the HTML page sees, as plain text.

    >>> # page_text(Path("feedback/t01/stage0/intro.html"))[:9]
    """
    return html.unescape(_TAGS.sub("", path.read_text(encoding="utf-8")))


def generate_feedback(course: Course, assignment: str, *, release: bool = False) -> FeedbackResult:
    """Generate (and optionally release) feedback; pages quoting a hidden test are withheld.

    >>> # generate_feedback(Course(), "stage0", release=True).released
    >>> # True
    """
    if not (course.autograded).is_dir() or not any(course.autograded.glob(f"*/{assignment}")):
        raise KitError(
            f"課題「{assignment}」の採点結果がありません。",
            action="先に「python -m kit.trainer grade」で採点してください。",
        )
    course.nbgrader("generate_feedback", assignment, "--force")
    secrets = secret_lines(course, assignment)
    result = FeedbackResult()
    for page in sorted(course.feedback.glob(f"*/{assignment}/*.html")):
        text = page_text(page)
        leaked = next((line for line in secrets if line in text), None)
        if leaked is None:
            result.pages.append(page)
        else:
            page.unlink()
            result.withheld.append((page, leaked))
    if release:
        course.nbgrader("release_feedback", assignment)
        result.released = True
    return result
