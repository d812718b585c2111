"""指定緊急避難場所 in the evacuation_space layout, with hazard flags and capacity.

Sites inside the flood zone are not designated for floods unless they are tall school or centre
buildings (vertical evacuation). Sites shared with the 公共施設台帳 use the same coordinates.

>>> len(SITES) > 40
True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import Point

from .boundaries import Boundaries
from .city import CITY_CODE, CITY_NAME, TOWN_BY_CODE, TOWNS
from .places import elevation_m, place_in_town
from .standard import CITY_URL, contact_block, location_block, street_number

HAZARDS = ("災害種別_洪水", "災害種別_崖崩れ、土石流及び地滑り", "災害種別_高潮", "災害種別_地震",
           "災害種別_津波", "災害種別_大規模な火事", "災害種別_内水氾濫", "災害種別_火山現象")  # fmt: skip


@dataclass(frozen=True)
class Site:
    name: str
    kana: str
    kind: str  # 小学校, 中学校, 高等学校, 公民館, 市民センター, 集会所, 公園
    town: str
    capacity: int
    tall: bool = False  # three storeys or more: usable in a flood from the upper floors


SITES = (
    Site("七瀬小学校", "ナナセショウガッコウ", "小学校", "0001003", 820),
    Site("本町小学校", "ホンチョウショウガッコウ", "小学校", "0003002", 700),
    Site("七瀬中学校", "ナナセチュウガッコウ", "中学校", "0001002", 900),
    Site("中央公民館", "チュウオウコウミンカン", "公民館", "0003001", 300),
    Site(
        "七瀬駅前市民センター", "ナナセエキマエシミンセンター", "市民センター", "0001004", 450, True
    ),
    Site("七瀬中央公園", "ナナセチュウオウコウエン", "公園", "0004000", 4200),
    Site("川端小学校", "カワバタショウガッコウ", "小学校", "0005002", 700),
    Site("舟戸小学校", "フナトショウガッコウ", "小学校", "0006000", 600),
    Site("川端中学校", "カワバタチュウガッコウ", "中学校", "0005003", 380, True),
    Site("川端公民館", "カワバタコウミンカン", "公民館", "0005002", 250),
    Site("川端市民センター", "カワバタシミンセンター", "市民センター", "0005001", 350),
    Site("川端緑地", "カワバタリョクチ", "公園", "0007000", 3000),
    Site("中島小学校", "ナカジマショウガッコウ", "小学校", "0008000", 520),
    Site("七瀬台小学校", "ナナセダイショウガッコウ", "小学校", "0009002", 750),
    Site("七瀬台北小学校", "ナナセダイキタショウガッコウ", "小学校", "0010000", 650),
    Site("七瀬台中学校", "ナナセダイチュウガッコウ", "中学校", "0009003", 850),
    Site("七瀬台公民館", "ナナセダイコウミンカン", "公民館", "0009002", 250),
    Site("七瀬台市民センター", "ナナセダイシミンセンター", "市民センター", "0009003", 400),
    Site("七瀬台公園", "ナナセダイコウエン", "公園", "0009001", 2500),
    Site("みなみ野小学校", "ミナミノショウガッコウ", "小学校", "0011002", 800),
    Site("みなみ野南小学校", "ミナミノミナミショウガッコウ", "小学校", "0011005", 700),
    Site("みなみ野中学校", "ミナミノチュウガッコウ", "中学校", "0011003", 900),
    Site("みなみ野公民館", "ミナミノコウミンカン", "公民館", "0011002", 300),
    Site("みなみ野中央公園", "ミナミノチュウオウコウエン", "公園", "0011001", 3500),
    Site("東小学校", "ヒガシショウガッコウ", "小学校", "0014001", 750),
    Site("若葉小学校", "ワカバショウガッコウ", "小学校", "0015000", 700),
    Site("七瀬東中学校", "ナナセヒガシチュウガッコウ", "中学校", "0014003", 900),
    Site("東公民館", "ヒガシコウミンカン", "公民館", "0014002", 280),
    Site("東運動公園", "ヒガシウンドウコウエン", "公園", "0017000", 6000),
    Site("県立七瀬高等学校", "ケンリツナナセコウトウガッコウ", "高等学校", "0016000", 1000),
    Site("緑が丘小学校", "ミドリガオカショウガッコウ", "小学校", "0018001", 750),
    Site("西町小学校", "ニシマチショウガッコウ", "小学校", "0019000", 650),
    Site("緑が丘中学校", "ミドリガオカチュウガッコウ", "中学校", "0018002", 850),
    Site("緑が丘公民館", "ミドリガオカコウミンカン", "公民館", "0018002", 280),
    Site("緑が丘公園", "ミドリガオカコウエン", "公園", "0018003", 3000),
    Site("西原小学校", "ニシハラショウガッコウ", "小学校", "0021000", 550),
    Site("大川小学校", "オオカワショウガッコウ", "小学校", "0022000", 450),
    Site("西原中学校", "ニシハラチュウガッコウ", "中学校", "0023000", 650),
    Site("西原公民館", "ニシハラコウミンカン", "公民館", "0021000", 200),
    Site("西原市民センター", "ニシハラシミンセンター", "市民センター", "0022000", 250),
    Site("奥七瀬小学校", "オクナナセショウガッコウ", "小学校", "0029000", 350),
    Site("奥七瀬中学校", "オクナナセチュウガッコウ", "中学校", "0029000", 400),
    Site("奥七瀬公民館", "オクナナセコウミンカン", "公民館", "0029000", 150),
    Site("杉沢集会所", "スギサワシュウカイジョ", "集会所", "0027000", 80),
    Site("柳平集会所", "ヤナギダイラシュウカイジョ", "集会所", "0030000", 60),
)
_STEEP = {"杉沢集会所", "柳平集会所", "奥七瀬公民館"}  # at the foot of slopes


def flood_union(geo: Boundaries) -> shapely.Geometry:
    """The whole flood zone (all depth classes).

    >>> from .boundaries import city_boundaries
    >>> flood_union(city_boundaries(np.random.default_rng(1))).area > 0
    True
    """
    return shapely.union_all([zone for _, zone in geo.flood])


def _neighbours(town: str) -> str:
    """対象となる町会・自治会: the town's own association and the next one in the same 地区."""
    same = [t for t in TOWNS if t.district == TOWN_BY_CODE[town].district]
    here = next(i for i, t in enumerate(same) if t.code == town)
    names = [same[here].name.removeprefix("大字")]
    if len(same) > 1:
        names.append(same[(here + 1) % len(same)].name.removeprefix("大字"))
    return ";".join(f"{n}自治会" for n in names)


def shelters_table(
    geo: Boundaries, rng: np.random.Generator, shared: dict[str, tuple[float, float]]
) -> pd.DataFrame:
    """The evacuation-space list; ``shared`` gives (lat, lon) of sites that are public facilities.

    >>> from .boundaries import city_boundaries
    >>> table = shelters_table(city_boundaries(np.random.default_rng(1)), np.random.default_rng(2), {})
    >>> int(table["災害種別_地震"].sum()) == len(SITES)
    True
    """
    zone = flood_union(geo)
    rows = []
    for i, site in enumerate(SITES):
        latlon = shared.get(site.name) or place_in_town(geo, site.town, rng)
        in_zone = zone.contains(Point(latlon[1], latlon[0]))
        flood = int((not in_zone) or site.tall)
        building = site.kind != "公園"
        flags = {
            "災害種別_洪水": flood, "災害種別_崖崩れ、土石流及び地滑り": int(site.name not in _STEEP),
            "災害種別_高潮": 0, "災害種別_地震": 1, "災害種別_津波": 0,
            "災害種別_大規模な火事": int(site.kind in ("公園", "小学校", "中学校", "高等学校")),
            "災害種別_内水氾濫": flood, "災害種別_火山現象": 0,
        }  # fmt: skip
        row = {"全国地方公共団体コード": CITY_CODE, "ID": f"{i + 1:03d}", "地方公共団体名": CITY_NAME,
               "名称": site.name, "名称_カナ": site.kana, "名称_英字": ""}  # fmt: skip
        row.update(location_block(site.town, street_number(site.town, rng), latlon))
        row["標高"] = f"{elevation_m(latlon[0], latlon[1], geo.river):.1f}"
        row.update(contact_block())
        row["団体名"] = "みどり県" if site.kind == "高等学校" else CITY_NAME
        row.update(flags)
        row.update({
            "指定避難所との重複": int(building), "想定収容人数": site.capacity,
            "対象となる町会・自治会": _neighbours(site.town), "URL": f"{CITY_URL}/bosai/hinan.html",
            "画像": "", "画像_ライセンス": "",
            "備考": "浸水時は3階以上に避難" if in_zone and site.tall else "",
        })  # fmt: skip
        rows.append(row)
    return pd.DataFrame(rows)
