"""Datapackage entries for facility resources: preschools, nursery places, shelters, public
buildings (Japanese descriptions).

>>> [r["name"] for r in service_resources()]
['preschools', 'nursery_waiting', 'evacuation_spaces', 'public_facilities', 'facility_usage']
"""

from __future__ import annotations

from .meta_common import (
    CITY_CODE_PATTERN,
    TOWN_CODE,
    code_field,
    count,
    district_fields,
    field,
    latlon_fields,
    resource,
    text,
)  # fmt: skip
from .shelters import HAZARDS
from .standard import CONTACT_COLUMNS


def _common(kana_english: str) -> list[dict]:
    """The standard's common block, from 全国地方公共団体コード to 経度."""
    return [
        code_field(
            "全国地方公共団体コード", "市区町村コード（6桁、検査数字つき）", CITY_CODE_PATTERN
        ),
        code_field("ID", "市が付けた施設の番号（3桁）", r"^\d{3}$"),
        text("地方公共団体名", "市区町村名", required=True),
        text("名称", "施設の名前", required=True),
        text("名称_カナ", "施設の名前のカタカナ読み"),
        text(kana_english, "施設の名前の英字表記（この市では未記入）"),
        code_field("所在地_全国地方公共団体コード", "所在地の市区町村コード", CITY_CODE_PATTERN),
        code_field(
            "町字ID",
            "所在地の町丁目コード（町字ID 形式の7桁。towns の町丁目コードと同じ）",
            TOWN_CODE,
        ),
        text("所在地_連結表記", "所在地（都道府県から番地・号まで）", required=True),
        text("所在地_都道府県", "所在地の都道府県名"),
        text("所在地_市区町村", "所在地の市区町村名"),
        text("所在地_町字", "所在地の町丁目名"),
        text("所在地_番地以下", "所在地の番地・号"),
        text("建物名等(方書)", "建物名など"),
        *latlon_fields(),
    ]


def _contact() -> list[dict]:
    return [text(c, f"{c}（この演習データでは空欄）") for c in CONTACT_COLUMNS]


def _preschools() -> list[dict]:
    return [
        code_field("全国地方公共団体コード", "市区町村コード（6桁、検査数字つき）", CITY_CODE_PATTERN),
        code_field("ID", "市が付けた施設の番号（3桁）", r"^\d{3}$"),
        text("地方公共団体名", "市区町村名", required=True),
        text("種別", "施設の種類", required=True,
             enum=["認可保育所", "認定こども園", "小規模保育事業", "幼稚園"]),
        *_common("名称_英字")[3:],
        *_contact(),
        text("団体名", "設置・運営する団体"),
        field("認可等年月日", "date", "認可・開設の日", required=True),
        count("収容定員", "定員の合計"),
        text("受入年齢", "受け入れる子どもの年齢"),
        text("利用可能曜日", "開所している曜日"),
        text("開始時間", "開所時刻（hh:mm）"),
        text("終了時間", "閉所時刻（hh:mm）"),
        text("利用可能日時特記事項", "開所日時についての補足"),
        text("一時預かりの有無", "一時預かりを行っているか（有／無）"),
        text("URL", "施設の案内ページ（架空）"),
        text("備考", "備考"),
        text("設置主体", "公立／私立（この演習キットでの追加列）", enum=["公立", "私立"]),
        *[count(f"定員_{a}歳", f"{a}歳児の定員（この演習キットでの追加列）") for a in range(6)],
    ]  # fmt: skip


def _waiting() -> list[dict]:
    return [
        field("基準日", "date", "集計の基準日（毎年4月1日）", required=True),
        field("年度", "integer", "基準日が属する年度の西暦年", "年", required=True),
        *district_fields(),
        text("年齢区分", "子どもの年齢（4月1日時点）の区分", required=True, enum=["0歳", "1・2歳", "3歳以上"]),
        count("利用定員", "その日に開所していた保育所等（幼稚園を除く）の定員の合計"),
        count("申込児童数", "保育所等の利用を申し込んだ子どもの数"),
        count("利用児童数", "保育所等を利用できた子どもの数"),
        count("入所保留児童数", "申し込んだが利用できなかった子どもの数"),
        count("待機児童数", "入所保留児童のうち、国の定義で待機児童に数える子どもの数"),
    ]  # fmt: skip


def _shelters() -> list[dict]:
    flags = [field(h, "integer", f"{h.removeprefix('災害種別_')}のときに使える避難場所か（1=指定あり、0=指定なし）",
                   required=True, enum=[0, 1]) for h in HAZARDS]  # fmt: skip
    return [
        *_common("名称_英字"),
        field("標高", "number", "地面の高さ（標高）", "m"),
        *_contact(),
        text("団体名", "管理する団体"),
        *flags,
        field("指定避難所との重複", "integer", "指定避難所（建物）も兼ねるか（1=兼ねる、0=兼ねない）",
              required=True, enum=[0, 1]),
        count("想定収容人数", "受け入れを想定している人数"),
        text("対象となる町会・自治会", "主に対象とする自治会（; 区切り）"),
        text("URL", "案内ページ（架空）"),
        text("画像", "画像のファイル名（なし）"),
        text("画像_ライセンス", "画像のライセンス（なし）"),
        text("備考", "備考"),
    ]  # fmt: skip


def _public_facilities() -> list[dict]:
    return [
        code_field("施設ID", "施設の番号", r"^F\d{3}$"),
        text("施設名", "施設の名前", required=True),
        text("種別", "施設の種類", required=True),
        text("地区", "施設がある地区の名前", required=True),
        text("町丁目", "施設がある町丁目の名前", required=True),
        field("建築年", "year", "建てられた年（西暦）", "年", required=True),
        field("延床面積", "number", "延べ床面積", "m²", required=True, minimum=0),
        count("年間利用者数", "令和7年度（2025年度）の利用者数（延べ人数）"),
        field("年間維持管理費", "integer", "令和7年度（2025年度）の維持管理費（光熱水費・修繕費・委託費など）",
              "千円", required=True, minimum=0),
        *latlon_fields(),
    ]  # fmt: skip


def _usage() -> list[dict]:
    return [
        code_field("施設ID", "施設の番号（public_facilities と同じ）", r"^F\d{3}$"),
        text("施設名", "施設の名前", required=True),
        field("年度", "integer", "年度の西暦年", "年", required=True),
        count("年間利用者数", "その年度の利用者数（延べ人数）"),
        field(
            "年間維持管理費", "integer", "その年度の維持管理費", "千円", required=True, minimum=0
        ),
    ]


def service_resources() -> list[dict]:
    """Entries for preschools, nursery places, shelters and public buildings.

    >>> service_resources()[0]["schema"]["primaryKey"]
    ['ID']
    """
    return [
        resource("preschools", "city/preschools.csv", "子育て施設一覧",
                 "保育所・認定こども園・小規模保育事業・幼稚園の一覧。自治体標準オープンデータセット"
                 "「子育て施設一覧」の項目に、設置主体と年齢別の定員を加えています。", _preschools(),
                 primary_key=["ID"]),
        resource("nursery_waiting", "city/nursery_waiting.csv", "保育所等の利用申込と待機児童（地区別）",
                 "毎年4月1日の、地区別・年齢区分別の保育所等の定員・申込・利用・待機児童の数。",
                 _waiting(), primary_key=["基準日", "地区コード", "年齢区分"]),
        resource("evacuation_spaces", "city/evacuation_spaces.csv", "指定緊急避難場所一覧",
                 "災害の種類ごとに使える避難場所の一覧（自治体標準オープンデータセット「指定緊急避難場所一覧」の"
                 "項目。災害種別の列は、指定なしを空欄ではなく 0 としています）。", _shelters(),
                 primary_key=["ID"]),
        resource("public_facilities", "city/public_facilities.csv", "公共施設台帳",
                 "市の公共施設の一覧（建築年、延床面積、年間利用者数、年間維持管理費、位置）。",
                 _public_facilities(), primary_key=["施設ID"]),
        resource("facility_usage", "city/facility_usage.csv", "公共施設の利用者数と維持管理費（年度別）",
                 "公共施設ごと・年度ごとの利用者数と維持管理費（平成29年度〜令和7年度）。",
                 _usage(), primary_key=["施設ID", "年度"]),
    ]  # fmt: skip
