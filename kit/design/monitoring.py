"""Monitoring plans: which indicator, from which data, how often, who looks, and when to act.

Teams often stop at the cost-effectiveness; a plan makes sure someone keeps looking after
the measure starts. :meth:`MonitoringPlan.from_logic_model` starts one from a logic model's
indicators.

>>> plan = MonitoringPlan().add("新規受給世帯数", "児童扶養手当システム", "毎月", "こども家庭課",
...                             "前年同月を下回ったら案内文を見直す")
>>> plan.to_frame().columns.tolist()
['指標', 'データ', '頻度', '担当', '目安', '対応']
>>> plan.validate()
[]
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from kit.design._text import is_blank, markdown_table
from kit.errors import InputError

FREQUENCIES = ("毎日", "毎週", "毎月", "四半期ごと", "半年ごと", "毎年")
COLUMNS = {
    "indicator": "指標",
    "data": "データ",
    "frequency": "頻度",
    "owner": "担当",
    "threshold": "目安",
    "action": "対応",
}
REQUIRED = ("indicator", "data", "frequency", "owner", "threshold")


@dataclass
class MonitoringItem:
    """One row of the plan: the indicator and how it is watched.

    >>> MonitoringItem("受給率", "児童扶養手当システム", "毎月", "こども家庭課", "80％を下回ったら").owner
    'こども家庭課'
    """

    indicator: str
    data: str = ""
    frequency: str = ""
    owner: str = ""
    threshold: str = ""
    action: str = ""


@dataclass
class MonitoringPlan:
    """Rows of indicators to watch; edit with :meth:`add`, check with :meth:`validate`.

    >>> MonitoringPlan("例").add("申請件数", "受付記録", "毎月", "担当課", "月 5 件未満").items[0].frequency
    '毎月'
    """

    title: str = "モニタリング計画"
    items: list[MonitoringItem] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"MonitoringPlan({self.title!r}, {len(self.items)} 指標)"

    def add(
        self,
        indicator: str,
        data: str = "",
        frequency: str = "",
        owner: str = "",
        threshold: str = "",
        action: str = "",
    ) -> MonitoringPlan:
        """Add one indicator row; returns the plan itself.

        >>> len(MonitoringPlan().add("受給率").items)
        1
        """
        if is_blank(indicator):
            raise InputError("モニタリングする指標の名前が空です。")
        values = [indicator, data, frequency, owner, threshold, action]
        self.items.append(MonitoringItem(*(str(v or "").strip() for v in values)))
        return self

    def validate(self, model: Any = None) -> list[str]:
        """Japanese findings: empty plan, missing entries, unusual frequency, unwatched outcomes.

        With a :class:`~kit.design.LogicModel`, every outcome and impact indicator must appear.

        >>> MonitoringPlan().add("受給率", "システム", "ときどき", "担当課", "80％").validate()
        ['指標「受給率」の頻度「ときどき」は、毎日・毎週・毎月・四半期ごと・半年ごと・毎年 のどれかで書いてください。']
        """
        if not self.items:
            return ["指標が 1 つもありません。plan.add(...) で指標を加えてください。"]
        found = []
        for item in self.items:
            empty = [COLUMNS[k] for k in REQUIRED if is_blank(getattr(item, k))]
            if empty:
                found.append(f"指標「{item.indicator}」の「{'」「'.join(empty)}」が空です。")
            if not is_blank(item.frequency) and item.frequency not in FREQUENCIES:
                found.append(
                    f"指標「{item.indicator}」の頻度「{item.frequency}」は、"
                    f"{'・'.join(FREQUENCIES)} のどれかで書いてください。"
                )
        names = [i.indicator for i in self.items]
        for name in sorted({n for n in names if names.count(n) > 1}):
            found.append(f"指標「{name}」が 2 回以上あります。")
        if model is not None:
            from kit.design.logic_model import OUTCOME_STAGES

            for label, indicator, _ in model.indicators(OUTCOME_STAGES):
                if indicator not in names:
                    found.append(f"{label}の指標「{indicator}」がモニタリング計画にありません。")
        return found

    @classmethod
    def from_logic_model(cls, model: Any, title: str = "モニタリング計画") -> MonitoringPlan:
        """A plan pre-filled with the indicators and data of a logic model (outputs onwards).

        Frequency, owner and threshold are left for the team to decide.

        >>> from kit.design.logic_model import LogicModel
        >>> m = LogicModel().add("短期アウトカム", "申請が増える", "申請件数", "受付記録")
        >>> MonitoringPlan.from_logic_model(m).items[0].data
        '受付記録'
        """
        plan = cls(title)
        for _, indicator, source in model.indicators():
            if indicator not in [i.indicator for i in plan.items]:
                plan.add(indicator, source)
        return plan

    def to_frame(self) -> Any:
        """The plan as a table with Japanese column names (指標, データ, 頻度, 担当, 目安, 対応).

        >>> MonitoringPlan().to_frame().shape
        (0, 6)
        """
        import pandas as pd

        rows = [[getattr(i, k) for k in COLUMNS] for i in self.items]
        return pd.DataFrame(rows, columns=list(COLUMNS.values()))

    @classmethod
    def from_frame(cls, frame: Any, title: str = "モニタリング計画") -> MonitoringPlan:
        """A plan from a table with the Japanese column names (対応 may be left out).

        >>> MonitoringPlan.from_frame(MonitoringPlan().add("受給率").to_frame()).items[0].indicator
        '受給率'
        """
        missing = [c for k, c in COLUMNS.items() if k in REQUIRED and c not in frame.columns]
        if missing:
            raise InputError(f"表に列「{'」「'.join(missing)}」がありません。")
        plan = cls(title)
        for _, row in frame.iterrows():
            plan.add(
                *(row.get(c, "") if not _missing(row.get(c, "")) else "" for c in COLUMNS.values())
            )
        return plan

    def to_markdown(self) -> str:
        """The plan as a Markdown section with one table.

        >>> MonitoringPlan().to_markdown().splitlines()[0]
        '### モニタリング計画'
        """
        rows = [[getattr(i, k) for k in COLUMNS] for i in self.items]
        return f"### {self.title}\n\n{markdown_table(list(COLUMNS.values()), rows)}"

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON (answers files and saved artefacts)."""
        return {"title": self.title, "items": [asdict(i) for i in self.items]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MonitoringPlan:
        """Inverse of :meth:`to_dict`.

        >>> p = MonitoringPlan().add("受給率", "システム", "毎月", "担当課", "80％")
        >>> MonitoringPlan.from_dict(p.to_dict()) == p
        True
        """
        if not isinstance(data, dict):
            raise InputError("モニタリング計画のデータが辞書（dict）ではありません。")
        items = [
            MonitoringItem(**{k: str(i.get(k, "")) for k in COLUMNS}) for i in data.get("items", [])
        ]
        return cls(str(data.get("title", "モニタリング計画")), items)


def _missing(value: Any) -> bool:
    try:
        return value is None or value != value  # NaN is the only value unequal to itself
    except (TypeError, ValueError):
        return False
