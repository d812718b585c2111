"""Population pyramids from a long table (area, date, age band, sex, count), one or two compared.

Expected columns (names can be changed by arguments): 「地域名」, 「調査年月日」 (dates, or years as
integers), 「年齢階級」 (「0〜4歳」「0-4歳」「85歳以上」… or ages as numbers), 「性別」 (「男性」/「女性」;
other values such as 「計」 are ignored) and 「人口」. Rows whose age has no number (「年齢不詳」,
「総数」) are left out. ``kit.readers.population_long`` turns the wide municipal table into this form.

>>> pop = pd.DataFrame({"年齢階級": ["0〜4歳", "0〜4歳", "5〜9歳", "5〜9歳"],
...                     "性別": ["男性", "女性", "男性", "女性"], "人口": [10, 12, 9, 8]})
>>> ax = pyramid(pop)
>>> [float(-bar.get_width()) for bar in ax.containers[0]]
[10.0, 9.0]
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from kit.errors import DateError, InputError
from kit.plot._common import new_axes, require_frame_columns
from kit.style import PALETTE

AREA, DATE, AGE, SEX, COUNT = "地域名", "調査年月日", "年齢階級", "性別", "人口"
MALE, FEMALE = "男性", "女性"
MALE_COLOUR, FEMALE_COLOUR = PALETTE[0], PALETTE[5]


def pyramid(
    pop: pd.DataFrame,
    area: str | None = None,
    compare: object = None,
    *,
    year: object = None,
    percent: bool | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    area_col: str = AREA,
    year_col: str = DATE,
    age_col: str = AGE,
    sex_col: str = SEX,
    count_col: str = COUNT,
    male: str = MALE,
    female: str = FEMALE,
) -> Axes:
    """Draw males to the left and females to the right, by age band, youngest at the bottom.

    ``area`` picks one 地域名 (None adds up all rows). ``year`` picks the date (a year such as
    2024 takes that year's latest date; default the latest date in the table). ``compare`` is
    another area name, or another year/date for the same area; it is drawn as black outlines.
    ``percent`` shows each age-sex group as a share of the whole (default: on when two areas
    are compared, since their sizes differ).

    >>> pop = pd.DataFrame({"地域名": ["北町"] * 2 + ["南町"] * 2, "年齢階級": ["0〜4歳"] * 4,
    ...                     "性別": ["男性", "女性"] * 2, "人口": [1, 3, 10, 10]})
    >>> ax = pyramid(pop, "北町", compare="南町")
    >>> [round(b.get_width()) for b in ax.containers[1]], ax.get_xlabel()
    ([75], '構成比（％）')
    """
    require_frame_columns(pop, [age_col, sex_col, count_col])
    if area is not None:
        _require_value(pop, area_col, area, "地域名")
    dates, is_year = _dates(pop[year_col], year_col) if year_col in pop.columns else (None, False)
    main_date = _pick_date(dates, year, year_col)
    other: tuple[str | None, pd.Timestamp | None] | None = None
    compare_is_area = False
    if compare is not None:
        if area_col in pop.columns and compare in set(pop[area_col].dropna()):
            other, compare_is_area = (compare, main_date), True
        elif dates is not None:
            other = (area, _pick_date(dates, compare, year_col))
        else:
            raise InputError(
                f"比較する「{compare}」が、地域名にも調査年月日にも見つかりません。",
                action="比較したい地域名か年（例: 2015）を指定してください。",
            )
    if percent is None:
        percent = compare_is_area
    cols = (area_col, age_col, sex_col, count_col, male, female)
    main = _age_sex_counts(pop, dates, area, main_date, cols)
    second = _age_sex_counts(pop, dates, *other, cols) if other else None
    ages = _ordered_ages(
        pop[age_col], main.index.union(second.index) if second is not None else main.index
    )
    main = main.reindex(ages, fill_value=0)
    second = second.reindex(ages, fill_value=0) if second is not None else None
    if percent:
        main = main / main.to_numpy().sum() * 100
        second = second / second.to_numpy().sum() * 100 if second is not None else None
    _, ax = new_axes(ax, figsize=(6.5, 6.0))
    y = np.arange(len(ages))
    ax.barh(y, -main[male].to_numpy(dtype=float), height=0.85, color=MALE_COLOUR, label=male)
    ax.barh(y, main[female].to_numpy(dtype=float), height=0.85, color=FEMALE_COLOUR, label=female)
    handles, _ = ax.get_legend_handles_labels()
    if second is not None and other is not None:
        outline = {"height": 0.85, "fill": False, "edgecolor": "black", "linewidth": 1.0}
        ax.barh(y, -second[male].to_numpy(dtype=float), **outline)
        ax.barh(y, second[female].to_numpy(dtype=float), **outline)
        handles.append(
            Patch(fill=False, edgecolor="black", label=f"{_describe(*other, is_year)}（枠線）")
        )
    ax.set_yticks(y, [str(a) for a in ages], fontsize=8)
    limit = max(
        float(main.to_numpy().max()), float(second.to_numpy().max()) if second is not None else 0.0
    )
    ax.set_xlim(-limit * 1.1 or -1, limit * 1.1 or 1)
    ax.axvline(0, color="black", linewidth=0.6)
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda v, _: f"{abs(v):,.10g}" if percent else f"{abs(v):,.0f}")
    )
    ax.set_xlabel("構成比（％）" if percent else "人口（人）")
    ax.set_ylabel("年齢階級")
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.1),
        ncol=len(handles),
        fontsize=8,
        frameon=False,
    )
    ax.set_title(title or f"人口ピラミッド: {_describe(area, main_date, is_year)}")
    return ax


def _require_value(pop: pd.DataFrame, column: str, value: object, what: str) -> None:
    require_frame_columns(pop, [column])
    if value not in set(pop[column].dropna()):
        examples = "、".join(map(str, pd.unique(pop[column].dropna())[:8]))
        raise InputError(
            f"{what}「{value}」が列「{column}」にありません（例: {examples}）。",
            column=column,
            action="表記（全角・半角、丁目の数字など）を確認してください。",
        )


def _dates(values: pd.Series, column: str) -> tuple[pd.Series, bool]:
    """The column as timestamps, and whether it held plain years (2024)."""
    is_year = pd.api.types.is_integer_dtype(values.dtype)
    if is_year:
        out = pd.to_datetime(values.astype("Int64").astype("str"), format="%Y", errors="coerce")
    elif pd.api.types.is_datetime64_any_dtype(values.dtype):
        out = values.dt.normalize()
    else:
        out = pd.to_datetime(values, format="mixed", yearfirst=True, errors="coerce")
    bad = out.isna() & values.notna()
    if bad.any():
        position = int(np.flatnonzero(bad.to_numpy())[0])
        raise DateError(
            f"「{values.iloc[position]}」を日付として読めません。",
            row=position + 1,
            column=column,
            action="「2024-04-01」の形にしてください。和暦は kit.wareki で変換できます。",
        )
    return out, is_year


def _pick_date(dates: pd.Series | None, wanted: object, column: str) -> pd.Timestamp | None:
    if dates is None:
        if wanted is not None:
            raise InputError(f"年を選ぶための列「{column}」がありません。", column=column)
        return None
    available = pd.Series(dates.dropna().unique()).sort_values()
    if len(available) == 0:
        raise InputError(f"列「{column}」に日付がありません。", column=column)
    if wanted is None:
        return available.iloc[-1]
    if isinstance(wanted, int | np.integer) or (
        isinstance(wanted, str) and wanted.isdigit() and len(wanted) == 4
    ):
        in_year = available[available.dt.year == int(wanted)]
        if len(in_year):
            return in_year.iloc[-1]
    else:
        try:
            stamp = pd.Timestamp(wanted).normalize()
        except (ValueError, TypeError) as exc:
            raise DateError(f"「{wanted}」を日付として読めません。", column=column) from exc
        if (available == stamp).any():
            return stamp
    years = "、".join(sorted({str(d.year) for d in available}))
    raise InputError(
        f"「{wanted}」のデータがありません（ある年: {years}）。",
        column=column,
        action="年か日付を選び直してください。",
    )


def _age_sex_counts(
    pop: pd.DataFrame,
    dates: pd.Series | None,
    area: str | None,
    date: pd.Timestamp | None,
    cols: tuple,
) -> pd.DataFrame:
    area_col, age_col, sex_col, count_col, male, female = cols
    mask = pop[sex_col].isin([male, female])
    if area is not None:
        mask &= pop[area_col] == area
    if dates is not None and date is not None:
        mask &= dates == date
    rows = pop[mask.fillna(False).to_numpy(dtype=bool)]
    if len(rows) == 0:
        raise InputError(
            f"条件に合う行がありません（性別が「{male}」「{female}」の行を探しました）。",
            column=sex_col,
            action="male= / female= で性別の表記を指定できます。",
        )
    counts = pd.to_numeric(rows[count_col], errors="coerce")
    if counts.isna().any():
        raise InputError(f"列「{count_col}」に数値でない値があります。", column=count_col)
    return (
        pd.DataFrame(
            {
                "age": rows[age_col].astype("str").to_numpy(),
                "sex": rows[sex_col].to_numpy(),
                "n": counts.to_numpy(),
            }
        )
        .groupby(["age", "sex"])["n"]
        .sum()
        .unstack("sex")
        .reindex(columns=[male, female])
        .fillna(0)
    )


def _ordered_ages(column: pd.Series, labels: pd.Index) -> list[str]:
    if isinstance(column.dtype, pd.CategoricalDtype) and column.cat.ordered:
        order = [str(c) for c in column.cat.categories]
        return [a for a in order if a in set(labels) and _age_key(a) is not None]
    keyed = [(key, a) for a in labels if (key := _age_key(a)) is not None]
    return [a for _, a in sorted(keyed)]


def _age_key(label: str) -> float | None:
    match = re.search(r"\d+(?:\.\d+)?", unicodedata.normalize("NFKC", str(label)))
    return float(match.group()) if match else None


def _describe(area: str | None, date: pd.Timestamp | None, is_year: bool) -> str:
    where = area if area is not None else "全体"
    if date is None:
        return where
    when = f"{date.year}年" if is_year else f"{date.year}年{date.month}月{date.day}日"
    return f"{where}（{when}）"
