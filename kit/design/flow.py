"""Business flows (業務フロー) as swimlanes: who does what, in which order.

A :class:`ServiceFlow` has lanes (the actors: 住民, 担当課, 情報政策課, システム …) and steps,
each in one lane at a position in time. Draw the current flow (現状) and the flow you want
(あるべき姿) side by side with :func:`kit.design.draw_flows`.

>>> as_is = ServiceFlow("現状", lanes=["住民", "担当課"])
>>> as_is.add("住民", "制度を知る").add("住民", "窓口で申請する").add("担当課", "審査する")
ServiceFlow('現状', 3 手順)
>>> as_is.count("住民")
2
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kit.design._text import is_blank, markdown_table
from kit.errors import InputError

DEFAULT_LANES = ("住民", "担当課", "情報政策課", "システム")


@dataclass
class FlowStep:
    """One step of a flow: the lane (actor), what happens, its order, and an optional pain point.

    >>> FlowStep("住民", "窓口で申請する", 2, issue="平日に来庁が必要").is_issue
    True
    """

    lane: str
    text: str
    order: int
    issue: str = ""

    @property
    def is_issue(self) -> bool:
        """True when the step carries a pain point (課題)."""
        return not is_blank(self.issue)


@dataclass
class ServiceFlow:
    """A business flow: lanes (actors, top to bottom) and steps (left to right by ``order``).

    >>> flow = ServiceFlow("あるべき姿", lanes=["住民", "システム"])
    >>> flow.add("システム", "対象者を抽出する").add("住民", "通知を受け取る").steps[1].order
    2
    """

    title: str = ""
    lanes: list[str] = field(default_factory=lambda: list(DEFAULT_LANES))
    steps: list[FlowStep] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Own copies: adding a step must never change a list the caller passed in.
        self.lanes = [str(lane).strip() for lane in self.lanes]
        self.steps = list(self.steps)

    def __repr__(self) -> str:
        return f"ServiceFlow({self.title!r}, {len(self.steps)} 手順)"

    def add(self, lane: str, text: str, order: int | None = None, issue: str = "") -> ServiceFlow:
        """Add a step (after the last one unless ``order`` is given); returns the flow itself.

        An unknown lane is added at the bottom.

        >>> ServiceFlow("例", lanes=["住民"]).add("窓口", "受け付ける").lanes
        ['住民', '窓口']
        """
        if is_blank(lane) or is_blank(text):
            raise InputError(
                "手順には、レーン（誰が）と内容（何をするか）の両方を書いてください。",
                action='例: flow.add("住民", "窓口で申請する")',
            )
        if order is None:
            order = max((s.order for s in self.steps), default=0) + 1
        if not isinstance(order, int) or isinstance(order, bool) or order < 1:
            raise InputError(f"順番 order={order!r} は 1 以上の整数で指定してください。")
        lane = str(lane).strip()
        if lane not in self.lanes:
            self.lanes.append(lane)
        self.steps.append(FlowStep(lane, str(text).strip(), order, str(issue or "").strip()))
        return self

    def ordered(self) -> list[FlowStep]:
        """Steps sorted by order, then by lane from top to bottom.

        >>> [s.text for s in ServiceFlow(lanes=["A", "B"]).add("B", "2", 2).add("A", "1", 1).ordered()]
        ['1', '2']
        """
        rank = {lane: i for i, lane in enumerate(self.lanes)}
        return sorted(self.steps, key=lambda s: (s.order, rank.get(s.lane, len(rank))))

    def count(self, lane: str) -> int:
        """How many steps one lane (actor) does, e.g. the resident's burden.

        >>> ServiceFlow(lanes=["住民"]).count("住民")
        0
        """
        return sum(1 for s in self.steps if s.lane == lane)

    def issues(self) -> list[FlowStep]:
        """Steps that carry a pain point (課題), in order."""
        return [s for s in self.ordered() if s.is_issue]

    def validate(self) -> list[str]:
        """Japanese findings about the flow (an empty list when nothing looks wrong).

        >>> ServiceFlow("例", lanes=["住民"]).validate()
        ['手順がありません。flow.add("レーン", "内容") で手順を加えてください。']
        """
        found = []
        if not self.steps:
            return ['手順がありません。flow.add("レーン", "内容") で手順を加えてください。']
        for step in self.steps:
            if step.lane not in self.lanes:
                found.append(
                    f"手順「{step.text}」のレーン「{step.lane}」がレーンの一覧にありません。"
                )
        texts = [s.text for s in self.steps]
        for text in sorted({t for t in texts if texts.count(t) > 1}):
            found.append(f"同じ手順「{text}」が 2 回以上あります。")
        used = {s.lane for s in self.steps}
        for lane in self.lanes:
            if lane not in used:
                found.append(f"レーン「{lane}」には手順がありません（不要なら消してください）。")
        return found

    def to_frame(self) -> Any:
        """The steps as a table: 順番, レーン, 手順, 課題.

        >>> ServiceFlow(lanes=["住民"]).add("住民", "申請する").to_frame().columns.tolist()
        ['順番', 'レーン', '手順', '課題']
        """
        import pandas as pd

        rows = [[s.order, s.lane, s.text, s.issue] for s in self.ordered()]
        return pd.DataFrame(rows, columns=["順番", "レーン", "手順", "課題"])

    def to_markdown(self) -> str:
        """The flow as a Markdown section with a table of its steps.

        >>> ServiceFlow("現状", lanes=["住民"]).add("住民", "申請する").to_markdown().splitlines()[0]
        '### 業務フロー：現状'
        """
        rows = [[s.order, s.lane, s.text, s.issue] for s in self.ordered()]
        title = f"### 業務フロー：{self.title}" if self.title else "### 業務フロー"
        return f"{title}\n\n{markdown_table(['順番', 'レーン', '手順', '課題'], rows)}"

    def draw(self, ax: Any = None) -> Any:
        """Draw the flow as a swimlane figure; returns the matplotlib Axes.

        >>> ServiceFlow("例", lanes=["住民"]).add("住民", "申請する").draw().get_title(loc="left")
        '例'
        """
        from kit.design.flow_draw import draw_flow

        return draw_flow(self, ax=ax)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON (answers files and saved artefacts).

        >>> ServiceFlow("例", lanes=["住民"]).to_dict()["lanes"]
        ['住民']
        """
        return {
            "title": self.title,
            "lanes": list(self.lanes),
            "steps": [
                {"lane": s.lane, "text": s.text, "order": s.order, "issue": s.issue}
                for s in self.steps
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ServiceFlow:
        """Inverse of :meth:`to_dict`.

        >>> flow = ServiceFlow("例", lanes=["住民"]).add("住民", "申請する")
        >>> ServiceFlow.from_dict(flow.to_dict()) == flow
        True
        """
        if not isinstance(data, dict):
            raise InputError("業務フローのデータが辞書（dict）ではありません。")
        steps = [
            FlowStep(str(s["lane"]), str(s["text"]), int(s["order"]), str(s.get("issue", "")))
            for s in data.get("steps", [])
        ]
        return cls(str(data.get("title", "")), [str(x) for x in data.get("lanes", [])], steps)
