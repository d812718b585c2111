"""How values are read: the options of ``kit.readers.read`` that reach the column cleaners.

>>> Options(path="a.csv").bad_numbers
'raise'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kit import wareki


@dataclass
class Options:
    """Reading options, and the warnings collected while reading."""

    path: object
    dash_as_zero: bool = False
    bad_numbers: str = "raise"
    partial_dates: wareki.Partial = "raise"
    warnings: list[str] = field(default_factory=list)
