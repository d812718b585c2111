"""介護・高齢者: 要介護認定 by 地区 × age band (from the simulated elderly) and 通いの場 as points.

Certification rates rise steeply with age. 七瀬台 (the ageing 団地) has few gathering places and,
age for age, more residents certified as needing support or care.

>>> CARE_LEVELS[:2]
('要支援1', '要支援2')
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .boundaries import Boundaries
from .city import DISTRICT_BY_CODE, DISTRICTS, TOWNS, YEARS, snapshot
from .events import BLOCK_DISTRICT
from .places import place_in_town
from .simulation import History

CARE_LEVELS = ("要支援1", "要支援2", "要介護1", "要介護2", "要介護3", "要介護4", "要介護5")
ELDER_BANDS = ((65, 69, "65-69歳"), (70, 74, "70-74歳"), (75, 79, "75-79歳"),
               (80, 84, "80-84歳"), (85, 200, "85歳以上"))  # fmt: skip
_RATE = {"65-69歳": 0.029, "70-74歳": 0.058, "75-79歳": 0.122, "80-84歳": 0.265, "85歳以上": 0.58}
_LEVEL_SHARE = np.array([0.14, 0.14, 0.21, 0.17, 0.13, 0.12, 0.09])
CARE_FACTOR = {"03": 1.45, "08": 1.1, "04": 0.9}  # odds ratios; 七瀬台 stands out


def _odds(p: float, factor: float) -> float:
    """Probability ``p`` with its odds multiplied by ``factor``.

    >>> round(_odds(0.5, 3.0), 2)
    0.75
    """
    return p * factor / (1.0 - p + p * factor)


def certification_table(hist: History, rng: np.random.Generator) -> pd.DataFrame:
    """要介護認定者数 per 基準日 (April 1), 地区 and age band, with 第1号被保険者数.

    >>> from .simulation import simulate
    >>> table = certification_table(simulate(np.random.default_rng(0), 0.01), np.random.default_rng(1))
    >>> bool((table["認定者数"] <= table["第1号被保険者数"]).all())
    True
    """
    rows = []
    for yi, year in enumerate(YEARS):
        trend = 1.0 + 0.006 * yi
        for d in DISTRICTS:
            ages = hist.counts[yi, d.code == BLOCK_DISTRICT].sum(axis=(0, 1))
            for low, high, label in ELDER_BANDS:
                insured = int(ages[low : high + 1].sum())
                certified = int(
                    rng.binomial(insured, _odds(_RATE[label] * trend, CARE_FACTOR.get(d.code, 1.0)))
                )
                shares = _LEVEL_SHARE.copy()
                if d.code == "03":  # more light-support cases in the estate
                    shares[:2] *= 1.35
                levels = rng.multinomial(certified, shares / shares.sum())
                row = {"基準日": snapshot(year).isoformat(), "地区コード": d.code, "地区名": d.name,
                       "年齢階級": label, "第1号被保険者数": insured}  # fmt: skip
                row.update({lv: int(n) for lv, n in zip(CARE_LEVELS, levels, strict=True)})
                row["認定者数"] = certified
                rows.append(row)
    return pd.DataFrame(rows)


# Gathering places per town (how many), fewer in 七瀬台 and the mountains.
_PLACES_PER_TOWN = {"01": 2, "02": 2, "03": 0, "04": 1, "05": 2, "06": 2, "07": 1, "08": 1}
_EXTRA = {"0009002": 1, "0010000": 1, "0003001": 1, "0014002": 1, "0018002": 1, "0005002": 1}
_ACTIVITIES = ("体操・運動", "茶話会・サロン", "趣味活動", "会食")
_NAME_BY_ACTIVITY = {"体操・運動": ("いきいき体操クラブ", "元気アップ体操", "ふれあい体操の会"),
                     "茶話会・サロン": ("ふれあいサロン", "おしゃべりサロン", "お茶のみ会"),
                     "趣味活動": ("手芸サークル", "歌声広場", "囲碁・将棋の会"),
                     "会食": ("ふれあい食堂", "みんなの昼ごはん会", "会食の集い")}  # fmt: skip
_FREQUENCY = ("週1回以上", "月2〜3回", "月1回")


def gathering_places_table(geo: Boundaries, rng: np.random.Generator) -> pd.DataFrame:
    """通いの場 (community gathering places for older residents) as points.

    >>> from .boundaries import city_boundaries
    >>> places = gathering_places_table(city_boundaries(np.random.default_rng(1)), np.random.default_rng(2))
    >>> int((places["地区名"] == "七瀬台地区").sum())
    2
    """
    rows = []
    for town in TOWNS:
        count = _PLACES_PER_TOWN[town.district] + _EXTRA.get(town.code, 0)
        for _ in range(count):
            activity = _ACTIVITIES[int(rng.choice(4, p=[0.45, 0.3, 0.15, 0.1]))]
            label = _NAME_BY_ACTIVITY[activity][int(rng.integers(0, 3))]
            base = town.name.removeprefix("大字")
            name = f"{base}{label}"
            while any(r["名称"] == name for r in rows):
                name = f"{base}第二{label}"
            lat, lon = place_in_town(geo, town.code, rng)
            rows.append({
                "通いの場ID": f"K{len(rows) + 1:03d}", "名称": name, "活動内容": activity,
                "開催頻度": _FREQUENCY[int(rng.choice(3, p=[0.5, 0.3, 0.2]))],
                "参加者数": int(rng.integers(8, 36)), "開始年度": int(rng.integers(2008, 2025)),
                "地区コード": town.district, "地区名": DISTRICT_BY_CODE[town.district].name,
                "町丁目コード": town.code, "町丁目名": town.name,
                "緯度": f"{lat:.6f}", "経度": f"{lon:.6f}",
            })  # fmt: skip
    return pd.DataFrame(rows)
