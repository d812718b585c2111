"""Shapes of stage-1 answers: a value per 地区, a 地区 name, a set of choices.

>>> district_name(" みなみ野 ")
'みなみ野地区'
"""

from __future__ import annotations

import unicodedata
from typing import Any

from kit.exercises import _checks as c
from kit.exercises._engine import Incorrect


def district_name(text: str) -> str:
    """A 地区 name in its full form (NFKC, trimmed, 「地区」 added when left out)."""
    plain = unicodedata.normalize("NFKC", str(text)).strip()
    return plain if plain.endswith("地区") else f"{plain}地区"


def district_series(value: Any, name: str, districts: list[str], towns: set[str]) -> Any:
    """The answer as a float Series indexed by full 地区 names, or Incorrect with the reason.

    Accepts a Series indexed by 地区名, or a DataFrame with 地区名 (as a column or the index)
    and exactly one numeric column.
    """
    import pandas as pd

    if isinstance(value, pd.DataFrame):
        frame = value.reset_index() if "地区名" not in value.columns else value
        numeric = [
            col
            for col in frame.columns
            if col != "地区名"
            and pd.api.types.is_numeric_dtype(frame[col])
            and not pd.api.types.is_bool_dtype(frame[col])
        ]
        if "地区名" not in frame.columns:
            raise Incorrect(f"`{name}` に「地区名」がありません。地区ごとにまとめてください。")
        if len(numeric) != 1:
            raise Incorrect(
                f"`{name}` には、地区ごとの値を 1 列だけ入れてください（いまは数の列が {len(numeric)} 列あります）。"
            )
        value = frame.set_index("地区名")[numeric[0]]
    if not isinstance(value, pd.Series):
        raise Incorrect(
            f"`{name}` は地区ごとの列（Series）にしてください（いまは{c.kind_name(value)}です）。"
        )
    if isinstance(value.index, pd.MultiIndex):
        raise Incorrect(
            f"`{name}` の見出し（インデックス）が 2 段になっています。地区だけでまとめ、年などは列で選んでください。"
        )
    labels = [str(i) for i in value.index]
    if set(labels) & towns and not set(labels) & set(districts):
        raise Incorrect(f"`{name}` が町丁目ごとになっています。「地区名」でまとめてください。")
    if all(label.isdigit() for label in labels):
        raise Incorrect(
            f"`{name}` の見出しが数字（年や地区コード）になっています。見出しは「地区名」にしてください。"
        )
    full = [district_name(label) for label in labels]
    if len(set(full)) != len(full):
        raise Incorrect(
            f"`{name}` に同じ地区が何回も出てきます。地区ごとに 1 行にまとめてください。"
        )
    missing = [d for d in districts if d not in full]
    extra = [label for label, f in zip(labels, full, strict=True) if f not in districts]
    if extra:
        raise Incorrect(
            f"`{name}` に地区でない見出し「{extra[0]}」があります。「地区名」でまとめてください。"
        )
    if missing:
        raise Incorrect(
            f"`{name}` に入っていない地区があります（{len(missing)} 地区）。すべての地区を残してください。"
        )
    if not all(pd.api.types.is_number(v) and not isinstance(v, bool) for v in value.tolist()):
        raise Incorrect(f"`{name}` の値が数になっていません。")
    series = pd.Series(value.to_numpy(dtype=float), index=full)
    if series.isna().any():
        raise Incorrect(
            f"`{name}` に欠損値（NaN）があります。計算に使った列と年を確認してください。"
        )
    return series.reindex(districts)


def matches(got: Any, want: Any, abs_tol: float = 1e-9) -> bool:
    """Whether two Series over the same 地区 agree value by value."""
    return all(
        c.is_close(float(got[k]), float(want[k])) or abs(float(got[k]) - float(want[k])) <= abs_tol
        for k in want.index
    )


def choices(value: Any, name: str, example: str) -> list[str]:
    """A list / tuple / set of texts, normalised (NFKC, trimmed), or Incorrect."""
    if isinstance(value, str):
        raise Incorrect(f"`{name}` は 1 つの文字ではなく、リストにしてください（例: {example}）。")
    if not isinstance(value, list | tuple | set | frozenset):
        raise Incorrect(
            f"`{name}` はリストにしてください（例: {example}。いまは{c.kind_name(value)}です）。"
        )
    items = []
    for item in value:
        if not isinstance(item, str):
            raise Incorrect(f"`{name}` の中身は文字にしてください（例: {example}）。")
        items.append(unicodedata.normalize("NFKC", item).strip())
    if len(set(items)) != len(items):
        raise Incorrect(f"`{name}` に同じものが 2 回入っています。")
    return items
