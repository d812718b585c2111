"""k-anonymity report: how small is the smallest group of rows sharing the quasi-identifiers?

Quasi-identifiers (準識別子) are columns that are harmless alone but identify people together
(年齢階級 × 性別 × 町丁目). If a group has k rows, each person in it hides among k. Checking k
before sharing 仮名加工情報 or making 行政機関等匿名加工情報 is common practice; k-anonymity is
a rule of thumb, not a threshold set by the 個人情報保護法.

>>> df = pd.DataFrame({"性別": ["男性", "男性", "女性"], "町丁目": ["北町", "北町", "北町"]})
>>> report = k_anonymity(df, ["性別", "町丁目"], target=2)
>>> report.k, list(report.rows_at_risk)
(1, [2])
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kit.errors import InputError
from kit.privacy._checks import require_columns, require_frame

COUNT = "件数"
GROUP_SIZE = "グループの大きさ"
DEFAULT_TARGET = 5
_NOT_LAW = "※ k-匿名性は広く使われている目安であり、個人情報保護法が定める基準ではありません。"


@dataclass(frozen=True)
class KAnonymityReport:
    """The result of ``k_anonymity``: k, every group with its size, and each row's group size.

    >>> df = pd.DataFrame({"年齢階級": ["0〜4歳"] * 3 + ["5〜9歳"]})
    >>> r = k_anonymity(df, ["年齢階級"], target=2)
    >>> r.small_groups[COUNT].tolist()
    [1]
    """

    quasi_identifiers: list[str]
    target: int
    groups: pd.DataFrame
    group_size: pd.Series

    @property
    def k(self) -> int:
        """Size of the smallest group (the table is k-anonymous for this k)."""
        return int(self.groups[COUNT].min())

    @property
    def n_rows(self) -> int:
        """Number of rows checked."""
        return len(self.group_size)

    @property
    def small_groups(self) -> pd.DataFrame:
        """Groups smaller than the target k, smallest first."""
        return self.groups_below(self.target)

    @property
    def rows_at_risk(self) -> pd.Index:
        """Index labels of the rows in groups smaller than the target k."""
        return self.rows_below(self.target)

    def groups_below(self, k: int) -> pd.DataFrame:
        """Groups with fewer than ``k`` rows, smallest first."""
        return self.groups[self.groups[COUNT] < k]

    def rows_below(self, k: int) -> pd.Index:
        """Index labels of the rows in groups with fewer than ``k`` rows."""
        return self.group_size.index[self.group_size.to_numpy() < k]

    def summary_lines(self) -> list[str]:
        """The Japanese summary, one sentence per line."""
        small = self.small_groups
        at_risk = int(small[COUNT].sum())
        share = at_risk / self.n_rows if self.n_rows else 0.0
        qi = "・".join(map(str, self.quasi_identifiers))
        lines = [
            f"k-匿名性の確認（準識別子: {qi}）",
            f"全 {self.n_rows:,} 行をまとめると {len(self.groups):,} グループになり、"
            f"いちばん小さいグループは {self.k:,} 行です（k = {self.k}）。",
        ]
        if len(small):
            lines.append(
                f"目標の k = {self.target} に届かないグループが {len(small):,} 個あり、"
                f"{at_risk:,} 行（全体の {share:.1%}）が該当します。"
            )
        else:
            lines.append(f"すべてのグループが目標の k = {self.target} 以上です。")
        lines.append(_NOT_LAW)
        return lines

    def __str__(self) -> str:
        return "\n".join(self.summary_lines())

    def _repr_html_(self) -> str:
        paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in self.summary_lines())
        small = self.small_groups
        if len(small) == 0:
            return paragraphs
        caption = "<p>小さいグループ（最大 10 個を表示）:</p>"
        return paragraphs + caption + small.head(10).to_html(index=False)


def k_anonymity(
    df: pd.DataFrame, quasi_identifiers: Sequence[str] | str, target: int = DEFAULT_TARGET
) -> KAnonymityReport:
    """Group rows by the quasi-identifiers and report k, the small groups and the rows at risk.

    Missing values form a group of their own. ``target`` is the k you aim for (default 5);
    it only decides what counts as "small" in the report.

    >>> df = pd.DataFrame({"年齢階級": ["0〜4歳", "0〜4歳", "5〜9歳"], "性別": ["男性"] * 3})
    >>> k_anonymity(df, ["年齢階級", "性別"]).k
    1
    """
    require_frame(df)
    qi = [quasi_identifiers] if isinstance(quasi_identifiers, str) else list(quasi_identifiers)
    if not qi:
        raise InputError(
            "準識別子の列が指定されていません。",
            action='例: ["年齢階級", "性別", "町丁目"] のように列名のリストを渡してください。',
        )
    require_columns(df, qi)
    if not (isinstance(target, int) and target >= 1):
        raise InputError(f"目標の k（target={target!r}）は 1 以上の整数にしてください。")
    if len(df) == 0:
        raise InputError("表に行がありません。", action="絞り込みの条件を確認してください。")
    codes = group_codes(df, qi)
    sizes = np.bincount(codes)
    previous_max = np.maximum.accumulate(np.concatenate(([-1], codes[:-1])))
    first = np.flatnonzero(codes > previous_max)  # groups are numbered by first appearance
    groups = df.iloc[first][qi].reset_index(drop=True)
    groups[COUNT] = sizes
    groups = groups.sort_values(COUNT, kind="stable").reset_index(drop=True)
    group_size = pd.Series(sizes[codes], index=df.index, name=GROUP_SIZE)
    return KAnonymityReport(qi, target, groups, group_size)


def group_codes(df: pd.DataFrame, columns: list[str]) -> np.ndarray:
    """One integer per row naming its group over ``columns``, numbered by first appearance.

    Missing values form a group of their own. Faster than ``groupby(...).ngroup()`` on large
    tables: categorical codes are used as they are and other columns are factorised once.

    >>> group_codes(pd.DataFrame({"a": ["x", "y", "x", None], "b": [1, 1, 1, 2]}), ["a", "b"]).tolist()
    [0, 1, 0, 2]
    """
    combined = np.zeros(len(df), dtype=np.int64)
    size = 1
    for column in columns:
        values = df[column]
        if isinstance(values.dtype, pd.CategoricalDtype):
            codes = values.cat.codes.to_numpy().astype(np.int64) + 1
            count = len(values.cat.categories) + 1
        else:
            codes, uniques = pd.factorize(values, use_na_sentinel=False)
            count = max(len(uniques), 1)
        if size * count >= 2**62:
            combined, _ = pd.factorize(combined)
            size = int(combined.max()) + 1
        combined = combined * count + codes
        size *= count
    dense, _ = pd.factorize(combined)
    return dense.astype(np.int64)
