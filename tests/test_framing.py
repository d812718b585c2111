"""kit.framing: problem sheet, logic tree, hypotheses and plan cards, themes, saved artefacts."""

from __future__ import annotations

import doctest
import importlib
import json
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit.errors import InputError
from kit.exercises.answers import dumps, loads
from kit.framing import (
    ARTIFACTS,
    THEMES,
    AnalysisPlanCard,
    Hypothesis,
    LogicTree,
    Node,
    ProblemStatement,
    is_means_phrase,
    load_framing,
    means_words,
    save_framing,
    theme_chooser,
    theme_guide,
)
from kit.framing._wrap import text_width, wrap
from kit.framing.tree_figure import BOX_WIDTH, WARNING_EDGE, _layout

MODULES = [
    "kit.framing",
    "kit.framing.means",
    "kit.framing._wrap",
    "kit.framing.problem",
    "kit.framing.tree",
    "kit.framing.tree_checks",
    "kit.framing.tree_figure",
    "kit.framing.plan",
    "kit.framing.card_figure",
    "kit.framing.themes",
    "kit.framing.store",
]

OUTLINE = """
待機児童が減らない
  申込みが増えている
    0〜4歳の子どもが増えている
    共働きの世帯が増えている
  受け入れ枠が足りない
    保育士が集まらない
"""


@pytest.fixture(autouse=True)
def _figures():
    kit.setup()
    yield
    plt.close("all")


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_WORKDIR", str(tmp_path / "my_work"))
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    return tmp_path / "my_work"


def _problem(**changes) -> ProblemStatement:
    values = {
        "goal": "希望するすべての子どもが保育所に入れる",
        "reality": "令和8年4月の待機児童は市全体で48人",
        "gap": "目標（0人）より48人多い",
        "issue": "待機児童の多い地区で受け入れ枠が足りない理由を明らかにする",
        "indicator": "待機児童数",
        "value": 48,
        "unit": "人",
        "target": 0,
        "source": "nursery_waiting",
    }
    return ProblemStatement(**{**values, **changes})


def _card(**changes) -> AnalysisPlanCard:
    values = {
        "hypothesis": "0〜4歳の子どもが増えた地区ほど、待機児童が増えているのではないか",
        "data": ["population", "nursery_waiting"],
        "method": "地区ごとに増減を並べて比べる",
        "chart": "地区別の塗り分け地図",
        "legend_classes": ["0％未満", "0〜10％", "10％以上"],
    }
    return AnalysisPlanCard(**{**values, **changes})


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_importing_framing_loads_no_heavy_module():
    code = (
        "import sys, kit.framing; print(','.join(m for m in "
        "('pandas', 'numpy', 'matplotlib', 'ipywidgets') if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == ""


# The means heuristic -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("goal", "words"),
    [
        ("電子申請を進めたい", ["電子申請", "進め"]),
        ("子育てアプリを導入する", ["アプリ", "導入"]),
        ("ＡＩを活用した窓口にしたい", ["AI", "活用"]),
        ("ｌｉｎｅで通知を配布する", ["LINE", "配布"]),
        ("待機児童をゼロにする", []),
        ("誰もが安心して子育てできるまち", []),
        ("メールで問い合わせに答えられる", []),  # "AI" inside a word is not the tool
    ],
)
def test_means_words_in_goals(goal, words):
    assert means_words(goal) == words


@pytest.mark.parametrize(
    ("item", "means"),
    [
        ("保育士が集まらない", False),
        ("0〜4歳の子どもが増えている", False),
        ("保育所の整備が遅れている", False),
        ("保育所の整備が進んでいない地区がある", False),
        ("周知が足りない", False),
        ("システムが古く、手続きに時間がかかる", False),  # a tool word alone is not a means
        ("保育所の整備", True),
        ("保育所を増やす", True),
        ("アプリを導入したい", True),
        ("子育て支援を充実させる", True),
        ("", False),
    ],
)
def test_is_means_phrase_for_tree_items(item, means):
    assert is_means_phrase(item) is means


# ProblemStatement ----------------------------------------------------------------------


def test_a_complete_problem_statement_has_no_notes():
    problem = _problem()
    assert problem.validate() == []
    assert problem.gap_value == 48.0


def test_problem_statement_notes_name_each_gap():
    notes = _problem(goal="電子申請を進めたい", issue=" ", value="48人", target=None).validate()
    assert any("「課題」が空" in n for n in notes)
    assert any("「電子申請」「進め」" in n and "手段" in n for n in notes)
    assert any("「現状の値」には数" in n for n in notes)
    assert len(notes) == 3


def test_problem_statement_asks_for_a_number_and_a_real_gap():
    notes = _problem(reality="待機児童が多い", gap="目標より多い").validate()
    assert notes == [
        "「現状」か「問題」の文に数字が入っていません。データで確かめた数を入れると、問題の大きさが伝わります。"
    ]
    assert any("差（問題）がない" in n for n in _problem(target=48).validate())
    assert _problem(reality="待機児童は４８人", gap="多い").validate() == []  # full-width digits


def test_problem_statement_markdown_and_round_trip():
    problem = _problem(value=1234)
    text = problem.to_markdown()
    assert "| 指標 | 待機児童数: 1,234 人 |" in text
    assert "| 目標の値 | 0 人 |" in text
    assert ProblemStatement.from_dict(problem.to_dict()) == problem
    assert loads(dumps({"p": problem}))["p"] == problem
    with pytest.raises(InputError, match="知らない項目「extra」"):
        ProblemStatement.from_dict({**problem.to_dict(), "extra": 1})


# LogicTree -------------------------------------------------------------------------------


def test_outline_builds_the_tree_with_bullets_and_full_width_indents():
    tree = LogicTree.from_outline(
        "・待機児童が減らない\n　・申込みが増えている\n\t・0〜4歳が増えている\n  - 枠が足りない"
    )
    assert tree.root.text == "待機児童が減らない"
    assert [c.text for c in tree.root.children] == ["申込みが増えている", "枠が足りない"]
    assert tree.root.children[0].children[0].text == "0〜4歳が増えている"
    assert tree.depth == 2
    assert tree.leaves() == ["0〜4歳が増えている", "枠が足りない"]


def test_outline_with_two_roots_or_nothing_is_refused():
    with pytest.raises(InputError, match="根は 1 つだけ") as error:
        LogicTree.from_outline("問題\n  原因\n別の問題")
    assert error.value.row == 3
    with pytest.raises(InputError, match="空"):
        LogicTree.from_outline("\n   \n")


def test_add_is_idempotent_and_finds_parents_by_text_or_path():
    tree = LogicTree.from_outline(OUTLINE)
    tree.add("受け入れ枠が足りない", "保育室が狭い").add("受け入れ枠が足りない", "保育室が狭い")
    assert [c.text for c in tree.find("受け入れ枠が足りない").children] == [
        "保育士が集まらない",
        "保育室が狭い",
    ]
    tree.add(["待機児童が減らない", "申込みが増えている"], Node("転入が多い"))
    assert "転入が多い" in tree.leaves()


def test_find_explains_missing_and_ambiguous_parents():
    tree = LogicTree.from_outline("問題\n  原因A\n    同じ\n  原因B\n    同じ")
    with pytest.raises(InputError, match="2 か所"):
        tree.add("同じ", "子")
    tree.add(["問題", "原因B", "同じ"], "子")
    assert tree.find(["問題", "原因B", "同じ"]).children[0].text == "子"
    with pytest.raises(InputError, match="「原因C」という項目がツリーにありません"):
        tree.add("原因C", "子")
    with pytest.raises(InputError, match="道順の最初は根"):
        tree.find(["原因A"])


def test_a_sound_tree_validates_clean():
    assert LogicTree.from_outline(OUTLINE).validate() == []


@pytest.mark.parametrize(
    ("outline", "fragment"),
    [
        ("問題\n  原因A\n  原因B", "深さが 1 段"),
        ("問題\n  原因A\n    原因A1", "下の原因が 1 つだけ"),
        ("問題\n  原因A\n    原因A1\n  原因A", "「原因A」が 2 回"),
        ("問題\n  原因A\n    原因A\n  原因B", "上の段と同じ"),
        ("問題\n  原因A\n    保育所を増やす\n  原因B", "「保育所を増やす」は原因ではなく"),
        ("電子申請の推進\n  原因A\n    原因A1\n  原因B", "根「電子申請の推進」が"),
        ("問題\n  " + "\n  ".join(f"原因{i}" for i in range(6)) + "\n    原因5a", "6 つの項目"),
    ],
)
def test_validate_names_each_kind_of_problem(outline, fragment):
    notes = LogicTree.from_outline(outline).validate()
    assert any(fragment in n for n in notes), notes


def test_validate_finds_empty_items():
    tree = LogicTree(Node("問題", [Node("原因A", [Node(" ")]), Node("原因B")]))
    assert any("空の項目" in n for n in tree.validate())


def test_validate_limits_are_adjustable():
    tree = LogicTree.from_outline("問題\n  原因A\n  原因B")
    assert tree.validate(min_depth=1) == []
    assert any("目安は 1 つまで" in n for n in tree.validate(max_children=1, min_depth=1))


_texts = st.text(
    alphabet=st.sampled_from(list("待機児童保育所申込みが増えている足りないABC123〜・")),
    min_size=1,
    max_size=12,
).filter(lambda t: t.strip() == t and not t.startswith("・"))


@st.composite
def _trees(draw, depth: int = 3) -> Node:
    text = draw(_texts)
    if depth == 0:
        return Node(text)
    children = draw(st.lists(_trees(depth=depth - 1), max_size=3))
    return Node(text, children)


@settings(max_examples=60, deadline=None)
@given(_trees())
def test_markdown_reads_back_as_the_same_tree(root):
    tree = LogicTree(root)
    assert LogicTree.from_outline(tree.to_markdown()) == tree
    assert LogicTree.from_dict(json.loads(json.dumps(tree.to_dict()))) == tree
    assert loads(dumps({"tree": tree}))["tree"] == tree


@settings(max_examples=40, deadline=None)
@given(_trees())
def test_layout_never_overlaps_boxes_and_keeps_parents_beside_children(root):
    boxes = list(_layout(LogicTree(root)).values())
    for a in boxes:
        for b in boxes:
            if a is not b and a.level == b.level:
                top_a, top_b = a.y + a.height / 2, b.y + b.height / 2
                assert top_a <= b.bottom + 1e-9 or top_b <= a.bottom + 1e-9
        children = [c for c in boxes if c.node in a.node.children and c.level == a.level + 1]
        if children:
            assert min(c.y for c in children) - 1e-9 <= a.y <= max(c.y for c in children) + 1e-9


def test_draw_shows_every_item_and_marks_means():
    tree = LogicTree.from_outline(OUTLINE).add("受け入れ枠が足りない", "保育所を増やす")
    ax = tree.draw()
    assert len(ax.patches) == len(tree.texts())
    texts = [t.get_text().replace("\n", "") for t in ax.texts]
    assert set(texts) == set(tree.texts())
    dashed = [p for p in ax.patches if p.get_linestyle() == "--"]
    assert len(dashed) == 1
    assert matplotlib.colors.to_hex(dashed[0].get_edgecolor()) == WARNING_EDGE.lower()
    x0, x1 = ax.get_xlim()
    assert x0 < -BOX_WIDTH / 2 and x1 > tree.depth * BOX_WIDTH
    assert ax.get_title() == "ロジックツリー"


def test_draw_on_given_axes():
    fig, ax = plt.subplots()
    assert LogicTree.from_outline(OUTLINE).draw(ax=ax, title=None) is ax
    assert ax.get_title() == ""


# Wrapping ----------------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("保育所が足りない、。ーっAB12 ")), max_size=60),
    st.integers(4, 30),
)
def test_wrap_keeps_every_character_and_the_width(text, width):
    lines = wrap(text, width)
    assert "".join(lines).replace(" ", "") == text.strip().replace(" ", "")
    assert all(text_width(line.rstrip("、。ーっ")) <= width for line in lines)
    assert all(line and line[0] not in "、。ーっ" for line in lines[1:])


# Hypotheses and plan cards -----------------------------------------------------------------


def test_hypothesis_notes():
    tree = LogicTree.from_outline(OUTLINE)
    good = Hypothesis(
        "共働きの世帯が増えた地区で申込みが増えているのではないか", "共働きの世帯が増えている"
    )
    assert good.validate(tree) == []
    assert "ツリーにありません" in Hypothesis("A ではないか", cause="ない原因").validate(tree)[0]
    assert "手段" in Hypothesis("保育所を増やすべき").validate()[0]
    assert "空" in Hypothesis("").validate()[0]


def test_card_notes_for_each_missing_part():
    assert _card().validate() == []
    notes = _card(method="", data=[], legend_classes=["A", "A", ""]).validate()
    assert any("「分析手法」が空" in n for n in notes)
    assert any("「使うデータ」が空" in n for n in notes)
    assert any("同じ区分が 2 回" in n for n in notes)
    assert any("空のもの" in n for n in notes)
    assert "8 個" in _card(legend_classes=list("ABCDEFGH")).validate()[0]
    assert "ありません" in _card(legend_classes=[]).validate()[0]


def test_card_accepts_a_hypothesis_and_single_strings():
    card = _card(hypothesis=Hypothesis("仮説の文"), data="population", legend_classes="全部")
    assert card.hypothesis == "仮説の文"
    assert card.data == ["population"]
    assert card.legend_classes == ["全部"]


def test_card_markdown_draw_and_round_trip():
    card = _card()
    text = card.to_markdown()
    assert "| 凡例の区分 | 0％未満 / 0〜10％ / 10％以上 |" in text
    assert "population" in text
    ax = card.draw()
    swatches = [p for p in ax.patches if p.get_width() == pytest.approx(0.2)]
    assert len(swatches) == 3
    colours = [matplotlib.colors.to_hex(p.get_facecolor()) for p in swatches]
    assert len(set(colours)) == 3
    assert AnalysisPlanCard.from_dict(card.to_dict()) == card
    assert loads(dumps({"card": card}))["card"] == card
    assert loads(dumps({"h": [Hypothesis("A", "B")]}))["h"] == [Hypothesis("A", "B")]


# Themes ----------------------------------------------------------------------------------------


def test_every_theme_has_a_guide_naming_bundled_datasets():
    names = set(kit.datasets()["name"])
    assert THEMES == ("子育て", "防災", "高齢者", "公共施設", "健康")
    for theme in THEMES:
        guide = theme_guide(theme)
        assert guide.theme == theme
        assert set(guide.datasets) <= names, theme
        text = guide.to_markdown()
        assert f"テーマ「{theme}」" in text and guide.first_question in text


def test_unknown_theme_lists_the_choices():
    assert theme_guide("高齢者福祉").theme == "高齢者"
    with pytest.raises(InputError, match="子育て、防災"):
        theme_guide("観光")


def test_theme_chooser_follows_the_dropdown():
    box = theme_chooser()
    dropdown, panel = box.children
    assert dropdown.options == THEMES
    assert "子育て" in panel.value
    dropdown.value = "防災"
    assert "テーマ「防災」" in panel.value and "子育て" not in panel.value


# Saving for later stages -------------------------------------------------------------------------


def test_save_and_load_every_artefact(workdir):
    tree = LogicTree.from_outline(OUTLINE)
    paths = save_framing(
        problem=_problem(),
        logic_tree=tree,
        hypotheses=Hypothesis("仮説", "保育士が集まらない"),
        plan_cards=[_card()],
        theme="子育て",
    )
    assert set(paths) == set(ARTIFACTS)
    assert sorted(p.name for p in workdir.glob("*.md")) == sorted(f"{n}.md" for n in ARTIFACTS)
    assert "- 待機児童が減らない" in (workdir / "logic_tree.md").read_text(encoding="utf-8")
    back = load_framing()
    assert back == {
        "problem": _problem(),
        "logic_tree": tree,
        "hypotheses": [Hypothesis("仮説", "保育士が集まらない")],
        "plan_cards": [_card()],
        "theme": "子育て",
    }


def test_load_framing_gives_none_for_missing_or_foreign_artefacts(workdir):
    assert load_framing() == dict.fromkeys(ARTIFACTS)
    kit.artifacts.save("problem", {"目標": "古い形"})
    (workdir / "logic_tree.json").write_text("{broken", encoding="utf-8")
    save_framing(theme="防災")
    assert load_framing() == {**dict.fromkeys(ARTIFACTS), "theme": "防災"}


def test_saving_checks_what_it_is_given(workdir):
    with pytest.raises(InputError, match="ProblemStatement"):
        save_framing(problem={"goal": "x"})
    with pytest.raises(InputError, match="Hypothesis"):
        save_framing(hypotheses=["文字だけの仮説"])
    with pytest.raises(InputError, match="保存するもの"):
        save_framing()
    assert not workdir.exists()


def test_nothing_is_saved_while_nbgrader_grades(workdir, monkeypatch, capsys):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert save_framing(theme="子育て") == {}
    assert not workdir.exists()
    assert "保存しませんでした" in capsys.readouterr().out
