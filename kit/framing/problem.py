"""The 目標・問題・課題 sheet: goal, reality, the gap between them (with a number), the issue.

- 目標 (goal): the state the city wants for its residents — not a means such as a system.
- 現状 (reality): what the data show today.
- 問題 (gap): the difference between goal and reality, stated with a number.
- 課題 (issue): what the section will work on to close the gap.

>>> p = ProblemStatement(
...     goal="希望するすべての子どもが保育所に入れる",
...     reality="2026年4月の待機児童は市全体で48人",
...     gap="目標（0人）より48人多い",
...     issue="待機児童が多い地区で、受け皿が足りない理由を明らかにする",
...     indicator="待機児童数", value=48, unit="人", target=0)
>>> p.validate()
[]
>>> p.gap_value
48.0
"""

from __future__ import annotations

import math
import numbers
import re
from dataclasses import asdict, dataclass, fields
from typing import Any

from kit.errors import InputError
from kit.framing.means import means_words, normalise

# Field name → the Japanese label trainees see.
LABELS = {
    "goal": "目標",
    "reality": "現状",
    "gap": "問題",
    "issue": "課題",
    "indicator": "指標",
    "value": "現状の値",
    "unit": "単位",
    "target": "目標の値",
    "source": "データの出典",
}
_TEXT_FIELDS = ("goal", "reality", "gap", "issue", "indicator", "unit")


@dataclass
class ProblemStatement:
    """One problem, framed as in the Data Academy (see the module docstring for each part).

    ``value`` is the indicator's current value and ``target`` (optional) its goal, so the gap
    can be measured; ``source`` names the data the value comes from.
    """

    goal: str
    reality: str
    gap: str
    issue: str
    indicator: str
    value: float
    unit: str
    target: float | None = None
    source: str = ""

    @property
    def gap_value(self) -> float | None:
        """Reality minus goal on the indicator (``None`` without a target).

        >>> ProblemStatement("a", "b", "c", "d", "待機児童数", 30, "人", target=0).gap_value
        30.0
        """
        if self.target is None or not _is_number(self.value) or not _is_number(self.target):
            return None
        return float(self.value) - float(self.target)

    def validate(self) -> list[str]:
        """Japanese notes on what to improve; an empty list when the sheet is complete.

        The goal is checked with :func:`kit.framing.means.means_words`, a keyword heuristic:
        a note about a means is a prompt to think again, not a verdict.

        >>> ProblemStatement("電子申請を進めたい", "", "", "", "", 1, "件").validate()[0]
        '「現状」が空です。...'
        """
        found = [
            f"「{LABELS[name]}」が空です。{_ASK[name]}"
            for name in _TEXT_FIELDS
            if not normalise(getattr(self, name))
        ]
        words = means_words(self.goal)
        if words:
            listed = "」「".join(words)
            found.append(
                f"目標「{self.goal}」に「{listed}」という手段（やること・道具）を表す言葉があります。"
                "それを行うと住民にとって何が良くなるのかを考え、その状態を目標に書きましょう。"
            )
        if not _is_number(self.value):
            found.append("「現状の値」には数を入れてください（例: 48）。")
        if self.target is not None and not _is_number(self.target):
            found.append("「目標の値」には数を入れるか、None のままにしてください。")
        elif self.gap_value == 0:
            found.append("現状の値と目標の値が同じです。差（問題）がないか、値を確認してください。")
        if (
            normalise(self.reality)
            and normalise(self.gap)
            and not _has_digit(self.reality + self.gap)
        ):
            found.append(
                "「現状」か「問題」の文に数字が入っていません。"
                "データで確かめた数を入れると、問題の大きさが伝わります。"
            )
        return found

    def to_markdown(self) -> str:
        """The sheet as a Markdown table (for the work folder and the final proposal).

        >>> print(ProblemStatement("a", "b", "c", "d", "e", 3, "人").to_markdown().splitlines()[0])
        ### 目標・問題・課題
        """
        rows = [
            ("目標", self.goal),
            ("現状", self.reality),
            ("問題（目標と現状の差）", self.gap),
            ("課題（取り組むこと）", self.issue),
            ("指標", f"{self.indicator}: {_format(self.value)} {self.unit}".rstrip()),
        ]
        if self.target is not None:
            rows.append(("目標の値", f"{_format(self.target)} {self.unit}".rstrip()))
        if self.source:
            rows.append(("データの出典", self.source))
        body = "\n".join(f"| {k} | {_cell(v)} |" for k, v in rows)
        return f"### 目標・問題・課題\n\n| 項目 | 内容 |\n|---|---|\n{body}\n"

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def to_dict(self) -> dict[str, Any]:
        """Plain data (for saving and for the answers file).

        >>> ProblemStatement("a", "b", "c", "d", "e", 3, "人").to_dict()["value"]
        3
        """
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProblemStatement:
        """Inverse of :meth:`to_dict`; unknown keys are an error.

        >>> p = ProblemStatement("a", "b", "c", "d", "e", 3, "人")
        >>> ProblemStatement.from_dict(p.to_dict()) == p
        True
        """
        if not isinstance(data, dict):
            raise InputError("問題の整理は辞書（dict）から作ってください。")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InputError(f"問題の整理に知らない項目「{unknown[0]}」があります。")
        return cls(**data)


_ASK = {
    "goal": "住民にとってどうなっていたいのか（あるべき姿）を書きましょう。",
    "reality": "データで分かるいまの姿を、数字を入れて書きましょう。",
    "gap": "目標と現状の差を、数字を入れて書きましょう。",
    "issue": "差を埋めるために取り組むことを書きましょう。",
    "indicator": "問題の大きさを測る指標の名前を書きましょう（例: 待機児童数）。",
    "unit": "指標の単位を書きましょう（例: 人、％）。",
}


def _is_number(value: Any) -> bool:
    return (
        isinstance(value, numbers.Real)
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


def _has_digit(text: str) -> bool:
    return re.search(r"\d", normalise(text)) is not None


def _format(value: Any) -> str:
    if _is_number(value) and float(value).is_integer():
        return f"{int(value):,}"
    if _is_number(value):
        return f"{float(value):,.4g}"
    return str(value)


def _cell(text: str) -> str:
    return str(text).replace("|", "｜").replace("\n", " ")
