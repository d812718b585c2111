"""The stages of a logic model, their Japanese names, and the names trainees also use.

>>> list(STAGES.values())[:3]
['インプット', '活動', 'アウトプット']
>>> stage_key("短期成果")
'outcomes_short'
"""

from __future__ import annotations

from kit.errors import InputError

# The stages, left to right: attribute name → Japanese label.
STAGES = {
    "inputs": "インプット",
    "activities": "活動",
    "outputs": "アウトプット",
    "outcomes_short": "短期アウトカム",
    "outcomes_mid": "中期アウトカム",
    "impact": "インパクト",
}
EXPLANATIONS = {
    "inputs": "投入する資源（予算・人・データ）",
    "activities": "市が行うこと",
    "outputs": "活動の結果、市が直接生み出すもの",
    "outcomes_short": "住民に起きる直接の変化",
    "outcomes_mid": "続いて起きる変化",
    "impact": "目指す最終的な状態（目標）",
}
# Other names trainees use for the stages.
ALIASES = {
    "投入": "inputs",
    "インプット（投入）": "inputs",
    "アクティビティ": "activities",
    "活動（アクティビティ）": "activities",
    "結果": "outputs",
    "アウトプット（結果）": "outputs",
    "短期成果": "outcomes_short",
    "初期アウトカム": "outcomes_short",
    "中期成果": "outcomes_mid",
    "最終成果": "impact",
    "最終アウトカム": "impact",
    "長期アウトカム": "impact",
}
MEASURED_STAGES = ("outputs", "outcomes_short", "outcomes_mid", "impact")
OUTCOME_STAGES = ("outcomes_short", "outcomes_mid", "impact")


def stage_key(name: str) -> str:
    """The attribute name of a stage given its key, Japanese label or a common alias.

    >>> stage_key("短期アウトカム"), stage_key("投入"), stage_key("impact")
    ('outcomes_short', 'inputs', 'impact')
    """
    text = str(name).strip()
    if text in STAGES:
        return text
    for key, label in STAGES.items():
        if text == label:
            return key
    if text in ALIASES:
        return ALIASES[text]
    raise InputError(
        f"段階「{text}」はロジックモデルにありません。",
        action=f"次のどれかを使ってください: {'、'.join(STAGES.values())}。",
    )
