"""Header aliases: the old (推奨データセット) and current 自治体標準オープンデータセット names,
and their common variants, mapped to one canonical set (the current standard's exact names).

>>> import pandas as pd
>>> old = pd.DataFrame(columns=["都道府県コード又は市区町村コード", "NO", "都道府県名", "市区町村名", "名称", "住所", "方書"])
>>> canonical_columns(old).columns.tolist()
['全国地方公共団体コード', 'ID', '地方公共団体名', '名称', '所在地_連結表記', '建物名等(方書)']
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from kit.readers._headers import clean_label

OLD_MARKER = "都道府県コード又は市区町村コード"
CODE = "全国地方公共団体コード"
ENTITY = "地方公共団体名"
OLD_PREFECTURE, OLD_CITY = "都道府県名", "市区町村名"

_BANDS = [f"{a}-{a + 4}歳" for a in range(0, 85, 5)] + ["85歳以上"]
CURRENT = (
    # common block
    [CODE, "ID", ENTITY, "名称", "名称_カナ", "名称_英語", "名称_英字", "所在地_全国地方公共団体コード",
     "町字ID", "所在地_連結表記", "所在地_都道府県", "所在地_市区町村", "所在地_町字", "所在地_番地以下",
     "建物名等(方書)", "緯度", "経度"]
    # contact block
    + ["電話番号", "内線番号", "連絡先メールアドレス", "連絡先FormURL", "連絡先備考（その他、SNSなど）",
       "郵便番号", "法人番号", "団体名", "FAX番号"]
    # 地域・年齢別人口
    + ["地域コード", "調査年月日", "地域名", "総人口", "男性", "女性", "世帯数", "備考"]
    + [f"{band}の{sex}" for band in _BANDS for sex in ("男性", "女性")]
    # 指定緊急避難場所
    + ["標高", "災害種別_洪水", "災害種別_崖崩れ、土石流及び地滑り", "災害種別_高潮", "災害種別_地震",
       "災害種別_津波", "災害種別_大規模な火事", "災害種別_内水氾濫", "災害種別_火山現象", "指定避難所との重複",
       "想定収容人数", "対象となる町会・自治会", "URL", "画像", "画像_ライセンス"]
    # 子育て施設, 公共施設, 介護サービス事業所
    + ["種別", "アクセス方法", "駐車場情報", "認可等年月日", "収容定員", "受入年齢", "利用可能曜日", "開始時間",
       "終了時間", "利用可能日時特記事項", "一時預かりの有無", "名称_通称", "POIコード", "利用可能時間特記事項",
       "説明", "バリアフリー情報", "実施サービス", "事業所番号", "利用可能曜日特記事項", "定員", "法人の名称"]
)  # fmt: skip

# Always safe: names only the old standard used.
ALIASES = {
    OLD_MARKER: CODE,
    "介護サービス事業所名称": "名称",
    "介護サービス事業所名称_カナ": "名称_カナ",
}
# Generic words renamed only in a file that also has the old standard's first column.
OLD_ONLY_ALIASES = {
    "NO": "ID",
    "No": "ID",
    "No.": "ID",
    "住所": "所在地_連結表記",
    "方書": "建物名等(方書)",
}
_RANGE = re.compile(r"(?<=\d)\s*[〜~ー−–—‐-]\s*(?=\d)")


def key(name: str) -> str:
    """Comparison key of a column name: cleaned, no spaces, ASCII brackets, ``-`` in age ranges.

    >>> key("０～４歳の男性") == key("0-4歳の男性")
    True
    """
    text = clean_label(str(name))
    text = unicodedata.normalize("NFKC", text).replace(" ", "")
    return _RANGE.sub("-", text)


_CANONICAL = {key(name): name for name in CURRENT}
_ALIAS_KEYS = {key(old): new for old, new in ALIASES.items()}
_OLD_ONLY_KEYS = {key(old): new for old, new in OLD_ONLY_ALIASES.items()}


def rename_map(columns: list[str]) -> dict[str, str]:
    """Old or variant name → canonical name, for the columns that need renaming.

    >>> rename_map(["ＩＤ", "名称（必須）", "住所"])
    {'ＩＤ': 'ID', '名称（必須）': '名称'}
    """
    keys = [key(column) for column in columns]
    old_generation = is_old_generation(columns)
    mapping = {}
    for column, k in zip(columns, keys, strict=True):
        new = _CANONICAL.get(k) or _ALIAS_KEYS.get(k)
        if new is None and old_generation:
            new = _OLD_ONLY_KEYS.get(k)
        if new is not None and new != column:
            mapping[column] = new
    return mapping


def entity_name(prefecture: pd.Series, city: pd.Series) -> pd.Series:
    """地方公共団体名 from the old standard's 都道府県名 and 市区町村名 (city alone if it already
    starts with the prefecture; prefecture alone for a prefecture's own row).

    >>> entity_name(pd.Series(["東京都", "東京都"]), pd.Series(["千代田区", None])).tolist()
    ['東京都千代田区', '東京都']
    """
    pref = prefecture.astype("str").fillna("")
    town = city.astype("str").fillna("")
    starts = [bool(p) and t.startswith(p) for p, t in zip(pref, town, strict=True)]
    already = pd.Series(starts, index=pref.index)
    joined = (pref + town).where(~already, town)
    return joined.mask(joined == "").astype("str")


def canonical_columns(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with old (推奨) and variant headers renamed to the current standard's
    names; the old 都道府県名 + 市区町村名 pair becomes one 地方公共団体名 column.

    Names that match no standard column are left as they are.

    >>> canonical_columns(pd.DataFrame(columns=["名称_ｶﾅ", "緯度（必須）", "人口"])).columns.tolist()
    ['名称_カナ', '緯度', '人口']
    """
    columns = [str(c) for c in df.columns]
    out = df.rename(columns=rename_map(columns))
    return merge_entity(out) if is_old_generation(columns) else out


def is_old_generation(columns: list[str]) -> bool:
    """Whether the header is the old 推奨データセット one (its first column's name is there).

    >>> is_old_generation(["都道府県コード又は市区町村コード", "NO"])
    True
    """
    return key(OLD_MARKER) in {key(column) for column in columns}


def merge_entity(df: pd.DataFrame) -> pd.DataFrame:
    """Replace 都道府県名 + 市区町村名 by 地方公共団体名 at the position of 都道府県名.

    >>> merge_entity(pd.DataFrame({"都道府県名": ["みどり県"], "市区町村名": ["七瀬市"], "人口": [1]})).to_dict("records")
    [{'地方公共団体名': 'みどり県七瀬市', '人口': 1}]
    """
    if not {OLD_PREFECTURE, OLD_CITY} <= set(df.columns) or ENTITY in df.columns:
        return df
    position = list(df.columns).index(OLD_PREFECTURE)
    merged = entity_name(df[OLD_PREFECTURE], df[OLD_CITY])
    out = df.drop(columns=[OLD_PREFECTURE, OLD_CITY])
    out.insert(position, ENTITY, merged)
    return out
