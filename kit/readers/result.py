"""What ``kit.readers.read`` returns: the table, its totals, notes, and the log of changes.

>>> result = kit.readers.read("人口.csv")       # doctest: +SKIP
>>> result.table.head()                          # doctest: +SKIP
>>> result.totals                                # doctest: +SKIP
>>> result.explain()                             # doctest: +SKIP

``table`` holds the data rows, ``totals`` the 合計・小計 rows kept apart, and ``explain()``
prints what the reader did, in Japanese.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from kit.readers._changes import ChangeLog


@dataclass(repr=False)
class ReadResult:
    """A file read into a table, with everything the reader set aside or changed.

    * ``table``: the data rows (plain DataFrame, ``RangeIndex``).
    * ``lines``: for each row of ``table``, its line in the file (sheet row for Excel).
    * ``totals``: 合計・小計・県計 rows (index = line in the file; column ``集計区分`` first).
    * ``notes``: text found above / below / inside the table (titles, 注, section headings).
    * ``as_of``: the reference date found in the notes (e.g. 令和5年4月1日現在), if any.
    * ``metadata``: key → value found around the table (e-Stat header lines, 統計GIS codes).
    * ``changes``: every value changed or set to missing, every row set aside (DataFrame).
    """

    table: pd.DataFrame
    path: Path
    encoding: str
    sheet: str | None = None
    lines: np.ndarray = field(default_factory=lambda: np.array([], dtype=int))
    totals: pd.DataFrame = field(default_factory=pd.DataFrame)
    notes: list[str] = field(default_factory=list)
    as_of: dt.date | None = None
    header_lines: list[int] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    log: ChangeLog = field(default_factory=ChangeLog, repr=False)

    def __repr__(self) -> str:
        rows, cols = self.table.shape
        changed = sum(self.log.counts().values())
        return (
            f"<ReadResult「{self.path.name}」: {rows} 行 × {cols} 列, 合計などの行 {len(self.totals)}, "
            f"変更の記録 {changed} 件 — .explain() で説明を表示>"
        )

    @property
    def changes(self) -> pd.DataFrame:
        """The change log: 行, 列, 元の値, 新しい値 (missing = read as missing), 理由."""
        return self.log.frame()

    def summary(self) -> str:
        """The Japanese text printed by :meth:`explain`."""
        where = f"（シート「{self.sheet}」）" if self.sheet else f"（文字コード: {self.encoding}）"
        out = [f"「{self.path.name}」を読み込みました{where}。"]
        if self.header_lines:
            first, last = self.header_lines[0], self.header_lines[-1]
            span = (
                f"{first} 行目"
                if first == last
                else f"{first}〜{last} 行目（{len(self.header_lines)} 行を結合）"
            )
            out.append(f"- 見出し: {span}")
        rows, cols = self.table.shape
        lines = (
            f"（{int(self.lines.min())}〜{int(self.lines.max())} 行目）" if len(self.lines) else ""
        )
        out.append(f"- データ: {rows} 行 × {cols} 列{lines}")
        if self.notes:
            shown = "」「".join(note[:40] for note in self.notes[:4])
            more = f" ほか {len(self.notes) - 4} 件" if len(self.notes) > 4 else ""
            out.append(f"- 表の外の文: 「{shown}」{more}（.notes）")
        if self.as_of is not None:
            out.append(f"- 基準日: {self.as_of.isoformat()}（.as_of）")
        if len(self.totals):
            kinds = self.totals["集計区分"].value_counts()
            listing = "、".join(f"{kind} {n} 行" for kind, n in kinds.items())
            out.append(f"- 合計などの行を表から分けました: {listing}（.totals）")
        counts = self.log.counts()
        if counts:
            listing = "、".join(f"{reason} {n} 件" for reason, n in counts.most_common())
            out.append(f"- 変更・欠損にした値など: {listing}（詳しくは .changes）")
        else:
            out.append("- 値の変更はありません。")
        if any("該当数値なし" in reason for reason in counts):
            out.append(
                "  ※「-」は「該当なし（0）」の意味のことが多い表記です。0 として読むには dash_as_zero=True。"
            )
        out.extend(f"- 注意: {message}" for message in self.warnings)
        return "\n".join(out)

    def explain(self) -> None:
        """Print, in Japanese, what the reader found and what it changed."""
        print(self.summary())
