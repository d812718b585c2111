"""データアカデミー演習キット — helpers for the Data Academy training notebooks.

``import kit`` is instant and changes nothing: submodules and functions load on first use.

>>> import kit
>>> kit.setup()                      # Japanese fonts for charts, display options
>>> pop = kit.load("population")     # a bundled dataset of the fictional city
>>> from kit.exercises import stage0 as ex
>>> ex.q1.check()                    # instant, kind feedback on an exercise
"""

from __future__ import annotations

import importlib
from typing import Any

from kit.errors import (
    ArtifactError,
    CodeError,
    DatasetError,
    DateError,
    GeoError,
    InputError,
    KitError,
    PrivacyError,
    ReadError,
    WorksheetError,
)

__version__ = "0.1.0"

# Submodules reachable as attributes (``kit.geo``), imported on first access.
_SUBMODULES = frozenset(
    {
        "artifacts",
        "codes",
        "data",
        "design",
        "excel_dates",
        "exercises",
        "explorer",
        "framing",
        "geo",
        "mesh",
        "plot",
        "privacy",
        "readers",
        "style",
        "text",
        "trainer",
        "wareki",
        "worksheet",
    }
)

# Functions re-exported at the top level, and the module each lives in.
_FUNCTIONS = {
    "setup": "kit.style",
    "load": "kit.data",
    "datasets": "kit.data",
    "read_table": "kit.readers",
}

__all__ = [
    "ArtifactError",
    "CodeError",
    "DatasetError",
    "DateError",
    "GeoError",
    "InputError",
    "KitError",
    "PrivacyError",
    "ReadError",
    "WorksheetError",
    *sorted(_FUNCTIONS),
    *sorted(_SUBMODULES),
]


def __getattr__(name: str) -> Any:
    if name in _FUNCTIONS:
        value = getattr(importlib.import_module(_FUNCTIONS[name]), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f"kit.{name}")
    raise AttributeError(f"module 'kit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
