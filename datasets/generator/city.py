"""The fictional city 七瀬市: its identity, snapshot dates, districts, towns and town history.

Everything here is a fixed specification; the random parts of the generator start from it.

>>> CITY_CODE, CITY_NAME
('992011', '七瀬市')
>>> published_town("0025000", date(2022, 4, 1))
('0025000', '大字上杉沢')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

SEED = 20260401

PREF_CODE = "99"
PREF_NAME = "みどり県"
CITY_CODE = "992011"  # 99201 + check digit 1 (JIS X 0402); prefecture 99 does not exist
CITY_NAME = "七瀬市"
CITY_KANA = "ナナセシ"
RIVER_NAME = "七瀬川"

# Where the city lies (centre of 中央地区) and the metric CRS used for distances.
CENTRE_LAT, CENTRE_LON = 36.05, 139.95
CRS_GEO = "EPSG:6668"  # JGD2011 geographic
CRS_PLANE = "EPSG:6677"  # JGD2011 plane rectangular zone IX

FIRST_YEAR, LAST_YEAR = 2017, 2026
YEARS = list(range(FIRST_YEAR, LAST_YEAR + 1))  # snapshots on April 1
FISCAL_YEARS = YEARS[:-1]  # flows between snapshots: 年度 2017 … 2025
LATEST = date(LAST_YEAR, 4, 1)


def snapshot(year: int) -> date:
    """The register snapshot date of a year (April 1).

    >>> snapshot(2019)
    datetime.date(2019, 4, 1)
    """
    return date(year, 4, 1)


@dataclass(frozen=True)
class District:
    """A 地区 (junior-high-school district) and its character."""

    code: str
    name: str
    kana: str
    school: str
    seeds_km: tuple[tuple[float, float], ...]  # (east, north) Voronoi seeds, km from the centre


@dataclass(frozen=True)
class Town:
    """A current 町丁目 (2026), with its 町字ID-style 7-digit code and its 2017 population target."""

    code: str
    name: str
    kana: str
    district: str
    pop2017: int
    blocks: tuple[str, ...] = ()

    @property
    def block_keys(self) -> tuple[str, ...]:
        """Internal areas making up the town (itself unless it was merged from several)."""
        return self.blocks or (self.code,)

    @property
    def is_oaza(self) -> bool:
        """True for rural 大字 areas, whose addresses use 番地 instead of 番・号."""
        return self.name.startswith("大字")


DISTRICTS = (
    District("01", "中央地区", "チュウオウチク", "七瀬中学校", ((0.0, 0.0),)),
    District("02", "川端地区", "カワバタチク", "川端中学校", ((2.7, -1.7), (4.6, -3.3))),
    District("03", "七瀬台地区", "ナナセダイチク", "七瀬台中学校", ((0.3, 2.7), (1.9, 4.2))),
    District("04", "みなみ野地区", "ミナミノチク", "みなみ野中学校", ((0.2, -3.0), (-1.2, -4.4))),
    District("05", "東地区", "ヒガシチク", "七瀬東中学校", ((3.4, 1.3), (6.0, 0.1), (5.0, 3.2))),
    District("06", "緑が丘地区", "ミドリガオカチク", "緑が丘中学校", ((-2.7, 0.6), (-2.2, 2.9))),
    District(
        "07", "西原地区", "ニシハラチク", "西原中学校", ((-3.6, -2.7), (-6.6, -3.0), (-4.0, -5.6))
    ),
    District(
        "08",
        "奥七瀬地区",
        "オクナナセチク",
        "奥七瀬中学校",
        ((-8.0, 2.0), (-11.5, 0.0), (-7.0, 5.5), (-11.0, 4.5), (-4.6, 6.0)),
    ),
)
DISTRICT_BY_CODE = {d.code: d for d in DISTRICTS}

# Current towns, grouped by district. Populations are April 2017 targets for the initial stock.
TOWNS = (
    Town("0001001", "中央一丁目", "チュウオウイッチョウメ", "01", 2600),
    Town("0001002", "中央二丁目", "チュウオウニチョウメ", "01", 2900),
    Town("0001003", "中央三丁目", "チュウオウサンチョウメ", "01", 2500),
    Town("0001004", "中央四丁目", "チュウオウヨンチョウメ", "01", 2300),
    Town("0001005", "中央五丁目", "チュウオウゴチョウメ", "01", 2100),
    Town("0003001", "本町一丁目", "ホンチョウイッチョウメ", "01", 3200),
    Town("0003002", "本町二丁目", "ホンチョウニチョウメ", "01", 3000),
    Town("0004000", "栄町", "サカエチョウ", "01", 2900),
    Town("0005001", "川端一丁目", "カワバタイッチョウメ", "02", 3000),
    Town("0005002", "川端二丁目", "カワバタニチョウメ", "02", 2800),
    Town("0005003", "川端三丁目", "カワバタサンチョウメ", "02", 2500),
    Town("0006000", "舟戸町", "フナトチョウ", "02", 2400),
    Town("0007000", "大字川原", "オオアザカワラ", "02", 1900),
    Town("0008000", "大字中島", "オオアザナカジマ", "02", 1400),
    Town("0009001", "七瀬台一丁目", "ナナセダイイッチョウメ", "03", 3900),
    Town("0009002", "七瀬台二丁目", "ナナセダイニチョウメ", "03", 4200),
    Town("0009003", "七瀬台三丁目", "ナナセダイサンチョウメ", "03", 3600),
    Town("0009004", "七瀬台四丁目", "ナナセダイヨンチョウメ", "03", 2800),
    Town("0010000", "北町", "キタマチ", "03", 2000),
    Town("0011001", "みなみ野一丁目", "ミナミノイッチョウメ", "04", 3900),
    Town("0011002", "みなみ野二丁目", "ミナミノニチョウメ", "04", 3300),
    Town("0011003", "みなみ野三丁目", "ミナミノサンチョウメ", "04", 600),
    Town("0011004", "みなみ野四丁目", "ミナミノヨンチョウメ", "04", 120),
    Town("0011005", "みなみ野五丁目", "ミナミノゴチョウメ", "04", 90),
    Town("0013000", "南町", "ミナミマチ", "04", 2600),
    Town("0014001", "東町一丁目", "ヒガシマチイッチョウメ", "05", 4200),
    Town("0014002", "東町二丁目", "ヒガシマチニチョウメ", "05", 4000),
    Town("0014003", "東町三丁目", "ヒガシマチサンチョウメ", "05", 3600),
    Town("0015000", "若葉町", "ワカバチョウ", "05", 4300),
    Town("0016000", "桜木町", "サクラギチョウ", "05", 4100),
    Town("0017000", "大字東原", "オオアザヒガシハラ", "05", 2300),
    Town("0018001", "緑が丘一丁目", "ミドリガオカイッチョウメ", "06", 4100),
    Town("0018002", "緑が丘二丁目", "ミドリガオカニチョウメ", "06", 4400),
    Town("0018003", "緑が丘三丁目", "ミドリガオカサンチョウメ", "06", 3800),
    Town("0019000", "西町", "ニシマチ", "06", 3500),
    Town("0020000", "旭町", "アサヒチョウ", "06", 3300),
    Town("0021000", "大字西原", "オオアザニシハラ", "07", 3400),
    Town("0022000", "大字大川", "オオアザオオカワ", "07", 2300),
    Town("0023000", "大字新井", "オオアザアライ", "07", 2000),
    Town("0024000", "大字古川", "オオアザフルカワ", "07", 1700),
    Town("0027000", "大字杉沢", "オオアザスギサワ", "08", 1500, ("0025000", "0026000")),
    Town("0028000", "大字奥沢", "オオアザオクサワ", "08", 1200),
    Town("0029000", "大字宮ノ下", "オオアザミヤノシタ", "08", 1300),
    Town("0030000", "大字柳平", "オオアザヤナギダイラ", "08", 800),
)
TOWN_BY_CODE = {t.code: t for t in TOWNS}

# Internal areas (blocks): the finest units over the ten years. Each belongs to one current town.
BLOCKS = tuple(key for town in TOWNS for key in town.block_keys)
BLOCK_TOWN = {key: town.code for town in TOWNS for key in town.block_keys}
BLOCK_SHARE = {"0025000": 0.55, "0026000": 0.45}  # share of a merged town's population


@dataclass(frozen=True)
class TownChange:
    """One change of a 町丁目's name or code, effective on ``day``."""

    day: date
    kind: str  # Japanese label, e.g. 住居表示の実施
    old_code: str
    old_name: str
    new_code: str
    new_name: str
    note: str


TOWN_CHANGES = (
    TownChange(
        date(2019, 10, 1),
        "表記の変更",
        "0018001",
        "緑ヶ丘一丁目",
        "0018001",
        "緑が丘一丁目",
        "町名の表記を「緑ヶ丘」から「緑が丘」に統一（区域・コードは変更なし）",
    ),
    TownChange(
        date(2019, 10, 1),
        "表記の変更",
        "0018002",
        "緑ヶ丘二丁目",
        "0018002",
        "緑が丘二丁目",
        "町名の表記を「緑ヶ丘」から「緑が丘」に統一（区域・コードは変更なし）",
    ),
    TownChange(
        date(2019, 10, 1),
        "表記の変更",
        "0018003",
        "緑ヶ丘三丁目",
        "0018003",
        "緑が丘三丁目",
        "町名の表記を「緑ヶ丘」から「緑が丘」に統一（区域・コードは変更なし）",
    ),
    TownChange(
        date(2020, 10, 1),
        "住居表示の実施",
        "0002000",
        "新田町",
        "0001005",
        "中央五丁目",
        "住居表示の実施により町名を変更（区域は変更なし）",
    ),
    TownChange(
        date(2021, 2, 1),
        "住居表示の実施",
        "0012000",
        "大字南野",
        "0011004",
        "みなみ野四丁目",
        "土地区画整理事業の完了に伴い住居表示を実施し、大字南野を二つの丁目に分割",
    ),
    TownChange(
        date(2021, 2, 1),
        "住居表示の実施",
        "0012000",
        "大字南野",
        "0011005",
        "みなみ野五丁目",
        "土地区画整理事業の完了に伴い住居表示を実施し、大字南野を二つの丁目に分割",
    ),
    TownChange(
        date(2023, 4, 1),
        "区域の合併",
        "0025000",
        "大字上杉沢",
        "0027000",
        "大字杉沢",
        "大字上杉沢と大字下杉沢を合わせて大字杉沢とした",
    ),
    TownChange(
        date(2023, 4, 1),
        "区域の合併",
        "0026000",
        "大字下杉沢",
        "0027000",
        "大字杉沢",
        "大字上杉沢と大字下杉沢を合わせて大字杉沢とした",
    ),
)


def published_town(block: str, day: date) -> tuple[str, str]:
    """Code and name under which a block was published on ``day``.

    >>> published_town("0001005", date(2020, 4, 1))
    ('0002000', '新田町')
    >>> published_town("0018001", date(2019, 4, 1))
    ('0018001', '緑ヶ丘一丁目')
    """
    town = TOWN_BY_CODE[BLOCK_TOWN[block]]
    code, name = town.code, town.name
    # Walk back through changes that took effect after ``day``, newest first.
    for change in sorted(TOWN_CHANGES, key=lambda c: c.day, reverse=True):
        if change.day <= day:
            continue
        merged_elsewhere = change.kind == "区域の合併" and change.old_code != block
        if change.new_code == code and not merged_elsewhere:
            code, name = change.old_code, change.old_name
    return code, name


def change_note(code: str, day: date) -> str:
    """備考 text for a town published on ``day`` if it changed within the year before.

    >>> change_note("0001005", date(2021, 4, 1))
    '令和2年10月1日 住居表示の実施（旧 新田町）'
    """
    from .wareki import wareki_date

    notes = []
    for change in TOWN_CHANGES:
        recent = date(day.year - 1, day.month, day.day) < change.day <= day
        if recent and change.new_code == code:
            notes.append(f"{wareki_date(change.day)} {change.kind}（旧 {change.old_name}）")
    return "、".join(dict.fromkeys(notes))
