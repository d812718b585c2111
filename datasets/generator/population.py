"""Published population tables derived from the simulation: 地域・年齢別人口 and 人口動態.

Towns appear under the code and name they had on each snapshot date (renames, splits and
merges included), in the 自治体標準オープンデータセット layout plus 地区コード and 地区名.

>>> band_columns()[:3]
['0-4歳の男性', '0-4歳の女性', '5-9歳の男性']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .city import (
    BLOCK_TOWN,
    BLOCKS,
    CITY_CODE,
    CITY_NAME,
    DISTRICT_BY_CODE,
    DISTRICTS,
    FISCAL_YEARS,
    TOWN_BY_CODE,
    YEARS,
    change_note,
    published_town,
    snapshot,
)  # fmt: skip
from .simulation import MOVE_AGE_LABELS, History

BAND_STARTS = list(range(0, 85, 5))  # 0-4 … 80-84, then 85歳以上


def band_label(start: int) -> str:
    """The standard's label of a 5-year band.

    >>> band_label(85), band_label(10)
    ('85歳以上', '10-14歳')
    """
    return "85歳以上" if start >= 85 else f"{start}-{start + 4}歳"


def band_columns() -> list[str]:
    """Age-by-sex column names of the standard layout, in order.

    >>> band_columns()[-2:]
    ['85歳以上の男性', '85歳以上の女性']
    """
    return [f"{band_label(s)}の{sex}" for s in [*BAND_STARTS, 85] for sex in ("男性", "女性")]


def _bands(counts: np.ndarray) -> np.ndarray:
    """[sex, age] counts → [band, sex] counts (85 and over in the last band)."""
    out = [counts[:, s : s + 5].sum(axis=1) for s in BAND_STARTS]
    out.append(counts[:, 85:].sum(axis=1))
    return np.array(out)


def population_table(hist: History) -> pd.DataFrame:
    """Rows per published town and snapshot year, standard columns plus 地区コード/地区名.

    >>> from .simulation import simulate
    >>> table = population_table(simulate(np.random.default_rng(0), 0.01))
    >>> table["調査年月日"].nunique()
    10
    """
    rows = []
    for yi, year in enumerate(YEARS):
        when = snapshot(year)
        groups: dict[tuple[str, str], list[int]] = {}
        for b, key in enumerate(BLOCKS):
            groups.setdefault(published_town(key, when), []).append(b)
        for (code, name), blocks in sorted(groups.items()):
            counts = hist.counts[yi, blocks].sum(axis=0)
            bands = _bands(counts)
            district = DISTRICT_BY_CODE[TOWN_BY_CODE[BLOCK_TOWN[BLOCKS[blocks[0]]]].district]
            row = {
                "全国地方公共団体コード": CITY_CODE,
                "地域コード": code,
                "地方公共団体名": CITY_NAME,
                "調査年月日": when.isoformat(),
                "地域名": name,
                "総人口": int(counts.sum()),
                "男性": int(counts[0].sum()),
                "女性": int(counts[1].sum()),
            }
            row.update(zip(band_columns(), (int(v) for v in bands.reshape(-1)), strict=True))
            row["世帯数"] = int(hist.households[yi, blocks].sum())
            row["備考"] = change_note(code, when)
            row["地区コード"] = district.code
            row["地区名"] = district.name
            rows.append(row)
    return pd.DataFrame(rows)


def district_population(hist: History) -> np.ndarray:
    """[year, district] population from the block counts.

    >>> from .simulation import simulate
    >>> district_population(simulate(np.random.default_rng(0), 0.01)).shape
    (10, 8)
    """
    district_of_block = np.array(
        [[d.code for d in DISTRICTS].index(TOWN_BY_CODE[BLOCK_TOWN[b]].district) for b in BLOCKS]
    )
    totals = hist.counts.sum(axis=(2, 3))
    return np.stack(
        [totals[:, district_of_block == i].sum(axis=1) for i in range(len(DISTRICTS))], 1
    )


def vital_statistics(hist: History) -> pd.DataFrame:
    """人口動態 per 地区 and 年度, with migration by age group and the populations at both ends.

    >>> from .simulation import simulate
    >>> v = vital_statistics(simulate(np.random.default_rng(0), 0.01))
    >>> bool((v["期末人口"] == v["期首人口"] + v["出生"] - v["死亡"] + v["転入"] - v["転出"]).all())
    True
    """
    from .wareki import wareki_year

    pop = district_population(hist)
    rows = []
    for fi, year in enumerate(FISCAL_YEARS):
        for di, district in enumerate(DISTRICTS):
            row = {
                "年度": year,
                "年度_和暦": wareki_year(year),
                "期間開始日": snapshot(year).isoformat(),
                "期間終了日": f"{year + 1}-03-31",
                "地区コード": district.code,
                "地区名": district.name,
                "期首人口": int(pop[fi, di]),
                "出生": int(hist.births[fi, di]),
                "死亡": int(hist.deaths[fi, di]),
                "転入": int(hist.moves_in[fi, di].sum()),
                "転出": int(hist.moves_out[fi, di].sum()),
            }
            for gi, label in enumerate(MOVE_AGE_LABELS):
                row[f"転入_{label}"] = int(hist.moves_in[fi, di, gi])
            for gi, label in enumerate(MOVE_AGE_LABELS):
                row[f"転出_{label}"] = int(hist.moves_out[fi, di, gi])
            row["期末人口"] = int(pop[fi + 1, di])
            rows.append(row)
    return pd.DataFrame(rows)


def town_changes() -> pd.DataFrame:
    """The correspondence table of town renames, splits and merges.

    >>> town_changes()["変更の種類"].iloc[0]
    '表記の変更'
    """
    from .city import TOWN_CHANGES
    from .wareki import wareki_date

    return pd.DataFrame(
        [
            {
                "変更年月日": c.day.isoformat(),
                "変更年月日_和暦": wareki_date(c.day),
                "変更の種類": c.kind,
                "旧町丁目コード": c.old_code,
                "旧町丁目名": c.old_name,
                "新町丁目コード": c.new_code,
                "新町丁目名": c.new_name,
                "地区コード": TOWN_BY_CODE[c.new_code].district,
                "備考": c.note,
            }
            for c in sorted(TOWN_CHANGES, key=lambda c: (c.day, c.old_code, c.new_code))
        ]
    )
