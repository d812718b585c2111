"""The trainee's work from stages 1–3 as short Markdown, with clear placeholders when missing.

Stage 1 saves e.g. "theme", "problem", "logic_tree", "hypotheses"; stage 2 "worksheet"; stage
3 "findings" (see :mod:`kit.artifacts`). Whatever their shape (a kit object with
``to_markdown()``, a dict, a list, text, a table), they become a few lines of Markdown; when
one was never saved, or cannot be read, a Japanese placeholder says so. Nothing here fails
because earlier work is missing.

>>> as_markdown({"目標": "待機児童ゼロ", "現状": "45 人"})
'- **目標**: 待機児童ゼロ\\n- **現状**: 45 人'
>>> earlier_work(["problem"], load=lambda name: None)["problem"]
'（ステージ1の問題文がまだ保存されていません）'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from kit.design._text import bullets, is_blank, markdown_table

PLACEHOLDERS = {
    "theme": "（ステージ1のテーマがまだ保存されていません）",
    "problem": "（ステージ1の問題文がまだ保存されていません）",
    "logic_tree": "（ステージ1のロジックツリーがまだ保存されていません）",
    "hypotheses": "（ステージ1の仮説がまだ保存されていません）",
    "plan_cards": "（ステージ1の分析計画カードがまだ保存されていません）",
    "worksheet": "（ステージ2の個人情報の利用ワークシートがまだ保存されていません）",
    "findings": "（ステージ3の分析結果（事実の文章）がまだ保存されていません）",
}
EARLIER = tuple(PLACEHOLDERS)
LABELS = {
    "theme": "テーマ",
    "problem": "目標・問題・課題",
    "logic_tree": "ロジックツリー",
    "hypotheses": "仮説",
    "plan_cards": "分析計画カード",
    "worksheet": "個人情報の利用ワークシート",
    "findings": "分析結果（事実の文章）",
}
MAX_LINES = 12


def placeholder(name: str) -> str:
    """The Japanese placeholder for a missing artefact.

    >>> placeholder("something_else")
    '（「something_else」がまだ保存されていません）'
    """
    return PLACEHOLDERS.get(name, f"（「{name}」がまだ保存されていません）")


def is_placeholder(text: str) -> bool:
    """True when ``text`` is one of the placeholders (the artefact was missing).

    >>> is_placeholder(placeholder("problem")), is_placeholder("待機児童が多い")
    (True, False)
    """
    return text.startswith("（") and text.endswith("がまだ保存されていません）")


def as_markdown(value: Any, max_lines: int | None = MAX_LINES) -> str | None:
    """A saved value as short Markdown; None when it holds nothing usable.

    Kit objects use their own ``to_markdown()`` (a worksheet is summarised); dicts become
    labelled bullets, lists bullets, tables Markdown tables. Long text is cut after
    ``max_lines`` lines with a note.

    >>> as_markdown(["仮説A", "仮説B"])
    '- 仮説A\\n- 仮説B'
    >>> as_markdown("") is None
    True
    """
    text = _to_text(value)
    if text is None or is_blank(text):
        return None
    return _brief(_demote_headings(text.strip()), max_lines)


def earlier_work(
    names: Iterable[str] = EARLIER, load: Callable[[str], Any] | None = None
) -> dict[str, str]:
    """Each earlier artefact as Markdown, or its placeholder when missing or unusable.

    ``load`` reads one artefact by name (default: ``kit.artifacts.load(name, default=None)``).

    >>> earlier_work(["theme"], load=lambda name: "子育て")
    {'theme': '子育て'}
    """
    if load is None:
        from kit.artifacts import load as load_artifact

        def load(name: str) -> Any:
            return load_artifact(name, default=None)

    found = {}
    for name in names:
        try:
            value = load(name)
        except Exception:  # an unreadable or odd artefact must never stop the proposal
            value = None
        text = None
        try:
            text = as_markdown(value)
        except Exception:
            text = None
        found[name] = text if text is not None else placeholder(name)
    return found


def _to_text(value: Any) -> str | None:
    if value is None or value is Ellipsis or type(value).__name__ == "Unsupported":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    if hasattr(value, "purpose") and hasattr(value, "items") and isinstance(value.items, list):
        return _worksheet_summary(value)
    if type(value).__name__ in ("DataFrame", "Series"):
        return _table(value)
    if hasattr(value, "to_markdown") and callable(value.to_markdown):
        return str(value.to_markdown())
    if isinstance(value, dict):
        lines = [f"- **{k}**: {_inline(v)}" for k, v in value.items() if not is_blank(_inline(v))]
        return "\n".join(lines)
    if isinstance(value, list | tuple | set):
        return bullets(_inline(v) for v in value)
    if hasattr(value, "to_dict"):
        return _to_text(value.to_dict())
    return str(value)


def _inline(value: Any) -> str:
    """One line of text for a nested value."""
    if isinstance(value, dict):
        return "、".join(f"{k}: {_inline(v)}" for k, v in value.items() if not is_blank(_inline(v)))
    if isinstance(value, list | tuple | set):
        return "、".join(_inline(v) for v in value)
    if hasattr(value, "text") and isinstance(value.text, str):
        return value.text
    if hasattr(value, "to_dict"):
        return _inline(value.to_dict())
    return "" if value is None else str(value).replace("\n", " ").strip()


def _table(value: Any) -> str:
    frame = value.to_frame() if type(value).__name__ == "Series" else value
    frame = frame.head(8)
    return markdown_table([str(c) for c in frame.columns], frame.astype(str).values.tolist())


def _worksheet_summary(ws: Any) -> str:
    """The few lines of a personal-data worksheet a proposal needs."""
    lines = []
    for label, attr in (("題名", "title"), ("目的", "purpose"), ("対象", "target")):
        value = getattr(ws, attr, "")
        if not is_blank(value):
            lines.append(f"- **{label}**: {value}")
    holders: dict[str, list[str]] = {}
    for item in ws.items:
        holder = str(getattr(item, "holder", "") or "保有課未記入")
        holders.setdefault(holder, []).append(str(getattr(item, "name", item)))
    if holders:
        used = "／".join(f"{'、'.join(names)}（{holder}）" for holder, names in holders.items())
        lines.append(f"- **使うデータ**: {used}")
    consent = getattr(ws, "consent_items", None)
    if callable(consent):
        names = consent()
        if names:
            lines.append(f"- **本人同意がある人だけに使う項目**: {'、'.join(names)}")
    return "\n".join(lines)


def _demote_headings(text: str) -> str:
    """Headings of an artefact's own document become bold lines inside a proposal section."""
    lines = []
    for line in text.splitlines():
        stripped = line.lstrip()
        if stripped.startswith("#"):
            title = stripped.lstrip("#").strip()
            line = f"**{title}**" if title else ""
        lines.append(line)
    return "\n".join(lines)


def _brief(text: str, max_lines: int | None) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    if max_lines is None or len(lines) <= max_lines:
        return "\n".join(text.splitlines()).strip()
    return "\n".join([*lines[:max_lines], f"- （以下 {len(lines) - max_lines} 行は省略）"])
