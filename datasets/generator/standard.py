"""The 自治体標準オープンデータセット common column block (location and contact), for facility lists.

Contact fields that would need real-looking numbers (telephone, postcode, corporate number) stay
empty so that nothing can collide with a real organisation; web addresses use the reserved
``.example`` domain.

>>> row = location_block("0001001", (3, 12), (36.05, 139.95))
>>> row["所在地_連結表記"]
'みどり県七瀬市中央一丁目3番12号'
"""

from __future__ import annotations

import numpy as np

from .city import CITY_CODE, CITY_NAME, PREF_NAME, TOWN_BY_CODE

CITY_URL = "https://www.city.nanase.example"

CONTACT_COLUMNS = ("電話番号", "内線番号", "連絡先メールアドレス", "連絡先FormURL",
                   "連絡先備考（その他、SNSなど）", "郵便番号", "法人番号")  # fmt: skip


def street_number(town: str, rng: np.random.Generator) -> tuple[int, int]:
    """A (番, 号) for a facility; 号 is 0 (番地 form) in 大字 areas.

    >>> street_number("0021000", np.random.default_rng(0))[1]
    0
    """
    if TOWN_BY_CODE[town].is_oaza:
        return int(rng.integers(1, 1400)), 0
    return int(rng.integers(1, 30)), int(rng.integers(1, 25))


def location_block(town: str, number: tuple[int, int], latlon: tuple[float, float]) -> dict:
    """Common block from 所在地_全国地方公共団体コード to 経度 (緯度/経度 as 6-decimal text)."""
    ban, go = number
    rest = f"{ban}番地" if go == 0 else f"{ban}番{go}号"
    name = TOWN_BY_CODE[town].name
    return {
        "所在地_全国地方公共団体コード": CITY_CODE,
        "町字ID": town,
        "所在地_連結表記": f"{PREF_NAME}{CITY_NAME}{name}{rest}",
        "所在地_都道府県": PREF_NAME,
        "所在地_市区町村": CITY_NAME,
        "所在地_町字": name,
        "所在地_番地以下": rest,
        "建物名等(方書)": "",
        "緯度": f"{latlon[0]:.6f}",
        "経度": f"{latlon[1]:.6f}",
    }


def contact_block() -> dict:
    """The contact block, left empty (see the module note).

    >>> set(contact_block().values())
    {''}
    """
    return dict.fromkeys(CONTACT_COLUMNS, "")
