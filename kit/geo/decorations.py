"""Map furniture drawn by kit itself: a north arrow and a metric scale bar (nothing downloaded).

Both assume the axes show a projected CRS in metres with north up, as ``choropleth`` draws.

>>> import matplotlib.pyplot as plt
>>> fig, ax = plt.subplots()
>>> _ = ax.set_xlim(0, 8000); _ = ax.set_ylim(0, 6000)
>>> scale_bar(ax)
2000
"""

from __future__ import annotations

import math

from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

SCALE_BAR_GID = "kit-scale-bar"
NORTH_ARROW_GID = "kit-north-arrow"


def nice_length(span_m: float, fraction: float = 0.25) -> int:
    """A round length (1, 2 or 5 × 10ⁿ metres) no longer than ``fraction`` of the span.

    >>> nice_length(8000), nice_length(3300), nice_length(90)
    (2000, 500, 20)
    """
    target = span_m * fraction
    if not (math.isfinite(target) and target >= 1):
        return 1
    power = 10 ** math.floor(math.log10(target))
    return int(max(step * power for step in (1, 2, 5) if step * power <= target))


def length_label(metres: float) -> str:
    """「500 m」 or 「2 km」.

    >>> length_label(500), length_label(2000), length_label(2500)
    ('500 m', '2 km', '2.5 km')
    """
    if metres >= 1000:
        return f"{metres / 1000:g} km"
    return f"{metres:g} m"


def scale_bar(ax: Axes, location: tuple[float, float] = (0.05, 0.05)) -> int:
    """Draw a two-part black and white scale bar at ``location`` (axes fraction); returns metres.

    The axes limits are frozen first so that the bar keeps its length.
    """
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    length = nice_length(x1 - x0)
    left = x0 + location[0] * (x1 - x0)
    bottom = y0 + location[1] * (y1 - y0)
    height = 0.012 * (y1 - y0)
    for i, colour in enumerate(("black", "white")):
        ax.add_patch(
            Rectangle(
                (left + i * length / 2, bottom),
                length / 2,
                height,
                facecolor=colour,
                edgecolor="black",
                linewidth=0.8,
                gid=SCALE_BAR_GID,
                zorder=5,
            )
        )
    ax.text(
        left + length / 2,
        bottom + 2 * height,
        length_label(length),
        ha="center",
        va="bottom",
        fontsize=9,
        gid=SCALE_BAR_GID,
        zorder=5,
    )
    return length


def north_arrow(ax: Axes, location: tuple[float, float] = (0.94, 0.86)) -> None:
    """Draw an arrow pointing up with 「N」 above it near the top-right corner (axes fraction).

    >>> import matplotlib.pyplot as plt
    >>> north_arrow(plt.subplots()[1])
    """
    x, y = location
    ax.annotate(
        "",
        xy=(x, y),
        xytext=(x, y - 0.1),
        xycoords="axes fraction",
        textcoords="axes fraction",
        arrowprops={
            "facecolor": "black",
            "edgecolor": "black",
            "width": 3,
            "headwidth": 10,
            "headlength": 10,
        },
        gid=NORTH_ARROW_GID,
        zorder=5,
    )
    ax.text(
        x,
        y + 0.01,
        "N",
        transform=ax.transAxes,
        ha="center",
        va="bottom",
        fontsize=11,
        gid=NORTH_ARROW_GID,
        zorder=5,
    )
