"""`make lab` as a trainee types it: builds the release and opens JupyterLab on their workspace."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request

import pytest
from support import REPO, assignments

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.load(response)


def test_make_lab_opens_the_trainee_workspace_with_stage0_ready(tmp_path):
    port, token = _free_port(), "kit-test-token"
    workspace = tmp_path / "workspace"
    env = os.environ | {"JUPYTER_TOKEN": token, "KIT_OPEN_BROWSER": "False"}
    lab = subprocess.Popen(
        ["make", "lab", f"PORT={port}", f"WORKSPACE={workspace}"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 300
        status = None
        while time.monotonic() < deadline and lab.poll() is None:
            try:
                status = _get(f"http://127.0.0.1:{port}/api/status?token={token}")
                break
            except OSError:
                time.sleep(1)
        assert status is not None, (
            f"JupyterLab did not come up:\n{lab.stdout.read() if lab.poll() is not None else ''}"
        )
        listing = _get(f"http://127.0.0.1:{port}/api/contents?token={token}")
        names = {item["name"] for item in listing["content"]}
        assert set(assignments()) <= names
        assert "model_answers" in names
        notebook = _get(f"http://127.0.0.1:{port}/api/contents/stage0/intro.ipynb?token={token}")
        text = json.dumps(notebook["content"], ensure_ascii=False)
        assert "ステージ0" in text
        assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
        lab_page = urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token={token}", timeout=5)
        assert lab_page.status == 200
    finally:
        os.killpg(lab.pid, signal.SIGTERM)
        try:
            lab.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(lab.pid, signal.SIGKILL)


def test_make_lab_never_overwrites_the_trainees_work(tmp_path):
    workspace = tmp_path / "workspace"
    (workspace / "stage0").mkdir(parents=True)
    mine = workspace / "stage0" / "intro.ipynb"
    mine.write_text('{"my": "work"}', encoding="utf-8")
    done = subprocess.run(
        ["make", "workspace", f"WORKSPACE={workspace}"], cwd=REPO, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert mine.read_text(encoding="utf-8") == '{"my": "work"}'
    assert (workspace / "model_answers" / "stage0" / "intro.ipynb").exists()
    assert not list(workspace.rglob(".released")) and not list(workspace.rglob(".solved"))


def test_a_second_run_generates_nothing_until_a_source_changes(tmp_path):
    workspace = tmp_path / "workspace"

    def make_workspace() -> str:
        done = subprocess.run(
            ["make", "workspace", f"WORKSPACE={workspace}"],
            cwd=REPO,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    make_workspace()
    again = make_workspace()
    assert "kit.trainer release" not in again, again
    source = REPO / "notebooks" / "source" / "stage0" / "intro.ipynb"
    os.utime(source)  # as if the notebook had been edited
    changed = make_workspace()
    assert re.search(r"kit\.trainer release$", changed, re.M), changed
    assert "kit.trainer release --solutions" in changed
