"""The trainee's own work folder: artefacts one stage saves and later stages build on.

A stage-1 problem statement or logic tree, a stage-2 worksheet, stage-3 findings are saved as
JSON (plus a Markdown copy for people) in ``my_work/`` next to the stage folders of the
trainee's workspace, so stage 4 can assemble a proposal from them.

The folder is ``$KIT_WORKDIR`` if set; else ``../my_work`` when the notebook runs in a folder
named ``stage<N>`` (the workspace layout); else ``./my_work``.

>>> import kit
>>> path = kit.artifacts.save("problem", {"目標": "…", "現状": "…"}, markdown="# 問題\\n…")
>>> kit.artifacts.load("problem")["目標"]
'…'
>>> kit.artifacts.load("not_saved_yet", default=None) is None
True
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from kit.errors import ArtifactError

FOLDER_NAME = "my_work"
_NAME = re.compile(r"^[A-Za-z0-9_\-]+$")
_MISSING = object()


def folder() -> Path:
    """The trainee's work folder (created on first save)."""
    if os.environ.get("KIT_WORKDIR"):
        return Path(os.environ["KIT_WORKDIR"])
    here = Path.cwd()
    if re.fullmatch(r"stage\d+", here.name):
        return here.parent / FOLDER_NAME
    return here / FOLDER_NAME


def _path(name: str, suffix: str) -> Path:
    if not _NAME.match(name):
        raise ArtifactError(
            f"保存する名前「{name}」には、半角英数字と _ - だけを使ってください。",
            action='例: kit.artifacts.save("problem", …)',
        )
    return folder() / f"{name}{suffix}"


def save(name: str, value: Any, *, markdown: str | None = None) -> Path:
    """Save a value (dict, table, kit object…) under ``name``; returns the JSON file's path.

    With ``markdown``, a readable copy is saved as ``<name>.md`` too.
    """
    from kit.exercises.answers import encode

    target = _path(name, ".json")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(encode(value), ensure_ascii=False, indent=1), encoding="utf-8")
        if markdown is not None:
            _path(name, ".md").write_text(markdown, encoding="utf-8")
    except OSError as exc:
        raise ArtifactError(
            f"作業フォルダ「{target.parent}」に保存できませんでした（{exc.strerror}）。",
            action="フォルダの場所と書き込みの権限を確認してください。",
        ) from exc
    return target


def load(name: str, default: Any = _MISSING) -> Any:
    """Read back what :func:`save` stored; ``default`` when it was never saved (or unreadable)."""
    from kit.exercises.answers import Unsupported, decode

    source = _path(name, ".json")
    try:
        value = decode(json.loads(source.read_text(encoding="utf-8")))
    except FileNotFoundError:
        if default is _MISSING:
            raise ArtifactError(
                f"「{name}」はまだ保存されていません（{source}）。",
                action="前のステージのノートブックで保存のセルを実行してください。",
            ) from None
        return default
    except (OSError, ValueError) as exc:
        if default is _MISSING:
            raise ArtifactError(
                f"「{source.name}」を読み込めませんでした（{exc}）。", file=source
            ) from exc
        return default
    if isinstance(value, Unsupported) and default is not _MISSING:
        return default
    return value


def saved() -> list[str]:
    """Names saved so far in the work folder.

    >>> isinstance(saved(), list)
    True
    """
    if not folder().is_dir():
        return []
    return sorted(p.stem for p in folder().glob("*.json"))
