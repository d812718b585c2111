"""Helpers to describe resources and fields for ``datapackage.json`` (Frictionless Data Package).

>>> field("総人口", "integer", "人口の合計", "人", minimum=0)["constraints"]
{'minimum': 0}
"""

from __future__ import annotations

from typing import Any

LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
TOWN_CODE = r"^\d{7}$"
DISTRICT_CODE = r"^0[1-8]$"
CITY_CODE_PATTERN = r"^992011$"


def field(name: str, kind: str, description: str, unit: str = "", **constraints: Any) -> dict:
    """One schema field; ``constraints`` become Frictionless constraints (required, pattern…)."""
    out: dict[str, Any] = {"name": name, "type": kind, "description": description}
    if unit:
        out["unit"] = unit
    if kind == "date":
        out["format"] = "%Y-%m-%d"
    if kind == "boolean":
        out["trueValues"] = ["True"]
        out["falseValues"] = ["False"]
    if constraints:
        out["constraints"] = constraints
    return out


def code_field(name: str, description: str, pattern: str) -> dict:
    """A code kept as text (leading zeros matter), always present.

    >>> code_field("地区コード", "地区のコード", DISTRICT_CODE)["constraints"]["required"]
    True
    """
    return field(name, "string", description, required=True, pattern=pattern)


def text(name: str, description: str, **constraints: Any) -> dict:
    return field(name, "string", description, **constraints)


def count(name: str, description: str, unit: str = "人") -> dict:
    return field(name, "integer", description, unit, required=True, minimum=0)


def town_fields() -> list[dict]:
    """町丁目コード/町丁目名/地区コード/地区名, the join keys used across the datasets.

    >>> text("備考", "備考")["type"]
    'string'

    >>> count("世帯数", "世帯の数", "世帯")["unit"]
    '世帯'

    >>> [f["name"] for f in town_fields()]
    ['町丁目コード', '町丁目名', '地区コード', '地区名']
    """
    return [
        code_field(
            "町丁目コード",
            "町丁目のコード（町字ID 形式の7桁）。先頭の0も含めて文字列です。",
            TOWN_CODE,
        ),
        text("町丁目名", "町丁目の名前", required=True),
        code_field("地区コード", "地区（中学校区）のコード（2桁）", DISTRICT_CODE),
        text("地区名", "地区（中学校区）の名前", required=True),
    ]


def district_fields() -> list[dict]:
    return [
        code_field("地区コード", "地区（中学校区）のコード（2桁）", DISTRICT_CODE),
        text("地区名", "地区（中学校区）の名前", required=True),
    ]


def latlon_fields() -> list[dict]:
    return [
        field("緯度", "number", "緯度（世界測地系 JGD2011、10進数）", "度", required=True,
              minimum=35.9, maximum=36.2),
        field("経度", "number", "経度（世界測地系 JGD2011、10進数）", "度", required=True,
              minimum=139.7, maximum=140.2),
    ]  # fmt: skip


def resource(
    name: str,
    path: str,
    title: str,
    description: str,
    fields: list[dict] | None,
    *,
    fmt: str = "csv",
    encoding: str = "utf-8-sig",
    primary_key: list[str] | None = None,
    kit: dict | None = None,
    **extra: Any,
) -> dict:
    """A resource entry; tidy resources get ``kit.role = tidy`` unless ``kit`` says otherwise.

    >>> [f["name"] for f in district_fields()]
    ['地区コード', '地区名']

    >>> [f["unit"] for f in latlon_fields()]
    ['度', '度']

    >>> resource("x", "city/x.csv.gz", "表", "説明", [])["compression"]
    'gz'
    """
    res: dict[str, Any] = {
        "name": name,
        "path": path,
        "title": title,
        "description": description,
        "format": fmt,
        "encoding": encoding,
        "licenses": [LICENSE],
        "kit": kit or {"role": "tidy"},
    }
    if fmt == "csv" and fields is not None:
        res["profile"] = "tabular-data-resource"
        res["mediatype"] = "text/csv"
    if fmt == "geojson":
        res["mediatype"] = "application/geo+json"
    if path.endswith(".gz"):
        res["compression"] = "gz"
    if fields is not None:
        schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
        if primary_key:
            schema["primaryKey"] = primary_key
        res["schema"] = schema
    res.update(extra)
    return res
