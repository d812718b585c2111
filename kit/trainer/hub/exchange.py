"""nbgrader's submit, with the submission readable by its owner and the instructor only.

nbgrader's default exchange files a submission in ``inbound/`` as a folder of mode 0777 holding
files of mode 0644: other trainees cannot list ``inbound/`` (0733), but anyone who learns the
folder's name can read it and add files to it. ``inbound/`` is set-group-id with the instructor's
group. This submit copies without copying modes (``copytree`` would clear the set-group-id bit
and the files written afterwards would get the trainee's group), so every entry keeps the
instructor's group; then files become 0640, inner folders 0750 and the submission folder 0770:
the trainee who submitted and the instructor's group, nobody else.

Configured for every user in ``<venv>/etc/jupyter/nbgrader_config.py``::

    c.ExchangeFactory.submit = "kit.trainer.hub.exchange.PrivateExchangeSubmit"

>>> [oct(mode) for mode in private_modes(0o644, 0o755)]
['0o640', '0o750']
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable

from nbgrader.exchange.default.submit import ExchangeSubmit
from nbgrader.utils import ignore_patterns

OTHERS = 0o007
SUBMISSION_FOLDER_MODE = 0o770


def private_modes(fileperms: int, dirperms: int) -> tuple[int, int]:
    """nbgrader's file and folder modes without any permission for others."""
    return fileperms & ~OTHERS, dirperms & ~OTHERS


def copy_keeping_group(src: str, dest: str, ignore: Callable[[str, list[str]], list[str]]) -> None:
    """Copy a folder's contents without their modes, so new entries take ``dest``'s parent group.

    In a set-group-id folder, new files and folders get the folder's group; ``shutil.copytree``
    would then copy the source's mode onto each folder and drop that bit.

    >>> copy_keeping_group("stage0", "inbound/t01+stage0+…", lambda folder, names: [])  # doctest: +SKIP
    """
    os.mkdir(dest)
    names = sorted(os.listdir(src))
    skipped = set(ignore(src, names))
    for name in names:
        if name in skipped:
            continue
        source, target = os.path.join(src, name), os.path.join(dest, name)
        if os.path.isdir(source):
            copy_keeping_group(source, target, ignore)
        else:
            shutil.copyfile(source, target)


class PrivateExchangeSubmit(ExchangeSubmit):
    """Submit into the exchange with no access for other trainees."""

    _private = False

    def do_copy(self, src: str, dest: str, log: object = None) -> None:
        if os.path.dirname(os.path.abspath(dest)) != os.path.abspath(self.inbound_path):
            super().do_copy(src, dest, log)  # the trainee's own cache copy
            return
        if self.get_size(src) > 1000 * self.coursedir.max_dir_size:
            self.log.error("Directory size is too big")
            raise RuntimeError(
                f"提出するフォルダが大きすぎます（上限 {self.coursedir.max_dir_size} KB）。"
            )
        ignore = ignore_patterns(
            exclude=self.coursedir.ignore,
            include=self.coursedir.include,
            max_file_size=self.coursedir.max_file_size,
            log=self.log,
        )
        copy_keeping_group(src, dest, ignore)

    def set_perms(self, dest: str, fileperms: int, dirperms: int) -> None:
        # Called once, on the new submission in inbound/, after every file is written.
        self._private = self._group_is_inbound(dest)
        if self._private:
            fileperms, dirperms = private_modes(fileperms, dirperms)
        super().set_perms(dest, fileperms, dirperms)

    def copy_files(self) -> None:
        super().copy_files()
        if self._private:
            os.chmod(
                os.path.join(self.inbound_path, self.assignment_filename), SUBMISSION_FOLDER_MODE
            )

    def _group_is_inbound(self, dest: str) -> bool:
        """Whether every entry of the submission has inbound's group (so the instructor can read it)."""
        inbound_gid = os.stat(self.inbound_path).st_gid
        entries = [dest] + [
            os.path.join(d, n) for d, dirs, files in os.walk(dest) for n in dirs + files
        ]
        if inbound_gid != os.getgid() and all(os.stat(e).st_gid == inbound_gid for e in entries):
            return True
        self.log.warning(
            "提出フォルダのグループが講師のグループと一致しないため、nbgrader の標準の権限のまま提出します。"
            "講師に exchange の設定（inbound のグループと set-group-id）を確認してもらってください。"
        )
        return False
