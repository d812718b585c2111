"""Answers as plain data: carry a trainee's answer values out of a grading kernel safely.

The trainers' grader re-checks answers in a trusted process that never ran the trainee's code.
The kernel writes the answer variables with :func:`dumps`; the trusted side reads them back
with :func:`loads` — JSON only, so nothing from the submission is ever executed there.
Values that cannot be carried come back as :class:`Unsupported`, which no checker accepts.

>>> import pandas as pd
>>> text = dumps({"n_old": 7, "ranking": pd.DataFrame({"人口": [3, 1]})})
>>> loads(text)["ranking"]["人口"].tolist()
[3, 1]
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
import json
import math
from dataclasses import dataclass
from typing import Any

FORMAT = "kit-answers/1"


@dataclass(frozen=True)
class Unsupported:
    """Stands in for an answer value that could not be carried (its type name is kept)."""

    type_name: str


def encode(value: Any) -> Any:
    """One value as JSON-ready data (see :func:`dumps`)."""
    import numpy as np
    import pandas as pd

    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        number = float(value)
        return number if math.isfinite(number) else {"kind": "float", "text": repr(number)}
    if type(value) is type(Ellipsis):
        return {"kind": "ellipsis"}
    if isinstance(value, list | tuple):
        return {"kind": type(value).__name__, "items": [encode(v) for v in value]}
    if isinstance(value, dict):
        return {"kind": "dict", "items": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, set | frozenset):
        return {"kind": "set", "items": [encode(v) for v in value]}
    if isinstance(value, dt.datetime | pd.Timestamp):
        return {"kind": "datetime", "text": pd.Timestamp(value).isoformat()}
    if isinstance(value, dt.date):
        return {"kind": "date", "text": value.isoformat()}
    if _is_geoframe(value):
        return {
            "kind": "GeoDataFrame",
            "crs": str(value.crs) if value.crs else None,
            "geojson": value.to_json(),
        }
    if isinstance(value, pd.DataFrame):
        return {"kind": "DataFrame", **_frame_data(value)}
    if isinstance(value, pd.Series):
        return {"kind": "Series", "name": encode(value.name), **_frame_data(value.to_frame())}
    if (
        type(value).__module__.startswith("kit.")
        and hasattr(value, "to_dict")
        and hasattr(type(value), "from_dict")
    ):
        cls = type(value)
        return {
            "kind": "kit",
            "class": f"{cls.__module__}.{cls.__qualname__}",
            "data": encode(value.to_dict()),
        }
    return {"kind": "unsupported", "type": type(value).__name__}


def decode(data: Any) -> Any:
    """Inverse of :func:`encode`."""
    if not isinstance(data, dict):
        return data
    kind = data.get("kind")
    if kind == "float":
        return float(data["text"])
    if kind == "ellipsis":
        return ...
    if kind == "list":
        return [decode(v) for v in data["items"]]
    if kind == "tuple":
        return tuple(decode(v) for v in data["items"])
    if kind == "set":
        return {decode(v) for v in data["items"]}
    if kind == "dict":
        return {_hashable(decode(k)): decode(v) for k, v in data["items"]}
    if kind in ("datetime", "date"):
        import pandas as pd

        stamp = pd.Timestamp(data["text"])
        return stamp if kind == "datetime" else stamp.date()
    if kind == "DataFrame":
        return _frame_from_data(data)
    if kind == "Series":
        frame = _frame_from_data(data)
        return frame.iloc[:, 0].rename(decode(data["name"]))
    if kind == "GeoDataFrame":
        import geopandas as gpd

        frame = gpd.read_file(io.StringIO(data["geojson"]))
        return frame.set_crs(data["crs"], allow_override=True) if data["crs"] else frame
    if kind == "kit":
        return _kit_object(data["class"], decode(data["data"]))
    return Unsupported(str(data.get("type", kind)))


def dumps(namespace: dict[str, Any]) -> str:
    """JSON text of answer variables; names missing from the namespace are simply left out.

    A value that cannot be written (e.g. a plain DataFrame holding shapely geometries) is
    recorded as unsupported; it never stops the other answers from being written.
    """
    return json.dumps(
        {"format": FORMAT, "answers": {k: _encode_or_unsupported(v) for k, v in namespace.items()}},
        ensure_ascii=False,
    )


def _encode_or_unsupported(value: Any) -> Any:
    try:
        return encode(value)
    except Exception:  # an answer of an unwritable shape counts as unsupported, not as a crash
        return {"kind": "unsupported", "type": type(value).__name__}


def loads(text: str) -> dict[str, Any]:
    """Answer variables back from :func:`dumps` text (plain data only, nothing is executed)."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a kit answers file")
    return {name: decode(value) for name, value in data["answers"].items()}


def _is_geoframe(value: Any) -> bool:
    return type(value).__name__ == "GeoDataFrame" and hasattr(value, "to_json")


def _frame_data(frame: Any) -> dict[str, Any]:
    """A frame as pandas' "table" JSON, with column and index labels kept aside.

    The table format needs string labels; answers may have any (integers after
    ``read_csv(header=None)``, tuples of a MultiIndex), so they travel separately.
    """
    safe = frame.copy()
    safe.columns = [f"c{i}" for i in range(frame.shape[1])]
    names = list(frame.index.names)
    safe.index = safe.index.set_names([f"i{i}" for i in range(len(names))])
    return {
        "table": safe.to_json(orient="table", date_format="iso", force_ascii=False),
        "columns": [encode(label) for label in frame.columns],
        "index_names": [encode(name) for name in names],
    }


def _frame_from_data(data: dict[str, Any]) -> Any:
    import pandas as pd

    frame = pd.read_json(io.StringIO(data["table"]), orient="table")
    labels = [_hashable(decode(label)) for label in data["columns"]]
    if labels and all(isinstance(label, tuple) for label in labels):
        frame.columns = pd.MultiIndex.from_tuples(labels)
    else:
        frame.columns = labels
    frame.index = frame.index.set_names([decode(name) for name in data["index_names"]])
    return frame


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _kit_object(qualified: str, data: Any) -> Any:
    module_name, _, class_name = qualified.rpartition(".")
    if not module_name.startswith("kit."):
        return Unsupported(class_name)
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
        return cls.from_dict(data)
    except Exception:  # a malformed answer must not break grading
        return Unsupported(class_name)
