"""Scratch courses for grading: one folder per job holding nothing but what that job needs.

A job's ``course/`` holds the course's ``nbgrader_config.py``, a gradebook with only the
assignment's definitions (the answer cells as the released stubs, the test cells with their
hidden tests — no model answers, no trainees, no other assignment) and the one submission; the
grading worker uses it. The job's ``kernel/`` is the only folder its sandboxed kernel sees and
the only place it may write: the release's extra files, a fresh home, ``tmp``, the answers.

>>> # area = WorkArea.create(); kernel = fill_job_folder(area.root / "jobs" / "1", ...)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat.notebooknode import NotebookNode

from kit.trainer.sandbox import Limits, Sandbox


@dataclass(frozen=True)
class WorkArea:
    """A temporary folder for one grading run (removed afterwards unless kept)."""

    root: Path

    @classmethod
    def create(cls, base: Path | None = None) -> WorkArea:
        return cls(Path(tempfile.mkdtemp(prefix="kit-grading-", dir=base)).resolve())

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def sandbox_env(folder: Path, data_dir: Path, *, isolated: bool) -> dict[str, str]:
    """A clean environment for a grading process: nothing inherited from the trainer's shell.

    >>> sandbox_env(Path("/s/1"), Path("/data"), isolated=True)["HOME"]
    '/s/1/home'
    """
    home = folder / "home"
    share = home / ".local" / "share" / "jupyter"
    return {
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), "/usr/bin", "/bin"]),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TMPDIR": "/tmp" if isolated else str(folder / "tmp"),
        "KIT_DATA_DIR": str(data_dir),
        "MPLCONFIGDIR": str(home / ".config" / "matplotlib"),
        "IPYTHONDIR": str(home / ".ipython"),
        "JUPYTER_PLATFORM_DIRS": "1",
        "JUPYTER_CONFIG_DIR": str(home / ".jupyter"),
        "JUPYTER_DATA_DIR": str(share),
        "JUPYTER_RUNTIME_DIR": str(share / "runtime"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONUTF8": "1",
        # N graders run side by side: one thread each for the numeric libraries.
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }


def confined(
    sandbox: Sandbox,
    folder: Path,
    argv: list[str],
    *,
    readable: list[Path],
    data_dir: Path,
    limits: Limits,
) -> tuple[list[str], dict[str, str]]:
    """A command confined to ``folder`` (created with home/ and tmp/), and its environment.

    >>> command, env = confined(Sandbox("none"), Path("/tmp/kit-doc"), ["python"], readable=[],
    ...                         data_dir=Path("/data"), limits=Limits())
    >>> command[-1], env["HOME"]
    ('python', '/tmp/kit-doc/home')
    """
    (folder / "home").mkdir(parents=True, exist_ok=True)
    (folder / "tmp").mkdir(exist_ok=True)
    env = sandbox_env(folder, data_dir, isolated=sandbox.isolated)
    command = sandbox.command(
        [*limits.prefix(), *argv], scratch=folder, readable=readable, env=env, cwd=folder
    )
    return command, env


def warm_home(
    sandbox: Sandbox, folder: Path, *, readable: list[Path], data_dir: Path, limits: Limits
) -> Path | None:
    """A home folder with matplotlib's and fontconfig's caches built once, to copy into every job.

    >>> # warm_home(detect_sandbox(), area.root / "warmup", readable=..., data_dir=..., limits=Limits())
    """
    argv = [sys.executable, "-c", "import matplotlib.font_manager, kit; kit.setup()"]
    command, env = confined(
        sandbox, folder, argv, readable=readable, data_dir=data_dir, limits=limits
    )
    proc = subprocess.run(
        command, env=env, cwd=folder, capture_output=True, check=False, timeout=600
    )
    return folder / "home" if proc.returncode == 0 else None


def fill_job_folder(
    folder: Path,
    *,
    course_root: Path,
    gradebook: Path,
    home_template: Path | None,
    release_folder: Path,
    trainee: str,
    assignment: str,
    notebook_name: str,
    notebook: NotebookNode,
) -> Path:
    """Write a job's scratch course (``course/``) and its kernel's folder (``kernel/``).

    Only ``kernel/`` is shown to the kernel: its working folder with the release's extra files
    (data a notebook reads by a relative path), a home and a ``tmp``. The scratch course, where
    nbgrader keeps the gradebook and writes the autograded notebook, stays out of its reach.
    Returns the kernel's folder.

    >>> # fill_job_folder(folder, course_root=..., gradebook=..., home_template=None,
    >>> #                 release_folder=..., trainee="t01", assignment="stage0",
    >>> #                 notebook_name="intro", notebook=nb).name
    >>> # 'kernel'
    """
    course = folder / "course"
    submitted = course / "submitted" / trainee / assignment
    submitted.mkdir(parents=True)
    shutil.copy2(course_root / "nbgrader_config.py", course / "nbgrader_config.py")
    shutil.copy2(gradebook, course / "gradebook.db")
    nbformat.write(notebook, submitted / f"{notebook_name}.ipynb")
    (course / "source" / assignment).mkdir(parents=True)
    kernel = folder / "kernel"
    if release_folder.is_dir():
        extra = shutil.ignore_patterns("*.ipynb", ".ipynb_checkpoints")
        shutil.copytree(release_folder, kernel, ignore=extra)
    kernel.mkdir(exist_ok=True)
    if home_template is not None and home_template.is_dir():
        shutil.copytree(home_template, kernel / "home", symlinks=True)
    for name in ("home", "tmp", "ipc", "answers"):
        (kernel / name).mkdir(exist_ok=True)
    return kernel
