"""What one cell's text means: cleaned text, number, missing marker, and why it changed.

The column cleaner calls these once per *distinct* value, so they may be plain Python.

>>> tidy_text(" １２３ ")
('123', ('前後の空白を除去', '全角→半角'))
>>> number("1,234")
(1234, ('桁区切りの除去',))
>>> MISSING["X"]
'秘匿（X）'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable[[str], object])
SHORT = 40  # texts up to this length are cached

STRIP = "前後の空白を除去"
WIDTH = "全角→半角"
BLANK = "空白のみ"
THOUSANDS = "桁区切りの除去"
TRIANGLE = "△・▲を負の数に"
MINUS = "負号の統一"
PERCENT = "「%」を除去（値はパーセントのまま）"
DASH_ZERO = "「-」を 0 として読む"
UNREADABLE = "数値として読めない値"

_DASH, _DOTS, _X, _STAR = "該当数値なし（-）", "数値不詳（…）", "秘匿（X）", "秘匿（*）"
# Missing-value marks of Japanese statistics (after NFKC), and the reason kept in the log.
MISSING = {
    **dict.fromkeys(["-", "‐", "―", "—", "–", "−", "ー", "--"], _DASH),
    **dict.fromkeys(["...", "..", "・・・", "・・"], _DOTS),
    **dict.fromkeys(["X", "x", "×", "XX", "xx"], _X),
    **dict.fromkeys(["*", "**", "***"], _STAR),
}
DASHES = frozenset(mark for mark, reason in MISSING.items() if reason == _DASH)

_NUMBER = re.compile(
    r"^(?P<sign>[+\-−△▲])?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?(?P<pct>\s?%)?$"
)
_LEADING_ZERO = re.compile(r"^0\d")
_CONFUSABLE = {
    "O": "英字の O",
    "o": "英字の o",
    "l": "英字の l",
    "I": "英字の I",
    "S": "英字の S",
    "B": "英字の B",
}
_UNITS = ("人", "世帯", "件", "円", "千円", "歳", "戸", "所", "か所", "箇所", "m", "㎡", "m2")
_TEXT_LIKE_NUMBER = re.compile(r"^[+\-−△▲]?[\d,.\s]*\d[\d,.\sOoIlSB]*$")
_TYPO = re.compile(r"^[+\-−△▲]?[\d,.]*\d[\d,.]*$")


def short_cache(function: F) -> F:
    """Cache a pure function of one text, but only for short texts (values repeat across cells
    and columns; long free texts rarely do and would fill memory).

    >>> short_cache(str.upper)("abc")
    'ABC'
    """
    cached = functools.lru_cache(maxsize=1 << 16)(function)

    @functools.wraps(function)
    def wrapper(text: str) -> object:
        return cached(text) if len(text) <= SHORT else function(text)

    return wrapper  # type: ignore[return-value]


@short_cache
def tidy_text(raw: str) -> tuple[str, tuple[str, ...]]:
    """Trimmed, NFKC-normalised text (full-width tilde kept as 〜), and the reasons.

    >>> tidy_text("０～４歳"), tidy_text("ｶﾞｯｺｳ")
    (('0〜4歳', ('全角→半角',)), ('ガッコウ', ('全角→半角',)))
    """
    if raw.isascii() and not (raw[:1].isspace() or raw[-1:].isspace()):
        return raw, ()
    reasons = []
    text = raw.strip()
    if text != raw:
        reasons.append(STRIP)
    if not text.isascii():
        normal = unicodedata.normalize("NFKC", text.replace("～", "〜")).strip()
        if normal != text:
            reasons.append(WIDTH)
            text = normal
    return text, tuple(reasons)


_SPACE = re.compile(r"\s")


def is_clean_ascii(texts: list[str]) -> bool:
    """Whether every text is ASCII without spaces around it (nothing to clean).

    >>> is_clean_ascii(["A01", "B2"]), is_clean_ascii(["A01", " B2"]), is_clean_ascii(["Ａ"])
    (True, False, False)
    """
    joined = "\x00".join(texts)
    if not joined.isascii() or joined[:1].isspace() or joined[-1:].isspace():
        return False
    if not _SPACE.search(joined):
        return True
    return not any(f"\x00{ws}" in joined or f"{ws}\x00" in joined for ws in " \t\r\n\x0b\x0c")


def tidy_texts(raws: list[str]) -> tuple[list[str], list[tuple[str, ...]]]:
    """:func:`tidy_text` of many values: the texts and, per value, the reasons.

    >>> tidy_texts(["A01", "１"])
    (['A01', '1'], [(), ('全角→半角',)])
    """
    if is_clean_ascii(raws):
        return raws, [()] * len(raws)
    pairs = [tidy_text(raw) for raw in raws]
    return [text for text, _ in pairs], [why for _, why in pairs]


@short_cache
def number(text: str) -> tuple[int | float, tuple[str, ...]] | None:
    """The number written in clean text (thousands separators, △/▲ negatives), or None.

    >>> number("△1,200"), number("12.5"), number("8.8%"), number("0〜4")
    ((-1200, ('桁区切りの除去', '△・▲を負の数に')), (12.5, ()), (8.8, ('「%」を除去（値はパーセントのまま）',)), None)
    """
    match = _NUMBER.match(text)
    if not match:
        return None
    reasons = []
    digits = match["int"]
    if "," in digits:
        reasons.append(THOUSANDS)
        digits = digits.replace(",", "")
    sign = match["sign"] or ""
    if sign in ("△", "▲"):
        reasons.append(TRIANGLE)
    elif sign == "−":
        reasons.append(MINUS)
    if match["pct"]:
        reasons.append(PERCENT)
    negative = sign in ("-", "−", "△", "▲")
    value: int | float = float(digits + match["frac"]) if match["frac"] else int(digits)
    return (-value if negative else value), tuple(reasons)


@short_cache
def has_leading_zero(text: str) -> bool:
    """Whether a number-like text keeps a meaningful leading zero (a code, not a count).

    >>> has_leading_zero("011002"), has_leading_zero("0.5"), has_leading_zero("0")
    (True, False, False)
    """
    return bool(_LEADING_ZERO.match(text))


@short_cache
def looks_like_number(text: str) -> bool:
    """A value meant as a number but mistyped: a letter O for 0, a misplaced ",", a unit.

    >>> looks_like_number("1,2O3"), looks_like_number("12,34"), looks_like_number("120人"), looks_like_number("1-2")
    (True, True, True, False)
    """
    if not _TEXT_LIKE_NUMBER.match(text):
        return any(
            text.endswith(unit) and number(text[: -len(unit)].strip()) is not None
            for unit in _UNITS
        )
    if any(char in _CONFUSABLE for char in text):
        return True
    return bool(_TYPO.match(text)) and "," in text and text.count(".") <= 1


def unreadable_hint(text: str) -> str:
    """Why a value in a number column is not a number, in Japanese (for the error message).

    >>> unreadable_hint("1,2O3")
    '英字の O が含まれています'
    >>> unreadable_hint("120人")
    '単位「人」が付いています'
    """
    for unit in sorted(_UNITS, key=len, reverse=True):
        if text.endswith(unit) and number(text[: -len(unit)].strip()) is not None:
            return f"単位「{unit}」が付いています"
    if _TEXT_LIKE_NUMBER.match(text):
        for char in text:
            if char in _CONFUSABLE:
                return f"{_CONFUSABLE[char]} が含まれています"
        if text.count(".") > 1:
            return "小数点が2つ以上あります"
        if " " in text.strip():
            return "数字の間に空白があります"
        return "桁区切りの「,」の位置が正しくありません"
    odd = next((c for c in text if not (c.isdigit() or c in ",.+-")), text[:1])
    return f"数字以外の文字「{odd}」が含まれています"
