"""Assembling the one-page proposal from the saved work of stages 1–3 and the stage-4 pieces.

>>> p = proposal("例", summary="受給漏れを減らす。", use_saved=False)
>>> p.section("summary").markdown
'受給漏れを減らす。'
"""

from __future__ import annotations

import base64
import datetime as dt
import io
from typing import Any

from kit.design.earlier import LABELS, as_markdown, earlier_work, is_placeholder
from kit.design.flow import ServiceFlow
from kit.design.logic_model import LogicModel
from kit.design.monitoring import MonitoringPlan
from kit.design.proposal import HEADINGS, NOT_MADE, TO_WRITE, Proposal, ProposalFigure, Section
from kit.errors import InputError


def proposal(
    title: str = "",
    *,
    summary: str = "",
    measure: str = "",
    team: str = "",
    flows: Any = None,
    logic_model: LogicModel | None = None,
    estimate: Any = None,
    monitoring: MonitoringPlan | Any = None,
    figures: dict[str, Any] | None = None,
    use_saved: bool = True,
    date: dt.date | None = None,
) -> Proposal:
    """Assemble the one-page proposal from the saved work of stages 1–3 and the stage-4 pieces.

    ``flows`` is a ServiceFlow or a pair (現状, あるべき姿); ``estimate`` is text, a table
    (e.g. :func:`kit.design.assumptions_table`) or a list of them; ``figures`` maps a caption
    to a matplotlib Figure or Axes. With ``use_saved=False`` the earlier stages are left as
    placeholders (nothing is read from the work folder).

    >>> p = proposal("例", use_saved=False)
    >>> p.section("problem").markdown
    '（ステージ1の問題文がまだ保存されていません）'
    """
    names = ("theme", "problem", "logic_tree", "hypotheses", "worksheet", "findings")
    earlier = earlier_work(names) if use_saved else earlier_work(names, load=lambda name: None)
    causes = [earlier["logic_tree"], earlier["hypotheses"]]
    if all(is_placeholder(c) for c in causes):
        causes = [causes[0]]
    flow_list = _flows(flows)
    measure_text = measure.strip() if measure and measure.strip() else TO_WRITE
    if logic_model is not None and not isinstance(logic_model, LogicModel):
        raise InputError("logic_model には kit.design.LogicModel を渡してください。")
    texts = {
        "summary": summary.strip() if summary and summary.strip() else TO_WRITE,
        "problem": earlier["problem"],
        "causes": "\n\n".join(causes),
        "findings": earlier["findings"],
        "measure": measure_text,
        "privacy": earlier["worksheet"],
        "logic_model": _model_note(logic_model),
        "estimate": _pieces(estimate),
        "monitoring": _monitoring(monitoring),
    }
    theme = earlier["theme"]
    return Proposal(
        title=title.strip() or "（提案の題名）",
        team=team.strip(),
        theme="" if is_placeholder(theme) else theme.splitlines()[0].lstrip("- "),
        date=_japanese_date(date or dt.date.today()),
        sections=[Section(k, HEADINGS[k], texts[k]) for k in HEADINGS],
        flows=[f.to_dict() for f in flow_list],
        logic_model=None if logic_model is None else logic_model.to_dict(),
        figures=[_figure(caption, fig) for caption, fig in (figures or {}).items()],
        missing=[LABELS.get(n, n) for n, text in earlier.items() if is_placeholder(text)],
    )


def _flows(flows: Any) -> list[ServiceFlow]:
    if flows is None:
        return []
    items = [flows] if isinstance(flows, ServiceFlow) else list(flows)
    if not all(isinstance(f, ServiceFlow) for f in items):
        raise InputError(
            "flows には kit.design.ServiceFlow か、その組（現状, あるべき姿）を渡してください。"
        )
    return items


def _model_note(model: LogicModel | None) -> str:
    if model is None:
        return NOT_MADE
    findings = model.validate()
    if not findings:
        return "各段階に指標とデータを設定しました。"
    return f"見直したい点が {len(findings)} つあります（例：{findings[0]}）"


def _pieces(value: Any) -> str:
    if value is None:
        return NOT_MADE
    parts = value if isinstance(value, list | tuple) else [value]
    texts = [as_markdown(p, max_lines=None) for p in parts]
    joined = "\n\n".join(t for t in texts if t)
    return joined or NOT_MADE


def _monitoring(plan: Any) -> str:
    if plan is None:
        return NOT_MADE
    if type(plan).__name__ == "DataFrame":
        plan = MonitoringPlan.from_frame(plan)
    if isinstance(plan, MonitoringPlan):
        return plan.to_markdown().split("\n", 2)[2] if plan.items else NOT_MADE
    return as_markdown(plan, max_lines=None) or NOT_MADE


def _figure(caption: str, fig: Any) -> ProposalFigure:
    figure = getattr(fig, "figure", fig)  # an Axes gives its Figure
    if not hasattr(figure, "savefig"):
        raise InputError(f"図「{caption}」が matplotlib の図（Figure か Axes）ではありません。")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
    return ProposalFigure(str(caption), base64.b64encode(buffer.getvalue()).decode("ascii"))


def _japanese_date(day: dt.date) -> str:
    try:
        from kit.wareki import to_wareki

        return to_wareki(day)
    except Exception:  # the date is a courtesy; never fail on it
        return f"{day.year}年{day.month}月{day.day}日"
