"""The ``datapackage.json`` of the city's data: package metadata plus every resource.

>>> pkg = datapackage()
>>> pkg["name"], pkg["licenses"][0]["name"]
('nanase-city', 'CC-BY-4.0')
"""

from __future__ import annotations

from .city import CITY_CODE, CITY_NAME, CRS_GEO, CRS_PLANE, PREF_NAME, SEED
from .meta_common import LICENSE
from .meta_people import people_resources
from .meta_raw import raw_resources
from .meta_services import service_resources
from .meta_welfare import welfare_resources


def datapackage() -> dict:
    """The whole package description (a Frictionless Data Package).

    >>> len(datapackage()["resources"]) > 20
    True
    """
    return {
        "profile": "data-package",
        "name": "nanase-city",
        "title": f"{PREF_NAME}{CITY_NAME}（架空の市）の演習用データ",
        "description": (
            "データアカデミー演習キットで使う、架空の市「七瀬市」のデータ一式。実在の市町村・人物とは関係の"
            "ない合成データで、datasets/generate.py が乱数の種を固定して生成します。詳しくは README.md を"
            "参照してください。"
        ),
        "version": "1.0.0",
        "licenses": [LICENSE],
        "sources": [{"title": "合成データ（datasets/generate.py による生成）"}],
        "keywords": ["七瀬市", "架空", "演習", "住民基本台帳", "オープンデータ"],
        "kit": {
            "city_code": CITY_CODE,
            "city_name": CITY_NAME,
            "crs_geographic": CRS_GEO,
            "crs_metric": CRS_PLANE,
            "seed": SEED,
        },
        "resources": [
            *people_resources(),
            *service_resources(),
            *welfare_resources(),
            *raw_resources(),
        ],
    }
