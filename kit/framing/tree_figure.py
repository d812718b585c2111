"""Draw a logic tree left to right with matplotlib: boxes of wrapped Japanese text, elbow links.

One data unit is one inch, so text sizes and box sizes stay in proportion for any tree.
Leaves are stacked top to bottom in outline order; each parent sits level with the middle of
its children.

>>> from kit.framing.tree import LogicTree
>>> ax = draw_tree(LogicTree.from_outline("問題\\n  原因A\\n  原因B"))
>>> len(ax.patches)
3
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.framing._wrap import wrap
from kit.framing.means import is_means_phrase, normalise
from kit.style import PALETTE

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from kit.framing.tree import LogicTree, Node

BOX_WIDTH = 2.3  # inches
COLUMN_GAP = 0.55
LINE_HEIGHT = 0.19
ROW_GAP = 0.22
FONT_SIZE = 10
CHARS_PER_LINE = 28  # half-width units: 14 full-width characters
# Light fills by level (root, causes, causes of causes, …), from the kit palette.
LEVEL_FILLS = ("#CCE3F0", "#FBE5C0", "#CCEBE3", "#F0D9E6", "#DDEFFA")
WARNING_EDGE = PALETTE[5]


def draw_tree(
    tree: LogicTree,
    ax: Axes | None = None,
    *,
    title: str | None = "ロジックツリー",
    mark_problems: bool = True,
) -> Axes:
    """The figure of :meth:`LogicTree.draw`; returns the Axes (nothing is shown or saved)."""
    from matplotlib.patches import FancyBboxPatch

    from kit.plot._common import new_axes

    boxes = _layout(tree)
    width = (tree.depth + 1) * (BOX_WIDTH + COLUMN_GAP)
    height = max(1.0, -min(b.bottom for b in boxes.values()))
    _, ax = new_axes(ax, figsize=(max(4.0, width + 0.3), height + (0.8 if title else 0.4)))
    for box in boxes.values():
        for child in box.node.children:
            _link(ax, box, boxes[id(child)])
    for box in boxes.values():
        flagged = mark_problems and box.level > 0 and _flagged(box.node)
        ax.add_patch(
            FancyBboxPatch(
                (box.x - BOX_WIDTH / 2, box.y - box.height / 2),
                BOX_WIDTH,
                box.height,
                boxstyle="round,pad=0,rounding_size=0.08",
                facecolor=LEVEL_FILLS[min(box.level, len(LEVEL_FILLS) - 1)],
                edgecolor=WARNING_EDGE if flagged else "#555555",
                linestyle="--" if flagged else "-",
                linewidth=1.6 if flagged else 0.8,
            )
        )
        ax.text(
            box.x,
            box.y,
            "\n".join(box.lines),
            ha="center",
            va="center",
            fontsize=FONT_SIZE,
            linespacing=1.25,
        )
    ax.set_xlim(-BOX_WIDTH / 2 - 0.1, width - COLUMN_GAP - BOX_WIDTH / 2 + 0.1)
    ax.set_ylim(-height - 0.05, 0.05)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title)
    return ax


class _Box:
    """Where one node is drawn."""

    def __init__(self, node: Node, level: int) -> None:
        self.node = node
        self.level = level
        self.lines = wrap(" ".join(node.text.split()) or "（空）", CHARS_PER_LINE)
        self.height = len(self.lines) * LINE_HEIGHT + 0.16
        self.x = level * (BOX_WIDTH + COLUMN_GAP)
        self.y = 0.0

    @property
    def bottom(self) -> float:
        return self.y - self.height / 2


def _layout(tree: LogicTree) -> dict[int, _Box]:
    """Boxes keyed by ``id(node)``: leaves stacked in order, parents centred on their children."""
    boxes: dict[int, _Box] = {}
    cursor = [0.0]  # top of the next free row

    def place(node: Node, level: int) -> _Box:
        box = _Box(node, level)
        boxes[id(node)] = box
        if node.children:
            top = cursor[0]
            children = [place(c, level + 1) for c in node.children]
            box.y = (children[0].y + children[-1].y) / 2
            overlap = box.y + box.height / 2 - top
            if overlap > 0:  # a tall parent over few children: move the subtree down
                for part in _subtree(node):
                    boxes[id(part)].y -= overlap
                cursor[0] -= overlap
            cursor[0] = min(cursor[0], box.y - box.height / 2 - ROW_GAP)
        else:
            box.y = cursor[0] - box.height / 2
            cursor[0] -= box.height + ROW_GAP
        return box

    place(tree.root, 0)
    return boxes


def _subtree(node: Node) -> list[Node]:
    return [node, *(part for child in node.children for part in _subtree(child))]


def _link(ax: Axes, parent: _Box, child: _Box) -> None:
    """An elbow line from the right edge of ``parent`` to the left edge of ``child``."""
    start = parent.x + BOX_WIDTH / 2
    end = child.x - BOX_WIDTH / 2
    middle = (start + end) / 2
    ax.plot(
        [start, middle, middle, end],
        [parent.y, parent.y, child.y, child.y],
        color="#777777",
        linewidth=0.9,
        zorder=0,
    )


def _flagged(node: Node) -> bool:
    return not normalise(node.text) or is_means_phrase(node.text)
