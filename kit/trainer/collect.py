"""Collect submissions into ``submitted/<trainee>/<assignment>/``: exchange, folder or zip.

``python -m kit.trainer collect --assignment stage0 --from-exchange`` runs nbgrader's own
``collect``. ``--from FOLDER_OR_ZIP`` takes files from a shared drive, an LMS download or
e-mail attachments saved in one folder, places each by its name (:mod:`.collect_names`) and
lists every file it could not place, and every roster trainee without a file.

The kit does this itself rather than with ``nbgrader zip_collect``: that command needs one
regular expression set in the config file before it runs, silently skips files that do not
match, does not know the roster, and reads Japanese file names in zips made by Windows
(Shift_JIS names without the UTF-8 flag) as mojibake.

>>> # result = collect_files(Course(), "stage0", Path("downloads/stage0.zip"))
>>> # result.placed[0].trainee, result.unplaced[0].reason
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from kit.errors import InputError, KitError
from kit.trainer.collect_names import is_junk, normalise, place
from kit.trainer.course import Course
from kit.trainer.roster import load_roster

MAX_FILE_BYTES = 50 * 1024**2
MAX_TOTAL_BYTES = 2 * 1024**3


@dataclass
class Collected:
    """One file placed: where it came from and whose notebook it is."""

    source: str
    trainee: str
    notebook: str
    replaced: bool = False


@dataclass
class CollectResult:
    """Files placed, files that could not be placed (with the reason), trainees without a file."""

    placed: list[Collected] = field(default_factory=list)
    unplaced: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


@dataclass
class _Candidate:
    source: str
    data: bytes | None  # None: too large to take
    modified: datetime


def collect_files(
    course: Course, assignment: str, source: Path, *, pattern: str | None = None
) -> CollectResult:
    """Place the notebooks of a folder or zip file as ``assignment``'s submissions.

    >>> # collect_files(Course(), "stage0", Path("downloads/stage0.zip")).unplaced
    >>> # [('memo.txt', 'ノートブック（.ipynb）ではありません。')]
    """
    notebooks = [p.stem for p in course.notebooks(assignment)]
    if not notebooks:
        raise InputError(
            f"課題「{assignment}」のノートブックが講座にありません。",
            action="課題の名前を確認してください。",
        )
    compiled = _compile(pattern)
    roster = load_roster(course.roster)
    ids = {i.lower(): i for i in roster["受講者ID"]}
    names = {
        re.sub(r"\s+", "", normalise(n)): i
        for i, n in zip(roster["受講者ID"], roster["氏名"], strict=True)
        if n
    }
    result = CollectResult()
    chosen: dict[tuple[str, str], _Candidate] = {}
    for candidate in _files(source):
        if is_junk(candidate.source):
            continue
        if candidate.data is None:
            result.unplaced.append((candidate.source, "ファイルが大きすぎます（50 MB 超）。"))
            continue
        where = place(
            candidate.source,
            notebooks,
            assignment=assignment,
            roster_ids=ids,
            roster_names=names,
            pattern=compiled,
        )
        if not where.placed:
            result.unplaced.append((candidate.source, where.reason or ""))
            continue
        key = (where.trainee or "", where.notebook or "")
        older = chosen.get(key)
        if older is not None:
            newer, dropped = (
                (candidate, older) if candidate.modified >= older.modified else (older, candidate)
            )
            chosen[key] = newer
            result.unplaced.append(
                (
                    dropped.source,
                    f"同じ受講者（{key[0]}）の {key[1]}.ipynb がほかにもあります。新しいほうを使いました。",
                )
            )
            continue
        chosen[key] = candidate
    for (trainee, notebook), candidate in sorted(chosen.items()):
        target = course.submitted / trainee / assignment / f"{notebook}.ipynb"
        replaced = target.exists()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(candidate.data or b"")
        result.placed.append(Collected(candidate.source, trainee, notebook, replaced))
    result.missing = _missing(course, assignment, list(roster["受講者ID"]))
    return result


def collect_exchange(course: Course, assignment: str) -> CollectResult:
    """nbgrader's ``collect --update`` from the exchange; lists what is now in ``submitted/``.

    >>> # collect_exchange(Course(), "stage0").missing
    >>> # ['t05']
    """
    before = _stamps(course, assignment)
    proc = course.nbgrader("collect", assignment, "--update", check=False)
    if proc.returncode != 0:
        raise KitError(
            f"交換フォルダからの回収に失敗しました。\n{proc.stderr[-2000:]}",
            action="交換フォルダの場所と権限を「python -m kit.trainer doctor」で確かめてください。",
        )
    result = CollectResult()
    for trainee, stamp in sorted(_stamps(course, assignment).items()):
        if before.get(trainee) != stamp:
            for notebook in sorted((course.submitted / trainee / assignment).glob("*.ipynb")):
                result.placed.append(
                    Collected("交換フォルダ", trainee, notebook.stem, trainee in before)
                )
    result.missing = _missing(course, assignment, list(load_roster(course.roster)["受講者ID"]))
    return result


def _compile(pattern: str | None) -> re.Pattern[str] | None:
    if not pattern:
        return None
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise InputError(
            f"パターン「{pattern}」が正規表現として正しくありません（{exc}）。",
            action="書き方を確認してください。",
        ) from None
    if "trainee" not in compiled.groupindex:
        raise InputError(
            "パターンに (?P<trainee>...) がありません。",
            action="受講者IDの部分を (?P<trainee>...) で囲んでください。",
        )
    return compiled


def _files(source: Path) -> Iterator[_Candidate]:
    if not source.exists():
        raise InputError(
            "集めるフォルダまたは zip ファイルが見つかりません。",
            file=source,
            action="場所を確認してください。",
        )
    if source.is_dir():
        for path in sorted(source.rglob("*")):
            if path.is_file() and not path.is_symlink():
                info = path.stat()
                data = path.read_bytes() if info.st_size <= MAX_FILE_BYTES else None
                yield _Candidate(
                    path.relative_to(source).as_posix(), data, datetime.fromtimestamp(info.st_mtime)
                )
        return
    try:
        archive = zipfile.ZipFile(source)
    except zipfile.BadZipFile:
        raise InputError(
            "zip ファイルとして開けません。", file=source, action="ダウンロードし直してください。"
        ) from None
    with archive:
        yield from _zip_members(archive, "")


def _zip_members(archive: zipfile.ZipFile, prefix: str) -> Iterator[_Candidate]:
    total = 0
    for info in archive.infolist():
        if info.is_dir():
            continue
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise InputError(
                "zip の中身が大きすぎます（合計 2 GB 超）。",
                action="課題ごとに分けてダウンロードしてください。",
            )
        name = prefix + zip_name(info)
        if info.file_size > MAX_FILE_BYTES:
            yield _Candidate(name, None, datetime(*info.date_time))
            continue
        data = archive.read(info)
        if name.lower().endswith(".zip") and not prefix:
            try:
                with zipfile.ZipFile(io.BytesIO(data)) as inner:
                    yield from _zip_members(inner, name[:-4] + "/")
                continue
            except zipfile.BadZipFile:
                pass
        yield _Candidate(name, data, datetime(*info.date_time))


def zip_name(info: zipfile.ZipInfo) -> str:
    """A member's name; Windows zips store Japanese names in Shift_JIS without saying so.

    >>> info = zipfile.ZipInfo("t01_\\u30ce\\u30fc\\u30c8.ipynb")
    >>> zip_name(info)
    't01_ノート.ipynb'
    """
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("cp932")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _stamps(course: Course, assignment: str) -> dict[str, float]:
    return {
        p.parent.name: p.stat().st_mtime
        for p in course.submitted.glob(f"*/{assignment}")
        if p.is_dir()
    }


def _missing(course: Course, assignment: str, roster_ids: list[str]) -> list[str]:
    return [i for i in roster_ids if not any((course.submitted / i / assignment).glob("*.ipynb"))]
