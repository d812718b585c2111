"""Wide 地域・年齢別人口 tables to long form: one row per area × date × age band × sex.

Understands the open-data standard's columns (``0-4歳の男性`` … ``85歳以上の女性``, old or current
header), tables as cities publish them (``0〜4歳_男``, ``男_0〜4歳``, ``100歳以上``, ``年齢不詳``)
and single years (``0歳``).

>>> import pandas as pd
>>> wide = pd.DataFrame({"地域名": ["旭丘"], "総人口": [7], "0-4歳の男性": [3], "0-4歳の女性": [4]})
>>> population_long(wide).to_dict("records")
[{'地域名': '旭丘', '年齢階級': '0-4歳', '下限年齢': 0, '上限年齢': 4, '性別': '男性', '人口': 3}, {'地域名': '旭丘', '年齢階級': '0-4歳', '下限年齢': 0, '上限年齢': 4, '性別': '女性', '人口': 4}]
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kit.errors import InputError

BAND, LOWER, UPPER, SEX = "年齢階級", "下限年齢", "上限年齢", "性別"
MALE, FEMALE, BOTH = "男性", "女性", "男女計"
UNKNOWN = "年齢不詳"
_RANGE = re.compile(r"(\d+)\s*[-〜~ー−–]\s*(\d+)\s*歳")
_OPEN = re.compile(r"(\d+)\s*歳\s*以上")
_SINGLE = re.compile(r"(\d+)\s*歳(?!\s*以上)")
_UNKNOWN = re.compile(r"(年齢)?不詳")
_SEXES = (("男女計", BOTH), ("女性", FEMALE), ("男性", MALE), ("女", FEMALE), ("男", MALE),
          ("総数", BOTH), ("合計", BOTH), ("計", BOTH))  # fmt: skip
_FILLER = re.compile(r"^[\s_の()・/人口]*$")
_AGGREGATE = re.compile(r"^(総人口|総数|人口|計|合計|男女計|)$")


@dataclass(frozen=True)
class Band:
    """One age band column: label, ages (upper None = open / unknown) and sex."""

    label: str
    lower: int | None
    upper: int | None
    sex: str

    def covers(self, other: Band) -> bool:
        if self.lower is None or other.lower is None or self == other:
            return False
        top = np.inf if self.upper is None else self.upper
        other_top = np.inf if other.upper is None else other.upper
        return (
            self.lower <= other.lower
            and other_top <= top
            and (self.lower, top) != (other.lower, other_top)
        )


def _remove_sex(text: str) -> tuple[str, str | None]:
    for token, sex in _SEXES:
        if token in text:
            return text.replace(token, "", 1), sex
    return text, None


def parse_band(name: object) -> Band | None:
    """The age band and sex a column name stands for, or None for other columns.

    >>> parse_band("0-4歳の男性")
    Band(label='0-4歳', lower=0, upper=4, sex='男性')
    >>> parse_band("１００歳以上_女"), parse_band("年齢不詳 計"), parse_band("世帯数")
    (Band(label='100歳以上', lower=100, upper=None, sex='女性'), Band(label='年齢不詳', lower=None, upper=None, sex='男女計'), None)
    """
    text = unicodedata.normalize("NFKC", str(name).replace("～", "〜"))
    for pattern in (_RANGE, _OPEN, _UNKNOWN, _SINGLE):
        match = pattern.search(text)
        if match:
            break
    else:
        return None
    rest, sex = _remove_sex(text[: match.start()] + " " + text[match.end() :])
    if not _FILLER.match(rest):
        return None
    if pattern is _RANGE:
        lower, upper = int(match.group(1)), int(match.group(2))
        band = Band(f"{lower}-{upper}歳", lower, upper, sex or BOTH)
    elif pattern is _OPEN:
        band = Band(f"{match.group(1)}歳以上", int(match.group(1)), None, sex or BOTH)
    elif pattern is _UNKNOWN:
        band = Band(UNKNOWN, None, None, sex or BOTH)
    else:
        age = int(match.group(1))
        band = Band(f"{age}歳", age, age, sex or BOTH)
    return band


def _is_aggregate(name: object, values: pd.Series) -> bool:
    """Totals and household counts: not per age, left out of the long table."""
    if not pd.api.types.is_numeric_dtype(values):
        return False
    text = unicodedata.normalize("NFKC", str(name))
    if "世帯" in text:
        return True
    rest, _ = _remove_sex(text)
    return bool(_AGGREGATE.match(rest.strip(" _の()")))


def _select(bands: dict[object, Band], df: pd.DataFrame) -> dict[object, Band]:
    """Drop columns that would double count: 計 when 男 and 女 exist, bands covering others."""
    by_label: dict[str, set[str]] = {}
    for band in bands.values():
        by_label.setdefault(band.label, set()).add(band.sex)
    keep = {}
    for column, band in bands.items():
        if band.sex == BOTH and {MALE, FEMALE} <= by_label[band.label]:
            _check_sum(df, bands, column, band)
            continue
        if any(other.sex == band.sex and band.covers(other) for other in bands.values()):
            warnings.warn(
                f"列「{column}」は他の年齢階級の合計（再掲）のため、縦長の表には入れません。",
                stacklevel=3,
            )
            continue
        keep[column] = band
    return keep


def _check_sum(df: pd.DataFrame, bands: dict[object, Band], column: object, band: Band) -> None:
    parts = [c for c, b in bands.items() if b.label == band.label and b.sex in (MALE, FEMALE)]
    if len(parts) != 2:
        return
    total = df[parts[0]] + df[parts[1]]
    wrong = (total != df[column]) & total.notna() & df[column].notna()
    if bool(wrong.any()):
        warnings.warn(
            f"列「{column}」が男女の和と合わない行が {int(wrong.sum())} 行あります。男女別の値を使います。",
            stacklevel=4,
        )


def population_long(
    df: pd.DataFrame,
    *,
    value_name: str = "人口",
    id_columns: list[str] | None = None,
    date: dt.date | None = None,
) -> pd.DataFrame:
    """A wide population table in long form.

    Columns: the identifying columns (area, code, 調査年月日…; by default every column that is
    not an age band, a total such as 総人口/男性/女性, or 世帯数), then 年齢階級, 下限年齢,
    上限年齢 (missing for open bands and 年齢不詳), 性別 (男性 / 女性, or 男女計 when the table
    has no split by sex) and ``value_name``. Rows follow the table's rows, then age, then sex.
    ``date`` adds a 調査年月日 column when the table has none (e.g. ``result.as_of``).

    >>> wide = pd.DataFrame({"町丁名": ["旭丘"], "85歳以上_男": [1], "85歳以上_女": [2], "年齢不詳_男": [0], "年齢不詳_女": [1]})
    >>> population_long(wide)[["年齢階級", "上限年齢", "性別", "人口"]].values.tolist()
    [['85歳以上', <NA>, '男性', 1], ['85歳以上', <NA>, '女性', 2], ['年齢不詳', <NA>, '男性', 0], ['年齢不詳', <NA>, '女性', 1]]
    """
    if not isinstance(df, pd.DataFrame):
        raise InputError(
            "population_long には DataFrame を渡してください。",
            action="kit.read_table(...) の結果を渡せます。",
        )
    found = {c: b for c in df.columns if (b := parse_band(c)) is not None}
    if not found:
        raise InputError(
            "年齢階級の列（例:「0-4歳の男性」「0〜4歳_男」）が見つかりません。",
            action="横に年齢階級が並んだ人口の表を渡してください。列名は df.columns で確かめられます。",
        )
    bands = _select(found, df)
    if id_columns is None:
        id_columns = [c for c in df.columns if c not in found and not _is_aggregate(c, df[c])]
    missing = [c for c in id_columns if c not in df.columns]
    if missing:
        raise InputError(
            f"列「{missing[0]}」が表にありません。",
            column=missing[0],
            action="id_columns の列名を確かめてください。",
        )
    frame = df.reset_index(drop=True)
    if date is not None and "調査年月日" not in id_columns:
        frame = frame.assign(調査年月日=pd.Timestamp(date)).astype({"調査年月日": "datetime64[us]"})
        id_columns = [*id_columns, "調査年月日"]
    long = frame[id_columns + list(bands)].melt(
        id_vars=id_columns,
        value_vars=list(bands),
        var_name="_column",
        value_name=value_name,
        ignore_index=False,
    )
    ordered = sorted(
        bands.values(), key=lambda b: (b.lower is None, b.lower or 0, b.upper or 10**6)
    )
    band_rank = {label: i for i, label in enumerate(dict.fromkeys(b.label for b in ordered))}
    info = long["_column"].map(bands)
    long = long.assign(
        **{
            BAND: info.map(lambda b: b.label).astype("str"),
            LOWER: info.map(lambda b: b.lower).astype("Int64"),
            UPPER: info.map(lambda b: b.upper).astype("Int64"),
            SEX: info.map(lambda b: b.sex).astype("str"),
            "_row": long.index,
            "_band": info.map(lambda b: band_rank[b.label]),
            "_sex": info.map(lambda b: (MALE, FEMALE, BOTH).index(b.sex)),
        }
    ).sort_values(["_row", "_band", "_sex"], kind="stable")
    values = long[value_name]
    if pd.api.types.is_float_dtype(values) and bool((values.dropna() % 1 == 0).all()):
        long[value_name] = values.astype("Int64")
    return long[[*id_columns, BAND, LOWER, UPPER, SEX, value_name]].reset_index(drop=True)
