"""Findings of the worksheet checks: a level, where, a Japanese message, and the item concerned.

>>> print(Findings([Finding(MUST_FIX, "利用目的", "利用目的が書かれていません。")]))
要修正 1 件、要確認 0 件
- 【要修正】利用目的: 利用目的が書かれていません。
"""

from __future__ import annotations

import html
from dataclasses import dataclass

MUST_FIX = "要修正"
TO_CONFIRM = "要確認"


@dataclass(frozen=True)
class Finding:
    """One thing to fix or confirm; ``item`` names the data item concerned (None: the whole sheet).

    >>> str(Finding(MUST_FIX, "利用目的", "利用目的が書かれていません。"))
    '【要修正】利用目的: 利用目的が書かれていません。'
    """

    level: str
    where: str
    message: str
    item: str | None = None

    def __str__(self) -> str:
        return f"【{self.level}】{self.where}: {self.message}"


class Findings(list):
    """The findings of :func:`check`, a plain list that also prints nicely in a notebook.

    >>> Findings().ok
    True
    """

    @property
    def ok(self) -> bool:
        """True when nothing must be fixed (「要確認」 findings may remain)."""
        return not self.must_fix

    @property
    def must_fix(self) -> list[Finding]:
        return [f for f in self if f.level == MUST_FIX]

    def __str__(self) -> str:
        if not self:
            return "✓ 見つかった問題はありません。"
        head = f"要修正 {len(self.must_fix)} 件、要確認 {len(self) - len(self.must_fix)} 件"
        return "\n".join([head, *(f"- {f}" for f in self)])

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        if not self:
            return '<p style="color:#1b7837">✓ 見つかった問題はありません。</p>'
        colours = {MUST_FIX: "#b2182b", TO_CONFIRM: "#8c6d00"}
        rows = "".join(
            f'<li><b style="color:{colours.get(f.level, "#333")}">【{html.escape(f.level)}】</b>'
            f"{html.escape(f.where)}: {html.escape(f.message)}</li>"
            for f in self
        )
        head = html.escape(str(self).splitlines()[0])
        return f"<p><b>{head}</b></p><ul>{rows}</ul>"
