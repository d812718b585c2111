"""kit.text: Japanese words from free text (janome, offline) and the frequent themes per group."""

from __future__ import annotations

import subprocess
import sys

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
import kit.text
from kit.errors import InputError, KitError


@pytest.fixture(autouse=True)
def _close_figures():
    kit.setup()
    yield
    plt.close("all")


def test_tokenize_keeps_nouns_and_adjectives_in_dictionary_form():
    words = kit.text.tokenize(["バスの本数が少なく、通院や買い物に困っています。"])
    assert words == [["バス", "本数", "少ない", "通院", "買い物"]]


def test_tokenize_drops_stop_words_numbers_and_suffixes():
    (words,) = kit.text.tokenize("子ども医療費の助成は大変助かっています。3人の子どもがいます。")
    assert "大変" not in words  # stop word
    assert "3" not in words and "費" not in words  # number, suffix
    assert words == ["子ども", "医療", "助成", "子ども"]


def test_tokenize_accepts_a_series_with_missing_values_and_normalises_width():
    texts = pd.Series(["ＡＥＤを駅に置いてほしい", None, "  "], dtype="str")
    assert kit.text.tokenize(texts) == [["AED", "駅"], [], []]


def test_tokenize_can_keep_verbs_and_use_other_stop_words():
    (words,) = kit.text.tokenize(
        "保育園に入れず育休を延長しました。", parts=("名詞", "動詞"), stop_words=["延長"]
    )
    assert words == ["保育園", "入れる", "育休", "する"]


def test_tokenize_rejects_a_table():
    with pytest.raises(InputError, match="文章の列"):
        kit.text.tokenize(pd.DataFrame({"自由記述": ["バス"]}))


def test_janome_stays_out_of_the_kernel_one_helper_run_per_batch_and_none_for_known_texts():
    code = (
        "import sys, kit.text, kit.morphemes\n"
        "runs = []\n"
        "real = kit.morphemes.analyse\n"
        "kit.text.analyse = lambda texts: runs.append(len(texts)) or real(texts)\n"
        "kit.text.tokenize(['駅が遠い', '川', '駅が遠い'])\n"
        "kit.text.tokenize(['川', '駅が遠い'])\n"
        "kit.text.tokenize(['川', 'バスが少ない'])\n"
        "print('janome' in sys.modules, runs)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split(maxsplit=1) == ["False", "[2, 1]\n"]


def test_a_failing_helper_process_gives_a_japanese_error(monkeypatch, tmp_path):
    import kit.morphemes

    broken = tmp_path / "python"
    broken.write_text("#!/bin/sh\necho 'ModuleNotFoundError: janome' >&2\nexit 1\n")
    broken.chmod(0o755)
    monkeypatch.setattr(kit.morphemes.sys, "executable", str(broken))
    with pytest.raises(KitError, match="janome") as failed:
        kit.morphemes.analyse(["バス"])
    assert "make setup" in str(failed.value)
    monkeypatch.setattr(kit.morphemes.sys, "executable", str(tmp_path / "no-such-python"))
    with pytest.raises(KitError, match="単語に分ける"):
        kit.morphemes.analyse(["バス"])


def test_frequent_terms_counts_answers_not_occurrences_and_skips_blank_answers():
    df = pd.DataFrame(
        {
            "地区": ["東", "東", "東", "西", "西"],
            "声": ["バスが少ない。バスが遅い。", "バスの本数", None, "公園が狭い", "公園と図書館"],
        }
    )
    terms = kit.text.frequent_terms(df, "声", "地区", top=2)
    assert terms.columns.tolist() == ["地区", "語", "回答数", "割合"]
    east = terms[terms["地区"] == "東"]
    assert east["語"].tolist() == ["バス", "少ない"]
    assert east["回答数"].tolist() == [2, 1]
    assert east["割合"].tolist() == [
        1.0,
        0.5,
    ]  # 2 written answers in 東 (the blank one is left out)
    west = terms[terms["地区"] == "西"]
    assert west.iloc[0][["語", "回答数", "割合"]].tolist() == ["公園", 2, 1.0]


def test_frequent_terms_without_groups_and_with_ties_in_a_stable_order():
    df = pd.DataFrame({"声": ["図書館と公園", "公園と図書館"]})
    terms = kit.text.frequent_terms(df, "声", top=5)
    assert terms["語"].tolist() == ["公園", "図書館"]
    assert terms["回答数"].tolist() == [2, 2]


def test_frequent_terms_explains_a_wrong_column_or_top():
    df = pd.DataFrame({"声": ["公園"]})
    with pytest.raises(InputError, match="列「自由記述」"):
        kit.text.frequent_terms(df, "自由記述")
    with pytest.raises(InputError, match="top"):
        kit.text.frequent_terms(df, "声", top=0)


WORDS = ["バス", "公園", "保育園", "図書館", "病院", "避難"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["東", "西", "南"]), st.lists(st.sampled_from(WORDS), max_size=4)
        ),
        min_size=1,
        max_size=25,
    )
)
def test_frequent_terms_agrees_with_counting_by_hand(rows):
    df = pd.DataFrame(
        {
            "地区": [g for g, _ in rows],
            "声": ["、".join(ws) + "。" if ws else None for _, ws in rows],
        }
    )
    terms = kit.text.frequent_terms(df, "声", "地区", top=len(WORDS))
    for (group, word), n in terms.set_index(["地区", "語"])["回答数"].items():
        answers = [ws for g, ws in rows if g == group and ws]
        assert n == sum(word in ws for ws in answers)
        share = terms.set_index(["地区", "語"]).loc[(group, word), "割合"]
        assert share == pytest.approx(n / len(answers))
    expected = {(g, w) for g, ws in rows for w in ws}
    assert set(terms.set_index(["地区", "語"]).index) == expected


def test_the_survey_shows_different_themes_per_district():
    terms = kit.text.frequent_terms(kit.load("survey"), "自由記述", "地区", top=5)
    top = terms.groupby("地区")["語"].agg(list)
    assert len(top) == 8
    assert "避難" in top["川端地区"]
    assert "バス" in top["西原地区"]
    assert top["川端地区"] != top["西原地区"]


def test_plot_terms_draws_the_shares_of_one_group_in_percent():
    terms = pd.DataFrame(
        {
            "地区": ["東", "東", "西"],
            "語": ["バス", "不便", "公園"],
            "回答数": [5, 2, 1],
            "割合": [0.5, 0.2, 1.0],
        }
    )
    ax = kit.text.plot_terms(terms, "東")
    assert ax.get_title() == "東の自由記述によく出る言葉"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["バス", "不便"]
    assert [round(p.get_width(), 6) for p in ax.patches] == [50.0, 20.0]
    assert ax.get_xlabel() == "その言葉を含む回答の割合（％）"


def test_plot_terms_names_an_unknown_group():
    terms = pd.DataFrame({"地区": ["東"], "語": ["バス"], "回答数": [1], "割合": [1.0]})
    with pytest.raises(InputError, match="「北」の行がありません"):
        kit.text.plot_terms(terms, "北")


def test_the_docstring_examples_hold():
    import doctest

    result = doctest.testmod(kit.text, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
