"""Checks of the grading set-up for ``python -m kit.trainer doctor``: nbgrader, exchange, sandbox.

>>> check_exchange(Path("/nonexistent-exchange"), configured=False)[0].level
'ok'
"""

from __future__ import annotations

import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

from kit.trainer.course import tool_environment
from kit.trainer.doctor_checks import Finding

SERVER_EXTENSIONS = ("formgrader", "assignment_list", "course_list", "validate_assignment")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _jupyter(*args: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "jupyter", *args],
        capture_output=True,
        text=True,
        env=tool_environment(),
        check=False,
        timeout=120,
    )
    return _ANSI.sub("", proc.stdout + "\n" + proc.stderr)


def check_server_extensions(output: str | None = None) -> list[Finding]:
    """nbgrader's server extensions (formgrader for trainers) enabled and validated.

    >>> check_server_extensions("")[0].level
    'error'
    """
    output = _ANSI.sub("", _jupyter("server", "extension", "list") if output is None else output)
    found = []
    for name in SERVER_EXTENSIONS:
        module = f"nbgrader.server_extensions.{name}"
        enabled = re.search(rf"^\s*{re.escape(module)}\s+enabled\s*$", output, re.M)
        valid = re.search(rf"^\s*{re.escape(module)}\s+(?:\S+\s+)?OK\s*$", output, re.M)
        if enabled and valid:
            continue
        what = "有効になっていません" if not enabled else "読み込みの確認に失敗しました"
        found.append(
            Finding(
                "error",
                "nbgrader",
                f"サーバー拡張 {module} が{what}。",
                f"jupyter server extension enable --sys-prefix {module}",
            )
        )
    return found or [Finding("ok", "nbgrader", "nbgrader のサーバー拡張はすべて有効です。")]


def check_lab_extension(output: str | None = None) -> list[Finding]:
    """nbgrader's JupyterLab extension enabled, OK, not flagged incompatible; trainer plugins on.

    >>> check_lab_extension("@jupyter/nbgrader v0.9.6 enabled OK")[0].level
    'ok'
    """
    output = _ANSI.sub("", _jupyter("labextension", "list") if output is None else output)
    line = next(
        (
            x
            for x in output.splitlines()
            if "@jupyter/nbgrader " in x or x.strip().startswith("@jupyter/nbgrader v")
        ),
        "",
    )
    incompatible = output.split("incompatible", 1)[1] if "incompatible" in output else ""
    if (
        not line
        or "enabled" not in line
        or " OK" not in line
        or "@jupyter/nbgrader" in incompatible
    ):
        return [
            Finding(
                "error",
                "nbgrader",
                "JupyterLab の nbgrader 拡張が有効でないか、この JupyterLab の版に合っていません。",
                "make setup で入れ直してください（jupyter labextension list で確認できます）。",
            )
        ]
    disabled = [
        p for p in ("formgrader", "create-assignment") if f"@jupyter/nbgrader:{p}" in output
    ]
    if disabled:
        names = "、".join(disabled)
        return [
            Finding(
                "warning",
                "nbgrader",
                f"講師用の画面（{names}）が無効になっています。",
                f"jupyter labextension enable @jupyter/nbgrader:{disabled[0]}",
            )
        ]
    return [Finding("ok", "nbgrader", "JupyterLab の nbgrader 拡張は有効です。")]


def check_exchange(root: Path, configured: bool) -> list[Finding]:
    """The exchange folder: world-writable (nbgrader needs it), sticky; inbound not listable.

    >>> check_exchange(Path("/nonexistent"), configured=True)[0].level
    'error'
    """
    topic = "交換フォルダ"
    if not root.exists():
        if configured:
            return [
                Finding(
                    "error",
                    topic,
                    f"設定された交換フォルダ {root} がありません。",
                    f"sudo mkdir -p {root} && sudo chmod 1777 {root}",
                )
            ]
        return [
            Finding(
                "ok",
                topic,
                f"交換フォルダ（{root}）はありません。フォルダや zip で集める場合は問題ありません。",
            )
        ]
    mode = stat.S_IMODE(root.stat().st_mode)
    found = []
    if mode & 0o777 != 0o777:
        found.append(
            Finding(
                "error",
                topic,
                f"{root} に全員が書き込めません（いまの権限 {mode:04o}）。受講者が提出できません。",
                f"sudo chmod 1777 {root}",
            )
        )
    elif not mode & stat.S_ISVTX:
        found.append(
            Finding(
                "warning",
                topic,
                f"{root} に sticky ビットがありません（他人のフォルダを消せてしまいます）。",
                f"sudo chmod +t {root}",
            )
        )
    for course in sorted(p for p in root.iterdir() if p.is_dir()):
        inbound = course / "inbound"
        if inbound.is_dir():
            other = stat.S_IMODE(inbound.stat().st_mode) & 0o007
            if other & 0o004:
                found.append(
                    Finding(
                        "error",
                        topic,
                        f"{inbound} の一覧を誰でも見られます（他の受講者の提出物が見えます）。",
                        f"sudo chmod o-r {inbound}",
                    )
                )
            if other & 0o003 != 0o003:
                found.append(
                    Finding(
                        "error",
                        topic,
                        f"{inbound} に受講者が書き込めません。",
                        f"sudo chmod o+wx {inbound}",
                    )
                )
    return found or [Finding("ok", topic, f"交換フォルダ {root} の権限は正しく設定されています。")]


def check_sandbox() -> list[Finding]:
    """bubblewrap for isolated grading (Linux), and prlimit for resource limits.

    >>> check_sandbox()[0].topic
    '採点の隔離'
    """
    from kit.trainer.sandbox import detect_sandbox

    linux = sys.platform.startswith("linux")
    if detect_sandbox().isolated:
        found = [Finding("ok", "採点の隔離", "bubblewrap で受講者のコードを隔離して採点できます。")]
    elif linux:
        found = [
            Finding(
                "error",
                "採点の隔離",
                "bubblewrap が使えません（受講者のコードを隔離できません）。",
                "sudo apt-get install bubblewrap",
            )
        ]
    else:
        found = [
            Finding(
                "warning",
                "採点の隔離",
                "この OS では OS による隔離なしで採点します（作業用コピーで実行します）。",
                "大人数の講座の採点は Linux のサーバーで行うと安全です。",
            )
        ]
    if linux and not shutil.which("prlimit"):
        found.append(
            Finding(
                "warning",
                "採点の隔離",
                "prlimit がないため、採点中のメモリとファイルの大きさを制限できません。",
                "sudo apt-get install util-linux",
            )
        )
    return found
