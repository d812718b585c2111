"""The reader's change log: every value it changed or set aside, built into a table on demand.

Cell changes are recorded per column as "distinct value → new value, reason" plus the position
of every cell, so recording is cheap even for 100,000-row files; the table is built only when
somebody looks at it.

>>> log = ChangeLog()
>>> log.add(7, "人口", "1,234", "1234", "桁区切りの除去")
>>> log.frame()[["行", "列", "理由"]].to_dict("records")
[{'行': 7, '列': '人口', '理由': '桁区切りの除去'}]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd

COLUMNS = ["行", "列", "元の値", "新しい値", "理由"]


@dataclass
class _CellBatch:
    """Changes of one column: ``codes[i]`` is the distinct value of cell ``i`` (-1 = empty)."""

    column: str
    lines: np.ndarray
    codes: np.ndarray
    originals: np.ndarray  # per distinct value
    news: np.ndarray  # per distinct value: new text or None (missing)
    reasons: np.ndarray  # per distinct value: reason or None (unchanged)

    def mask(self) -> np.ndarray:
        changed = np.array([r is not None for r in self.reasons] + [False], dtype=bool)
        return changed[self.codes]

    def frame(self) -> pd.DataFrame:
        """The changed cells, texts made once per distinct value (then repeated per cell)."""
        mask = self.mask()
        picked = self.codes[mask]
        as_text = np.array([None if v is None else _text(v) for v in self.news], dtype=object)
        return pd.DataFrame(
            {
                "行": self.lines[mask],
                "列": self.column,
                "元の値": self.originals[picked],
                "新しい値": as_text[picked],
                "理由": self.reasons[picked],
            }
        )

    def counts(self) -> Counter[str]:
        mask = self.mask()
        per_code = np.bincount(self.codes[mask], minlength=len(self.reasons))
        counts: Counter[str] = Counter()
        for reason, n in zip(self.reasons, per_code, strict=False):
            if reason is not None and n:
                counts[reason] += int(n)
        return counts


class ChangeLog:
    """Collects changes; :meth:`frame` gives them as a DataFrame sorted by line."""

    def __init__(self) -> None:
        self._rows: list[tuple[int | None, str | None, object, object, str]] = []
        self._batches: list[_CellBatch] = []
        self._blocks: list[pd.DataFrame] = []
        self._frame: pd.DataFrame | None = None

    def add(
        self, line: int | None, column: str | None, original: object, new: object, reason: str
    ) -> None:
        """Record one change (a row moved, a column renamed or dropped…)."""
        self._rows.append((line, column, original, new, reason))
        self._frame = None

    def add_many(
        self, lines: np.ndarray, column: str | None, originals: object, news: object, reason: str
    ) -> None:
        """Record one change per line (rows set aside…); originals / news: one value or one per line."""
        if not len(lines):
            return
        count = len(lines)
        block = pd.DataFrame(
            {
                "行": np.asarray(lines),
                "列": [column] * count,
                "元の値": list(originals)
                if isinstance(originals, list | np.ndarray)
                else [originals] * count,
                "新しい値": list(news) if isinstance(news, list | np.ndarray) else [news] * count,
                "理由": [reason] * count,
            }
        )
        self._blocks.append(block)
        self._frame = None

    def add_cells(
        self,
        column: str,
        lines: np.ndarray,
        codes: np.ndarray,
        originals: list[object],
        news: list[object],
        reasons: list[str | None],
    ) -> None:
        """Record the changes of one column given per distinct value (see :class:`_CellBatch`)."""
        if not any(r is not None for r in reasons):
            return
        self._batches.append(
            _CellBatch(
                column,
                lines,
                codes,
                np.array(originals + [None], dtype=object),
                np.array(news + [None], dtype=object),
                np.array(reasons + [None], dtype=object),
            )
        )
        self._frame = None

    def counts(self) -> Counter[str]:
        """Number of changes per reason."""
        counts = Counter(row[4] for row in self._rows)
        for block in self._blocks:
            counts.update(block["理由"].value_counts().to_dict())
        for batch in self._batches:
            counts.update(batch.counts())
        return counts

    def frame(self) -> pd.DataFrame:
        """All changes: 行 (line in the file), 列, 元の値, 新しい値 (missing = set to missing), 理由."""
        if self._frame is None:
            small = [*self._blocks]  # rows set aside, headers…: few, converted value by value
            if self._rows:
                small.insert(0, pd.DataFrame(self._rows, columns=COLUMNS, dtype=object))
            small = [_as_text(part) for part in small]
            parts = [*small, *(batch.frame() for batch in self._batches)]
            if parts:
                frame = pd.concat(parts, ignore_index=True)
            else:
                frame = pd.DataFrame({name: [] for name in COLUMNS}, dtype=object)
            frame["行"] = frame["行"].astype("Int64")
            for name in COLUMNS[1:]:
                frame[name] = frame[name].astype("str")
            self._frame = frame.sort_values("行", kind="stable", na_position="first").reset_index(
                drop=True
            )
        return self._frame.copy()


def _as_text(part: pd.DataFrame) -> pd.DataFrame:
    return part.assign(**{name: part[name].map(_text, na_action="ignore") for name in COLUMNS[1:]})


def _text(value: object) -> object:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
