"""Each messy "as exported" file holds exactly the data of its tidy counterpart.

The files are read here with plain pandas/openpyxl and a few lines of cleaning, independently of
kit.readers, so that these tests pin down the files themselves.
"""

from __future__ import annotations

import csv
import io
import unicodedata

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook
from test_datasets_support import band_columns, load

import kit


def number(value) -> int:
    """A printed count back to an int: NFKC, no separators, '-' is zero, '△' is minus."""
    text = unicodedata.normalize("NFKC", str(value)).replace(",", "").strip()
    if text in ("-", ""):
        return 0
    return -int(text[1:]) if text.startswith("△") else int(text)


def wareki(text: str) -> pd.Timestamp:
    """'平成31年4月1日' / '令和元年…' / '昭和50年…' to a date (enough for these files)."""
    text = unicodedata.normalize("NFKC", text).replace("元年", "1年")
    era, rest = text[:2], text[2:]
    year, rest = rest.split("年")
    month, day = rest.rstrip("日現在").split("月")
    base = {"令和": 2018, "平成": 1988, "昭和": 1925}[era]
    return pd.Timestamp(base + int(year), int(month), int(day))


def ragged(name: str, encoding: str) -> pd.DataFrame:
    """A CSV whose rows have different lengths (title rows…), as a table of strings."""
    text = kit.data.path(name).read_bytes().decode(encoding)
    rows = list(csv.reader(io.StringIO(text)))
    width = max(len(r) for r in rows)
    return pd.DataFrame([r + [""] * (width - len(r)) for r in rows])


def _tidy_population(day: str) -> pd.DataFrame:
    pop = load("population")
    return pop[pop["調査年月日"] == day].set_index("地域コード")


def _wide_rows(rows: list[list], pop: pd.DataFrame) -> pd.DataFrame:
    """Body rows of the published wide table → the tidy column names (by sex only)."""
    out = []
    for row in rows:
        values = [number(v) for v in row[3:]]
        record = {
            "地域コード": str(row[1]).zfill(7),
            "総人口": values[0],
            "男性": values[1],
            "女性": values[2],
        }
        for i, column in enumerate(band_columns(pop)):
            band, sex = divmod(i, 2)
            record[column] = values[3 + band * 3 + 1 + sex]
            assert values[3 + band * 3] == values[3 + band * 3 + 1] + values[3 + band * 3 + 2]
        record["世帯数"] = values[-1]
        out.append(record)
    return pd.DataFrame(out).set_index("地域コード")


def _compare_population(parsed: pd.DataFrame, day: str) -> None:
    tidy = _tidy_population(day)
    columns = ["総人口", "男性", "女性", *band_columns(tidy), "世帯数"]
    pd.testing.assert_frame_equal(
        parsed[columns].sort_index(), tidy[columns].astype(int).sort_index(), check_dtype=False
    )


def test_raw_population_csv_equals_the_tidy_table():
    lines = ragged("raw_population_csv", "cp932")
    assert lines.iloc[1, 0] == "令和８年４月１日現在"
    body = lines.iloc[5:]
    towns = body[~body[2].str.contains("小計") & (body[0] != "合計")]
    parsed = _wide_rows(towns.to_numpy().tolist(), _tidy_population("2026-04-01"))
    _compare_population(parsed, "2026-04-01")
    total = body[body[0] == "合計"].iloc[0]
    assert number(total[3]) == parsed["総人口"].sum()
    subtotals = body[body[2].str.contains("小計")]
    assert len(subtotals) == 8 and sum(number(v) for v in subtotals[3]) == parsed["総人口"].sum()


def test_raw_population_xlsx_equals_the_tidy_table():
    wb = load_workbook(kit.data.path("raw_population_xlsx"))
    ws = wb.active
    assert ws["A2"].value == "令和8年4月1日現在"
    assert any(str(r) == "D4:F4" for r in ws.merged_cells.ranges)
    rows = [list(r) for r in ws.iter_rows(min_row=6, values_only=True)]
    towns = [r for r in rows if r[1] is not None]
    assert all(isinstance(r[1], int) for r in towns)  # codes typed as numbers
    parsed = _wide_rows(towns, _tidy_population("2026-04-01"))
    _compare_population(parsed, "2026-04-01")


def test_raw_old_standard_population_equals_the_tidy_table():
    raw = pd.read_csv(kit.data.path("raw_population_h31"), encoding="utf-8-sig", dtype=str)
    assert raw.columns[0] == "都道府県コード又は市区町村コード"
    codes = raw["都道府県コード又は市区町村コード"].map(lambda c: unicodedata.normalize("NFKC", c))
    assert set(codes) == {"992011", "99201"}  # some lost their check digit
    assert (raw["調査年月日"].map(wareki) == pd.Timestamp("2019-04-01")).all()
    tidy = _tidy_population("2019-04-01")
    raw.index = raw["地域コード"].str.zfill(7)
    assert (raw["地域コード"].str.len() < 7).all()  # leading zeros lost
    columns = ["総人口", "男性", "女性", *band_columns(tidy), "世帯数"]
    pd.testing.assert_frame_equal(
        raw[columns].astype(int).sort_index(), tidy[columns].astype(int).sort_index(),
        check_dtype=False, check_names=False,
    )  # fmt: skip
    assert (raw["地域名"].sort_index() == tidy["地域名"].sort_index()).all()
    assert "緑ヶ丘一丁目" in set(raw["地域名"])  # the old spelling of that year


def test_raw_old_preschool_list_equals_the_tidy_table():
    raw = pd.read_csv(
        kit.data.path("raw_preschools_old"), encoding="cp932", dtype=str, keep_default_na=False
    )
    tidy = load("preschools")
    assert len(raw) == len(tidy)
    assert (raw["名称"] == tidy["名称"]).all()
    assert (
        raw["名称_カナ"].map(lambda k: unicodedata.normalize("NFKC", k)) == tidy["名称_カナ"]
    ).all()
    assert raw["名称_カナ"].str.contains("[ｱ-ﾝ]").all()  # half-width kana
    assert (raw["認可等年月日"].map(wareki) == tidy["認可等年月日"]).all()
    assert (raw["収容定員"].astype(int) == tidy["収容定員"]).all()
    assert (raw["住所"] == tidy["所在地_連結表記"]).all()
    assert np.allclose(raw["緯度"].astype(float), tidy["緯度"])


def test_raw_vital_statistics_equal_the_tidy_table():
    raw = ragged("raw_vital_statistics", "cp932")
    tidy = load("vital_statistics")
    tidy = tidy[tidy["年度"] == 2025].set_index("地区名")
    body = raw.iloc[5:].set_index(0)
    for name, row in body.drop(index="合計").iterrows():
        values = [number(v) for v in row]
        expected = tidy.loc[name]
        assert values[0] == expected["期首人口"] and values[-1] == expected["期末人口"]
        assert values[1:4] == [
            expected["出生"],
            expected["死亡"],
            expected["出生"] - expected["死亡"],
        ]
        assert values[4] == expected["転入"] and values[10] == expected["転出"]
        assert values[16] == expected["転入"] - expected["転出"]
    assert number(body.loc["合計", 1]) == tidy["期首人口"].sum()
    assert "△" in raw.to_string()


def test_raw_care_table_equals_the_tidy_table_where_shown():
    raw = ragged("raw_care_certification", "utf-8-sig").iloc[3:]
    care = load("care_certification")
    tidy = care[care["基準日"] == "2026-04-01"].set_index(["地区名", "年齢階級"])
    levels = ["要支援1", "要支援2", "要介護1", "要介護2", "要介護3", "要介護4", "要介護5"]
    body = raw[raw[1].str.endswith("歳") | raw[1].str.endswith("以上")]
    hidden = 0
    for _, row in body.iterrows():
        expected = tidy.loc[(row[0], row[1])]
        assert (
            number(row[2]) == expected["第1号被保険者数"]
            and number(row[10]) == expected["認定者数"]
        )
        for i, level in enumerate(levels, start=3):
            if row[i] == "X":
                hidden += 1
            else:
                assert number(row[i]) == expected[level]
        assert (row[3:10] == "X").sum() != 1  # never a lone hidden cell in a row
    assert hidden > 0
    for _, block in body.groupby(0):
        assert ((block[list(range(3, 10))] == "X").sum() != 1).all()  # nor in a column
    small = tidy[levels].isin([1, 2]).to_numpy().sum()
    assert hidden >= small


@pytest.mark.parametrize("year", [2024])
def test_raw_health_table_equals_the_tidy_table_where_shown(year):
    table = ragged("raw_health_checkups", "utf-8")
    raw = table.iloc[2:].set_axis(table.iloc[1].tolist(), axis=1)
    raw = raw[raw["年齢階級"] != ""].copy()
    raw[["地区", "性別"]] = raw[["地区", "性別"]].replace("", np.nan).ffill()
    raw["年齢階級"] = raw["年齢階級"].str.replace("〜", "-")
    health = load("health_checkups")
    tidy = health[health["年度"] == year].set_index(["地区名", "性別", "年齢階級"])
    assert len(raw) == len(tidy)
    shown = raw[raw["受診者数"] != "*"]
    assert len(shown) < len(raw)  # some cells are suppressed
    assert raw["対象者数"].str.contains("[０-９]").any()  # full-width digits
    for _, row in shown.iterrows():
        expected = tidy.loc[(row["地区"], row["性別"], row["年齢階級"])]
        assert number(row["対象者数"]) == expected["対象者数"]
        assert number(row["受診者数"]) == expected["受診者数"]
