"""Hypotheses and analysis-plan cards (仮説 / 使うデータ / 分析手法, plus the chart and its legend).

A hypothesis is a cause from the logic tree written so that data can support or reject it.
An analysis-plan card says how: which data, which method, which chart, and the chart's legend
classes decided in advance (e.g. 0〜25％ / 25〜50％ / 50〜75％ / 75〜100％).

>>> h = Hypothesis("0〜4歳の子どもが増えた地区ほど、待機児童が増えているのではないか",
...                cause="0〜4歳の子どもが増えている")
>>> card = AnalysisPlanCard(h, data=["population", "nursery_waiting"],
...     method="地区ごとに 0〜4歳人口の増減と待機児童数の増減を並べて比べる",
...     chart="地区別の塗り分け地図（0〜4歳人口の増減率）",
...     legend_classes=["−10％未満", "−10〜0％", "0〜10％", "10％以上"])
>>> card.validate()
[]
>>> card.hypothesis == h.text
True
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any

from kit.errors import InputError
from kit.framing.means import is_means_phrase, normalise

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from kit.framing.tree import LogicTree

MAX_LEGEND_CLASSES = 7


@dataclass
class Hypothesis:
    """A hypothesis (仮説) and the logic-tree cause it comes from (``cause``, optional).

    >>> Hypothesis("保育所から遠い地区ほど申込みが少ないのではないか").validate()
    []
    """

    text: str
    cause: str = ""

    def validate(self, tree: LogicTree | None = None) -> list[str]:
        """Japanese notes: empty text, a means instead of a testable statement, a cause not in ``tree``.

        >>> Hypothesis("保育所を増やす").validate()[0]
        '仮説「保育所を増やす」は、やること（手段）のように見えます。...'
        """
        found = []
        if not normalise(self.text):
            found.append("仮説の文が空です。データで確かめられる文を書いてください。")
        elif is_means_phrase(self.text.removesuffix("のではないか").removesuffix("ではないか")):
            found.append(
                f"仮説「{self.text}」は、やること（手段）のように見えます。"
                "「〜だから〜になっているのではないか」のように、原因についての見立てを書きましょう。"
            )
        if (
            tree is not None
            and self.cause
            and normalise(self.cause) not in {normalise(t) for t in tree.texts()}
        ):
            found.append(
                f"原因「{self.cause}」がロジックツリーにありません。ツリーの文と合わせてください。"
            )
        return found

    def to_markdown(self) -> str:
        """One list item (with its cause in brackets).

        >>> Hypothesis("A ではないか", cause="A").to_markdown()
        '- A ではないか（ツリーの原因: A）'
        """
        suffix = f"（ツリーの原因: {self.cause}）" if self.cause else ""
        return f"- {_one_line(self.text)}{suffix}"

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def to_dict(self) -> dict[str, Any]:
        """Plain data (for saving and for the answers file)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Hypothesis:
        """Inverse of :meth:`to_dict`."""
        return cls(**_known(cls, data, "仮説"))


@dataclass
class AnalysisPlanCard:
    """How one hypothesis will be checked: data, method, chart and its legend classes.

    ``data`` lists dataset names from ``kit.datasets()`` (or data still to be collected, in
    words); ``legend_classes`` are the chart's classes in order, decided before the analysis.
    ``hypothesis`` may be given as a :class:`Hypothesis`; its text is kept.
    """

    hypothesis: str
    data: list[str]
    method: str
    chart: str
    legend_classes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if isinstance(self.hypothesis, Hypothesis):
            self.hypothesis = self.hypothesis.text
        if isinstance(self.data, str):
            self.data = [self.data]
        self.data = list(self.data)
        if isinstance(self.legend_classes, str):
            self.legend_classes = [self.legend_classes]
        self.legend_classes = list(self.legend_classes)

    def validate(self) -> list[str]:
        """Japanese notes on what is missing or unclear; an empty list when the card is complete.

        >>> AnalysisPlanCard("仮説", ["population"], "比べる", "棒グラフ", ["多い"]).validate()
        ['凡例の区分が 1 つしかありません。2 つ以上に分けてください（例: 0〜25％、25〜50％…）。']
        """
        found = []
        for name, label in (
            ("hypothesis", "仮説"),
            ("method", "分析手法"),
            ("chart", "図のイメージ"),
        ):
            if not normalise(str(getattr(self, name))):
                found.append(f"「{label}」が空です。")
        data = [str(d) for d in self.data if normalise(str(d))]
        if not data:
            found.append(
                "「使うデータ」が空です。kit.datasets() の name か、集めるデータの名前を書いてください。"
            )
        if len({normalise(d) for d in data}) < len(data):
            found.append("「使うデータ」に同じデータが 2 回あります。")
        classes = [str(c) for c in self.legend_classes]
        if len(classes) < 2:
            found.append(
                "凡例の区分が 1 つしかありません。2 つ以上に分けてください（例: 0〜25％、25〜50％…）。"
                if classes
                else "凡例の区分がありません。図の色分けの区切りを先に決めておきましょう。"
            )
        if any(not normalise(c) for c in classes):
            found.append("凡例の区分に空のものがあります。")
        if len({normalise(c) for c in classes}) < len(classes):
            found.append("凡例に同じ区分が 2 回あります。")
        if len(classes) > MAX_LEGEND_CLASSES:
            found.append(
                f"凡例の区分が {len(classes)} 個あります。{MAX_LEGEND_CLASSES} 個を超えると色の見分けがつきにくくなります。"
            )
        return found

    def to_markdown(self) -> str:
        """The card as a small Markdown table; dataset names get their Japanese titles.

        >>> print(AnalysisPlanCard("仮説", ["集める: 保育士の求人数"], "比べる", "棒グラフ", ["A", "B"]).to_markdown().splitlines()[0])
        #### 分析計画カード
        """
        rows = [
            ("仮説", self.hypothesis),
            ("使うデータ", "、".join(describe_data(d) for d in self.data)),
            ("分析手法", self.method),
            ("図のイメージ", self.chart),
            ("凡例の区分", " / ".join(self.legend_classes)),
        ]
        body = "\n".join(f"| {k} | {_one_line(v).replace('|', '｜')} |" for k, v in rows)
        return f"#### 分析計画カード\n\n| 項目 | 内容 |\n|---|---|\n{body}\n"

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def draw(self, ax: Axes | None = None, *, title: str = "分析計画カード") -> Axes:
        """The card as a figure, with a colour swatch for each legend class.

        >>> ax = AnalysisPlanCard("仮説", ["population"], "比べる", "地図", ["少", "多"]).draw()
        >>> ax.get_title()
        '分析計画カード'
        """
        from kit.framing.card_figure import draw_card

        return draw_card(self, ax=ax, title=title)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (for saving and for the answers file)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnalysisPlanCard:
        """Inverse of :meth:`to_dict`.

        >>> c = AnalysisPlanCard("仮説", ["population"], "比べる", "地図", ["少", "多"])
        >>> AnalysisPlanCard.from_dict(c.to_dict()) == c
        True
        """
        return cls(**_known(cls, data, "分析計画カード"))


def describe_data(name: str) -> str:
    """A dataset name with its Japanese title when it is one of ``kit.datasets()``.

    >>> describe_data("集める: 保育士の求人数")
    '集める: 保育士の求人数'
    """
    title = dataset_title(name)
    return f"{name}（{title}）" if title else str(name)


def dataset_title(name: str) -> str:
    """The Japanese title of a bundled dataset; empty for anything else.

    >>> dataset_title("集める: 保育士の求人数")
    ''
    """
    from kit.errors import DatasetError

    try:
        from kit.data import resource

        return str(resource(str(name)).get("title", ""))
    except DatasetError:
        return ""


def _known(cls: type, data: Any, what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise InputError(f"{what}は辞書（dict）から作ってください。")
    known = {f.name for f in fields(cls)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise InputError(f"{what}に知らない項目「{unknown[0]}」があります。")
    return data


def _one_line(text: Any) -> str:
    return " ".join(str(text).split())
