"""``kit.setup()``: Japanese fonts for every chart and friendly display options.

The font is IPAexGothic, shipped inside ``matplotlib-fontja`` (nothing is downloaded).
seaborn's ``set_theme()`` resets fonts to Arial/DejaVu, which have no Japanese glyphs;
after ``kit.setup()`` seaborn's theme functions keep the Japanese font.

>>> import kit, seaborn as sns
>>> kit.setup()
>>> sns.set_theme()   # Japanese labels still render
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

JAPANESE_FONT = "IPAexGothic"

# Colour-blind-safe qualitative palette (Okabe & Ito), used by kit's charts and maps.
PALETTE = [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
]

_SEABORN_THEME_FUNCTIONS = ("set_theme", "set", "set_style")


def setup(*, dpi: int = 100) -> None:
    """Make charts speak Japanese and tables readable; safe to call any number of times.

    >>> setup()
    >>> import matplotlib as mpl
    >>> mpl.rcParams["font.family"][0]
    'IPAexGothic'
    """
    import matplotlib as mpl
    import pandas as pd
    import seaborn as sns

    _register_japanese_font()
    _apply_japanese_font(mpl.rcParams)
    mpl.rcParams["figure.dpi"] = dpi
    mpl.rcParams["axes.prop_cycle"] = mpl.cycler(color=PALETTE)
    pd.set_option("display.max_columns", 50)
    pd.set_option("display.width", 120)
    pd.set_option("display.unicode.east_asian_width", True)
    for name in _SEABORN_THEME_FUNCTIONS:
        original = getattr(sns, name)
        if not getattr(original, "_kit_keeps_japanese_font", False):
            setattr(sns, name, _keeping_japanese_font(original))


def _register_japanese_font() -> None:
    """Add the bundled IPAexGothic to matplotlib's font list (no-op when already there)."""
    from matplotlib import font_manager

    if any(f.name == JAPANESE_FONT for f in font_manager.fontManager.ttflist):
        return
    import matplotlib_fontja

    font_dir = matplotlib_fontja.get_font_ttf_path()
    font_manager.fontManager.addfont(str(font_dir))


def _apply_japanese_font(rc: Any) -> None:
    """Put the Japanese font first, keeping whatever else is configured as fallback."""
    rc["font.family"] = [JAPANESE_FONT, "sans-serif"]
    rest = [f for f in rc["font.sans-serif"] if f != JAPANESE_FONT]
    rc["font.sans-serif"] = [JAPANESE_FONT, *rest]
    rc["axes.unicode_minus"] = False


def _keeping_japanese_font(theme_function: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a seaborn theme function so that the Japanese font survives it."""

    @functools.wraps(theme_function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        import matplotlib as mpl

        result = theme_function(*args, **kwargs)
        _apply_japanese_font(mpl.rcParams)
        return result

    wrapper._kit_keeps_japanese_font = True  # type: ignore[attr-defined]
    return wrapper
