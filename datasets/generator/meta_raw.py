"""Datapackage entries for the messy "as exported" files, each pointing at its tidy equivalent.

``kit.tidy`` names the tidy resource, ``kit.rows`` the rows of it that the file holds, and
``kit.quirks`` lists what makes the file hard to read (for the readers' tests and for trainers).

>>> all(r["kit"]["role"] == "messy" for r in raw_resources())
True
"""

from __future__ import annotations

from .meta_common import resource


def _raw(name, path, title, description, encoding, fmt, tidy, rows, quirks) -> dict:
    kit = {"role": "messy", "tidy": tidy, "rows": rows, "quirks": quirks}
    res = resource(name, path, title, description, None, fmt=fmt, encoding=encoding, kit=kit)
    if fmt == "xlsx":
        del res["encoding"]
        res["mediatype"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return res


def raw_resources() -> list[dict]:
    """Entries for the files under raw/.

    >>> raw_resources()[0]["kit"]["tidy"]
    'population'
    """
    r8 = {"調査年月日": "2026-04-01"}
    return [
        _raw("raw_population_csv", "raw/人口_町丁目別_令和8年4月.csv", "町丁目別人口（市民課から届いたCSV）",
             "住民基本台帳システムから書き出された町丁目別・年齢別人口表（令和8年4月1日現在）。"
             "見出しが2行に分かれ、地区ごとの小計と合計の行が入っています。", "cp932", "csv",
             "population", r8,
             ["CP932", "CRLF", "タイトル行", "和暦の基準日（全角数字）", "2行の結合見出し（計・男・女）",
              "全角数字の年齢階級", "小計・合計の行", "桁区切りのカンマ", "0 を - と表記"]),
        _raw("raw_population_xlsx", "raw/人口_町丁目別_令和8年4月.xlsx", "町丁目別人口（Excel版）",
             "上の表をExcelで保存したもの。見出しはセルの結合で作られ、町丁目コードは数値として入力されています。",
             "", "xlsx", "population", r8,
             ["Excel", "タイトル行", "和暦の基準日", "結合セルの見出し", "小計・合計の行",
              "町丁目コードの先頭の0が消えている", "表の下の注記"]),
        _raw("raw_population_h31", "raw/992011_population_20190401.csv", "地域・年齢別人口（旧形式・平成31年）",
             "平成31年4月1日現在の地域・年齢別人口を、以前の「推奨データセット」の項目名で公開したもの。",
             "utf-8-sig", "csv", "population", {"調査年月日": "2019-04-01"},
             ["旧（推奨データセット）の項目名", "和暦の調査年月日", "検査数字の抜けた団体コード",
              "全角数字の団体コード", "地域コードの先頭の0が消えている", "当時の町丁目名"]),
        _raw("raw_preschools_old", "raw/992011_preschool.csv", "子育て施設一覧（旧形式）",
             "子育て施設一覧を、以前の「推奨データセット」の項目名で書き出したもの。", "cp932", "csv",
             "preschools", {},
             ["CP932", "CRLF", "旧（推奨データセット）の項目名", "半角カタカナ", "和暦の認可等年月日",
              "検査数字の抜けた団体コード"]),
        _raw("raw_vital_statistics", "raw/人口動態_地区別_令和7年度.csv", "地区別人口動態（令和7年度）",
             "令和7年度の地区別人口動態の集計表。", "cp932", "csv", "vital_statistics", {"年度": 2025},
             ["CP932", "CRLF", "タイトル行", "和暦の期間", "3行の結合見出し", "合計の行", "桁区切りのカンマ",
              "0 を - と表記", "減少を △ で表記（増減の列）"]),
        _raw("raw_care_certification", "raw/要介護認定者数_地区別_令和8年4月.csv", "要介護認定者数（公表用）",
             "公表用に作られた要介護（要支援）認定者数の表。人数の少ない区分は X で秘匿されています。",
             "utf-8-sig", "csv", "care_certification", {"基準日": "2026-04-01"},
             ["タイトル行", "和暦の基準日", "小計・合計の行", "X による秘匿（一次・二次）", "桁区切りのカンマ",
              "0 を - と表記", "表の下の注記"]),
        _raw("raw_health_checkups", "raw/特定健診_受診状況_令和6年度.csv", "特定健診の受診状況（令和6年度）",
             "令和6年度の特定健診の受診状況表。人数の少ない区分は * で秘匿されています。", "utf-8", "csv",
             "health_checkups", {"年度": 2024},
             ["タイトル行", "上の行と同じ見出しは空欄", "一部の数字が全角", "* による秘匿", "受診率の列（%付き）",
              "0 を - と表記"]),
    ]  # fmt: skip
