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


HEADER = "| topic | figure | median | target | met | note | measured |"


def rows(figures: list[tuple[str, Figure]], stamp: str) -> list[str]:
    """Markdown table rows, one per figure, each with the time it was measured."""
    return [f"| {topic} {fig.row()} {stamp} |" for topic, fig in figures]


def recorded_rows(text: str) -> dict[str, list[str]]:
    """Rows of an earlier RESULTS.md by topic, so re-measuring one topic keeps the others.

    >>> recorded_rows("| notebooks | stage0 | 5 s | | | | 2026-01-01 |")["notebooks"][0][:11]
    '| notebooks'
    """
    kept: dict[str, list[str]] = {}
    for line in text.splitlines():
        cells = line.split("|")
        if len(cells) > 8 and line.startswith("| ") and not line.startswith(("| topic", "|---")):
            kept.setdefault(cells[1].strip(), []).append(line)
    return kept


def record(figures: list[tuple[str, Figure]], stamp: str) -> None:
    """Write RESULTS.md: the new rows replace those of their topics; other topics stay."""
    old = recorded_rows(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    new: dict[str, list[str]] = {}
    for line in rows(figures, stamp):
        new.setdefault(line.split("|")[1].strip(), []).append(line)
    merged = {**old, **new}
    body = [HEADER, "|---|---|---|---|---|---|---|"]
    body += [line for topic in sorted(merged) for line in merged[topic]]
    RESULTS.write_text(
        "# Benchmark results\n\n"
        f"Machine: {machine()}.\n"
        "Each figure is a median of several runs unless its note says otherwise; ratios are "
        "measured side by side in one run. `python -m bench --only TOPIC --record` re-measures "
        "one topic and keeps the rest.\n\n" + "\n".join(body) + "\n",
        encoding="utf-8",
    )


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
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    print("\n".join([HEADER, "|---|---|---|---|---|---|---|", *rows(figures, stamp)]))
    if args.record:
        record(figures, stamp)
        print(f"written to {RESULTS}")


if __name__ == "__main__":
    main()
