"""Addresses → 町丁目 names: drop the prefecture, the city and the 番地・号 after the town.

A full address identifies a household; the 町丁目 alone is a usual level of coarsening
(一般化) for 仮名加工情報 and 行政機関等匿名加工情報 used in district-level analysis.

>>> address_to_town(pd.Series(["七瀬市中央一丁目3番12号", "七瀬市中央１丁目３－１２"])).tolist()
['中央一丁目', '中央一丁目']
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from kit.errors import InputError
from kit.privacy._checks import index_note, require_series

_KANJI_DIGITS = "〇一二三四五六七八九"
_KANJI_NUMERAL = "〇一二三四五六七八九十百千"
_DASHES = re.compile(r"[‐‑‒–—―−ｰ－]|(?<=\d)ー(?=\d)")
_PREFECTURE = re.compile(r"^(?:東京都|北海道|京都府|大阪府|[^\d]{2,3}?県)")
_CITY = re.compile(r"^(?:[^\d]+?郡[^\d]+?[町村]|[^\d]+?市(?:[^\d]+?区)?|[^\d]+?区)")
_CHOME = re.compile(rf"^(?P<town>.+?)(?P<num>\d+|[{_KANJI_NUMERAL}]+)丁目")
_THREE_NUMBERS = re.compile(r"^(?P<town>\D+?)(?P<num>\d+)-\d+-\d+")
_FIRST_DIGIT = re.compile(r"^(?P<town>\D+?)\d")
_KANJI_BANCHI = re.compile(rf"^(?P<town>.+?)[{_KANJI_NUMERAL}]+番")
_TRAILING = re.compile(r"(?:字|番地|番|の|-)+$")
_TOWN_HEAD = re.compile(r"\D*")


def address_to_town(addresses: pd.Series, city: str | None = None) -> pd.Series:
    """The 町丁目 part of each address: 「七瀬市中央一丁目3番12号」 → 「中央一丁目」.

    Full-width characters are normalised (NFKC) and 丁目 numbers are written in Kanji
    (「中央1丁目」 → 「中央一丁目」). 「中央1-3-12」 (three numbers) is read as 1丁目3番12号;
    with one or two numbers (「北町123-4」) the numbers are 番地 and are dropped.
    Give ``city`` (e.g. "七瀬市") to remove everything up to that name; without it (or when an
    address lacks it) a leading prefecture and a name ending in 市 / 区 / 郡…町村 are removed,
    which can misfire on town names containing those characters. Missing addresses stay missing.

    >>> address_to_town(pd.Series(["埼玉県七瀬市北町123番地の4", "七瀬市大字七瀬字下川原45"]), city="七瀬市").tolist()
    ['北町', '大字七瀬字下川原']
    """
    require_series(addresses, "住所")
    codes, uniques = pd.factorize(addresses, use_na_sentinel=True)
    towns = np.empty(len(uniques), dtype=object)
    for code, value in enumerate(uniques):
        towns[code] = _town(str(value), city)
        if not towns[code]:
            position = int(np.flatnonzero(codes == code)[0])
            raise InputError(
                f"住所「{value}」から町丁目を取り出せませんでした{index_note(addresses, position)}。",
                row=position + 1,
                column=addresses.name,
                action="市区町村名の後に町名が書かれているか確認してください。",
            )
    out = np.full(len(addresses), None, dtype=object)
    present = codes >= 0
    out[present] = towns[codes[present]]
    return pd.Series(out, index=addresses.index, name=addresses.name, dtype="str")


def kanji_number(number: int) -> str:
    """An integer 0–99 in Kanji numerals, as in 町丁目 names.

    >>> kanji_number(12), kanji_number(20), kanji_number(3)
    ('十二', '二十', '三')
    """
    if not 0 <= number <= 99:
        raise InputError(f"丁目の番号 {number} は 0〜99 の範囲にありません。")
    tens, ones = divmod(number, 10)
    if tens == 0:
        return _KANJI_DIGITS[ones]
    head = "" if tens == 1 else _KANJI_DIGITS[tens]
    return head + "十" + ("" if ones == 0 else _KANJI_DIGITS[ones])


def _town(address: str, city: str | None) -> str:
    text = unicodedata.normalize("NFKC", address)
    text = re.sub(r"\s+", "", _DASHES.sub("-", text))
    text = _strip_city(text, city)
    if match := _CHOME.match(text):
        return match["town"] + _chome_number(match["num"]) + "丁目"
    if match := _THREE_NUMBERS.match(text):
        return match["town"] + kanji_number(int(match["num"])) + "丁目"
    if match := _FIRST_DIGIT.match(text):
        return _TRAILING.sub("", match["town"])
    if match := _KANJI_BANCHI.match(text):
        return _TRAILING.sub("", match["town"])
    return "" if text[:1].isdigit() else text


def _strip_city(text: str, city: str | None) -> str:
    if city is not None:
        city = re.sub(r"\s+", "", unicodedata.normalize("NFKC", city))
        at = text.find(city)
        if at >= 0:
            return text[at + len(city) :]
    text = _PREFECTURE.sub("", text, count=1)
    match = _CITY.match(text)
    if match and len(_TOWN_HEAD.match(text[match.end() :])[0]) >= 2:
        return text[match.end() :]
    return text


def _chome_number(num: str) -> str:
    if num.isdigit():
        return kanji_number(int(num))
    return num
