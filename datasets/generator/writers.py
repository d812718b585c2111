"""Byte-for-byte reproducible file contents: CSV, gzip, JSON and GeoJSON.

Every writer returns ``bytes``; nothing depends on the clock, the locale or dict order.

>>> import pandas as pd
>>> csv_bytes(pd.DataFrame({"a": [1], "b": ["x"]}), encoding="utf-8")
b'a,b\\n1,x\\n'
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import shapely


def csv_bytes(
    frame: pd.DataFrame, *, encoding: str = "utf-8-sig", newline: str = "\n", header: bool = True
) -> bytes:
    """A DataFrame as CSV bytes (values must already be strings or integers).

    >>> csv_bytes(pd.DataFrame({"a": ["x"]}), encoding="cp932", newline="\\r\\n")
    b'a\\r\\nx\\r\\n'
    """
    text = frame.to_csv(index=False, lineterminator=newline, header=header)
    return text.encode(encoding)


def rows_csv_bytes(rows: Sequence[Sequence[Any]], *, encoding: str, newline: str) -> bytes:
    """Free-form rows (title lines, merged headers…) as CSV bytes, quoting only where needed.

    >>> rows_csv_bytes([["七瀬市", ""], ["1,234", "x"]], encoding="utf-8", newline="\\n").decode()
    '七瀬市,\\n"1,234",x\\n'
    """
    out = io.StringIO()
    for row in rows:
        out.write(",".join(_quote(str(v)) for v in row) + newline)
    return out.getvalue().encode(encoding)


def _quote(value: str) -> str:
    if any(c in value for c in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


def gzip_bytes(data: bytes) -> bytes:
    """Gzip with a fixed header (no file name, mtime 0) so the bytes never change.

    >>> gzip_bytes(b"x")[:4] == b"\\x1f\\x8b\\x08\\x00"
    True
    """
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as fh:
        fh.write(data)
    return buffer.getvalue()


def json_bytes(value: Any) -> bytes:
    """Pretty JSON with sorted keys and a final newline.

    >>> json_bytes({"b": 1, "a": "七"})
    b'{\\n  "a": "\\xe4\\xb8\\x83",\\n  "b": 1\\n}\\n'
    """
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def fixed(values: pd.Series | np.ndarray, decimals: int) -> pd.Series:
    """Numbers as fixed-decimal strings (so CSV text never depends on float repr).

    >>> fixed(np.array([1.0, 2.345]), 2).tolist()
    ['1.00', '2.35']
    """
    return pd.Series([f"{v:.{decimals}f}" for v in np.asarray(values, dtype=float)])


def _ring(coords: np.ndarray) -> str:
    return "[" + ",".join(f"[{x:.6f},{y:.6f}]" for x, y in coords) + "]"


def _geometry(geom: shapely.Geometry) -> str:
    geom = shapely.orient_polygons(geom, exterior_cw=False)
    if geom.geom_type == "Polygon":
        rings = [geom.exterior, *geom.interiors]
        body = ",".join(_ring(np.asarray(r.coords)) for r in rings)
        return '{"type":"Polygon","coordinates":[' + body + "]}"
    if geom.geom_type == "MultiPolygon":
        polys = ",".join(
            "[" + ",".join(_ring(np.asarray(r.coords)) for r in [p.exterior, *p.interiors]) + "]"
            for p in geom.geoms
        )
        return '{"type":"MultiPolygon","coordinates":[' + polys + "]}"
    if geom.geom_type == "LineString":
        return '{"type":"LineString","coordinates":' + _ring(np.asarray(geom.coords)) + "}"
    raise ValueError(f"unsupported geometry {geom.geom_type}")


def geojson_bytes(
    name: str, properties: list[dict[str, Any]], geoms: list[shapely.Geometry]
) -> bytes:
    """A FeatureCollection in JGD2011 (EPSG:6668), one feature per line, 6-decimal coordinates.

    >>> b = geojson_bytes("t", [{"a": 1}], [shapely.box(0, 0, 1, 1)])
    >>> json.loads(b)["features"][0]["properties"]
    {'a': 1}
    """
    crs = '{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::6668"}}'
    lines = [
        '{"type":"Feature","properties":'
        + json.dumps(props, ensure_ascii=False, separators=(",", ":"))
        + ',"geometry":' + _geometry(geom) + "}"
        for props, geom in zip(properties, geoms, strict=True)
    ]  # fmt: skip
    head = '{"type":"FeatureCollection","name":' + json.dumps(name) + ',"crs":' + crs
    return (head + ',"features":[\n' + ",\n".join(lines) + "\n]}\n").encode()
