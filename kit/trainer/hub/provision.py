"""Folders and configuration files of the workshop server (root only).

- ``state/`` 0755, ``state/private/`` 0700 (hub secrets, passwords), ``state/jupyter/<role>/``
  0755 (per-role Jupyter configuration), the exchange root 1777;
- ``<venv>/etc/jupyter/nbgrader_config.py``: course id, exchange root and the private submit,
  read by every user's nbgrader;
- the instructor's course folder (mode 0700) and ``~/.jupyter/nbgrader_config.py`` pointing at it.

>>> prepare_state(site)            # doctest: +SKIP
>>> prepare_course(site, Path("notebooks"))  # doctest: +SKIP
True
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
from pathlib import Path

from kit.errors import InputError
from kit.trainer.hub.hubconfig import config_file_text, role_page_config, role_server_config
from kit.trainer.hub.layout import ROLES, Site

PRIVATE_SUBMIT = "kit.trainer.hub.exchange.PrivateExchangeSubmit"


def prepare_state(site: Site) -> None:
    """Create the state folders, the exchange root and every configuration file.

    >>> prepare_state(load_site("/srv/data-academy"))  # doctest: +SKIP
    """
    _mkdir(site.state, 0o755)
    _mkdir(site.private, 0o700)
    _mkdir(site.exchange_root, 0o1777)
    _mkdir(site.state / "jupyter", 0o755)
    for role in ROLES:
        folder = site.role_config(role)
        _write_json(folder / "jupyter_server_config.json", role_server_config(role))
        _write_json(folder / "labconfig" / "page_config.json", role_page_config(role))
    _write(site.venv / "etc" / "jupyter" / "nbgrader_config.py", global_nbgrader_config(site))
    if not site.hub_config.exists():
        _write(site.hub_config, config_file_text(site), mode=0o600)


def global_nbgrader_config(site: Site) -> str:
    """nbgrader settings shared by every user of the server.

    >>> "Exchange.root" in global_nbgrader_config(Site())
    True
    """
    return (
        "# nbgrader settings for every user of the Data Academy workshop server.\n"
        "# Written by `python -m kit.trainer.hub setup`.\n"
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.course_id = {site.course_id!r}\n"
        f"c.Exchange.root = {str(site.exchange_root)!r}\n"
        "# Submissions readable only by their owner and the instructor, not by other trainees.\n"
        f"c.ExchangeFactory.submit = {PRIVATE_SUBMIT!r}\n"
    )


def prepare_course(site: Site, course_source: Path) -> bool:
    """Copy the course (config + sources) into the instructor's home; False if already there.

    An existing course folder is never overwritten: it holds the gradebook and the submissions.

    >>> prepare_course(load_site("/srv/data-academy"), Path("notebooks"))  # doctest: +SKIP
    True
    """
    if (
        not (course_source / "nbgrader_config.py").is_file()
        or not (course_source / "source").is_dir()
    ):
        raise InputError(
            f"「{course_source}」は講座のフォルダではありません（nbgrader_config.py と source/ が必要です）。",
            action="キットの notebooks フォルダを --course に指定してください。",
        )
    owner = pwd.getpwnam(site.instructor)
    course = site.course_root
    created = not course.exists()
    if created:
        course.mkdir(mode=0o700)
        shutil.copy2(course_source / "nbgrader_config.py", course / "nbgrader_config.py")
        shutil.copytree(
            course_source / "source",
            course / "source",
            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
        )
        _chown_tree(course, owner)
    os.chmod(course, 0o700)
    config_dir = site.home(site.instructor) / ".jupyter"
    config_dir.mkdir(exist_ok=True)
    _write(config_dir / "nbgrader_config.py", instructor_nbgrader_config(site))
    _chown_tree(config_dir, owner)
    return created


def instructor_nbgrader_config(site: Site) -> str:
    """The instructor's own nbgrader config: load the course's config from anywhere.

    >>> "load_subconfig" in instructor_nbgrader_config(Site(instructor="sensei"))
    True
    """
    return (
        "# The course of this workshop server: nbgrader and the formgrader find it from any folder.\n"
        "c = get_config()  # noqa: F821\n"
        f"load_subconfig('nbgrader_config.py', path={str(site.course_root)!r})  # noqa: F821\n"
    )


def remove_state(site: Site) -> None:
    """Delete the exchange and the state folder (hub database, secrets, passwords, configs).

    >>> remove_state(load_site("/srv/data-academy"))  # doctest: +SKIP
    """
    for folder in (site.exchange_root, site.state):
        if folder.exists():
            shutil.rmtree(folder)
    nbgrader_config = site.venv / "etc" / "jupyter" / "nbgrader_config.py"
    if nbgrader_config.exists():
        nbgrader_config.unlink()


def _mkdir(path: Path, mode: int) -> None:
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, mode)


def _write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.chmod(path, mode)


def _write_json(path: Path, data: dict) -> None:
    _mkdir(path.parent, 0o755)
    _write(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _chown_tree(root: Path, owner: pwd.struct_passwd) -> None:
    for folder, _dirs, files in os.walk(root):
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        for name in files:
            os.chown(os.path.join(folder, name), owner.pw_uid, owner.pw_gid)
