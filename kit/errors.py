"""Exceptions raised by ``kit``: Japanese messages that say where and what to do.

Every error names, where it knows them, the file, the row and the column, then what went
wrong, then what the trainee can do about it.

>>> raise ReadError("値「1,2O3」を数値として読めませんでした（英字の O が含まれています）。",
...                 file="population.csv", row=7, column="0〜4歳 男",
...                 action="元のファイルの該当セルを確認してください。")
Traceback (most recent call last):
kit.errors.ReadError: 「population.csv」の 7 行目・列「0〜4歳 男」: 値「1,2O3」を数値として読めませんでした（英字の O が含まれています）。元のファイルの該当セルを確認してください。
"""

from __future__ import annotations

from os import PathLike
from pathlib import PurePath

__all__ = [
    "KitError",
    "DatasetError",
    "ReadError",
    "CodeError",
    "DateError",
    "InputError",
    "PrivacyError",
    "GeoError",
    "WorksheetError",
    "ArtifactError",
]


def _where(file: str | PathLike | None, row: int | None, column: object | None) -> str:
    """Japanese phrase for a place in a file, e.g. 「a.csv」の 7 行目・列「人口」."""
    place = "・".join(
        part
        for part in (
            None if row is None else f"{row} 行目",
            None if column is None else f"列「{column}」",
        )
        if part
    )
    if file is None:
        return place
    name = f"「{PurePath(file).name}」"
    return f"{name}の {place}" if place else name


class KitError(Exception):
    """Base of every ``kit`` error; the message is Japanese and actionable.

    Attributes keep the pieces so that programs (and tests) can use them.

    >>> KitError("列「人口」がありません。", file="a.csv", action="列名を確認してください。").file
    'a.csv'
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | PathLike | None = None,
        row: int | None = None,
        column: object | None = None,
        action: str | None = None,
    ) -> None:
        self.file = None if file is None else str(file)
        self.row = row
        self.column = column
        self.problem = message
        self.action = action
        where = _where(file, row, column)
        text = f"{where}: {message}" if where else message
        if action:
            text = f"{text}{action}"
        super().__init__(text)


class DatasetError(KitError, KeyError):
    """A bundled dataset was asked for by a name that does not exist, or is unreadable."""

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return Exception.__str__(self)


class ReadError(KitError, ValueError):
    """A file could not be read into a table (encoding, header, value)."""


class CodeError(KitError, ValueError):
    """A 全国地方公共団体コード or 地域メッシュコード is invalid."""


class DateError(KitError, ValueError):
    """A date (和暦, Excel serial, text) could not be understood."""


class InputError(KitError, ValueError):
    """A function was given arguments it cannot work with (missing column, wrong type…)."""


class PrivacyError(KitError, ValueError):
    """A privacy operation cannot be done safely as asked."""


class GeoError(KitError, ValueError):
    """A map or distance operation got unusable geometries or coordinates."""


class WorksheetError(KitError, ValueError):
    """The personal-data worksheet has missing or contradictory entries."""


class ArtifactError(KitError, OSError):
    """A trainee's saved work (from an earlier stage) could not be written or read."""
