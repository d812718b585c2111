"""Feedback redaction: nothing of a hidden test reaches the feedback, whatever the cells printed."""

from __future__ import annotations

from nbformat.notebooknode import NotebookNode
from nbformat.v4 import new_code_cell, new_notebook, new_output

from kit.exercises._engine import Verdict
from kit.trainer.feedback import HIDDEN_FAILURE, HIDDEN_QUOTED, RedactHiddenTests, verdict_output
from kit.trainer.grading_execute import KERNEL_DIED

TEST_SOURCE = """from kit.exercises import stage0 as _ex
_ex.q1.grade()

### BEGIN HIDDEN TESTS
assert sorted(kominkan["施設ID"]) == ["F001", "F007"]
### END HIDDEN TESTS"""
HIDDEN_LINE = 'assert sorted(kominkan["施設ID"]) == ["F001", "F007"]'


def _verdict_display(status="incorrect", message="公民館以外の施設が入っています。"):
    verdict = Verdict("問1", status, message)
    return new_output(
        "display_data", data={"text/plain": str(verdict), "text/html": verdict._repr_html_()}
    )


def _error(ename, evalue, line):
    return new_output(
        "error",
        ename=ename,
        evalue=evalue,
        traceback=[f"\x1b[0;31mCell In[5], line {line}\x1b[0m", f"{ename}: {evalue}"],
    )


def _redact(*cells):
    notebook = new_notebook(cells=list(cells))
    redacted, _ = RedactHiddenTests().preprocess(notebook, {})
    return redacted


def _test_cell(outputs):
    cell = new_code_cell(TEST_SOURCE)
    cell.outputs = outputs
    return cell


def test_hidden_assert_traceback_becomes_the_fixed_sentence():
    cell = _redact(_test_cell([_error("AssertionError", "", 5)])).cells[0]
    assert cell.outputs[0].evalue == HIDDEN_FAILURE
    assert cell.outputs[0].traceback == [f"AssertionError: {HIDDEN_FAILURE}"]


def test_visible_checker_error_keeps_only_its_message():
    message = "✗ 問1: 公民館以外の施設が入っています。 ヒント: ex.q1.hint()"
    cell = _redact(_test_cell([_error("AssertionError", message, 2)])).cells[0]
    assert cell.outputs[0].traceback == [f"AssertionError: {message}"]


def test_streams_and_foreign_outputs_of_hidden_test_cells_are_dropped():
    hook_print = new_output("stream", name="stdout", text=TEST_SOURCE)  # a pre_run_cell hook
    picture = new_output("display_data", data={"image/png": "iVBORw0KGgo="})
    cell = _redact(_test_cell([hook_print, picture, _verdict_display()])).cells[0]
    assert len(cell.outputs) == 1
    assert cell.outputs[0].data["text/plain"] == "✗ 問1: 公民館以外の施設が入っています。"


def test_verdict_display_is_rebuilt_from_its_text_so_forged_html_is_gone():
    forged = _verdict_display("correct", "正解です。")
    forged.data["text/html"] = "<script>alert(1)</script>" + HIDDEN_LINE
    rebuilt = verdict_output(forged)
    assert "<script>" not in rebuilt.data["text/html"]
    assert HIDDEN_LINE not in rebuilt.data["text/html"]
    assert rebuilt.data["text/plain"] == "✓ 問1: 正解です。"


def test_verdict_text_quoting_a_hidden_line_is_dropped():
    cell = _redact(_test_cell([_verdict_display("correct", HIDDEN_LINE)])).cells[0]
    assert cell.outputs == []


def test_error_message_quoting_a_hidden_line_is_replaced():
    cell = _redact(_test_cell([_error("ValueError", "leak: " + HIDDEN_LINE, 2)])).cells[0]
    assert HIDDEN_LINE not in str(cell.outputs)
    assert cell.outputs[0].evalue == HIDDEN_FAILURE


def test_any_cell_printing_a_hidden_line_gets_a_notice_instead():
    own = new_code_cell('print(open("intro.ipynb").read())')
    own.outputs = [new_output("stream", name="stdout", text="...\n" + HIDDEN_LINE + "\n...")]
    kept = new_code_cell("print(1)")
    kept.outputs = [new_output("stream", name="stdout", text="1\n")]
    notebook = _redact(_test_cell([]), own, kept)
    assert notebook.cells[1].outputs[0].text.strip() == HIDDEN_QUOTED
    assert notebook.cells[2].outputs[0].text == "1\n"


def test_trainees_own_errors_keep_their_traceback():
    own = new_code_cell("1/0")
    own.outputs = [_error("ZeroDivisionError", "division by zero", 1)]
    cell = _redact(_test_cell([]), own).cells[1]
    assert len(cell.outputs[0].traceback) == 2


def test_grader_sentences_for_a_dead_kernel_stay_readable():
    cell = _redact(
        _test_cell(
            [
                NotebookNode(
                    output_type="error", ename="DeadKernelError", evalue=KERNEL_DIED, traceback=[]
                )
            ]
        )
    ).cells[0]
    assert cell.outputs[0].evalue == KERNEL_DIED
