"""kit.readers on population tables as municipalities publish them (CSV, Excel, open data)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit.readers import population_long, read

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
PUBLISHED = FIXTURES / "人口_町丁別_令和5年4月.csv"
PUBLISHED_XLSX = FIXTURES / "人口_町丁別_令和5年4月.xlsx"
STANDARD = FIXTURES / "992011_population_20230401.csv"
OLD = FIXTURES / "992011_population_20230401_old.csv"
TOWNS = ["旭丘1丁目", "旭丘2丁目", "緑町", "中央一丁目", "七瀬台", "川端"]
LONG_KEYS = ["地域名", "年齢階級", "下限年齢", "上限年齢", "性別"]


@pytest.fixture(scope="module")
def published():
    return read(PUBLISHED)


def test_published_csv_layout_is_found(published):
    assert published.encoding == "CP932（Shift_JIS）"
    assert published.header_lines == [4, 5]
    assert published.table["町丁名"].tolist() == TOWNS
    assert published.lines.tolist() == [7, 8, 9, 12, 13, 14]
    assert published.as_of == dt.date(2023, 4, 1)
    assert published.notes[0].startswith("七瀬市")
    assert "(東地区)" in published.notes and "(西地区)" in published.notes
    assert published.notes[-2:] == ["注）外国人住民を含む。", "資料：七瀬市 市民課"]


def test_published_csv_merged_header_is_flattened(published):
    columns = published.table.columns.tolist()
    assert columns[:7] == [
        "町丁名",
        "総数",
        "総数_男",
        "総数_女",
        "0〜4歳_総数",
        "0〜4歳_男",
        "0〜4歳_女",
    ]
    assert columns[-3:] == ["85歳以上_総数", "85歳以上_男", "85歳以上_女"]
    assert len(columns) == 1 + 3 + 18 * 3


def test_published_csv_values_are_typed_and_cleaned(published):
    table = published.table
    assert table["町丁名"].dtype == "str"
    assert all(str(table[c].dtype) == "Int64" for c in table.columns[1:])
    chuo = table.set_index("町丁名").loc["中央一丁目"]
    assert chuo["85歳以上_女"] == 1210  # "1,210" in the file
    assert chuo["総数"] == chuo["総数_男"] + chuo["総数_女"]
    midori = table.set_index("町丁名").loc["緑町"]
    assert pd.isna(midori["0〜4歳_総数"]) and pd.isna(midori["0〜4歳_男"])  # "-"
    kawabata = table.set_index("町丁名").loc["川端"]
    assert pd.isna(kawabata["80〜84歳_男"]) and pd.isna(kawabata["80〜84歳_女"])  # "X"
    assert not pd.isna(kawabata["80〜84歳_総数"])


def test_totals_are_kept_apart_with_their_lines(published):
    totals = published.totals
    assert totals.index.tolist() == [10, 15, 16]
    assert totals.index.name == "行"
    assert totals["集計区分"].tolist() == ["小計", "小計", "合計"]
    grand = totals[totals["集計区分"] == "合計"].iloc[0]
    assert grand["総数"] == published.table["総数"].sum()
    assert totals[totals["集計区分"] == "小計"]["総数"].sum() == grand["総数"]


def test_change_log_names_line_column_original_and_reason(published):
    changes = published.changes
    assert changes.columns.tolist() == ["行", "列", "元の値", "新しい値", "理由"]
    row = changes[(changes["行"] == 12) & (changes["列"] == "85歳以上_女")].iloc[0]
    assert (row["元の値"], row["新しい値"], row["理由"]) == ("1,210", "1210", "桁区切りの除去")
    dash = changes[(changes["行"] == 9) & (changes["列"] == "0〜4歳_男")].iloc[0]
    assert (
        dash["元の値"] == "-" and pd.isna(dash["新しい値"]) and dash["理由"] == "該当数値なし（-）"
    )
    secret = changes[(changes["行"] == 14) & (changes["列"] == "80〜84歳_女")].iloc[0]
    assert secret["元の値"] == "X" and secret["理由"] == "秘匿（X）"
    width = changes[(changes["行"] == 7) & (changes["列"] == "町丁名")].iloc[0]
    assert (width["元の値"], width["新しい値"], width["理由"]) == (
        "旭丘１丁目",
        "旭丘1丁目",
        "全角→半角",
    )
    moved = changes[changes["理由"].str.startswith("合計などの行")]
    assert moved["行"].tolist() == [10, 15, 16]
    headings = changes[changes["理由"].str.startswith("表の中の見出し行")]
    assert headings["行"].tolist() == [6, 11]
    assert changes["行"].dropna().is_monotonic_increasing


def test_explain_summarises_in_japanese(published, capsys):
    published.explain()
    out = capsys.readouterr().out
    assert "CP932" in out and "4〜5 行目" in out and "基準日: 2023-04-01" in out
    assert "小計 2 行、合計 1 行" in out
    assert "桁区切りの除去" in out and "秘匿（X） 2 件" in out and "dash_as_zero" in out


def test_repr_is_a_short_japanese_summary(published):
    assert repr(published) == (
        "<ReadResult「人口_町丁別_令和5年4月.csv」: 6 行 × 58 列, 合計などの行 3, "
        f"変更の記録 {len(published.changes)} 件 — .explain() で説明を表示>"
    )


def test_dash_as_zero_reads_dashes_as_zero():
    table = read(PUBLISHED, dash_as_zero=True).table.set_index("町丁名")
    assert table.loc["緑町", "0〜4歳_総数"] == 0
    assert pd.isna(table.loc["川端", "80〜84歳_男"])  # X stays missing


def test_totals_keep_leaves_them_in_the_table():
    result = read(PUBLISHED, totals="keep")
    assert len(result.table) == 9 and len(result.totals) == 3
    assert result.lines.tolist() == [7, 8, 9, 10, 12, 13, 14, 15, 16]


def test_read_table_is_the_data_rows_without_hidden_attributes():
    table = kit.read_table(PUBLISHED)
    assert isinstance(table.index, pd.RangeIndex)
    assert table.attrs == {}
    pd.testing.assert_frame_equal(table, read(PUBLISHED).table)


def test_excel_export_reads_like_the_csv(published):
    result = read(PUBLISHED_XLSX)
    assert result.sheet == "町丁別" and result.header_lines == [4, 5]
    assert result.as_of == dt.date(2023, 4, 1)
    pd.testing.assert_frame_equal(result.table, published.table)
    assert result.totals["集計区分"].tolist() == ["小計", "小計", "合計"]
    assert result.lines.tolist() == [7, 8, 9, 12, 13, 14]


def test_current_and_old_open_data_headers_give_the_same_table():
    current, old = read(STANDARD), read(OLD)
    pd.testing.assert_frame_equal(current.table, old.table)
    assert current.table.columns[:5].tolist() == [
        "全国地方公共団体コード",
        "地域コード",
        "地方公共団体名",
        "調査年月日",
        "地域名",
    ]
    assert current.table["地域コード"].tolist()[:2] == ["001", "002"]
    assert str(current.table["調査年月日"].dtype) == "datetime64[us]"
    renamed = old.changes[old.changes["理由"].str.contains("標準の列名")]
    assert {"全国地方公共団体コード", "地方公共団体名"} <= set(renamed["列"])
    repaired = old.changes[old.changes["理由"].str.startswith("団体コードの修復")]
    assert repaired["行"].tolist() == [3, 6] and repaired["元の値"].tolist() == ["99201", "99201"]
    assert "空の列を除去" in set(old.changes["理由"])


def _long(result, area: str, **options) -> pd.DataFrame:
    long = population_long(result.table, **options).rename(columns={area: "地域名"})
    return long[[*LONG_KEYS, "人口"]]


def test_population_long_agrees_across_all_layouts():
    standard = _long(read(STANDARD), "地域名")
    assert len(standard) == 6 * 18 * 2
    pd.testing.assert_frame_equal(_long(read(OLD), "地域名"), standard)
    published = _long(read(PUBLISHED, dash_as_zero=True), "町丁名")
    secret = published["人口"].isna()
    assert secret.sum() == 2  # the two X cells
    pd.testing.assert_frame_equal(published[~secret], standard[~secret])
    xlsx = _long(read(PUBLISHED_XLSX, dash_as_zero=True), "町丁名")
    pd.testing.assert_frame_equal(xlsx, published)


def test_population_long_shape_and_order():
    long = population_long(read(STANDARD).table)
    assert long.columns.tolist()[-5:] == ["年齢階級", "下限年齢", "上限年齢", "性別", "人口"]
    assert "総人口" not in long.columns and "世帯数" not in long.columns
    first = long[long["地域名"] == "旭丘1丁目"]
    assert first["年齢階級"].tolist()[:4] == ["0-4歳", "0-4歳", "5-9歳", "5-9歳"]
    assert first["性別"].tolist()[:2] == ["男性", "女性"]
    assert first["人口"].sum() == read(STANDARD).table.loc[0, "総人口"]
    oldest = first[first["年齢階級"] == "85歳以上"]
    assert oldest["下限年齢"].tolist() == [85, 85] and oldest["上限年齢"].isna().all()
    assert str(long["人口"].dtype) == "Int64"


def test_population_long_handles_100_plus_unknown_age_and_sex_totals():
    wide = pd.DataFrame(
        {
            "町丁名": ["旭丘"],
            "95〜99歳_総数": [5], "95〜99歳_男": [2], "95〜99歳_女": [3],
            "100歳以上_総数": [1], "100歳以上_男": [0], "100歳以上_女": [1],
            "年齢不詳_総数": [2], "年齢不詳_男": [1], "年齢不詳_女": [1],
        }
    )  # fmt: skip
    long = population_long(wide, date=dt.date(2023, 4, 1))
    assert long["年齢階級"].tolist() == ["95-99歳"] * 2 + ["100歳以上"] * 2 + ["年齢不詳"] * 2
    assert long["人口"].tolist() == [2, 3, 0, 1, 1, 1]
    assert long["性別"].unique().tolist() == ["男性", "女性"]
    unknown = long[long["年齢階級"] == "年齢不詳"]
    assert unknown["下限年齢"].isna().all()
    assert (long["調査年月日"] == pd.Timestamp("2023-04-01")).all()


def test_population_long_without_sex_split_and_with_overlapping_bands():
    wide = pd.DataFrame(
        {"地区": ["東"], "0～14歳": [30], "0～4歳": [10], "5～9歳": [10], "10～14歳": [10]}
    )
    with pytest.warns(UserWarning, match="再掲"):
        long = population_long(wide)
    assert long["年齢階級"].tolist() == ["0-4歳", "5-9歳", "10-14歳"]
    assert long["性別"].unique().tolist() == ["男女計"]


def test_population_long_warns_when_sexes_do_not_add_up():
    wide = pd.DataFrame({"地区": ["東"], "0〜4歳_総数": [9], "0〜4歳_男": [3], "0〜4歳_女": [4]})
    with pytest.warns(UserWarning, match="男女の和と合わない"):
        long = population_long(wide)
    assert long["人口"].tolist() == [3, 4]


def test_population_long_refuses_tables_without_age_bands():
    with pytest.raises(kit.InputError, match="年齢階級の列"):
        population_long(pd.DataFrame({"地区": ["東"], "人口": [1]}))
    with pytest.raises(kit.InputError, match="id_columns"):
        population_long(pd.DataFrame({"0-4歳の男性": [1]}), id_columns=["地域名"])
