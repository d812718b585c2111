"""Reading and tidying a 100,000-row CP932 municipal CSV with ``kit.readers.read``, side by side
with pandas' plain ``read_csv(encoding="cp932")`` on the same file.

Two shapes of file, both with a title row and a 和暦 date above the header, ``-`` for zero and
``X`` for suppressed cells, thousands separators, 合計 rows and a note below:

* long: 町丁別・年齢（各歳）別・男女別人口 over five years (9 columns, 和暦 dates in a column,
  full-width digits in 町丁名);
* wide: 地域・年齢別人口 in the open-data layout (46 columns).

Target: kit within 1.5× of pandas (medians of interleaved runs; wall time, and CPU time, which
other processes on a shared machine disturb less).

    .venv/bin/python -m bench.bench_readers
"""

from __future__ import annotations

import statistics
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from bench._util import Figure, print_table

ROWS = 100_000
RUNS = 11
TARGET = 1.5
_WIDE_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _write(path: Path, lines: list[str], width: int) -> Path:
    """CP932 with CRLF, the title rows padded with commas as Excel writes them."""
    lines = [
        line + "," * (width - 1 - line.count(",")) if line.count(",") < width - 1 else line
        for line in lines
    ]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp932"))
    return path


def _cells(values: np.ndarray) -> list[str]:
    return [
        "-" if v == 0 else ("X" if v == 1 else (f'"{v:,}"' if v >= 1000 else str(v)))
        for v in values
    ]


def make_long_file(path: Path, rows: int = ROWS) -> Path:
    """町丁 × 年 × 各歳 (9 columns), plus a 合計 row per 町丁 and year (deterministic)."""
    rng = np.random.default_rng(20260401)
    years = ["令和4年4月1日", "令和5年4月1日", "令和6年4月1日", "令和7年4月1日", "令和8年4月1日"]
    ages = [f"{a}歳" for a in range(100)] + ["100歳以上"]
    lines = ["七瀬市 町丁別・年齢別・男女別人口（住民基本台帳）", "令和8年4月1日現在",
             "全国地方公共団体コード,調査年月日,地区,町丁コード,町丁名,年齢,男,女,計"]  # fmt: skip
    for town in range(max(1, rows // (len(years) * (len(ages) + 1)))):
        name = f"旭丘{town % 9 + 1}丁目".translate(_WIDE_DIGITS) if town % 3 else f"緑町{town}"
        ids = f"992011,{{year}},第{town % 8 + 1}地区,{town:05d},{name}"
        for year in years:
            male, female = rng.integers(0, 40, len(ages)), rng.integers(0, 40, len(ages))
            for age, m, f in zip(ages, male, female, strict=True):
                lines.append(
                    f"{ids.format(year=year)},{age},{','.join(_cells(np.array([m, f, m + f])))}"
                )
            sums = np.array([male.sum(), female.sum(), male.sum() + female.sum()])
            lines.append(f"{ids.format(year=year)},合計,{','.join(_cells(sums))}")
    lines += ["", "注）外国人住民を含む。"]
    return _write(path, lines, 9)


def make_wide_file(path: Path, rows: int = ROWS) -> Path:
    """地域・年齢別人口 in the open-data layout (46 columns), a 合計 row per 100 areas."""
    rng = np.random.default_rng(20260402)
    bands = [f"{a}-{a + 4}歳" for a in range(0, 85, 5)] + ["85歳以上"]
    header = [
        "全国地方公共団体コード",
        "地域コード",
        "地方公共団体名",
        "調査年月日",
        "地域名",
        "総人口",
        "男性",
        "女性",
    ]
    header += [f"{band}の{sex}" for band in bands for sex in ("男性", "女性")] + ["世帯数", "備考"]
    lines = ["七瀬市 地域・年齢別人口", "令和8年4月1日現在", ",".join(header)]
    counts = rng.integers(0, 120, size=(rows, len(bands) * 2))
    for row in range(rows):
        values = counts[row]
        if row % 100 == 99:
            ids = ["992011", "", "七瀬市", "2026-04-01", "合計"]
            values = counts[row - 99 : row].sum(axis=0)
        else:
            ids = [
                "992011",
                f"{row:07d}",
                "七瀬市",
                "2026-04-01",
                f"旭丘{row % 50}丁目".translate(_WIDE_DIGITS),
            ]
        head = np.array([values.sum(), values[0::2].sum(), values[1::2].sum()])
        lines.append(
            ",".join([*ids, *_cells(head), *_cells(values), str(int(values.sum()) // 2), ""])
        )
    lines += ["", "注）外国人住民を含む。"]
    return _write(path, lines, len(header))


def _interleaved(
    functions: dict[str, Callable[[], object]], runs: int
) -> dict[str, tuple[float, float]]:
    """Median wall time and median CPU time of each function, runs interleaved."""
    wall: dict[str, list[float]] = {name: [] for name in functions}
    cpu: dict[str, list[float]] = {name: [] for name in functions}
    for fn in functions.values():  # warm-up
        fn()
    for _ in range(runs):
        for name, fn in functions.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            fn()
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    return {
        name: (statistics.median(wall[name]), statistics.median(cpu[name])) for name in functions
    }


def _figures(label: str, path: Path) -> list[Figure]:
    from kit.readers import read

    result = read(path)
    note = f"{len(result.table) + len(result.totals):,} rows × {len(result.table.columns)} columns"
    with warnings.catch_warnings():  # pandas warns about the mixed types of the title rows
        warnings.simplefilter("ignore")
        medians = _interleaved(
            {"pandas": lambda: pd.read_csv(path, encoding="cp932"), "kit": lambda: read(path)},
            RUNS,
        )
        medians.update(_interleaved({"kit_changes": lambda: read(path).changes}, 3))
    wall = medians["kit"][0] / medians["pandas"][0]
    cpu = medians["kit"][1] / medians["pandas"][1]
    return [
        Figure(f"{label}: pandas read_csv(encoding='cp932')", medians["pandas"][0], "s", note=note),
        Figure(f"{label}: kit.readers.read (tidy, typed)", medians["kit"][0], "s"),
        Figure(
            f"{label}: kit read + .changes built",
            medians["kit_changes"][0],
            "s",
            note="log built on demand",
        ),
        Figure(
            f"{label}: ratio kit / pandas (wall)",
            wall,
            "×",
            target=f"<= {TARGET}",
            met=wall <= TARGET,
        ),
        Figure(
            f"{label}: ratio kit / pandas (CPU)", cpu, "×", target=f"<= {TARGET}", met=cpu <= TARGET
        ),
    ]


def run() -> list[Figure]:
    """Time pandas and kit on the same files; report both and their ratios."""
    with tempfile.TemporaryDirectory() as folder:
        long = make_long_file(Path(folder) / "人口_町丁別_各歳.csv")
        wide = make_wide_file(Path(folder) / "992011_population_20260401.csv")
        return _figures("long 9 cols", long) + _figures("wide 46 cols", wide)


if __name__ == "__main__":
    print_table(run())
