"""The workshop roster: a CSV of account names and roles, made by the trainer.

Only account names are needed — never real names or staff numbers. Headers and roles may be
Japanese or English; the file may be UTF-8 (with or without BOM) or Shift_JIS (Excel's CSV)::

    ユーザー名,役割
    sensei,講師
    trainee01,受講者

Kept to the standard library so that ``python3 -m kit.trainer.hub setup`` runs on a bare server
before the shared environment exists.

>>> accounts = parse_roster("ユーザー名,役割\\nsensei,講師\\ntrainee01,受講者\\n")
>>> [(a.name, a.role) for a in accounts]
[('sensei', 'instructor'), ('trainee01', 'trainee')]
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from kit.errors import InputError

NAME_HEADERS = ("ユーザー名", "username", "user")
ROLE_HEADERS = ("役割", "role")
ROLE_WORDS = {
    "講師": "instructor",
    "instructor": "instructor",
    "受講者": "trainee",
    "trainee": "trainee",
    "student": "trainee",
}
# Unix account names that nbgrader also accepts as student ids (no "+", "*", capitals, dots).
NAME_PATTERN = re.compile(r"[a-z][a-z0-9_-]{0,30}")


@dataclass(frozen=True)
class Account:
    """One roster line: a Unix account name and its role (``instructor`` or ``trainee``)."""

    name: str
    role: str


def read_roster(path: Path | str) -> list[Account]:
    """Accounts of a roster file, checked; the first error names the file, line and column.

    >>> [a.name for a in read_roster("roster.csv")]  # doctest: +SKIP
    ['sensei', 'trainee01', 'trainee02']
    """
    raw = Path(path).read_bytes()
    for encoding in ("utf-8-sig", "cp932"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError(
            "名簿の文字コードを判別できませんでした。",
            file=path,
            action="UTF-8 か Shift_JIS（Excel の「CSV」）で保存し直してください。",
        )
    return parse_roster(text, source=str(path))


def parse_roster(text: str, source: str = "名簿") -> list[Account]:
    """Accounts of roster text (see :func:`read_roster`).

    >>> parse_roster("username,role\\nt1,instructor\\nt2,trainee\\n")[1]
    Account(name='t2', role='trainee')
    """
    rows = list(csv.reader(io.StringIO(text)))
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise InputError(
            "名簿が空です。",
            file=source,
            action="1 行目に「ユーザー名,役割」と書き、2 行目から 1 人 1 行で書いてください。",
        )
    header = [cell.strip().lower() for cell in rows[0]]
    name_col = _column(header, NAME_HEADERS, source)
    role_col = _column(header, ROLE_HEADERS, source)
    accounts: list[Account] = []
    seen: set[str] = set()
    for line, row in enumerate(rows[1:], start=2):
        name = row[name_col].strip() if name_col < len(row) else ""
        role_word = row[role_col].strip() if role_col < len(row) else ""
        if not NAME_PATTERN.fullmatch(name):
            raise InputError(
                f"ユーザー名「{name}」は使えません。",
                file=source,
                row=line,
                column=rows[0][name_col],
                action="半角の英小文字で始まり、英小文字・数字・「_」「-」だけの 31 文字以内にしてください（例: trainee01）。",
            )
        if name in seen:
            raise InputError(
                f"ユーザー名「{name}」が 2 回出てきます。",
                file=source,
                row=line,
                action="1 人 1 行にしてください。",
            )
        role = ROLE_WORDS.get(role_word.lower())
        if role is None:
            raise InputError(
                f"役割「{role_word}」が分かりません。",
                file=source,
                row=line,
                column=rows[0][role_col],
                action="「講師」か「受講者」と書いてください。",
            )
        seen.add(name)
        accounts.append(Account(name, role))
    instructors = [a.name for a in accounts if a.role == "instructor"]
    if len(instructors) != 1:
        raise InputError(
            f"講師が {len(instructors)} 人います。この構成では講師（採点する人）は 1 人です。",
            file=source,
            action="役割「講師」をちょうど 1 行にしてください。複数の採点者については講師用ガイドの「1 台を超えるとき」を見てください。",
        )
    return accounts


def roster_template(trainees: int, instructor: str = "sensei", prefix: str = "trainee") -> str:
    """CSV text of a roster with one instructor and numbered trainees.

    >>> print(roster_template(2), end="")
    ユーザー名,役割
    sensei,講師
    trainee01,受講者
    trainee02,受講者
    """
    width = max(2, len(str(trainees)))
    lines = ["ユーザー名,役割", f"{instructor},講師"]
    lines += [f"{prefix}{i:0{width}d},受講者" for i in range(1, trainees + 1)]
    return "\n".join(lines) + "\n"


def _column(header: list[str], names: tuple[str, ...], source: str) -> int:
    for name in names:
        if name.lower() in header:
            return header.index(name.lower())
    raise InputError(
        f"名簿の 1 行目に列「{names[0]}」がありません。",
        file=source,
        row=1,
        action="1 行目を「ユーザー名,役割」にしてください。",
    )
