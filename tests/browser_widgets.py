"""Using an ipywidgets view in the page as a trainee would, and seeing whether its output follows.

The kind of widget is read from its controls, so new widgets in new notebooks are exercised
without changes here:

- a form (a primary button next to text fields, e.g. the personal-data worksheet): press the
  button, then change the first text field and press it again; the output must change each time;
- sliders (e.g. the effect estimate): move the first slider with the keyboard;
- drop-downs (the theme chooser, the explorer): pick the next option of the first drop-down.

>>> # trial = exercise_widget(page, cell_index=39, name="release-stage3-maps")
>>> # trial.before != trial.after
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from browser_page import WIDGET_VIEW, scroll_to_cell
from browser_support import ARTIFACTS, VIEWPORT

# What the widget shows, without its own controls: text of outputs and HTML parts, and the
# images (size and the end of their data, which differs between two PNGs).
_SIGNATURE = (
    "e => { const c = e.cloneNode(true);"
    " c.querySelectorAll('select, input, textarea, button, .widget-readout, .noUi-target,"
    " .widget-label').forEach(n => n.remove());"
    " const imgs = Array.from(e.querySelectorAll('img')).map(i => i.naturalWidth + 'x'"
    "  + i.naturalHeight + ':' + i.src.length + ':' + i.src.slice(-48));"
    " return c.textContent.replace(/\\s+/g, ' ').trim() + ' | ' + imgs.join(','); }"
)


@dataclass
class WidgetTrial:
    """One use of a widget: what it showed before and after each step."""

    cell: int
    kind: str
    patience: float = 60
    steps: list[str] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)
    screenshots: list[Path] = field(default_factory=list)

    def unchanged_steps(self) -> list[str]:
        """Steps after which the output looked exactly as before."""
        return [
            step
            for step, before, after in zip(self.steps, self.shown, self.shown[1:], strict=False)
            if before == after
        ]


def widget_view(page: Any, cell_index: int) -> Any:
    """The (first) widget view in the outputs of cell ``cell_index``."""
    cell = page.locator(".jp-Notebook .jp-Cell").nth(cell_index)
    return cell.locator(WIDGET_VIEW).first


def signature(view: Any) -> str:
    """What the widget shows now (see ``_SIGNATURE``)."""
    return view.evaluate(_SIGNATURE)


def wait_for_change(view: Any, before: str, timeout: float = 60) -> str:
    """The widget's signature once it differs from ``before`` (or ``before`` after ``timeout``)."""
    deadline = time.monotonic() + timeout
    now = signature(view)
    while now == before and time.monotonic() < deadline:
        time.sleep(0.25)
        now = signature(view)
    # Let a redrawn image finish decoding before the next look.
    time.sleep(0.3)
    return signature(view)


def widget_kind(view: Any) -> str:
    """``form``, ``slider``, ``dropdown`` or ``unknown`` from the controls the view holds."""
    if (
        view.locator("button.mod-primary").count()
        and view.locator(".widget-text input, .widget-textarea textarea").count()
    ):
        return "form"
    if view.locator(".noUi-handle").count():
        return "slider"
    if view.locator("select").count():
        return "dropdown"
    return "unknown"


def exercise_widget(page: Any, cell_index: int, name: str, patience: float = 60) -> WidgetTrial:
    """Use the widget of cell ``cell_index`` like a trainee; screenshots as ``<name>-…png``.

    Each step waits up to ``patience`` seconds for the output to change.
    """
    scroll_to_cell(page, cell_index)
    view = widget_view(page, cell_index)
    view.scroll_into_view_if_needed()
    trial = WidgetTrial(cell=cell_index, kind=widget_kind(view), patience=patience)
    trial.shown.append(signature(view))
    trial.screenshots.append(_shot(page, view, f"{name}-before"))
    if trial.kind == "form":
        _step(trial, view, "press the primary button", lambda: _press(view))
        field_ = view.locator(".widget-text input, .widget-textarea textarea").first
        new = "" if field_.input_value() else "テスト用の件名"
        field_.fill(new)
        _step(
            trial,
            view,
            f"set the first text field to {new!r} and press again",
            lambda: _press(view),
        )
    elif trial.kind == "slider":
        handle = view.locator(".noUi-handle").first

        def slide() -> None:
            handle.focus()
            for _ in range(3):
                handle.press("ArrowRight")

        _step(trial, view, "move the first slider right", slide)
    elif trial.kind == "dropdown":
        select = view.locator("select").first
        options = select.locator("option").count()
        current = select.evaluate("s => s.selectedIndex")
        target = (current + 1) % options
        label = select.locator("option").nth(target).inner_text()
        _step(trial, view, f"choose {label!r}", lambda: select.select_option(index=target))
    trial.screenshots.append(_shot(page, view, f"{name}-after"))
    return trial


def _press(view: Any) -> None:
    view.locator("button.mod-primary").first.click()


def _step(trial: WidgetTrial, view: Any, description: str, action: Any) -> None:
    action()
    trial.steps.append(description)
    trial.shown.append(wait_for_change(view, trial.shown[-1], trial.patience))


def _shot(page: Any, view: Any, name: str) -> Path:
    """The widget alone; a widget taller than the window: the window at its output."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    box = view.bounding_box()
    if box and box["height"] <= VIEWPORT["height"] * 0.8:
        view.screenshot(path=str(path))
        return path
    outputs = view.locator(".widget-output, .widget-html")
    (outputs.last if outputs.count() else view).scroll_into_view_if_needed()
    time.sleep(0.3)
    page.screenshot(path=str(path))
    return path
