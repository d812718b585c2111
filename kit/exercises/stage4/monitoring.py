"""問8: a monitoring plan for the push notice, whose frequencies fit how often the data change.

>>> from kit.exercises.stage4 import monitoring
>>> monitoring.push_model().indicators(("impact",))[0][1]
'子育て環境に満足している子育て世帯の割合'
"""

from __future__ import annotations

import re
from typing import Any

from kit.exercises import _checks as c
from kit.exercises._engine import Incorrect, Question

FREQUENCY_RANK = {"毎日": 0, "毎週": 1, "毎月": 2, "四半期ごと": 3, "半年ごと": 4, "毎年": 5}
# Outcome and impact indicators of the push-notice model, their data and the data's update.
WATCHED = {
    "通知後の新規申請件数": ("児童扶養手当システム（受付の記録）", "毎日"),
    "まだ受けていない対象候補の世帯数": ("住民記録・受給状況・所得区分（同意分）の照合", "毎月"),
    "子育て環境に満足している子育て世帯の割合": ("市民意識調査", "毎年"),
}
UPDATE_WORDS = {"毎日": "毎日", "毎月": "毎月", "毎年": "年に 1 回"}


def push_model() -> Any:
    """The push-notice logic model of the notebook's worked example (問8 plans its monitoring).

    >>> push_model().validate()
    []
    """
    from kit.design import LogicModel

    (short, mid, impact) = WATCHED
    return (
        LogicModel("ひとり親世帯へのプッシュ型通知")
        .add("インプット", "住民記録・受給状況・所得区分（同意分）のデータ")
        .add("インプット", "通知の仕組みと郵送の費用、担当職員の時間")
        .add("活動", "対象候補を抽出し、確認して通知を送る")
        .add("アウトプット", "通知を受け取った世帯", "通知を受け取った世帯数", "通知の送付記録")
        .add("短期アウトカム", "制度を知り、申請する世帯が増える", short, WATCHED[short][0])
        .add("中期アウトカム", "受けられる手当を受けていない世帯が減る", mid, WATCHED[mid][0])
        .add("インパクト", "ひとり親世帯が安心して子育てできる", impact, WATCHED[impact][0])
    )


def _as_plan(value: Any) -> Any:
    import pandas as pd

    from kit.design import MonitoringPlan
    from kit.errors import InputError

    if isinstance(value, MonitoringPlan):
        return value
    if isinstance(value, pd.DataFrame):
        try:
            return MonitoringPlan.from_frame(value)
        except InputError as error:
            raise Incorrect(f"`push_plan` の表を読めません：{error}") from None
    raise Incorrect(
        f"`push_plan` は kit.design.MonitoringPlan にしてください（いまは {c.kind_name(value)} です）。"
    )


def _check_q8(push_plan: Any) -> None:
    plan = _as_plan(push_plan)
    findings = plan.validate(push_model())
    if findings:
        raise Incorrect(f"計画にまだ足りない点が {len(findings)} つあります。1 つめ：{findings[0]}")
    rows = {i.indicator: i for i in plan.items}
    for indicator, (data, updated) in WATCHED.items():
        item = rows[indicator]
        if FREQUENCY_RANK[item.frequency] < FREQUENCY_RANK[updated]:
            raise Incorrect(
                f"指標「{indicator}」のデータ（{data}）は{UPDATE_WORDS[updated]}しか新しくならないので、"
                f"「{item.frequency}」では確かめられません。データが新しくなる頻度に合わせてください。"
            )
        if not re.search(r"[0-9０-９]", item.threshold):
            raise Incorrect(
                f"指標「{indicator}」の目安に数がありません。「前年より 5 件以上少ない」のように、"
                "数で決めておくと、見直すかどうかを迷わずに判断できます。"
            )


q8 = Question(
    "問8",
    ["push_plan"],
    _check_q8,
    hints=[
        "push_plan = kit.design.MonitoringPlan.from_logic_model(push_model) で指標とデータが入った計画を作り、残りの欄を埋めます。",
        "頻度は、データが新しくなる頻度より細かくはできません。市民意識調査は年に 1 回です。目安には数を入れます（例：「月 3 件を下回ったら案内文を見直す」）。",
        'push_plan.items[0].frequency = "毎月" のように 1 行ずつ書くか、to_frame() で表にして書き込み、MonitoringPlan.from_frame(表) で戻します。',
    ],
    praise="だれが・いつ・どのデータで・どうなったら見直すかを決めたモニタリング計画ができました。",
)
