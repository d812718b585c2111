"""The fictional city's bundled datasets, by name, typed from ``datapackage.json``.

>>> import kit
>>> kit.datasets().head()           # what there is
>>> pop = kit.load("population")    # a typed DataFrame (GeoDataFrame for boundaries)
>>> kit.data.path("population")     # the file itself, e.g. to practise reading it
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kit.errors import DatasetError

if TYPE_CHECKING:
    import pandas as pd

DATAPACKAGE = "datapackage.json"

# Frictionless field types → pandas dtypes used by ``load``.
_DTYPES = {
    "string": "str",
    "integer": "Int64",
    "number": "float64",
    "boolean": "boolean",
    "year": "Int64",
}


def data_dir() -> Path:
    """Folder holding ``datapackage.json``.

    ``$KIT_DATA_DIR`` if set (e.g. a municipality's own data package), else the copy inside an
    installed wheel, else ``datasets/`` of a checkout.

    >>> (data_dir() / "datapackage.json").is_file()
    True
    """
    here = Path(__file__).resolve().parent
    override = os.environ.get("KIT_DATA_DIR")
    if override:
        if not (Path(override) / DATAPACKAGE).is_file():
            raise DatasetError(
                f"環境変数 KIT_DATA_DIR のフォルダ「{override}」に datapackage.json がありません。",
                action="フォルダの場所を確認するか、KIT_DATA_DIR を消してください。",
            )
        return Path(override).resolve()
    for candidate in (here / "_datasets", here.parent / "datasets"):
        if (candidate / DATAPACKAGE).is_file():
            return candidate
    raise DatasetError(
        "演習用データ（datapackage.json）が見つかりません。",
        action="キットを入れ直してください（make setup）。",
    )


@functools.cache
def package() -> dict[str, Any]:
    """The parsed ``datapackage.json`` (read once).

    >>> package()["name"]
    'nanase-city'
    """
    with open(data_dir() / DATAPACKAGE, encoding="utf-8") as fh:
        return json.load(fh)


def resource(name: str) -> dict[str, Any]:
    """The datapackage entry for one dataset, with a Japanese error for an unknown name.

    >>> resource("population")["title"]
    '地域・年齢別人口'
    """
    resources = {r["name"]: r for r in package()["resources"]}
    if name not in resources:
        close = [n for n in resources if name in n or n in name]
        suggestion = f"似た名前: {', '.join(sorted(close))}。" if close else ""
        raise DatasetError(
            f"データ「{name}」はありません。{suggestion}",
            action="kit.datasets() で使えるデータの一覧を確認してください。",
        )
    return resources[name]


def path(name: str) -> Path:
    """Path of a dataset's file, e.g. to read a messy export yourself.

    >>> path("population").suffix
    '.csv'
    """
    return data_dir() / resource(name)["path"]


def datasets() -> pd.DataFrame:
    """Table of the bundled datasets: name, Japanese title, format and description.

    >>> "population" in set(datasets()["name"])
    True
    """
    import pandas as pd

    rows = [
        {
            "name": r["name"],
            "title": r.get("title", ""),
            "format": r.get("format", ""),
            "description": r.get("description", ""),
        }
        for r in package()["resources"]
    ]
    return pd.DataFrame(rows)


def fields(name: str) -> pd.DataFrame:
    """The data dictionary of one dataset: column, type, unit and meaning.

    >>> fields("population").columns.tolist()
    ['name', 'type', 'unit', 'description']
    """
    import pandas as pd

    schema = resource(name).get("schema", {}).get("fields", [])
    return pd.DataFrame(
        [
            {
                "name": f["name"],
                "type": f.get("type", "string"),
                "unit": f.get("unit", ""),
                "description": f.get("description", ""),
            }
            for f in schema
        ],
        columns=["name", "type", "unit", "description"],
    )


def load(name: str) -> pd.DataFrame:
    """Load a bundled dataset as a typed DataFrame (GeoDataFrame for boundaries and maps).

    Codes stay strings (leading zeros kept), counts become integers, dates become dates.

    Each dataset is read from disk once per session; every call returns its own copy, so
    changing the returned table never changes what the next ``load`` gives.

    >>> pop = load("population")
    >>> pop["全国地方公共団体コード"].iloc[0]
    '992011'
    """
    return _read(name).copy()


@functools.cache
def _read(name: str) -> pd.DataFrame:
    res = resource(name)
    file = data_dir() / res["path"]
    fmt = res.get("format", file.suffix.lstrip("."))
    if res.get("kit", {}).get("role") == "messy":
        from kit.readers import read_table

        return read_table(file)
    if fmt == "geojson":
        return _load_geojson(file, res)
    if fmt == "csv":
        return _load_csv(file, res)
    raise DatasetError(f"データ「{name}」の形式「{fmt}」は kit.load では読めません。", file=file)


def _schema_fields(res: dict[str, Any]) -> list[dict[str, Any]]:
    return res.get("schema", {}).get("fields", [])


def _load_csv(file: Path, res: dict[str, Any]) -> pd.DataFrame:
    import pandas as pd

    fields_ = _schema_fields(res)
    dtypes = {f["name"]: _DTYPES[f["type"]] for f in fields_ if f.get("type") in _DTYPES}
    dates = [f["name"] for f in fields_ if f.get("type") in ("date", "datetime")]
    missing = res.get("schema", {}).get("missingValues", [""])
    try:
        frame = pd.read_csv(
            file,
            encoding=res.get("encoding", "utf-8"),
            dtype=dtypes,
            na_values=missing,
            keep_default_na=False,
        )
    except (ValueError, UnicodeDecodeError) as exc:
        raise DatasetError(
            f"データを読み込めませんでした（{exc}）。",
            file=file,
            action="キットを入れ直してください。",
        ) from exc
    for column in dates:
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    return frame


def _load_geojson(file: Path, res: dict[str, Any]) -> pd.DataFrame:
    import geopandas as gpd

    frame = gpd.read_file(file)
    for f in _schema_fields(res):
        column, kind = f["name"], f.get("type")
        if column in frame.columns and kind in _DTYPES and column != "geometry":
            frame[column] = frame[column].astype(_DTYPES[kind])
    return frame
