"""The city's tables as the stage-2 reading and joining exercises expect them, computed independently.

Each expectation comes from the tidy dataset (``kit.load``) or from the raw file read with plain
pandas — never from ``kit.readers``, whose output the trainee may have used.

>>> expected_town_names() >= {"中央一丁目"}
True
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

LATEST = "2026-04-01"
OLD = "2019-04-01"
SINCE = "2019-04-01"  # 問2: approved on or after this day
CITY_CODE = "992011"
CODE_COLUMN = "都道府県コード又は市区町村コード"
DATE_COLUMN = "認可等年月日"
_ERA_START = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018}
_WAREKI = re.compile(r"(明治|大正|昭和|平成|令和)(元|\d+)年(\d+)月(\d+)日")


@functools.cache
def _population() -> Any:
    import kit.data

    return kit.data.load("population")


def population(day: str) -> Any:
    """The tidy population table of one snapshot (``YYYY-MM-DD``)."""
    frame = _population()
    return frame[frame["調査年月日"] == day].reset_index(drop=True)


def expected_town_names() -> set[str]:
    """The 町丁目 of the latest snapshot."""
    return set(population(LATEST)["地域名"])


def expected_total() -> int:
    """The city's population on the latest snapshot."""
    return int(population(LATEST)["総人口"].sum())


def unmatched_codes() -> tuple[set[str], set[str], set[str]]:
    """(2019 codes without a 2026 match, 2026 codes without a 2019 match, 2019 names without a match)."""
    old, new = population(OLD), population(LATEST)
    return (
        set(old["地域コード"]) - set(new["地域コード"]),
        set(new["地域コード"]) - set(old["地域コード"]),
        set(old["地域名"]) - set(new["地域名"]),
    )


@functools.cache
def _raw_text(name: str) -> Any:
    """A raw resource read with pandas, every cell as text (nothing repaired)."""
    import pandas as pd

    import kit.data

    resource = kit.data.resource(name)
    return pd.read_csv(
        kit.data.path(name),
        encoding=resource.get("encoding", "utf-8"),
        dtype=str,
        keep_default_na=False,
    )


def raw_codes() -> list[str]:
    """The 団体コード column of the old-layout 2019 population file, as written."""
    return list(_raw_text("raw_population_h31")[CODE_COLUMN])


def missing_check_digit() -> int:
    """How many of those codes lost their check digit (5 digits once full-width is normalised)."""
    return sum(len(unicodedata.normalize("NFKC", c).strip()) == 5 for c in raw_codes())


def full_width_codes() -> int:
    """How many of those codes are written in full-width digits."""
    return sum(c != unicodedata.normalize("NFKC", c) for c in raw_codes())


def wareki_to_iso(text: str) -> str:
    """``昭和50年4月1日`` → ``1975-04-01`` (a small era table, independent of kit.wareki).

    >>> wareki_to_iso("令和元年5月1日"), wareki_to_iso("平成31年4月1日")
    ('2019-05-01', '2019-04-01')
    """
    match = _WAREKI.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if match is None:
        raise ValueError(text)
    era, year, month, day = match.groups()
    number = 1 if year == "元" else int(year)
    return f"{_ERA_START[era] + number:04d}-{int(month):02d}-{int(day):02d}"


def approval_dates() -> list[str]:
    """The preschools' 認可等年月日 in file order, as ISO dates."""
    return [wareki_to_iso(t) for t in _raw_text("raw_preschools_old")[DATE_COLUMN]]


def approval_texts() -> list[str]:
    """The same dates as written (和暦)."""
    return list(_raw_text("raw_preschools_old")[DATE_COLUMN])
