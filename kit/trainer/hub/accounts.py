"""Real Unix accounts for the workshop: create, give passwords, remove (root only).

Every account made here carries the comment ``data-academy workshop`` and the group
``data-academy``; removal refuses any account without that comment, so an existing user of the
server can never be touched.

>>> new_password()  # doctest: +SKIP
'Hk7m-Rw4p-Xz9c'
"""

from __future__ import annotations

import csv
import grp
import io
import os
import pwd
import secrets
import subprocess
from pathlib import Path

from kit.errors import InputError
from kit.trainer.hub.processes import pids_of_user, stop_pids

MARKER = "data-academy workshop"
# No look-alikes (0/O, 1/l/I) — trainees type the password from a printed slip.
PASSWORD_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PASSWORD_HEADER = ["ユーザー名", "役割", "初期パスワード"]
ROLE_LABELS = {"instructor": "講師", "trainee": "受講者"}


def require_root() -> None:
    """Stop with a Japanese message unless running as root.

    >>> require_root()  # doctest: +SKIP
    """
    if os.geteuid() != 0:
        raise InputError(
            "この操作には管理者（root）の権限が必要です。",
            action="sudo を付けて実行してください（例: sudo python3 -m kit.trainer.hub setup …）。",
        )


def exists(name: str) -> bool:
    """Whether a Unix account ``name`` exists.

    >>> exists("root")
    True
    """
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def is_workshop_account(name: str) -> bool:
    """Whether ``name`` exists and was created for the workshop (by its comment).

    >>> is_workshop_account("root")
    False
    """
    try:
        return pwd.getpwnam(name).pw_gecos == MARKER
    except KeyError:
        return False


def ensure_group(group: str) -> bool:
    """Create the workshop group if missing; True if it was created now.

    >>> ensure_group("data-academy")  # doctest: +SKIP
    True
    """
    try:
        grp.getgrnam(group)
    except KeyError:
        _run(["groupadd", group])
        return True
    return False


def create_account(name: str, home_base: Path, group: str) -> bool:
    """Create ``name`` with a private home (0700) under ``home_base``; False if it already was ours.

    >>> create_account("trainee01", Path("/home"), "data-academy")  # doctest: +SKIP
    True
    """
    if exists(name):
        if not is_workshop_account(name):
            raise InputError(
                f"ユーザー「{name}」はこのサーバーにすでにあり、研修用に作ったものではありません。",
                action="名簿のユーザー名を別の名前にしてください（既存のユーザーは変更しません）。",
            )
        return False
    _run(
        [
            "useradd",
            "--create-home",
            "--base-dir",
            str(home_base),
            "--shell",
            "/bin/bash",
            "--comment",
            MARKER,
            "--groups",
            group,
            "--key",
            "HOME_MODE=0700",
            name,
        ]
    )
    home = Path(pwd.getpwnam(name).pw_dir)
    os.chmod(home, 0o700)
    return True


def new_password(groups: int = 3, size: int = 4) -> str:
    """A random password that is easy to type: three groups of four characters."""
    return "-".join(
        "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(size)) for _ in range(groups)
    )


def set_passwords(passwords: dict[str, str]) -> None:
    """Set the Unix passwords of workshop accounts (``chpasswd``).

    >>> set_passwords({"trainee01": new_password()})  # doctest: +SKIP
    """
    for name in passwords:
        if not is_workshop_account(name):
            raise InputError(
                f"ユーザー「{name}」は研修用のアカウントではないため、パスワードを変更しません。"
            )
    if passwords:
        text = "".join(f"{name}:{password}\n" for name, password in passwords.items())
        _run(["chpasswd"], stdin=text)


def read_passwords(path: Path) -> dict[str, str]:
    """Initial passwords already handed out (name → password), from the trainer's file.

    >>> read_passwords(Path("/nonexistent/passwords.csv"))
    {}
    """
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    return {row[0]: row[2] for row in rows[1:] if len(row) >= 3}


def write_passwords(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    """Write (name, role, password) rows to a CSV only root can read (mode 0600).

    UTF-8 with BOM, so that Excel opens it with the Japanese headers intact.

    >>> write_passwords(Path("passwords.csv"), [("trainee01", "trainee", "Hk7m-Rw4p-Xz9c")])  # doctest: +SKIP
    PosixPath('passwords.csv')
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(PASSWORD_HEADER)
    for name, role, password in rows:
        writer.writerow([name, ROLE_LABELS.get(role, role), password])
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
        fh.write(buffer.getvalue())
    os.chmod(path, 0o600)
    return path


def remove_account(name: str) -> bool:
    """Stop the account's processes and delete it with its home; False if there was none.

    >>> remove_account("no-such-user-here")
    False
    """
    if not exists(name):
        return False
    if not is_workshop_account(name):
        raise InputError(
            f"ユーザー「{name}」は研修用に作ったアカウントではないため、削除しません。",
            action="site.json の内容を確認してください。",
        )
    stop_pids(pids_of_user(pwd.getpwnam(name).pw_uid))
    _run(["userdel", "--remove", name], ok_codes=(0, 12))  # 12: home already gone
    return True


def remove_group(group: str) -> bool:
    """Delete the workshop group if it exists and has no members left.

    >>> remove_group("no-such-group-here")
    False
    """
    try:
        entry = grp.getgrnam(group)
    except KeyError:
        return False
    if entry.gr_mem:
        return False
    _run(["groupdel", group])
    return True


def _run(command: list[str], stdin: str | None = None, ok_codes: tuple[int, ...] = (0,)) -> None:
    proc = subprocess.run(command, input=stdin, capture_output=True, text=True, check=False)
    if proc.returncode not in ok_codes:
        raise InputError(
            f"コマンド「{command[0]}」が失敗しました（終了コード {proc.returncode}）: {proc.stderr.strip()}",
            action="管理者（root）で実行しているか、ユーザー名が正しいかを確認してください。",
        )
