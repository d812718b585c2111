"""Japanese free text: split answers into words offline (janome) and find each group's themes.

janome is pure Python with its dictionary bundled, so nothing is downloaded. It runs in a helper
process (:mod:`kit.morphemes`) so that its 100 MB dictionary does not stay in the kernel; each
distinct answer is analysed only once per session (survey answers repeat a lot), and one call
analyses all its texts in one batch (about a second).

>>> import kit
>>> kit.text.tokenize(["バスの本数が少なく不便です。"])
[['バス', '本数', '少ない', '不便']]
>>> survey = kit.load("survey")                                       # doctest: +SKIP
>>> kit.text.frequent_terms(survey, "自由記述", "地区", top=5)        # doctest: +SKIP
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kit.errors import InputError
from kit.morphemes import Morpheme, analyse

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

WORD, ANSWERS, SHARE = "語", "回答数", "割合"
PARTS = ("名詞", "形容詞")
# Noun kinds that carry no theme: numbers, pronouns, suffixes, dependent and adverb-like nouns.
_NOUN_KINDS_LEFT_OUT = frozenset({"数", "代名詞", "接尾", "非自立", "副詞可能", "特殊", "接続詞的"})
_SHORT_WORDS_KEPT = frozenset({"川", "駅", "雨", "車", "道", "店", "森", "山"})
# Words that appear in answers on any topic (a short list; pass your own with stop_words=).
STOP_WORDS = frozenset(
    """
    こと もの ため よう の ん ところ とき 時 方 人 さん 様 等 など 的 中 上 下 前 後 他 ほか
    自分 私 僕 皆 みんな 市 市民 今 今後 最近 いつも 毎日 とても 大変 本当
    ない いい よい 良い ほしい 欲しい 多い 思い 感じ 気 点 件 回 年 月 日 場合 以上 以下
    """.split()  # noqa: SIM905 — easier to read and extend as words separated by spaces
)


_ANALYSED: dict[str, tuple[Morpheme, ...]] = {}  # text → its morphemes, kept for the session
_ANALYSED_MAX = 100_000


def _analysed(texts: list[str]) -> list[tuple[Morpheme, ...]]:
    """The morphemes of each text; texts not seen before are analysed in one batch."""
    new = [t for t in dict.fromkeys(texts) if t not in _ANALYSED]
    if new and len(_ANALYSED) + len(new) > _ANALYSED_MAX:
        _ANALYSED.clear()
        new = list(dict.fromkeys(texts))
    if new:
        _ANALYSED.update(zip(new, map(tuple, analyse(new)), strict=True))
    return [_ANALYSED[t] for t in texts]


def _content_words(
    morphemes: tuple[Morpheme, ...], parts: tuple[str, ...], stop_words: frozenset[str]
) -> list[str]:
    words = []
    for surface, pos, kind, base_form in morphemes:
        if pos not in parts or (pos == "名詞" and kind in _NOUN_KINDS_LEFT_OUT):
            continue
        if pos in ("形容詞", "動詞") and kind != "自立":
            continue
        base = base_form if base_form != "*" else surface
        if base not in stop_words and (len(base) > 1 or base in _SHORT_WORDS_KEPT):
            words.append(base)
    return words


def tokenize(
    texts: str | Iterable[object],
    *,
    parts: Iterable[str] = PARTS,
    stop_words: Iterable[str] = STOP_WORDS,
) -> list[list[str]]:
    """The content words of each text: nouns and adjectives (in dictionary form) by default.

    Numbers, pronouns, suffixes and the words in ``stop_words`` are left out, as are one-letter
    words except a few that carry meaning (川, 駅, 雨, 車, 道). Text is NFKC-normalised first
    (full-width letters and digits become half-width). A missing text gives an empty list.
    ``parts`` names janome's parts of speech to keep, e.g. ``("名詞", "形容詞", "動詞")``.

    >>> tokenize("団地にエレベーターがなく、上の階は不便です。")
    [['団地', 'エレベーター', '不便']]
    >>> tokenize([None, "保育園に入れず育休を延長しました。"])
    [[], ['保育園', '育休', '延長']]
    """
    import pandas as pd

    if isinstance(texts, str):
        texts = [texts]
    elif isinstance(texts, pd.DataFrame) or not isinstance(texts, Iterable):
        raise InputError(
            "文章の列（Series）か、文章のリストを渡してください。",
            action='例: kit.text.tokenize(survey["自由記述"])',
        )
    keep, stop = tuple(parts), frozenset(stop_words)
    plains = [
        ""
        if text is None or (not isinstance(text, str) and pd.isna(text))
        else unicodedata.normalize("NFKC", str(text)).strip()
        for text in texts
    ]
    filled = [p for p in plains if p]
    analysed = dict(zip(filled, _analysed(filled), strict=True))
    return [_content_words(analysed[p], keep, stop) if p else [] for p in plains]


def frequent_terms(
    df: pd.DataFrame,
    text_column: str,
    group_column: str | None = None,
    top: int = 10,
    *,
    stop_words: Iterable[str] = STOP_WORDS,
) -> pd.DataFrame:
    """The ``top`` words of each group, counted as the number of answers using them.

    A word used twice in one answer counts once: 「回答数」 is how many answers mention it and
    「割合」 (0–1) the share of the group's written answers (blank answers are left out of both).
    Ties are broken by the word's order in the Japanese syllabary, so the result is stable.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"地区": ["東", "東", "西"], "声": ["バスが不便", "バスの本数", None]})
    >>> frequent_terms(df, "声", "地区", top=1).to_dict("records")
    [{'地区': '東', '語': 'バス', '回答数': 2, '割合': 1.0}]
    """
    import pandas as pd

    _require_columns(df, [text_column, group_column])
    if not isinstance(top, int) or top < 1:
        raise InputError(f"top={top!r} は 1 以上の整数にしてください。")
    written = df[df[text_column].notna() & (df[text_column].astype("str").str.strip() != "")]
    words = tokenize(written[text_column], stop_words=stop_words)
    if group_column is None:
        groups: list[tuple[object, list[int]]] = [(None, list(range(len(written))))]
    else:
        labels = written[group_column].to_numpy()
        names = sorted(pd.unique(labels[pd.notna(labels)]), key=str)
        groups = [(name, [i for i, x in enumerate(labels) if x == name]) for name in names]
    rows = []
    for name, positions in groups:
        counts = Counter(word for p in positions for word in set(words[p]))
        answers = len(positions)
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]
        for word, n in ranked:
            row = {} if group_column is None else {group_column: name}
            rows.append({**row, WORD: word, ANSWERS: n, SHARE: n / answers})
    columns = ([] if group_column is None else [group_column]) + [WORD, ANSWERS, SHARE]
    out = pd.DataFrame(rows, columns=columns)
    return out.astype({WORD: "str", ANSWERS: "int64", SHARE: "float64"})


def plot_terms(
    terms: pd.DataFrame,
    group: object = None,
    *,
    group_column: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Bar chart of one group's frequent words (the output of :func:`frequent_terms`) via kit.plot.

    ``group`` picks the group (its column is guessed: the first column that is not 語/回答数/割合).

    >>> import pandas as pd
    >>> terms = pd.DataFrame({"地区": ["東", "東"], "語": ["バス", "不便"], "回答数": [5, 2], "割合": [0.5, 0.2]})
    >>> plot_terms(terms, "東").get_title()
    '東の自由記述によく出る言葉'
    """
    from kit.plot import bar

    _require_columns(terms, [WORD, SHARE])
    if group is not None:
        if group_column is None:
            others = [c for c in terms.columns if c not in (WORD, ANSWERS, SHARE)]
            if not others:
                raise InputError(
                    "グループの列が見つかりません。", action="group_column= で指定してください。"
                )
            group_column = others[0]
        chosen = terms[terms[group_column] == group]
        if chosen.empty:
            raise InputError(
                f"「{group}」の行がありません。",
                column=group_column,
                action=f"ある値: {'、'.join(map(str, terms[group_column].unique()[:10]))}",
            )
    else:
        chosen = terms
    data = chosen.assign(**{SHARE: chosen[SHARE] * 100})
    heading = f"{group}の自由記述によく出る言葉" if group is not None else "自由記述によく出る言葉"
    return bar(
        data,
        WORD,
        SHARE,
        horizontal=True,
        ax=ax,
        title=title or heading,
        xlabel="言葉",
        ylabel="その言葉を含む回答の割合（％）",
    )


def _require_columns(df: object, columns: list[str | None]) -> None:
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise InputError(
            f"表（DataFrame）を渡してください（渡されたのは {type(df).__name__} です）。"
        )
    for column in columns:
        if column is not None and column not in df.columns:
            raise InputError(
                f"列「{column}」が表にありません（ある列: {'、'.join(map(str, df.columns[:20]))}）。",
                column=column,
            )
