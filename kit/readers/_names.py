"""What a column's name says about its values: text codes, or dates.

>>> is_text_name("全国地方公共団体コード"), is_text_name("電話番号"), is_text_name("人口")
(True, True, False)
>>> is_date_name("調査年月日"), is_date_name("利用可能日時特記事項")
(True, False)
"""

from __future__ import annotations

import re

_TEXT_NAME = re.compile(
    r"(コード|番号|ID|CODE|code|Code|郵便|電話|FAX|Fax|HTKSAKI|GASSAN|^NO\.?$|^No\.?$)"
)
_DATE_NAME = re.compile(r"(年月日|日付)$|^(date|DATE|Date)$|_date$")
# 全国地方公共団体コード columns, repaired and checked while reading.
CODE_COLUMNS = frozenset(
    {"全国地方公共団体コード", "所在地_全国地方公共団体コード", "都道府県コード又は市区町村コード"}
)


def is_text_name(name: str) -> bool:
    """Columns kept as text whatever they hold: codes, IDs, phone and postal numbers."""
    return bool(_TEXT_NAME.search(name))


def is_date_name(name: str) -> bool:
    """Columns read as dates: 調査年月日, 認可等年月日, 日付…"""
    return bool(_DATE_NAME.search(name)) and not is_text_name(name)
