"""Shapes of stage-3 answers (a value per 地区, a 地区 name) and matching them to known mistakes.

>>> import pandas as pd
>>> district_label(" 七瀬台 ", ["七瀬台地区"])
'七瀬台地区'
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from typing import Any

from kit.exercises import _checks as c
from kit.exercises._engine import Incorrect

ROUNDING = (
    "値が少しずれています。途中や最後で四捨五入（round）をせず、計算したままの値を入れてください。"
)


def district_label(text: object, districts: Sequence[str]) -> str:
    """A 地区 name in its full form (NFKC, trimmed, 「地区」 added when that makes a known name)."""
    plain = unicodedata.normalize("NFKC", str(text)).strip()
    if plain not in districts and f"{plain}地区" in districts:
        return f"{plain}地区"
    return plain


def district_values(
    value: Any,
    name: str,
    districts: Sequence[str],
    towns: set[str],
    column: str | None = None,
) -> Any:
    """The answer as a float Series indexed by full 地区 names, or Incorrect saying what is off.

    Accepts a Series indexed by 地区名, or a DataFrame with 地区名 (column or index) and the
    value in ``column`` or in its only numeric column.
    """
    import pandas as pd

    if isinstance(value, pd.DataFrame):
        key = next((k for k in ("地区名", "地区") if k in value.columns), None)
        frame = value.set_index(key) if key else value
        if column is not None and column in frame.columns:
            value = frame[column]
        else:
            numeric = [
                col
                for col in frame.columns
                if pd.api.types.is_numeric_dtype(frame[col])
                and not pd.api.types.is_bool_dtype(frame[col])
            ]
            if len(numeric) != 1:
                raise Incorrect(
                    f"`{name}` には、地区ごとの値を 1 列だけ入れてください（いまは数の列が {len(numeric)} 列あります）。"
                )
            value = frame[numeric[0]]
    if not isinstance(value, pd.Series):
        raise Incorrect(
            f"`{name}` は地区ごとの値の列（Series）にしてください（いまは{c.kind_name(value)}です）。"
        )
    if isinstance(value.index, pd.MultiIndex):
        raise Incorrect(
            f"`{name}` の見出し（インデックス）が 2 段になっています。地区だけでまとめてください（年や性別などは先に絞り込みます）。"
        )
    labels = [district_label(i, districts) for i in value.index]
    if set(labels) & towns and not set(labels) & set(districts):
        raise Incorrect(f"`{name}` が町丁目ごとになっています。「地区名」でまとめてください。")
    if labels and all(label.isdigit() for label in labels):
        raise Incorrect(
            f"`{name}` の見出しが数字（年や地区コードなど）になっています。見出しは「地区名」にしてください。"
        )
    if len(set(labels)) != len(labels):
        raise Incorrect(
            f"`{name}` に同じ地区が 2 回以上出てきます。地区ごとに 1 つにまとめてください。"
        )
    extra = [label for label in labels if label not in districts]
    if extra:
        raise Incorrect(
            f"`{name}` に地区ではない見出し「{extra[0]}」があります。8 つの地区だけにしてください。"
        )
    missing = [d for d in districts if d not in labels]
    if missing:
        raise Incorrect(
            f"`{name}` に「{missing[0]}」がありません。8 つの地区すべてを入れてください。"
        )
    numbers = pd.to_numeric(pd.Series(value.to_numpy(), index=labels), errors="coerce")
    if numbers.isna().any():
        raise Incorrect(
            f"`{name}` に数ではない値か欠損値（NaN）があります。計算に使った列を確認してください。"
        )
    return numbers.astype("float64").reindex(list(districts))


def all_close(got: Any, want: Any, *, rel: float = 1e-6, absolute: float = 1e-9) -> bool:
    """Whether two Series (or DataFrames) agree value by value, ``want`` aligned to ``got``."""
    import numpy as np
    import pandas as pd

    if isinstance(got, pd.Series) and isinstance(want, pd.Series):
        want = want.reindex(got.index)
    elif isinstance(got, pd.DataFrame) and isinstance(want, pd.DataFrame):
        want = want.reindex(index=got.index, columns=got.columns)

    a = np.asarray(got, dtype="float64").ravel()
    b = np.asarray(want, dtype="float64").ravel()
    if a.shape != b.shape:
        return False
    return all(
        (math.isnan(x) and math.isnan(y)) or math.isclose(x, y, rel_tol=rel, abs_tol=absolute)
        for x, y in zip(a, b, strict=True)
    )


def match_or_explain(
    got: Any,
    want: Any,
    mistakes: Sequence[tuple[Any, str]],
    *,
    generic: str,
    percent: bool = True,
    rounding: float | None = 0.0051,
    rel: float = 1e-6,
) -> None:
    """Return when ``got`` equals ``want``; else raise Incorrect with the message of the first
    known mistake it equals (percent instead of share, rounding, or one of ``mistakes``)."""
    if all_close(got, want, rel=rel):
        return
    if percent and all_close(got, want * 100, rel=rel):
        raise Incorrect(
            "値が 100 倍になっています。割合（0〜1）で答えてください（パーセントにするための × 100 は要りません）。"
        )
    for alternative, message in mistakes:
        if (
            alternative is not None
            and not all_close(alternative, want, rel=rel)
            and all_close(got, alternative, rel=rel)
        ):
            raise Incorrect(message)
    if rounding is not None and all_close(got, want, rel=0, absolute=rounding):
        raise Incorrect(ROUNDING)
    raise Incorrect(generic)
