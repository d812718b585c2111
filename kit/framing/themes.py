"""Group-work themes with a short guided start: example goal, datasets to open, a first question.

>>> guide = theme_guide("防災")
>>> guide.datasets[0]
'evacuation_spaces'
>>> THEMES
('子育て', '防災', '高齢者', '公共施設', '健康')
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kit.errors import InputError
from kit.framing.means import normalise

if TYPE_CHECKING:
    import ipywidgets


@dataclass(frozen=True)
class ThemeGuide:
    """A guided start for one theme; shows itself as Markdown in a notebook."""

    theme: str
    goal_example: str
    problem_example: str
    datasets: tuple[str, ...]
    first_question: str
    causes_to_consider: tuple[str, ...]
    chart_idea: str

    def to_markdown(self) -> str:
        """The guide as Markdown.

        >>> theme_guide("健康").to_markdown().splitlines()[0]
        '### テーマ「健康」の始め方'
        """
        from kit.framing.plan import dataset_title

        data = "\n".join(f"- `{name}`: {dataset_title(name)}" for name in self.datasets)
        causes = "\n".join(f"- {c}" for c in self.causes_to_consider)
        return (
            f"### テーマ「{self.theme}」の始め方\n\n"
            f"**目標の例**: {self.goal_example}\n\n"
            f"**問題の例**: {self.problem_example}\n\n"
            f'**最初に開くデータ**（`kit.load("名前")` で読み込めます）\n\n{data}\n\n'
            f"**最初の問い**: {self.first_question}\n\n"
            f"**ロジックツリーで考えたい原因の例**\n\n{causes}\n\n"
            f"**図のアイデア**: {self.chart_idea}\n"
        )

    def to_html(self) -> str:
        """The same content as simple HTML (for the interactive chooser).

        >>> "<h3>" in theme_guide("子育て").to_html()
        True
        """
        e = html.escape
        items = "".join(f"<li><code>{e(d)}</code></li>" for d in self.datasets)
        causes = "".join(f"<li>{e(c)}</li>" for c in self.causes_to_consider)
        return (
            f"<h3>テーマ「{e(self.theme)}」の始め方</h3>"
            f"<p><b>目標の例</b>: {e(self.goal_example)}</p>"
            f"<p><b>問題の例</b>: {e(self.problem_example)}</p>"
            f"<p><b>最初に開くデータ</b></p><ul>{items}</ul>"
            f"<p><b>最初の問い</b>: {e(self.first_question)}</p>"
            f"<p><b>ロジックツリーで考えたい原因の例</b></p><ul>{causes}</ul>"
            f"<p><b>図のアイデア</b>: {e(self.chart_idea)}</p>"
        )

    def _repr_markdown_(self) -> str:
        return self.to_markdown()


_GUIDES = (
    ThemeGuide(
        "子育て",
        "希望するすべての子どもが、住んでいる地区の近くで保育所に入れる",
        "待機児童数が、目標の 0 人より ○ 人多い（○年4月1日現在）",
        ("nursery_waiting", "population", "preschools", "vital_statistics"),
        "待機児童はどの地区で、いつから増えたか。その地区で 0〜4歳の子どもはどう変わったか。",
        ("0〜4歳の子どもが増えている", "保育所の定員が足りない", "保育所が遠く、通いにくい"),
        "地区別の塗り分け地図（待機児童の割合）に保育所を点で重ねる",
    ),
    ThemeGuide(
        "防災",
        "洪水のときに、浸水するおそれのある地区の住民全員が安全な場所へ避難できる",
        "浸水想定区域に住む ○ 人に対して、洪水のときに使える避難場所の収容人数は ○ 人分",
        ("evacuation_spaces", "flood_zone", "population", "towns"),
        "浸水想定区域に住む人は何人か。その人たちが使える避難場所の収容人数は足りているか。",
        (
            "避難場所が浸水想定区域の中にある",
            "避難場所まで遠い",
            "高齢者が多く、避難に時間がかかる",
        ),
        "町丁目別の地図に浸水想定区域と避難場所（洪水に対応しているか）を重ねる",
    ),
    ThemeGuide(
        "高齢者",
        "高齢になっても、住み慣れた地区で元気に暮らし続けられる",
        "○○地区では、要介護認定を受けている人の割合が市全体より ○ ポイント高い",
        ("population", "care_certification", "gathering_places", "towns"),
        "高齢化率が高いのはどの地区か。その地区に通いの場はいくつあるか。",
        (
            "出かける場所（通いの場）が近くにない",
            "ひとり暮らしの高齢者が増えている",
            "移動の手段が少ない",
        ),
        "地区別の高齢化率の塗り分け地図（0〜25％ / 25〜50％ …）に通いの場を点で重ねる",
    ),
    ThemeGuide(
        "公共施設",
        "市民がよく使う施設を、将来も無理のない費用で維持できる",
        "建築から 40 年を超える施設が ○ か所あり、その維持管理費は年 ○ 千円",
        ("public_facilities", "population"),
        "利用者 1 人あたりの維持管理費が高いのはどの施設か。それはいつ建てられたか。",
        ("建物が古く、使いにくい", "周りの人口が減っている", "同じ種類の施設が近くにある"),
        "施設ごとの 1 人あたり費用の棒グラフ（建築年で色分け）",
    ),
    ThemeGuide(
        "健康",
        "市民が自分の健康状態を知り、生活習慣病を早く見つけられる",
        "特定健診の受診率が ○％で、国の目標（60％）より ○ ポイント低い",
        ("health_checkups", "population", "survey"),
        "特定健診の受診率は、地区・性別・年代でどう違うか。いちばん低いのはどのグループか。",
        ("働く世代は平日に受診する時間がない", "健診の会場が遠い", "受診の必要性が伝わっていない"),
        "年代別・性別の受診率の棒グラフ（国の目標 60％ に線を引く）",
    ),
)
_BY_THEME = {g.theme: g for g in _GUIDES}
THEMES = tuple(_BY_THEME)


def theme_guide(theme: str) -> ThemeGuide:
    """The guided start for one of :data:`THEMES` (a close spelling such as 「子育て支援」 works).

    >>> theme_guide("子育て支援").theme
    '子育て'
    """
    key = normalise(str(theme))
    if key in _BY_THEME:
        return _BY_THEME[key]
    close = [t for t in THEMES if key and (t in key or key in t)]
    if len(close) == 1:
        return _BY_THEME[close[0]]
    raise InputError(
        f"テーマ「{theme}」の手引きはありません（用意しているテーマ: {'、'.join(THEMES)}）。",
        action='THEME = "子育て" のように、上のどれかを選んでください。',
    )


def theme_chooser(initial: str = THEMES[0]) -> ipywidgets.VBox:
    """A dropdown of the themes that shows the chosen theme's guide below it.

    Widgets do not show in every viewer (static HTML, grading); the notebook prints the guide
    for ``THEME`` next to it, so nothing depends on the widget.

    >>> box = theme_chooser("健康")
    >>> box.children[0].value, "健康" in box.children[1].value
    ('健康', True)
    """
    import ipywidgets as widgets

    dropdown = widgets.Dropdown(
        options=list(THEMES), value=theme_guide(initial).theme, description="テーマ"
    )
    panel = widgets.HTML(value=theme_guide(dropdown.value).to_html())

    def show(change: dict) -> None:
        panel.value = theme_guide(change["new"]).to_html()

    dropdown.observe(show, names="value")
    return widgets.VBox([dropdown, panel])
