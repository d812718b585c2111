"""Datapackage entries for population, register and boundary resources (Japanese descriptions).

>>> [r["name"] for r in people_resources()][:2]
['population', 'town_changes']
"""

from __future__ import annotations

from .meta_common import (
    CITY_CODE_PATTERN,
    DISTRICT_CODE,
    TOWN_CODE,
    code_field,
    count,
    district_fields,
    field,
    resource,
    text,
    town_fields,
)  # fmt: skip
from .population import band_columns
from .register import HOUSEHOLD_TYPES, INCOME_BANDS
from .simulation import MOVE_AGE_LABELS
from .templates import ROLES


def _population() -> dict:
    bands = [count(c, "{}の人口（{}）".format(*c.split("の"))) for c in band_columns()]
    fields = [
        code_field(
            "全国地方公共団体コード", "市区町村コード（6桁、検査数字つき）", CITY_CODE_PATTERN
        ),
        code_field("地域コード", "その年に使われていた町丁目コード（町字ID 形式の7桁）", TOWN_CODE),
        text("地方公共団体名", "市区町村名", required=True),
        field("調査年月日", "date", "集計の基準日（毎年4月1日）", required=True),
        text("地域名", "その年に使われていた町丁目名", required=True),
        count("総人口", "町丁目の人口（男女計）"),
        count("男性", "男性の人口"),
        count("女性", "女性の人口"),
        *bands,
        count("世帯数", "住民基本台帳上の世帯の数", "世帯"),
        text("備考", "町丁目の名前やコードが変わったときの説明"),
        code_field(
            "地区コード",
            "町丁目が属する地区（中学校区）のコード（この演習キットでの追加列）",
            DISTRICT_CODE,
        ),
        text("地区名", "町丁目が属する地区の名前（この演習キットでの追加列）", required=True),
    ]
    return resource(
        "population", "city/population.csv", "地域・年齢別人口",
        "住民基本台帳による町丁目別・5歳階級別・男女別の人口と世帯数（平成29年〜令和8年の各4月1日）。"
        "自治体標準オープンデータセット「地域・年齢別人口」の項目に、地区コードと地区名を加えています。"
        "町丁目の名前やコードは、その年に使われていたものです（町丁目の変更は town_changes を参照）。",
        fields, primary_key=["調査年月日", "地域コード"],
    )  # fmt: skip


def _town_changes() -> dict:
    fields = [
        field("変更年月日", "date", "変更が効力をもった日", required=True),
        text("変更年月日_和暦", "変更年月日の和暦表記", required=True),
        text("変更の種類", "変更の内容（表記の変更、住居表示の実施、区域の合併）", required=True),
        code_field("旧町丁目コード", "変更前の町丁目コード", TOWN_CODE),
        text("旧町丁目名", "変更前の町丁目名", required=True),
        code_field("新町丁目コード", "変更後の町丁目コード", TOWN_CODE),
        text("新町丁目名", "変更後の町丁目名", required=True),
        code_field("地区コード", "町丁目が属する地区のコード", DISTRICT_CODE),
        text("備考", "変更の説明"),
    ]
    return resource(
        "town_changes", "city/town_changes.csv", "町丁目の変更（新旧対照表）",
        "10年間に行われた町丁目の名前・コード・区域の変更の一覧。年をまたいで人口を比べるときの対応表です。",
        fields, primary_key=["変更年月日", "旧町丁目コード", "新町丁目コード"],
    )  # fmt: skip


def _vital() -> dict:
    moves = [
        count(f"転入_{g}", f"市外から転入した人のうち {g}（異動日の年齢）") for g in MOVE_AGE_LABELS
    ]
    moves += [
        count(f"転出_{g}", f"市外へ転出した人のうち {g}（異動日の年齢）") for g in MOVE_AGE_LABELS
    ]
    fields = [
        field("年度", "integer", "年度（4月1日から翌年3月31日まで）の西暦年", "年", required=True),
        text("年度_和暦", "年度の和暦表記（例: 令和元年度）", required=True),
        field("期間開始日", "date", "集計期間の初日（4月1日）", required=True),
        field("期間終了日", "date", "集計期間の末日（翌年3月31日）", required=True),
        *district_fields(),
        count("期首人口", "期間開始日（4月1日）の人口"),
        count("出生", "期間中の出生数"),
        count("死亡", "期間中の死亡数"),
        count("転入", "期間中に市外から転入した人数"),
        count("転出", "期間中に市外へ転出した人数"),
        *moves,
        count("期末人口", "期間の翌日（次の4月1日）の人口"),
    ]
    return resource(
        "vital_statistics", "city/vital_statistics.csv", "地区別人口動態",
        "地区別・年度別の出生・死亡・転入・転出（転入・転出は年齢階級別の内訳つき）。"
        "期末人口 = 期首人口 + 出生 − 死亡 + 転入 − 転出 が成り立ちます（この市のデータでは、"
        "市内での転居は地区の人口を変えない前提で作られています）。",
        fields, primary_key=["年度", "地区コード"],
    )  # fmt: skip


def _residents() -> dict:
    fields = [
        code_field("住民ID", "住民を区別するための架空の番号（10桁）。実在の番号とは関係ありません。", r"^\d{10}$"),
        code_field("世帯ID", "世帯を区別するための架空の番号（9桁）", r"^\d{9}$"),
        text("続柄", "世帯主との続柄", required=True, enum=list(ROLES)),
        text("性別", "性別", required=True, enum=["男性", "女性"]),
        field("生年月日", "date", "生年月日", required=True),
        *town_fields(),
        text("住所", "住所（町丁目＋番・号、または大字＋番地。架空のもの）", required=True),
        field("住民となった年月日", "date", "この市の住民になった日（出生または転入の日）", required=True),
        field("世帯人員", "integer", "世帯の人数", "人", required=True, minimum=1),
        text("世帯類型", "世帯の家族類型（世帯全員の続柄から判定）", required=True,
             enum=list(HOUSEHOLD_TYPES)),
        text("世帯の所得区分", "世帯の合計所得金額（前年）の区分。税務部門の情報です。", required=True,
             enum=list(INCOME_BANDS)),
        field("所得情報利用同意", "boolean", "所得の情報を福祉の案内に使うことに世帯が同意しているか",
              required=True),
        field("児童手当_受給", "boolean", "世帯が児童手当を受け取っているか", required=True),
        field("児童扶養手当_受給", "boolean", "世帯が児童扶養手当を受け取っているか", required=True),
    ]  # fmt: skip
    return resource(
        "residents", "city/residents.csv.gz", "住民基本台帳（抽出・架空）",
        "令和8年4月1日現在の住民一人1行の台帳抽出データ（すべて架空）。世帯の所得区分と手当の受給状況は"
        "他の部門の情報を結びつけたもので、世帯単位の値を世帯員全員の行に入れています。"
        "個人情報の扱い（仮名加工・k-匿名性）の練習にも使います。",
        fields, primary_key=["住民ID"],
    )  # fmt: skip


def _boundaries() -> list[dict]:
    geometry = field("geometry", "geojson", "区域の形（ポリゴン、JGD2011 緯度経度）")
    area = field("面積_km2", "number", "面積（平面直角座標系 第IX系で計算）", "km²", required=True)
    towns = [*town_fields()[:2], text("町丁目名_カナ", "町丁目名のカタカナ読み"), *town_fields()[2:],
             area, geometry]  # fmt: skip
    districts = [*district_fields(), text("地区名_カナ", "地区名のカタカナ読み"),
                 text("中学校区", "地区に対応する中学校"), area, geometry]  # fmt: skip
    flood = [
        text("浸水深", "想定される浸水の深さの区分", required=True),
        field("浸水深ランク", "integer", "浸水の深さの順位（3が最も深い）", required=True),
        text("河川名", "氾濫を想定した河川"), text("想定", "想定した雨の規模"), area, geometry,
    ]  # fmt: skip
    river = [text("河川名", "河川の名前"),
             field("延長_km_市内", "number", "市内を流れる長さ", "km"),
             field("geometry", "geojson", "河川の中心線（ライン）")]  # fmt: skip
    geo = {"fmt": "geojson", "encoding": "utf-8"}
    return [
        resource("towns", "city/towns.geojson", "町丁目の区域",
                 "令和8年4月1日現在の町丁目の境界（GeoJSON、JGD2011 緯度経度 EPSG:6668）。"
                 "町丁目どうしは隙間も重なりもなく市全体を覆います。", towns, **geo),
        resource("districts", "city/districts.geojson", "地区の区域",
                 "地区（中学校区）の境界。町丁目をまとめたものです。", districts, **geo),
        resource("flood_zone", "city/flood_zone.geojson", "洪水浸水想定区域",
                 "七瀬川が氾濫した場合に浸水が想定される区域（想定最大規模、浸水深の区分別）。",
                 flood, **geo),
        resource("river", "city/river.geojson", "河川（七瀬川）", "七瀬川の中心線。地図の目印用です。",
                 river, **geo),
    ]  # fmt: skip


def people_resources() -> list[dict]:
    """Entries for population, town changes, vital statistics, residents and boundaries.

    >>> len(people_resources())
    8
    """
    return [_population(), _town_changes(), _vital(), _residents(), *_boundaries()]
