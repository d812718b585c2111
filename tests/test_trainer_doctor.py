"""doctor: finds planted problems, says what to do in Japanese, passes on a good set-up."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from support import COURSE, REPO

from kit.trainer.course import Course, tool_environment
from kit.trainer.doctor import diagnose, format_findings, has_errors
from kit.trainer.doctor_checks import check_versions
from kit.trainer.doctor_grading import check_exchange, check_lab_extension, check_server_extensions


def _exchange(tmp_path, mode, inbound_mode=None):
    root = tmp_path / "exchange"
    root.mkdir()
    os.chmod(root, mode)
    if inbound_mode is not None:
        inbound = root / "data-academy" / "inbound"
        inbound.mkdir(parents=True)
        os.chmod(inbound, inbound_mode)
    return root


def test_exchange_without_write_permission_is_an_error_with_the_fix(tmp_path):
    root = _exchange(tmp_path, 0o755)
    [finding] = check_exchange(root, configured=True)
    assert finding.level == "error"
    assert "0755" in finding.message and "書き込めません" in finding.message
    assert finding.action == f"sudo chmod 1777 {root}"


def test_exchange_without_sticky_bit_is_a_warning(tmp_path):
    [finding] = check_exchange(_exchange(tmp_path, 0o777), configured=True)
    assert finding.level == "warning" and "sticky" in finding.message


def test_inbound_listable_by_everyone_is_an_error(tmp_path):
    findings = check_exchange(_exchange(tmp_path, 0o1777, inbound_mode=0o2777), configured=True)
    assert [f.level for f in findings] == ["error"]
    assert "他の受講者の提出物" in findings[0].message


def test_good_exchange_and_missing_optional_exchange_pass(tmp_path):
    assert [
        f.level
        for f in check_exchange(_exchange(tmp_path, 0o1777, inbound_mode=0o2733), configured=True)
    ] == ["ok"]
    assert check_exchange(tmp_path / "none", configured=False)[0].level == "ok"
    assert check_exchange(tmp_path / "none", configured=True)[0].level == "error"


SERVER_OK = """
    nbgrader.server_extensions.formgrader \x1b[32menabled\x1b[0m
    - Validating nbgrader.server_extensions.formgrader...
      nbgrader.server_extensions.formgrader  \x1b[32mOK\x1b[0m
    nbgrader.server_extensions.validate_assignment enabled
      nbgrader.server_extensions.validate_assignment  OK
    nbgrader.server_extensions.assignment_list enabled
      nbgrader.server_extensions.assignment_list  OK
    nbgrader.server_extensions.course_list enabled
      nbgrader.server_extensions.course_list  OK
"""


def test_server_extension_output_is_read():
    assert [f.level for f in check_server_extensions(SERVER_OK)] == ["ok"]
    disabled = SERVER_OK.replace("formgrader \x1b[32menabled", "formgrader \x1b[31mdisabled")
    [finding] = check_server_extensions(disabled)
    assert finding.level == "error" and "formgrader" in finding.message
    assert finding.action.startswith("jupyter server extension enable")


def test_lab_extension_flagged_incompatible_or_with_trainer_panels_disabled():
    good = "JupyterLab v4.6.6\n        @jupyter/nbgrader v0.9.6 enabled OK\n"
    assert check_lab_extension(good)[0].level == "ok"
    flagged = (
        "        @jupyter/nbgrader v0.9.6 enabled  X\n\n"
        "   The following extensions may be outdated or specify dependencies that are incompatible with the current version of jupyterlab:\n"
        "        @jupyter/nbgrader\n"
    )
    assert check_lab_extension(flagged)[0].level == "error"
    panels_off = good + "\nDisabled extensions:\n    @jupyter/nbgrader:formgrader (all plugins)\n"
    [finding] = check_lab_extension(panels_off)
    assert finding.level == "warning" and "formgrader" in finding.message


def test_versions_against_a_planted_lock(tmp_path):
    lock = tmp_path / "requirements.lock"
    lock.write_text(
        "nbgrader==0.0.1\npytest==0.0.1\nnot-installed-pkg==1.0\nnbformat==99 ; sys_platform == 'nonexistent'\n"
    )
    findings = {f.message.split(":")[0]: f.level for f in check_versions(lock)}
    assert findings == {"nbgrader": "error", "pytest": "warning", "not-installed-pkg": "error"}


def test_planted_problem_fails_the_whole_diagnosis(tmp_path):
    findings = diagnose(Course(COURSE), _exchange(tmp_path, 0o700), extensions=False)
    assert has_errors(findings)
    text = format_findings(findings)
    assert "✗ [交換フォルダ]" in text and "→ sudo chmod 1777" in text
    assert "直す必要があること" in text


def test_command_exits_non_zero_on_a_planted_problem(tmp_path, monkeypatch, capsys):
    from kit.trainer import doctor_grading
    from kit.trainer.__main__ import main

    canned = {"server": SERVER_OK, "labextension": "@jupyter/nbgrader v0.9.6 enabled OK\n"}
    monkeypatch.setattr(doctor_grading, "_jupyter", lambda *args: canned[args[0]])
    monkeypatch.setenv("KIT_COURSE", str(COURSE))
    with pytest.raises(SystemExit) as exit_status:
        main(["doctor", "--exchange", str(_exchange(tmp_path, 0o755))])
    assert exit_status.value.code == 1
    assert "書き込めません" in capsys.readouterr().out


@pytest.mark.slow
def test_good_setup_passes_and_the_command_exits_zero(tmp_path):
    """This machine as the tests set it up (pinned environment, bubblewrap, fonts) is ready."""
    exchange = _exchange(tmp_path, 0o1777)
    proc = subprocess.run(
        [sys.executable, "-m", "kit.trainer", "doctor", "--exchange", str(exchange)],
        cwd=REPO, env={**tool_environment(), "KIT_COURSE": str(COURSE)}, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "✗" not in proc.stdout
    assert "✓ [nbgrader] JupyterLab の nbgrader 拡張は有効です。" in proc.stdout
