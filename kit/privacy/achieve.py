"""Reach a target k: coarsen the quasi-identifiers step by step, then delete the rows left over.

Coarsening (一般化) and deleting records (レコード削除) are measures used when making
行政機関等匿名加工情報 and when reducing what 仮名加工情報 reveals. The report says what was
lost, so that the analysis plan can judge whether the result is still useful.

>>> df = pd.DataFrame({"年齢": [31, 33, 34, 36, 38, 39], "性別": ["男性"] * 6})
>>> out, report = achieve_k(df, ["年齢", "性別"], k=3)
>>> out["年齢"].astype(str).tolist()
['30〜34歳', '30〜34歳', '30〜34歳', '35〜39歳', '35〜39歳', '35〜39歳']
>>> report.levels["年齢"], report.k
('5歳階級', 3)
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from kit.errors import InputError, PrivacyError
from kit.privacy._checks import require_columns, require_frame
from kit.privacy.generalise import Generaliser, age_steps, date_steps
from kit.privacy.kanonymity import KAnonymityReport, k_anonymity

ORIGINAL = "元の値"


@dataclass(frozen=True)
class AnonymisationReport:
    """What ``achieve_k`` did and what it cost.

    ``information_loss`` (0 = nothing lost, 1 = everything) combines the share of rows deleted
    (s) and how much the categories were merged (g, the mean over the quasi-identifiers of
    (distinct values before − after) / (distinct values before − 1)): s + (1 − s) × g.

    >>> df = pd.DataFrame({"年齢": [30, 31, 32, 60], "性別": ["男性"] * 4})
    >>> _, report = achieve_k(df, ["年齢", "性別"], k=3, max_suppression=0.25)
    >>> report.rows_suppressed, round(report.information_loss, 3)
    (1, 0.625)
    """

    target: int
    levels: dict[str, str]
    steps: list[tuple[str, str]]
    suppressed_index: pd.Index
    cells_generalised: int
    merging: dict[str, float]
    k_report: KAnonymityReport

    @property
    def k(self) -> int:
        """The k reached."""
        return self.k_report.k

    @property
    def rows_suppressed(self) -> int:
        """Number of rows deleted."""
        return len(self.suppressed_index)

    @property
    def suppression_rate(self) -> float:
        """Share of the original rows deleted."""
        total = self.k_report.n_rows + self.rows_suppressed
        return self.rows_suppressed / total if total else 0.0

    @property
    def generalisation_loss(self) -> float:
        """Mean over the quasi-identifiers of how much their categories were merged (0–1)."""
        return sum(self.merging.values()) / len(self.merging) if self.merging else 0.0

    @property
    def information_loss(self) -> float:
        """One figure for the loss: s + (1 − s) × g (see the class docstring)."""
        s = self.suppression_rate
        return s + (1 - s) * self.generalisation_loss

    def summary_lines(self) -> list[str]:
        """The Japanese summary, one sentence per line."""
        done = "、".join(f"{c}→{label}" for c, label in self.steps) or "なし"
        return [
            f"目標 k = {self.target} に対して k = {self.k} になりました。",
            f"一般化: {done}（一般化したセル {self.cells_generalised:,} 個）。",
            f"削除した行: {self.rows_suppressed:,} 行（全体の {self.suppression_rate:.1%}）。",
            f"情報の損失の目安: {self.information_loss:.2f}"
            f"（0 は損失なし、1 はすべて失われた状態。区分の統合 {self.generalisation_loss:.2f}）。",
            "※ k-匿名性は広く使われている目安であり、個人情報保護法が定める基準ではありません。",
        ]

    def __str__(self) -> str:
        return "\n".join(self.summary_lines())

    def _repr_html_(self) -> str:
        return "".join(f"<p>{html.escape(line)}</p>" for line in self.summary_lines())


def default_generalisers(df: pd.DataFrame, columns: Sequence[str]) -> dict[str, list[Generaliser]]:
    """Steps ``achieve_k`` uses when none are given: dates → month → year; 年齢 → 5/10/20-year bands.

    Only date columns and numeric columns whose name contains 「年齢」 are coarsened by default;
    other quasi-identifiers are only protected by deleting rows unless you give steps for them.

    >>> df = pd.DataFrame({"年齢": [30], "生年月日": pd.to_datetime(["1990-01-02"]), "性別": ["男性"]})
    >>> sorted(default_generalisers(df, ["年齢", "生年月日", "性別"]))
    ['年齢', '生年月日']
    """
    steps: dict[str, list[Generaliser]] = {}
    for column in columns:
        dtype = df[column].dtype
        if pd.api.types.is_datetime64_any_dtype(dtype) or isinstance(dtype, pd.PeriodDtype):
            steps[column] = date_steps()
        elif "年齢" in str(column) and pd.api.types.is_numeric_dtype(dtype):
            steps[column] = age_steps()
    return steps


def achieve_k(
    df: pd.DataFrame,
    quasi_identifiers: Sequence[str],
    k: int = 5,
    generalisers: Mapping[str, Sequence[Generaliser]] | None = None,
    max_suppression: float = 0.05,
) -> tuple[pd.DataFrame, AnonymisationReport]:
    """Coarsen step by step until few enough rows remain in small groups, then delete those rows.

    Each round advances the one column whose next step leaves the fewest rows at risk. It stops
    as soon as the rows in groups smaller than ``k`` are at most ``max_suppression`` of all rows,
    and deletes them. ``generalisers`` maps a column to its steps, finer to coarser, each a
    function of the original column (see ``age_steps``, ``date_steps``); by default
    ``default_generalisers``. Raises PrivacyError when even the coarsest steps would need more
    deletions than allowed.

    >>> df = pd.DataFrame({"年齢": [20, 21, 22, 80], "性別": ["女性"] * 4})
    >>> out, report = achieve_k(df, ["年齢", "性別"], k=3, max_suppression=0.25)
    >>> report.k, report.rows_suppressed
    (3, 1)
    """
    require_frame(df)
    qi = [quasi_identifiers] if isinstance(quasi_identifiers, str) else list(quasi_identifiers)
    require_columns(df, qi)
    steps = default_generalisers(df, qi) if generalisers is None else dict(generalisers)
    _check_arguments(qi, steps, k, max_suppression)
    allowed = max_suppression * len(df)
    levels = dict.fromkeys(qi, 0)
    cache: dict[tuple[str, int], pd.Series] = {}

    def version(column: str, level: int) -> pd.Series:
        if level == 0:
            return df[column]
        if (column, level) not in cache:
            cache[(column, level)] = steps[column][level - 1](df[column])
        return cache[(column, level)]

    def at_risk(trial: dict[str, int]) -> int:
        frame = pd.DataFrame({c: version(c, trial[c]) for c in qi}, index=df.index)
        return len(k_anonymity(frame, qi, target=k).rows_at_risk)

    applied: list[tuple[str, str]] = []
    risky = at_risk(levels)
    while risky > allowed:
        options = [c for c in qi if levels[c] < len(steps.get(c, ()))]
        if not options:
            break
        scored = [
            (at_risk({**levels, c: levels[c] + 1}), levels[c], i, c)
            for i, c in enumerate(qi)
            if c in options
        ]
        risky, _, _, column = min(scored)
        levels[column] += 1
        applied.append((column, _label(steps[column][levels[column] - 1])))
    if risky > allowed:
        raise PrivacyError(
            f"一般化をすべて行っても、k = {k} にするには {risky:,} 行（全体の {risky / len(df):.1%}）を"
            f"削除する必要があり、上限（max_suppression = {max_suppression:.0%}）を超えます。",
            action="準識別子を減らす、generalisers により粗い区分を加える、k を見直す、のいずれかを検討してください。",
        )
    result = df.copy()
    for column in qi:
        result[column] = version(column, levels[column])
    report = k_anonymity(result, qi, target=k)
    keep = report.group_size.to_numpy() >= k  # by position: index labels may repeat
    suppressed = result.index[~keep]
    result = result[keep]
    final = k_anonymity(result, qi, target=k) if len(result) else report
    level_labels = {c: _label(steps[c][levels[c] - 1]) if levels[c] else ORIGINAL for c in qi}
    merging = {c: _merging(df[c], result[c]) for c in qi}
    cells = sum(len(result) for c in qi if levels[c] > 0)
    return result, AnonymisationReport(k, level_labels, applied, suppressed, cells, merging, final)


def _label(step: Generaliser) -> str:
    return str(getattr(step, "label", getattr(step, "__name__", "一般化")))


def _merging(before: pd.Series, after: pd.Series) -> float:
    distinct_before = before.nunique(dropna=False)
    if distinct_before <= 1:
        return 0.0
    distinct_after = after.nunique(dropna=False)
    return max(0.0, (distinct_before - distinct_after) / (distinct_before - 1))


def _check_arguments(qi: list[str], steps: dict, k: int, max_suppression: float) -> None:
    unknown = [c for c in steps if c not in qi]
    if unknown:
        raise InputError(
            f"generalisers に準識別子ではない列「{unknown[0]}」があります。",
            column=unknown[0],
            action="generalisers のキーは quasi_identifiers の列名にしてください。",
        )
    if not (isinstance(k, int) and k >= 2):
        raise InputError(
            f"目標の k = {k!r} は使えません。", action="2 以上の整数を指定してください。"
        )
    if not 0 <= max_suppression <= 1:
        raise InputError(
            f"max_suppression = {max_suppression!r} は 0〜1 の割合で指定してください（例: 0.05 は 5%）。"
        )
