"""``make bench``: run every benchmark and print one table; ``--record`` writes bench/RESULTS.md.

>>> # python -m bench [--only notebooks,readers] [--record]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import pkgutil
import platform
from pathlib import Path

import bench
from bench._util import Figure

RESULTS = Path(__file__).with_name("RESULTS.md")


def topics() -> list[str]:
    return sorted(
        m.name.removeprefix("bench_")
        for m in pkgutil.iter_modules(bench.__path__)
        if m.name.startswith("bench_")
    )


def machine() -> str:
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    return (
        f"{platform.platform()}, {os.cpu_count()} CPUs{memory}, Python {platform.python_version()}"
    )


def table(figures: list[tuple[str, Figure]]) -> str:
    lines = ["| topic | figure | median | target | met | note |", "|---|---|---|---|---|---|"]
    lines += [f"| {topic} {fig.row()}" for topic, fig in figures]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--only", help="comma-separated topics, e.g. notebooks,readers")
    parser.add_argument("--record", action="store_true", help=f"write the table to {RESULTS.name}")
    args = parser.parse_args(argv)
    chosen = args.only.split(",") if args.only else topics()
    figures: list[tuple[str, Figure]] = []
    for topic in chosen:
        module = importlib.import_module(f"bench.bench_{topic}")
        print(f"… {topic}", flush=True)
        figures += [(topic, fig) for fig in module.run()]
    text = table(figures)
    print(text)
    if args.record:
        stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
        RESULTS.write_text(
            f"# Benchmark results\n\nMeasured {stamp} on {machine()}.\n"
            f"Each figure is a median of several runs; ratios are measured side by side in one run.\n\n"
            f"{text}\n",
            encoding="utf-8",
        )
        print(f"written to {RESULTS}")


if __name__ == "__main__":
    main()
