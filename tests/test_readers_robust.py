"""The reader never fails with an unclear error: corrupted or odd input either reads, or raises a
``kit`` error whose Japanese message names the file and says what to do (property-based)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.errors import KitError
from kit.readers import read

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
SAMPLES = [
    "人口_町丁別_令和5年4月.csv",
    "992011_population_20230401_old.csv",
    "estat_api_0003445078.csv",
    "tblT000849C99201.txt",
    "992011_public_facility_old.csv",
    "992011_preschool.csv",
]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
CELLS = st.sampled_from(
    ["", " ", "-", "X", "*", "***", "…", "1,234", "１２３", "12", "0.5", "△5", "1,2O3", "合計", "小　計", "（東区）",
     "令和5年4月1日", "R5.4.1", "平成31年", "44698", "992011", "92011", "131017", "旭丘１丁目", "0〜4歳", "男", "女",
     '"', "a,b", "改\n行", "ｶﾅ", "VALUE", "KEY_CODE", "HTKSYORI", "注）", "\u3000"]
)  # fmt: skip
HEADERS = st.sampled_from(
    [
        "地域名",
        "人口",
        "0-4歳の男性",
        "調査年月日",
        "全国地方公共団体コード",
        "電話番号",
        "",
        "名称（必須）",
        "NO",
        "備考",
    ]
)
SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _check(path: Path, **options: object) -> None:
    """Read; on failure the error must be a KitError naming the file, in Japanese, with advice."""
    failure: KitError | None = None
    try:
        result = read(path, **options)  # type: ignore[arg-type]
    except KitError as err:
        failure = err
    if failure is not None:
        message = str(failure)
        assert JAPANESE.search(message), message
        assert failure.file is None or Path(failure.file).name == path.name
        assert failure.action, message
        return
    assert isinstance(result.table, pd.DataFrame)
    assert len(result.lines) == len(result.table)
    changes = result.changes  # building the log must work too
    assert changes.columns.tolist() == ["行", "列", "元の値", "新しい値", "理由"]
    assert result.summary().startswith("「")


@SETTINGS
@given(data=st.binary(max_size=400))
def test_random_bytes(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "random.csv"
    path.write_bytes(data)
    _check(path)


@SETTINGS
@given(
    name=st.sampled_from(SAMPLES),
    start=st.floats(0, 1),
    length=st.integers(0, 200),
    junk=st.binary(max_size=30),
    mode=st.sampled_from(["delete", "insert", "replace", "truncate"]),
)
def test_corrupted_fixtures(tmp_path_factory, name, start, length, junk, mode):
    data = (FIXTURES / name).read_bytes()
    at = int(start * len(data))
    if mode == "delete":
        data = data[:at] + data[at + length :]
    elif mode == "insert":
        data = data[:at] + junk + data[at:]
    elif mode == "replace":
        data = data[:at] + junk + data[at + len(junk) :]
    else:
        data = data[:at]
    path = tmp_path_factory.mktemp("corrupt") / name
    path.write_bytes(data)
    _check(path)


@SETTINGS
@given(
    header=st.lists(HEADERS, min_size=1, max_size=6),
    rows=st.lists(st.lists(CELLS, min_size=0, max_size=7), min_size=0, max_size=12),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp932"]),
    totals=st.sampled_from(["split", "keep"]),
)
def test_odd_tables(tmp_path_factory, header, rows, encoding, totals):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *rows])
    path = tmp_path_factory.mktemp("odd") / "odd.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    _check(path, totals=totals)


@SETTINGS
@given(start=st.floats(0, 1), junk=st.binary(min_size=1, max_size=64))
def test_corrupted_excel(tmp_path_factory, start, junk):
    data = (FIXTURES / "人口_町丁別_令和5年4月.xlsx").read_bytes()
    at = int(start * len(data))
    path = tmp_path_factory.mktemp("xlsx") / "broken.xlsx"
    path.write_bytes(data[:at] + junk + data[at + len(junk) :])
    _check(path)
