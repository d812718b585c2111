"""The kit installed once for everyone: a world-readable virtual environment under ``prefix``.

Built from Debian's ``/usr/bin/python3`` with the pinned ``requirements.lock``, plus the kit as a
wheel (which carries the datasets under ``kit/_datasets``, read-only for every user). Files are
written with umask 022 and owned by root: users can run everything and change nothing.

>>> install_environment(Path("/opt/data-academy"), checkout=Path("."))  # doctest: +SKIP
PosixPath('/opt/data-academy/venv')
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from kit.errors import InputError

SYSTEM_PYTHON = Path("/usr/bin/python3")


def checkout_root() -> Path:
    """The kit's checkout (the folder with ``pyproject.toml`` and ``requirements.lock``).

    >>> (checkout_root() / "requirements.lock").is_file()
    True
    """
    root = Path(__file__).resolve().parents[3]
    if not (root / "requirements.lock").is_file():
        raise InputError(
            "キットのソース（requirements.lock のあるフォルダ）が見つかりません。",
            action="キットを展開したフォルダで、--checkout にそのフォルダを指定して実行してください。",
        )
    return root


def install_environment(
    prefix: Path,
    checkout: Path,
    python: Path = SYSTEM_PYTHON,
    say: Callable[[str], None] = print,
) -> Path:
    """Create or update ``prefix/venv`` with the pinned packages and this checkout's kit.

    >>> install_environment(Path("/opt/data-academy"), checkout_root())  # doctest: +SKIP
    PosixPath('/opt/data-academy/venv')
    """
    if not (checkout / "requirements.lock").is_file():
        raise InputError(
            f"「{checkout}」に requirements.lock がありません。",
            action="--checkout にキットのフォルダを指定してください。",
        )
    if not python.is_file():
        raise InputError(
            f"Python「{python}」がありません。",
            action="sudo apt-get install python3 python3-venv で入れてから、もう一度実行してください。",
        )
    venv = prefix / "venv"
    prefix.mkdir(parents=True, exist_ok=True)
    os.chmod(prefix, 0o755)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check", "--quiet"]
    if not (venv / "bin" / "python").is_file():
        say(f"共有の Python 環境を作ります: {venv}")
        _run([str(python), "-m", "venv", str(venv)])
    say("固定したバージョンのパッケージを入れます（数分かかります）…")
    _run([*pip, "install", "--requirement", str(checkout / "requirements.lock")])
    say("キット本体（演習用データを含む）を入れます…")
    with tempfile.TemporaryDirectory() as wheels:
        _run(
            [
                *pip,
                "wheel",
                "--no-deps",
                "--no-build-isolation",
                "--wheel-dir",
                wheels,
                str(checkout),
            ]
        )
        wheel = next(Path(wheels).glob("*.whl"))
        _run([*pip, "install", "--no-deps", "--force-reinstall", str(wheel)])
    _run([*pip, "check"])
    return venv


def remove_environment(prefix: Path) -> bool:
    """Delete ``prefix/venv`` (and ``prefix`` if then empty); False if there was nothing.

    >>> remove_environment(Path("/nonexistent/prefix"))
    False
    """
    venv = prefix / "venv"
    if not venv.exists():
        return False
    shutil.rmtree(venv)
    if prefix.is_dir() and not any(prefix.iterdir()):
        prefix.rmdir()
    return True


def _run(command: list[str]) -> None:
    # cwd=/ so that a checkout in the current folder never shadows the installed kit.
    proc = subprocess.run(
        command, cwd="/", capture_output=True, text=True, umask=0o022, check=False
    )
    if proc.returncode != 0:
        raise InputError(
            f"「{' '.join(command[:4])} …」が失敗しました（終了コード {proc.returncode}）。\n{proc.stderr[-3000:]}",
            action="ネットワーク（パッケージの取得先）に届くか、ディスクの空きが十分かを確認してください。",
        )
