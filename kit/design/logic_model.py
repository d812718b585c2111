"""Logic models (ロジックモデル): inputs → activities → outputs → outcomes → impact.

Every item can carry an indicator (指標, KPI) and the data that measures it (データ). From the
outputs on, each item needs both, otherwise nobody can tell later whether the measure worked.
:meth:`LogicModel.validate` says in Japanese what to improve; its wording checks are simple
keyword heuristics that prompt reflection, not verdicts.

>>> model = LogicModel("ひとり親世帯へのプッシュ型通知")
>>> model.add("活動", "対象と思われる世帯に通知を送る")
LogicModel('ひとり親世帯へのプッシュ型通知', 1 項目)
>>> model.add("インパクト", "通知の仕組みを導入する", "導入の有無", "事業記録").validate()[-1]
'インパクト「通知の仕組みを導入する」が手段（市がすること）の書き方になっています。住民や地域がどうなっているか（状態）で書いてください。'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kit.design._text import bullets, is_blank, markdown_table
from kit.design.logic_checks import item_findings
from kit.design.logic_stages import (
    EXPLANATIONS,
    MEASURED_STAGES,
    OUTCOME_STAGES,
    STAGES,
    stage_key,
)
from kit.errors import InputError

__all__ = ["STAGES", "LogicItem", "LogicModel", "stage_key", "OUTCOME_STAGES", "MEASURED_STAGES"]


@dataclass
class LogicItem:
    """One box of a logic model: what it is, its indicator (KPI) and the data that measures it.

    >>> LogicItem("受給を始める世帯が増える", "新規受給世帯数", "児童扶養手当システム").indicator
    '新規受給世帯数'
    """

    text: str
    indicator: str = ""
    source: str = ""


@dataclass
class LogicModel:
    """A logic model; items are added per stage with :meth:`add`.

    >>> m = LogicModel("例").add("アウトプット", "通知を送った世帯", "送付世帯数", "送付記録")
    >>> m.outputs[0].source
    '送付記録'
    """

    title: str = ""
    inputs: list[LogicItem] = field(default_factory=list)
    activities: list[LogicItem] = field(default_factory=list)
    outputs: list[LogicItem] = field(default_factory=list)
    outcomes_short: list[LogicItem] = field(default_factory=list)
    outcomes_mid: list[LogicItem] = field(default_factory=list)
    impact: list[LogicItem] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"LogicModel({self.title!r}, {sum(len(self.items(k)) for k in STAGES)} 項目)"

    def add(self, stage: str, text: str, indicator: str = "", source: str = "") -> LogicModel:
        """Add an item to a stage (key or Japanese label); returns the model itself.

        >>> LogicModel().add("活動", "通知を送る").activities[0].text
        '通知を送る'
        """
        if is_blank(text):
            raise InputError(
                "ロジックモデルの項目の内容が空です。何をするか・どうなるかを書いてください。"
            )
        item = LogicItem(str(text).strip(), str(indicator or "").strip(), str(source or "").strip())
        self.items(stage).append(item)
        return self

    def items(self, stage: str) -> list[LogicItem]:
        """The items of one stage (the list itself, so it can be edited).

        >>> LogicModel().items("インパクト")
        []
        """
        return getattr(self, stage_key(stage))

    def indicators(self, stages: tuple[str, ...] = MEASURED_STAGES) -> list[tuple[str, str, str]]:
        """(stage label, indicator, data) of every item that has an indicator, left to right.

        >>> LogicModel().add("短期アウトカム", "申請が増える", "申請件数", "受付記録").indicators()
        [('短期アウトカム', '申請件数', '受付記録')]
        """
        return [
            (STAGES[key], item.indicator, item.source)
            for key in (stage_key(s) for s in stages)
            for item in getattr(self, key)
            if not is_blank(item.indicator)
        ]

    def validate(self) -> list[str]:
        """Japanese findings: empty stages, missing indicators or data, means or actions as results.

        >>> LogicModel().validate()[0]
        '「インプット」の項目がありません（投入する資源（予算・人・データ））。'
        """
        found = []
        for key, label in STAGES.items():
            items = getattr(self, key)
            if not items:
                found.append(f"「{label}」の項目がありません（{EXPLANATIONS[key]}）。")
            texts = [i.text for i in items]
            for text in sorted({t for t in texts if texts.count(t) > 1}):
                found.append(f"「{label}」に同じ項目「{text}」が 2 回あります。")
            for item in items:
                found += item_findings(key, label, item)
        return found

    def to_frame(self) -> Any:
        """All items as a table: 段階, 内容, 指標, データ.

        >>> LogicModel().add("活動", "通知を送る").to_frame().columns.tolist()
        ['段階', '内容', '指標', 'データ']
        """
        import pandas as pd

        rows = [
            [label, i.text, i.indicator, i.source]
            for key, label in STAGES.items()
            for i in getattr(self, key)
        ]
        return pd.DataFrame(rows, columns=["段階", "内容", "指標", "データ"])

    def to_markdown(self, title: bool = True, findings: bool = True) -> str:
        """The model as Markdown: a table of every item, then the findings if any.

        >>> LogicModel("例").to_markdown().splitlines()[0]
        '### ロジックモデル：例'
        """
        rows = []
        for key, label in STAGES.items():
            for i in getattr(self, key):
                needed = key in MEASURED_STAGES or not is_blank(i.indicator)
                rows.append(
                    [label, i.text, _or_unset(i.indicator, needed), _or_unset(i.source, needed)]
                )
        text = markdown_table(["段階", "内容", "指標", "データ"], rows)
        if title:
            heading = f"### ロジックモデル：{self.title}" if self.title else "### ロジックモデル"
            text = f"{heading}\n\n{text}"
        found = self.validate() if findings else []
        if found:
            text += "\n\n**見直したい点**\n\n" + bullets(found)
        return text

    def draw(self, ax: Any = None) -> Any:
        """Draw the model as boxes from left to right; returns the matplotlib Axes.

        >>> LogicModel("例").add("活動", "通知を送る").draw().get_title(loc="left")
        'ロジックモデル：例'
        """
        from kit.design.logic_draw import draw_logic_model

        return draw_logic_model(self, ax=ax)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON (answers files and saved artefacts).

        >>> LogicModel("例").add("活動", "通知を送る").to_dict()["activities"]
        [{'text': '通知を送る', 'indicator': '', 'source': ''}]
        """
        data: dict[str, Any] = {"title": self.title}
        for key in STAGES:
            data[key] = [
                {"text": i.text, "indicator": i.indicator, "source": i.source}
                for i in getattr(self, key)
            ]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LogicModel:
        """Inverse of :meth:`to_dict`.

        >>> m = LogicModel("例").add("活動", "通知を送る")
        >>> LogicModel.from_dict(m.to_dict()) == m
        True
        """
        if not isinstance(data, dict):
            raise InputError("ロジックモデルのデータが辞書（dict）ではありません。")
        stages = {
            key: [
                LogicItem(str(i["text"]), str(i.get("indicator", "")), str(i.get("source", "")))
                for i in data.get(key, [])
            ]
            for key in STAGES
        }
        return cls(str(data.get("title", "")), **stages)


def _or_unset(value: str, needed: bool) -> str:
    if not is_blank(value):
        return value
    return "（未設定）" if needed else ""
