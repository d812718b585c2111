"""Running a stage notebook's two versions side by side in Lab, as the notebook tests need.

:func:`run_both` opens the model answer and the student version in their own tabs, runs both
with Run All at the same time, records what each showed, then runs the student version to its
end the way a trainee continues after a stop; screenshots go to ``test-artifacts/browser/``.

>>> # with run_both(browser, lab, "model_answers/stage0/intro.ipynb", "stage0/intro.ipynb",
>>> #               "stage0-intro") as runs:
>>> #     runs.release.after_run_all
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from browser_page import (
    cells,
    close_notebook,
    go_to_notebook,
    not_run,
    run_remaining,
    scroll_to_cell,
    start,
    wait_until_open,
    wait_until_run,
)
from browser_support import VIEWPORT, screenshot


@dataclass
class Run:
    """A notebook opened in its own tab and run; states are :func:`browser_page.cells` lists."""

    path: str
    name: str
    page: Any
    after_run_all: list[dict[str, Any]]
    final: list[dict[str, Any]] = field(default_factory=list)
    continued_from: list[int] = field(default_factory=list)
    script_errors: list[str] = field(default_factory=list)


@dataclass
class Runs:
    """The model answer and the student version of one notebook, run side by side."""

    model: Run
    release: Run


@contextlib.contextmanager
def run_both(browser: Any, lab: Any, model: str, release: str, name: str) -> Iterator[Runs]:
    """Both versions opened in their own tabs and run with Run All at the same time.

    Afterwards the student version is run to its end the way a trainee continues after a stop
    (Run Selected Cell and All Below from the first cell that did not run).
    """
    paths = {"model": model, "release": release}
    pages: dict[str, Any] = {}
    errors: dict[str, list[str]] = {kind: [] for kind in paths}
    try:
        for kind, path in paths.items():
            pages[kind] = browser.new_page(viewport=VIEWPORT)
            pages[kind].on("pageerror", lambda error, kind=kind: errors[kind].append(str(error)))
            go_to_notebook(pages[kind], lab, path)
        for kind, page in pages.items():
            wait_until_open(page, paths[kind])
        started = {kind: start(page, "runmenu:run-all") for kind, page in pages.items()}
        for kind, page in pages.items():
            wait_until_run(page, started[kind])
        done = {}
        for kind, page in pages.items():
            shot = f"{kind}-{name}"
            state = cells(page)
            done[kind] = Run(paths[kind], shot, page, state, script_errors=errors[kind])
            screenshot(page, f"{shot}-after-run-all")
        _continue_release(done["release"])
        done["model"].final = done["model"].after_run_all
        for run in done.values():
            _shoot_first_figure(run)
        yield Runs(model=done["model"], release=done["release"])
    finally:
        for page in pages.values():
            close_notebook(page, lab)


def _continue_release(run: Run) -> None:
    """Screenshot where Run All stopped, then run the rest as a trainee would."""
    stopped = not_run(run.after_run_all)
    if stopped:
        # Show where Run All stopped: the last cell that ran before the first one that did not.
        ran = [c["index"] for c in run.after_run_all if c["execution_count"] is not None]
        scroll_to_cell(run.page, max([i for i in ran if i < stopped[0]], default=0))
        screenshot(run.page, f"{run.name}-run-all-stopped")
    run.continued_from = run_remaining(run.page)
    run.final = cells(run.page)


def _shoot_first_figure(run: Run) -> None:
    """Screenshot the first figure the notebook shows."""
    figures = [c["index"] for c in run.final if c["images_shown"]]
    if figures:
        scroll_to_cell(run.page, figures[0])
        screenshot(run.page, f"{run.name}-first-figure")
