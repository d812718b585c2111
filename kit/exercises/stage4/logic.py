"""問2 (sorting statements into the stages of a logic model) and 問3 (fixing a draft model).

>>> from kit.exercises.stage4 import logic
>>> logic.q2.verdict({"stages": dict(logic.HEALTH_ITEMS)}).ok
True
>>> len(logic.HEALTH_STATEMENTS)
9
>>> logic.draft_merge_model().validate() != []
True
"""

from __future__ import annotations

from typing import Any

from kit.exercises import _checks as c
from kit.exercises._engine import Incorrect, Question
from kit.exercises.stage4.flows import normalise

# 問2: a 特定健診 受診勧奨 (reminders to take the health check), statement → stage.
HEALTH_ITEMS = {
    "未受診者の名簿と、勧奨はがきの郵送費": "inputs",
    "保健師の時間": "inputs",
    "未受診者に勧奨はがきを送る": "activities",
    "保健師が電話で受診を勧める": "activities",
    "勧奨はがきを受け取った人": "outputs",
    "電話で話ができた人": "outputs",
    "特定健診を受ける人が増える": "outcomes_short",
    "生活習慣病が早く見つかり、重症化する人が減る": "outcomes_mid",
    "市民が健康で長く暮らせる": "impact",
}
# The statements as the notebook lists them (①〜⑨), mixed up.
HEALTH_STATEMENTS = [list(HEALTH_ITEMS)[i] for i in (4, 2, 7, 1, 8, 6, 3, 0, 5)]
# Pairs of stages trainees mix up, and what to say (the first one found is shown).
CONFUSIONS = [
    (
        {"outputs", "outcomes_short"},
        "「アウトプット（市の活動が直接生み出すもの）」と「アウトカム（住民に起きる変化）」を"
        "取り違えている文があります。変わるのが住民の行動かどうかで見分けましょう。",
    ),
    (
        {"activities", "outputs"},
        "「活動（市がすること）」と「アウトプット（活動の結果として数えられるもの）」を"
        "取り違えている文があります。",
    ),
    (
        {"inputs", "activities"},
        "「インプット（使う資源：人・お金・データ）」と「活動（すること）」を取り違えている文があります。",
    ),
]
ORDER_SLIP = "アウトカムとインパクトの並びを確かめてください（すぐ起きる変化 → 続いて起きる変化 → 目指す状態）。"


def _check_q2(stages: Any) -> None:
    from kit.design.logic_stages import STAGES, stage_key
    from kit.errors import InputError

    if isinstance(stages, list | tuple):
        if len(stages) != len(HEALTH_STATEMENTS):
            raise Incorrect(
                f"リストの段階の数が {len(stages)} つです。①〜⑨ の {len(HEALTH_STATEMENTS)} つを順番に書いてください。"
            )
        stages = dict(zip(HEALTH_STATEMENTS, stages, strict=True))
    if not isinstance(stages, dict):
        raise Incorrect(
            f"`stages` は段階のリスト（①〜⑨ の順）にしてください（いまは {c.kind_name(stages)} です）。"
        )
    want = {normalise(k): v for k, v in HEALTH_ITEMS.items()}
    got = {}
    for key, value in stages.items():
        try:
            got[normalise(key)] = stage_key(str(value))
        except InputError:
            raise Incorrect(
                f"段階「{value}」はロジックモデルにありません。使える段階: {'、'.join(STAGES.values())}。"
            ) from None
    extra = [k for k in got if k not in want]
    if extra:
        raise Incorrect(f"一覧にない文「{extra[0]}」があります。文はそのまま写してください。")
    missing = [k for k in HEALTH_ITEMS if normalise(k) not in got]
    if missing:
        raise Incorrect(
            f"文「{missing[0]}」の段階がありません（全部で {len(HEALTH_ITEMS)} 文です）。"
        )
    wrong = [(got[k], want[k]) for k in want if got[k] != want[k]]
    if not wrong:
        return
    count = f"（段階が違う文は {len(wrong)} つです）"
    for pair, message in CONFUSIONS:
        if any({g, w} == pair for g, w in wrong):
            raise Incorrect(message + count)
    raise Incorrect(ORDER_SLIP + count)


q2 = Question(
    "問2",
    ["stages"],
    _check_q2,
    hints=[
        "主語に注目します。市が使うもの → インプット、市がすること → 活動、その結果として数えられるもの → アウトプット、住民に起きる変化 → アウトカム、目指す状態 → インパクト。",
        "アウトカムは「すぐ起きる変化（短期）」と「続いて起きる変化（中期）」に分けます。健診を受けるのが先、病気の重症化が減るのはその先です。",
        'stages = ["アウトプット", "活動", ...] のように、①から⑨の順に 9 つの段階名を書きます。',
    ],
    praise="9 つの文を正しい段階に分けられました。アウトプットとアウトカムの違いが見分けられています。",
)


def draft_merge_model() -> Any:
    """The draft logic model of the 集会所 merge that 問3 asks to fix (4 points to improve).

    >>> len(draft_merge_model().validate())
    4
    """
    from kit.design import LogicModel

    return (
        LogicModel("七瀬台四丁目集会所の統合")
        .add("インプット", "解体と移転の費用（約 1,200 万円）")
        .add("インプット", "施設担当課と地区の職員の時間")
        .add("活動", "利用団体と話し合い、近くの集会所への移転を支える")
        .add("アウトプット", "移転を終えた利用団体", "移転した団体の数", "")
        .add("短期アウトカム", "住民説明会を開催する", "説明会の開催回数", "事業の記録")
        .add("中期アウトカム", "移転先でも地域の活動が続いている", "", "")
        .add("インパクト", "公共施設の統合を推進する", "延床面積の削減率", "公共施設台帳")
    )


def _kept(model: Any, draft: Any, stage: str) -> bool:
    texts = {normalise(i.text) for i in model.items(stage)}
    return all(normalise(i.text) in texts for i in draft.items(stage))


def _check_q3(merge_model: Any) -> None:
    from kit.design import LogicModel

    if not isinstance(merge_model, LogicModel):
        raise Incorrect(
            "`merge_model` は kit.design.LogicModel にしてください"
            f"（いまは {c.kind_name(merge_model)} です）。ex.draft_merge_model() から始めます。"
        )
    draft = draft_merge_model()
    for stage in ("インプット", "活動"):
        if not _kept(merge_model, draft, stage):
            raise Incorrect(
                f"下書きの「{stage}」の項目が消えています。直すのは、validate() が指摘した項目だけです。"
            )
    findings = merge_model.validate()
    if findings:
        raise Incorrect(f"まだ見直す点が {len(findings)} つあります。1 つめ：{findings[0]}")


q3 = Question(
    "問3",
    ["merge_model"],
    _check_q3,
    hints=[
        "まず merge_model = ex.draft_merge_model() として、merge_model.validate() の指摘を 1 つずつ読みます。",
        "短期アウトカムは「住民に起きる変化」で書き、指標もその変化を数えるものにします。インパクトは「手段」ではなく「地域がどうなっているか」で書きます。",
        '項目は merge_model.outcomes_short[0] = kit.design.LogicItem("住民に起きる変化", "指標", "データ") のように置きかえます。データだけ足すなら merge_model.outputs[0].source = "…" です。',
    ],
    praise="下書きのロジックモデルを直し、すべての成果に指標とデータがそろいました。",
)
