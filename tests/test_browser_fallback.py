"""Where widgets cannot render, the notebooks still teach: a static twin sits next to each widget.

Every student version is executed headless (nbclient: a kernel but no widget frontend, as in
grading or a printed export). For every cell whose output is a widget view, one of the code
cells just around it must show the same lesson statically (a figure, a Markdown or HTML
output, or printed text), and ``jupyter nbconvert --to html`` of the executed notebook must carry
that static content. No browser is needed (they run wherever chromium is missing); they belong
to the browser set and run whole notebooks, hence both ``browser`` and ``slow``.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from browser_page import WIDGET_MIME
from browser_support import notebook_id, stage_notebooks, trainee_setup
from nbclient import NotebookClient

from kit.trainer.course import tool_environment

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTEBOOKS = stage_notebooks()
# How far (in code cells, either side) the static twin of a widget may be.
NEAR = 2
STATIC_MIMES = ("image/png", "image/svg+xml", "text/html", "text/markdown")
# The interactive parts each stage is known for: stage → a call in a widget cell's source.
EXPECTED_WIDGETS = {
    "stage1": "theme_chooser(",
    "stage2": ".form()",
    "stage3": "explore(",
}
WORDS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]{3,}")


@pytest.fixture(scope="module")
def executed(tmp_path_factory) -> dict[str, Path]:
    """Each student version, executed headless in a copy of the workspace (errors allowed)."""
    workspace = trainee_setup(tmp_path_factory).workspace
    folder = tmp_path_factory.mktemp("headless")
    for relpath in NOTEBOOKS:
        (folder / relpath).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(workspace / relpath, folder / relpath)
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = list(pool.map(lambda rel: _execute(folder / rel), NOTEBOOKS))
    return dict(zip(NOTEBOOKS, done, strict=True))


def _execute(path: Path) -> Path:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=180,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    nbformat.write(notebook, path)
    return path


def widget_cells(notebook: nbformat.NotebookNode) -> list[int]:
    """Indices of cells with a widget-view output."""
    return [
        i
        for i, cell in enumerate(notebook.cells)
        if any(WIDGET_MIME in o.get("data", {}) for o in cell.get("outputs", []))
    ]


def static_twins(notebook: nbformat.NotebookNode, index: int) -> list[int]:
    """Code cells within ``NEAR`` code cells of ``index`` that show something without widgets."""
    code = [i for i, c in enumerate(notebook.cells) if c.cell_type == "code"]
    here = code.index(index)
    around = code[max(0, here - NEAR) : here] + code[here + 1 : here + 1 + NEAR]
    return [i for i in around if _static_outputs(notebook.cells[i])]


def _static_outputs(cell: nbformat.NotebookNode) -> list[dict]:
    return [
        o
        for o in cell.get("outputs", [])
        if WIDGET_MIME not in o.get("data", {})
        and (
            any(m in o.get("data", {}) for m in STATIC_MIMES)
            or (o.output_type == "stream" and o.name == "stdout" and o.text.strip())
        )
    ]


def _evidence(output: dict) -> str:
    """A piece of the output a reader of the HTML export must find there."""
    data = output.get("data", {})
    if "image/png" in data:
        return "".join(data["image/png"].split())[:200]
    text = data.get("text/markdown") or data.get("text/html") or output.get("text", "")
    words = WORDS.findall(re.sub(r"<[^>]+>", " ", text))
    return max(words, key=len) if words else text.strip()[:40]


@pytest.mark.parametrize("relpath", NOTEBOOKS, ids=notebook_id)
def test_every_widget_has_a_static_twin_next_to_it(executed, relpath):
    notebook = nbformat.read(executed[relpath], as_version=4)
    missing = [i for i in widget_cells(notebook) if not static_twins(notebook, i)]
    assert missing == [], f"widgets without a static output within {NEAR} code cells: {missing}"


@pytest.mark.parametrize("relpath", NOTEBOOKS, ids=notebook_id)
def test_widgets_say_in_plain_text_what_they_are(executed, relpath):
    """Viewers without widget support print the text/plain form; it must not be empty."""
    notebook = nbformat.read(executed[relpath], as_version=4)
    for i in widget_cells(notebook):
        texts = [
            o["data"].get("text/plain", "")
            for o in notebook.cells[i].outputs
            if WIDGET_MIME in o.get("data", {})
        ]
        assert all(t.strip() for t in texts), f"cell {i}: a widget output has no text/plain"


@pytest.mark.parametrize("relpath", NOTEBOOKS, ids=notebook_id)
def test_static_html_export_carries_the_twins(executed, relpath, tmp_path):
    notebook = nbformat.read(executed[relpath], as_version=4)
    widgets = widget_cells(notebook)
    if not widgets:
        assert not any(
            WIDGET_MIME in o.get("data", {}) for c in notebook.cells for o in c.get("outputs", [])
        )
        return
    proc = subprocess.run(
        [
            str(Path(sys.executable).parent / "jupyter-nbconvert"),
            "--to",
            "html",
            str(executed[relpath]),
            "--output-dir",
            str(tmp_path),
        ],
        env=tool_environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    page = (tmp_path / Path(relpath).with_suffix(".html").name).read_text(encoding="utf-8")
    for i in widgets:
        for twin in static_twins(notebook, i):
            block = _cell_block(page, notebook.cells[twin].id)
            for output in _static_outputs(notebook.cells[twin]):
                evidence = _evidence(output)
                assert evidence in block or html.escape(evidence) in block, (
                    f"cell {twin} (static twin of the widget in cell {i}): "
                    f"{evidence[:60]!r} is missing from the HTML export"
                )


def test_the_stages_have_their_interactive_parts(executed):
    """The theme chooser (stage 1), worksheet form (stage 2) and explorer (stage 3) are there."""
    for stage, call in EXPECTED_WIDGETS.items():
        paths = [p for p in NOTEBOOKS if p.startswith(f"{stage}/")]
        if not paths:
            continue
        sources = [
            nbformat.read(executed[p], as_version=4).cells[i].source
            for p in paths
            for i in widget_cells(nbformat.read(executed[p], as_version=4))
        ]
        assert any(call in s for s in sources), f"{stage}: no widget made by {call!r}"


def _cell_block(page: str, cell_id: str) -> str:
    """The HTML of one cell of an nbconvert export (from its id to the next cell's)."""
    start = page.find(f'id="cell-id={cell_id}"')
    assert start >= 0, f"cell {cell_id} is not in the export"
    end = page.find('id="cell-id=', start + 1)
    return page[start : end if end > 0 else len(page)]
