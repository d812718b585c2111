"""An interactive explorer of the city: pick a 地区, an indicator and a year; the 町丁目 map and
the 地区's population pyramid follow. ``static_view`` draws the same figure without widgets.

>>> import kit
>>> kit.setup()
>>> kit.explorer.explore()                                        # doctest: +SKIP
>>> kit.explorer.static_view("七瀬台地区", "高齢化率", 2026)      # doctest: +SKIP
"""

from __future__ import annotations

from kit.explorer._data import INDICATORS, WHOLE_CITY, Indicator, districts, town_indicator, years
from kit.explorer._view import static_view
from kit.explorer._widget import explore, figure_output, year_label

__all__ = [
    "INDICATORS",
    "WHOLE_CITY",
    "Indicator",
    "districts",
    "explore",
    "figure_output",
    "static_view",
    "town_indicator",
    "year_label",
    "years",
]
