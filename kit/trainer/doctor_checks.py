"""Checks of the machine for ``python -m kit.trainer doctor``: Python, versions, fonts, disk.

A finding is ``ok``, ``warning`` (works, but worth fixing) or ``error`` (must be fixed before the
workshop); it says what was found and what to do. Checks only look: they never change anything.

>>> check_python()[0].level
'ok'
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

# A version other than the pinned one of these breaks grading or the course itself.
CORE_PACKAGES = {
    "nbgrader", "jupyterlab", "notebook", "jupyter-server", "nbconvert", "nbclient", "nbformat",
    "ipykernel", "pandas", "matplotlib", "matplotlib-fontja", "geopandas", "sqlalchemy",
}  # fmt: skip
SERVER_EXTENSIONS = ("formgrader", "assignment_list", "course_list", "validate_assignment")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
GIB = 1024**3


@dataclass(frozen=True)
class Finding:
    """One result: level (ok / warning / error), topic, what was found, what to do."""

    level: str
    topic: str
    message: str
    action: str = ""


def check_python() -> list[Finding]:
    """Python 3.11 or newer."""
    version = ".".join(map(str, sys.version_info[:3]))
    if sys.version_info < (3, 11):  # noqa: UP036 — a machine set up with an older Python
        return [
            Finding(
                "error",
                "Python",
                f"Python {version} は古すぎます。",
                "Python 3.11 以上で環境を作り直してください（make setup）。",
            )
        ]
    return [Finding("ok", "Python", f"Python {version}")]


def check_versions(lock: Path | None) -> list[Finding]:
    """Installed packages against the pinned versions of ``requirements.lock`` (this platform).

    >>> check_versions(None)[0].level
    'ok'
    """
    from packaging.markers import Marker
    from packaging.utils import canonicalize_name

    if lock is None or not lock.is_file():
        return [
            Finding(
                "ok",
                "パッケージ",
                "requirements.lock がないため、版の確認は省きました（インストール版）。",
            )
        ]
    problems = []
    checked = 0
    for line in lock.read_text(encoding="utf-8").splitlines():
        requirement, _, marker = line.split("#")[0].partition(";")
        name, _, pinned = requirement.strip().partition("==")
        if not name or (marker.strip() and not Marker(marker.strip()).evaluate()):
            continue
        checked += 1
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = None
        if installed == pinned.strip():
            continue
        level = (
            "error" if canonicalize_name(name) in CORE_PACKAGES or installed is None else "warning"
        )
        found = (
            "入っていません"
            if installed is None
            else f"{installed} が入っています（指定は {pinned.strip()}）"
        )
        problems.append(
            Finding(level, "パッケージ", f"{name}: {found}。", "make setup で入れ直してください。")
        )
    return problems or [
        Finding("ok", "パッケージ", f"{checked} 個のパッケージがすべて指定どおりの版です。")
    ]


def check_fonts() -> list[Finding]:
    """The Japanese font for charts (IPAexGothic from matplotlib-fontja) and for the browser.

    >>> # [f.level for f in check_fonts()]
    >>> # ['ok', 'ok']
    """
    found = []
    try:
        from matplotlib import font_manager

        import kit

        kit.setup()
        font_manager.findfont(
            font_manager.FontProperties(family="IPAexGothic"), fallback_to_default=False
        )
        found.append(
            Finding("ok", "フォント", "グラフ用の日本語フォント（IPAexGothic）があります。")
        )
    except Exception:  # a missing font raises ValueError; a broken install anything
        found.append(
            Finding(
                "error",
                "フォント",
                "グラフ用の日本語フォント（IPAexGothic）が見つかりません。",
                "make setup で matplotlib-fontja を入れ直してください。",
            )
        )
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        level = "warning" if sys.platform.startswith("linux") else "ok"
        found.append(
            Finding(
                level, "フォント", "fc-list がないため、ブラウザー用のフォントは確認していません。"
            )
        )
        return found
    proc = subprocess.run(
        [fc_list, ":lang=ja", "family"], capture_output=True, text=True, check=False
    )
    if proc.stdout.strip():
        found.append(
            Finding(
                "ok",
                "フォント",
                f"ブラウザー用の日本語フォントがあります（{proc.stdout.splitlines()[0].strip()}）。",
            )
        )
    else:
        found.append(
            Finding(
                "error",
                "フォント",
                "ブラウザー用の日本語フォントがありません（画面の日本語が□になります）。",
                "sudo apt-get install fonts-ipaexfont-gothic",
            )
        )
    return found


def check_disk(folder: Path) -> list[Finding]:
    """Free space where the course lives.

    >>> check_disk(Path("."))[0].topic
    'ディスク'
    """
    free = shutil.disk_usage(folder).free
    text = f"{folder} の空き容量は {free / GIB:.1f} GB です。"
    if free < GIB:
        return [
            Finding("error", "ディスク", text, "不要なファイルを消して 1 GB 以上空けてください。")
        ]
    if free < 5 * GIB:
        return [
            Finding("warning", "ディスク", text, "採点が多い場合は 5 GB 以上空けておくと安心です。")
        ]
    return [Finding("ok", "ディスク", text)]


def check_writable(folder: Path) -> list[Finding]:
    """The course folder can be written (gradebook, autograded, reports).

    >>> check_writable(Path("/nonexistent"))[0].level
    'error'
    """
    if os.access(folder, os.W_OK):
        return [Finding("ok", "講座", f"講座のフォルダ {folder} に書き込めます。")]
    return [
        Finding(
            "error",
            "講座",
            f"講座のフォルダ {folder} に書き込めません。",
            "講師のアカウントで実行するか、フォルダの権限を確認してください。",
        )
    ]
