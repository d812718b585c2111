"""Feedback without hidden tests: nothing of a hidden test reaches the trainee's feedback.

nbgrader's ``ClearHiddenTests`` removes the hidden source, but a failing hidden assert still
prints its own lines in the traceback, and the submission's own code ran in the same kernel as
the hidden tests (a ``pre_run_cell`` hook can print the next cell's source). :class:`RedactHiddenTests`
runs before ``ClearHiddenTests`` in ``GenerateFeedback.preprocessors`` (``notebooks/nbgrader_config.py``):

- in a cell holding hidden tests only two kinds of output stay: errors and kit's verdicts.
  An error raised by the visible part keeps only its message (``ename: evalue``), which kit's
  checkers write so that it never reveals the answer; an error raised inside the hidden part
  becomes a fixed Japanese sentence. A verdict is shown again from its text alone. Streams,
  pictures and any other output are dropped;
- in every cell, an output that quotes a line of a hidden test is replaced by a notice.

>>> from kit.trainer.feedback import hidden_line_numbers
>>> sorted(hidden_line_numbers("a\\n### BEGIN HIDDEN TESTS\\nassert x\\n### END HIDDEN TESTS"))
[2, 3, 4]
"""

from __future__ import annotations

import re

from nbconvert.exporters.exporter import ResourcesDict
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Integer, Unicode

BEGIN = "BEGIN HIDDEN TESTS"
END = "END HIDDEN TESTS"
HIDDEN_FAILURE = "非公開のテストで不合格になりました。問題の条件をもう一度確かめてください。"
HIDDEN_QUOTED = "（この出力には非公開のテストの内容が含まれていたため、表示していません。）"
MAX_MESSAGE = 1000
CELL_TIMEOUT = "このセルは制限時間内に終わらなかったため中断されました。"
GRADER_ERRORS = ("DeadKernelError", "NotExecuted")

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_CELL_LINE = re.compile(r"Cell In\s*\[[^\]]*\],\s*line (\d+)")
_VERDICT = re.compile(r"([✓✗…]) (問[^:\n]{0,20}): ([^\n]*)")
_STATUS = {"✓": "correct", "✗": "incorrect", "…": "unanswered"}


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


def hidden_lines(cells: list[NotebookNode], min_length: int = 8) -> set[str]:
    """Text of the hidden-test lines of ``cells`` worth searching for (stripped, not too short).

    >>> sorted(hidden_lines([NotebookNode(cell_type="code", source="### BEGIN HIDDEN TESTS\\nassert x == 42\\n### END HIDDEN TESTS")]))
    ['### BEGIN HIDDEN TESTS', '### END HIDDEN TESTS', 'assert x == 42']
    """
    found = set()
    for cell in cells:
        if cell.get("cell_type") != "code" or BEGIN not in cell.get("source", ""):
            continue
        lines = cell.source.split("\n")
        for number in hidden_line_numbers(cell.source):
            text = lines[number - 1].strip()
            if len(text) >= min_length:
                found |= {text, *escaped_forms(text)}
    return found


def escaped_forms(line: str) -> set[str]:
    """How a line looks once written into JSON (e.g. printed from the notebook file itself).

    >>> len(escaped_forms('x = "施設"')), escaped_forms("x = 1")
    (2, set())
    """
    import json

    return {json.dumps(line, ensure_ascii=False)[1:-1], json.dumps(line)[1:-1]} - {line}


def raising_line(traceback: list[str]) -> int | None:
    """Line of the cell where the error surfaced (the innermost cell frame), if the traceback says.

    >>> raising_line(["Cell In[3], line 2", "Cell In[3], line 7"])
    7
    """
    numbers = [int(m) for text in traceback for m in _CELL_LINE.findall(_ANSI.sub("", text))]
    return numbers[-1] if numbers else None


def verdict_output(output: NotebookNode) -> NotebookNode | None:
    """A kit verdict display rebuilt from its text alone, or None if the output is not one.

    >>> from nbformat.v4 import new_output
    >>> verdict_output(new_output("stream", name="stdout", text="x")) is None
    True
    """
    from kit.exercises._engine import Verdict

    data = output.get("data", {})
    if output.get("output_type") != "display_data" or not set(data) <= {"text/plain", "text/html"}:
        return None
    text = data.get("text/plain", "")
    text = "".join(text) if isinstance(text, list) else str(text)
    match = _VERDICT.fullmatch(text.strip())
    if match is None:
        return None
    verdict = Verdict(match.group(2), _STATUS[match.group(1)], match.group(3)[:MAX_MESSAGE])  # type: ignore[arg-type]
    return NotebookNode(
        output_type="display_data",
        metadata={},
        data={"text/plain": str(verdict), "text/html": verdict._repr_html_()},
    )


class RedactHiddenTests(NbGraderPreprocessor):
    """Keep hidden tests out of the feedback: tracebacks, stray outputs and quoted lines."""

    hidden_failure_message = Unicode(HIDDEN_FAILURE).tag(config=True)
    hidden_quoted_message = Unicode(HIDDEN_QUOTED).tag(config=True)
    min_quoted_length = Integer(8, help="Shortest hidden line searched for in outputs.").tag(
        config=True
    )

    def preprocess(
        self, nb: NotebookNode, resources: ResourcesDict
    ) -> tuple[NotebookNode, ResourcesDict]:
        self._hidden = hidden_lines(nb.cells, self.min_quoted_length)
        return super().preprocess(nb, resources)

    def preprocess_cell(
        self, cell: NotebookNode, resources: ResourcesDict, cell_index: int
    ) -> tuple[NotebookNode, ResourcesDict]:
        if cell.cell_type != "code":
            return cell, resources
        holds_hidden = BEGIN in cell.source
        hidden = hidden_line_numbers(cell.source) if holds_hidden else set()
        kept = []
        for output in cell.get("outputs", []):
            if holds_hidden and output.get("output_type") == "error":
                kept.append(self._redact_error(output, hidden))
            elif holds_hidden:
                rebuilt = verdict_output(output)
                if rebuilt is not None and not self._quotes_hidden(rebuilt):
                    kept.append(rebuilt)
            elif self._quotes_hidden(output):
                kept.append(
                    NotebookNode(
                        output_type="stream", name="stdout", text=self.hidden_quoted_message + "\n"
                    )
                )
            else:
                kept.append(output)
        cell.outputs = kept
        return cell, resources

    def _redact_error(self, output: NotebookNode, hidden: set[int]) -> NotebookNode:
        line = raising_line(output.get("traceback", []))
        ename = str(output.get("ename", "Error"))[:100]
        evalue = str(output.get("evalue", ""))[:MAX_MESSAGE]
        if ename == "CellTimeoutError":
            evalue = CELL_TIMEOUT
        elif ename in GRADER_ERRORS and _is_grader_message(evalue):
            pass  # the grader's own sentence (kernel died, not run)
        elif hidden and (line is None or line in hidden):
            ename, evalue = "AssertionError", self.hidden_failure_message
        output["ename"], output["evalue"] = ename, evalue
        output["traceback"] = [f"{ename}: {evalue}"]
        if self._quotes_hidden(output):
            output["evalue"] = self.hidden_failure_message
            output["traceback"] = [f"{ename}: {self.hidden_failure_message}"]
        return output

    def _quotes_hidden(self, output: NotebookNode) -> bool:
        hidden = getattr(self, "_hidden", set())
        if not hidden:
            return False
        text = _ANSI.sub("", "\n".join(_strings(output)))
        return any(line in text for line in hidden)


def _is_grader_message(text: str) -> bool:
    from kit.trainer.grading_execute import KERNEL_DIED, NOT_RUN_DEAD, NOT_RUN_TIME

    return text in (KERNEL_DIED, NOT_RUN_DEAD) or text.startswith(NOT_RUN_TIME.split("{")[0])


def _strings(value: object) -> list[str]:
    """Every piece of text inside an output (its data, message, traceback)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []
