"""Column names from one or more header rows: merged labels spread, levels joined, text cleaned.

>>> flatten([["町丁名", "0〜4歳", "", ""], ["", "総数", "男", "女"]])
['町丁名', '0〜4歳_総数', '0〜4歳_男', '0〜4歳_女']
"""

from __future__ import annotations

import re
import unicodedata

SEPARATOR = "_"
_SPACE_BETWEEN_WIDE = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
_SPACES = re.compile(r"\s+")
_REQUIRED_MARK = re.compile(
    r"\s*(\((必須|任意|推奨|条件付き?必須)\)|【(必須|任意)】|\[(必須|任意)\]|※|\*)$"
)


def clean_label(text: str) -> str:
    """A header cell as a column name: NFKC, 〜 kept, spaces tidied, (必須)-style marks removed.

    >>> clean_label("名称（必須）"), clean_label("０～４歳"), clean_label("合　計"), clean_label("名称_ｶﾅ")
    ('名称', '0〜4歳', '合計', '名称_カナ')
    """
    text = unicodedata.normalize("NFKC", (text or "").replace("～", "〜"))
    text = _SPACE_BETWEEN_WIDE.sub("", text.strip())
    text = _SPACES.sub(" ", text)
    return _REQUIRED_MARK.sub("", text).strip()


def excel_letter(index: int) -> str:
    """Excel's column letter for a 0-based column index.

    >>> excel_letter(0), excel_letter(25), excel_letter(26)
    ('A', 'Z', 'AA')
    """
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _spread(rows: list[list[str]]) -> list[list[str]]:
    """Fill blank cells of upper rows that sit over a labelled lower cell (merged headers).

    A label spreads right until the next label of the same or a higher row.
    """
    width = max(len(row) for row in rows)
    grid = [list(row) + [""] * (width - len(row)) for row in rows]
    out = [list(row) for row in grid]
    for level in range(len(grid) - 1):
        current = ""
        for col in range(width):
            new_span = any(grid[upper][col] for upper in range(level + 1))
            if grid[level][col]:
                current = grid[level][col]
            elif new_span:
                current = ""
            elif current and any(grid[lower][col] for lower in range(level + 1, len(grid))):
                out[level][col] = current
            else:
                current = ""
    return out


def flatten(rows: list[list[str]], filled: list[list[str]] | None = None) -> list[str]:
    """One name per column from header rows; ``filled`` is the grid with merged cells filled
    (from Excel), otherwise blank cells are spread as merged cells would be.

    Levels are cleaned and joined with ``_``; a level equal to the one above is not repeated.
    Columns without any label get an empty name (handled by the caller).
    """
    return [SEPARATOR.join(parts) for parts in name_parts(rows, filled)]


def name_parts(rows: list[list[str]], filled: list[list[str]] | None = None) -> list[list[str]]:
    """The cleaned, distinct labels of each column, top row first (see :func:`flatten`).

    >>> name_parts([["人口", ""], ["男", "女"]])
    [['人口', '男'], ['人口', '女']]
    """
    grid = _spread(filled if filled is not None else rows)
    width = max(len(row) for row in grid)
    out = []
    for col in range(width):
        parts: list[str] = []
        for row in grid:
            label = clean_label(row[col]) if col < len(row) else ""
            if label and label not in parts:
                parts.append(label)
        out.append(parts)
    return out


def raw_label(rows: list[list[str]], col: int) -> str:
    """The header cells of one column as written, joined by " / " (for the change log)."""
    return " / ".join(row[col] for row in rows if col < len(row) and row[col])
