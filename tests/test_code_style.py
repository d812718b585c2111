"""The code follows the project's lint and format rules (`make lint`), so CI catches a slip."""

from __future__ import annotations

import subprocess
import sys

from support import REPO

RUFF = [sys.executable, "-m", "ruff"]


def test_ruff_finds_nothing():
    done = subprocess.run([*RUFF, "check", "."], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_code_is_formatted():
    folders = ["kit", "tests", "bench", "datasets"]
    done = subprocess.run(
        [*RUFF, "format", "--check", *folders], cwd=REPO, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
