"""The whole grading workflow on a class with every kind of broken, tampering and snooping submission.

Real nbgrader, real bubblewrap. One class is graded once (``python -m kit.trainer grade``) and
then looked at from every side: scores in the gradebook, reasons in the records, what the
sandbox let a snooping submission see, the feedback pages and the class report.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from nbgrader.api import Gradebook
from support import COURSE, REPO, hidden_regions

from kit.trainer.course import Course, tool_environment
from kit.trainer.practice import practice_notebook
from kit.trainer.records import read_records
from kit.trainer.sandbox import detect_sandbox
from kit.trainer.scratch_gradebook import assignment_gradebook
from kit.trainer.submission import nbgrader_meta

pytestmark = pytest.mark.slow

# Which stage0 questions each trainee's submission really answers correctly.
ALL = {"q1", "q2", "q3", "q4", "q5"}
PASSES = {
    "good1": ALL,
    "good2": ALL - {"q3"},
    "blank": set(),
    "edited": ALL - {"q1"},
    "deleted": ALL - {"q1"},
    "celltype": ALL,
    "loop": ALL,
    "dead": {"q1", "q2"},
    "huge": ALL,
    "invalid": set(),
    "other": set(),
    "wrongname": set(),
    "tamper": set(),
    "snoop": ALL,
    "leak": ALL,
}
POINTS = 2.0  # every stage0 test cell

# Every test cell is wrapped in try/except before it runs, and tracebacks are switched off:
# the outputs of a failing test look like a pass. Only the trusted re-check stands in the way.
TAMPER = r"""
_ip = get_ipython()
_ip.showtraceback = lambda *args, **kwargs: None
def _swallow(lines):
    body = "".join(lines).splitlines()
    return ["try:\n", *["    " + line + "\n" for line in body], "    pass\n", "except BaseException:\n", "    pass\n"]
_ip.input_transformers_post.append(_swallow)
"""

SNOOP = r"""
import glob, json, os, socket
found = {}
for name, path in READS.items():
    try:
        with open(path, "rb") as fh:
            found[name] = "read:" + fh.read(60).decode("utf-8", "replace")
    except Exception as error:
        found[name] = type(error).__name__
for name, path in WRITES.items():
    try:
        with open(path, "w") as fh:
            fh.write("written by a submission")
        found[name] = "wrote"
    except Exception as error:
        found[name] = type(error).__name__
try:
    socket.create_connection(("1.1.1.1", 53), timeout=3)
    found["network"] = "connected"
except Exception as error:
    found["network"] = type(error).__name__
here = os.getcwd()
while here != "/" and not os.path.exists(os.path.join(here, "gradebook.db")):
    here = os.path.dirname(here)
found["gradebook"] = os.path.join(here, "gradebook.db") if here != "/" else "none"
found["siblings"] = sorted(glob.glob(os.path.join(os.path.dirname(os.path.dirname(os.getcwd())), "*")))
found["scratch_course"] = os.path.exists(os.path.join(os.path.dirname(os.getcwd()), "course"))
print("SNOOP " + json.dumps(found, ensure_ascii=False))
"""

# Prints every cell's source as it runs (the hidden tests too) and keeps them for later.
LEAK_HOOK = (
    "seen = []\n"
    'get_ipython().events.register("pre_run_cell", lambda info: (print(info.raw_cell), seen.append(info.raw_cell)))'
)
LEAK_LATER = 'print("\\n".join(seen))'
LEAK_FILE = 'print(open("intro.ipynb", encoding="utf-8").read())'


def _code(source: str, cell_id: str):
    return new_code_cell(source, id=cell_id)


def _index(notebook, grade_id: str) -> int:
    return next(
        i for i, c in enumerate(notebook.cells) if nbgrader_meta(c).get("grade_id") == grade_id
    )


def _practice_source() -> nbformat.NotebookNode:
    """A tiny second assignment without a kit checker (its notebook is also called intro)."""

    def marked(cell, grade_id, **flags):
        cell.metadata["nbgrader"] = {
            "grade_id": grade_id,
            "schema_version": 3,
            "task": False,
            **flags,
        }
        return cell

    return new_notebook(
        cells=[
            new_markdown_cell("# 練習"),
            marked(new_code_cell("answer = None  # 練習の準備"), "setup", grade=False, solution=False, locked=True),
            marked(new_code_cell("### BEGIN SOLUTION\nanswer = 42\n### END SOLUTION"), "a_answer", grade=False, solution=True, locked=False),
            marked(
                new_code_cell("assert answer is not None, '答えがありません'\n### BEGIN HIDDEN TESTS\nassert answer == 42\n### END HIDDEN TESTS"),
                "a_test", grade=True, solution=False, locked=True, points=1,
            ),
        ],
        metadata={"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}},
    )  # fmt: skip


def _submissions(course: Course) -> dict[str, tuple[str, str, object]]:
    """trainee → (assignment, file name, notebook or raw text)."""
    release = nbformat.read(course.release / "stage0" / "intro.ipynb", as_version=4)
    source = nbformat.read(course.source / "stage0" / "intro.ipynb", as_version=4)

    def answered(wrong=()):
        return practice_notebook(release, source, "stage0", set(wrong))

    subs = {
        name: answered()
        for name in ("good1", "celltype", "loop", "dead", "huge", "snoop", "leak", "wrongname")
    }
    subs["good2"] = answered({"q3_answer"})
    subs["blank"] = release
    subs["edited"] = answered({"q1_answer"})
    subs["edited"].cells[
        _index(subs["edited"], "q1_test")
    ].source = "pass  # 自動採点を書きかえました"
    deleted = answered()
    for grade_id in ("q1_answer", "q1_test", "q2_test"):
        del deleted.cells[_index(deleted, grade_id)]
    subs["deleted"] = deleted
    for grade_id in ("q2_test", "q3_answer"):  # code cells turned into Markdown
        index = _index(subs["celltype"], grade_id)
        cell = subs["celltype"].cells[index]
        subs["celltype"].cells[index] = new_markdown_cell(
            cell.source, metadata=cell.metadata, id=cell.id
        )
    setup = _index(release, "setup") + 1
    subs["loop"].cells.insert(setup, _code("while True:\n    pass", "loop"))
    subs["dead"].cells.insert(
        _index(subs["dead"], "q2_test") + 1, _code("import os\nos._exit(1)", "dead")
    )
    subs["huge"].cells.insert(
        setup, _code("for i in range(120000):\n    print('出力', i)", "print")
    )
    subs["huge"].cells.insert(setup + 1, _code("'x' * 3_000_000", "big"))
    subs["tamper"] = answered({f"{q}_answer" for q in ALL})
    subs["tamper"].cells.insert(setup, _code(TAMPER, "tamper"))
    reads = {
        "real_source": str(course.source / "stage0" / "intro.ipynb"),
        "real_gradebook": str(course.root / "gradebook.db"),
        "other_trainee": str(course.submitted / "good1" / "stage0" / "intro.ipynb"),
        "relative_source": "../../source/stage0/intro.ipynb",
        "relative_source_3": "../../../source/stage0/intro.ipynb",
        "shadow": "/etc/shadow",
    }
    writes = {
        "into_course": str(course.root / "hacked.txt"),
        "into_kit": str(REPO / "kit" / "hacked.txt"),
        "into_root": "/hacked.txt",
    }
    snoop = f"READS = {reads!r}\nWRITES = {writes!r}\n" + SNOOP
    subs["snoop"].cells.insert(setup, _code(snoop, "snoop"))
    subs["leak"].cells.insert(setup, _code(LEAK_HOOK, "hook"))
    subs["leak"].cells.append(_code(LEAK_LATER, "later"))
    subs["leak"].cells.append(_code(LEAK_FILE, "file"))
    other = nbformat.read(course.release / "practice" / "intro.ipynb", as_version=4)
    files = {name: ("stage0", "intro.ipynb", nb) for name, nb in subs.items()}
    files["invalid"] = (
        "stage0",
        "intro.ipynb",
        '{"cells": [{"cell_type": "code", "source": "x = 1"',
    )
    files["other"] = ("stage0", "intro.ipynb", other)
    files["wrongname"] = ("stage0", "intro_final.ipynb", subs["wrongname"])
    return files


def _run(course: Course, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**tool_environment(), "KIT_COURSE": str(course.root)}
    return subprocess.run(
        [sys.executable, "-m", "kit.trainer", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    if not detect_sandbox().isolated:
        pytest.skip("bubblewrap が使えません（apt-get install bubblewrap）")
    root = tmp_path_factory.mktemp("class") / "course"
    (root / "source").mkdir(parents=True)
    shutil.copy2(COURSE / "nbgrader_config.py", root / "nbgrader_config.py")
    shutil.copytree(COURSE / "source" / "stage0", root / "source" / "stage0")
    (root / "source" / "practice").mkdir()
    nbformat.write(_practice_source(), root / "source" / "practice" / "intro.ipynb")
    (root / "roster.csv").write_text(
        "受講者ID,氏名\n" + "".join(f"{t},架空 {t}\n" for t in [*PASSES, "absent"]),
        encoding="utf-8",
    )
    course = Course(root)
    for assignment in ("stage0", "practice"):
        course.nbgrader("generate_assignment", assignment, "--force")
    for trainee, (assignment, name, notebook) in _submissions(course).items():
        target = course.submitted / trainee / assignment / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            notebook if isinstance(notebook, str) else nbformat.writes(notebook), encoding="utf-8"
        )
    practice = nbformat.read(course.release / "practice" / "intro.ipynb", as_version=4)
    for trainee, answer in (("good1", "answer = 42"), ("blank", "answer = 7")):
        practice.cells[_index(practice, "a_answer")].source = answer
        (course.submitted / trainee / "practice").mkdir(parents=True)
        nbformat.write(practice, course.submitted / trainee / "practice" / "intro.ipynb")
    proc = _run(
        course, "grade", "--jobs", "2", "--cell-timeout", "10", "--timeout", "120", "--quiet"
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return course, proc.stdout


def _scores(course: Course, assignment: str) -> dict[str, dict[str, float]]:
    with Gradebook(f"sqlite:///{course.root / 'gradebook.db'}") as gb:
        return {
            s.student.id: {g.name: g.auto_score for nb in s.notebooks for g in nb.grades}
            for s in gb.find_assignment(assignment).submissions
        }


def _records(course: Course, assignment: str = "stage0"):
    return {r.trainee: r for r in read_records(course.records, assignment)}


def _codes(record) -> list[str]:
    return sorted(p.code for _, p in record.all_problems())


def test_every_trainee_gets_exactly_the_points_earned(graded):
    course, _ = graded
    scores = _scores(course, "stage0")
    assert set(scores) == set(PASSES)
    for trainee, passes in PASSES.items():
        expected = {f"{q}_test": POINTS if q in passes else 0.0 for q in ALL}
        got = {k: v for k, v in scores[trainee].items() if k.endswith("_test")}
        assert got == expected, trainee


def test_each_broken_submission_is_reported_with_its_reason(graded):
    course, summary = graded
    records = _records(course)
    assert _codes(records["good1"]) == []
    assert _codes(records["invalid"]) == ["invalid_json"]
    assert records["invalid"].notebooks["intro"].status == "unreadable"
    assert _codes(records["other"]) == ["wrong_assignment"]
    assert "practice" in records["other"].all_problems()[0][1].message
    assert _codes(records["wrongname"]) == ["missing", "wrong_name"]
    assert _codes(records["edited"]) == ["edited"]
    assert _codes(records["deleted"]) == ["deleted", "deleted"]
    assert _codes(records["celltype"]) == ["cell_type", "cell_type"]
    assert _codes(records["loop"]) == ["cell_timeout"]
    assert _codes(records["dead"]) == ["kernel_died"]
    assert _codes(records["huge"]) == ["output_cut"]
    assert _codes(records["tamper"]) == ["recheck"] * 5
    for trainee in ("invalid", "other", "wrongname", "dead", "tamper"):
        assert trainee in summary
    assert "JSON として正しくありません" in summary and "別の課題（practice）" in summary


def test_tampered_outputs_looked_like_passes_but_earned_nothing(graded):
    course, _ = graded
    cells = _records(course)["tamper"].notebooks["intro"].cells
    tests = [cells[f"{q}_test"] for q in sorted(ALL)]
    assert all(c.output_score == POINTS for c in tests), "the attack should have fooled the outputs"
    assert all(c.final == 0.0 and c.removed and c.recheck == "incorrect" for c in tests)


def test_questions_without_a_kit_checker_keep_nbgraders_score(graded):
    course, _ = graded
    scores = _scores(course, "practice")
    assert scores["good1"]["a_test"] == 1.0 and scores["blank"]["a_test"] == 0.0
    assert _records(course, "practice")["good1"].notebooks["intro"].cells["a_test"].recheck is None


def test_snooping_submission_saw_nothing_and_wrote_nothing(graded):
    course, _ = graded
    autograded = nbformat.read(course.autograded / "snoop" / "stage0" / "intro.ipynb", as_version=4)
    text = next(
        o.text
        for c in autograded.cells
        for o in c.get("outputs", [])
        if "SNOOP " in o.get("text", "")
    )
    found = json.loads(text.split("SNOOP ", 1)[1])
    for name in (
        "real_source",
        "real_gradebook",
        "other_trainee",
        "relative_source",
        "relative_source_3",
        "shadow",
    ):
        assert found[name] in ("FileNotFoundError", "PermissionError"), (name, found[name])
    for name in ("into_course", "into_kit", "into_root"):
        assert found[name] in ("OSError", "PermissionError", "FileNotFoundError"), (
            name,
            found[name],
        )
    assert not (course.root / "hacked.txt").exists() and not (REPO / "kit" / "hacked.txt").exists()
    assert found["network"] != "connected"
    assert found["gradebook"] == "none"  # not even the job's own gradebook is in reach
    assert found["scratch_course"] is False  # nor the scratch course where nbgrader writes
    assert len(found["siblings"]) == 1  # its own job folder only, no other trainee's


def test_a_jobs_gradebook_holds_no_trainee_and_no_other_assignment(graded, tmp_path):
    course, _ = graded
    release = {"intro": nbformat.read(course.release / "stage0" / "intro.ipynb", as_version=4)}
    url = f"sqlite:///{course.root / 'gradebook.db'}"
    copy = assignment_gradebook(url, "data-academy", "stage0", release, tmp_path)
    with Gradebook(f"sqlite:///{copy}") as gb:
        assert gb.students == []
        assert [a.name for a in gb.assignments] == ["stage0"]
        stubs = {
            c.source
            for nb in gb.find_assignment("stage0").notebooks
            for c in nb.source_cells
            if c.name.endswith("_answer")
        }
        assert stubs == {"# ここに答えのコードを書いてください"}
    raw = copy.read_bytes()
    assert b"good1" not in raw and b"practice" not in raw  # deleted rows are vacuumed away


def test_only_graded_notebooks_are_kept_and_scratch_is_gone(graded):
    course, _ = graded
    kept = sorted(p.parent.parent.name for p in course.autograded.glob("*/stage0/intro.ipynb"))
    assert kept == sorted(set(PASSES) - {"invalid", "other", "wrongname"})
    huge = course.autograded / "huge" / "stage0" / "intro.ipynb"
    assert huge.stat().st_size < 3_000_000
    dead = nbformat.read(course.autograded / "dead" / "stage0" / "intro.ipynb", as_version=4)
    q5 = dead.cells[_index(dead, "q5_test")]
    assert "BEGIN HIDDEN TESTS" in q5.source  # the saved test, for feedback to redact
    assert q5.outputs[0].ename == "NotExecuted"


def test_feedback_has_no_hidden_test_even_from_a_leaking_submission(graded):
    course, _ = graded
    proc = _run(course, "feedback", "--assignment", "stage0")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    source = nbformat.read(course.source / "stage0" / "intro.ipynb", as_version=4)
    hidden = [line for line in hidden_regions(source) if len(line) >= 8]
    pages = sorted(course.feedback.glob("*/stage0/intro.html"))
    assert {p.parent.parent.name for p in pages} == set(PASSES) - {"invalid", "other", "wrongname"}
    for page in pages:
        plain = re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8"))
        forms = {
            f
            for line in hidden
            for f in (line, line.replace('"', "&quot;"), json.dumps(line, ensure_ascii=False)[1:-1])
        }
        leaked = [form for form in forms if form in plain]
        assert leaked == [], page
    leak = (course.feedback / "leak" / "stage0" / "intro.html").read_text(encoding="utf-8")
    assert "非公開のテストの内容が含まれていた" in leak  # the kept sources, printed later
    autograded = nbformat.read(course.autograded / "leak" / "stage0" / "intro.ipynb", as_version=4)
    reading = next(c for c in autograded.cells if c.get("id") == "file")
    assert reading.outputs[-1].ename == "FileNotFoundError"  # the graded notebook is out of reach


def test_report_counts_the_class_by_value(graded, tmp_path):
    course, _ = graded
    proc = _run(course, "report", "--assignment", "stage0", "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    graded_count = len(PASSES)
    expected = {
        f"問{q[1]}": sum(q in p for p in PASSES.values()) / graded_count for q in sorted(ALL)
    }
    rates = pd.read_excel(tmp_path / "grades.xlsx", sheet_name="通過率")
    assert dict(zip(rates["問"], rates["通過率"].round(6), strict=True)) == {
        k: round(v, 6) for k, v in expected.items()
    }
    assert set(rates["採点数"]) == {graded_count}
    grades = pd.read_csv(tmp_path / "grades.csv", encoding="utf-8-sig")
    by_trainee = grades.set_index("受講者ID")
    for trainee, passes in PASSES.items():
        assert by_trainee.loc[trainee, "得点"] == POINTS * len(passes), trainee
        assert by_trainee.loc[trainee, "氏名"] == f"架空 {trainee}"
    missing = pd.read_excel(tmp_path / "grades.xlsx", sheet_name="未提出")
    assert list(missing["受講者ID"]) == ["absent"]
    failures = pd.read_excel(tmp_path / "grades.xlsx", sheet_name="つまずき")
    wrong_q3 = failures[
        (failures["問"] == "問3") & failures["メッセージ"].str.contains("表か列にしてください")
    ]
    assert wrong_q3["人数"].tolist() == [2]  # good2 and tamper answered q3 with None
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == 2
    assert "<script" not in html and "http://" not in html and "https://" not in html
    assert "absent（架空 absent）" in html
    row = r'<td>問1</td><td class="num">15</td><td class="num">8</td><td class="num">53%</td>'
    assert re.search(row, html)
    assert "どの問題も半数以上が満点です" in html


def test_notebook_time_limit_stops_a_slow_notebook_and_says_so(tmp_path):
    if not detect_sandbox().isolated:
        pytest.skip("bubblewrap が使えません（apt-get install bubblewrap）")
    root = tmp_path / "course"
    (root / "source" / "practice").mkdir(parents=True)
    shutil.copy2(COURSE / "nbgrader_config.py", root / "nbgrader_config.py")
    nbformat.write(_practice_source(), root / "source" / "practice" / "intro.ipynb")
    course = Course(root)
    course.nbgrader("generate_assignment", "practice", "--force")
    slow = nbformat.read(course.release / "practice" / "intro.ipynb", as_version=4)
    slow.cells[_index(slow, "a_answer")].source = "answer = 42"
    for n in range(3):
        slow.cells.insert(_index(slow, "a_test"), _code("import time\ntime.sleep(8)", f"slow{n}"))
    (course.submitted / "t01" / "practice").mkdir(parents=True)
    nbformat.write(slow, course.submitted / "t01" / "practice" / "intro.ipynb")
    proc = _run(course, "grade", "--timeout", "12", "--cell-timeout", "10", "--quiet")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    record = _records(course, "practice")["t01"]
    assert "notebook_timeout" in _codes(record)
    assert record.notebooks["intro"].cells["a_test"].final == 0.0  # its test never ran
    assert "制限時間を過ぎた" in proc.stdout
