"""The course's nbgrader settings as nbgrader itself would see them (read, never changed).

nbgrader merges ``nbgrader_config.py`` from Jupyter's config folders (e.g. ``/etc/jupyter`` on
a workshop server) with the one in the course root; the course root wins.

>>> from kit.trainer.course import Course
>>> settings = course_settings(Course())
>>> settings.course_id
'data-academy'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.trainer.course import Course

DEFAULT_EXCHANGE = "/srv/nbgrader/exchange"


@dataclass(frozen=True)
class CourseSettings:
    """The settings the trainers' commands need, with nbgrader's defaults filled in."""

    course_id: str
    db_url: str
    exchange_root: Path
    exchange_configured: bool
    config: Any  # traitlets Config, for nbgrader classes built in this process


def load_config(course: Course) -> Any:
    """Merged traitlets ``Config`` of every ``nbgrader_config.py`` nbgrader would read.

    >>> load_config(Course())["CourseDirectory"]["course_id"]
    'data-academy'
    """
    from jupyter_core.paths import jupyter_config_path
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    merged = Config()
    folders = [*reversed(jupyter_config_path()), str(course.root)]
    for folder in folders:
        if (Path(folder) / "nbgrader_config.py").is_file():
            merged.merge(PyFileConfigLoader("nbgrader_config.py", path=folder).load_config())
    return merged


def course_settings(course: Course) -> CourseSettings:
    """Course id, gradebook URL and exchange root of the course.

    >>> course_settings(Course()).db_url.endswith("gradebook.db")
    True
    """
    config = load_config(course)
    course_dir = config.get("CourseDirectory", {})
    exchange = config.get("Exchange", {})
    db_url = course_dir.get("db_url") or f"sqlite:///{course.root / 'gradebook.db'}"
    root = exchange.get("root")
    return CourseSettings(
        course_id=str(course_dir.get("course_id") or "default_course"),
        db_url=str(db_url),
        exchange_root=Path(root or DEFAULT_EXCHANGE),
        exchange_configured=bool(root),
        config=config,
    )
