"""Input checks shared by the privacy helpers, with Japanese errors that name the place.

>>> import pandas as pd
>>> require_columns(pd.DataFrame({"年齢": [1]}), ["年齢"])
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from kit.errors import InputError


def require_series(values: object, what: str) -> pd.Series:
    """Return ``values`` if it is a Series, else raise InputError in Japanese.

    >>> require_series(pd.Series([1]), "年齢").tolist()
    [1]
    """
    if not isinstance(values, pd.Series):
        raise InputError(
            f"{what}には pandas の Series（表の 1 列）を渡してください"
            f"（渡されたのは {type(values).__name__} です）。",
            action='例: df["年齢"] のように列を 1 つ選んで渡してください。',
        )
    return values


def require_frame(df: object, what: str = "表") -> pd.DataFrame:
    """Return ``df`` if it is a DataFrame, else raise InputError.

    >>> require_frame(pd.DataFrame()).shape
    (0, 0)
    """
    if not isinstance(df, pd.DataFrame):
        raise InputError(
            f"{what}には pandas の DataFrame を渡してください（渡されたのは {type(df).__name__} です）。",
            action="pd.read_csv や kit.load で読み込んだ表を渡してください。",
        )
    return df


def require_columns(df: pd.DataFrame, columns: Iterable[object]) -> None:
    """Raise InputError naming the first column that ``df`` lacks.

    >>> require_columns(pd.DataFrame({"a": [1]}), ["a"])
    """
    for column in columns:
        if column not in df.columns:
            available = "、".join(map(str, df.columns[:20]))
            raise InputError(
                f"列「{column}」が表にありません（ある列: {available}）。",
                column=column,
                action="列名の綴りや全角・半角を確認してください。",
            )


def index_note(values: pd.Series, position: int) -> str:
    """A Japanese note with the index label when it differs from the row count, else ''.

    Errors give ``row=position + 1`` (rows counted from 1, as a trainee counts them)
    and add this note so that the row can also be found with ``df.loc``.

    >>> index_note(pd.Series([1], index=["A"]), 0)
    '（インデックス A）'
    """
    label = values.index[position]
    if isinstance(values.index, pd.RangeIndex) and label == position:
        return ""
    return f"（インデックス {label}）"
