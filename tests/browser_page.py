"""Driving an open notebook in JupyterLab and reading what it shows.

Actions go through the UI a trainee uses (the Run menu, clicks, typing); what happened is read
from the notebook's model (``window.jupyterapp``, exposed by the test server) and from the page.

>>> # open_notebook(page, lab, "stage0/intro.ipynb"); run_all(page)
>>> # [c for c in cells(page) if c["errors"]]
"""

from __future__ import annotations

import contextlib
import time
from typing import Any

NOT_ANSWERED = "まだ答えがありません"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
STDERR_MIME = "application/vnd.jupyter.stderr"

# Lab puts a widget view in an output element without a MIME type; images inside an Output
# widget are output elements of their own.
WIDGET_VIEW = ".jp-OutputArea-output:has(> .jupyter-widgets)"
_VIEWS = "'" + WIDGET_VIEW + "'"

# Seconds the kernel must stay idle, with no cell finishing, before a run counts as over.
SETTLE = 2.0

# The current notebook panel; every snippet below starts from it.
_PANEL = "const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;"

_READY = (
    "(path) => {" + _PANEL + "if (!w || !w.sessionContext || !w.context) return false;"
    " if (w.context.path !== path) return false;"
    " const s = w.sessionContext.session; const k = s && s.kernel;"
    " return !!k && k.status === 'idle' && w.content.widgets.length > 0; }"
)

_IDLE_AFTER = (
    "(before) => {" + _PANEL + "const cells = Array.from(w.content.model.cells);"
    " const running = cells.some(c => c.type === 'code' && c.executionState === 'running');"
    " const counts = cells.map(c => c.type === 'code' ? (c.executionCount || 0) : 0);"
    " const k = w.sessionContext.session.kernel;"
    " return !running && k.status === 'idle' && Math.max(0, ...counts) > before; }"
)

_MAX_COUNT = (
    "() => {" + _PANEL + "return Math.max(0, ...Array.from(w.content.model.cells)"
    ".map(c => c.type === 'code' ? (c.executionCount || 0) : 0)); }"
)

# One entry per cell: what the model holds and what the page shows for it.
_CELLS = (
    "() => {" + _PANEL + "const out = [];"
    " Array.from(w.content.model.cells).forEach((c, i) => {"
    "  const j = c.toJSON(); const node = w.content.widgets[i].node;"
    "  const source = Array.isArray(j.source) ? j.source.join('') : j.source;"
    "  const outputs = (j.outputs || []).map(o => ({type: o.output_type, name: o.name || '',"
    "   ename: o.ename || '', evalue: o.evalue || '', mimes: Object.keys(o.data || {}),"
    "   text: Array.isArray(o.text) ? o.text.join('') : (o.text || '')}));"
    "  const imgs = Array.from(node.querySelectorAll('.jp-OutputArea-output img'))"
    "   .filter(im => !im.closest('.jupyter-widgets'));"
    "  const views = Array.from(node.querySelectorAll(" + _VIEWS + "))"
    "   .filter(e => !e.parentElement.closest('.jupyter-widgets'));"
    "  out.push({index: i, id: j.id, cell_type: j.cell_type, source,"
    "   execution_count: j.execution_count === undefined ? null : j.execution_count,"
    "   grade_id: ((j.metadata || {}).nbgrader || {}).grade_id || null,"
    "   graded: !!(((j.metadata || {}).nbgrader || {}).grade),"
    "   solution: !!(((j.metadata || {}).nbgrader || {}).solution), outputs,"
    "   images_shown: imgs.filter(im => im.closest('[data-mime-type^=\"image/\"]')"
    "    && im.complete && im.naturalWidth > 0).length,"
    "   images_broken: imgs.filter(im => !(im.complete && im.naturalWidth > 0)).length,"
    "   stderr_shown: node.querySelectorAll("
    "     '.jp-OutputArea-output[data-mime-type=\"" + STDERR_MIME + "\"]').length,"
    "   widget_views: views.length, widget_text: views.map(e => e.textContent).join('\\n')});"
    " }); return out; }"
)


def open_notebook(page: Any, lab: Any, path: str, timeout: float = 120) -> None:
    """Open ``path`` (relative to the server root) in Lab and wait for an idle kernel."""
    go_to_notebook(page, lab, path)
    wait_until_open(page, path, timeout)


def go_to_notebook(page: Any, lab: Any, path: str) -> None:
    """Load Lab with ``path`` open (its kernel may still be starting)."""
    # ?reset: start from an empty layout, not the tabs a previous page left open.
    page.goto(lab.url(f"lab/tree/{path}?reset"))


def wait_until_open(page: Any, path: str, timeout: float = 120) -> None:
    """Wait until ``path`` is the current notebook and its kernel is idle."""
    page.wait_for_function(_READY, arg=path, timeout=timeout * 1000, polling=250)


def close_notebook(page: Any, lab: Any) -> None:
    """Close the tab and shut its notebook's kernel down (a closed tab leaves it running)."""
    with contextlib.suppress(Exception):
        kernel = page.evaluate("() => {" + _PANEL + "return w.sessionContext.session.kernel.id; }")
        lab.api(f"kernels/{kernel}", method="DELETE")
    page.close()


def use_menu(page: Any, title: str, command: str) -> None:
    """Click ``title`` in the menu bar, then the item of ``command`` (e.g. ``runmenu:run-all``)."""
    page.locator(".lm-MenuBar-item", has_text=title).first.click()
    page.locator(f'li.lm-Menu-item[data-command="{command}"]').click()


def start(page: Any, command: str) -> int:
    """Start ``command`` from the Run menu; returns the execution count it started from."""
    before = page.evaluate(_MAX_COUNT)
    use_menu(page, "Run", command)
    return before


def wait_until_run(page: Any, before: int, timeout: float = 300) -> None:
    """Wait until cells ran past execution count ``before`` and the kernel stays idle.

    Once a cell tagged ``raises-exception`` has failed, Lab marks the cells still queued in the
    kernel as idle, and the kernel is briefly idle between two of them: the run is over only when
    the kernel is idle twice, ``SETTLE`` seconds apart, with no cell finished in between.
    """
    deadline = time.monotonic() + timeout
    seen = None
    while True:
        left = max(deadline - time.monotonic(), 1.0)
        page.wait_for_function(_IDLE_AFTER, arg=before, timeout=left * 1000, polling=500)
        count = page.evaluate(_MAX_COUNT)
        if count == seen:
            break
        seen = count
        time.sleep(SETTLE)
    # Outputs (images, widget views) are attached a moment after the kernel goes idle.
    time.sleep(0.5)


def run_and_wait(page: Any, command: str, timeout: float = 300) -> None:
    """Start ``command`` from the Run menu and wait until the kernel has run it and is idle."""
    wait_until_run(page, start(page, command), timeout)


def run_all(page: Any, timeout: float = 300) -> None:
    """Run → Run All Cells, as a trainee does, and wait for the end."""
    run_and_wait(page, "runmenu:run-all", timeout)


def select_cell(page: Any, index: int) -> None:
    """Click the input prompt of cell ``index`` (selects it in command mode)."""
    cell = page.locator(".jp-Notebook .jp-Cell").nth(index)
    cell.scroll_into_view_if_needed()
    cell.locator(".jp-InputPrompt").first.click()


def run_remaining(page: Any, timeout: float = 300, limit: int = 40) -> list[int]:
    """Run every code cell that has not run yet, continuing below each stop.

    Lab stops a run at a cell that raises; a trainee then runs the rest from the next cell
    (Run → Run Selected Cell and All Below). Returns the cells each continuation started from.
    """
    started = []
    for _ in range(limit):
        pending = not_run(cells(page))
        if not pending:
            return started
        select_cell(page, pending[0])
        run_and_wait(page, "notebook:run-all-below", timeout)
        started.append(pending[0])
    raise AssertionError(f"still cells left to run after {limit} continuations")


def cells(page: Any) -> list[dict[str, Any]]:
    """Every cell of the open notebook: source, outputs and what the page shows for it."""
    return page.evaluate(_CELLS)


def not_run(state: list[dict[str, Any]]) -> list[int]:
    """Indices of code cells with a source that have no execution count."""
    return [
        c["index"]
        for c in state
        if c["cell_type"] == "code" and c["source"].strip() and c["execution_count"] is None
    ]


def error_outputs(state: list[dict[str, Any]]) -> list[tuple[int, str, str]]:
    """``(cell index, ename, evalue)`` of every error output."""
    return [
        (c["index"], o["ename"], o["evalue"])
        for c in state
        for o in c["outputs"]
        if o["type"] == "error"
    ]


def stderr_outputs(state: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """``(cell index, text)`` of every stderr stream (Lab shows these in red)."""
    return [
        (c["index"], o["text"][:300])
        for c in state
        for o in c["outputs"]
        if o["type"] == "stream" and o["name"] == "stderr"
    ]


def is_not_answered_yet(cell: dict[str, Any]) -> bool:
    """An autograder test cell whose only error says the trainee has not answered yet."""
    errors = [o for o in cell["outputs"] if o["type"] == "error"]
    return bool(errors) and all(
        o["ename"] == "AssertionError" and NOT_ANSWERED in o["evalue"] for o in errors
    )


def image_outputs(cell: dict[str, Any]) -> int:
    """How many image outputs the kernel sent for this cell."""
    return sum(1 for o in cell["outputs"] if any(m.startswith("image/") for m in o["mimes"]))


def widget_cells(state: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cells with a widget-view output."""
    return [c for c in state if any(WIDGET_MIME in o["mimes"] for o in c["outputs"])]


def first_markdown_heading(state: list[dict[str, Any]]) -> int:
    """Index of the first Markdown cell (the stage title)."""
    return next(c["index"] for c in state if c["cell_type"] == "markdown")


def scroll_to_cell(page: Any, index: int) -> None:
    """Bring cell ``index`` near the top of the notebook view.

    Lab sizes cells outside the view only roughly, so the first jump can land short; the
    second one corrects it.
    """
    for _ in range(2):
        page.evaluate(
            "async (i) => {" + _PANEL + "await w.content.scrollToItem(i, 'start'); }", index
        )
        time.sleep(0.4)
