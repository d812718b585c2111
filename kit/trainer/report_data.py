"""The class's numbers as tables: scores, pass rates, common failures, who has not handed in.

Scores come from nbgrader's gradebook (so manual grades entered in formgrader count); reasons
and re-check messages from the kit's grading records; who exists from the roster, the gradebook
and ``submitted/``. Everything works on partial data, in the middle of a session: a trainee
whose files were collected but not graded yet is listed as 未採点.

>>> # data = class_data(Course())
>>> # data.questions[["課題", "問", "通過率"]]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd

from kit.trainer.course import Course
from kit.trainer.course_config import course_settings
from kit.trainer.recheck import question_map
from kit.trainer.records import LEVEL_JA, STATUS_JA, read_records
from kit.trainer.roster import load_roster, names_by_id

GRADE_COLUMNS = ["受講者ID", "氏名", "課題", "得点", "満点", "得点率", "手動採点待ち", "状態"]
CELL_COLUMNS = ["受講者ID", "課題", "ノートブック", "問", "セル", "得点", "満点", "合格"]


@dataclass
class ClassData:
    """Every table of the class report (plain pandas DataFrames)."""

    grades: pd.DataFrame  # one row per trainee × assignment
    cells: pd.DataFrame  # one row per trainee × autograded test cell
    questions: pd.DataFrame  # pass rate per assignment × question
    failures: pd.DataFrame  # most common failure messages, counted
    missing: pd.DataFrame  # trainees without a submission, per assignment
    problems: pd.DataFrame  # what grading found (invalid files, kernel deaths, re-checks…)
    unsandboxed: list[str]  # trainees whose code was graded without OS isolation


def class_data(course: Course, assignments: list[str] | None = None) -> ClassData:
    """Gather the report's tables for ``assignments`` (default: every assignment of the course).

    >>> # class_data(Course()).grades.columns.tolist()[:3]
    >>> # ['受講者ID', '氏名', '課題']
    """
    assignments = assignments or course.assignments()
    names = names_by_id(load_roster(course.roster))
    grades, cells = _gradebook_tables(course, assignments, names)
    records = [r for a in assignments for r in read_records(course.records, a)]
    return ClassData(
        grades=grades,
        cells=cells,
        questions=pass_rates(cells),
        failures=common_failures(records, assignments),
        missing=not_submitted(course, assignments, grades),
        problems=problem_table(records),
        unsandboxed=sorted({r.trainee for r in records if r.sandbox == "none"}),
    )


def _labels(assignment: str) -> dict[str, str]:
    return {grade_id: q["label"] for grade_id, q in question_map(assignment).items()}


def _gradebook_tables(
    course: Course, assignments: list[str], names: dict[str, str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    from nbgrader.api import Gradebook, MissingEntry

    settings = course_settings(course)
    rows, cell_rows = [], []
    with Gradebook(settings.db_url, settings.course_id) as gb:
        for assignment in assignments:
            try:
                submissions = {s.student.id: s for s in gb.find_assignment(assignment).submissions}
            except MissingEntry:
                submissions = {}
            labels = _labels(assignment)
            collected = sorted(
                p.parent.name for p in course.submitted.glob(f"*/{assignment}") if p.is_dir()
            )
            for trainee in sorted(set(collected) | set(submissions)):
                submission = submissions.get(trainee)
                if submission is None:
                    rows.append(
                        [
                            trainee,
                            names.get(trainee, ""),
                            assignment,
                            None,
                            None,
                            None,
                            None,
                            "未採点",
                        ]
                    )
                    continue
                pending = sum(
                    bool(g.needs_manual_grade) for nb in submission.notebooks for g in nb.grades
                )
                score, maximum = float(submission.score), float(submission.max_score)
                rate = round(score / maximum, 4) if maximum else None
                state = "手動採点待ちあり" if pending else "採点済み"
                rows.append(
                    [
                        trainee,
                        names.get(trainee, ""),
                        assignment,
                        score,
                        maximum,
                        rate,
                        pending,
                        state,
                    ]
                )
                for notebook in submission.notebooks:
                    answers = {c.name for c in notebook.notebook.solution_cells}
                    for grade in notebook.grades:
                        if (
                            grade.cell_type != "code"
                            or grade.name in answers
                            or grade.auto_score is None
                        ):
                            continue
                        label = labels.get(grade.name, grade.name)
                        full = float(grade.score) >= float(grade.max_score)
                        cell_rows.append(
                            [
                                trainee,
                                assignment,
                                notebook.name,
                                label,
                                grade.name,
                                float(grade.score),
                                float(grade.max_score),
                                full,
                            ]
                        )
    grades = pd.DataFrame(rows, columns=GRADE_COLUMNS)
    for column in ("得点", "満点", "得点率"):
        grades[column] = grades[column].astype("float64")
    grades["手動採点待ち"] = grades["手動採点待ち"].astype("Int64")
    return grades, pd.DataFrame(cell_rows, columns=CELL_COLUMNS)


def pass_rates(cells: pd.DataFrame) -> pd.DataFrame:
    """Per assignment and question: graded, passed (full points) and the pass rate (0–1).

    >>> cells = pd.DataFrame({"課題": ["s", "s", "s"], "ノートブック": ["n"] * 3, "問": ["問1"] * 3,
    ...                       "セル": ["q1_test"] * 3, "合格": [True, False, True]})
    >>> pass_rates(cells)["通過率"].round(3).tolist()
    [0.667]
    """
    columns = ["課題", "ノートブック", "問", "セル", "採点数", "合格数", "通過率"]
    if cells.empty:
        return pd.DataFrame(columns=columns)
    table = (
        cells.groupby(["課題", "ノートブック", "問", "セル"], sort=False)["合格"]
        .agg(採点数="size", 合格数="sum")
        .reset_index()
    )
    table["合格数"] = table["合格数"].astype("int64")
    table["通過率"] = table["合格数"] / table["採点数"]
    return table[columns]


def common_failures(records: list, assignments: list[str], top: int = 10) -> pd.DataFrame:
    """The most common reasons test cells failed (kit's Japanese messages), counted per question.

    >>> common_failures([], ["stage0"]).columns.tolist()
    ['課題', '問', 'メッセージ', '人数']
    """
    counts: Counter[tuple[str, str, str]] = Counter()
    for record in records:
        labels = _labels(record.assignment)
        for notebook in record.notebooks.values():
            for grade_id, cell in notebook.cells.items():
                if cell.final is not None and cell.final < cell.max_score and cell.message:
                    counts[
                        (
                            record.assignment,
                            cell.question or labels.get(grade_id, grade_id),
                            cell.message,
                        )
                    ] += 1
    rows = [[a, q, m, n] for (a, q, m), n in counts.most_common() if a in assignments]
    table = pd.DataFrame(rows, columns=["課題", "問", "メッセージ", "人数"])
    return table.groupby("課題", sort=False).head(top).reset_index(drop=True)


def not_submitted(course: Course, assignments: list[str], grades: pd.DataFrame) -> pd.DataFrame:
    """Trainees known to the class (roster, or anyone who handed in anything) without a submission.

    >>> # not_submitted(Course(), ["stage0"], grades)["受講者ID"].tolist()
    >>> # ['t05']
    """
    roster = load_roster(course.roster)
    known = list(roster["受講者ID"]) or sorted(set(grades["受講者ID"]))
    names = names_by_id(roster)
    rows = []
    for assignment in assignments:
        handed = {
            p.parent.name
            for p in course.submitted.glob(f"*/{assignment}")
            if any(p.glob("*.ipynb"))
        }
        handed |= set(grades.loc[grades["課題"] == assignment, "受講者ID"])
        rows += [[assignment, t, names.get(t, "")] for t in known if t not in handed]
    return pd.DataFrame(rows, columns=["課題", "受講者ID", "氏名"])


def problem_table(records: list) -> pd.DataFrame:
    """What grading found, one row per problem (errors first).

    >>> problem_table([]).empty
    True
    """
    order = {"error": 0, "warning": 1, "info": 2}
    rows = [
        [order[p.level], r.trainee, r.assignment, notebook or "", LEVEL_JA[p.level], p.message]
        for r in records
        for notebook, p in r.all_problems()
    ]
    rows += [
        [0, r.trainee, r.assignment, name, "要確認", STATUS_JA[nb.status]]
        for r in records
        for name, nb in r.notebooks.items()
        if nb.status != "graded" and not nb.problems
    ]
    table = pd.DataFrame(rows, columns=["順", "受講者ID", "課題", "ノートブック", "区分", "内容"])
    return (
        table.sort_values(["順", "課題", "受講者ID"], kind="stable")
        .drop(columns="順")
        .reset_index(drop=True)
    )
