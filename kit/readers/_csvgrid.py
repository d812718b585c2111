"""CSV text → a small grid of the first and last records (for layout detection) and the body
as a DataFrame parsed by pandas' C parser.

>>> text = "人口表\\n地区,人口\\n旭丘,10\\n緑町,12\\n注）外国人を含む\\n"
>>> head = records(text, ",", first_line=1, max_lines=100)
>>> [line for line, _ in head]
[1, 2, 3, 4, 5]
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from kit.errors import ReadError

HEAD_LINES = 400
TAIL_LINES = 64
_PANDAS_LINE = re.compile(r"line (\d+), saw (\d+)")


def line_offset(text: str, line: int, total: int | None = None) -> int:
    """Character offset where 1-based ``line`` starts (len(text) past the end).

    With ``total`` (the number of lines), lines near the end are found from the end.

    >>> line_offset("a\\nb\\nc\\n", 3), line_offset("a\\nb\\nc\\n", 3, total=3)
    (4, 4)
    """
    if total is not None and line > total:
        return len(text)
    if total is not None and line > total // 2:
        end = len(text) - (1 if text.endswith("\n") else 0)
        for _ in range(total - line + 1):
            end = text.rfind("\n", 0, end)
            if end < 0:
                return 0
        return end + 1
    offset = 0
    for _ in range(line - 1):
        found = text.find("\n", offset)
        if found < 0:
            return len(text)
        offset = found + 1
    return offset


def count_lines(text: str) -> int:
    return text.count("\n") + (0 if text.endswith("\n") or not text else 1)


def records(text: str, delimiter: str, *, first_line: int, max_lines: int | None = None,
            path: Path | str = "") -> list[tuple[int, list[str]]]:  # fmt: skip
    """(start line, fields) of the records in ``text``, whose first line is ``first_line``."""
    if max_lines is not None:
        text = text[: line_offset(text, max_lines + 1)]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out = []
    consumed = 0
    try:
        for fields in reader:
            out.append((first_line + consumed, fields))
            consumed = reader.line_num
    except csv.Error as exc:
        raise ReadError(
            f"CSV として読めない行があります（{exc}）。",
            file=path,
            row=first_line + consumed,
            action='引用符「"」の閉じ忘れや、とても長いセルがないか確かめてください。',
        ) from None
    return out


def tail_records(
    text: str, delimiter: str, total_lines: int, after_line: int, path: Path | str
) -> list[tuple[int, list[str]]]:
    """The records of the last lines of ``text`` that come after ``after_line``."""
    first = max(after_line + 1, total_lines - TAIL_LINES + 1)
    if first > total_lines:
        return []
    return records(
        text[line_offset(text, first, total_lines) :], delimiter, first_line=first, path=path
    )


def parse_body(
    text: str,
    *,
    first_line: int,
    last_line: int,
    width: int,
    delimiter: str,
    text_columns: set[int],
    path: Path | str,
    total: int | None = None,
) -> tuple[pd.DataFrame, np.ndarray]:
    """Lines ``first_line``..``last_line`` parsed by pandas, and each row's file line.

    ``text_columns`` come back as text; the others as categoricals, so the C parser collects
    their distinct values (and converts them when all are plain numbers).
    """
    total = count_lines(text) if total is None else total
    start = line_offset(text, first_line, total)
    end = line_offset(text, last_line + 1, total)
    encoded = text.encode("utf-8")  # pandas' C parser is fastest on UTF-8 bytes
    body = encoded[
        len(text[:start].encode("utf-8")) : len(encoded) - len(text[end:].encode("utf-8"))
    ]
    try:
        frame = pd.read_csv(
            io.BytesIO(body),
            sep=delimiter,
            header=None,
            names=list(range(width)),
            index_col=False,
            dtype={i: (object if i in text_columns else "category") for i in range(width)},
            keep_default_na=False,
            na_values=[""],
            skip_blank_lines=False,
            engine="c",  # (no encoding= argument: UTF-8 bytes go straight to the tokenizer)
        )
    except pd.errors.ParserError as exc:
        raise _parser_error(exc, first_line, width, path) from None
    except pd.errors.EmptyDataError:
        frame = pd.DataFrame({i: pd.Series(dtype="str") for i in range(width)}).astype("category")
    if len(frame) == last_line - first_line + 1:
        lines = np.arange(first_line, first_line + len(frame))
    else:  # cells with line breaks: find where each record starts
        found = records(text[start:end], delimiter, first_line=first_line, path=path)
        lines = np.array([line for line, _ in found])
        if len(lines) != len(frame):
            raise ReadError("CSV の行の区切りを正しく読み取れませんでした。", file=path,
                            action="Excel で開いて CSV 形式で保存し直してください。")  # fmt: skip
    return frame, lines


def _parser_error(exc: Exception, first_line: int, width: int, path: Path | str) -> ReadError:
    match = _PANDAS_LINE.search(str(exc))
    if match:
        line = first_line + int(match.group(1)) - 1
        return ReadError(
            f"この行は区切り（{match.group(2)} 列）が見出し（{width} 列）より多くなっています。",
            file=path,
            row=line,
            action='値の中の「,」が引用符「"」で囲まれているか、列がずれていないか確かめてください。',
        )
    return ReadError(
        f"CSV として読めませんでした（{exc}）。",
        file=path,
        action='引用符「"」の閉じ忘れがないか、Excel で開いて確かめてください。',
    )
