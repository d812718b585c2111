"""Each stage notebook as a trainee sees it: JupyterLab in Debian's chromium, Run All, look.

One Lab server serves the trainee workspace (student versions and model answers, released from a
scratch copy of the course); one chromium is shared by the module. For every stage notebook found
in ``notebooks/source``:

- the model answer runs with Run All and shows no error, no red stderr box, every figure, and
  Japanese drawn with a Japanese font;
- the student version, before any answer, runs with Run All to its end; its only errors are the
  autograder cells' 「まだ答えがありません」; its figures show; every widget answers a change.

Screenshots go to ``test-artifacts/browser/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser_fonts import japanese_rendering_problems
from browser_lab import LabServer
from browser_page import (
    close_notebook,
    error_outputs,
    first_markdown_heading,
    image_outputs,
    is_not_answered_yet,
    not_run,
    open_notebook,
    run_all,
    scroll_to_cell,
    stderr_outputs,
    widget_cells,
)
from browser_runs import Run, Runs, run_both
from browser_support import (
    VIEWPORT,
    chromium,
    japanese_font_families,
    notebook_id,
    require_chromium,
    require_japanese_font,
    screenshot,
    stage_notebooks,
    trainee_setup,
)
from browser_widgets import exercise_widget, widget_view

pytestmark = pytest.mark.browser

NOTEBOOKS = stage_notebooks()
# A cell calling one of these draws a figure; a notebook with such a cell must show one.
DRAWING_CALLS = (".draw(", "draw_", "kit.plot.", "kit.geo.", "static_view(", "plt.", "sns.")
HEADING = ".jp-MarkdownCell .jp-RenderedMarkdown :is(h1, h2)"


@pytest.fixture(scope="module")
def trainee(tmp_path_factory):
    require_chromium()
    require_japanese_font()
    return trainee_setup(tmp_path_factory)


@pytest.fixture(scope="module")
def lab(trainee, tmp_path_factory) -> Iterator[LabServer]:
    with LabServer.start(
        trainee.workspace, home=tmp_path_factory.mktemp("lab-notebooks"), cwd=trainee.root
    ) as server:
        yield server


@pytest.fixture(scope="module")
def browser(lab):
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=notebook_id)
def runs(request, trainee, lab, browser) -> Iterator[Runs]:
    relpath = request.param
    model, release = trainee.model_answer(relpath), trainee.released(relpath)
    with run_both(browser, lab, model, release, notebook_id(relpath)) as both:
        yield both


def _describe(state: list[dict[str, Any]], index: int) -> str:
    cell = state[index]
    label = cell["grade_id"] or cell["id"]
    return f"cell {index} ({label}): {cell['source'].strip().splitlines()[0][:70]!r}"


# --------------------------------------------------------------------------------------------
# Model answers


def test_model_answers_run_all_reaches_every_cell(runs):
    model = runs.model
    missed = not_run(model.after_run_all)
    assert not missed, (
        f"{model.path}: Run All left {len(missed)} code cells unrun, from "
        f"{_describe(model.after_run_all, missed[0])}"
    )


def test_model_answers_show_no_error_at_all(runs):
    state = runs.model.final
    assert error_outputs(state) == []
    assert stderr_outputs(state) == []
    assert [c["index"] for c in state if c["stderr_shown"]] == []
    assert runs.model.script_errors == []


def test_model_answers_show_every_figure(runs):
    _assert_figures_shown(runs.model)


def test_japanese_is_drawn_with_a_japanese_font(runs):
    page = runs.model.page
    scroll_to_cell(page, first_markdown_heading(runs.model.final))
    problems = japanese_rendering_problems(page, HEADING, japanese_font_families())
    screenshot(page, f"{runs.model.name}-heading")
    assert problems == []


# --------------------------------------------------------------------------------------------
# Student versions, before any answer


def test_release_run_all_reaches_every_cell(runs):
    """A trainee's first Run All must not stop at the first unanswered question."""
    release = runs.release
    state = release.after_run_all
    missed = not_run(state)
    assert not missed, (
        f"{release.path}: Run All stopped before {_describe(state, missed[0])}; "
        f"{len(missed)} code cells (worked examples, figures, widgets) never ran. The cell before "
        f"raised: {error_outputs(state)[:1]}"
    )


def test_release_errors_are_only_not_answered_yet(runs):
    state = runs.release.final
    assert not_run(state) == []
    tests = [c for c in state if c["cell_type"] == "code" and c["graded"] and not c["solution"]]
    unexpected = [
        (c["index"], c["grade_id"], [(o["ename"], o["evalue"][:200]) for o in c["outputs"]])
        for c in state
        if any(o["type"] == "error" for o in c["outputs"])
        and not (c in tests and is_not_answered_yet(c))
    ]
    assert unexpected == []
    assert stderr_outputs(state) == []
    assert runs.release.script_errors == []
    passed_unanswered = [c["grade_id"] for c in tests if not is_not_answered_yet(c)]
    assert passed_unanswered == [], "autograder tests that did not say 「まだ答えがありません」"


def test_release_shows_every_figure(runs):
    _assert_figures_shown(runs.release)


def test_release_widgets_answer_a_change(runs):
    release = runs.release
    fonts = japanese_font_families()
    for cell in widget_cells(release.final):
        index = cell["index"]
        assert cell["widget_views"] >= 1, f"cell {index}: the widget did not render"
        assert "Error displaying widget" not in cell["widget_text"], cell["widget_text"][:300]
        trial = exercise_widget(release.page, index, f"{release.name}-widget-cell{index}")
        assert trial.kind != "unknown", f"cell {index}: no drop-down, slider or form to use"
        assert trial.steps, f"cell {index}: nothing was tried"
        assert trial.unchanged_steps() == [], (
            f"cell {index} ({trial.kind}): the output did not change after "
            f"{trial.unchanged_steps()}; see {trial.screenshots}"
        )
        widget_view(release.page, index).evaluate(
            f"e => e.setAttribute('data-kit-test', 'widget-{index}')"
        )
        label = f'[data-kit-test="widget-{index}"] .widget-label:not(:empty)'
        assert japanese_rendering_problems(release.page, label, fonts) == []


def _assert_figures_shown(run: Run) -> None:
    state = run.final
    wrong = [
        (c["index"], c["images_shown"], image_outputs(c), c["images_broken"])
        for c in state
        if c["images_shown"] != image_outputs(c) or c["images_broken"]
    ]
    assert wrong == [], "(cell, images shown, images sent by the kernel, broken images)"
    draws = any(
        c["cell_type"] == "code" and any(call in c["source"] for call in DRAWING_CALLS)
        for c in state
    )
    if draws:
        assert sum(c["images_shown"] for c in state) >= 1, f"{run.path} draws but shows no figure"


# --------------------------------------------------------------------------------------------
# The widget check itself


def test_a_widget_whose_output_ignores_its_input_is_caught(trainee, lab, browser):
    """Two drop-downs in a scratch notebook: one redraws its output, one never does."""
    import nbformat

    cells_ = [
        "import ipywidgets as w\n\n"
        "def pair(live):\n"
        "    pick = w.Dropdown(options=['子育て', '防災'], description='テーマ')\n"
        "    shown = w.HTML('テーマ: 子育て')\n"
        "    if live:\n"
        "        pick.observe(lambda c: setattr(shown, 'value', 'テーマ: ' + c['new']), 'value')\n"
        "    return w.VBox([pick, shown])",
        "pair(live=True)",
        "pair(live=False)",
    ]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells_])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    path = trainee.workspace / "widget_check" / "dropdowns.ipynb"
    path.parent.mkdir(exist_ok=True)
    nbformat.write(notebook, path)
    page = browser.new_page(viewport=VIEWPORT)
    try:
        open_notebook(page, lab, "widget_check/dropdowns.ipynb")
        run_all(page)
        live = exercise_widget(page, 1, "widget-check-live", patience=20)
        dead = exercise_widget(page, 2, "widget-check-dead", patience=5)
    finally:
        close_notebook(page, lab)
    assert (live.kind, live.unchanged_steps()) == ("dropdown", [])
    assert (dead.kind, dead.unchanged_steps()) == ("dropdown", ["choose '防災'"])
