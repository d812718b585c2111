"""Text helpers shared by kit.design: Japanese line wrapping and Markdown tables and lists.

>>> wrap_ja("住民が窓口で申請書を書く", width=12)
'住民が窓口で\\n申請書を書く'
>>> print(markdown_table(["指標", "頻度"], [["受給率", "毎月"]]))
| 指標 | 頻度 |
|---|---|
| 受給率 | 毎月 |
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

# Characters that must not start a line (simple 行頭禁則).
_NO_LINE_START = set("、。，．・：；？！ー）」』】〕》〉ゃゅょっャュョッぁぃぅぇぉァィゥェォ")
# Characters that must not end a line (行末禁則).
_NO_LINE_END = set("（「『【〔《〈")


def display_width(text: str) -> int:
    """Width of ``text`` in half-width columns (full-width characters count 2).

    >>> display_width("ABC"), display_width("住民")
    (3, 4)
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_ja(text: str, width: int = 16, max_lines: int | None = None) -> str:
    """Wrap Japanese text (which has no spaces) at ``width`` half-width columns.

    Existing line breaks are kept; punctuation never starts a line. With ``max_lines``, the
    text is cut and ends with「…」.

    >>> wrap_ja("通知を受け取る。", width=14)
    '通知を受け取る。'
    >>> wrap_ja("あいうえおかきくけこさしすせそ", width=10, max_lines=2)
    'あいうえお\\nかきくけ…'
    """
    lines: list[str] = []
    for paragraph in str(text).splitlines() or [""]:
        greedy = _greedy(paragraph, width)
        # Balance the lines: the narrowest width giving as many lines (no orphan of 1–2 chars).
        for narrower in range(max(2, -(-display_width(paragraph) // len(greedy))), width):
            balanced = _greedy(paragraph, narrower)
            if len(balanced) == len(greedy):
                greedy = balanced
                break
        lines += greedy
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and display_width(last + "…") > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return "\n".join(lines)


def _greedy(paragraph: str, width: int) -> list[str]:
    """Fill lines up to ``width`` columns, keeping punctuation off the start of a line."""
    lines, current = [], ""
    for ch in paragraph:
        if current and display_width(current + ch) > width and ch not in _NO_LINE_START:
            carried = ""
            while current and current[-1] in _NO_LINE_END and len(current) > 1:
                carried, current = current[-1] + carried, current[:-1]
            lines.append(current)
            current = carried + ("" if ch.isspace() else ch)
        else:
            current += ch
    return [*lines, current]


def cell(value: object) -> str:
    """A value as one Markdown table cell (pipes escaped, line breaks as spaces).

    >>> cell("a|b\\nc")
    'a\\\\|b c'
    """
    text = "" if value is None else str(value)
    return text.replace("|", "\\|").replace("\r", "").replace("\n", " ").strip()


def markdown_table(header: Sequence[object], rows: Iterable[Sequence[object]]) -> str:
    """A GitHub-style Markdown table.

    >>> markdown_table(["a"], [[1], [2]]).count("\\n")
    3
    """
    lines = [
        "| " + " | ".join(cell(h) for h in header) + " |",
        "|" + "---|" * len(header),
    ]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def bullets(items: Iterable[object], limit: int | None = None) -> str:
    """A Markdown bullet list; with ``limit``, the rest is counted in a last line.

    >>> print(bullets(["a", "b", "c"], limit=2))
    - a
    - b
    - （ほか 1 件）
    """
    values = [str(i).strip() for i in items if str(i).strip()]
    shown = values if limit is None else values[:limit]
    lines = [f"- {v}" for v in shown]
    if len(values) > len(shown):
        lines.append(f"- （ほか {len(values) - len(shown)} 件）")
    return "\n".join(lines)


def is_blank(text: object) -> bool:
    """True for None, empty or whitespace-only text (also full-width spaces).

    >>> is_blank("　"), is_blank("指標")
    (True, False)
    """
    return text is None or not str(text).strip()
