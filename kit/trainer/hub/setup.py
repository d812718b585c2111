"""Set up (or extend) the workshop server from a roster, in one idempotent step.

Running it again with a longer roster adds the new accounts (existing ones keep their passwords
and files; an account whose password is not in the passwords file gets a new one); the shared
environment is updated in place.

>>> site = setup(Site(), Path("roster.csv"), course=Path("notebooks"))  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from kit.errors import InputError
from kit.trainer.hub import accounts
from kit.trainer.hub.install import install_environment
from kit.trainer.hub.layout import Site, load_site
from kit.trainer.hub.provision import prepare_course, prepare_state
from kit.trainer.hub.roster import read_roster


def setup(
    site: Site,
    roster: Path,
    *,
    course: Path,
    checkout: Path | None = None,
    install: bool = True,
    say: Callable[[str], None] = print,
) -> Site:
    """Install the shared environment, create the accounts, folders and configs; return the site.

    >>> setup(Site(), Path("roster.csv"), course=Path("notebooks"), checkout=Path("."))  # doctest: +SKIP
    """
    accounts.require_root()
    os.umask(0o022)
    people = read_roster(roster)
    instructor = next(a.name for a in people if a.role == "instructor")
    trainees = [a.name for a in people if a.role == "trainee"]
    site = _merge_with_saved(site, instructor).with_accounts(instructor, trainees)
    if site.data_dir is not None and not (site.data_dir / "datapackage.json").is_file():
        raise InputError(
            f"「{site.data_dir}」に datapackage.json がありません。",
            action="--data-dir の指定を確認してください。",
        )
    site.save()  # first, so that teardown knows what to remove even if a later step fails

    if install or not site.bin("python").is_file():
        if checkout is None:
            raise InputError(
                "共有の Python 環境を作るには、キットのフォルダ（--checkout）が必要です。"
            )
        install_environment(site.prefix, checkout, say=say)
    else:
        say(f"共有の Python 環境はそのまま使います: {site.venv}")

    if accounts.ensure_group(site.group):
        site = replace(site, group_created=True)
        site.save()
    prepare_state(site)

    known = accounts.read_passwords(site.passwords_file)
    new: dict[str, str] = {}
    for account in people:
        if accounts.create_account(account.name, site.home_base, site.group):
            say(f"ユーザー「{account.name}」（{accounts.ROLE_LABELS[account.role]}）を作りました。")
        if account.name not in known:  # new, or a password never recorded (an interrupted setup)
            new[account.name] = accounts.new_password()
    accounts.set_passwords(new)
    roles = {a.name: a.role for a in people}
    passwords = {**known, **new}
    accounts.write_passwords(
        site.passwords_file,
        [
            (name, roles.get(name, "trainee"), passwords[name])
            for name in site.users
            if name in passwords
        ],
    )
    if prepare_course(site, course):
        say(f"講座を講師のホームフォルダにコピーしました: {site.course_root}")
    else:
        say(f"講師の講座フォルダはすでにあるため、そのままにしました: {site.course_root}")
    site.save()
    return site


def _merge_with_saved(site: Site, instructor: str) -> Site:
    """Keep what an earlier setup in the same state folder recorded (accounts, group)."""
    if not site.site_file.is_file():
        return site
    saved = load_site(site.state)
    if saved.instructor and saved.instructor != instructor:
        raise InputError(
            f"このサーバーの講師は「{saved.instructor}」です。名簿の講師「{instructor}」には変えられません。",
            action="講師を変えるときは、いったん teardown してからセットアップし直してください。",
        )
    return replace(site, trainees=saved.trainees, group_created=saved.group_created)
