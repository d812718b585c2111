"""Line breaking for Japanese text in figures (no spaces between words, full-width characters).

Widths count a full-width character as 2 and a half-width one as 1. A line never starts with
closing punctuation or a small kana (禁則処理: they overhang the line instead), and a run of
ASCII letters or digits is not split unless it is longer than a whole line.

>>> wrap("保育士が足りず、受け入れ枠を増やせない", 16)
['保育士が足りず、', '受け入れ枠を増', 'やせない']
>>> wrap("3月・4月に転入・転出が集中する", 28)
['3月・4月に転入・', '転出が集中する']
"""

from __future__ import annotations

import unicodedata

# Characters that must not begin a line.
_NO_LINE_START = set(
    "、。，．,.)）]］｝」』】〉》・：:；;!！?？ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ％%"
)


def char_width(char: str) -> int:
    """2 for full-width (and wide) characters, 1 otherwise.

    >>> char_width("保"), char_width("a")
    (2, 1)
    """
    return 2 if unicodedata.east_asian_width(char) in ("F", "W", "A") else 1


def text_width(text: str) -> int:
    """Display width of a text (see :func:`char_width`).

    >>> text_width("0〜4歳")
    6
    """
    return sum(char_width(c) for c in text)


def wrap(text: str, width: int = 24) -> list[str]:
    """Break ``text`` into lines of at most ``width`` (closing marks may overhang).

    Existing line breaks are kept.

    >>> wrap("AI を使う", 4)
    ['AI', 'を使', 'う']
    >>> wrap("", 10)
    ['']
    """
    lines: list[str] = []
    for paragraph in str(text).split("\n"):
        lines.extend(_balanced(paragraph.strip(), max(width, 2)))
    return lines


def _balanced(text: str, width: int) -> list[str]:
    """The narrowest wrapping with as few lines as at ``width``: no lone word on a last line."""
    best = _wrap_paragraph(text, width)
    narrower = width - 1
    while narrower >= 2:
        lines = _wrap_paragraph(text, narrower)
        if len(lines) > len(best):
            break
        best = lines
        narrower -= 1
    return best


def _tokens(text: str) -> list[str]:
    """Single characters, except runs of ASCII letters/digits kept together."""
    tokens: list[str] = []
    for char in text:
        if (
            tokens
            and char.isascii()
            and char.isalnum()
            and tokens[-1][-1:].isascii()
            and tokens[-1][-1:].isalnum()
        ):
            tokens[-1] += char
        else:
            tokens.append(char)
    return tokens


def _wrap_paragraph(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for token in _tokens(text):
        for piece in _split_long(token, width):
            if piece in _NO_LINE_START and not line and lines:
                lines[-1] += piece  # after a break at a space: overhang the previous line
            elif not line or text_width(line) + text_width(piece) <= width:
                line += piece
            elif piece in _NO_LINE_START:
                line += piece  # overhang rather than start a line with it
            else:
                lines.append(line.rstrip())
                line = piece.lstrip()
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def _split_long(token: str, width: int) -> list[str]:
    """A token wider than a line (a long ASCII run) in pieces of at most ``width``."""
    pieces = []
    while text_width(token) > width:
        cut = max(1, next(i for i in range(len(token) + 1) if text_width(token[: i + 1]) > width))
        pieces.append(token[:cut])
        token = token[cut:]
    return [*pieces, token] if token else pieces
