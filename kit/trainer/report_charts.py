"""Charts of the class report, as PNG data URIs to put inline (no external file, works offline).

Drawn with matplotlib's object API (no pyplot, no window) after ``kit.setup()`` (Japanese font).

>>> import pandas as pd
>>> score_chart(pd.Series([0.5, 0.8, 1.0]), "stage0").startswith("data:image/png;base64,")
True
"""

from __future__ import annotations

import base64
import io

import pandas as pd

STUCK = 0.5  # questions passed by fewer than half of the class are drawn in the warning colour


def _figure(width: float, height: float):  # noqa: ANN202 — a matplotlib Figure
    from matplotlib.figure import Figure

    import kit

    kit.setup()
    return Figure(figsize=(width, height), layout="constrained")


def _data_uri(figure) -> str:  # noqa: ANN001
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def score_chart(rates: pd.Series, assignment: str) -> str:
    """Histogram of score rates (0–1) of one assignment: how many trainees in each 10 % band."""
    from kit.style import PALETTE

    figure = _figure(6, 3)
    ax = figure.add_subplot()
    percent = rates.dropna().astype("float64") * 100
    ax.hist(percent, bins=list(range(0, 101, 10)), color=PALETTE[0], edgecolor="white")
    ax.set_title(f"{assignment} の得点の分布（{len(percent)} 人）")
    ax.set_xlabel("得点率（%）")
    ax.set_ylabel("人数（人）")
    ax.set_xlim(0, 100)
    ax.yaxis.get_major_locator().set_params(integer=True)
    return _data_uri(figure)


def pass_rate_chart(questions: pd.DataFrame, assignment: str) -> str:
    """Horizontal bars of the pass rate per question; questions below 50 % stand out.

    >>> rates = pd.DataFrame({"課題": ["s"], "問": ["問1"], "通過率": [0.4]})
    >>> pass_rate_chart(rates, "s").startswith("data:image/png")
    True
    """
    from kit.style import PALETTE

    table = questions[questions["課題"] == assignment]
    figure = _figure(6, 0.5 + 0.45 * max(len(table), 1))
    ax = figure.add_subplot()
    labels = list(table["問"])[::-1]
    rates = (table["通過率"].astype("float64") * 100).tolist()[::-1]
    colours = [PALETTE[5] if r < STUCK * 100 else PALETTE[2] for r in rates]
    bars = ax.barh(labels, rates, color=colours)
    ax.bar_label(bars, labels=[f"{r:.0f}%" for r in rates], padding=3)
    ax.set_xlim(0, 110)
    ax.set_title(f"{assignment} 問題ごとの通過率（満点の人の割合）")
    ax.set_xlabel("通過率（%）")
    return _data_uri(figure)
