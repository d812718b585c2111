"""Draw an analysis-plan card: labelled rows of wrapped text and the legend classes as swatches.

The swatches use the same light-to-dark colours as ``kit.geo.choropleth``, so the card shows
what the map will look like.

>>> from kit.framing.plan import AnalysisPlanCard
>>> ax = draw_card(AnalysisPlanCard("仮説", ["population"], "比べる", "地図", ["少", "中", "多"]))
>>> [t.get_text() for t in ax.texts][:2]
['仮説', '仮説']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.framing._wrap import wrap
from kit.framing.plan import describe_data

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from kit.framing.plan import AnalysisPlanCard

CARD_WIDTH = 7.0  # inches (one data unit is one inch)
LABEL_WIDTH = 1.3
LINE_HEIGHT = 0.21
ROW_PAD = 0.14
FONT_SIZE = 10
CHARS_PER_LINE = 72  # half-width units in the text column
LABEL_FILL = "#E8EEF4"
CMAP = "YlGnBu"  # kit.geo.choropleth's default


def draw_card(
    card: AnalysisPlanCard, ax: Axes | None = None, *, title: str = "分析計画カード"
) -> Axes:
    """The figure of :meth:`AnalysisPlanCard.draw`; returns the Axes."""
    from matplotlib.patches import Rectangle

    from kit.plot._common import new_axes

    rows = [
        ("仮説", card.hypothesis),
        ("使うデータ", "、".join(describe_data(d) for d in card.data) or "（未記入）"),
        ("分析手法", card.method),
        ("図のイメージ", card.chart),
    ]
    wrapped = [
        (label, wrap(" ".join(str(text).split()) or "（未記入）", CHARS_PER_LINE))
        for label, text in rows
    ]
    heights = [len(lines) * LINE_HEIGHT + 2 * ROW_PAD for _, lines in wrapped]
    legend_height = 0.5 + 0.32 * ((len(card.legend_classes) + 3) // 4 if card.legend_classes else 1)
    total = sum(heights) + legend_height
    _, ax = new_axes(ax, figsize=(CARD_WIDTH + 0.2, total + 0.7))
    top = 0.0
    for (label, lines), height in zip(
        wrapped + [("凡例の区分", [])], [*heights, legend_height], strict=True
    ):
        ax.add_patch(
            Rectangle(
                (0, top - height),
                LABEL_WIDTH,
                height,
                facecolor=LABEL_FILL,
                edgecolor="#555555",
                linewidth=0.8,
            )
        )
        ax.add_patch(
            Rectangle(
                (LABEL_WIDTH, top - height),
                CARD_WIDTH - LABEL_WIDTH,
                height,
                facecolor="white",
                edgecolor="#555555",
                linewidth=0.8,
            )
        )
        ax.text(
            LABEL_WIDTH / 2,
            top - height / 2,
            label,
            ha="center",
            va="center",
            fontsize=FONT_SIZE,
            color="#1F3B57",
        )
        if lines:
            ax.text(
                LABEL_WIDTH + 0.12,
                top - ROW_PAD,
                "\n".join(lines),
                ha="left",
                va="top",
                fontsize=FONT_SIZE,
                linespacing=1.3,
            )
        top -= height
    _swatches(ax, card.legend_classes, top + legend_height)
    ax.set_xlim(-0.05, CARD_WIDTH + 0.05)
    ax.set_ylim(-total - 0.05, 0.05)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title)
    return ax


def _swatches(ax: Axes, classes: list[str], top: float) -> None:
    """A coloured square and its label for each legend class, four per line."""
    import matplotlib as mpl
    import numpy as np
    from matplotlib.patches import Rectangle

    if not classes:
        ax.text(
            LABEL_WIDTH + 0.12, top - 0.3, "（未記入）", ha="left", va="center", fontsize=FONT_SIZE
        )
        return
    colours = mpl.colormaps[CMAP](np.linspace(0.15, 0.9, len(classes)))
    column = (CARD_WIDTH - LABEL_WIDTH - 0.2) / 4
    for index, (name, colour) in enumerate(zip(classes, colours, strict=True)):
        x = LABEL_WIDTH + 0.15 + (index % 4) * column
        y = top - 0.35 - (index // 4) * 0.32
        ax.add_patch(
            Rectangle((x, y - 0.1), 0.2, 0.2, facecolor=colour, edgecolor="#555555", linewidth=0.6)
        )
        label = wrap(str(name), 16)[0]
        ax.text(x + 0.28, y, label, ha="left", va="center", fontsize=FONT_SIZE - 1)
