"""Read the files municipalities really publish into tidy, typed tables.

>>> import kit
>>> df = kit.read_table("人口_町丁目別_令和8年4月.csv")       # doctest: +SKIP
>>> result = kit.readers.read("人口_町丁目別_令和8年4月.csv")  # doctest: +SKIP
>>> result.explain()                                             # doctest: +SKIP
>>> long = kit.readers.population_long(df)                       # doctest: +SKIP
"""

from __future__ import annotations

from kit.readers.aliases import canonical_columns
from kit.readers.core import read, read_table
from kit.readers.population import population_long
from kit.readers.result import ReadResult

__all__ = ["ReadResult", "canonical_columns", "population_long", "read", "read_table"]
