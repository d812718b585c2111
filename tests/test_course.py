"""The course end to end with real nbgrader: release, validate, autograde, feedback.

One scratch copy of the course is graded for three trainees per assignment:
``good`` (the release with the model answers typed in), ``blank`` (the release untouched) and
``tamper`` (wrong answers plus a cell that disables kit's visible checkers).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook
from support import (
    assignments,
    copy_course,
    hidden_regions,
    nbgrader,
    read_notebook,
    solution_regions,
    source_notebooks,
)

from kit.trainer.feedback import HIDDEN_FAILURE
from kit.trainer.practice import model_answers

pytestmark = pytest.mark.slow

# Answers every question with a wrong value and makes kit's visible checkers accept anything:
# only the hidden tests stand between this submission and full marks.
TAMPER_CELL = """
import importlib, pkgutil, kit.exercises
for _m in pkgutil.iter_modules(kit.exercises.__path__):
    if _m.name.startswith("stage"):
        for _q in importlib.import_module("kit.exercises." + _m.name).QUESTIONS.values():
            _q.checker = lambda *answers: None
            for _name in _q.names:
                globals()[_name] = -1
"""


def _fill(release: dict, answers: dict[str, str]) -> dict:
    filled = json.loads(json.dumps(release))
    for cell in filled["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell["source"] = answers[grade_id]
    return filled


def _tampered(release: dict) -> dict:
    tampered = json.loads(json.dumps(release))
    cells = tampered["cells"]
    setup = next(
        i
        for i, c in enumerate(cells)
        if c["metadata"].get("nbgrader", {}).get("grade_id") == "setup"
    )
    cells.insert(
        setup + 1,
        {
            "cell_type": "code",
            "metadata": {},
            "source": TAMPER_CELL,
            "outputs": [],
            "execution_count": None,
            "id": "tamper",
        },
    )
    return tampered


def _write(path: Path, notebook: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(notebook, ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = copy_course(tmp_path_factory.mktemp("course"))
    for assignment in assignments():
        nbgrader(course, "generate_assignment", assignment, "--force")
        for release_path in sorted((course / "release" / assignment).glob("*.ipynb")):
            source = nbformat.read(course / "source" / assignment / release_path.name, 4)
            release = read_notebook(release_path)
            submitted = course / "submitted"
            _write(
                submitted / "good" / assignment / release_path.name,
                _fill(release, model_answers(source)),
            )
            _write(submitted / "blank" / assignment / release_path.name, release)
            _write(submitted / "tamper" / assignment / release_path.name, _tampered(release))
        nbgrader(course, "autograde", assignment, "--force")
        nbgrader(course, "generate_feedback", assignment, "--force")
    return course


def _scores(course: Path, assignment: str, student: str) -> list:
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        submission = gb.find_submission(assignment, student)
        return [(nb.name, nb.code_score, nb.max_code_score) for nb in submission.notebooks]


@pytest.mark.parametrize("notebook", source_notebooks(), ids=lambda p: p.parent.name)
def test_source_notebook_passes_nbgrader_validate(notebook, tmp_path):
    course = copy_course(tmp_path / "course")
    proc = nbgrader(
        course,
        "validate",
        str(course / "source" / notebook.parent.name / notebook.name),
        check=False,
    )
    assert "Success! Your notebook passes all the tests." in proc.stdout, proc.stdout + proc.stderr


@pytest.mark.parametrize("assignment", assignments())
def test_release_holds_no_solution_and_no_hidden_test(graded, assignment):
    for release_path in (graded / "release" / assignment).glob("*.ipynb"):
        text = release_path.read_text(encoding="utf-8")
        source = read_notebook(graded / "source" / assignment / release_path.name)
        assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
        leaked = [
            line for line in hidden_regions(source) + solution_regions(source) if line in text
        ]
        # Solution lines that also appear in the worked examples are not leaks; none of these may.
        assert [line for line in leaked if "=" in line or "assert" in line] == []


@pytest.mark.parametrize("assignment", assignments())
def test_validate_invert_fails_every_test_on_the_release(graded, assignment):
    for release_path in (graded / "release" / assignment).glob("*.ipynb"):
        proc = nbgrader(graded, "validate", "--invert", str(release_path), check=False)
        assert "Success! The notebook does not pass any tests." in proc.stdout, proc.stdout


@pytest.mark.parametrize("assignment", assignments())
def test_correct_submission_gets_full_autograded_marks_without_errors(graded, assignment):
    for name, score, maximum in _scores(graded, assignment, "good"):
        assert maximum > 0 and score == maximum, (assignment, name, score, maximum)
    for path in (graded / "autograded" / "good" / assignment).glob("*.ipynb"):
        errors = [
            "".join(c["source"])[:80]
            for c in read_notebook(path)["cells"]
            if any(o.get("output_type") == "error" for o in c.get("outputs", []))
        ]
        assert errors == [], f"cells raised errors in {path.name}: {errors}"


@pytest.mark.parametrize("assignment", assignments())
def test_blank_and_tampered_submissions_score_zero(graded, assignment):
    for student in ("blank", "tamper"):
        for name, score, maximum in _scores(graded, assignment, student):
            assert maximum > 0 and score == 0, (student, assignment, name, score)


@pytest.mark.parametrize("assignment", assignments())
def test_feedback_shows_no_hidden_test(graded, assignment):
    for student in ("good", "blank", "tamper"):
        for html_path in (graded / "feedback" / student / assignment).glob("*.html"):
            html = html_path.read_text(encoding="utf-8")
            source = read_notebook(
                graded / "source" / assignment / html_path.with_suffix(".ipynb").name
            )
            plain = re.sub(r"<[^>]+>", "", html)
            for line in hidden_regions(source):
                assert line not in plain, f"{student}/{html_path.name} shows hidden line {line!r}"
            assert "HIDDEN TESTS" not in plain


@pytest.mark.parametrize("assignment", assignments())
def test_tampered_feedback_says_a_hidden_test_failed(graded, assignment):
    htmls = list((graded / "feedback" / "tamper" / assignment).glob("*.html"))
    assert htmls
    assert all(HIDDEN_FAILURE in h.read_text(encoding="utf-8") for h in htmls)
