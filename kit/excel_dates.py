"""Excel serial dates (the 1900 date system, with Excel's fictitious 1900-02-29), both ways.

Municipal Excel exports often show dates as numbers such as 44698 (= 2022-05-17).

>>> from_excel_serial(44698)
datetime.date(2022, 5, 17)
>>> to_excel_serial(dt.date(2022, 5, 17))
44698
"""

from __future__ import annotations

import datetime as dt

from kit.errors import DateError

__all__ = ["from_excel_serial", "to_excel_serial"]

_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 61 and later count from here (1900 system)
_EXCEL_1904_EPOCH = dt.date(1904, 1, 1)
_MAX_SERIAL = 2958465  # 9999-12-31


def _fail(problem: str, action: str = "元の値を確認してください。") -> DateError:
    return DateError(problem, action=action)


def _as_date(value: object) -> dt.date:
    """A date from a date, datetime, pandas Timestamp or (via kit.wareki.parse) text.

    Shared with :mod:`kit.wareki`, which takes the same inputs.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        return value.to_pydatetime().date()  # type: ignore[union-attr]
    if isinstance(value, str):
        from kit.wareki import parse

        return parse(value)
    raise _fail(
        f"「{value}」は日付ではありません。", "datetime.date か日付の文字列を渡してください。"
    )


def from_excel_serial(serial: float, *, date1904: bool = False) -> dt.date:
    """The date of an Excel serial number (1900 system, with Excel's fictitious 1900-02-29).

    A fractional part (the time of day) is ignored.

    >>> from_excel_serial(44698)
    datetime.date(2022, 5, 17)
    >>> from_excel_serial(59)
    datetime.date(1900, 2, 28)
    """
    try:
        number = int(float(serial))
    except (TypeError, ValueError):
        raise _fail(f"「{serial}」は Excel の日付のシリアル値（数）ではありません。") from None
    if date1904:
        if not 0 <= number <= _MAX_SERIAL - 1462:
            raise _fail(f"シリアル値 {serial} は Excel の日付の範囲外です。")
        return _EXCEL_1904_EPOCH + dt.timedelta(days=number)
    if number == 60:
        raise _fail(
            "シリアル値 60 は Excel だけにある「1900年2月29日」で、実在しない日付です。",
            "元のファイルの日付を確認してください。",
        )
    if not 1 <= number <= _MAX_SERIAL:
        raise _fail(f"シリアル値 {serial} は Excel の日付の範囲（1〜{_MAX_SERIAL}）外です。")
    offset = number if number > 60 else number + 1
    return _EXCEL_EPOCH + dt.timedelta(days=offset)


def to_excel_serial(day: dt.date, *, date1904: bool = False) -> int:
    """The Excel serial number of a date (inverse of :func:`from_excel_serial`).

    >>> to_excel_serial(dt.date(2022, 5, 17))
    44698
    """
    day = _as_date(day)
    if date1904:
        return (day - _EXCEL_1904_EPOCH).days
    serial = (day - _EXCEL_EPOCH).days
    if serial <= 60:
        serial -= 1
    if serial < 1:
        raise _fail(
            f"{day} は Excel の日付（1900年1月1日以降）より前です。", "日付を確認してください。"
        )
    return serial
