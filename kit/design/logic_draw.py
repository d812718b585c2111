"""A logic model as a figure: one column per stage, one card per item with its indicator and data.

Missing indicators or data are written as「（未設定）」in red, so gaps show at a glance.

>>> import kit
>>> kit.setup()
>>> ax = model.draw()  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from matplotlib.axes import Axes
from matplotlib.patches import FancyArrow, FancyBboxPatch

from kit.design._text import is_blank, wrap_ja
from kit.errors import InputError
from kit.plot._common import new_axes
from kit.style import PALETTE

if TYPE_CHECKING:
    from kit.design.logic_model import LogicItem, LogicModel

MISSING = "（未設定）"
MISSING_COLOUR = PALETTE[5]
HEADER_COLOURS = (PALETTE[4], PALETTE[4], PALETTE[0], PALETTE[2], PALETTE[2], PALETTE[3])
FONT_SIZE = 10.0
COLUMN_WIDTH = 1.0
CARD_WIDTH = 0.9
SLOT = 1.0  # vertical data units per item card
LINE_SPACING = 1.0  # matplotlib spaces the lines of one text at about 1.0 × the font size
GAP = 0.5  # space between the text blocks of a card, in lines


def draw_logic_model(model: LogicModel, ax: Axes | None = None) -> Axes:
    """Draw ``model`` left to right (インプット … インパクト); returns the Axes.

    Cards grow to fit their text (at most 3 lines for the item, 2 each for indicator and data).

    >>> from kit.design.logic_model import LogicModel
    >>> ax = draw_logic_model(LogicModel("例").add("活動", "通知を送る"))
    >>> [t.get_text() for t in ax.texts][:2]
    ['インプット', '活動']
    """
    from kit.design.logic_model import MEASURED_STAGES, STAGES, LogicModel

    if not isinstance(model, LogicModel):
        raise InputError("ロジックモデル（kit.design.LogicModel）を渡してください。")
    n_slots = max([len(model.items(k)) for k in STAGES] + [1])
    card_in = 11.0 * 0.97 / len(STAGES) * CARD_WIDTH
    wrap = max(8, int(card_in / (FONT_SIZE / 144)) - 2)
    cards = {
        key: [_blocks(item, key in MEASURED_STAGES, wrap) for item in model.items(key)]
        for key in STAGES
    }
    line_in = FONT_SIZE * LINE_SPACING / 72
    tallest = max([_height(b) for blocks in cards.values() for b in blocks] + [3.0])
    slot_in = (tallest + 2.4) * line_in  # room above and below the text
    span = n_slots * SLOT + 0.6  # data units from the bottom card to the top of the headers
    own_figure = ax is None
    fig, ax = new_axes(ax, figsize=(11.0, 0.5 + span * slot_in))
    # A new figure's constrained layout leaves the axes all but the title's height.
    axes_in = span * slot_in if own_figure else fig.get_figheight() * ax.get_position().height
    line = line_in * span / max(axes_in, 0.1)  # one text line, in data units
    for col, (key, label) in enumerate(STAGES.items()):
        x = col * COLUMN_WIDTH + COLUMN_WIDTH / 2
        _header(ax, x, label, HEADER_COLOURS[col])
        if col < len(STAGES) - 1:
            ax.add_patch(
                FancyArrow(x + 0.44, 0.25, 0.12, 0, width=0.08, head_width=0.2, head_length=0.05,
                           length_includes_head=True, color="#777777")
            )  # fmt: skip
        for row, blocks in enumerate(cards[key]):
            _card(ax, x, -row * SLOT, blocks, line)
    ax.set_xlim(0, len(STAGES) * COLUMN_WIDTH)
    ax.set_ylim(-n_slots * SLOT - 0.05, 0.55)
    ax.set_axis_off()
    ax.set_title(f"ロジックモデル：{model.title}" if model.title else "ロジックモデル", loc="left")
    return ax


def _blocks(item: LogicItem, measured: bool, wrap: int) -> list[tuple[str, float, str]]:
    """The card's text blocks: (text, font size, colour)."""
    blocks = [(wrap_ja(item.text, wrap, max_lines=3), FONT_SIZE, "black")]
    rows = [
        ("指標", item.indicator, measured),
        ("データ", item.source, not is_blank(item.indicator)),
    ]
    for name, value, required in rows:
        missing = is_blank(value)
        if missing and not required:
            continue
        text = wrap_ja(f"{name}：{MISSING if missing else value}", wrap + 2, max_lines=2)
        blocks.append((text, FONT_SIZE - 1, MISSING_COLOUR if missing else "#444444"))
    return blocks


def _height(blocks: list[tuple[str, float, str]]) -> float:
    """Height of a card's text in lines of the main font (gaps included)."""
    lines = [(text.count("\n") + 1) * size / FONT_SIZE for text, size, _ in blocks]
    return sum(lines) + GAP * (len(blocks) - 1)


def _header(ax: Axes, x: float, label: str, colour: str) -> None:
    ax.add_patch(
        FancyBboxPatch(
            (x - CARD_WIDTH / 2, 0.05),
            CARD_WIDTH,
            0.4,
            boxstyle="round,pad=0,rounding_size=0.04",
            fc=colour,
            ec="none",
        )
    )
    ax.text(
        x,
        0.25,
        label,
        ha="center",
        va="center",
        fontsize=FONT_SIZE + 1,
        color="white" if colour in (PALETTE[0], PALETTE[3]) else "black",
    )


def _card(
    ax: Axes, x: float, top: float, blocks: list[tuple[str, float, str]], line: float
) -> None:
    ax.add_patch(
        FancyBboxPatch((x - CARD_WIDTH / 2, top - SLOT + 0.06), CARD_WIDTH, SLOT - 0.12,
                       boxstyle="round,pad=0,rounding_size=0.04", fc="white", ec="#999999",
                       lw=0.8)
    )  # fmt: skip
    left = x - CARD_WIDTH / 2 + 0.03
    y = top - 0.06 - 0.5 * line
    for text, size, colour in blocks:
        ax.text(left, y, text, ha="left", va="top", fontsize=size, color=colour)
        y -= line * ((text.count("\n") + 1) * size / FONT_SIZE + GAP)
