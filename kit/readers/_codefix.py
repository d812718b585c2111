"""Repair 全国地方公共団体コード columns while reading (lost leading zeros, missing check digits).

>>> import numpy as np
>>> repair("全国地方公共団体コード", np.array([0, 1]), ["92011", "131016"], [[], []], np.array([2, 3]), "a.csv")
(['092011', '131016'], [['団体コードの修復（先頭の0の復元）'], []])
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit import codes as jis


class _FirstLine:
    """The file line where each distinct value first occurs, looked up only when needed (to
    name the cell of an error)."""

    def __init__(self, codes: np.ndarray, lines: np.ndarray, distinct: list[int]) -> None:
        self.codes, self.lines, self.distinct = codes, lines, distinct

    def __getitem__(self, position: int) -> int:
        return int(self.lines[int(np.argmax(self.codes == self.distinct[position]))])


def repair(
    name: str,
    codes: np.ndarray,
    texts: list[str],
    whys: list[tuple[str, ...]],
    lines: np.ndarray,
    path: object,
) -> tuple[list[str], list[list[str]]]:
    """Repaired distinct codes and their reasons; a wrong check digit raises ``CodeError``
    naming the first line where the value occurs."""
    filled = [i for i, text in enumerate(texts) if text]
    if not filled:
        return texts, whys
    values = pd.Series([texts[i] for i in filled], name=name)
    fixed, reasons = jis.plan_repairs(values, file=path, lines=_FirstLine(codes, lines, filled))
    out_texts, out_whys = list(texts), [list(why) for why in whys]
    for position, i in enumerate(filled):
        if isinstance(reasons.iloc[position], str):
            out_texts[i] = fixed.iloc[position]
            out_whys[i].append(f"団体コードの修復（{reasons.iloc[position]}）")
    return out_texts, out_whys
