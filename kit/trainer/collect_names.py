"""Which trainee and which notebook a collected file belongs to, from its name and folders.

Files come from a shared drive, an LMS download or e-mail, named in many ways::

    t01/intro.ipynb                    t01/stage0/intro.ipynb
    t01_intro.ipynb   intro-t01.ipynb  t01_intro (1).ipynb
    山田 太郎_12345_assignsubmission_file_/intro.ipynb      (Moodle; needs the roster's names)

The notebook is the assignment's notebook name found as a whole word in the file name (or the
only notebook of the assignment); the trainee is what remains of the name, or the folder. With
a roster the trainee must be on it (by ID or by name); without one, what remains must look like
an ID. A trainer's own regular expression with ``(?P<trainee>…)`` (and optionally
``(?P<notebook>…)``) takes precedence.

>>> place("t01_intro.ipynb", ["intro"]).trainee
't01'
>>> place("t02/stage0/intro.ipynb", ["intro"], assignment="stage0").trainee
't02'
>>> place("notes.txt", ["intro"]).reason
'ノートブック（.ipynb）ではありません。'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath

from kit.trainer.roster import valid_trainee_id

JUNK_PARTS = ("__MACOSX", ".ipynb_checkpoints")
JUNK_NAMES = ("Thumbs.db", "desktop.ini", ".DS_Store")
_COPY_SUFFIX = re.compile(r"\s*[(（]\d+[)）]$|\s*-\s*(コピー|copy)$", re.IGNORECASE)
_SEPARATORS = re.compile(r"[_\-\s.]+")


@dataclass(frozen=True)
class Placement:
    """Where a file goes (``trainee``, ``notebook``) or why it cannot be placed (``reason``)."""

    trainee: str | None = None
    notebook: str | None = None
    reason: str | None = None

    @property
    def placed(self) -> bool:
        return self.reason is None


def is_junk(relative: str) -> bool:
    """Files an archive or an OS adds on its own (skipped without a report).

    >>> is_junk("__MACOSX/._t01_intro.ipynb"), is_junk("t01_intro.ipynb")
    (True, False)
    """
    path = PurePosixPath(relative)
    return path.name in JUNK_NAMES or any(
        part in JUNK_PARTS or part.startswith("._") for part in path.parts
    )


def normalise(text: str) -> str:
    """NFKC (full-width letters and digits to half-width), trimmed.

    >>> normalise(" ｔ０１ ")
    't01'
    """
    return unicodedata.normalize("NFKC", text).strip()


def place(
    relative: str,
    notebooks: list[str],
    *,
    assignment: str | None = None,
    roster_ids: dict[str, str] | None = None,
    roster_names: dict[str, str] | None = None,
    pattern: re.Pattern[str] | None = None,
) -> Placement:
    """Place one file (path relative to the collected folder or zip).

    ``roster_ids`` maps lower-case IDs to IDs and ``roster_names`` names without spaces to IDs.
    """
    path = PurePosixPath(normalise(relative))
    if path.suffix.lower() != ".ipynb":
        return Placement(reason="ノートブック（.ipynb）ではありません。")
    if pattern is not None:
        match = pattern.search(str(path))
        if match is None:
            return Placement(reason="指定したパターンに合いません。")
        groups = match.groupdict()
        notebook = groups.get("notebook") or (notebooks[0] if len(notebooks) == 1 else None)
        if notebook not in notebooks:
            return Placement(reason=f"ノートブック名「{notebook}」はこの課題にありません。")
        return _choose([groups.get("trainee") or ""], notebook, roster_ids, roster_names)
    stem = _COPY_SUFFIX.sub("", path.stem)
    notebook, rest = _split_notebook(stem, notebooks, assignment)
    if notebook is None:
        return Placement(reason="どのノートブックのファイルか、名前から分かりません。")
    folders = [p for p in reversed(path.parent.parts) if p not in ("", ".") and p != assignment]
    candidates = [rest] if rest else []
    candidates += [_COPY_SUFFIX.sub("", f) for f in folders]
    if roster_ids or roster_names:
        for text in [rest, *folders]:
            candidates += [part for part in re.split(r"_+", text) if part]
            candidates += [part for part in _SEPARATORS.split(text) if part]
    return _choose(candidates, notebook, roster_ids, roster_names)


def _split_notebook(
    stem: str, notebooks: list[str], assignment: str | None
) -> tuple[str | None, str]:
    """The notebook named in ``stem`` and what remains (without the assignment's name)."""
    chosen, rest = None, stem
    for name in sorted(notebooks, key=len, reverse=True):
        found = re.search(rf"(?:^|[_\-\s.]){re.escape(name)}(?:$|[_\-\s.])", stem, re.IGNORECASE)
        if found:
            chosen, rest = name, stem[: found.start()] + " " + stem[found.end() :]
            break
    if chosen is None and len(notebooks) == 1:
        chosen = notebooks[0]
    if chosen is None:
        return None, ""
    parts = [t for t in _SEPARATORS.split(rest) if t and t.lower() != (assignment or "").lower()]
    return chosen, "_".join(parts)


def _choose(candidates: list[str], notebook: str, roster_ids, roster_names) -> Placement:
    if roster_ids or roster_names:
        for text in candidates:
            key = normalise(text)
            found = (roster_ids or {}).get(key.lower()) or (roster_names or {}).get(
                re.sub(r"\s+", "", key)
            )
            if found:
                return Placement(found, notebook)
        return Placement(reason="名簿（roster.csv）の受講者IDにも氏名にも当てはまりません。")
    for text in candidates[:1] or [""]:
        if valid_trainee_id(text):
            return Placement(text, notebook)
    return Placement(
        reason="名前から受講者IDが分かりません（名簿 roster.csv があれば氏名でも探せます）。"
    )
