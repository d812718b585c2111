"""Check a submitted notebook against the released one before any of its code runs.

Done in the trusted process, on the file as data:

- a file that is not a readable notebook (invalid JSON, wrong structure, too large) is reported;
- a notebook of another assignment (its locked cells match another stage's release, none of
  this one's) is reported and not graded as this one;
- nbgrader's cell marks are taken from the release: an edited locked cell gets its released
  source back, a changed cell type is changed back, duplicated or invented marks are dropped;
- deleted graded cells are put back where they were (nbgrader's own ``add_missing_cells`` fails
  on the whole notebook when the cell before a deleted one is gone too).

>>> import nbformat
>>> release = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])
>>> prepare_text(nbformat.writes(release), release, {}).status
'graded'
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat.notebooknode import NotebookNode
from nbformat.v4.nbbase import random_cell_id

from kit.trainer.records import GRADED, UNREADABLE, WRONG_ASSIGNMENT, Problem

MAX_NOTEBOOK_BYTES = 50 * 1024**2


@dataclass
class Prepared:
    """A submission ready to grade (``status == "graded"``), or why it cannot be graded."""

    status: str
    notebook: NotebookNode | None = None
    problems: list[Problem] = field(default_factory=list)


def nbgrader_meta(cell: NotebookNode) -> dict:
    """The cell's nbgrader metadata (empty dict when it has none).

    >>> from nbformat.v4 import new_code_cell
    >>> nbgrader_meta(new_code_cell("x = 1"))
    {}
    """
    meta = cell.get("metadata", {}).get("nbgrader")
    return meta if isinstance(meta, dict) else {}


def is_locked_mark(meta: dict) -> bool:
    """Whether nbgrader restores this cell's source from the gradebook (tests, locked cells).

    >>> is_locked_mark({"grade": True, "solution": False}), is_locked_mark({"solution": True})
    (True, False)
    """
    if meta.get("solution"):
        return False
    return bool(meta.get("grade") or meta.get("locked") or meta.get("task"))


def read_notebook_text(path: Path, limit: int = MAX_NOTEBOOK_BYTES) -> str | Problem:
    """The text of a submitted file, or a Problem saying why it cannot be read.

    >>> # read_notebook_text(Path("submitted/t01/stage0/intro.ipynb"))[:1]
    >>> # '{'
    """
    size = path.stat().st_size
    if size > limit:
        return Problem(
            "error",
            "too_large",
            f"ファイルが大きすぎます（{size // 1024**2} MB）。出力を消して保存し直してもらってください。",
        )
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return Problem(
            "error",
            "unreadable",
            "ファイルが UTF-8 のテキストではありません（ノートブックではないか、壊れています）。",
        )


def parse_notebook(text: str) -> NotebookNode | Problem:
    """A validated notebook (format 4) from text, or a Problem in Japanese.

    >>> parse_notebook("{not json").code
    'invalid_json'
    """
    try:
        notebook = nbformat.reads(text, as_version=4)
    except Exception:  # nbformat raises several kinds for broken JSON / unknown formats
        return Problem(
            "error",
            "invalid_json",
            "ノートブックのファイルが壊れていて読めません（JSON として正しくありません）。",
        )
    try:
        nbformat.validator.normalize(notebook)
        nbformat.validate(notebook)
    except Exception:
        return Problem(
            "error",
            "invalid_notebook",
            "ノートブックの形式が正しくありません（セルの構造が壊れています）。",
        )
    return notebook


def prepare(path: Path, release: NotebookNode, others: dict[str, NotebookNode]) -> Prepared:
    """Read ``path`` and make it gradable against ``release`` (see :func:`prepare_text`).

    >>> # prepare(Path("submitted/t01/stage0/intro.ipynb"), release, {}).status
    >>> # 'graded'
    """
    text = read_notebook_text(path)
    if isinstance(text, Problem):
        return Prepared(UNREADABLE, problems=[text])
    return prepare_text(text, release, others)


def prepare_text(text: str, release: NotebookNode, others: dict[str, NotebookNode]) -> Prepared:
    """Check and repair a submission given as text; ``others`` are other assignments' releases.

    >>> prepare_text("{not json", nbformat.v4.new_notebook(), {}).status
    'unreadable'
    """
    notebook = parse_notebook(text)
    if isinstance(notebook, Problem):
        return Prepared(UNREADABLE, problems=[notebook])
    if _locked_matches(notebook, release) == 0:
        for name, other in others.items():
            if _locked_matches(notebook, other) > 0:
                message = (
                    f"別の課題（{name}）のノートブックです。この課題としては採点していません。"
                )
                return Prepared(
                    WRONG_ASSIGNMENT, problems=[Problem("error", "wrong_assignment", message)]
                )
    problems = _normalise_marks(notebook, release)
    problems += _restore_graded_cells(notebook, release)
    return Prepared(GRADED, notebook, problems)


def _released_cells(release: NotebookNode) -> dict[str, NotebookNode]:
    cells = {}
    for cell in release.cells:
        grade_id = nbgrader_meta(cell).get("grade_id")
        if grade_id and grade_id not in cells:
            cells[grade_id] = cell
    return cells


def _locked_matches(notebook: NotebookNode, release: NotebookNode) -> int:
    released = _released_cells(release)
    matches = 0
    for cell in notebook.cells:
        grade_id = nbgrader_meta(cell).get("grade_id")
        reference = released.get(grade_id)
        if reference is not None and is_locked_mark(nbgrader_meta(reference)):
            matches += cell.source == reference.source
    return matches


def _normalise_marks(notebook: NotebookNode, release: NotebookNode) -> list[Problem]:
    released = _released_cells(release)
    problems = []
    seen: set[str] = set()
    for cell in notebook.cells:
        meta = nbgrader_meta(cell)
        if not meta:
            cell.get("metadata", {}).pop("nbgrader", None)
            continue
        grade_id = meta.get("grade_id")
        if grade_id not in released or grade_id in seen:
            del cell.metadata["nbgrader"]
            problems.append(
                Problem(
                    "warning",
                    "unknown_mark",
                    f"配布版にない採点用の印（{grade_id}）があったため、普通のセルとして扱いました。",
                )
            )
            continue
        seen.add(grade_id)
        reference = released[grade_id]
        if cell.cell_type != reference.cell_type:
            _set_cell_type(cell, reference.cell_type)
            problems.append(
                Problem(
                    "warning",
                    "cell_type",
                    f"セル（{grade_id}）の種類が変えられていたため、元に戻しました。",
                )
            )
        cell.metadata["nbgrader"] = copy.deepcopy(reference.metadata["nbgrader"])
        if is_locked_mark(cell.metadata["nbgrader"]) and cell.source != reference.source:
            cell.source = reference.source
            problems.append(
                Problem(
                    "warning",
                    "edited",
                    f"変更してはいけないセル（{grade_id}）が書きかえられていたため、元に戻して採点しました。",
                )
            )
    return problems


def _set_cell_type(cell: NotebookNode, cell_type: str) -> None:
    cell.cell_type = cell_type
    if cell_type == "code":
        cell.outputs = []
        cell.execution_count = None
    else:
        cell.pop("outputs", None)
        cell.pop("execution_count", None)
        cell.pop("attachments", None)


def _key(cell: NotebookNode) -> str:
    grade_id = nbgrader_meta(cell).get("grade_id")
    return f"grade:{grade_id}" if grade_id else f"id:{cell.get('id', '')}"


def _restore_graded_cells(notebook: NotebookNode, release: NotebookNode) -> list[Problem]:
    problems = []
    present = {_key(c) for c in notebook.cells}
    ids = {c.get("id") for c in notebook.cells}
    for index, cell in enumerate(release.cells):
        meta = nbgrader_meta(cell)
        if not (meta.get("grade") or meta.get("task")) or _key(cell) in present:
            continue
        restored = copy.deepcopy(cell)
        if restored.get("id") in ids:
            restored["id"] = random_cell_id()
        ids.add(restored.get("id"))
        if restored.cell_type == "code":
            restored.outputs = []
            restored.execution_count = None
        notebook.cells.insert(_insert_position(notebook, release, index), restored)
        present.add(_key(restored))
        problems.append(
            Problem(
                "warning",
                "deleted",
                f"削除されていた採点用のセル（{meta.get('grade_id')}）を元の位置に戻して採点しました。",
            )
        )
    return problems


def _insert_position(notebook: NotebookNode, release: NotebookNode, index: int) -> int:
    positions = {_key(c): i for i, c in enumerate(notebook.cells)}
    for before in range(index - 1, -1, -1):
        key = _key(release.cells[before])
        if key in positions:
            return positions[key] + 1
    for after in range(index + 1, len(release.cells)):
        key = _key(release.cells[after])
        if key in positions:
            return positions[key]
    return len(notebook.cells)
