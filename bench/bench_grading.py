"""Grading a class: kit's parallel sandboxed grading against plain sequential ``nbgrader autograde``.

A practice class (40 trainees by default, model answers with some wrong, see
:mod:`kit.trainer.practice`) hands in every stage present in ``notebooks/source``. Two identical
copies of the course are graded in the same run: one by ``nbgrader autograde <stage>`` (one
process, one trainee after another), one by ``python -m kit.trainer grade`` (one sandbox per
trainee × notebook, one worker per core). Bare execution of the same notebooks with nbclient
gives the per-notebook overhead of each.

Takes several minutes. ``KIT_BENCH_TRAINEES=8`` for a quick look, ``KIT_BENCH_STAGES=stage0``
for one stage, ``KIT_BENCH_JOBS=3`` for another number of workers (default: one per CPU).

>>> # python -m bench.bench_grading
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench._util import Figure, print_table

REPO = Path(__file__).resolve().parents[1]
TRAINEES = int(os.environ.get("KIT_BENCH_TRAINEES", "40"))
STAGES = [s for s in os.environ.get("KIT_BENCH_STAGES", "").split(",") if s]  # default: all
WORKERS = int(os.environ.get("KIT_BENCH_JOBS", "0")) or (os.cpu_count() or 1)
BARE_SAMPLE = 8  # notebooks per stage executed bare


def _build(root: Path) -> tuple[object, list[str]]:
    from kit.trainer.course import Course
    from kit.trainer.practice import write_practice_class

    root.mkdir(parents=True)
    shutil.copy2(REPO / "notebooks" / "nbgrader_config.py", root / "nbgrader_config.py")
    shutil.copytree(
        REPO / "notebooks" / "source",
        root / "source",
        ignore=shutil.ignore_patterns(".ipynb_checkpoints"),
    )
    course = Course(root)
    stages = [s for s in course.assignments() if not STAGES or s in STAGES]
    for stage in stages:
        course.nbgrader("generate_assignment", stage, "--force")
        write_practice_class(course, stage, trainees=TRAINEES, wrong_share=0.15, seed=1)
    return course, stages


def _bare_seconds(course, stages: list[str]) -> list[float]:
    """Seconds of executing graded notebooks (hidden tests included) with nbclient, no nbgrader."""
    import nbformat
    from nbclient import NotebookClient

    times = []
    for stage in stages:
        for path in sorted(course.autograded.glob(f"*/{stage}/*.ipynb"))[:BARE_SAMPLE]:
            notebook = nbformat.read(path, as_version=4)
            for cell in notebook.cells:
                if cell.cell_type == "code":
                    cell.outputs, cell.execution_count = [], None
            client = NotebookClient(
                notebook,
                timeout=60,
                kernel_name="python3",
                allow_errors=True,
                resources={"metadata": {"path": str(path.parent)}},
            )
            started = time.perf_counter()
            client.execute()
            times.append(time.perf_counter() - started)
    return times


def run() -> list[Figure]:
    from kit.trainer.course import tool_environment
    from kit.trainer.grade import GradeOptions, grade

    os.environ["PATH"] = tool_environment()["PATH"]
    workers = WORKERS
    with tempfile.TemporaryDirectory(prefix="kit-bench-grading-") as tmp:
        plain, stages = _build(Path(tmp) / "plain")
        kit_root = Path(tmp) / "kit"
        shutil.copytree(plain.root, kit_root)
        from kit.trainer.course import Course

        kit_course = Course(kit_root)
        notebooks = sum(len(list(plain.submitted.glob(f"*/{s}/*.ipynb"))) for s in stages)

        started = time.perf_counter()
        for stage in stages:
            plain.nbgrader("autograde", stage, "--force")
        plain_seconds = time.perf_counter() - started

        started = time.perf_counter()
        result = grade(kit_course, stages, options=GradeOptions(jobs=workers, progress=False))
        kit_seconds = time.perf_counter() - started

        bare = statistics.median(_bare_seconds(plain, stages))
    speedup = plain_seconds / kit_seconds
    cores = os.cpu_count() or 1
    kit_slot = kit_seconds * cores / notebooks
    plain_each = plain_seconds / notebooks
    note = (
        f"{TRAINEES} trainees × {len(stages)} stage(s) = {notebooks} notebooks, {cores} cores; "
        "one run each, side by side"
    )
    return [
        Figure("plain nbgrader autograde, sequential", plain_seconds, "s", note=note),
        Figure(f"kit grade, {workers} workers, {result.sandbox.kind}", kit_seconds, "s", note=note),
        Figure(
            "speedup kit vs plain", speedup, "×", target=">= 1.8× on 2 cores", met=speedup >= 1.8
        ),
        Figure(
            "bare nbclient execution per notebook (median)",
            bare,
            "s",
            note=f"{BARE_SAMPLE} per stage",
        ),
        Figure(
            "plain nbgrader per notebook",
            plain_each,
            "s",
            note=f"overhead {plain_each - bare:+.2f} s vs bare",
        ),
        Figure(
            "kit per notebook (wall × cores ÷ notebooks)",
            kit_slot,
            "core·s",
            note=f"overhead {kit_slot - bare:+.2f} s vs bare",
        ),
    ]


if __name__ == "__main__":
    print_table(run())
