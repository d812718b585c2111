"""問6 (who travels further if 七瀬台四丁目集会所 closes) and 問7 (the 10-year saving, with its range).

>>> from kit.exercises.stage4 import merge
>>> merge.net_saving(年間維持管理費=2000, 年数=10, 受け入れ側の費用増の割合=0.25, 解体費=5000)
10000.0
"""

from __future__ import annotations

from typing import Any

from kit.exercises import _checks as c
from kit.exercises._engine import Incorrect, Question
from kit.exercises.stage4 import _data

YEARS = 10
SHARE, SHARE_RANGE = 0.2, (0.1, 0.4)  # extra running cost of the receiving hall, as a share
DEMOLITION, DEMOLITION_RANGE = 12000, (8000, 20000)  # 千円


def net_saving(**values: float) -> float:
    """Net saving of the merge over the years (千円): running cost saved minus demolition."""
    cost, years = values["年間維持管理費"], values["年数"]
    share, demolition = values["受け入れ側の費用増の割合"], values["解体費"]
    return float(cost * years * (1 - share) - demolition)


def assumptions() -> dict[str, float]:
    """The assumptions of 問7 (千円, years, share)."""
    return {
        "年間維持管理費": _data.closing_cost(),
        "年数": YEARS,
        "受け入れ側の費用増の割合": SHARE,
        "解体費": DEMOLITION,
    }


RANGES = {"受け入れ側の費用増の割合": SHARE_RANGE, "解体費": DEMOLITION_RANGE}


def _expected_impact() -> tuple[float, float, Any]:
    impact = _data.merge_impact()
    people = float(impact["総人口"].sum())
    extra = float((impact["増えた距離_m"] * impact["総人口"]).sum() / people)
    return people, extra, impact


def _check_q6(n_affected: Any, extra_m: Any) -> None:
    people = c.expect_number(n_affected, "n_affected")
    metres = c.expect_number(extra_m, "extra_m")
    want_people, want_metres, impact = _expected_impact()
    if not c.is_close(people, want_people, rel=1e-4):
        if c.is_close(people, len(impact)):
            raise Incorrect(
                "`n_affected` が町丁目の数になっています。町丁目の人口を合計してください。"
            )
        raise Incorrect(
            "`n_affected` が合いません。closure_impact で出てきた町丁目（遠くなる町丁目）の人口だけを合計してください。"
        )
    if c.is_close(metres, want_metres, rel=1e-3):
        return
    if c.is_close(metres, float(impact["増えた距離_m"].mean()), rel=1e-3):
        raise Incorrect(
            "町丁目ごとの増えた距離を、そのまま平均しています。人の多い町丁目ほど重く数えるよう、人口で重み付けしてください。"
        )
    if c.is_close(metres * 1000, want_metres, rel=1e-3):
        raise Incorrect("km になっていませんか？ メートル（m）で答えてください。")
    if c.is_close(-metres, want_metres, rel=1e-3):
        raise Incorrect("符号が逆です。増えた距離は「統合後 − 統合前」です。")
    weighted_after = float((impact["距離_後_m"] * impact["総人口"]).sum() / want_people)
    if c.is_close(metres, weighted_after, rel=1e-3):
        raise Incorrect(
            "統合後の距離そのものになっています。増えた分（統合後 − 統合前）を平均してください。"
        )
    raise Incorrect(
        "`extra_m` が合いません。（増えた距離 × 人口）の合計 ÷ 人口の合計、で求めます（Excel の SUMPRODUCT ÷ SUM）。"
    )


q6 = Question(
    "問6",
    ["n_affected", "extra_m"],
    _check_q6,
    hints=[
        "例と同じように kit.design.closure_impact(...) で、七瀬台四丁目集会所が最寄りの町丁目の表を作ります。",
        "人口で重み付けした平均 = （増えた距離_m × 総人口）の合計 ÷ 総人口の合計。町丁目ごとの値をそのまま平均すると、人の少ない町丁目も同じ重さになってしまいます。",
        '表を impact とすると、n_affected = impact["総人口"].sum()、extra_m は (impact["増えた距離_m"] * impact["総人口"]).sum() を n_affected で割ります。',
    ],
    praise="統合で遠くなる住民の数と、人口で重み付けした距離の増え方を求められました。",
)


def _check_q7(merge_table: Any) -> None:
    frame = c.expect_frame(
        merge_table, "merge_table", ["仮定", "低い値", "高い値", "結果_低", "結果_基本", "結果_高"]
    )
    rows = {str(k).strip(): row for k, row in frame.set_index("仮定").iterrows()}
    missing = [name for name in RANGES if name not in rows]
    if missing:
        raise Incorrect(
            f"仮定「{missing[0]}」を動かした行がありません。幅（ranges）に入れてください。"
        )
    extra = [name for name in rows if name not in RANGES]
    if extra:
        raise Incorrect(
            f"仮定「{extra[0]}」にも幅がついています。幅をつけるのは問題文の 2 つだけです。"
        )
    base = assumptions()
    want = net_saving(**base)
    got = float(next(iter(rows.values()))["結果_基本"])
    if not c.is_close(got, want):
        slips = [
            (net_saving(**{**base, "受け入れ側の費用増の割合": 0}), "受け入れ側の費用増（割合）を差し引いていません。"),
            (net_saving(**{**base, "解体費": 0}), "解体費を引いていません。"),
            (net_saving(**{**base, "年数": 1}), "年数（10 年）を掛けていません。"),
            (want * 1000, "円に直していませんか？ この問題では千円のまま計算します。"),
            (net_saving(**{**base, "受け入れ側の費用増の割合": SHARE * 100}), "割合は 0.2 のように小数で書きます（20 ではありません）。"),
        ]  # fmt: skip
        for value, message in slips:
            if c.is_close(got, value):
                raise Incorrect(message)
        raise Incorrect(
            "基本の結果が合いません。計算式（維持管理費 × 年数 × (1 − 割合) − 解体費）と仮定の値を確かめてください。"
        )
    for name, (low, high) in RANGES.items():
        row = rows[name]
        if not (c.is_close(float(row["低い値"]), low) and c.is_close(float(row["高い値"]), high)):
            raise Incorrect(f"仮定「{name}」の幅（低い値・高い値）が問題文と違います。")
        lo = net_saving(**{**base, name: low})
        hi = net_saving(**{**base, name: high})
        if not (c.is_close(float(row["結果_低"]), lo) and c.is_close(float(row["結果_高"]), hi)):
            raise Incorrect(
                f"仮定「{name}」を動かしたときの結果が合いません。計算式を確かめてください。"
            )


q7 = Question(
    "問7",
    ["merge_table"],
    _check_q7,
    hints=[
        "まず計算式を Excel の数式のように文字で書きます。使う名前は仮定の辞書の名前（年間維持管理費、年数、受け入れ側の費用増の割合、解体費）です。",
        "10 年間の節約 = 年間維持管理費 × 年数 × (1 − 受け入れ側の費用増の割合) − 解体費（単位は千円）。",
        'merge_table = kit.design.sensitivity("数式", merge_assumptions, merge_ranges) で表ができます。',
    ],
    praise="仮定に幅をもたせて試算できました。どの仮定で結果が大きく動くかが分かります。",
)
