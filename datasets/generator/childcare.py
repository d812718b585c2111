"""子育て施設 (preschool layout, with capacity by age) and 保育所等の利用・待機児童 per 地区 and year.

Applications come from the simulated children of each 地区 on April 1; places come from the
facilities open on that day. Nobody is placed outside their own 地区, so shortages stay local.
待機児童数 follows the national definition: unplaced children minus those excluded (e.g. waiting
for one specific nursery, or on parental leave).

>>> sum(SHAPES["小規模"])
19
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from .boundaries import Boundaries
from .city import CITY_CODE, CITY_NAME, DISTRICTS, TOWN_BY_CODE, YEARS, snapshot
from .events import BLOCK_DISTRICT
from .places import place_in_town
from .simulation import History
from .standard import CITY_URL, contact_block, location_block, street_number

SHAPES = {  # places for ages 0…5
    "L": (9, 18, 21, 24, 24, 24), "M": (6, 12, 15, 19, 19, 19), "S": (3, 9, 12, 12, 12, 12),
    "XS": (0, 3, 5, 6, 6, 6), "小規模": (3, 8, 8, 0, 0, 0), "園": (6, 15, 18, 20, 20, 21),
    "園L": (9, 21, 24, 30, 30, 30), "移行": (0, 3, 6, 25, 25, 25), "幼": (0, 0, 0, 35, 35, 35),
}  # fmt: skip
AGE_CLASSES = (("0歳", (0,)), ("1・2歳", (1, 2)), ("3歳以上", (3, 4, 5)))
APPLY_RATE = {"0歳": (0.16, 0.21), "1・2歳": (0.50, 0.61), "3歳以上": (0.45, 0.50)}  # 2017 → 2026
APPLY_FACTOR = {"08": 0.9}
COUNTED_SHARE = 0.68  # of unplaced children, the share counted as 待機児童


@dataclass(frozen=True)
class Preschool:
    name: str
    kana: str
    kind: str
    public: bool
    town: str
    shape: str
    opened: date


_OLD = date(1975, 4, 1)
PRESCHOOLS = (
    Preschool("中央保育園", "チュウオウホイクエン", "認可保育所", True, "0001002", "L", _OLD),
    Preschool("ひかり保育園", "ヒカリホイクエン", "認可保育所", False, "0003001", "M", date(1985, 4, 1)),
    Preschool("栄町保育園", "サカエチョウホイクエン", "認可保育所", False, "0004000", "S", date(1990, 4, 1)),
    Preschool("七瀬駅前保育園", "ナナセエキマエホイクエン", "認可保育所", False, "0001004", "S", date(2016, 4, 1)),
    Preschool("こばと保育室", "コバトホイクシツ", "小規模保育事業", False, "0001001", "小規模", date(2017, 4, 1)),
    Preschool("川端保育園", "カワバタホイクエン", "認可保育所", True, "0005002", "L", _OLD),
    Preschool("ほしの保育園", "ホシノホイクエン", "認可保育所", False, "0005003", "M", date(2002, 4, 1)),
    Preschool("舟戸保育園", "フナトホイクエン", "認可保育所", False, "0006000", "S", date(1988, 4, 1)),
    Preschool("かわせみ保育室", "カワセミホイクシツ", "小規模保育事業", False, "0005001", "小規模", date(2019, 4, 1)),
    Preschool("七瀬台保育園", "ナナセダイホイクエン", "認可保育所", True, "0009001", "M", _OLD),
    Preschool("七瀬台こども園", "ナナセダイコドモエン", "認定こども園", False, "0009003", "園", date(2015, 4, 1)),
    Preschool("北町保育園", "キタマチホイクエン", "認可保育所", False, "0010000", "S", date(1981, 4, 1)),
    Preschool("南町保育園", "ミナミマチホイクエン", "認可保育所", True, "0013000", "S", date(1979, 4, 1)),
    Preschool("みなみ野保育園", "ミナミノホイクエン", "認可保育所", False, "0011002", "L", date(2009, 4, 1)),
    Preschool("あおぞら保育園", "アオゾラホイクエン", "認可保育所", False, "0011001", "L", date(2013, 4, 1)),
    Preschool("すくすく保育室", "スクスクホイクシツ", "小規模保育事業", False, "0011001", "小規模", date(2016, 4, 1)),
    Preschool("みなみ野さくら保育室", "ミナミノサクラホイクシツ", "小規模保育事業", False, "0011003", "小規模", date(2018, 4, 1)),
    Preschool("みなみ野ひかりこども園", "ミナミノヒカリコドモエン", "認定こども園", False, "0011002", "移行", date(2020, 4, 1)),
    Preschool("ちいさなおうち保育室", "チイサナオウチホイクシツ", "小規模保育事業", False, "0011003", "小規模", date(2021, 4, 1)),
    Preschool("ひだまり保育園", "ヒダマリホイクエン", "認可保育所", False, "0011003", "L", date(2022, 4, 1)),
    Preschool("にじいろ保育室", "ニジイロホイクシツ", "小規模保育事業", False, "0011005", "小規模", date(2022, 4, 1)),
    Preschool("みなみ野こども園", "ミナミノコドモエン", "認定こども園", False, "0011004", "園L", date(2024, 4, 1)),
    Preschool("もりのこ保育室", "モリノコホイクシツ", "小規模保育事業", False, "0011004", "小規模", date(2024, 4, 1)),
    Preschool("みなみ野北保育園", "ミナミノキタホイクエン", "認可保育所", False, "0011002", "L", date(2025, 4, 1)),
    Preschool("みなみ野南こども園", "ミナミノミナミコドモエン", "認定こども園", False, "0011005", "園L", date(2026, 4, 1)),
    Preschool("東保育園", "ヒガシホイクエン", "認可保育所", True, "0014001", "M", _OLD),
    Preschool("さくら保育園", "サクラホイクエン", "認可保育所", False, "0016000", "L", date(1983, 4, 1)),
    Preschool("わかば保育園", "ワカバホイクエン", "認可保育所", False, "0015000", "M", date(1992, 4, 1)),
    Preschool("東町こども園", "ヒガシマチコドモエン", "認定こども園", False, "0014002", "園", date(2016, 4, 1)),
    Preschool("東原保育園", "ヒガシハラホイクエン", "認可保育所", False, "0017000", "L", date(1996, 4, 1)),
    Preschool("はなまる保育室", "ハナマルホイクシツ", "小規模保育事業", False, "0014003", "小規模", date(2019, 4, 1)),
    Preschool("緑が丘保育園", "ミドリガオカホイクエン", "認可保育所", True, "0018001", "L", date(1991, 4, 1)),
    Preschool("ひまわり保育園", "ヒマワリホイクエン", "認可保育所", False, "0018002", "L", date(1994, 4, 1)),
    Preschool("旭町保育園", "アサヒチョウホイクエン", "認可保育所", False, "0020000", "L", date(1987, 4, 1)),
    Preschool("もみじ保育室", "モミジホイクシツ", "小規模保育事業", False, "0020000", "小規模", date(2018, 4, 1)),
    Preschool("緑が丘こども園", "ミドリガオカコドモエン", "認定こども園", False, "0018003", "園", date(2019, 4, 1)),
    Preschool("西原保育園", "ニシハラホイクエン", "認可保育所", True, "0021000", "M", _OLD),
    Preschool("大川保育園", "オオカワホイクエン", "認可保育所", False, "0022000", "S", date(1984, 4, 1)),
    Preschool("新井保育園", "アライホイクエン", "認可保育所", True, "0023000", "XS", _OLD),
    Preschool("奥七瀬保育園", "オクナナセホイクエン", "認可保育所", True, "0029000", "S", _OLD),
    Preschool("七瀬市立七瀬幼稚園", "ナナセシリツナナセヨウチエン", "幼稚園", True, "0003002", "幼", _OLD),
    Preschool("緑が丘幼稚園", "ミドリガオカヨウチエン", "幼稚園", False, "0018003", "幼", date(1986, 4, 1)),
    Preschool("七瀬東幼稚園", "ナナセヒガシヨウチエン", "幼稚園", False, "0014003", "幼", date(1980, 4, 1)),
    Preschool("みなみ野幼稚園", "ミナミノヨウチエン", "幼稚園", False, "0011001", "幼", date(2010, 4, 1)),
)  # fmt: skip


def _hours(kind: str) -> tuple[str, str, str, str]:
    """(受入年齢, 利用可能曜日, 開始時間, 終了時間) by kind."""
    return {
        "認可保育所": ("0歳6か月～5歳", "月火水木金土", "07:00", "19:00"),
        "認定こども園": ("0歳6か月～5歳", "月火水木金土", "07:00", "19:00"),
        "小規模保育事業": ("0歳6か月～2歳", "月火水木金土", "07:30", "18:30"),
        "幼稚園": ("満3歳～5歳", "月火水木金", "09:00", "14:00"),
    }[kind]


def _operator(ps: Preschool, index: int) -> str:
    if ps.public:
        return CITY_NAME
    if ps.kind == "幼稚園":
        return "学校法人みどり学園"
    return "社会福祉法人ななせ福祉会" if index % 2 else "社会福祉法人あおば会"


def preschools_table(geo: Boundaries, rng: np.random.Generator) -> pd.DataFrame:
    """The 子育て施設一覧 in the current standard layout plus 設置主体 and 定員 by age.

    >>> from .boundaries import city_boundaries
    >>> table = preschools_table(city_boundaries(np.random.default_rng(1)), np.random.default_rng(2))
    >>> int(table["収容定員"].iloc[0])
    120
    """
    rows = []
    for i, ps in enumerate(PRESCHOOLS):
        ages, days, start, end = _hours(ps.kind)
        places = SHAPES[ps.shape]
        row = {"全国地方公共団体コード": CITY_CODE, "ID": f"{i + 1:03d}", "地方公共団体名": CITY_NAME,
               "種別": ps.kind, "名称": ps.name, "名称_カナ": ps.kana, "名称_英字": ""}  # fmt: skip
        latlon = place_in_town(geo, ps.town, rng)
        row.update(location_block(ps.town, street_number(ps.town, rng), latlon))
        row.update(contact_block())
        row.update({
            "団体名": _operator(ps, i),
            "認可等年月日": ps.opened.isoformat(), "収容定員": sum(places), "受入年齢": ages,
            "利用可能曜日": days, "開始時間": start, "終了時間": end, "利用可能日時特記事項": "",
            "一時預かりの有無": "有" if ps.kind in ("認可保育所", "認定こども園") and i % 3 == 0 else "無",
            "URL": f"{CITY_URL}/kosodate/hoiku/{i + 1:03d}.html", "備考": "",
            "設置主体": "公立" if ps.public else "私立",
        })  # fmt: skip
        row.update({f"定員_{a}歳": places[a] for a in range(6)})
        rows.append(row)
    return pd.DataFrame(rows)


def nursery_capacity(district: str, when: date) -> dict[str, int]:
    """Places per age class in a 地区's nurseries open on ``when`` (kindergartens excluded).

    >>> nursery_capacity("04", date(2017, 4, 1))
    {'0歳': 24, '1・2歳': 115, '3歳以上': 180}
    """
    open_ = [p for p in PRESCHOOLS if p.kind != "幼稚園" and p.opened <= when
             and TOWN_BY_CODE[p.town].district == district]  # fmt: skip
    return {
        label: sum(SHAPES[p.shape][a] for p in open_ for a in ages) for label, ages in AGE_CLASSES
    }


def waiting_table(hist: History, rng: np.random.Generator) -> pd.DataFrame:
    """Applications, placements and waiting children per 地区, year (April 1) and age class.

    >>> from .simulation import simulate
    >>> table = waiting_table(simulate(np.random.default_rng(0), 0.01), np.random.default_rng(1))
    >>> bool((table["待機児童数"] <= table["入所保留児童数"]).all())
    True
    """
    rows = []
    for yi, year in enumerate(YEARS):
        share = yi / (len(YEARS) - 1)
        for d in DISTRICTS:
            ages = hist.counts[yi, d.code == BLOCK_DISTRICT].sum(axis=(0, 1))
            places = nursery_capacity(d.code, snapshot(year))
            for label, group in AGE_CLASSES:
                children = int(ages[list(group)].sum())
                low, high = APPLY_RATE[label]
                rate = (low + (high - low) * share) * APPLY_FACTOR.get(d.code, 1.0)
                applied = min(children, round(children * rate * rng.normal(1.0, 0.02)))
                placed = min(applied, places[label])
                unplaced = applied - placed
                rows.append({
                    "基準日": snapshot(year).isoformat(), "年度": year, "地区コード": d.code,
                    "地区名": d.name, "年齢区分": label, "利用定員": places[label],
                    "申込児童数": applied, "利用児童数": placed, "入所保留児童数": unplaced,
                    "待機児童数": int(rng.binomial(unplaced, COUNTED_SHARE)),
                })  # fmt: skip
    return pd.DataFrame(rows)
