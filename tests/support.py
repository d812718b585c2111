"""Helpers shared by the tests: paths, a scratch copy of the course, running nbgrader."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from kit.trainer.course import tool_environment

REPO = Path(__file__).resolve().parents[1]
COURSE = REPO / "notebooks"


def copy_course(target: Path) -> Path:
    """A scratch copy of the course (config and sources only) to grade in without touching the repo."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(COURSE / "nbgrader_config.py", target / "nbgrader_config.py")
    shutil.copytree(
        COURSE / "source",
        target / "source",
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "my_work"),
    )
    return target


def nbgrader(course: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run real nbgrader in a course folder."""
    proc = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=course,
        env=tool_environment(),
        capture_output=True,
        text=True,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"nbgrader {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc


def assignments() -> list[str]:
    return sorted({p.parent.name for p in (COURSE / "source").glob("*/*.ipynb")})


def source_notebooks() -> list[Path]:
    return sorted((COURSE / "source").glob("*/*.ipynb"))


def read_notebook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def hidden_regions(notebook: dict, min_length: int = 8) -> list[str]:
    """Text of every hidden-test line of a notebook (delimiters excluded).

    Lines shorter than ``min_length`` (a lone ``)`` or ``]``) are skipped: they say nothing and
    would match any page.
    """
    lines = []
    for cell in notebook["cells"]:
        inside = False
        for line in "".join(cell["source"]).split("\n"):
            if "BEGIN HIDDEN TESTS" in line:
                inside = True
            elif "END HIDDEN TESTS" in line:
                inside = False
            elif inside and len(line.strip()) >= min_length:
                lines.append(line.strip())
    return lines


def solution_regions(notebook: dict) -> list[str]:
    """Text of every line inside BEGIN/END SOLUTION regions."""
    lines = []
    for cell in notebook["cells"]:
        inside = False
        for line in "".join(cell["source"]).split("\n"):
            if "BEGIN SOLUTION" in line:
                inside = True
            elif "END SOLUTION" in line:
                inside = False
            elif inside and line.strip():
                lines.append(line.strip())
    return lines
