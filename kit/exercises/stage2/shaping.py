"""Checkers for stage 2, first notebook (prepare.ipynb), shaping part: 問4〜問5.

問4 turns the population table long; 問5 finds the 町丁目 codes that did not match across years.

>>> from kit.exercises import stage2 as ex
>>> ex.q5.check()
"""

from __future__ import annotations

from typing import Any

from kit.exercises import _checks as c
from kit.exercises._engine import Incorrect, Question
from kit.exercises.stage2 import city

# 問4 — wide to long --------------------------------------------------------------------


def _check_q4(pop_long: Any) -> None:
    frame = c.expect_frame(pop_long, "pop_long", ["年齢階級", "性別", "人口"])
    if not {"地域名", "地域コード"} & set(frame.columns):
        raise Incorrect("どの町丁目の人口か分かる列（地域名や地域コード）を残してください。")
    if "調査年月日" in frame.columns and frame["調査年月日"].astype(str).str[:10].nunique() > 1:
        raise Incorrect("何年分もの行が入っています。2026年4月1日の表だけを縦長にしてください。")
    sexes = set(frame["性別"].astype(str))
    if sexes - {"男性", "女性"}:
        raise Incorrect(
            "男性・女性以外の行（男女計など）が入っています。男女別の行だけにしてください（合計を二重に数えてしまいます）。"
        )
    latest = city.population(city.LATEST)
    bands = [
        col
        for col in latest.columns
        if str(col).endswith("歳の男性") or str(col).endswith("歳以上の男性")
    ]
    total = city.expected_total()
    got = float(frame["人口"].sum())
    if got > total * 1.5:
        raise Incorrect(
            "人口の合計が市の人口より大きくなっています。総人口・男性・女性の列まで縦に並べていませんか？"
        )
    if len(frame) != len(latest) * len(bands) * 2 or not c.is_close(got, total):
        raise Incorrect(
            "行の数か人口の合計が合いません。町丁目 × 年齢階級 × 性別 で 1 行ずつになっているか確認してください。"
        )


q4 = Question(
    "問4",
    ["pop_long"],
    _check_q4,
    hints=[
        "横に並んだ「0-4歳の男性」などの列を、「年齢階級」「性別」「人口」の 3 列に縦に並べ替えます。",
        "kit.readers.population_long(表) が、標準の人口表を縦長にしてくれます。",
        'まず pop[pop["調査年月日"] == "2026-04-01"] で 2026年の行だけにしてから、population_long に渡します。',
    ],
    praise="横長の表を縦長にできました。縦長の表は集計やグラフにそのまま使えます。",
)


# 問5 — keys that did not match -----------------------------------------------------------


def _as_text_set(value: Any, name: str) -> set[str]:
    import numpy as np
    import pandas as pd

    if isinstance(value, pd.DataFrame):
        raise Incorrect(f"`{name}` は表ではなく、コードのリストにしてください。")
    if not isinstance(value, pd.Series | list | tuple | set | frozenset | np.ndarray):
        raise Incorrect(
            f"`{name}` はコードのリストにしてください（いまは{c.kind_name(value)}です）。"
        )
    items = list(value)
    if any(isinstance(v, int | np.integer) for v in items):
        raise Incorrect(
            'コードが数（int）になっています。先頭の 0 がある 7 桁の文字（例: "0001001"）で答えてください。'
        )
    return {str(v).strip() for v in items}


def _check_q5(unmatched: Any) -> None:
    got = _as_text_set(unmatched, "unmatched")
    old_only, new_only, old_names = city.unmatched_codes()
    if not got:
        raise Incorrect(
            "1 つもありません。merge に indicator=True を付けて、つながらなかった行を探してください。"
        )
    if got <= old_names | set(city.population(city.LATEST)["地域名"]):
        raise Incorrect("町丁目名で答えています。地域コードで答えてください。")
    if got == old_only:
        return
    if {v.zfill(7) for v in got} == old_only:
        raise Incorrect(
            "先頭の 0 が落ちたコードがあります。7 桁の文字にそろえて（zfill(7)）答えてください。"
        )
    if got == new_only:
        raise Incorrect(
            "2026年の側にだけあるコードです。2019年の側でつながらなかったコードを答えてください。"
        )
    if got == old_only | new_only:
        raise Incorrect(
            "両方の年のコードが入っています。2019年の側でつながらなかったコードだけにしてください。"
        )
    old = city.population(city.OLD)
    by_name = set(old.loc[old["地域名"].isin(old_names), "地域コード"])
    if got == by_name:
        raise Incorrect(
            "町丁目名でつないでいませんか？ 名前の書き方が変わっただけの町は、コードでならつながります。"
        )
    if len(got) >= len(old) - 1:
        raise Incorrect(
            "ほとんどすべてのコードがつながっていません。両方の表のコードの書き方（桁数・先頭の 0）をそろえてください。"
        )
    raise Incorrect(
        'つながらなかったコードが合いません。地域コードで how="outer"、indicator=True の merge をしてみましょう。'
    )


q5 = Question(
    "問5",
    ["unmatched"],
    _check_q5,
    hints=[
        "2019年の表と 2026年の表を「地域コード」でつなぎ、2019年の側にしかない行を探します。",
        'pd.merge(左, 右, on="地域コード", how="outer", indicator=True) とすると、'
        "「_merge」の列に both / left_only / right_only が入ります。",
        '結果[結果["_merge"] == "left_only"]["地域コード"] が、左（2019年）にしかないコードです。'
        "list(...) でリストにしましょう。",
    ],
    praise="つながらなかったキーを見つけられました。理由（町名の変更・分割・合併）は新旧対照表で確かめられます。",
)
