"""``datasets/README.md``: the Japanese data dictionary, written from the datapackage itself so
that the dictionary and the schema can never disagree.

>>> text = readme_text({"resources": []})
>>> text.splitlines()[0]
'# 七瀬市（架空）の演習用データ'
"""

from __future__ import annotations

from .register import ELIGIBLE_BANDS

_TYPES = {"string": "文字列", "integer": "整数", "number": "数値", "boolean": "真偽値",
          "date": "日付", "year": "年", "geojson": "図形"}  # fmt: skip

_INTRO = """# 七瀬市（架空）の演習用データ

このフォルダには、データアカデミー演習キットで使う **架空の市「七瀬市」（みどり県）** のデータが
入っています。市も県も人も実在しません。すべて `datasets/generate.py` が、乱数の種を固定した
シミュレーションから作った **合成データ** です。実在の個人の情報は一切含みません。

## データの出どころ（作り方）

- 平成29年（2017年）4月1日の住民を世帯ごとに作り、そこから令和8年（2026年）4月1日まで、
  1年ずつ出生・死亡・転入・転出・離別などを一人ひとりについて進めました。
- 人口表・人口動態・住民基本台帳の抽出・保育の申込・介護認定・健診などは、すべてこの同じ
  シミュレーションから集計しています。そのため、たとえば令和8年4月1日の町丁目別人口は
  住民基本台帳の抽出データを数え直した結果と一致します。
- 死亡率・出生率・移動率などは、日本全体の統計の形を参考にした目安の値です。実在の市の
  統計ではありません。
- 演習用の簡略化: 市内での引っ越し（転居）は起きない設定です。地区ごとに
  「期末人口 = 期首人口 + 出生 − 死亡 + 転入 − 転出」がちょうど成り立ちます。
- 作り直すには `python datasets/generate.py` を実行します（何度実行しても同じファイルができます）。
- ライセンス: [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)。

## 七瀬市のあらまし

- 全国地方公共団体コード: `992011`（県コード 99 は実在しない県です。末尾の 1 は検査数字）
- 人口はおよそ11万人。8つの地区（中学校区）と、44の町丁目に分かれます。
- 市の中央を七瀬川が流れています。西部は山地です。
- 人口などの基準日は毎年4月1日（平成29年〜令和8年）。途中で元号が平成から令和に変わります
  （平成31年4月1日の次は令和2年4月1日）。
- 10年の間に、町丁目の名前・コード・区域が何度か変わっています（`town_changes` を参照）。
- 地図データは世界測地系（JGD2011）の緯度経度（EPSG:6668）です。距離や面積を計算するときは
  平面直角座標系 第IX系（EPSG:6677）に変換してください。

## 読み込み方

```python
import kit

kit.datasets()  # データの一覧
pop = kit.load("population")  # 表（DataFrame）として読み込む
kit.data.fields("population")  # 列の説明（この README と同じ内容）
kit.data.path("raw_population_csv")  # ファイルの場所（自分で読み込む練習に）
```

## 共通の約束

- コードは文字列です。先頭の 0 も意味があります（町丁目コードは7桁、地区コードは2桁）。
- 日付は `YYYY-MM-DD` で書いています。`kit.load` は日付の列を日付型に変換します。
- 整った表（`city/` フォルダ）は UTF-8（BOM付き）の CSV です。Excel でそのまま開けます。
- 町丁目コード・地区コードで、どのデータどうしもつなげられます。施設の一覧では、
  `町字ID` の列が町丁目コードにあたります。
"""

_RAW_INTRO = """## 届いたままのファイル（`raw/` フォルダ）

他の課から届いたファイルや、以前に公開されたファイルを、そのままの形で入れています。
見出しが複数行だったり、合計の行が混ざっていたり、文字コードが違ったりします。
データの整形の練習に使ってください。それぞれ、整った表（`city/` フォルダ）のどれかと
同じ内容です。
"""


def _columns(fields: list[dict]) -> str:
    lines = ["| 列名 | 型 | 単位 | 説明 |", "|---|---|---|---|"]
    for f in fields:
        unit = f.get("unit", "")
        lines.append(
            f"| {f['name']} | {_TYPES.get(f['type'], f['type'])} | {unit} | {f['description']} |"
        )
    return "\n".join(lines)


def _tidy_section(res: dict) -> str:
    parts = [f"### {res['title']}（`{res['name']}`）", "", res["description"], "",
             f"- ファイル: `{res['path']}`（{res['encoding']}）",
             f"- 読み込み: `kit.load(\"{res['name']}\")`"]  # fmt: skip
    if res.get("schema", {}).get("primaryKey"):
        parts.append(f"- 1行を決める列: {'、'.join(res['schema']['primaryKey'])}")
    if res["name"] == "residents":
        parts += ["", _ALLOWANCE_RULE]
    parts += ["", _columns(res["schema"]["fields"]), ""]
    return "\n".join(parts)


_ALLOWANCE_RULE = (
    "この演習での児童扶養手当の支給要件（簡略版）: 世帯類型が「ひとり親と子の世帯」で、"
    "4月1日時点で17歳以下の子（続柄が「子」）がいて、世帯の所得区分が "
    + "・".join(f"「{b}」" for b in ELIGIBLE_BANDS)
    + " のいずれかであること。実際の所得制限は扶養する人数などで変わります。"
    "所得区分は、所得情報利用同意が True の世帯についてだけ、案内などの目的に使えます。"
)


def _raw_section(res: dict, titles: dict[str, str]) -> str:
    kit = res["kit"]
    rows = "、".join(f"{k} = {v}" for k, v in kit.get("rows", {}).items())
    same = f"`{kit['tidy']}`（{titles[kit['tidy']]}）" + (f" の {rows} の行" if rows else "")
    encoding = f"（{res['encoding']}）" if res.get("encoding") else ""
    return "\n".join([
        f"### {res['title']}（`{res['name']}`）", "", res["description"], "",
        f"- ファイル: `{res['path']}`{encoding}",
        f"- 同じ内容の整った表: {same}",
        f"- 読みにくいところ: {'、'.join(kit.get('quirks', []))}", "",
    ])  # fmt: skip


def readme_text(package: dict) -> str:
    """The README in Markdown.

    >>> "## 整った表" in readme_text({"resources": []})
    True
    """
    resources = package["resources"]
    tidy = [r for r in resources if r.get("kit", {}).get("role") != "messy"]
    raw = [r for r in resources if r.get("kit", {}).get("role") == "messy"]
    titles = {r["name"]: r["title"] for r in resources}
    listing = ["## データの一覧", "", "| 名前 | 内容 | ファイル |", "|---|---|---|"]
    listing += [f"| `{r['name']}` | {r['title']} | `{r['path']}` |" for r in resources]
    body = [_INTRO, "\n".join(listing), "", "## 整った表（`city/` フォルダ）", ""]
    body += [_tidy_section(r) for r in tidy]
    body += [_RAW_INTRO] + [_raw_section(r, titles) for r in raw]
    return "\n".join(body).rstrip() + "\n"
