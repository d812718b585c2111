"""Collecting from a folder or zip: names mapped to trainees, every unplaceable file reported."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import COURSE

from kit.errors import InputError
from kit.trainer.collect import collect_exchange, collect_files
from kit.trainer.collect_names import place
from kit.trainer.course import Course, tool_environment
from kit.trainer.roster import parse_roster, read_roster

NOTEBOOK = b'{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}'


@pytest.fixture
def course(tmp_path) -> Course:
    root = tmp_path / "course"
    (root / "source" / "stage0").mkdir(parents=True)
    shutil.copy2(COURSE / "nbgrader_config.py", root / "nbgrader_config.py")
    shutil.copy2(
        COURSE / "source" / "stage0" / "intro.ipynb", root / "source" / "stage0" / "intro.ipynb"
    )
    return Course(root)


class _ShiftJisName(zipfile.ZipInfo):
    """A member name as Windows Explorer writes it: Shift_JIS bytes, no UTF-8 flag."""

    def _encodeFilenameFlags(self):  # noqa: N802 — zipfile's own hook
        return self.filename.encode("cp932"), self.flag_bits


def _cp932_zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(_ShiftJisName(name, date_time=(2026, 4, 1, 10, 0, 0)), data)


def _submitted(course: Course) -> dict[str, bytes]:
    return {
        p.relative_to(course.submitted).as_posix(): p.read_bytes()
        for p in course.submitted.rglob("*.ipynb")
    }


def test_folder_layouts_are_placed_and_the_rest_reported(course, tmp_path):
    drive = tmp_path / "drive"
    files = {
        "t01/intro.ipynb": NOTEBOOK,
        "t02/stage0/intro.ipynb": NOTEBOOK,
        "t03_intro.ipynb": NOTEBOOK,
        "intro-t04.ipynb": NOTEBOOK,
        "ｔ０５＿intro (1).ipynb": NOTEBOOK,  # full-width ID, a browser's "(1)"
        "名前なし.ipynb": NOTEBOOK,
        "t06_memo.txt": b"memo",
        "__MACOSX/._t01_intro.ipynb": b"junk",
        ".ipynb_checkpoints/intro-checkpoint.ipynb": NOTEBOOK,
    }
    for name, data in files.items():
        (drive / name).parent.mkdir(parents=True, exist_ok=True)
        (drive / name).write_bytes(data)
    result = collect_files(course, "stage0", drive)
    assert sorted((c.trainee, c.notebook) for c in result.placed) == [
        ("t01", "intro"), ("t02", "intro"), ("t03", "intro"), ("t04", "intro"), ("t05", "intro"),
    ]  # fmt: skip
    assert sorted(_submitted(course)) == [f"t0{i}/stage0/intro.ipynb" for i in range(1, 6)]
    assert dict(result.unplaced) == {
        "名前なし.ipynb": "名前から受講者IDが分かりません（名簿 roster.csv があれば氏名でも探せます）。",
        "t06_memo.txt": "ノートブック（.ipynb）ではありません。",
    }


def test_windows_zip_with_japanese_names_and_a_roster_of_names(course, tmp_path):
    (course.root / "roster.csv").write_bytes(
        "受講者ID,氏名\nt01,架空 一郎\nt02,架空 花子\nt03,架空 三郎\n".encode("cp932")
    )
    archive = tmp_path / "lms.zip"
    _cp932_zip(
        archive,
        {
            "架空 一郎_1001_assignsubmission_file_/intro.ipynb": NOTEBOOK,
            "架空花子_intro.ipynb": NOTEBOOK,
            "知らない人_intro.ipynb": NOTEBOOK,
        },
    )
    result = collect_files(course, "stage0", archive)
    assert sorted(c.trainee for c in result.placed) == ["t01", "t02"]
    assert [name for name, _ in result.unplaced] == ["知らない人_intro.ipynb"]
    assert "名簿" in result.unplaced[0][1]
    assert result.missing == ["t03"]


def test_nested_zip_duplicates_keep_the_newest_and_report_the_other(course, tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr(zipfile.ZipInfo("intro.ipynb", date_time=(2026, 4, 1, 9, 0, 0)), b'{"old": 1}')
    archive = tmp_path / "all.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr(zipfile.ZipInfo("t07.zip", date_time=(2026, 4, 1, 9, 0, 0)), inner.getvalue())
        z.writestr(zipfile.ZipInfo("t07_intro.ipynb", date_time=(2026, 4, 1, 11, 0, 0)), NOTEBOOK)
    result = collect_files(course, "stage0", archive)
    assert [(c.source, c.trainee) for c in result.placed] == [("t07_intro.ipynb", "t07")]
    assert result.unplaced[0][0] == "t07/intro.ipynb"
    assert "新しいほう" in result.unplaced[0][1]
    assert _submitted(course)["t07/stage0/intro.ipynb"] == NOTEBOOK


def test_trainers_own_pattern_takes_precedence(course, tmp_path):
    drive = tmp_path / "mail"
    drive.mkdir()
    (drive / "提出_2026-04-01_abc123.ipynb").write_bytes(NOTEBOOK)
    (drive / "提出_2026-04-01.ipynb").write_bytes(NOTEBOOK)
    result = collect_files(
        course, "stage0", drive, pattern=r"提出_[\d-]+_(?P<trainee>[a-z0-9]+)\.ipynb$"
    )
    assert [c.trainee for c in result.placed] == ["abc123"]
    assert result.unplaced == [("提出_2026-04-01.ipynb", "指定したパターンに合いません。")]
    with pytest.raises(InputError, match="trainee"):
        collect_files(course, "stage0", drive, pattern=r"(?P<who>\w+)")


def test_collecting_again_replaces_and_says_so(course, tmp_path):
    drive = tmp_path / "d"
    drive.mkdir()
    (drive / "t01_intro.ipynb").write_bytes(NOTEBOOK)
    assert [c.replaced for c in collect_files(course, "stage0", drive).placed] == [False]
    assert [c.replaced for c in collect_files(course, "stage0", drive).placed] == [True]


def test_symlinks_in_the_folder_are_not_followed(course, tmp_path):
    drive = tmp_path / "d"
    drive.mkdir()
    secret = tmp_path / "secret.ipynb"
    secret.write_bytes(b"secret")
    os.symlink(secret, drive / "t01_intro.ipynb")
    assert collect_files(course, "stage0", drive).placed == []


def test_roster_from_excel_with_roles_and_bad_ids():
    roster = parse_roster("ユーザー名,役割\nsensei,講師\ntrainee01,受講者\n")
    assert list(roster["受講者ID"]) == ["trainee01"]
    with pytest.raises(InputError, match="3 行目"):
        parse_roster("受講者ID\nt01\n../etc\n")
    with pytest.raises(InputError, match="2 回"):
        parse_roster("id\nt01\nt01\n")


def test_roster_file_in_shift_jis(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_bytes("受講者ID,氏名\nt01,架空 太郎\n".encode("cp932"))
    assert read_roster(path).to_dict("records") == [{"受講者ID": "t01", "氏名": "架空 太郎"}]


IDS = st.from_regex(r"[a-z][a-z0-9]{1,8}", fullmatch=True).filter(
    lambda s: "intro" not in s and "stage" not in s
)
LAYOUTS = [
    "{id}/intro.ipynb",
    "{id}/stage0/intro.ipynb",
    "{id}_intro.ipynb",
    "intro_{id}.ipynb",
    "stage0_{id}_intro.ipynb",
    "{id}-intro (2).ipynb",
]


@settings(deadline=None)
@given(trainee=IDS, layout=st.sampled_from(LAYOUTS))
def test_every_supported_layout_maps_back_to_its_trainee(trainee, layout):
    placed = place(layout.format(id=trainee), ["intro"], assignment="stage0")
    assert (placed.trainee, placed.notebook) == (trainee, "intro")


@pytest.mark.slow
def test_collect_from_the_exchange_lists_arrivals_and_who_is_missing(tmp_path):
    """nbgrader's own release → fetch → submit as a trainee, then the kit's collect."""
    root = tmp_path / "course"
    (root / "source").mkdir(parents=True)
    shutil.copytree(COURSE / "source" / "stage0", root / "source" / "stage0")
    config = (COURSE / "nbgrader_config.py").read_text(encoding="utf-8")
    exchange = tmp_path / "exchange"
    (root / "nbgrader_config.py").write_text(
        config + f"\nc.Exchange.root = {str(exchange)!r}\n", encoding="utf-8"
    )
    (root / "roster.csv").write_text("受講者ID\nt01\nt02\n", encoding="utf-8")
    course = Course(root)
    course.nbgrader("generate_assignment", "stage0", "--force")
    course.nbgrader("release_assignment", "stage0", "--force")
    home = tmp_path / "t01"
    home.mkdir()
    student = [
        f"--Exchange.root={exchange}",
        "--CourseDirectory.course_id=data-academy",
        "--CourseDirectory.student_id=t01",
    ]
    for command in (["fetch_assignment", "stage0"], ["submit", "stage0"]):
        proc = subprocess.run(
            [sys.executable, "-m", "nbgrader", *command, *student],
            cwd=home,
            env=tool_environment(),
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
    result = collect_exchange(course, "stage0")
    assert [(c.trainee, c.notebook, c.replaced) for c in result.placed] == [("t01", "intro", False)]
    assert (course.submitted / "t01" / "stage0" / "intro.ipynb").is_file()
    assert result.missing == ["t02"]
