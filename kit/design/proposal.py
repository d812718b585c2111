"""The one-page proposal (提案書): stages 1–4 assembled for the final session.

:func:`proposal` gathers the trainee's saved work of stages 1–3 (with clear placeholders
when something is missing) and the stage-4 pieces given to it (summary, measure, flows,
logic model, estimate, monitoring plan, figures) into a :class:`Proposal`, which exports to
Markdown and to one self-contained, printable HTML page.

>>> from kit.design import proposal
>>> p = proposal("ひとり親世帯へのプッシュ型通知", summary="受給漏れを減らす。", use_saved=False)
>>> p.to_markdown().splitlines()[0]
'# ひとり親世帯へのプッシュ型通知'
>>> "<style>" in p.to_html()
True
"""

from __future__ import annotations

import base64
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kit.design.flow import ServiceFlow
from kit.design.logic_model import LogicModel
from kit.errors import ArtifactError, InputError

HEADINGS = {
    "summary": "提案の要旨",
    "problem": "目標と問題",
    "causes": "原因と仮説",
    "findings": "データで分かったこと",
    "measure": "施策の内容（現状とあるべき姿）",
    "privacy": "個人情報の取扱い",
    "logic_model": "ロジックモデル",
    "estimate": "効果と費用の試算",
    "monitoring": "モニタリング計画",
}
TO_WRITE = "（ここに書いてください）"
NOT_MADE = "（まだ作成されていません）"


@dataclass
class Section:
    """One numbered part of the proposal: a key, its Japanese heading and Markdown text."""

    key: str
    heading: str
    markdown: str


@dataclass
class ProposalFigure:
    """A figure kept as PNG (base64) so the proposal stays one self-contained file."""

    caption: str
    png_base64: str


@dataclass
class Proposal:
    """A one-page proposal; build it with :func:`proposal`.

    >>> Proposal("例").to_markdown().splitlines()[0]
    '# 例'
    """

    title: str
    team: str = ""
    theme: str = ""
    date: str = ""
    sections: list[Section] = field(default_factory=list)
    flows: list[dict[str, Any]] = field(default_factory=list)
    logic_model: dict[str, Any] | None = None
    figures: list[ProposalFigure] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"Proposal({self.title!r}, {len(self.sections)} 項目, 図 {len(self.figures)})"

    def section(self, key: str) -> Section:
        """The section with a key (summary, problem, causes, findings, measure, privacy, …)."""
        for part in self.sections:
            if part.key == key:
                return part
        raise InputError(f"提案書に「{key}」の項目はありません。")

    def byline(self) -> str:
        """Team, theme and date on one line."""
        parts = [self.team, f"テーマ：{self.theme}" if self.theme else "", self.date]
        return "／".join(p for p in parts if p)

    def to_markdown(self, figure_files: list[str] | None = None) -> str:
        """The proposal as Markdown; figures are referenced by file name when given.

        >>> from kit.design import proposal
        >>> "## 1. 提案の要旨" in proposal("例", use_saved=False).to_markdown()
        True
        """
        out = [f"# {self.title}"]
        if self.byline():
            out.append(self.byline())
        for number, part in enumerate(self.sections, start=1):
            out.append(f"## {number}. {part.heading}\n\n{part.markdown}")
            if part.key == "measure":
                out += [ServiceFlow.from_dict(f).to_markdown() for f in self.flows]
            if part.key == "logic_model" and self.logic_model is not None:
                model = LogicModel.from_dict(self.logic_model)
                out.append(model.to_markdown(title=False, findings=False))
        if self.figures:
            out.append("## 図")
            for i, fig in enumerate(self.figures):
                target = figure_files[i] if figure_files and i < len(figure_files) else None
                out.append(f"![{fig.caption}]({target})" if target else f"（図：{fig.caption}）")
        if self.missing:
            out.append(
                "---\n\n*まだ保存されていない前のステージの成果: "
                + "、".join(self.missing)
                + "（各ステージのノートブックで保存のセルを実行すると、ここに入ります）*"
            )
        return "\n\n".join(out) + "\n"

    def to_html(self) -> str:
        """One self-contained page (inline CSS, figures as inline PNG, no external files)."""
        from kit.design.proposal_html import render

        return render(self)

    def save(self, folder: str | Path | None = None, name: str = "proposal") -> dict[str, Path]:
        """Write ``<name>.md``, ``<name>.html`` and the figures' PNG files; returns their paths.

        Without ``folder``, they go to the trainee's work folder (see :mod:`kit.artifacts`),
        where the proposal is also saved as an artefact. While nbgrader grades or validates the
        notebook (``NBGRADER_EXECUTION`` is set), nothing is written there and ``{}`` is returned.
        """
        from kit import artifacts

        if folder is None and os.environ.get("NBGRADER_EXECUTION"):
            print("採点のための実行中なので、作業フォルダには保存しませんでした。")
            return {}
        target = Path(folder) if folder is not None else artifacts.folder()
        pngs = [f"{name}_fig{i + 1}.png" for i in range(len(self.figures))]
        markdown = self.to_markdown(pngs)
        try:
            target.mkdir(parents=True, exist_ok=True)
            for file, fig in zip(pngs, self.figures, strict=True):
                (target / file).write_bytes(base64.b64decode(fig.png_base64))
            (target / f"{name}.html").write_text(self.to_html(), encoding="utf-8")
            (target / f"{name}.md").write_text(markdown, encoding="utf-8")
        except OSError as exc:
            raise ArtifactError(
                f"提案書をフォルダ「{target}」に保存できませんでした（{exc.strerror}）。",
                action="フォルダの場所と書き込みの権限を確認してください。",
            ) from exc
        if folder is None:
            artifacts.save(name, self, markdown=markdown)
        paths = {"markdown": target / f"{name}.md", "html": target / f"{name}.html"}
        paths.update({f"figure{i + 1}": target / file for i, file in enumerate(pngs)})
        return paths

    def _repr_html_(self) -> str:
        from kit.design.proposal_html import render_body

        return render_body(self)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON (saved artefacts)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Proposal:
        """Inverse of :meth:`to_dict`.

        >>> from kit.design import proposal
        >>> p = proposal("例", use_saved=False)
        >>> Proposal.from_dict(p.to_dict()) == p
        True
        """
        values = dict(data)
        values["sections"] = [Section(**s) for s in values.get("sections", [])]
        values["figures"] = [ProposalFigure(**f) for f in values.get("figures", [])]
        return cls(**values)
