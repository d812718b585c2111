"""The class report: one Japanese HTML page with charts, plus the grades as CSV and Excel.

``python -m kit.trainer report [--assignment stage0] [--out notebooks/reports/]`` writes

- ``report.html`` — per stage: score distribution, pass rate per question (questions fewer than
  half passed are flagged), the most common failure messages, who has not handed in; then what
  grading found and every grade. Charts are inline PNG, no external CSS or JavaScript: the
  page works offline and can be e-mailed as one file;
- ``grades.csv`` — UTF-8 with BOM, so that Excel on Japanese Windows opens it correctly;
- ``grades.xlsx`` — sheets 成績, 問題別, 通過率, つまずき, 未提出, 採点メモ.

>>> # files = write_report(Course())
>>> # files["html"].name
>>> # 'report.html'
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd

from kit.trainer.course import Course
from kit.trainer.course_config import course_settings
from kit.trainer.report_charts import STUCK, pass_rate_chart, score_chart
from kit.trainer.report_data import ClassData, class_data

TEMPLATE = Path(__file__).with_name("templates") / "report.html"


def write_report(
    course: Course, assignments: list[str] | None = None, out: Path | None = None
) -> dict[str, Path]:
    """Write report.html, grades.csv and grades.xlsx into ``out`` (default ``<course>/reports``).

    >>> # sorted(write_report(Course()))
    >>> # ['csv', 'html', 'xlsx']
    """
    out = out or course.reports
    out.mkdir(parents=True, exist_ok=True)
    data = class_data(course, assignments)
    files = {"html": out / "report.html", "csv": out / "grades.csv", "xlsx": out / "grades.xlsx"}
    files["html"].write_text(
        render_html(course, data, assignments or course.assignments()), encoding="utf-8"
    )
    data.grades.to_csv(files["csv"], index=False, encoding="utf-8-sig")
    write_excel(data, files["xlsx"])
    return files


def render_html(course: Course, data: ClassData, assignments: list[str]) -> str:
    """The report page as HTML text (every value escaped).

    >>> # render_html(Course(), class_data(Course()), ["stage0"]).startswith("<!doctype html>")
    >>> # True
    """
    from jinja2 import Environment, select_autoescape

    environment = Environment(
        autoescape=select_autoescape(default=True), keep_trailing_newline=True
    )
    template = environment.from_string(TEMPLATE.read_text(encoding="utf-8"))
    grades = data.grades.astype(object).where(data.grades.notna(), None)
    rows = [
        {
            **row,
            "得点_text": _number(row["得点"]),
            "満点_text": _number(row["満点"]),
            "得点率_text": "" if row["得点率"] is None else f"{row['得点率'] * 100:.0f}%",
        }
        for row in grades.to_dict("records")
    ]
    return template.render(
        course_id=course_settings(course).course_id,
        generated=datetime.now().astimezone().strftime("%Y-%m-%d %H:%M"),
        known=_known(course),
        submitted=int(len(data.grades)),
        graded=int(data.grades["得点"].notna().sum()),
        sections=[_section(data, a) for a in assignments],
        problems=data.problems.to_dict("records"),
        unsandboxed=data.unsandboxed,
        grades=rows,
    )


def _known(course: Course) -> int:
    from kit.trainer.roster import load_roster

    return len(load_roster(course.roster))


def _number(value: object) -> str:
    return "" if value is None else f"{float(value):g}"


def _section(data: ClassData, assignment: str) -> dict:
    grades = data.grades[data.grades["課題"] == assignment]
    graded = grades.dropna(subset=["得点"])
    questions = data.questions[data.questions["課題"] == assignment]
    return {
        "name": assignment,
        "submitted": len(grades),
        "graded": len(graded),
        "mean": float(graded["得点"].mean()) if len(graded) else 0.0,
        "median": float(graded["得点"].median()) if len(graded) else 0.0,
        "maximum": float(graded["満点"].max()) if len(graded) else 0.0,
        "pending": int((graded["手動採点待ち"].fillna(0) > 0).sum()),
        "stuck": questions[questions["通過率"] < STUCK].to_dict("records"),
        "score_chart": score_chart(graded["得点率"], assignment) if len(graded) else "",
        "pass_chart": pass_rate_chart(data.questions, assignment) if len(questions) else "",
        "questions": questions.to_dict("records"),
        "failures": data.failures[data.failures["課題"] == assignment].to_dict("records"),
        "missing": data.missing[data.missing["課題"] == assignment].to_dict("records"),
    }


def write_excel(data: ClassData, path: Path) -> None:
    """The report's tables as one workbook, one sheet each, columns sized to their content.

    >>> # write_excel(class_data(Course()), Path("grades.xlsx"))
    """
    sheets = {
        "成績": data.grades,
        "問題別": data.cells,
        "通過率": data.questions,
        "つまずき": data.failures,
        "未提出": data.missing,
        "採点メモ": data.problems,
    }
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, table in sheets.items():
            table.to_excel(writer, sheet_name=name, index=False)
            sheet = writer.sheets[name]
            for index, column in enumerate(table.columns, start=1):
                widest = max([len(str(column)), *(len(str(v)) for v in table[column].head(500))])
                sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = min(
                    60, 2 + widest * 1.6
                )
