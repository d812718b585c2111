"""Where the course lives and how to run nbgrader on it.

The course root is ``notebooks/`` of a checkout (or ``$KIT_COURSE``); assignments are the folders
of ``source/``, in stage order.

>>> from kit.trainer.course import Course
>>> Course().assignments()[:1]
['stage0']
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from kit.errors import KitError


def default_root() -> Path:
    """The course root: ``$KIT_COURSE`` if set, else ``notebooks/`` next to the kit's checkout.

    >>> default_root().name  # doctest: +SKIP
    'notebooks'
    """
    if os.environ.get("KIT_COURSE"):
        return Path(os.environ["KIT_COURSE"]).resolve()
    return Path(__file__).resolve().parents[2] / "notebooks"


def tool_environment() -> dict[str, str]:
    """This process's environment with the interpreter's own bin folder first on PATH.

    nbgrader starts helper programs (e.g. ``alembic``) by name; with an unactivated virtual
    environment they would not be found.

    >>> import sys, os
    >>> tool_environment()["PATH"].startswith(os.path.dirname(sys.executable))
    True
    """
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


@dataclass(frozen=True)
class Course:
    """An nbgrader course directory with ``nbgrader_config.py`` and ``source/<assignment>/``."""

    root: Path = field(default_factory=default_root)

    def __post_init__(self) -> None:
        if not (self.root / "nbgrader_config.py").is_file():
            raise KitError(
                f"講座のフォルダ「{self.root}」に nbgrader_config.py がありません。",
                action="キットの notebooks フォルダを指定してください（環境変数 KIT_COURSE）。",
            )

    @property
    def source(self) -> Path:
        return self.root / "source"

    @property
    def release(self) -> Path:
        return self.root / "release"

    @property
    def solution(self) -> Path:
        return self.root / "solution"

    @property
    def submitted(self) -> Path:
        return self.root / "submitted"

    @property
    def autograded(self) -> Path:
        return self.root / "autograded"

    @property
    def feedback(self) -> Path:
        return self.root / "feedback"

    @property
    def records(self) -> Path:
        """Grading records of the kit (``grading/<assignment>/<trainee>.json``): reasons, re-checks."""
        return self.root / "grading"

    @property
    def roster(self) -> Path:
        """The optional class roster (``roster.csv``: trainee IDs, optionally names)."""
        return self.root / "roster.csv"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    def assignments(self) -> list[str]:
        """Assignment names (folders of ``source/`` holding notebooks), sorted: stage0, stage1, …

        Other folders (e.g. a ``my_work/`` left by running a source notebook in place) are not
        assignments.
        """
        return sorted(
            p.name
            for p in self.source.iterdir()
            if p.is_dir() and not p.name.startswith(".") and any(p.glob("*.ipynb"))
        )

    def notebooks(self, assignment: str) -> list[Path]:
        """Source notebooks of one assignment."""
        return sorted((self.source / assignment).glob("*.ipynb"))

    def nbgrader(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run ``nbgrader <args>`` in the course root with this interpreter; Japanese error on failure."""
        proc = subprocess.run(
            [sys.executable, "-m", "nbgrader", *args],
            cwd=self.root,
            env=tool_environment(),
            capture_output=True,
            text=True,
            check=False,
        )
        if check and proc.returncode != 0:
            raise KitError(
                f"nbgrader {' '.join(args)} が失敗しました（終了コード {proc.returncode}）。\n"
                f"{proc.stderr[-3000:]}",
                action="上のログを確認してください。",
            )
        return proc
