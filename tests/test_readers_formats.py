"""kit.readers on other real-world formats: e-Stat API, 統計GIS, open-data sets, encodings, errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from kit.errors import CodeError, DateError, InputError, ReadError
from kit.readers import canonical_columns, read

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def test_estat_api_csv():
    result = read(FIXTURES / "estat_api_0003445078.csv")
    table = result.table
    assert result.header_lines == [17]
    assert result.metadata["STATS_DATA_ID"] == "0003445078"
    assert result.metadata["STAT_NAME"] == "00200521 国勢調査"
    assert table.columns.tolist()[:6] == [
        "tab_code",
        "表章項目",
        "cat01_code",
        "男女別",
        "area_code",
        "地域",
    ]
    assert len(table) == 9 and result.totals.empty  # 総数 rows are categories of a long table here
    assert table["area_code"].tolist()[:3] == ["99201"] * 3  # codes stay text
    assert table["cat01_code"].iloc[0] == "000"
    assert str(table["value"].dtype) == "Int64"
    assert table["value"].tolist()[:3] == [123456, 60123, 63333]
    assert table["value"].isna().tolist()[-2:] == [True, True]
    reasons = result.changes.set_index("行")["理由"]
    assert reasons[25] == "秘匿（*）" and reasons[26] == "該当数値なし（-）"


def test_statgis_small_area_is_never_double_counted():
    result = read(FIXTURES / "tblT000849C99201.txt")
    table, totals = result.table, result.totals
    assert result.encoding == "CP932（Shift_JIS）" and result.header_lines == [1, 2]
    assert table.columns.tolist()[7:] == [
        "人口(総数)",
        "人口(総数) 男",
        "人口(総数) 女",
        "世帯総数",
    ]
    assert result.metadata["T000849001"] == "人口（総数）"
    assert table["KEY_CODE"].tolist() == [
        "99201001001",
        "99201001002",
        "99201001003",
        "992010020",
        "992010030",
    ]
    # areas with sub-areas (the city, 旭丘) are totals; the rest sums to the city exactly
    assert totals["KEY_CODE"].tolist() == ["99201", "992010010"]
    city = totals.set_index("KEY_CODE").loc["99201"]
    assert table["人口(総数)"].sum() == city["人口(総数)"]
    assert table["世帯総数"].sum() == city["世帯総数"]
    # HTKSYORI=2: the figures live in HTKSAKI's row; a value still shown is set aside
    moved = table[table["HTKSYORI"] == 2]
    assert moved[["人口(総数)", "世帯総数"]].isna().all().all()
    hidden = result.changes[result.changes["理由"].str.startswith("秘匿先に合算済み")]
    assert hidden["行"].unique().tolist() == [9] and hidden["元の値"].tolist()[0] == "5"


def test_old_public_facility_layout_is_mapped_to_current_names():
    result = read(FIXTURES / "992011_public_facility_old.csv")
    table = result.table
    assert table.columns.tolist()[:10] == [
        "全国地方公共団体コード", "ID", "地方公共団体名", "名称", "名称_カナ", "名称_通称", "POIコード",
        "所在地_連結表記", "建物名等(方書)", "緯度",
    ]  # fmt: skip
    first = table.iloc[0]
    assert first["地方公共団体名"] == "みどり県七瀬市"
    assert first["名称_カナ"] == "ナナセシリツチュウオウトショカン"  # half-width kana widened
    assert first["所在地_連結表記"] == "みどり県七瀬市中央一丁目2-3"
    assert first["電話番号"] == "0299-12-3456" and first["開始時間"] == "9:00"
    assert table["ID"].tolist() == ["1", "2"] and table["POIコード"].dtype == "str"
    assert table["緯度"].tolist() == [36.0512, 36.0601]
    assert table.loc[1, "URL"] == "https://example.jp/~asahi/"  # ASCII tilde in URLs untouched
    assert table.loc[1, "備考"] == "駐車場 20台"


def test_dates_in_every_form_become_dates():
    result = read(FIXTURES / "992011_preschool.csv")
    dates = result.table["認可等年月日"]
    assert str(dates.dtype) == "datetime64[us]"
    assert dates.dt.date.tolist() == [
        dt.date(2018, 4, 1), dt.date(2020, 4, 1), dt.date(2019, 4, 1), dt.date(2021, 4, 1), dt.date(2019, 5, 1),
    ]  # fmt: skip
    reasons = result.changes.set_index("行")["理由"].to_dict()
    assert reasons == {
        2: "和暦→西暦",
        3: "和暦→西暦",
        4: "Excelの日付シリアル値→日付",
        6: "和暦→西暦",
    }
    assert result.table["ID"].tolist()[0] == "00001"


def test_wrong_check_digit_names_file_line_and_column():
    with pytest.raises(CodeError) as info:
        read(FIXTURES / "broken_check_digit.csv")
    err = info.value
    assert (Path(err.file).name, err.row, err.column) == (
        "broken_check_digit.csv",
        5,
        "全国地方公共団体コード",
    )
    assert "「1」のはず" in str(err)


def test_typo_in_a_number_names_the_cell_and_the_cause():
    with pytest.raises(ReadError) as info:
        read(FIXTURES / "broken_typo_number.csv")
    message = str(info.value)
    assert message.startswith(
        "「broken_typo_number.csv」の 4 行目・列「人口」: 値「1,2O3」を数値として読めませんでした"
    )
    assert "英字の O が含まれています" in message
    table = read(FIXTURES / "broken_typo_number.csv", bad_numbers="missing").table
    assert table["人口"].tolist()[0] == 12034 and pd.isna(table["人口"].iloc[1])


CONTENT = '地区,人口,世帯数\n東地区,"1,200",500\n西地区,８００,300\n'


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "utf-16"])
def test_encodings_are_detected(tmp_path, encoding):
    path = tmp_path / "a.csv"
    path.write_bytes(CONTENT.encode(encoding))
    table = read(path).table
    assert table["地区"].tolist() == ["東地区", "西地区"]
    assert table["人口"].tolist() == [1200, 800]


def test_crlf_tab_gzip_and_explicit_encoding(tmp_path):
    import gzip

    tsv = tmp_path / "a.tsv"
    tsv.write_bytes(
        CONTENT.replace(",", "\t").replace('"1\t200"', "1200").replace("\n", "\r\n").encode("cp932")
    )
    assert read(tsv).table["人口"].tolist() == [1200, 800]
    gz = tmp_path / "a.csv.gz"
    gz.write_bytes(gzip.compress(CONTENT.encode("utf-8"), mtime=0))
    assert read(gz).table["世帯数"].tolist() == [500, 300]
    sjis = tmp_path / "b.csv"
    sjis.write_bytes(CONTENT.encode("cp932"))
    assert read(sjis, encoding="Shift_JIS").encoding == "CP932（Shift_JIS）"
    with pytest.raises(ReadError, match="文字コード「utf-8」として読めない") as info:
        read(sjis, encoding="utf-8")
    assert info.value.row == 1


def test_cells_with_line_breaks_keep_line_numbers_right(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('名称,備考,定員\nA園,"2階\n駐車場なし",10\nB園,,X\n', encoding="utf-8")
    result = read(path)
    assert result.table["備考"].tolist()[0] == "2階\n駐車場なし"
    assert result.lines.tolist() == [2, 4]
    assert result.changes.iloc[0]["行"] == 4


def test_header_position_can_be_given(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("表1 人口,,\n,,\n2020,2021,2022\n10,11,12\n", encoding="utf-8")
    table = read(path, header_start=3).table
    assert table.columns.tolist() == ["2020", "2021", "2022"]
    assert read(path, header_start=3, header_rows=1).table.iloc[0].tolist() == [10, 11, 12]
    with pytest.raises(ReadError, match="header_start"):
        read(path, header_start=99)
    with pytest.raises(ReadError, match="header_rows"):
        read(path, header_rows=9)


def test_excel_sheet_choice_and_merged_cells_in_data(tmp_path):
    book = openpyxl.Workbook()
    first = book.active
    first.title = "表紙"
    first["A1"] = "七瀬市の統計"
    sheet = book.create_sheet("地区別")
    sheet.append(["区", "地区", "人口"])
    sheet.append(["東区", "旭丘", 1200])
    sheet.append([None, "緑町", 800.0])
    sheet.append(["西区", "川端", "X"])
    sheet.merge_cells("A2:A3")
    path = tmp_path / "a.xlsx"
    book.save(path)
    table = read(path, sheet="地区別").table
    assert table["区"].tolist() == ["東区", "東区", "西区"]  # merged cell filled down
    assert table["人口"].tolist()[:2] == [1200, 800]
    assert read(path, sheet=1).table.equals(table)
    with pytest.raises(ReadError, match="「表紙」、「地区別」"):
        read(path, sheet="人口")
    with pytest.raises(ReadError, match="シート番号 5"):
        read(path, sheet=5)


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        (b"", "表のデータが見つかりません"),
        (b"\n\n,,\n", "表のデータが見つかりません"),
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 20, ".xls"),
        (b"PK\x03\x04garbage", "Excel のファイルとして開けません"),
        (b"\x00\x01\x02binary", "バイナリ"),
        (b"\x1f\x8bnot gzip", "gzip"),
        ("地区,人口\n".encode() + b"a,1\n" * 450 + b"b,2,3\n" + b"c,3\n" * 100, "452 行目"),
        (b"\x81\x00\xff\xfe\xfd", "文字コードを判定できません"),
    ],
)
def test_broken_files_raise_clear_read_errors(tmp_path, payload, fragment):
    path = tmp_path / "broken.csv"
    path.write_bytes(payload)
    with pytest.raises(ReadError) as info:
        read(path)
    assert fragment in str(info.value) and info.value.action
    assert Path(info.value.file).name == "broken.csv"


def test_a_short_row_with_an_extra_value_keeps_it_in_a_named_column(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("地区,人口\n東,1\n西,2,3\n", encoding="utf-8")
    result = read(path)
    assert result.table.columns.tolist() == ["地区", "人口", "列C"]
    assert "列名がないため仮の名前" in set(result.changes["理由"])


def test_missing_file_and_bad_options():
    with pytest.raises(ReadError, match="見つかりません"):
        read("no-such-file.csv")
    with pytest.raises(InputError):
        read(FIXTURES / "992011_preschool.csv", totals="drop")  # type: ignore[arg-type]


def test_partial_date_in_a_date_column(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("名称,開設年月日\nA,令和5年4月1日\nB,平成31年\n", encoding="utf-8")
    with pytest.raises(DateError) as info:
        read(path)
    assert (info.value.row, info.value.column) == (
        3,
        "開設年月日",
    ) and "partial_dates" in info.value.action
    table = read(path, partial_dates="start").table
    assert table["開設年月日"].dt.date.tolist() == [dt.date(2023, 4, 1), dt.date(2019, 1, 1)]


def test_canonical_columns_variants():
    df = pd.DataFrame(
        columns=[
            "ＩＤ",
            "名称（必須）",
            "名称_ｶﾅ",
            "建物名等（方書）",
            "０～４歳の男性",
            "連絡先備考(その他、SNSなど)",
            "人口",
        ]
    )
    assert canonical_columns(df).columns.tolist() == [
        "ID", "名称", "名称_カナ", "建物名等(方書)", "0-4歳の男性", "連絡先備考（その他、SNSなど）", "人口",
    ]  # fmt: skip
    # generic names are renamed only in an old-standard file
    assert canonical_columns(pd.DataFrame(columns=["NO", "住所"])).columns.tolist() == [
        "NO",
        "住所",
    ]


def test_text_columns_with_dashes_are_left_alone(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("名称,番地,備考,定員\nA,1-2,-,10\nB,3-4-5,X線室あり,-\n", encoding="utf-8")
    table = read(path).table
    assert table["番地"].tolist() == ["1-2", "3-4-5"]
    assert table["備考"].tolist() == ["-", "X線室あり"]
    assert table["定員"].tolist()[0] == 10 and pd.isna(table["定員"].iloc[1])


def test_blank_labels_meaning_same_as_above_are_filled_down(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(
        "受診状況\n地区,性別,年齢階級,対象者数,受診率\n"
        "中央地区,男性,40〜44歳,125,8.8%\n,,45〜49歳,１０８,*\n,女性,40〜44歳,143,27.3%\n"
        "川端地区,男性,40〜44歳,92,16.3%\n,,45〜49歳,77,20.8%\n",
        encoding="utf-8",
    )
    result = read(path)
    table = result.table
    assert table["地区"].tolist() == ["中央地区"] * 3 + ["川端地区"] * 2
    assert table["性別"].tolist() == ["男性", "男性", "女性", "男性", "男性"]
    assert table["対象者数"].tolist()[1] == 108
    assert table["受診率"].tolist()[0] == 8.8 and pd.isna(table["受診率"].iloc[1])
    filled = result.changes[result.changes["理由"] == "空欄を上の行と同じ値で補完"]
    assert filled[filled["列"] == "地区"]["行"].tolist() == [4, 5, 7]
    assert read(path, fill_down=False).table["地区"].isna().sum() == 3


def test_sporadic_blank_labels_stay_missing(tmp_path):
    path = tmp_path / "a.csv"
    rows = "".join(f"町{i},{i}\n" for i in range(9))
    path.write_text(f"町丁名,人口\n{rows},10\n町9,9\n", encoding="utf-8")
    table = read(path).table
    assert len(table) == 11 and table["町丁名"].isna().sum() == 1
    path.write_text(f"町丁名,人口\n{rows},10\n", encoding="utf-8")  # last row: data, not a note
    assert read(path).table["人口"].tolist()[-1] == 10


def test_total_labels_in_their_many_spellings(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(
        "地区,町丁名,人口\n東地区,旭丘,10\n東地区,緑町,20\n,（東地区 小計）,30\n（西区）,,5\n"
        "西地区,川端,5\n,西区計,5\n,総　数,35\n,県計,900\n",
        encoding="utf-8",
    )
    result = read(path, fill_down=False)
    assert result.table["町丁名"].tolist() == ["旭丘", "緑町", "川端"]
    assert result.totals["集計区分"].tolist() == ["小計", "小計", "区計", "合計", "県計"]
    assert result.totals.index.tolist() == [4, 5, 7, 8, 9]


def test_mostly_numeric_text_column_gives_a_warning(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("地区,番地,人口\n東,12,1\n西,3-4,2\n南,5,3\n", encoding="utf-8")
    result = read(path)
    assert result.table["番地"].tolist() == ["12", "3-4", "5"]
    assert any("「3-4」" in message for message in result.warnings)
    assert "注意" in result.summary()


def test_year_alone_in_a_date_column_is_not_taken_for_a_serial(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("名称,開設年月日\nA,2019\nB,45017\n", encoding="utf-8")
    with pytest.raises(DateError, match="年だけ"):
        read(path)
    dates = read(path, partial_dates="start").table["開設年月日"].dt.date.tolist()
    assert dates == [dt.date(2019, 1, 1), dt.date(2023, 4, 1)]


def test_every_missing_mark_keeps_its_reason(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(
        "地区,人口\nA,10\nB,-\nC,…\nD,X\nE,*\nF,***\nG,・・・\nH,－\n", encoding="utf-8"
    )
    result = read(path)
    assert result.table["人口"].tolist()[0] == 10 and result.table["人口"].isna().sum() == 7
    reasons = result.changes.set_index("行")["理由"].to_dict()
    assert reasons == {
        3: "該当数値なし（-）", 4: "数値不詳（…）", 5: "秘匿（X）", 6: "秘匿（*）", 7: "秘匿（*）",
        8: "数値不詳（…）", 9: "該当数値なし（-）",
    }  # fmt: skip
