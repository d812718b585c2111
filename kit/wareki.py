"""Japanese era dates (和暦) and Excel serial dates, both ways.

>>> from kit import wareki
>>> wareki.parse("令和5年4月1日現在")
datetime.date(2023, 4, 1)
>>> wareki.to_wareki(datetime.date(2019, 5, 1))
'令和元年5月1日'
>>> wareki.from_excel_serial(44698)
datetime.date(2022, 5, 17)

Rules chosen here (documented for trainees in the error messages):

* A date after an era ended is still converted arithmetically (平成31年5月1日 → 2019-05-01),
  because forms printed before an era change keep being used; a date *before* an era began
  (令和元年4月1日) does not exist and raises ``DateError``.
* A year or month alone (平成31年, R5.4, 令和5年度) is not a date: ``parse`` raises ``DateError``
  unless ``partial="start"`` (first day of the period) or ``partial="end"`` (last day) is given.
  A year is clipped to its era (令和元年 starts on 2019-05-01, 平成31年 ends on 2019-04-30);
  a 年度 runs April to March whatever the era (令和元年度 starts on 2019-04-01).
* Dates before 明治6年 (1873), when Japan adopted the Gregorian calendar, are not supported.
"""

from __future__ import annotations

import calendar
import datetime as dt
import numbers
import re
import unicodedata
from typing import TYPE_CHECKING, Literal

from kit.errors import DateError

# Excel serial dates live in kit.excel_dates; kept reachable here, where trainees look for dates.
from kit.excel_dates import _as_date
from kit.excel_dates import from_excel_serial as from_excel_serial
from kit.excel_dates import to_excel_serial as to_excel_serial

if TYPE_CHECKING:
    import pandas as pd

Partial = Literal["raise", "start", "end"]
Style = Literal["long", "short", "year"]

# (name, letter, first day). Year n of an era is (first day's year - 1 + n).
ERAS: tuple[tuple[str, str, dt.date], ...] = (
    ("令和", "R", dt.date(2019, 5, 1)),
    ("平成", "H", dt.date(1989, 1, 8)),
    ("昭和", "S", dt.date(1926, 12, 25)),
    ("大正", "T", dt.date(1912, 7, 30)),
    ("明治", "M", dt.date(1868, 10, 23)),
)
_GREGORIAN_START = dt.date(1873, 1, 1)
_BY_NAME = {name: (name, start) for name, _, start in ERAS}
_BY_NAME.update({letter: (name, start) for name, letter, start in ERAS})
_BY_NAME.update({name[0]: (name, start) for name, _, start in ERAS})

_ERA = r"(?P<era>明治|大正|昭和|平成|令和|[明大昭平令]|[MTSHRmtshr])?"
_YEAR = r"(?P<year>元|\d{1,4})"
_KANJI = re.compile(
    rf"^{_ERA}\s*{_YEAR}\s*年(?P<fy>度)?"
    r"(?:\s*(?P<month>\d{1,2})\s*月(?:\s*(?P<day>\d{1,2})\s*日)?)?$"
)
_DOTTED = re.compile(
    rf"^{_ERA}\s*{_YEAR}(?:[./\-](?P<month>\d{{1,2}})(?:[./\-](?P<day>\d{{1,2}}))?)?$"
)
_COMPACT = re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})$")
_SUFFIXES = re.compile(r"(現在|時点|付け?|時点現在)$")
_WEEKDAY = re.compile(r"\s*[(（][月火水木金土日](曜日?)?[)）]\s*$")
_MIDNIGHT = re.compile(r"[ T]0{1,2}:00(:00(\.0+)?)?$")


def _fail(problem: str, action: str = "元の値を確認してください。") -> DateError:
    """A DateError: what is wrong, then what to do (by default: check the original value)."""
    return DateError(problem, action=action)


def _clean(text: str) -> str:
    """NFKC, trim, drop 現在/時点 and a weekday in brackets."""
    text = unicodedata.normalize("NFKC", text).strip()
    text = _WEEKDAY.sub("", text)
    text = _SUFFIXES.sub("", text).strip()
    return _MIDNIGHT.sub("", text)


def _era_year(era: str, year: int, original: str) -> tuple[int, dt.date, dt.date | None]:
    """Western year of ``era`` year ``year``, the era's first day and its last day (if ended)."""
    name, start = _BY_NAME[era]
    later = [s for _, _, s in ERAS if s > start]
    end = min(later) - dt.timedelta(days=1) if later else None
    if year > 99:
        raise _fail(
            f"「{original}」の{name}{year}年は大きすぎます。",
            "西暦の年なら元号を付けずに書いてください（例: 2023年4月1日）。",
        )
    if year < 1:
        raise _fail(
            f"「{original}」の年「{year}」は元号の年として使えません。",
            "1 年目は「元年」または「1年」と書いてください。",
        )
    return start.year - 1 + year, start, end


def _kanji_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _build(
    original: str,
    era: str | None,
    year: int,
    month: int | None,
    day: int | None,
    fiscal: bool,
    partial: Partial,
) -> dt.date:
    start_of_era = end_of_era = None
    if era is not None:
        year, start_of_era, end_of_era = _era_year(era, year, original)
    if month is not None and not 1 <= month <= 12:
        raise _fail(f"「{original}」の月「{month}」は 1〜12 ではありません。")
    if day is not None:
        try:
            value = dt.date(year, month, day)  # type: ignore[arg-type]
        except ValueError:
            raise _fail(
                f"「{original}」という日付はありません（{year}年{month}月に{day}日はありません）。"
            ) from None
        first = last = value
    elif partial == "raise":
        what = "年度" if fiscal else ("年と月" if month else "年")
        raise _fail(
            f"「{original}」は{what}だけで、日付が決まりません。",
            '月日まで書くか、期間の初日なら partial="start"、末日なら partial="end" を指定してください。',
        )
    elif fiscal:
        first, last = dt.date(year, 4, 1), dt.date(year + 1, 3, 31)
    elif month is not None:
        first, last = (
            dt.date(year, month, 1),
            dt.date(year, month, calendar.monthrange(year, month)[1]),
        )
    else:
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if start_of_era is not None and not fiscal:  # 令和元年度 rightly starts on 2019-04-01
        if last < start_of_era:
            name = _BY_NAME[era][0]  # type: ignore[index]
            raise _fail(
                f"「{original}」はありません（{name}は {_kanji_date(start_of_era)} からです）。",
                "元号か日付を確認してください（例: 2019年4月30日までは平成）。",
            )
        first = max(first, start_of_era)
        if end_of_era is not None and first <= end_of_era:
            last = min(last, end_of_era)  # 平成31年 ends on 2019-04-30
    value = first if day is not None or partial == "start" else last
    if value < _GREGORIAN_START:
        raise _fail(
            f"「{original}」は明治6年（1873年）より前の日付で、旧暦のため変換できません。",
            "西暦の日付で入力してください。",
        )
    return value


def parse(text: str, *, partial: Partial = "raise", era: str | None = None) -> dt.date:
    """Read a date written in any common Japanese or Western form.

    Handles 令和5年4月1日(現在), R5.4.1, H30.4.1, 令和元年5月1日, full-width digits, ㋿/㍻,
    2023年4月1日, 2023/4/1, 2023-04-01 and 20230401. ``era`` supplies the era for texts
    that omit it (元年5月1日, 5年4月1日). Year-only or month-only texts need ``partial``.

    >>> parse("令和５年４月１日現在")
    datetime.date(2023, 4, 1)
    >>> parse("H31.4.30")
    datetime.date(2019, 4, 30)
    >>> parse("平成31年", partial="start")
    datetime.date(2019, 1, 1)
    >>> parse("元年5月1日", era="令和")
    datetime.date(2019, 5, 1)
    """
    if not isinstance(text, str):
        raise _fail(
            f"日付として文字列が必要ですが、{type(text).__name__} 型の値「{text}」が渡されました。",
            "Excel のシリアル値なら from_excel_serial() を使ってください。",
        )
    cleaned = _clean(text)
    match = _COMPACT.match(cleaned)
    if match:
        return _build(
            text, None, int(match["year"]), int(match["month"]), int(match["day"]), False, partial
        )
    match = _KANJI.match(cleaned) or _DOTTED.match(cleaned)
    if cleaned.isdigit() and not (match and match["year"] != cleaned):
        raise _fail(
            f"「{text}」は数だけで、日付か年かわかりません。",
            "Excel のシリアル値なら from_excel_serial() を使ってください。",
        )
    if not match:
        raise _fail(
            f"「{text}」を日付として読めませんでした。",
            "「令和5年4月1日」「R5.4.1」「2023-04-01」のような形か確認してください。",
        )
    fields = match.groupdict()
    year_text, era_text = fields["year"], fields["era"]
    if era_text is None and (year_text == "元" or len(year_text) <= 2):
        if era is None:
            raise _fail(
                f"「{text}」には元号がないため、何年か決まりません。",
                '「令和」などの元号を付けるか、era="令和" のように元号を指定してください。',
            )
        era_text = era
    if era_text is not None:
        era_text = era_text.upper() if era_text.isascii() else era_text
        if era_text not in _BY_NAME:
            raise _fail(
                f"元号「{era_text}」がわかりません。",
                "明治・大正・昭和・平成・令和（M・T・S・H・R）のどれかを使ってください。",
            )
    year = 1 if year_text == "元" else int(year_text)
    month = None if fields["month"] is None else int(fields["month"])
    day = None if fields.get("day") is None else int(fields["day"])
    return _build(text, era_text, year, month, day, bool(fields.get("fy")), partial)


def era_of(day: dt.date) -> tuple[str, str, int]:
    """The era name, letter and era year of a date.

    >>> era_of(datetime.date(2019, 4, 30))
    ('平成', 'H', 31)
    """
    day = _as_date(day)
    for name, letter, start in ERAS:
        if day >= start:
            return name, letter, day.year - start.year + 1
    raise _fail(
        f"{day} は明治より前の日付で、和暦に直せません。",
        "1868年10月23日以降の日付を使ってください。",
    )


def to_wareki(day: dt.date, style: Style = "long", *, gannen: bool = True) -> str:
    """Write a date in 和暦.

    ``style="long"`` gives 令和5年4月1日, ``"short"`` gives R5.4.1, ``"year"`` gives 令和5年.
    The first year of an era is written 元年 unless ``gannen=False``.

    >>> to_wareki(datetime.date(2023, 4, 1))
    '令和5年4月1日'
    >>> to_wareki(datetime.date(2019, 4, 30), style="short")
    'H31.4.30'
    """
    day = _as_date(day)
    name, letter, year = era_of(day)
    if style == "short":
        return f"{letter}{year}.{day.month}.{day.day}"
    year_text = "元" if year == 1 and gannen else str(year)
    if style == "year":
        return f"{name}{year_text}年"
    if style == "long":
        return f"{name}{year_text}年{day.month}月{day.day}日"
    raise _fail(
        f"書式「{style}」はありません。", 'style は "long"・"short"・"year" から選んでください。'
    )


def to_datetime(
    values: pd.Series, *, partial: Partial = "raise", era: str | None = None, serials: bool = True
) -> pd.Series:
    """Vectorised :func:`parse` for a Series mixing 和暦, Western dates and Excel serials.

    Numbers are read as Excel serials (unless ``serials=False``); missing stays missing. Each
    distinct value is parsed once, so long columns are fast. Returns ``datetime64``.

    >>> to_datetime(pd.Series(["R5.4.1", "平成31年4月30日", 44698, None])).dt.strftime("%Y-%m-%d").tolist()
    ['2023-04-01', '2019-04-30', '2022-05-17', nan]
    """
    import pandas as pd

    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    parsed = []
    for value in uniques:
        try:
            parsed.append(_parse_any(value, partial=partial, era=era, serials=serials))
        except DateError as err:
            label = values.index[(codes == len(parsed)).argmax()]
            raise DateError(
                f"{err.problem}（インデックス {label} の値）",
                column=values.name,
                action=err.action,
            ) from None
    stamps = pd.to_datetime(pd.Series([*parsed, None], dtype="object")).astype("datetime64[us]")
    result = stamps.take(codes).reset_index(drop=True)
    result.index = values.index
    result.name = values.name
    return result


def _parse_any(value: object, *, partial: Partial, era: str | None, serials: bool) -> dt.date:
    if isinstance(value, dt.date | dt.datetime) or hasattr(value, "to_pydatetime"):
        return _as_date(value)
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        if not serials:
            raise _fail(
                f"数「{value}」を日付として読めません。",
                "serials=True で Excel のシリアル値として読めます。",
            )
        return from_excel_serial(value)
    return parse(str(value), partial=partial, era=era)


def format_series(values: pd.Series, style: Style = "long", *, gannen: bool = True) -> pd.Series:
    """Vectorised :func:`to_wareki` for a datetime Series; missing stays missing.

    >>> format_series(pd.Series(pd.to_datetime(["2023-04-01", None]))).tolist()
    ['令和5年4月1日', nan]
    """
    import pandas as pd

    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    texts = [to_wareki(value, style, gannen=gannen) for value in uniques]
    out = pd.Series([*texts, None], dtype="str").take(codes)
    out.index = values.index
    out.name = values.name
    return out
