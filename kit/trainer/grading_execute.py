"""nbgrader's ``Execute`` for sandboxed grading: answers carried out, and a notebook that always ends.

Runs in the grading worker (:mod:`kit.trainer.grading_worker`), in place of nbgrader's own
``Execute`` preprocessor, and adds five things to it:

- the kernel is started inside the sandbox, in its own folder, with a clean environment
  (:mod:`kit.trainer.kernel_sandbox`);
- after each autograded test cell of a kit question, the grader (not the trainee) runs a silent
  request in the same kernel that writes that question's answer variables as JSON
  (:func:`kit.exercises.answers.dumps`), for the trusted re-check;
- a kernel that dies (``os._exit``, out of memory) does not abort grading: the cell that killed
  it and every later cell get a Japanese error output (so later tests score 0), and the notebook
  is still written;
- a wall-clock limit for the whole notebook: no cell may run past it, later cells are not run;
- an output limit per cell, so that a print in an endless loop cannot exhaust memory.

>>> dump_code(["kominkan"], "/scratch/answers/intro/q1_test.json").startswith("def __kit_dump")
True
"""

from __future__ import annotations

import json
import time
from typing import Any

from nbclient.exceptions import DeadKernelError
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import Execute
from traitlets import Bool, Dict, Integer, List, Unicode

from kit.trainer.kernel_sandbox import SandboxedKernelManager, configure_kernel

KERNEL_DIED = "このセルの実行中にカーネル（Python）が停止しました（os._exit やメモリ不足など）。"
NOT_RUN_DEAD = "カーネルが停止したため、このセルは実行されませんでした。"
NOT_RUN_TIME = (
    "ノートブック全体の制限時間（{seconds} 秒）を過ぎたため、このセルは実行されませんでした。"
)
OUTPUT_CUT = "\n…（出力が多すぎるため、ここから先は省略しました）…\n"
NOT_RUN_NAME = "NotExecuted"

_DUMP = """def __kit_dump(names, path):
    import os
    from kit.exercises import answers
    space = globals()
    found = {{n: space[n] for n in names if n in space}}
    try:
        text = answers.dumps(found)
    except Exception:
        kept = {{}}
        for name, value in found.items():
            try:
                answers.dumps({{name: value}})
                kept[name] = value
            except Exception:
                pass
        text = answers.dumps(kept)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".part", "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(path + ".part", path)
__kit_dump({names}, {path})
del __kit_dump
"""


def dump_code(names: list[str], path: str) -> str:
    """Kernel code writing the variables ``names`` (those that exist) to ``path`` as kit JSON.

    >>> "kominkan" in dump_code(["kominkan"], "/s/a.json")
    True
    """
    return _DUMP.format(names=json.dumps(list(names)), path=json.dumps(path))


def error_output(ename: str, message: str) -> NotebookNode:
    """An error output as nbgrader scores it (0 points in a test cell).

    >>> error_output("NotExecuted", "実行されませんでした。").traceback
    ['NotExecuted: 実行されませんでした。']
    """
    return NotebookNode(
        output_type="error", ename=ename, evalue=message, traceback=[f"{ename}: {message}"]
    )


class KitExecute(Execute):
    """nbgrader's Execute plus answer dumps, dead-kernel recovery, a notebook deadline, output caps."""

    answers_dir = Unicode("", help="Folder for the answer JSON files (empty: no dumps).").tag(
        config=True
    )
    answer_names = Dict(
        default_value={}, help="grade_id of a test cell → names of its question's answer variables."
    ).tag(config=True)
    notebook_timeout = Integer(0, help="Seconds for the whole notebook (0: no limit).").tag(
        config=True
    )
    max_output_bytes = Integer(1_000_000, help="Output kept per cell, in characters.").tag(
        config=True
    )
    dump_timeout = Integer(
        120, help="Seconds for saving one question's answers (a slow machine must not lose points)."
    ).tag(config=True)
    kernel_dir = Unicode(
        "", help="The kernel's own folder: its working folder (empty: nbgrader's)."
    ).tag(config=True)
    kernel_prefix = List(Unicode(), help="Command line put before the kernel's (the sandbox).").tag(
        config=True
    )
    kernel_env = Dict(default_value={}, help="The kernel's whole environment.").tag(config=True)
    kernel_isolated = Bool(False, help="Whether the prefix isolates the kernel (no TCP).").tag(
        config=True
    )

    def create_kernel_manager(self) -> Any:
        """A kernel manager starting the kernel behind ``kernel_prefix`` in ``kernel_dir``."""
        if not self.kernel_dir:
            return super().create_kernel_manager()
        self.kernel_manager_class = SandboxedKernelManager
        km = super().create_kernel_manager()
        km.command_prefix = list(self.kernel_prefix)
        configure_kernel(km, kernel_dir=self.kernel_dir, isolated=self.kernel_isolated)
        return km

    async def async_start_new_kernel(self, **kwargs: Any) -> None:
        if self.kernel_dir:
            kwargs["cwd"] = self.kernel_dir
            kwargs["env"] = {**self.kernel_env, "NBGRADER_EXECUTION": "autograde"}
        await super().async_start_new_kernel(**kwargs)

    def preprocess(self, nb: NotebookNode, resources: Any = None, km: Any = None) -> Any:
        self._stopped: str | None = None
        self._dumping = False
        self._cell_chars: dict[int, int] = {}
        self._deadline = (
            time.monotonic() + self.notebook_timeout if self.notebook_timeout > 0 else None
        )
        self._notebook_id = ((resources or {}).get("nbgrader") or {}).get("notebook", "notebook")
        return super().preprocess(nb, resources, km)

    def preprocess_cell(self, cell: NotebookNode, resources: Any, index: int) -> Any:
        if cell.cell_type != "code":
            return cell, resources
        if self._stopped is None and self._remaining() == 0:
            self._stopped = NOT_RUN_TIME.format(seconds=self.notebook_timeout)
        if self._stopped is not None:
            cell.outputs = [error_output(NOT_RUN_NAME, self._stopped)]
            return cell, resources
        try:
            cell, resources = super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            cell.outputs = [*cell.get("outputs", []), error_output("DeadKernelError", KERNEL_DIED)]
            self._stopped = NOT_RUN_DEAD
            return cell, resources
        _cap_outputs(cell, self.max_output_bytes)
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in self.answer_names and self.answers_dir:
            self._dump_answers(grade_id)
        return cell, resources

    def _remaining(self) -> float | None:
        if self._deadline is None:
            return None
        return max(0.0, self._deadline - time.monotonic())

    def _get_timeout(self, cell: NotebookNode | None) -> int | None:
        timeout = self.dump_timeout if self._dumping else super()._get_timeout(cell)
        remaining = self._remaining()
        if remaining is None:
            return timeout
        return max(1, int(min(timeout or remaining, remaining)))

    def _dump_answers(self, grade_id: str) -> None:
        path = f"{self.answers_dir}/{self._notebook_id}/{grade_id}.json"
        code = dump_code(self.answer_names[grade_id], path)
        self._dumping = True
        try:
            msg_id = self.kc.execute(code, silent=True, store_history=False, allow_stdin=False)
            reply = self.wait_for_reply(msg_id)
        except DeadKernelError:
            self._stopped = NOT_RUN_DEAD
            return
        finally:
            self._dumping = False
        if reply is None or reply.get("content", {}).get("status") != "ok":
            self.log.warning(
                "Answers of %s were not saved: %s", grade_id, (reply or {}).get("content")
            )

    def output(self, outs: list, msg: dict, display_id: str | None, cell_index: int) -> Any:
        size = len(json.dumps(msg.get("content", {}), ensure_ascii=False, default=str))
        used = self._cell_chars.get(cell_index, 0)
        self._cell_chars[cell_index] = used + size
        if used + size <= self.max_output_bytes:
            return super().output(outs, msg, display_id, cell_index)
        if used <= self.max_output_bytes:
            outs.append(NotebookNode(output_type="stream", name="stdout", text=OUTPUT_CUT))
        return None


def _cap_outputs(cell: NotebookNode, limit: int) -> None:
    """Replace outputs that grew past ``limit`` characters (e.g. through display updates)."""
    kept = []
    total = 0
    for output in cell.get("outputs", []):
        size = len(json.dumps(output, ensure_ascii=False, default=str))
        total += size
        if total > limit and output.get("output_type") != "error":
            if not kept or kept[-1].get("text") != OUTPUT_CUT:
                kept.append(NotebookNode(output_type="stream", name="stdout", text=OUTPUT_CUT))
            continue
        kept.append(output)
    cell.outputs = kept
