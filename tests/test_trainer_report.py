"""The class report on a known, partly graded class: every table checked by value."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from nbgrader.api import Gradebook
from support import COURSE

from kit.trainer.course import Course, tool_environment
from kit.trainer.records import CellResult, NotebookRecord, Problem, TraineeRecord, write_record
from kit.trainer.report import write_report
from kit.trainer.report_data import class_data

pytestmark = pytest.mark.filterwarnings(
    "ignore::sqlalchemy.exc.SAWarning"
)  # nbgrader's add_submission

# trainee → (q1_test, q2_test auto scores, q6_written manual score or None)
GRADED = {"t1": (2.0, 2.0, None), "t2": (0.0, 2.0, None), "t3": (0.0, 0.0, 3.0)}


@pytest.fixture
def course(tmp_path, monkeypatch) -> Course:
    monkeypatch.setenv("PATH", tool_environment()["PATH"])  # nbgrader runs alembic by name
    root = tmp_path / "course"
    (root / "source" / "stage0").mkdir(parents=True)
    shutil.copy2(COURSE / "nbgrader_config.py", root / "nbgrader_config.py")
    shutil.copy2(
        COURSE / "source" / "stage0" / "intro.ipynb", root / "source" / "stage0" / "intro.ipynb"
    )
    (root / "roster.csv").write_text(
        "受講者ID,氏名\nt1,架空 一\nt2,架空 二\nt3,架空 三\nt4,架空 四\nt5,架空 五\n",
        encoding="utf-8",
    )
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", "data-academy") as gb:
        gb.add_assignment("stage0")
        gb.add_notebook("intro", "stage0")
        gb.add_grade_cell("q1_test", "intro", "stage0", max_score=2, cell_type="code")
        gb.add_grade_cell("q2_test", "intro", "stage0", max_score=2, cell_type="code")
        gb.add_grade_cell("q6_written", "intro", "stage0", max_score=3, cell_type="markdown")
        gb.add_solution_cell("q6_written", "intro", "stage0")
        for trainee, (q1, q2, written) in GRADED.items():
            gb.add_student(trainee)
            gb.add_submission("stage0", trainee)
            for cell, score in (("q1_test", q1), ("q2_test", q2)):
                grade = gb.find_grade(cell, "intro", "stage0", trainee)
                grade.auto_score, grade.needs_manual_grade = score, False
            grade = gb.find_grade("q6_written", "intro", "stage0", trainee)
            grade.manual_score, grade.needs_manual_grade = written, written is None
        gb.db.commit()
    for trainee in ("t1", "t2", "t3", "t4"):  # t4 collected but not graded yet; t5 nothing
        (root / "submitted" / trainee / "stage0").mkdir(parents=True)
        (root / "submitted" / trainee / "stage0" / "intro.ipynb").write_text("{}")
    course = Course(root)
    for trainee, message in (
        ("t2", "公民館以外の施設が入っています。"),
        ("t3", "公民館以外の施設が入っています。"),
    ):
        record = TraineeRecord(trainee, "stage0")
        record.notebooks["intro"] = NotebookRecord(
            "graded",
            [
                Problem(
                    "warning",
                    "edited",
                    "変更してはいけないセル（q1_test）が書きかえられていたため、元に戻して採点しました。",
                )
            ]
            if trainee == "t3"
            else [],
            cells={
                "q1_test": CellResult(
                    2.0, 0.0, 0.0, question="問1", recheck="incorrect", message=message
                )
            },
        )
        write_record(course.records, record)
    return course


def test_tables_by_value_on_partial_data(course):
    data = class_data(course)
    grades = data.grades.set_index("受講者ID")
    assert grades.loc["t1", "得点"] == 4.0 and grades.loc["t1", "満点"] == 7.0
    assert grades.loc["t1", "手動採点待ち"] == 1 and grades.loc["t1", "状態"] == "手動採点待ちあり"
    assert grades.loc["t3", "得点"] == 3.0  # the manual grade counts
    assert grades.loc["t4", "状態"] == "未採点" and pd.isna(grades.loc["t4", "得点"])
    assert grades.loc["t2", "氏名"] == "架空 二"
    rates = data.questions.set_index("セル")
    assert rates.loc["q1_test", "通過率"] == pytest.approx(1 / 3)
    assert rates.loc["q2_test", "通過率"] == pytest.approx(2 / 3)
    assert list(rates["採点数"]) == [3, 3]
    assert "q6_written" not in rates.index  # written answers are not pass/fail tests
    assert data.failures.to_dict("records") == [
        {"課題": "stage0", "問": "問1", "メッセージ": "公民館以外の施設が入っています。", "人数": 2}
    ]
    assert data.missing.to_dict("records") == [
        {"課題": "stage0", "受講者ID": "t5", "氏名": "架空 五"}
    ]
    assert list(data.problems["受講者ID"]) == ["t3"]


def test_report_files_html_csv_and_excel(course, tmp_path):
    files = write_report(course, out=tmp_path / "out")
    csv_bytes = files["csv"].read_bytes()
    assert csv_bytes.startswith(b"\xef\xbb\xbf")  # BOM: Excel on Japanese Windows reads UTF-8
    grades = pd.read_csv(files["csv"], encoding="utf-8-sig")
    assert list(grades.columns) == [
        "受講者ID",
        "氏名",
        "課題",
        "得点",
        "満点",
        "得点率",
        "手動採点待ち",
        "状態",
    ]
    assert grades.set_index("受講者ID").loc["t2", "得点率"] == pytest.approx(2 / 7, abs=1e-4)
    sheets = pd.read_excel(files["xlsx"], sheet_name=None)
    assert list(sheets) == ["成績", "問題別", "通過率", "つまずき", "未提出", "採点メモ"]
    assert sheets["問題別"].shape == (6, 8)
    html = files["html"].read_text(encoding="utf-8")
    assert "つまずいている問題: 問1（通過率 33%）" in html
    assert html.count("data:image/png;base64,") == 2
    assert "t5（架空 五）" in html and "未採点" in html
    assert "<script" not in html and "https://" not in html


def test_report_escapes_what_came_from_submissions(course, tmp_path):
    record = TraineeRecord("t1", "stage0")
    record.notebooks["intro"] = NotebookRecord(
        "graded",
        cells={
            "q2_test": CellResult(
                2.0, 0.0, 0.0, question="問2", message="<script>alert(1)</script>"
            )
        },
    )
    write_record(course.records, record)
    html = write_report(course, out=tmp_path / "out")["html"].read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_report_of_an_empty_class_still_works(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", tool_environment()["PATH"])
    root = tmp_path / "empty"
    (root / "source" / "stage0").mkdir(parents=True)
    shutil.copy2(COURSE / "nbgrader_config.py", root / "nbgrader_config.py")
    shutil.copy2(
        COURSE / "source" / "stage0" / "intro.ipynb", root / "source" / "stage0" / "intro.ipynb"
    )
    course = Course(root)
    html = write_report(course, out=tmp_path / "out")["html"].read_text(encoding="utf-8")
    assert "まだ採点された提出がありません" in html


def test_report_says_when_code_ran_without_isolation(course, tmp_path):
    record = TraineeRecord("t2", "stage0", sandbox="none")
    record.notebooks["intro"] = NotebookRecord("graded")
    write_record(course.records, record)
    html = write_report(course, out=tmp_path / "out")["html"].read_text(encoding="utf-8")
    assert "1 人分の採点は OS による隔離なし" in html
