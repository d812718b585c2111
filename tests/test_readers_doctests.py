"""The examples in the docstrings of the reading modules run and give what they show."""

from __future__ import annotations

import datetime
import doctest
import importlib

import numpy as np
import pandas as pd
import pytest

MODULES = ["kit.wareki", "kit.codes", "kit.mesh"] + [
    f"kit.readers.{name}"
    for name in [
        "_cells", "_changes", "_codefix", "_columns", "_csvgrid", "_dates", "_excel", "_filldown", "_options",
        "_headers", "_layout", "_names", "_numbers", "_source", "_statgis", "_totals", "aliases",
        "population",
    ]
]  # fmt: skip


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(
        module,
        extraglobs={"pd": pd, "np": np, "datetime": datetime},
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.attempted > 0
    assert result.failed == 0
