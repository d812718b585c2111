"""Stage notebooks: Run-All wall time (kernel start included), peak kernel memory, kit start-up.

Each source notebook (model answers in place) runs in a scratch folder with a fresh kernel;
the kernel's peak resident memory is its ``VmHWM`` read from /proc just before shutdown.

>>> # python -m bench.bench_notebooks
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from bench._util import Figure, print_table

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "notebooks" / "source"
TARGET_SECONDS = 10.0
TARGET_MB = 350.0
REPEAT = 3


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_notebook(path: Path) -> tuple[float, float]:
    """Wall seconds of kernel start + Run All, and the kernel's peak RSS in MB."""
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch) / path.parent.name
        work.mkdir()
        copy = work / path.name
        shutil.copy2(path, copy)
        notebook = nbformat.read(copy, as_version=4)
        client = NotebookClient(
            notebook,
            timeout=600,
            kernel_name="python3",
            resources={"metadata": {"path": str(work)}},
        )
        start = time.perf_counter()
        with client.setup_kernel():
            for index, cell in enumerate(notebook.cells):
                client.execute_cell(cell, index)
            elapsed = time.perf_counter() - start
            peak = _peak_rss_mb(client.km.provisioner.process.pid)
    return elapsed, peak


def _fresh_python_seconds(code: str, repeat: int = 7) -> float:
    """Median seconds of ``code`` timed inside fresh interpreters (start-up excluded)."""
    probe = f"import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", probe], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(repeat)
    ]
    return statistics.median(times)


def run(repeat: int = REPEAT) -> list[Figure]:
    figures = []
    total = 0.0
    for path in sorted(SOURCE.glob("stage*/*.ipynb")):
        runs = [run_notebook(path) for _ in range(repeat)]
        wall = statistics.median(r[0] for r in runs)
        peak = max(r[1] for r in runs)
        total += wall
        name = f"{path.parent.name}/{path.name}"
        figures.append(
            Figure(
                f"Run All {name}", wall, "s", f"<= {TARGET_SECONDS:.0f} s", wall <= TARGET_SECONDS
            )
        )
        figures.append(
            Figure(
                f"peak kernel memory {name}",
                peak,
                "MB",
                f"<= {TARGET_MB:.0f} MB",
                peak <= TARGET_MB,
            )
        )
    figures.append(Figure("Run All, whole course", total, "s", note="sum of the medians"))
    import_kit = _fresh_python_seconds("import kit")
    figures.append(Figure("import kit", import_kit, "s", "<= 0.1 s", import_kit <= 0.1))
    setup = _fresh_python_seconds("import kit; kit.setup()")
    figures.append(
        Figure("import kit + kit.setup()", setup, "s", note="imports pandas, matplotlib, seaborn")
    )
    return figures


if __name__ == "__main__":
    print_table(run())
