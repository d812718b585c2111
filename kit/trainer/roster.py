"""The class roster: trainee IDs (and, if given, names) from ``notebooks/roster.csv``.

The file may come from Excel (Shift_JIS) or be UTF-8 with or without BOM. Headers may be
Japanese or English; only the ID column is required. A workshop server's account list
(``ユーザー名,役割``) works as it is: rows whose role is 講師 / instructor are left out::

    受講者ID,氏名
    t01,架空 太郎
    t02,架空 花子

>>> roster = parse_roster("受講者ID,氏名\\nt01,架空 太郎\\n")
>>> roster.loc[0, "受講者ID"], roster.loc[0, "氏名"]
('t01', '架空 太郎')
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

import pandas as pd

from kit.errors import InputError

ID_HEADERS = (
    "受講者id",
    "受講者番号",
    "id",
    "student_id",
    "ユーザー名",
    "username",
    "user",
    "アカウント",
)
NAME_HEADERS = ("氏名", "名前", "name", "full_name")
ROLE_HEADERS = ("役割", "role")
TRAINER_ROLES = {"講師", "instructor", "trainer", "teacher"}
# Folder names nbgrader can use: no path separators, no "+" (the exchange's separator), no spaces.
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}")
COLUMNS = ["受講者ID", "氏名"]


def valid_trainee_id(text: str) -> bool:
    """Whether ``text`` can be a trainee ID (a folder name nbgrader and the exchange accept).

    >>> valid_trainee_id("t01"), valid_trainee_id("../t01"), valid_trainee_id("a+b")
    (True, False, False)
    """
    return bool(ID_PATTERN.fullmatch(text))


def read_roster(path: Path | str) -> pd.DataFrame:
    """The roster file as a table with columns 受講者ID and 氏名 (empty when no name is given).

    >>> # read_roster("notebooks/roster.csv")["受講者ID"].tolist()
    >>> # ['t01', 't02']
    """
    raw = Path(path).read_bytes()
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return parse_roster(raw.decode(encoding), source=str(path))
        except UnicodeDecodeError:
            continue
    raise InputError(
        "名簿の文字コードを判別できませんでした。",
        file=path,
        action="UTF-8 か Shift_JIS（Excel の「CSV」）で保存し直してください。",
    )


def load_roster(path: Path) -> pd.DataFrame:
    """:func:`read_roster` if the file exists, else an empty roster.

    >>> len(load_roster(Path("/nonexistent/roster.csv")))
    0
    """
    return (
        read_roster(path)
        if path.is_file()
        else pd.DataFrame({c: pd.Series(dtype="str") for c in COLUMNS})
    )


def parse_roster(text: str, source: str = "名簿") -> pd.DataFrame:
    """Roster text (see the module) as a table; the first problem names its line.

    >>> parse_roster("id\\nt01\\n")["受講者ID"].tolist()
    ['t01']
    """
    rows = [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]
    if not rows:
        raise InputError(
            "名簿が空です。",
            file=source,
            action="1 行目に「受講者ID,氏名」と書き、2 行目から 1 人 1 行で書いてください。",
        )
    header = [_norm(h).lower() for h in rows[0]]
    id_col = _find(header, ID_HEADERS)
    if id_col is None:
        raise InputError(
            "名簿に受講者IDの列が見つかりません。",
            file=source,
            row=1,
            action="1 行目の見出しを「受講者ID」にしてください。",
        )
    name_col = _find(header, NAME_HEADERS)
    role_col = _find(header, ROLE_HEADERS)
    ids, names = [], []
    for number, row in enumerate(rows[1:], start=2):
        if role_col is not None and _cell(row, role_col).lower() in TRAINER_ROLES:
            continue
        trainee = _cell(row, id_col)
        if not valid_trainee_id(trainee):
            raise InputError(
                f"受講者ID「{trainee}」は使えません（半角英数字と _ . @ - だけ、先頭は英数字）。",
                file=source,
                row=number,
                column=rows[0][id_col],
                action="IDを直してください。",
            )
        if trainee in ids:
            raise InputError(
                f"受講者ID「{trainee}」が 2 回出てきます。",
                file=source,
                row=number,
                action="重複を消してください。",
            )
        ids.append(trainee)
        names.append(_cell(row, name_col))
    return pd.DataFrame(
        {"受講者ID": pd.Series(ids, dtype="str"), "氏名": pd.Series(names, dtype="str")}
    )


def names_by_id(roster: pd.DataFrame) -> dict[str, str]:
    """受講者ID → 氏名 for the rows that have a name.

    >>> names_by_id(parse_roster("id,name\\nt01,架空 太郎\\nt02,\\n"))
    {'t01': '架空 太郎'}
    """
    return {i: n for i, n in zip(roster["受講者ID"], roster["氏名"], strict=True) if n}


def _cell(row: list[str], column: int | None) -> str:
    return _norm(row[column]) if column is not None and column < len(row) else ""


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _find(header: list[str], names: tuple[str, ...]) -> int | None:
    for index, value in enumerate(header):
        if value in names:
            return index
    return None
