"""問1: the wanted business flow (あるべき姿) of the push notice, as a swimlane.

>>> from kit.exercises.stage4 import flows
>>> flows.q1.verdict({"to_be": "住民"}).status
'incorrect'
"""

from __future__ import annotations

import unicodedata
from typing import Any

from kit.exercises import _checks as c
from kit.exercises._engine import Incorrect, Question

LANES = ["住民", "こども家庭課", "市民税課", "システム"]
# The steps of the wanted flow in their order, with the lane that does each.
STEPS = [
    ("市民税課", "同意のある世帯の所得区分を渡す"),
    ("システム", "対象候補を抽出する"),
    ("こども家庭課", "候補を確認して通知を送る"),
    ("住民", "通知を見てオンラインで申請する"),
    ("こども家庭課", "審査して認定する"),
    ("住民", "認定の通知を受け取る"),
]
# How the steps are listed in the notebook (shuffled, without lanes).
SHUFFLED = [STEPS[i][1] for i in (2, 3, 0, 5, 1, 4)]
# Why each step must come after the one before it.
ORDER_REASONS = [
    "対象候補を抽出するには、先に所得区分がそろっている必要があります。",
    "通知を送る前に、対象候補を抽出しておく必要があります。",
    "住民が申請するのは、通知を受け取ったあとです。",
    "審査は、住民が申請したあとに行います。",
    "認定の通知を受け取るのは、審査して認定したあとです。",
]


def normalise(text: Any) -> str:
    """Text compared loosely: NFKC, no spaces, no final 。.

    >>> normalise(" 審査して 認定する。")
    '審査して認定する'
    """
    plain = unicodedata.normalize("NFKC", str(text))
    return "".join(plain.split()).rstrip("。.")


def _check_q1(to_be: Any) -> None:
    from kit.design import ServiceFlow

    if not isinstance(to_be, ServiceFlow):
        raise Incorrect(
            f"`to_be` は kit.design.ServiceFlow で作ってください（いまは {c.kind_name(to_be)} です）。"
        )
    expected = {normalise(text): lane for lane, text in STEPS}
    given = {}
    for step in to_be.steps:
        key = normalise(step.text)
        if key in given:
            raise Incorrect(f"手順「{step.text}」が 2 回入っています。")
        given[key] = step
    extra = [step.text for key, step in given.items() if key not in expected]
    if extra:
        raise Incorrect(
            f"問題の一覧にない手順「{extra[0]}」が入っています。一覧の文をそのまま写してください。"
        )
    missing = [text for lane, text in STEPS if normalise(text) not in given]
    if missing:
        raise Incorrect(f"手順「{missing[0]}」が入っていません（全部で {len(STEPS)} つです）。")
    for key, step in given.items():
        if normalise(step.lane) != normalise(expected[key]):
            raise Incorrect(
                f"手順「{step.text}」のレーン（だれが行うか）が違います。"
                "その仕事をする人・課・仕組みはどれか考えてみましょう。"
            )
    orders = [given[normalise(text)].order for _, text in STEPS]
    for i, reason in enumerate(ORDER_REASONS):
        if not orders[i] < orders[i + 1]:
            raise Incorrect(f"順番が違うところがあります。{reason}")


q1 = Question(
    "問1",
    ["to_be"],
    _check_q1,
    hints=[
        "手順ごとに「だれが行うか」を考えます。所得の情報を持っているのは税の担当、照合して抽出するのは仕組み（システム）です。",
        "順番は、情報がそろう → 抽出する → 確かめて知らせる → 住民が申請する → 審査する → 結果を知らせる、の流れです。",
        'to_be = kit.design.ServiceFlow("あるべき姿", lanes=LANES) を作り、to_be.add("レーン", "手順の文") を順番どおりに 6 回書きます。',
    ],
    praise="あるべき姿の業務フローを描けました。住民の手順が減ったことを図で確かめましょう。",
)
