"""Shared helpers for benchmarks: medians of repeated timings and the result row format.

>>> fig = Figure("import kit", median_seconds(lambda: None, repeat=3), "s", target="<= 0.1 s")
>>> fig.name
'import kit'
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Figure:
    """One measured figure: what, how much, in which unit, against which target."""

    name: str
    value: float
    unit: str
    target: str = ""
    met: bool | None = None
    note: str = ""

    def row(self) -> str:
        met = {True: "yes", False: "NO", None: ""}[self.met]
        return (
            f"| {self.name} | {self.value:.3g} {self.unit} | {self.target} | {met} | {self.note} |"
        )


def median_seconds(fn: Callable[[], object], repeat: int = 5, warmup: int = 1) -> float:
    """Median wall time of ``fn()`` over ``repeat`` runs, after ``warmup`` untimed runs.

    >>> median_seconds(lambda: sum(range(10)), repeat=3) >= 0
    True
    """
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def print_table(figures: list[Figure]) -> None:
    """Print figures as one Markdown table."""
    print("| figure | median | target | met | note |")
    print("|---|---|---|---|---|")
    for fig in figures:
        print(fig.row())
