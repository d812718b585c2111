"""The proposal as one printable HTML page (A4 landscape): inline CSS, inline PNG, no external files.

Text sections are Markdown converted with mistune (raw HTML in them is escaped); the business
flows and the logic model become compact HTML tables, which stay sharp when printed.

>>> from kit.design.assemble import proposal
>>> page = render(proposal("例", use_saved=False))
>>> page.startswith("<!DOCTYPE html>"), "http" in page
(True, False)
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from kit.design.earlier import is_placeholder

if TYPE_CHECKING:
    from kit.design.proposal import Proposal

ACCENT = "#0072B2"
ISSUE = "#D55E00"
# Where each section goes on the page (CSS grid areas): the story on the left, the measure
# with its flows and the privacy rules across the top right, estimate and monitoring below
# them, the logic model across the bottom. Figures follow the estimate.
AREAS = {
    "story": ("summary", "problem", "causes", "findings"),
    "measure": ("measure", "privacy"),
    "estimate": ("estimate",),
    "monitoring": ("monitoring",),
    "model": ("logic_model",),
}

PAGE_CSS = "@page { size: A4 landscape; margin: 8mm; }\nbody { margin: 0; }\n"
# Every rule below is scoped to .kit-proposal, so showing it in a notebook changes nothing else.
CSS = f"""
.kit-proposal {{ font-family: "IPAexGothic", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif;
  font-size: 8pt; line-height: 1.35; color: #222; max-width: 281mm; margin: 0 auto; }}
.kit-proposal h1 {{ font-size: 15pt; margin: 0; padding-bottom: 1mm;
  border-bottom: 2px solid {ACCENT}; }}
.kit-proposal .byline {{ margin: 1mm 0 2mm; color: #555; }}
.kit-proposal h2 {{ font-size: 9.5pt; margin: 2mm 0 1mm; color: {ACCENT}; }}
.kit-proposal p, .kit-proposal ul, .kit-proposal ol {{ margin: 0 0 1mm; }}
.kit-proposal ul, .kit-proposal ol {{ padding-left: 4mm; }}
.kit-proposal .grid {{ display: grid; grid-template-columns: 1fr 1fr 1fr; column-gap: 4mm;
  grid-template-areas: "story measure measure" "story estimate monitoring" "model model model"; }}
.kit-proposal .flows {{ display: flex; gap: 2mm; }}
.kit-proposal .flows table {{ flex: 1 1 0; }}
.kit-proposal table {{ border-collapse: collapse; width: 100%; font-size: 7pt; margin-bottom: 1mm; }}
.kit-proposal th, .kit-proposal td {{ border: 1px solid #bbb; padding: 0.4mm 1mm;
  vertical-align: top; text-align: left; }}
.kit-proposal th {{ background: #eef3f8; }}
.kit-proposal .lane {{ white-space: nowrap; }}
.kit-proposal .step {{ margin-bottom: 0.5mm; }}
.kit-proposal .issue {{ color: {ISSUE}; font-size: 6.5pt; }}
.kit-proposal .kpi {{ color: #444; font-size: 6.5pt; }}
.kit-proposal .missing {{ color: {ISSUE}; }}
.kit-proposal .placeholder {{ color: #888; }}
.kit-proposal figure {{ margin: 1mm 0; }}
.kit-proposal figure img {{ max-width: 100%; max-height: 55mm; }}
.kit-proposal figcaption {{ font-size: 7pt; color: #555; }}
.kit-proposal footer {{ margin-top: 2mm; color: #777; font-size: 7pt; }}
.kit-proposal section {{ break-inside: avoid; }}
"""


def render(proposal: Proposal) -> str:
    """A complete HTML document of the proposal.

    >>> from kit.design.assemble import proposal
    >>> "<h1>例</h1>" in render(proposal("例", use_saved=False))
    True
    """
    return (
        '<!DOCTYPE html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(proposal.title)}</title>\n<style>{PAGE_CSS}{CSS}</style>\n</head>\n"
        f"<body>\n{render_body(proposal, with_style=False)}\n</body>\n</html>\n"
    )


def render_body(proposal: Proposal, with_style: bool = True) -> str:
    """The proposal's HTML without the document around it (for display in a notebook)."""
    numbers = {part.key: i for i, part in enumerate(proposal.sections, start=1)}
    areas = []
    for area, keys in AREAS.items():
        parts = [_section(proposal, numbers, key) for key in keys if key in numbers]
        if area == "estimate":
            parts += [_figure(f.caption, f.png_base64) for f in proposal.figures]
        areas.append(f'<div style="grid-area: {area}">{"".join(parts)}</div>')
    footer = ""
    if proposal.missing:
        footer = (
            "<footer>まだ保存されていない前のステージの成果があります（"
            f"{html.escape('、'.join(proposal.missing))}）。各ステージのノートブックで保存のセルを実行すると、"
            "ここに入ります。</footer>"
        )
    style = f"<style>{CSS}</style>" if with_style else ""
    byline = f'<p class="byline">{html.escape(proposal.byline())}</p>' if proposal.byline() else ""
    return (
        f'{style}<div class="kit-proposal"><header><h1>{html.escape(proposal.title)}</h1>{byline}'
        f'</header><div class="grid">{"".join(areas)}</div>{footer}</div>'
    )


def markdown_to_html(text: str) -> str:
    """Markdown (with tables) to HTML; raw HTML in the text is shown as text, never run.

    >>> markdown_to_html("- <b>a</b>")
    '<ul>\\n<li>&lt;b&gt;a&lt;/b&gt;</li>\\n</ul>\\n'
    """
    import mistune

    convert = mistune.create_markdown(escape=True, plugins=["table", "strikethrough"])
    return str(convert(text))


def _section(proposal: Proposal, numbers: dict[str, int], key: str) -> str:
    part = proposal.section(key)
    body = markdown_to_html(part.markdown)
    if (
        is_placeholder(part.markdown)
        or part.markdown.startswith("（")
        and part.markdown.endswith("）")
    ):
        body = f'<div class="placeholder">{body}</div>'
    if key == "measure":
        body += f'<div class="flows">{"".join(_flow_table(f) for f in proposal.flows)}</div>'
    if key == "logic_model" and proposal.logic_model is not None:
        body = _logic_model_table(proposal.logic_model) + body
    heading = f"{numbers[key]}. {part.heading}"
    return f"<section><h2>{html.escape(heading)}</h2>{body}</section>"


def _flow_table(flow: dict[str, Any]) -> str:
    """A business flow as a small swimlane table: lanes as rows, order as columns."""
    steps = flow.get("steps", [])
    orders = sorted({s["order"] for s in steps})
    lanes = list(flow.get("lanes", []))
    lanes += [s["lane"] for s in steps if s["lane"] not in lanes]
    used = [lane for lane in lanes if any(s["lane"] == lane for s in steps)]
    rows = []
    for lane in used:
        cells = []
        for order in orders:
            here = [s for s in steps if s["lane"] == lane and s["order"] == order]
            cells.append("<td>" + "".join(_step(s) for s in here) + "</td>")
        rows.append(f'<tr><th class="lane">{html.escape(lane)}</th>{"".join(cells)}</tr>')
    first = used[0] if used else ""
    count = sum(1 for s in steps if s["lane"] == first)
    caption = (
        f"{flow.get('title', '')}（{first}の手順 {count}）" if first else flow.get("title", "")
    )
    return f"<table><caption>{html.escape(caption)}</caption>{''.join(rows)}</table>"


def _step(step: dict[str, Any]) -> str:
    issue = step.get("issue", "")
    extra = f'<br><span class="issue">課題：{html.escape(issue)}</span>' if issue else ""
    return f'<div class="step">{html.escape(step["text"])}{extra}</div>'


def _logic_model_table(model: dict[str, Any]) -> str:
    from kit.design.logic_model import MEASURED_STAGES, STAGES

    head = "".join(f"<th>{html.escape(label)}</th>" for label in STAGES.values())
    cells = []
    for key in STAGES:
        items = []
        for item in model.get(key, []):
            kpi = _kpi(item, key in MEASURED_STAGES)
            items.append(f'<div class="step"><b>{html.escape(item["text"])}</b>{kpi}</div>')
        cells.append(f"<td>{''.join(items)}</td>")
    return f"<table><tr>{head}</tr><tr>{''.join(cells)}</tr></table>"


def _kpi(item: dict[str, Any], measured: bool) -> str:
    indicator, source = item.get("indicator", "").strip(), item.get("source", "").strip()
    if not indicator and not measured:
        return ""
    parts = []
    for name, value in (("指標", indicator), ("データ", source)):
        if value:
            parts.append(f"{name}：{html.escape(value)}")
        else:
            parts.append(f'<span class="missing">{name}：（未設定）</span>')
    return f'<br><span class="kpi">{"／".join(parts)}</span>'


def _figure(caption: str, png_base64: str) -> str:
    return (
        f'<figure><img alt="{html.escape(caption)}" src="data:image/png;base64,{png_base64}">'
        f"<figcaption>{html.escape(caption)}</figcaption></figure>"
    )
