"""Building blocks for checkers: type and shape checks with kind Japanese messages.

Each function raises :class:`~kit.exercises._engine.Incorrect` when the answer does not fit.

>>> expect_number(3, "n_old")
3.0
>>> expect_number("3", "n_old")
Traceback (most recent call last):
kit.exercises._engine.Incorrect: `n_old` は数ではなく文字（str）になっています。...
"""

from __future__ import annotations

import math
import numbers
from typing import TYPE_CHECKING, Any

from kit.exercises._engine import Incorrect

if TYPE_CHECKING:
    import pandas as pd

_KIND_NAMES = {
    "DataFrame": "表（DataFrame）",
    "Series": "列（Series）",
    "str": "文字（str）",
    "int": "整数（int）",
    "float": "小数（float）",
    "list": "リスト（list）",
    "dict": "辞書（dict）",
    "NoneType": "None（値なし）",
    "bool": "真偽値（bool）",
    "tuple": "タプル（tuple）",
}


def kind_name(value: Any) -> str:
    """Japanese name of a value's type, e.g. '表（DataFrame）'.

    >>> kind_name([1])
    'リスト（list）'
    """
    name = type(value).__name__
    return _KIND_NAMES.get(name, name)


def expect_frame(value: Any, name: str, columns: list[str] | None = None) -> pd.DataFrame:
    """The answer must be a DataFrame having ``columns``.

    >>> import pandas as pd
    >>> expect_frame(pd.DataFrame({"a": [1]}), "df", ["a"]).shape
    (1, 1)
    """
    import pandas as pd

    if isinstance(value, pd.Series):
        raise Incorrect(
            f"`{name}` が列（Series）になっています。表（DataFrame）のまま残してください"
            "（列を 1 つだけ取り出していませんか？）。"
        )
    if not isinstance(value, pd.DataFrame):
        raise Incorrect(f"`{name}` は表（DataFrame）ではなく {kind_name(value)} になっています。")
    missing = [c for c in columns or [] if c not in value.columns]
    if missing:
        listed = "」「".join(missing)
        raise Incorrect(
            f"`{name}` に列「{listed}」がありません。元の表の列を残したまま作ってください。"
        )
    return value


def expect_number(value: Any, name: str) -> float:
    """The answer must be a single number (not text, not a table, not True/False).

    >>> expect_number(2.5, "x")
    2.5
    """
    import numpy as np

    if isinstance(value, np.ndarray) and value.size == 1:
        value = value.item()
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        hint = ""
        if type(value).__name__ in ("Series", "DataFrame"):
            hint = "表や列ではなく、数を 1 つだけ入れてください（.sum() や len() を使います）。"
        raise Incorrect(f"`{name}` は数ではなく{kind_name(value)}になっています。{hint}")
    number = float(value)
    if math.isnan(number):
        raise Incorrect(
            f"`{name}` が欠損値（NaN）になっています。計算に使った列を確認してください。"
        )
    return number


def expect_text(value: Any, name: str) -> str:
    """The answer must be a piece of text (str), returned without surrounding spaces.

    >>> expect_text(" 中央図書館 ", "top_name")
    '中央図書館'
    """
    if not isinstance(value, str):
        hint = ""
        if type(value).__name__ in ("Series", "DataFrame"):
            hint = "表や列ではなく、名前の文字を 1 つだけ入れてください（.iloc[0] などで取り出せます）。"
        raise Incorrect(f"`{name}` は文字ではなく{kind_name(value)}になっています。{hint}")
    return value.strip()


def as_keyed_series(value: Any, name: str, key: str, column: str) -> pd.Series:
    """Accept a Series indexed by ``key`` or a DataFrame with ``key`` (column or index) and ``column``.

    Trainees make group sums in several right ways; all of them are accepted.

    >>> import pandas as pd
    >>> as_keyed_series(pd.DataFrame({"地区": ["A"], "費用": [3]}), "x", "地区", "費用").to_dict()
    {'A': 3}
    """
    import pandas as pd

    if isinstance(value, pd.Series):
        series = value
    elif isinstance(value, pd.DataFrame):
        frame = value.reset_index() if key not in value.columns else value
        if key not in frame.columns:
            raise Incorrect(f"`{name}` に「{key}」がありません。「{key}」ごとにまとめてください。")
        if column in frame.columns:
            series = frame.set_index(key)[column]
        else:
            numeric = [
                c for c in frame.columns if c != key and pd.api.types.is_numeric_dtype(frame[c])
            ]
            if len(numeric) != 1:
                raise Incorrect(f"`{name}` に合計した「{column}」の列が見つかりません。")
            series = frame.set_index(key)[numeric[0]]
    else:
        raise Incorrect(f"`{name}` は表か列にしてください（いまは{kind_name(value)}です）。")
    if series.index.has_duplicates:
        raise Incorrect(
            f"`{name}` に同じ「{key}」が何回も出てきます。「{key}」ごとに 1 行にまとめてください。"
        )
    return series


def is_close(actual: float, expected: float, rel: float = 1e-6) -> bool:
    """Whether two numbers agree up to a small relative tolerance.

    >>> is_close(0.1 + 0.2, 0.3)
    True
    """
    return math.isclose(actual, expected, rel_tol=rel, abs_tol=1e-9)
