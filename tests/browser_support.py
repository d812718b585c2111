"""What the browser tests stand on: the trainee's workspace, Debian's chromium, the font.

- :func:`trainee_setup` builds, once per test session, a scratch copy of the course with the
  student versions and the model answers released and copied into a trainee workspace, exactly as
  ``make workspace`` does (``python -m kit.trainer release`` / ``release --solutions`` /
  ``workspace --with-solutions``), but with ``KIT_COURSE`` pointing at the scratch copy.
- :func:`chromium` starts Debian's chromium with the flags that keep it off the network.
- :func:`require_chromium` skips without chromium (a failure in CI, ``KIT_REQUIRE_ALL=1``);
  :func:`require_japanese_font` always fails without the Japanese font.

The Lab server itself is :class:`browser_lab.LabServer`.

>>> # setup = trainee_setup(tmp_path_factory)
>>> # with chromium() as browser: screenshot(browser.new_page(), "stage0-top")
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from support import REPO, copy_course

from kit.trainer.course import tool_environment

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags chromium keeps trying to reach Google, which the
# closed municipal network (and CI) refuses.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORT = {"width": 1400, "height": 900}
ARTIFACTS = REPO / "test-artifacts" / "browser"
JAPANESE_FONT_FAMILY = "IPAexGothic"
JAPANESE_FONT_PACKAGE = "fonts-ipaexfont-gothic"
SOURCE = REPO / "notebooks" / "source"
MODEL_ANSWERS = "model_answers"


# ---------------------------------------------------------------------------------------------
# Preconditions


def require_chromium() -> None:
    """Skip (a failure under ``KIT_REQUIRE_ALL=1``) when chromium or Playwright is missing."""
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} がありません（apt-get install chromium）")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("Python の playwright がありません")


def japanese_font_families() -> set[str]:
    """Every font family fontconfig says covers Japanese (``fc-list :lang=ja family``)."""
    if shutil.which("fc-list") is None:
        return set()
    out = subprocess.run(
        ["fc-list", ":lang=ja", "family"], capture_output=True, text=True, check=False
    ).stdout
    return {name.strip() for line in out.splitlines() for name in line.split(",") if name.strip()}


def require_japanese_font() -> None:
    """Fail (never skip) when the Japanese UI font is not installed."""
    if JAPANESE_FONT_FAMILY not in japanese_font_families():
        pytest.fail(
            f"フォント {JAPANESE_FONT_FAMILY} がありません。ブラウザで日本語が豆腐（□）になります。"
            f" apt-get install {JAPANESE_FONT_PACKAGE} で入れてください。",
            pytrace=False,
        )


# ---------------------------------------------------------------------------------------------
# The stage notebooks and the trainee's workspace


def stage_notebooks() -> list[str]:
    """``stageN/name.ipynb`` of every stage notebook in the course source, in stage order."""
    return sorted(
        p.relative_to(SOURCE).as_posix()
        for p in SOURCE.glob("*/*.ipynb")
        if p.parent.name.startswith("stage")
    )


def notebook_id(relpath: str) -> str:
    """A short test id: ``stage3/maps.ipynb`` → ``stage3-maps``."""
    return relpath.removesuffix(".ipynb").replace("/", "-")


@dataclass(frozen=True)
class TraineeSetup:
    """The scratch course (released, model answers generated) and the trainee's workspace."""

    root: Path
    course: Path
    workspace: Path

    def released(self, relpath: str) -> str:
        """Path of the student version inside the workspace."""
        return relpath

    def model_answer(self, relpath: str) -> str:
        """Path of the model answer inside the workspace."""
        return f"{MODEL_ANSWERS}/{relpath}"


_SETUP: dict[str, TraineeSetup] = {}


def trainee_setup(factory: pytest.TempPathFactory) -> TraineeSetup:
    """The course released into a trainee workspace; built once per test session.

    The same commands as ``make workspace``, with ``KIT_COURSE`` pointing at a scratch copy.
    """
    if "setup" in _SETUP:
        return _SETUP["setup"]
    root = factory.mktemp("trainee")
    course = copy_course(root / "course")
    _kit_trainer(course, "release")
    _kit_trainer(course, "release", "--solutions")
    workspace = root / "workspace"
    _kit_trainer(course, "workspace", "--into", str(workspace), "--with-solutions")
    _SETUP["setup"] = TraineeSetup(root=root, course=course, workspace=workspace)
    return _SETUP["setup"]


def _kit_trainer(course: Path, *args: str) -> None:
    env = {**tool_environment(), "KIT_COURSE": str(course)}
    env.pop("KIT_WORKDIR", None)
    _module_in(course, env, "kit.trainer", *args)


def nbgrader_in(course: Path, config_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run nbgrader as the trainer, in ``course``, with the test server's Jupyter config."""
    env = {**tool_environment(), "JUPYTER_CONFIG_DIR": str(config_dir)}
    return _module_in(course, env, "nbgrader", *args)


def _module_in(
    cwd: Path, env: dict[str, str], module: str, *args: str
) -> subprocess.CompletedProcess[str]:
    """``python -m module args`` in ``cwd``; fails the test with its output if it fails."""
    proc = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise AssertionError(f"{module} {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc


# ---------------------------------------------------------------------------------------------
# The browser


@contextlib.contextmanager
def chromium(env: dict[str, str] | None = None) -> Iterator[Any]:
    """Debian's chromium, headless, kept off the network (never ``playwright install``)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=LAUNCH_ARGS,
            env={**os.environ, **(env or {})} if env else None,
        )
        try:
            yield browser
        finally:
            browser.close()


def screenshot(page: Any, name: str) -> Path:
    """Save what the page shows now as ``test-artifacts/browser/<name>.png``."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path
