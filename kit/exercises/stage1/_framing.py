"""Stage-1 checkers on framing: goal or means, the logic tree, data for a hypothesis, a plan card.

>>> from kit.exercises.stage1 import _framing
>>> sorted(_framing.STATEMENTS)[:2]
['A', 'B']
"""

from __future__ import annotations

from typing import Any

from kit.exercises import _checks as c
from kit.exercises._engine import Incorrect, Question
from kit.exercises.stage1._common import choices

# 問1 — goals and means ------------------------------------------------------------------------

STATEMENTS = {
    "A": "希望するすべての子どもが、保育所に入れる",
    "B": "保育所の入所申込みを電子申請にする",
    "C": "子育て世帯が、安心して市に住み続けられる",
    "D": "保育士を確保するための補助金を増やす",
    "E": "子育て応援アプリを導入する",
    "F": "待機児童をゼロにする",
}
_GOALS = frozenset({"A", "C", "F"})
_WHY_MEANS = {
    "B": "B は「電子申請」という手続きの方法（手段）です。電子申請にすると、誰にとって何が良くなるのでしょうか。",
    "D": "D は補助金という手段です。補助金で保育士が増えた結果、どうなってほしいのかが目標です。",
    "E": "E はアプリという道具（手段）です。アプリを入れること自体は、住民にとっての目標ではありません。",
}


def _check_q1(goals: Any) -> None:
    chosen = {item.upper() for item in choices(goals, "goals", '["A", "B"]')}
    unknown = sorted(chosen - set(STATEMENTS))
    if unknown:
        raise Incorrect(f"「{unknown[0]}」という選択肢はありません。A〜F の記号で答えてください。")
    means = sorted(chosen - _GOALS)
    if means:
        raise Incorrect(_WHY_MEANS[means[0]])
    if chosen != _GOALS:
        raise Incorrect("選んだものはすべて目標ですが、選んでいない文の中にも目標があります。")


q1 = Question(
    "問1",
    ["goals"],
    _check_q1,
    hints=[
        "目標は「住民にとって、どういう状態になっていたいか」です。手段は「そのために何をするか」です。",
        "文の中に「電子申請」「アプリ」「導入」「補助金」のような、やることや道具が出てくるものは手段です。",
        "kit.framing.means_words(文) を使うと、手段を表す言葉を探せます（ただし目安です。最後は自分で考えましょう）。",
    ],
    praise="目標と手段を見分けられました。目標が手段になっていると、よい仮説が立てられません。",
)


# 問6 — a sound logic tree ----------------------------------------------------------------------


def _check_q6(tree: Any) -> None:
    from kit.framing import LogicTree

    if not isinstance(tree, LogicTree):
        raise Incorrect(
            f"`tree` は kit.framing.LogicTree で作ってください（いまは{c.kind_name(tree)}です）。"
        )
    if "待機児童" not in tree.root.text:
        raise Incorrect(
            "根（いちばん左）には、この演習の問題である待機児童についての文を書いてください。"
        )
    notes = tree.validate()
    if notes:
        extra = f"（ほかに {len(notes) - 1} 件）" if len(notes) > 1 else ""
        raise Incorrect(f"ツリーに直したいところがあります{extra}: {notes[0]}")


q6 = Question(
    "問6",
    ["tree"],
    _check_q6,
    hints=[
        "根（1 行目）に問題を書き、その下に字下げして「なぜ？」の答え（原因）を 2 つ以上書きます。原因の下にも、もう 1 段の原因を書きます。",
        "tree.validate() を実行すると、直したいところが表示されます。tree.draw() で図にすると、点線の枠がついた項目が見つかります。",
        '例のアウトラインをまねて、LogicTree.from_outline("""…""") の中の文を自分の考えに書きかえてみましょう。',
    ],
    praise="原因を「なぜ？」で分けたロジックツリーができました。いちばん右の原因が、仮説の候補です。",
)


# 問7 / 問8 — which data bear on a hypothesis ------------------------------------------------------

# Data about children and nurseries: any of these may help with the childcare hypotheses.
CHILDCARE = frozenset(
    {
        "population",
        "nursery_waiting",
        "preschools",
        "vital_statistics",
        "residents",
        "districts",
        "towns",
        "town_changes",
    }
)
H1 = "0〜4歳の子どもが増えた地区ほど、待機児童が増えているのではないか"
H1_REQUIRED = frozenset({"population", "nursery_waiting"})
H2_REQUIRED = frozenset({"nursery_waiting"})
_WHY_NOT = {
    "preschools": "「preschools」は保育所の一覧と定員（受け皿の側）のデータです。この仮説は子どもの数（申込みの側）についての仮説なので、別の仮説で使いましょう。",
    "public_facilities": "「public_facilities」は公民館や図書館などの公共施設台帳で、子どもの数も待機児童の数も分かりません。",
    "evacuation_spaces": "「evacuation_spaces」は避難場所のデータで、子育てとは関係がありません。",
    "flood_zone": "「flood_zone」は浸水想定区域のデータで、子育てとは関係がありません。",
    "care_certification": "「care_certification」は高齢者の要介護認定のデータです。",
    "gathering_places": "「gathering_places」は高齢者の通いの場のデータです。",
    "health_checkups": "「health_checkups」は特定健診（40〜74歳）のデータです。",
    "facility_usage": "「facility_usage」は公共施設の利用者数と維持管理費のデータで、保育所の申込みや待機児童は載っていません。",
    "river": "「river」は川の位置のデータで、地図の目印に使うものです。",
    "survey": "「survey」は市民意識調査（意見や満足度）で、子どもの人数や待機児童の数は分かりません。",
}


def _dataset_roles() -> dict[str, dict[str, Any]]:
    import kit.data

    return {r["name"]: r for r in kit.data.package()["resources"]}


def check_data_choice(
    names: list[str], name: str, required: frozenset[str], allowed: frozenset[str]
) -> None:
    """Raise Incorrect unless ``names`` holds every required dataset and only related ones."""
    roles = _dataset_roles()
    titles = {r.get("title", ""): n for n, r in roles.items()}
    for item in names:
        if item in titles:
            raise Incorrect(
                f"「{item}」はデータのタイトルです。kit.datasets() の name 列の英字の名前で書いてください。"
            )
        if item not in roles:
            raise Incorrect(
                f"「{item}」というデータはありません。kit.datasets() の name 列の名前で書いてください。"
            )
        tidy = roles[item].get("kit", {}).get("tidy")
        if tidy:
            raise Incorrect(
                f"「{item}」は整える前のファイルです。同じ内容の整ったデータ「{tidy}」を使いましょう。"
            )
    unrelated = [n for n in names if n not in allowed]
    if unrelated:
        first = unrelated[0]
        title = roles[first].get("title", first)
        raise Incorrect(
            _WHY_NOT.get(
                first, f"「{first}」（{title}）は、この仮説を確かめるのには関係がありません。"
            )
        )
    if not required <= set(names):
        raise Incorrect(
            f"`{name}` には、この仮説に欠かせないデータがまだ足りません。仮説の文の中の、数えたいもの一つ一つについて、どのデータに載っているかを考えましょう。"
        )


def _check_q7(data_h1: Any) -> None:
    names = choices(data_h1, "data_h1", '["population"]')
    check_data_choice(names, "data_h1", H1_REQUIRED, CHILDCARE - {"preschools"})


q7 = Question(
    "問7",
    ["data_h1"],
    _check_q7,
    hints=[
        "仮説の文には、数えたいものが 2 つ出てきます。「0〜4歳の子どもの数」と「待機児童の数」です。",
        "kit.datasets() の description（説明）の列を読んで、それぞれがどのデータに載っているかを探しましょう。",
        "このノートブックの前半で、0〜4歳の人数と待機児童の数をどのデータから計算したかを思い出しましょう。",
    ],
    praise="仮説に必要なデータを選べました。関係のないデータまで集めないことも大切です。",
)


# 問8 — an analysis-plan card for hypothesis 2 ------------------------------------------------------

H2 = "申込みが利用定員を大きく上回る地区ほど、待機児童の割合が高いのではないか"


def _check_q8(card: Any) -> None:
    from kit.framing import AnalysisPlanCard
    from kit.framing.means import normalise

    if not isinstance(card, AnalysisPlanCard):
        raise Incorrect(
            f"`card` は kit.framing.AnalysisPlanCard(...) で作ってください（いまは{c.kind_name(card)}です）。"
        )
    if normalise(card.hypothesis) != normalise(H2):
        raise Incorrect(
            "カードの仮説が、問題文の仮説 2 と違います。hypothesis には H2 をそのまま入れてください。"
        )
    notes = card.validate()
    if notes:
        raise Incorrect(f"カードに直したいところがあります: {notes[0]}")
    names = choices(card.data, "card.data", '["nursery_waiting"]')
    check_data_choice(names, "card.data", H2_REQUIRED, CHILDCARE)
    if not 3 <= len(card.legend_classes) <= 6:
        raise Incorrect(
            f"凡例の区分が {len(card.legend_classes)} 個です。地図で見分けやすいように、3〜6 個に分けてください。"
        )


q8 = Question(
    "問8",
    ["card"],
    _check_q8,
    hints=[
        "カードには 仮説（H2）・使うデータ・分析手法・図のイメージ・凡例の区分 の 5 つを書きます。",
        "仮説 2 に出てくる「申込み」「利用定員」「待機児童」は、どれも同じ 1 つのデータに入っています。",
        "凡例の区分は kit.geo.class_labels([0, 0.05, 0.1, 0.2, 1]) のように区切りから作れます（3〜6 個）。card.validate() で形を確かめましょう。",
    ],
    praise="分析計画カードができました。ステージ3で、このカードのとおりに図を作ります。",
)
