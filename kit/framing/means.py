"""Does a phrase name a means (something to do or a tool) rather than a goal or a cause?

The Data Academy's most common slip is a goal that is really a means: 「電子申請を進めたい」
says what to do, not what should get better for residents. These functions look for a few
Japanese keywords and endings. They are a **heuristic that prompts reflection, not a verdict**:
a flagged phrase is worth a second look and a question — 「それを行うと、何が良くなるのか？」.

>>> means_words("電子申請を進めたい")
['電子申請', '進め']
>>> means_words("待機児童をゼロにする")
[]
>>> is_means_phrase("保育所の整備"), is_means_phrase("保育所の整備が遅れている")
(True, False)
"""

from __future__ import annotations

import re
import unicodedata

# Tools and channels: a goal that names one is usually a means.
TOOL_WORDS = (
    "電子申請",
    "オンライン",
    "システム",
    "アプリ",
    "ツール",
    "ポータル",
    "ホームページ",
    "ウェブサイト",
    "チャットボット",
    "タブレット",
    "キャッシュレス",
    "マイナンバーカード",
    "デジタル化",
    "LINE",
    "SNS",
    "AI",
    "DX",
    "RPA",
    "ICT",
    "IoT",
)

# Doing words: introducing, promoting, building, running something.
ACTION_WORDS = (
    "導入",
    "推進",
    "進め",
    "整備",
    "構築",
    "開発",
    "設置",
    "新設",
    "増設",
    "開設",
    "建設",
    "配布",
    "作成",
    "活用",
    "普及",
    "促進",
    "拡充",
    "充実",
    "強化",
    "実施",
    "周知",
    "啓発",
)

# Endings of an intention or an action ("…したい", "…を作る"): never a cause in a why-tree.
ACTION_ENDINGS = (
    "たい",
    "しよう",
    "ましょう",
    "すべき",
    "べきだ",
    "にする",
    "化する",
    "をする",
    "を作る",
    "をつくる",
    "を増やす",
    "を減らす",
    "を設ける",
    "を広げる",
    "を見直す",
    "を始める",
    "を建てる",
    "を配る",
)

# Endings of a state or a change ("…が足りない", "…が増えている"): how causes are written.
STATE_ENDINGS = (
    "い",
    "た",
    "だ",
    "ず",
    "ある",
    "いる",
    "なる",
    "れる",
    "できる",
    "かかる",
    "ていく",
    "てくる",
    "がち",
    "傾向",
    "状態",
)

_TRAILING = "。.．!！?？ 　"


def normalise(text: str) -> str:
    """NFKC (full-width letters and digits to half-width), trimmed, without a final 。.

    >>> normalise("ＡＩを導入する。 ")
    'AIを導入する'
    """
    return unicodedata.normalize("NFKC", str(text)).strip().rstrip(_TRAILING)


def means_words(text: str) -> list[str]:
    """The tool and doing words found in ``text``, in the order of the keyword lists.

    Used on goals: a goal should say what gets better, not what to introduce.

    >>> means_words("子育てアプリを導入したい")
    ['アプリ', '導入']
    """
    plain = normalise(text)
    found = [w for w in TOOL_WORDS if _contains(plain, w)]
    return found + [w for w in ACTION_WORDS if w in plain]


def _contains(text: str, word: str) -> bool:
    """Substring test; ASCII words (AI, DX…) must stand alone, in any letter case."""
    if not word.isascii():
        return word in text
    return (
        re.search(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", text, re.IGNORECASE) is not None
    )


def is_means_phrase(text: str) -> bool:
    """Whether a logic-tree item reads as something to do rather than a cause (a state).

    Causes describe a state or a change (「保育士が足りない」「0〜4歳が増えている」);
    means describe an action (「保育所を増やす」「周知の強化」).

    >>> is_means_phrase("保育士が集まらない")
    False
    >>> is_means_phrase("保育所を増やす"), is_means_phrase("アプリを導入したい")
    (True, True)
    """
    plain = normalise(text)
    if not plain:
        return False
    if plain.endswith(ACTION_ENDINGS):
        return True
    if plain.endswith(STATE_ENDINGS):
        return False
    return any(w in plain for w in ACTION_WORDS)
