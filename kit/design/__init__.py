"""Policy and service design (施策・サービス立案): the tools of the Data Academy's last stage.

- ``ServiceFlow`` / ``draw_flows``: business flows as swimlanes, 現状 and あるべき姿 compared.
- ``LogicModel``: inputs → activities → outputs → outcomes → impact, each with an indicator
  (KPI) and its data; ``validate()`` says what to improve; ``draw()`` and ``to_markdown()``.
- ``effect_estimate``, ``sensitivity``, ``estimate_range``, ``assumptions_table``,
  ``draw_sensitivity``, ``estimate_sliders``, ``cost_effectiveness``: effect estimates
  (効果の試算) with stated assumptions and their range; formulas may be Excel-like text.
- ``closure_impact``: a facility merge — who would travel further, and how much (metres).
- ``MonitoringPlan``: which indicator, from which data, how often, who looks, when to act.
- ``permitted_view``, ``notice_letters``, ``age_on``: the push-notice prototype (プッシュ型通知) within the
  personal-data worksheet's rules (consent respected), and drafts of the notices.
- ``proposal`` → ``Proposal``: the one-page proposal from stages 1–4, as Markdown and HTML.

>>> import kit
>>> model = kit.design.LogicModel("ひとり親世帯へのプッシュ型通知")
>>> model.add("短期アウトカム", "受給を始める世帯が増える", "新規受給世帯数", "児童扶養手当システム")
LogicModel('ひとり親世帯へのプッシュ型通知', 1 項目)
"""

from __future__ import annotations

from kit.design.assemble import proposal
from kit.design.estimate import (
    assumptions_table,
    cost_effectiveness,
    effect_estimate,
    estimate_range,
    sensitivity,
)
from kit.design.estimate_draw import draw_sensitivity
from kit.design.facilities import closure_impact
from kit.design.flow import FlowStep, ServiceFlow
from kit.design.flow_draw import draw_flows
from kit.design.logic_model import STAGES, LogicItem, LogicModel
from kit.design.monitoring import FREQUENCIES, MonitoringItem, MonitoringPlan
from kit.design.notices import age_on, consent_flags, notice_letters, permitted_view
from kit.design.proposal import Proposal
from kit.design.sliders import estimate_sliders

__all__ = [
    "age_on",
    "FREQUENCIES",
    "STAGES",
    "FlowStep",
    "LogicItem",
    "LogicModel",
    "MonitoringItem",
    "MonitoringPlan",
    "Proposal",
    "ServiceFlow",
    "assumptions_table",
    "closure_impact",
    "consent_flags",
    "cost_effectiveness",
    "draw_flows",
    "draw_sensitivity",
    "effect_estimate",
    "estimate_range",
    "estimate_sliders",
    "notice_letters",
    "permitted_view",
    "proposal",
    "sensitivity",
]
