"""Fresh, uncached reads of bundled datasets for hidden tests.

Hidden tests recompute their expectation from the files themselves, so nothing a trainee's
cells did to loaded tables (or to kit's caches) can change what is expected.

>>> raw = raw_table("public_facilities")
>>> "施設ID" in raw.columns
True
"""

from __future__ import annotations

from typing import Any


def raw_table(name: str) -> Any:
    """The dataset's file read directly with pandas (or geopandas for GeoJSON), nothing cached."""
    import pandas as pd

    from kit.data import data_dir, resource

    res = resource(name)
    file = data_dir() / res["path"]
    if res.get("format") == "geojson":
        import geopandas as gpd

        return gpd.read_file(file)
    return pd.read_csv(
        file, encoding=res.get("encoding", "utf-8"), keep_default_na=False, na_values=[""]
    )
