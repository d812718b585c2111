"""Sliders to move an estimate's assumptions and watch the result (ipywidgets).

Widgets do not show in a static export or while grading, so always show the same numbers
without widgets next to them too, e.g. the table of :func:`kit.design.sensitivity`.

>>> box = estimate_sliders("a * b", {"a": 10, "b": 2}, {"b": (1, 3)}, unit="人")
>>> box.children[-1].value
'<b>試算の結果：20 人</b>'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kit.design.estimate import _as_function, _checked_ranges, effect_estimate
from kit.design.estimate_draw import fmt

STEPS = 20


def estimate_sliders(
    formula: Any,
    assumptions: Mapping[str, float],
    ranges: Mapping[str, tuple[float, float]],
    *,
    unit: str = "",
    result: str = "試算の結果",
) -> Any:
    """One slider per ranged assumption (from its low to its high value) and the live result.

    Returns an ipywidgets ``VBox``: the sliders, then an ``HTML`` line with the result.

    >>> box = estimate_sliders("a * b", {"a": 10, "b": 2}, {"b": (1, 3)})
    >>> box.children[0].value = 3.0
    >>> box.children[-1].value
    '<b>試算の結果：30</b>'
    """
    import ipywidgets as widgets

    function = _as_function(formula)
    checked = _checked_ranges(assumptions, ranges)
    sliders = {
        name: widgets.FloatSlider(
            value=float(assumptions[name]),
            min=low,
            max=high,
            step=(high - low) / STEPS if high > low else 1.0,
            description=name,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="480px"),
            continuous_update=False,
        )
        for name, (low, high) in checked.items()
    }
    shown = widgets.HTML()

    def update(_: Any = None) -> None:
        values = {**assumptions, **{n: s.value for n, s in sliders.items()}}
        value = effect_estimate(function, values)
        shown.value = f"<b>{result}：{fmt(value)}{' ' + unit if unit else ''}</b>"

    for slider in sliders.values():
        slider.observe(update, names="value")
    update()
    return widgets.VBox([*sliders.values(), shown])
