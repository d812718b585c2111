"""Japanese era (和暦) labels for dates, as the city's exports print them.

>>> wareki_date(date(2019, 4, 1))
'平成31年4月1日'
>>> wareki_year(2019)
'令和元年度'
"""

from __future__ import annotations

from datetime import date

_ERAS = (
    (date(2019, 5, 1), "令和", 2018),
    (date(1989, 1, 8), "平成", 1988),
    (date(1926, 12, 25), "昭和", 1925),
)


def _era(day: date) -> tuple[str, int]:
    for start, name, offset in _ERAS:
        if day >= start:
            return name, day.year - offset
    raise ValueError(f"date before 昭和 not supported: {day}")


def _number(n: int) -> str:
    return "元" if n == 1 else str(n)


def wareki_date(day: date, *, full_width: bool = False) -> str:
    """``令和2年10月1日``-style label of a date (optionally with full-width digits).

    >>> wareki_date(date(2026, 4, 1), full_width=True)
    '令和８年４月１日'
    """
    era, year = _era(day)
    text = f"{era}{_number(year)}年{day.month}月{day.day}日"
    return to_full_width(text) if full_width else text


def wareki_year(fiscal_year: int) -> str:
    """``令和元年度``-style label of a fiscal year (年度 starting on April 1).

    >>> wareki_year(2025)
    '令和7年度'
    """
    era, year = _era(date(fiscal_year, 4, 1) if fiscal_year != 2019 else date(2019, 5, 1))
    return f"{era}{_number(year)}年度"


def to_full_width(text: str) -> str:
    """Replace ASCII digits with full-width digits (as some exports do).

    >>> to_full_width("0-4歳")
    '０-４歳'
    """
    return text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
