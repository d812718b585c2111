"""The grading sandbox on its own: what a confined process can see and write, and how results are read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from support import COURSE, REPO

from kit.errors import KitError
from kit.trainer.jobs import Job, read_inside, run_jobs
from kit.trainer.sandbox import Sandbox, detect_sandbox, ensure_course_hidden, readable_paths
from kit.trainer.scratch import sandbox_env

PROBE = """
import json, os, socket, sys
found = {}
for path in sys.argv[1:]:
    try:
        with open(path, "rb") as fh:
            fh.read(1)
        found[path] = "read"
    except OSError as error:
        found[path] = type(error).__name__
for path in ("/probe.txt", os.environ["HOME"] + "/../../outside.txt", "/dev/probe.txt"):
    try:
        with open(path, "w") as fh:
            fh.write("x")
        found["write " + path] = "wrote"
    except OSError as error:
        found["write " + path] = type(error).__name__
with open(os.environ["HOME"] + "/ok.txt", "w") as fh:
    fh.write("x")
with open("/tmp/ok.txt", "w") as fh:
    fh.write("x")
try:
    socket.create_connection(("1.1.1.1", 53), timeout=2)
    found["network"] = "connected"
except OSError as error:
    found["network"] = type(error).__name__
found["uid"] = os.getuid()
print(json.dumps(found))
"""


@pytest.fixture
def sandbox() -> Sandbox:
    found = detect_sandbox()
    if not found.isolated:
        pytest.skip("bubblewrap が使えません（apt-get install bubblewrap）")
    return found


def test_confined_process_sees_only_its_scratch_and_cannot_write_elsewhere(sandbox, tmp_path):
    from kit.data import data_dir

    scratch = tmp_path / "job"
    (scratch / "home").mkdir(parents=True)
    secret = tmp_path / "other-job" / "answers.json"
    secret.parent.mkdir()
    secret.write_text("{}")
    readable = readable_paths(data_dir())
    env = sandbox_env(scratch, data_dir(), isolated=True)
    targets = [
        str(secret),
        str(COURSE / "nbgrader_config.py"),
        "/etc/shadow",
        str(REPO / "pyproject.toml"),
        str(REPO / "kit" / "__init__.py"),
    ]
    command = sandbox.command(
        [sys.executable, "-c", PROBE, *targets],
        scratch=scratch,
        readable=readable,
        env=env,
        cwd=scratch,
    )
    proc = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    assert found[str(secret)] == "FileNotFoundError"
    assert (
        found[str(COURSE / "nbgrader_config.py")] == "FileNotFoundError"
    )  # the course is not there
    assert found["/etc/shadow"] == "FileNotFoundError"
    assert found[str(REPO / "pyproject.toml")] == "FileNotFoundError"  # only kit/ of the checkout
    assert found[str(REPO / "kit" / "__init__.py")] == "read"
    assert found["write /probe.txt"] != "wrote" and found["write /dev/probe.txt"] != "wrote"
    # a path "outside" the scratch folder resolves inside it (its parents are scratch/tmp)
    assert not (tmp_path / "outside.txt").exists()
    assert found["network"] != "connected"
    assert found["uid"] != 0
    assert (scratch / "home" / "ok.txt").is_file() and (scratch / "tmp" / "ok.txt").is_file()


def test_command_drops_privileges_and_shows_no_secrets(tmp_path):
    command = Sandbox("bubblewrap", "/usr/bin/bwrap").command(
        ["true"], scratch=tmp_path, readable=[], env={"A": "1"}, cwd=tmp_path
    )
    joined = " ".join(command)
    for flag in (
        "--unshare-all",
        "--die-with-parent",
        "--new-session",
        "--clearenv",
        "--cap-drop ALL",
        "--remount-ro /",
    ):
        assert flag in joined
    assert "--ro-bind /etc /etc" not in joined and "/etc/shadow" not in joined
    assert "--ro-bind /etc/passwd /etc/passwd" in joined
    assert command[command.index("--uid") + 1] != "0"


def test_course_inside_a_shown_folder_is_refused(tmp_path):
    with pytest.raises(KitError, match="講座のフォルダ"):
        ensure_course_hidden(tmp_path / "venv" / "course", [tmp_path / "venv"])
    ensure_course_hidden(tmp_path / "course", [tmp_path / "venv"])


def test_editable_checkout_is_not_shown_whole():
    shown = readable_paths(REPO / "datasets")
    assert REPO.resolve() not in shown
    assert (REPO / "kit").resolve() in shown
    course = COURSE.resolve()
    assert not any(course == p or p in course.parents for p in shown)


def test_results_are_never_read_through_links_or_outside_the_job(tmp_path):
    job = tmp_path / "job"
    (job / "course").mkdir(parents=True)
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    os.symlink(secret, job / "course" / "result.ipynb")
    os.symlink(tmp_path, job / "linked")
    (job / "ok.json").write_text("{}")
    (job / "big.json").write_text("x" * 100)
    assert read_inside(job, "course/result.ipynb", 1000) is None
    assert read_inside(job, "linked/secret.txt", 1000) is None
    assert read_inside(job, "../secret.txt", 1000) is None
    assert read_inside(job, "big.json", 10) is None
    assert read_inside(job, "ok.json", 10) == "{}"


HANGING_WORKER = """
import json, os, sys, time
open(sys.argv[1], "w").write(str(os.getpid()))
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    time.sleep(3600)
"""


def test_a_job_that_overruns_is_cut_off_reported_and_its_worker_killed(tmp_path):
    pid_file = tmp_path / "pid"
    job = Job("t01", "stage0", "intro", tmp_path / "job", {"log": str(tmp_path / "job.log")})
    started = time.monotonic()
    [outcome] = run_jobs(
        [job], workers=1, wall_seconds=2, command=[sys.executable, "-c", HANGING_WORKER, str(pid_file)],
        env=dict(os.environ), logs=tmp_path,
    )  # fmt: skip
    assert time.monotonic() - started < 60
    assert outcome.problem.code == "timeout" and "2 秒" in outcome.problem.message
    assert outcome.notebook_text is None
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file.read_text()), 0)
