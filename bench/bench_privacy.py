"""Privacy benchmarks on a synthetic 1,000,000-row register (no real data).

- k-anonymity report over 年齢階級 × 性別 × 町丁目: target under 1 s.
- Small-cell suppression (一次・二次秘匿) of a 町丁目・性別 × 年齢 table built from the same rows:
  target under 1 s for aggregation plus suppression.
- Keyed pseudonyms for 1,000,000 distinct IDs (for information).

>>> figures = run(n=20_000, repeat=1)  # doctest: +SKIP
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from bench._util import Figure, median_seconds, print_table
from kit.privacy import age_band, k_anonymity, pseudonymize, suppress_small_cells

N_ROWS = 1_000_000
N_TOWNS = 60
KEY = "bench-key-0123456789abcdef"


def synthetic_register(n: int = N_ROWS, seed: int = 0) -> pd.DataFrame:
    """Ages thinning out after 70, towns of very different sizes, two sexes."""
    rng = np.random.default_rng(seed)
    age_weights = np.where(np.arange(101) < 70, 1.0, np.exp(-(np.arange(101) - 70) / 6))
    ages = rng.choice(101, size=n, p=age_weights / age_weights.sum())
    town_weights = rng.pareto(1.2, N_TOWNS) + 0.05
    towns = rng.choice(
        [f"町{i:02d}" for i in range(N_TOWNS)], size=n, p=town_weights / town_weights.sum()
    )
    frame = pd.DataFrame(
        {
            "年齢": ages,
            "性別": rng.choice(["男性", "女性"], size=n),
            "町丁目": pd.Series(towns, dtype="str"),
        }
    )
    frame["年齢階級"] = age_band(frame["年齢"])
    return frame


def run(n: int = N_ROWS, repeat: int = 5) -> list[Figure]:
    """Measure the figures; ``n`` rows, median of ``repeat`` runs."""
    register = synthetic_register(n)
    qi = ["年齢階級", "性別", "町丁目"]
    report = k_anonymity(register, qi)
    k_seconds = median_seconds(lambda: k_anonymity(register, qi), repeat=repeat)

    def aggregate() -> pd.DataFrame:
        return register.groupby(["町丁目", "性別", "年齢"]).size().unstack(fill_value=0)

    table = aggregate()
    out = suppress_small_cells(table)
    hidden = int(out.isna().to_numpy().sum())
    primary = int(((table > 0) & (table < 3)).to_numpy().sum())
    both_seconds = median_seconds(lambda: suppress_small_cells(aggregate()), repeat=repeat)
    suppress_seconds = median_seconds(lambda: suppress_small_cells(table), repeat=repeat)

    ids = pd.Series([f"ID{i:07d}" for i in range(n)])
    pseudo_seconds = median_seconds(lambda: pseudonymize(ids, KEY), repeat=max(1, repeat // 2))
    rows = f"{n:,} rows"
    return [
        Figure(
            "k-anonymity report (3 quasi-identifiers)",
            k_seconds,
            "s",
            target="< 1 s",
            met=k_seconds < 1,
            note=f"{rows}; k = {report.k}, {len(report.groups):,} groups",
        ),
        Figure(
            "small-cell suppression: aggregate + 一次・二次秘匿",
            both_seconds,
            "s",
            target="< 1 s",
            met=both_seconds < 1,
            note=f"{rows} → {table.shape[0]}×{table.shape[1]} cells; {primary} primary, {hidden} hidden in all",
        ),
        Figure("small-cell suppression alone", suppress_seconds, "s", note=f"{table.size:,} cells"),
        Figure("pseudonymize (HMAC-SHA256)", pseudo_seconds, "s", note=f"{n:,} distinct IDs"),
    ]


if __name__ == "__main__":
    print_table(run())
