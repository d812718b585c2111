"""nbgrader's parts of the JupyterLab UI, used in chromium as a trainee and as a trainer would.

One Lab server serves a folder holding the scratch course (``course/``, its gradebook filled by
``python -m kit.trainer release``) and the trainee workspace (``workspace/``). The server runs in
the course folder, so nbgrader reads the course's ``nbgrader_config.py``; a temporary exchange is
configured in the server's Jupyter config folder (``c.Exchange.root``).

- Validate (notebook toolbar): the model answer passes; the untouched student version fails on
  the questions not answered yet.
- Assignments (Nbgrader menu): an assignment released with ``nbgrader release_assignment`` is
  listed; Fetch copies it into the trainee's folder.
- Formgrader (its own tab, ``/formgrader``): every assignment of the course is listed.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_lab import LabServer
from browser_page import NOT_ANSWERED, close_notebook, open_notebook, use_menu
from browser_support import (
    VIEWPORT,
    chromium,
    nbgrader_in,
    require_chromium,
    require_japanese_font,
    screenshot,
    stage_notebooks,
    trainee_setup,
)

pytestmark = pytest.mark.browser

NOTEBOOKS = stage_notebooks()
FIRST = NOTEBOOKS[0]
ASSIGNMENTS = sorted({path.split("/")[0] for path in NOTEBOOKS})
VALIDATE_TIMEOUT = 240_000
NO_RESPONSE = "You did not provide a response."


@pytest.fixture(scope="module")
def trainee(tmp_path_factory):
    require_chromium()
    require_japanese_font()
    return trainee_setup(tmp_path_factory)


@pytest.fixture(scope="module")
def exchange(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("exchange")
    os.chmod(folder, 0o777)  # nbgrader's exchange must be writable by every trainee
    return folder


@pytest.fixture(scope="module")
def lab(trainee, exchange, tmp_path_factory) -> Iterator[LabServer]:
    # Fetched assignments go to the trainee's folder, the Lab root (nbgrader's default is the
    # server's working folder, here the course).
    config = (
        "c = get_config()\n"
        f"c.Exchange.root = {str(exchange)!r}\n"
        f"c.Exchange.assignment_dir = {str(trainee.root)!r}\n"
    )
    with LabServer.start(
        trainee.root,
        home=tmp_path_factory.mktemp("lab-nbgrader"),
        cwd=trainee.course,
        nbgrader_config=config,
        env={"KIT_COURSE": str(trainee.course)},
    ) as server:
        yield server


@pytest.fixture(scope="module")
def browser(lab):
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser, lab):
    tab = browser.new_page(viewport=VIEWPORT)
    yield tab
    close_notebook(tab, lab)


@pytest.fixture(scope="module")
def released(trainee, lab) -> str:
    """The first assignment, released to the exchange by the trainer."""
    assignment = ASSIGNMENTS[0]
    nbgrader_in(trainee.course, lab.home / "config", "release_assignment", assignment, "--force")
    return assignment


def _wait_until_settled(page, selector: str, quiet: float = 2.0, timeout: float = 60) -> None:
    """Wait until the HTML of ``selector`` has not changed for ``quiet`` seconds."""
    deadline = time.monotonic() + timeout
    last, since = None, time.monotonic()
    while time.monotonic() < deadline:
        now = page.locator(selector).first.inner_html()
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"{selector} kept changing for {timeout:.0f} s")


def _validate(page, lab: LabServer, path: str) -> tuple[str, str]:
    """Open ``path``, press Validate, return the result dialog's classes and text."""
    open_notebook(page, lab, path)
    page.locator(".jp-NotebookPanel-toolbar .validate-button").first.click()
    message = page.locator(".jp-Dialog #validation-message")
    message.wait_for(timeout=VALIDATE_TIMEOUT)
    return message.get_attribute("class") or "", message.inner_text()


def test_validate_says_success_for_the_model_answer(page, lab, trainee):
    path = f"workspace/{trainee.model_answer(FIRST)}"
    classes, text = _validate(page, lab, path)
    screenshot(page, "nbgrader-validate-model-answer")
    assert "validation-success" in classes, text[:2000]
    assert "Success! Your notebook passes all the tests." in text
    assert page.locator(".jp-Dialog.nbgrader-SuccessDialog").count() == 1


def test_validate_names_the_unanswered_questions_of_the_release(page, lab, trainee):
    path = f"workspace/{trainee.released(FIRST)}"
    classes, text = _validate(page, lab, path)
    screenshot(page, "nbgrader-validate-release")
    assert "validation-failed" in classes, text[:2000]
    assert page.locator(".jp-Dialog.nbgrader-ErrorDialog").count() == 1
    failures = text.split("The following cell failed:")[1:]
    assert failures, text[:2000]
    # Autograder tests say the question is not answered yet; written answers that nbgrader
    # validates say no response was given. Nothing else may fail.
    assert all(NOT_ANSWERED in f or NO_RESPONSE in f for f in failures), text[:3000]
    assert any(NOT_ANSWERED in f for f in failures)


def test_assignment_list_shows_the_released_stage_and_fetches_it(page, lab, trainee, released):
    page.goto(lab.url("lab?reset"))
    page.locator(".lm-MenuBar-item", has_text="Nbgrader").first.wait_for()
    use_menu(page, "Nbgrader", "nbgrader:open-assignment-list")
    item = page.locator("#released_assignments_list .list_item", has_text=released)
    item.wait_for(timeout=60_000)
    # The panel loads its list more than once on opening; a late answer would redraw the
    # list over the fetch below.
    _wait_until_settled(page, "#assignments")
    screenshot(page, "nbgrader-assignment-list-released")
    assert "data-academy" in page.locator("#course_list_default").inner_text()

    item.get_by_role("button", name="Fetch").click()
    fetched = page.locator("#fetched_assignments_list .list_item", has_text=released)
    fetched.wait_for(timeout=60_000)
    _wait_until_settled(page, "#assignments")
    screenshot(page, "nbgrader-assignment-list-fetched")
    expected = sorted(p.split("/", 1)[1] for p in NOTEBOOKS if p.startswith(f"{released}/"))
    assert sorted(p.name for p in (trainee.root / released).glob("*.ipynb")) == expected
    assert page.locator("#released_assignments_list .list_item", has_text=released).count() == 0

    # The trainee opens the fetched notebook from the list. The list is drawn again after the
    # fetch, so a click can land on the row it replaces: expand until the link shows.
    first = expected[0]
    link = fetched.locator(
        ".assignment-notebooks .item_name a", has_text=first.removesuffix(".ipynb")
    )
    for _ in range(5):
        if link.is_visible():
            break
        fetched.locator(".assignment-notebooks-link").click()
        for _ in range(20):
            if link.is_visible():
                break
            page.wait_for_timeout(250)
    link.click()
    page.wait_for_function(
        "path => { const w = window.jupyterapp.shell.currentWidget;"
        " return !!w && !!w.context && w.context.path === path; }",
        arg=f"{released}/{first}",
        timeout=60_000,
    )
    screenshot(page, "nbgrader-assignment-list-opened")


def test_formgrader_lists_every_assignment_of_the_course(page, lab, released):
    page.goto(lab.url("formgrader"))
    page.wait_for_url("**/formgrader/manage_assignments**")
    rows = page.locator("#main-table tr", has=page.locator("td.name"))
    rows.first.wait_for(timeout=60_000)
    page.wait_for_function(
        "n => document.querySelectorAll('#main-table td.name').length >= n",
        arg=len(ASSIGNMENTS),
        timeout=60_000,
    )
    screenshot(page, "nbgrader-formgrader")
    names = [n.strip() for n in page.locator("#main-table td.name").all_inner_texts()]
    assert sorted(names) == ASSIGNMENTS
    status = {
        row.locator("td.name").inner_text().strip(): row.locator("td.status").inner_text().strip()
        for row in rows.all()
    }
    assert status[released] == "released"
    assert {status[a] for a in ASSIGNMENTS if a != released} <= {"draft"}
    for warning in ("#warning-exchange", "#warning-course-id", "#warning-windows"):
        assert page.locator(warning).count() == 0, warning
