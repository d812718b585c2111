"""公共施設台帳: the city's public buildings with age, size, users and upkeep, and their yearly history.

Costs grow with floor area and age; users fall with age and with the pandemic (2020–2022年度).
Old, little-used buildings near newer ones are the candidates for merging.

>>> len(FACILITIES)
50
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .boundaries import Boundaries
from .city import DISTRICT_BY_CODE, FISCAL_YEARS, TOWN_BY_CODE
from .places import place_in_town


@dataclass(frozen=True)
class Facility:
    name: str
    kind: str
    town: str
    built: int
    area: float  # m²
    draw: float = 1.0  # how much it attracts users relative to its kind


FACILITIES = (
    Facility("中央公民館", "公民館", "0003001", 1968, 2410.5, 1.0),
    Facility("川端公民館", "公民館", "0005002", 1974, 1105.2, 0.8),
    Facility("七瀬台公民館", "公民館", "0009002", 1973, 1248.0, 0.33),
    Facility("みなみ野公民館", "公民館", "0011002", 2012, 1302.4, 1.3),
    Facility("東公民館", "公民館", "0014002", 1986, 1198.6, 1.0),
    Facility("緑が丘公民館", "公民館", "0018002", 1993, 1150.3, 1.05),
    Facility("西原公民館", "公民館", "0021000", 1979, 902.7, 0.7),
    Facility("奥七瀬公民館", "公民館", "0029000", 1976, 701.9, 0.5),
    Facility("七瀬市立中央図書館", "図書館", "0001003", 1981, 3204.8, 1.0),
    Facility("七瀬市立図書館 東分館", "図書館", "0015000", 1998, 812.3, 0.32),
    Facility("七瀬市立図書館 みなみ野分館", "図書館", "0011003", 2019, 905.1, 0.4),
    Facility("七瀬市民体育館", "体育館", "0004000", 1971, 4810.2, 1.1),
    Facility("東体育館", "体育館", "0014003", 1990, 2603.5, 0.9),
    Facility("緑が丘体育館", "体育館", "0020000", 2001, 2402.0, 0.95),
    Facility("西原体育館", "体育館", "0023000", 1982, 1497.6, 0.45),
    Facility("七瀬市民プール", "プール", "0006000", 1975, 2210.4, 0.55),
    Facility("東温水プール", "プール", "0016000", 2004, 2905.8, 1.2),
    Facility("七瀬台プール", "プール", "0010000", 1978, 1198.2, 0.22),
    Facility("七瀬駅前市民センター", "市民センター", "0001004", 2010, 3498.1, 1.3),
    Facility("七瀬台市民センター", "市民センター", "0009003", 2016, 1802.6, 1.1),
    Facility("川端市民センター", "市民センター", "0005001", 1984, 1403.3, 0.6),
    Facility("西原市民センター", "市民センター", "0022000", 1995, 1001.8, 0.45),
    Facility("中央児童館", "児童館", "0001005", 1977, 452.6, 0.8),
    Facility("川端児童館", "児童館", "0005003", 1980, 421.4, 0.75),
    Facility("七瀬台児童館", "児童館", "0009004", 1975, 398.7, 0.5),
    Facility("みなみ野児童館", "児童館", "0011001", 2014, 603.2, 1.6),
    Facility("東児童館", "児童館", "0014001", 1992, 481.5, 1.0),
    Facility("緑が丘児童館", "児童館", "0018003", 1996, 502.9, 1.05),
    Facility("中央一丁目集会所", "集会所", "0001001", 1982, 182.4, 1.0),
    Facility("本町二丁目集会所", "集会所", "0003002", 1970, 165.2, 0.7),
    Facility("栄町集会所", "集会所", "0004000", 1987, 190.8, 1.0),
    Facility("川端二丁目集会所", "集会所", "0005002", 1978, 176.1, 0.8),
    Facility("舟戸町集会所", "集会所", "0006000", 1973, 158.3, 0.7),
    Facility("川原集会所", "集会所", "0007000", 1969, 150.6, 0.6),
    Facility("中島集会所", "集会所", "0008000", 1985, 171.9, 0.8),
    Facility("七瀬台一丁目集会所", "集会所", "0009001", 1972, 210.5, 0.55),
    Facility("北町集会所", "集会所", "0010000", 1976, 198.0, 0.4),
    Facility("七瀬台四丁目集会所", "集会所", "0009004", 1974, 205.3, 0.45),
    Facility("みなみ野三丁目集会所", "集会所", "0011003", 2020, 220.7, 1.4),
    Facility("南町集会所", "集会所", "0013000", 1991, 185.2, 1.0),
    Facility("東町二丁目集会所", "集会所", "0014002", 1983, 188.6, 1.0),
    Facility("若葉町集会所", "集会所", "0015000", 1989, 192.4, 1.05),
    Facility("東原集会所", "集会所", "0017000", 1980, 160.8, 0.8),
    Facility("緑が丘一丁目集会所", "集会所", "0018001", 1990, 195.1, 1.1),
    Facility("西町集会所", "集会所", "0019000", 1979, 170.4, 0.9),
    Facility("新井集会所", "集会所", "0023000", 1984, 155.7, 0.75),
    Facility("古川集会所", "集会所", "0024000", 1977, 150.2, 0.7),
    Facility("杉沢集会所", "集会所", "0027000", 1971, 148.9, 0.5),
    Facility("奥沢集会所", "集会所", "0028000", 1968, 140.3, 0.45),
    Facility("柳平集会所", "集会所", "0030000", 1966, 132.6, 0.35),
)

# Users a typical facility of each kind draws per year, and upkeep in 千円 per m² when new.
_USERS = {"公民館": 38000, "図書館": 185000, "体育館": 70000, "プール": 60000,
          "市民センター": 80000, "児童館": 16000, "集会所": 3800}  # fmt: skip
_UNIT_COST = {"公民館": 8.5, "図書館": 15.0, "体育館": 7.5, "プール": 26.0,
              "市民センター": 11.0, "児童館": 13.0, "集会所": 4.2}  # fmt: skip
_PANDEMIC = {2020: 0.42, 2021: 0.63, 2022: 0.84}
MERGE_PAIR = ("七瀬台公民館", "七瀬台市民センター")  # planted: old and little used, next to new


def _yearly(fac: Facility, rng: np.random.Generator) -> list[dict[str, int]]:
    """Users and upkeep per fiscal year (from the year after it opened)."""
    rows = []
    level = _USERS[fac.kind] * fac.draw * rng.lognormal(0.0, 0.12)
    for year in FISCAL_YEARS:
        if year <= fac.built:
            continue
        age = year - fac.built
        appeal = max(0.35, 1.0 - 0.009 * age)
        users = level * appeal * _PANDEMIC.get(year, 1.0) * rng.lognormal(0.0, 0.04)
        cost = fac.area * _UNIT_COST[fac.kind] * (1.0 + 0.022 * age) * 1.012 ** (year - 2017)
        if age >= 40 and rng.random() < 0.18:  # an expensive repair year
            cost *= 1.35
        rows.append(
            {
                "年度": year,
                "年間利用者数": int(users),
                "年間維持管理費": int(cost * rng.lognormal(0, 0.05)),
            }
        )
    return rows


def _meeting_point(geo: Boundaries, town_a: str, town_b: str) -> tuple[float, float]:
    """(lat, lon) in the middle of the boundary two towns share."""
    shared = geo.towns[town_a].intersection(geo.towns[town_b])
    point = shared.interpolate(0.5, normalized=True) if shared.length > 0 else shared.centroid
    return point.y, point.x


def facility_tables(geo: Boundaries, rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(public_facilities for the latest 年度, facility_usage per 年度).

    >>> from .boundaries import city_boundaries
    >>> ledger, usage = facility_tables(city_boundaries(np.random.default_rng(1)), np.random.default_rng(2))
    >>> len(ledger), int(ledger["年間利用者数"].duplicated().sum())
    (50, 0)
    """
    ledger, usage, seen = [], [], set()
    anchor = _meeting_point(geo, *(f.town for f in FACILITIES if f.name in MERGE_PAIR))
    for i, fac in enumerate(FACILITIES):
        fid = f"F{i + 1:03d}"
        near = anchor if fac.name in MERGE_PAIR else None
        lat, lon = place_in_town(geo, fac.town, rng, near=near)
        history = _yearly(fac, rng)
        for row in history:  # no two facilities with the same user count in any year
            while (row["年度"], row["年間利用者数"]) in seen:
                row["年間利用者数"] += 1
            seen.add((row["年度"], row["年間利用者数"]))
            usage.append({"施設ID": fid, "施設名": fac.name, **row})
        town = TOWN_BY_CODE[fac.town]
        ledger.append({
            "施設ID": fid, "施設名": fac.name, "種別": fac.kind,
            "地区": DISTRICT_BY_CODE[town.district].name, "町丁目": town.name,
            "建築年": fac.built, "延床面積": f"{fac.area:.1f}",
            "年間利用者数": history[-1]["年間利用者数"], "年間維持管理費": history[-1]["年間維持管理費"],
            "緯度": f"{lat:.6f}", "経度": f"{lon:.6f}",
        })  # fmt: skip
    return pd.DataFrame(ledger), pd.DataFrame(usage)
