"""Swimlane figures of business flows: one flow, or the current and the wanted flow compared.

Lanes are horizontal bands (actors, top to bottom); steps are boxes placed left to right by
their order, joined by arrows; steps with a pain point (課題) have a red frame and the pain
point written under them.

>>> import kit
>>> kit.setup()
>>> fig = draw_flows(as_is, to_be)  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, Patch

from kit.design._text import wrap_ja
from kit.errors import InputError
from kit.plot._common import new_axes, warn_without_japanese_font
from kit.style import PALETTE

if TYPE_CHECKING:
    from kit.design.flow import ServiceFlow

ISSUE_COLOUR = PALETTE[5]  # vermillion
BOX_COLOUR = "#FFFFFF"
LANE_SHADES = ("#F2F2F2", "#E6EEF5")
LABEL_WIDTH = 1.0  # data units of the lane-label column
FONT_SIZE = 9.0


def _lane_rows(flows: list[ServiceFlow]) -> list[str]:
    """Lanes of all flows, in first-seen order, so compared flows line up."""
    lanes: list[str] = []
    for flow in flows:
        for lane in [*flow.lanes, *(s.lane for s in flow.steps)]:
            if lane not in lanes:
                lanes.append(lane)
    return lanes


def draw_flow(
    flow: ServiceFlow,
    ax: Axes | None = None,
    lanes: list[str] | None = None,
    columns: int | None = None,
) -> Axes:
    """Draw one flow as a swimlane figure; returns the Axes (title = the flow's title).

    ``lanes`` fixes the rows and ``columns`` the number of step columns (to line up two
    flows); by default the flow's own.

    >>> from kit.design.flow import ServiceFlow
    >>> ax = draw_flow(ServiceFlow("現状", lanes=["住民"]).add("住民", "申請する"))
    >>> ax.get_title(loc="left")
    '現状'
    """
    from kit.design.flow import ServiceFlow

    if not isinstance(flow, ServiceFlow):
        raise InputError("業務フロー（kit.design.ServiceFlow）を渡してください。")
    lanes = lanes or _lane_rows([flow])
    orders = sorted({s.order for s in flow.steps})
    column = {order: i for i, order in enumerate(orders)}
    n_cols = max(len(orders), columns or 1, 1)
    figsize = (min(2.0 + 1.45 * n_cols, 14.0), 0.3 + 1.05 * len(lanes))
    fig, ax = new_axes(ax, figsize=figsize)
    _draw_lanes(ax, lanes, n_cols)
    box_inches = 0.74 * _inches_per_unit(fig, ax, n_cols)
    wrap = max(6, int(box_inches / (FONT_SIZE / 144)))
    boxes = {}
    for step in flow.ordered():
        x = LABEL_WIDTH + column[step.order] + 0.5
        y = -(lanes.index(step.lane) + 0.5)
        boxes[id(step)] = _draw_box(ax, x, y, step.text, step.issue, wrap)
    _draw_arrows(ax, flow, boxes)
    ax.set_xlim(0, LABEL_WIDTH + n_cols)
    ax.set_ylim(-len(lanes), 0)
    ax.set_axis_off()
    ax.set_title(flow.title, fontsize=11, loc="left")
    if flow.issues():
        ax.legend(
            handles=[
                Patch(facecolor=BOX_COLOUR, edgecolor=ISSUE_COLOUR, lw=2, label="課題のある手順")
            ],
            loc="upper right",
            bbox_to_anchor=(1.0, 1.12),
            fontsize=8,
            frameon=False,
        )
    return ax


def draw_flows(
    as_is: ServiceFlow, to_be: ServiceFlow, *, title: str | None = None, layout: str = "auto"
) -> Figure:
    """The current flow (現状) and the wanted flow (あるべき姿) with the same lanes, compared.

    ``layout`` is "horizontal" (side by side), "vertical" (one above the other) or "auto"
    (side by side when both flows are short). Each panel's title counts the steps of the
    first lane (usually 住民), the burden a new service should lower.

    >>> from kit.design.flow import ServiceFlow
    >>> a = ServiceFlow("現状", lanes=["住民"]).add("住民", "来庁する").add("住民", "申請する")
    >>> b = ServiceFlow("あるべき姿", lanes=["住民"]).add("住民", "通知を見て申請する")
    >>> [ax.get_title(loc="left") for ax in draw_flows(a, b).axes]
    ['現状（住民の手順 2）', 'あるべき姿（住民の手順 1）']
    """
    if layout not in ("auto", "horizontal", "vertical"):
        raise InputError('layout は "auto"、"horizontal"、"vertical" のどれかにしてください。')
    import matplotlib.pyplot as plt

    warn_without_japanese_font()
    lanes = _lane_rows([as_is, to_be])
    widths = [max(len({s.order for s in f.steps}), 1) for f in (as_is, to_be)]
    if layout == "auto":
        layout = "horizontal" if max(widths) <= 5 else "vertical"
    if layout == "horizontal":
        size = (min(2.0 * (2.0 + 1.3 * max(widths)), 15.0), 0.9 + 1.05 * len(lanes))
        fig, axes = plt.subplots(1, 2, figsize=size, layout="constrained")
    else:
        size = (min(2.0 + 1.45 * max(widths), 14.0), 2 * (0.5 + 1.05 * len(lanes)))
        fig, axes = plt.subplots(2, 1, figsize=size, layout="constrained")
    for ax, flow in zip(axes, (as_is, to_be), strict=True):
        draw_flow(flow, ax=ax, lanes=lanes, columns=max(widths))
        first = lanes[0]
        ax.set_title(f"{flow.title}（{first}の手順 {flow.count(first)}）", loc="left", fontsize=11)
    fig.suptitle(title or "業務フローの比較：現状とあるべき姿", fontsize=13)
    return fig


def _inches_per_unit(fig: Figure, ax: Axes, n_cols: int) -> float:
    """Approximate inches per data unit across (constrained layout nearly fills the figure)."""
    panels = max(len(fig.axes), 1) if _side_by_side(fig) else 1
    return fig.get_figwidth() * 0.95 / panels / (LABEL_WIDTH + n_cols)


def _side_by_side(fig: Figure) -> bool:
    boxes = [a.get_subplotspec() for a in fig.axes if a.get_subplotspec() is not None]
    return bool(boxes) and boxes[0].get_gridspec().ncols > 1


def _draw_lanes(ax: Axes, lanes: list[str], n_cols: int) -> None:
    for i, lane in enumerate(lanes):
        shade = LANE_SHADES[i % 2]
        ax.add_patch(
            FancyBboxPatch(
                (0, -(i + 1)),
                LABEL_WIDTH + n_cols,
                1,
                boxstyle="square,pad=0",
                fc=shade,
                ec="white",
            )
        )
        ax.text(
            LABEL_WIDTH / 2,
            -(i + 0.5),
            wrap_ja(lane, 8),
            ha="center",
            va="center",
            fontsize=FONT_SIZE + 1,
        )
    ax.axvline(LABEL_WIDTH, color="white", lw=3)


def _draw_box(ax: Axes, x: float, y: float, text: str, issue: str, wrap: int) -> FancyBboxPatch:
    has_issue = bool(issue.strip())
    height = 0.46 if has_issue else 0.6
    centre = y + (0.1 if has_issue else 0)
    box = FancyBboxPatch(
        (x - 0.42, centre - height / 2),
        0.84,
        height,
        boxstyle="round,pad=0,rounding_size=0.06",
        fc=BOX_COLOUR,
        ec=ISSUE_COLOUR if has_issue else PALETTE[0],
        lw=2 if has_issue else 1.2,
        zorder=3,
    )
    ax.add_patch(box)
    ax.text(
        x,
        centre,
        wrap_ja(text, wrap, max_lines=3),
        ha="center",
        va="center",
        fontsize=FONT_SIZE,
        zorder=4,
    )
    if has_issue:
        ax.text(
            x,
            centre - height / 2 - 0.03,
            wrap_ja(issue, wrap, max_lines=2),
            ha="center",
            va="top",
            fontsize=FONT_SIZE - 1.5,
            color=ISSUE_COLOUR,
            zorder=4,
        )
    return box


def _draw_arrows(ax: Axes, flow: ServiceFlow, boxes: dict[int, FancyBboxPatch]) -> None:
    """Arrows from every step of one order to every step of the next order."""
    groups: dict[int, list] = {}
    for step in flow.ordered():
        groups.setdefault(step.order, []).append(step)
    orders = sorted(groups)
    for before, after in zip(orders, orders[1:], strict=False):
        for source in groups[before]:
            for target in groups[after]:
                ax.annotate(
                    "",
                    xy=_centre(boxes[id(target)]),
                    xytext=_centre(boxes[id(source)]),
                    arrowprops={
                        "arrowstyle": "-|>",
                        "color": "#555555",
                        "lw": 1.1,
                        "patchA": boxes[id(source)],
                        "patchB": boxes[id(target)],
                        "shrinkA": 1,
                        "shrinkB": 1,
                    },
                    zorder=2,
                )


def _centre(box: FancyBboxPatch) -> tuple[float, float]:
    return box.get_x() + box.get_width() / 2, box.get_y() + box.get_height() / 2
