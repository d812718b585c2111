"""Coarsening (一般化) helpers: ages to bands, dates to months or years, top-coding.

Coarsening quasi-identifiers is one of the measures for 行政機関等匿名加工情報 (and a good
habit for 仮名加工情報): a birth date or an exact age of 97 can single a person out,
「95歳以上」 or 「2024年」 much less so.

>>> age_band(pd.Series([3, 47, 90])).tolist()
['0〜4歳', '45〜49歳', '85歳以上']
>>> to_year(pd.Series(["2024-04-01"])).tolist()
[2024]
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from kit.errors import DateError, InputError
from kit.privacy._checks import index_note, require_series

MAX_AGE = 130

Generaliser = Callable[[pd.Series], pd.Series]


def age_band(ages: pd.Series, width: int = 5, top: int | None = 85) -> pd.Series:
    """Ages in years → ordered bands such as 「0〜4歳」, with 「85歳以上」 at the top.

    Fractional ages are rounded down (34.9 → 30〜34歳 band). Missing ages stay missing.
    Every band is a category even when empty, so counts and pyramids show all bands.
    ``top=None`` means no open top band.

    >>> age_band(pd.Series([0, 9, 10, 85]), width=10, top=80).tolist()
    ['0〜9歳', '0〜9歳', '10〜19歳', '80歳以上']
    """
    require_series(ages, "年齢")
    if not (isinstance(width, int) and width >= 1):
        raise InputError(
            f"階級の幅 width={width!r} は使えません。", action="1 以上の整数を指定してください。"
        )
    if top is not None and not (isinstance(top, int) and top >= width):
        raise InputError(
            f"上限 top={top!r} は使えません。",
            action="width 以上の整数か None を指定してください。",
        )
    years = _as_numbers(ages, "年齢")
    bad = (years < 0) | (years > MAX_AGE)
    if bad.any():
        position = int(np.flatnonzero(bad.to_numpy(dtype=bool, na_value=False))[0])
        raise InputError(
            f"年齢「{ages.iloc[position]}」は 0〜{MAX_AGE} の範囲にありません{index_note(ages, position)}。",
            row=position + 1,
            column=ages.name,
            action="入力の誤りがないか元のデータを確認してください。",
        )
    whole = np.floor(years.to_numpy(dtype=float, na_value=np.nan))
    highest = top if top is not None else int(np.nanmax(whole, initial=0)) + 1
    starts = list(range(0, highest, width))
    labels = [f"{lo}〜{min(lo + width, highest) - 1}歳" for lo in starts]
    if top is not None:
        labels.append(f"{top}歳以上")
        starts.append(top)
    index = np.searchsorted(np.array(starts), whole, side="right") - 1
    codes = np.where(np.isnan(whole), -1, index)
    dtype = pd.CategoricalDtype(labels, ordered=True)
    values = pd.Categorical.from_codes(codes, dtype=dtype)
    return pd.Series(values, index=ages.index, name=ages.name)


def to_month(dates: pd.Series) -> pd.Series:
    """Dates → months (pandas Period, shown as 2024-04). Missing dates stay missing.

    Accepts datetimes, Periods and text such as "2024-04-01" or "2024/4/1". Japanese era dates
    (令和6年4月1日) should be converted first with ``kit.wareki``.

    >>> to_month(pd.Series(["2024-04-01", "2024/4/30"])).astype(str).tolist()
    ['2024-04', '2024-04']
    """
    return _as_datetimes(dates).dt.to_period("M")


def to_year(dates: pd.Series) -> pd.Series:
    """Dates (or months, or years) → the year as a nullable integer (2024).

    >>> to_year(pd.Series(pd.to_datetime(["2023-12-31", None]))).tolist()
    [2023, <NA>]
    """
    require_series(dates, "日付")
    if pd.api.types.is_integer_dtype(dates.dtype):
        return dates.astype("Int64")
    return _as_datetimes(dates).dt.year.astype("Int64")


def top_code(values: pd.Series, limit: float) -> pd.Series:
    """Replace values above ``limit`` by ``limit`` (top-coding, トップコーディング).

    Read the top value as "limit or more" (e.g. 年収 1,000万円以上). Very large values are rare
    and identify people; top-coding is one of the measures for 行政機関等匿名加工情報.

    >>> top_code(pd.Series([30, 95, 101]), 90).tolist()
    [30, 90, 90]
    """
    require_series(values, "値")
    if not pd.api.types.is_numeric_dtype(values.dtype) or pd.api.types.is_bool_dtype(values.dtype):
        raise InputError(
            "トップコーディングできるのは数値の列だけです。",
            column=values.name,
            action="pd.to_numeric で数値に変換してから渡してください。",
        )
    if pd.api.types.is_integer_dtype(values.dtype) and float(limit).is_integer():
        limit = int(limit)
    return values.clip(upper=limit)


def age_steps(widths: Sequence[int] = (5, 10, 20), top: int = 85) -> list[Generaliser]:
    """Generalisation steps for an age column, finer to coarser, for ``achieve_k``.

    Each step is a function of the original column with a Japanese ``label``.

    >>> [step.label for step in age_steps()]
    ['5歳階級', '10歳階級', '20歳階級']
    """
    return [_labelled(functools.partial(age_band, width=w, top=top), f"{w}歳階級") for w in widths]


def date_steps() -> list[Generaliser]:
    """Generalisation steps for a date column: month, then year, for ``achieve_k``.

    >>> [step.label for step in date_steps()]
    ['月', '年']
    """
    return [
        _labelled(functools.partial(to_month), "月"),
        _labelled(functools.partial(to_year), "年"),
    ]


def _labelled(step: functools.partial, label: str) -> Generaliser:
    step.label = label  # type: ignore[attr-defined]
    return step


def _as_numbers(values: pd.Series, what: str) -> pd.Series:
    if pd.api.types.is_bool_dtype(values.dtype):
        raise InputError(f"{what}の列が真偽値になっています。", column=values.name)
    numbers = pd.to_numeric(values, errors="coerce")
    failed = numbers.isna() & values.notna()
    if failed.any():
        position = int(np.flatnonzero(failed.to_numpy())[0])
        raise InputError(
            f"{what}「{values.iloc[position]}」を数値として読めません{index_note(values, position)}。",
            row=position + 1,
            column=values.name,
            action="全角数字や単位（「歳」など）が混じっていないか確認してください。",
        )
    return numbers


def _as_datetimes(dates: pd.Series) -> pd.Series:
    require_series(dates, "日付")
    if isinstance(dates.dtype, pd.PeriodDtype):
        return dates.dt.to_timestamp()
    if pd.api.types.is_datetime64_any_dtype(dates.dtype):
        return dates
    parsed = pd.to_datetime(dates, errors="coerce", format="mixed", yearfirst=True)
    failed = parsed.isna() & dates.notna()
    if failed.any():
        position = int(np.flatnonzero(failed.to_numpy())[0])
        raise DateError(
            f"「{dates.iloc[position]}」を日付として読めません{index_note(dates, position)}。",
            row=position + 1,
            column=dates.name,
            action="「2024-04-01」の形にしてください。和暦は kit.wareki で変換できます。",
        )
    return parsed
