"""特定健診 (specific health check-ups of 国保 members aged 40–74): eligible and examined people
per 年度, 地区, sex and 5-year age band.

Rates rise with age and are higher for women; they dipped in 2020年度 (pandemic). Men in their
40s and 50s in 中央地区 (many self-employed shopkeepers) rarely attend.

>>> HEALTH_BANDS[0], HEALTH_BANDS[-1]
('40-44歳', '70-74歳')
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .city import DISTRICTS, FISCAL_YEARS, YEARS
from .events import BLOCK_DISTRICT
from .simulation import History

HEALTH_BANDS = tuple(f"{a}-{a + 4}歳" for a in range(40, 75, 5))
_INSURED = (0.17, 0.18, 0.19, 0.21, 0.33, 0.68, 0.80)  # share in 国民健康保険, by band
_INSURED_FACTOR = {"01": 1.25, "07": 1.3, "08": 1.35, "04": 0.85}
_EXAMINED = {"男性": (0.20, 0.21, 0.23, 0.25, 0.33, 0.42, 0.47),
             "女性": (0.27, 0.28, 0.31, 0.33, 0.42, 0.49, 0.52)}  # fmt: skip
_YEAR = {2017: 0.97, 2018: 0.99, 2019: 1.0, 2020: 0.8, 2021: 0.92, 2022: 0.96,
         2023: 0.98, 2024: 0.99, 2025: 1.0}  # fmt: skip
_DISTRICT = {"08": 1.15, "07": 1.08, "04": 0.95}
LOW_GROUP = ("01", "男性", ("40-44歳", "45-49歳", "50-54歳", "55-59歳"))  # planted story
_LOW_FACTOR = 0.42


def health_table(hist: History, rng: np.random.Generator) -> pd.DataFrame:
    """対象者数 and 受診者数 per 年度 × 地区 × 性別 × 年齢階級.

    >>> from .simulation import simulate
    >>> table = health_table(simulate(np.random.default_rng(0), 0.01), np.random.default_rng(1))
    >>> bool((table["受診者数"] <= table["対象者数"]).all())
    True
    """
    rows = []
    for year in FISCAL_YEARS:
        yi = YEARS.index(year)
        for d in DISTRICTS:
            counts = hist.counts[yi, d.code == BLOCK_DISTRICT].sum(axis=0)  # [sex, age]
            for si, sex in enumerate(("男性", "女性")):
                for bi, band in enumerate(HEALTH_BANDS):
                    low = 40 + 5 * bi
                    people = int(counts[si, low : low + 5].sum())
                    share = min(0.95, _INSURED[bi] * _INSURED_FACTOR.get(d.code, 1.0))
                    eligible = int(rng.binomial(people, share))
                    rate = _EXAMINED[sex][bi] * _YEAR[year] * _DISTRICT.get(d.code, 1.0)
                    if (d.code, sex) == LOW_GROUP[:2] and band in LOW_GROUP[2]:
                        rate *= _LOW_FACTOR
                    rows.append({
                        "年度": year, "地区コード": d.code, "地区名": d.name, "性別": sex,
                        "年齢階級": band, "対象者数": eligible,
                        "受診者数": int(rng.binomial(eligible, min(rate, 0.95))),
                    })  # fmt: skip
    return pd.DataFrame(rows)
