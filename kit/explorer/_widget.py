"""The interactive explorer: three drop-downs (地区, 指標, 年) and the figure, redrawn on change.

The figure is put into the Output widget as a PNG, so the same code works in JupyterLab, in
Voilà and in tests (no kernel-side display hooks are needed).

>>> box = explore()
>>> [d.description for d in box.children[0].children]
['地区', '指標', '年']
"""

from __future__ import annotations

import base64
import io
from typing import Any

from matplotlib.figure import Figure

from kit.explorer._data import INDICATORS, WHOLE_CITY, check_choice, districts, years
from kit.explorer._view import DEFAULT_DISTRICT, DEFAULT_INDICATOR, static_view


def year_label(year: int) -> str:
    """「2026年（令和8年）」 for a drop-down.

    >>> year_label(2019)
    '2019年（平成31年）'
    """
    import datetime as dt

    from kit.wareki import to_wareki

    return f"{year}年（{to_wareki(dt.date(year, 4, 1), style='year')}）"


def explore(
    district: str = DEFAULT_DISTRICT,
    indicator: str = DEFAULT_INDICATOR,
    year: int | None = None,
) -> Any:
    """An ipywidgets box: choose a 地区, an indicator and a year; the map and pyramid follow.

    Returns ``VBox([HBox([地区, 指標, 年]), Output])``. Where widgets cannot be shown (a static
    HTML page), use :func:`kit.explorer.static_view` with the same choices.

    >>> box = explore("七瀬台地区")
    >>> box.children[0].children[0].value
    '七瀬台地区'
    """
    import ipywidgets as widgets

    year = years()[-1] if year is None else int(year)
    check_choice(district, indicator, year)
    wide = {"description_width": "3em"}
    layout = widgets.Layout(width="16em")
    pick_district = widgets.Dropdown(
        options=[WHOLE_CITY, *districts()],
        value=district,
        description="地区",
        style=wide,
        layout=layout,
    )
    pick_indicator = widgets.Dropdown(
        options=list(INDICATORS), value=indicator, description="指標", style=wide, layout=layout
    )
    pick_year = widgets.Dropdown(
        options=[(year_label(y), y) for y in years()],
        value=year,
        description="年",
        style=wide,
        layout=layout,
    )
    output = widgets.Output()

    def redraw(_change: object = None) -> None:
        fig = static_view(pick_district.value, pick_indicator.value, pick_year.value)
        output.outputs = (figure_output(fig),)

    for picker in (pick_district, pick_indicator, pick_year):
        picker.observe(redraw, names="value")
    redraw()
    return widgets.VBox([widgets.HBox([pick_district, pick_indicator, pick_year]), output])


def figure_output(fig: Figure, dpi: int = 90) -> dict[str, Any]:
    """A Jupyter display_data output holding the figure as PNG (its title as the text form).

    >>> figure_output(Figure())["output_type"]
    'display_data'
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    title = fig._suptitle.get_text() if fig._suptitle is not None else "図"
    return {
        "output_type": "display_data",
        "data": {
            "image/png": base64.b64encode(buffer.getvalue()).decode("ascii"),
            "text/plain": title,
        },
        "metadata": {},
    }
