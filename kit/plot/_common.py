"""Shared parts of kit's charts and maps: axes, column checks, the Japanese-font reminder.

>>> fig, ax = new_axes(None)
>>> ax.figure is fig
True
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from kit.errors import InputError

FONT_REMINDER = "日本語を正しく表示するため、最初に kit.setup() を実行してください。"


def new_axes(ax: Axes | None, figsize: tuple[float, float] = (7.0, 4.5)) -> tuple[Figure, Axes]:
    """The given axes and its figure, or a new figure with one axes; warns if fonts are not set.

    >>> fig, ax = new_axes(None, figsize=(3, 2))
    >>> tuple(fig.get_size_inches())
    (np.float64(3.0), np.float64(2.0))
    """
    warn_without_japanese_font()
    if ax is not None:
        if not isinstance(ax, Axes):
            raise InputError(
                "ax には matplotlib の Axes を渡してください（例: fig, ax = plt.subplots()）。"
            )
        return ax.figure, ax  # type: ignore[return-value]
    import matplotlib.pyplot as plt

    fig, new = plt.subplots(figsize=figsize, layout="constrained")
    return fig, new


def warn_without_japanese_font() -> None:
    """Warn (once per place) when kit.setup() has not put the Japanese font first."""
    import matplotlib as mpl

    from kit.style import JAPANESE_FONT

    family = mpl.rcParams["font.family"]
    if not family or family[0] != JAPANESE_FONT:
        warnings.warn(FONT_REMINDER, UserWarning, stacklevel=3)


def require_frame_columns(df: object, columns: Iterable[object]) -> pd.DataFrame:
    """The DataFrame, after checking it has every one of ``columns`` (Japanese InputError).

    >>> require_frame_columns(pd.DataFrame({"年": [2024]}), ["年"]).shape
    (1, 1)
    """
    if not isinstance(df, pd.DataFrame):
        raise InputError(
            f"表（DataFrame）を渡してください（渡されたのは {type(df).__name__} です）。"
        )
    for column in columns:
        if column is not None and column not in df.columns:
            available = "、".join(map(str, df.columns[:20]))
            raise InputError(
                f"列「{column}」が表にありません（ある列: {available}）。",
                column=column,
                action="列名の綴りや全角・半角を確認してください。",
            )
    return df


def axis_label(name: object, unit: str | None) -> str:
    """An axis label with its unit in Japanese brackets: 人口（人）.

    >>> axis_label("人口", "人"), axis_label("年", None)
    ('人口（人）', '年')
    """
    return f"{name}（{unit}）" if unit else str(name)
