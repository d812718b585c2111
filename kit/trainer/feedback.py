"""Feedback without hidden tests: redact the tracebacks of cells that hold hidden tests.

nbgrader's ``ClearHiddenTests`` removes the hidden source, but a failing hidden assert still
prints its own lines in the traceback. :class:`RedactHiddenTests` runs before it in
``GenerateFeedback.preprocessors`` (see ``notebooks/nbgrader_config.py``):

- an error raised by the visible part of the cell keeps only its message (``ename: evalue``),
  which kit's checkers write so that it never reveals the answer;
- an error raised inside the hidden part becomes a fixed Japanese sentence.

>>> from kit.trainer.feedback import hidden_line_numbers
>>> sorted(hidden_line_numbers("a\\n### BEGIN HIDDEN TESTS\\nassert x\\n### END HIDDEN TESTS"))
[2, 3, 4]
"""

from __future__ import annotations

import re

from nbconvert.exporters.exporter import ResourcesDict
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Unicode

BEGIN = "BEGIN HIDDEN TESTS"
END = "END HIDDEN TESTS"
HIDDEN_FAILURE = "非公開のテストで不合格になりました。問題の条件をもう一度確かめてください。"

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_CELL_LINE = re.compile(r"Cell In\s*\[[^\]]*\],\s*line (\d+)")


def hidden_line_numbers(source: str, begin: str = BEGIN, end: str = END) -> set[int]:
    """1-based numbers of the lines of ``source`` inside hidden-test regions (delimiters too)."""
    hidden: set[int] = set()
    inside = False
    for number, line in enumerate(source.split("\n"), start=1):
        if begin in line:
            inside = True
        if inside:
            hidden.add(number)
        if end in line:
            inside = False
    return hidden


def raising_line(traceback: list[str]) -> int | None:
    """Line of the cell where the error surfaced (the innermost cell frame), if the traceback says.

    >>> raising_line(["Cell In[3], line 2", "Cell In[3], line 7"])
    7
    """
    numbers = [int(m) for text in traceback for m in _CELL_LINE.findall(_ANSI.sub("", text))]
    return numbers[-1] if numbers else None


class RedactHiddenTests(NbGraderPreprocessor):
    """Replace tracebacks of hidden-test cells so that no hidden line reaches the feedback."""

    hidden_failure_message = Unicode(HIDDEN_FAILURE).tag(config=True)

    def preprocess_cell(
        self, cell: NotebookNode, resources: ResourcesDict, cell_index: int
    ) -> tuple[NotebookNode, ResourcesDict]:
        if cell.cell_type != "code" or BEGIN not in cell.source:
            return cell, resources
        hidden = hidden_line_numbers(cell.source)
        for output in cell.get("outputs", []):
            if output.get("output_type") != "error":
                continue
            line = raising_line(output.get("traceback", []))
            if line is None or line in hidden:
                output["ename"] = "AssertionError"
                output["evalue"] = self.hidden_failure_message
            output["traceback"] = [f"{output['ename']}: {output['evalue']}"]
        return cell, resources
