"""After the workshop: back up the course (gradebook included), then remove everything set up.

The backup is a ``.tar.gz`` of the instructor's course folder (sources, submissions, grades,
feedback) with a consistent copy of ``gradebook.db`` taken through SQLite's backup API, readable
by root only.

>>> backup_course(load_site("/srv/data-academy"), Path("."))  # doctest: +SKIP
PosixPath('data-academy-backup-20260401-1730.tar.gz')
"""

from __future__ import annotations

import datetime
import os
import sqlite3
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path

from kit.errors import InputError
from kit.trainer.hub import accounts
from kit.trainer.hub.install import remove_environment
from kit.trainer.hub.layout import Site
from kit.trainer.hub.provision import remove_state
from kit.trainer.hub.server import stop_hub

GRADEBOOK = "gradebook.db"


def backup_course(site: Site, into: Path) -> Path:
    """Archive the instructor's course folder into ``into`` (mode 0600) and return the archive."""
    course = site.course_root
    if not course.is_dir():
        raise InputError(
            f"講師の講座フォルダ「{course}」がありません。",
            action="site.json の内容を確認してください。",
        )
    into.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    archive = into / f"{site.course_id}-backup-{stamp}.tar.gz"
    fd = os.open(archive, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)

    def skip_live_gradebook(info: tarfile.TarInfo) -> tarfile.TarInfo | None:
        return None if info.name == f"course/{GRADEBOOK}" else info

    with (
        tempfile.TemporaryDirectory() as scratch,
        os.fdopen(fd, "wb") as raw,
        tarfile.open(fileobj=raw, mode="w:gz") as tar,
    ):
        tar.add(course, arcname="course", filter=skip_live_gradebook)
        if (course / GRADEBOOK).is_file():
            copy = Path(scratch) / GRADEBOOK
            copy_gradebook(course / GRADEBOOK, copy)
            tar.add(copy, arcname=f"course/{GRADEBOOK}")
    return archive


def copy_gradebook(source: Path, target: Path) -> None:
    """A consistent copy of an SQLite gradebook, even while the formgrader writes to it.

    >>> copy_gradebook(Path("course/gradebook.db"), Path("gradebook-copy.db"))  # doctest: +SKIP
    """
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def teardown(
    site: Site,
    *,
    remove_prefix: bool = False,
    say: Callable[[str], None] = print,
) -> None:
    """Stop the hub, delete the workshop accounts with their homes, the exchange and the state.

    >>> teardown(load_site("/srv/data-academy"), remove_prefix=True)  # doctest: +SKIP
    """
    if stop_hub(site):
        say("ハブを停止しました。")
    for name in site.users:
        if accounts.remove_account(name):
            say(f"ユーザー「{name}」とそのホームフォルダを削除しました。")
    if site.group_created and accounts.remove_group(site.group):
        say(f"グループ「{site.group}」を削除しました。")
    remove_state(site)
    say(f"exchange（{site.exchange_root}）とハブの状態（{site.state}）を削除しました。")
    if remove_prefix and remove_environment(site.prefix):
        say(f"共有の Python 環境（{site.venv}）を削除しました。")
