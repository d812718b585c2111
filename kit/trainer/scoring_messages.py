"""Why a graded notebook lost points, in Japanese: failed tests, dead kernels, time limits.

Read from the autograded notebook's outputs (untrusted data, used for explanations only: the
scores themselves are decided in :mod:`kit.trainer.scoring`). A failure that happened inside a
hidden test is named as such, never quoted.

>>> first_sentence("合計が違います。 ヒント: ex.q3.hint()")
'合計が違います。'
"""

from __future__ import annotations

from nbformat.notebooknode import NotebookNode

from kit.trainer.feedback import HIDDEN_FAILURE, hidden_line_numbers, raising_line
from kit.trainer.grading_execute import KERNEL_DIED, NOT_RUN_NAME, OUTPUT_CUT
from kit.trainer.records import Problem


def first_sentence(message: str) -> str:
    """A checker message without its hint pointer (" ヒント: ex.q1.hint()").

    >>> first_sentence("合計が違います。 ヒント: ex.q3.hint()")
    '合計が違います。'
    """
    return message.split(" ヒント:")[0].strip()


def failure_message(cell: NotebookNode) -> str:
    """The Japanese reason a test cell failed, from its error output (hidden lines never quoted).

    >>> from nbformat.v4 import new_code_cell, new_output
    >>> cell = new_code_cell("_ex.q1.grade()")
    >>> cell.outputs = [new_output("error", ename="AssertionError", evalue="✗ 問1: 違います。", traceback=[])]
    >>> failure_message(cell)
    '違います。'
    """
    for output in cell.get("outputs", []):
        if output.get("output_type") != "error":
            continue
        line = raising_line(output.get("traceback", []))
        if line is not None and line in hidden_line_numbers(cell.source):
            return HIDDEN_FAILURE
        text = str(output.get("evalue", "")).strip().split("\n")[0]
        text = text.split(": ", 1)[1] if text.startswith(("✗ ", "… ")) and ": " in text else text
        return first_sentence(text) if text else f"{output.get('ename', 'Error')}（メッセージなし）"
    return "エラーの出力がありました（標準エラー出力）。"


def execution_problems(notebook: NotebookNode) -> list[Problem]:
    """Kernel deaths, timeouts and cut outputs seen in the notebook's outputs, in Japanese.

    >>> import nbformat
    >>> execution_problems(nbformat.v4.new_notebook())
    []
    """
    problems = []
    cut = False
    for number, cell in enumerate(notebook.cells, start=1):
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            name = output.get("ename")
            if name == "DeadKernelError" and output.get("evalue") == KERNEL_DIED:
                problems.append(
                    Problem(
                        "error",
                        "kernel_died",
                        f"セル {number} の実行中にカーネルが停止しました。それより後のセルは実行されていません（0 点）。",
                    )
                )
            elif name == "CellTimeoutError":
                problems.append(
                    Problem(
                        "warning",
                        "cell_timeout",
                        f"セル {number} が制限時間内に終わらなかったため中断しました（無限ループなど）。",
                    )
                )
            elif (
                name == NOT_RUN_NAME
                and "制限時間" in str(output.get("evalue", ""))
                and not any(p.code == "notebook_timeout" for p in problems)
            ):
                problems.append(
                    Problem(
                        "error",
                        "notebook_timeout",
                        f"ノートブック全体の制限時間を過ぎたため、セル {number} から後は実行されていません（0 点）。",
                    )
                )
            elif output.get("output_type") == "stream" and output.get("text") == OUTPUT_CUT:
                cut = True
    if cut:
        problems.append(
            Problem(
                "info", "output_cut", "出力が多すぎるセルがあったため、出力の一部を省略しました。"
            )
        )
    return problems
