"""The resident register as the stage-2 privacy exercises see it, computed independently.

The nursery analysis needs only the preschool children (0〜5歳 on 2026-04-01) and seven columns.
Everything here is recomputed from ``kit.load("residents")``, never from the trainee's tables.

>>> len(preschool_extract().columns)
7
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence
from typing import Any

from kit.exercises._engine import Incorrect

DATASET = "residents"
TRAINING_KEY = "nanase-kenshu-2026-shared-key"  # shared by the class; real keys never sit in code
BASE_YEAR, BASE_MMDD = 2026, 401  # the register's reference date: 2026-04-01
MAX_AGE = 5
EXTRACT_COLUMNS = ["住民ID", "世帯ID", "性別", "年齢", "町丁目名", "地区名", "世帯類型"]
QUASI_IDENTIFIERS = ["年齢", "性別", "町丁目名"]
AGE_COLUMNS = ("年齢", "年齢階級")
AREA_COLUMNS = ("町丁目名", "町丁目コード", "地区名", "地区コード")
N_DISTRICTS = 8
TARGET_K = 5


def ages(birth_dates: Any) -> Any:
    """Completed years of age on 2026-04-01 from ``YYYY-MM-DD`` birth dates.

    >>> import pandas as pd
    >>> ages(pd.Series(["2020-04-01", "2020-04-02"])).tolist()
    [6, 5]
    """
    import pandas as pd

    birth = pd.to_datetime(birth_dates)
    later = (birth.dt.month * 100 + birth.dt.day) > BASE_MMDD
    return (BASE_YEAR - birth.dt.year - later.astype(int)).astype(int)


@functools.cache
def _register() -> Any:
    import kit.data

    frame = kit.data.load(DATASET)
    return frame.assign(年齢=ages(frame["生年月日"]))


def residents() -> Any:
    """A fresh copy of the register with 年齢, independent of anything the notebook changed."""
    return _register().copy()


@functools.cache
def _extract() -> Any:
    frame = _register()
    return frame.loc[frame["年齢"] <= MAX_AGE, EXTRACT_COLUMNS].reset_index(drop=True)


def preschool_extract() -> Any:
    """The 0〜5歳 rows with the seven columns, IDs not yet pseudonymised."""
    return _extract().copy()


def pseudonymised(extract: Any) -> Any:
    """The extract with 住民ID and 世帯ID replaced by keyed pseudonyms (the model answer)."""
    from kit.privacy import pseudonymize

    out = extract.copy()
    for column in ("住民ID", "世帯ID"):
        out[column] = pseudonymize(out[column], TRAINING_KEY)
    return out


def plain_hashes(values: Any) -> set[str]:
    """Unkeyed SHA-256 digests of the values, full and cut to 16 — the mistake to recognise."""
    digests = {hashlib.sha256(str(v).encode("utf-8")).hexdigest() for v in values}
    return digests | {d[:16] for d in digests}


def explain_row_count(n_rows: int, name: str) -> None:
    """Raise Incorrect naming the likely filtering mistake when ``n_rows`` is not the extract's."""
    everyone = _register()
    age = everyone["年齢"]
    if n_rows == len(_extract()):
        return
    if n_rows == len(everyone):
        raise Incorrect(
            f"`{name}` に住民全員の行があります。0〜5歳の子どもの行だけに絞ってください。"
        )
    if n_rows == int((age <= MAX_AGE - 1).sum()):
        raise Incorrect("5歳の子どもが入っていません。「5 以下」（<= 5）で絞り込んでください。")
    if n_rows == int((age <= MAX_AGE + 1).sum()):
        raise Incorrect("6歳の子どもも入っています。「5 以下」（<= 5）で絞り込んでください。")
    raise Incorrect(
        f"`{name}` の行の数が合いません。「年齢」が 5 以下の行だけを、重複なく残してください。"
    )


def smallest_group(frame: Any, columns: Sequence[str]) -> int:
    """Size of the smallest group of rows sharing ``columns`` (k), computed with pandas alone."""
    return int(frame.groupby(list(columns), dropna=False, observed=True).size().min())


def quasi_identifiers_in(frame: Any) -> list[str]:
    """The quasi-identifier columns present in a table (any age, sex and area column)."""
    return [c for c in (*AGE_COLUMNS, "性別", *AREA_COLUMNS) if c in frame.columns]


@functools.cache
def k_facts() -> dict[str, int]:
    """k and the rows at risk for the extract, plus the numbers of the usual mistakes."""
    extract = _extract()
    sizes = extract.groupby(QUASI_IDENTIFIERS, observed=True).size()
    everyone = _register()
    return {
        "k": int(sizes.min()),
        "n": int(sizes[sizes < TARGET_K].sum()),
        "n_groups": int((sizes < TARGET_K).sum()),
        "n_le5": int(sizes[sizes <= TARGET_K].sum()),
        "n_below3": int(sizes[sizes < 3].sum()),
        "k_district": smallest_group(extract, ["年齢", "性別", "地区名"]),
        "k_everyone": smallest_group(everyone, QUASI_IDENTIFIERS),
    }
