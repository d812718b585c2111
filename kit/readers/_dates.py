"""Date columns: 和暦, Western dates and Excel serials to ``datetime64``.

>>> looks_like_dates(["令和5年4月1日", "2023/4/1"]), looks_like_dates(["旭丘"])
(True, False)
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from kit import wareki
from kit.errors import DateError
from kit.readers import _cells
from kit.readers._changes import ChangeLog
from kit.readers._options import Options

SERIAL = "Excelの日付シリアル値→日付"
WAREKI = "和暦→西暦"
_ERA = re.compile(r"(明治|大正|昭和|平成|令和|^[MTSHRmtshr]\s*\d)")
_DATE_SHAPE = re.compile(
    r"^((明治|大正|昭和|平成|令和|[MTSHRmtshr])?\s*(元|\d{1,4})\s*[年./\-]\s*\d{1,2}\s*[月./\-]\s*\d{1,2}\s*日?"
    r"|\d{8})(\s*(現在|時点))?( 0{1,2}:00(:00)?)?$"
)


def looks_like_dates(texts: list[str]) -> bool:
    """Whether every filled distinct text is a full date in a known form."""
    filled = [t for t in texts if t]
    return bool(filled) and all(_DATE_SHAPE.match(t) for t in filled)


def column(
    name: str,
    codes: np.ndarray,
    raws: list[str],
    texts: list[str],
    whys: list[tuple[str, ...]],
    lines: np.ndarray,
    log: ChangeLog,
    options: Options,
) -> np.ndarray:
    """The distinct values as ``datetime64[us]`` plus a missing value at the end; 和暦 and serial
    numbers are logged; an unreadable date raises ``DateError`` naming its cell."""
    days: list[object] = []
    reasons: list[str | None] = []
    for position, (text, why) in enumerate(zip(texts, whys, strict=True)):
        extra: list[str] = []
        try:
            if text == "" or text in _cells.MISSING:
                day = None
                extra = [_cells.MISSING[text]] if text else []
            elif text.isdigit() and len(text) == 5:  # 10000–99999: 1927-05-18 to 2173-10-14
                day = wareki.from_excel_serial(int(text))
                extra = [SERIAL]
            elif text.isdigit() and len(text) == 4:  # a year alone
                day = wareki.parse(f"{text}年", partial=options.partial_dates)
            elif text.isdigit() and len(text) != 8:
                raise DateError(
                    f"「{text}」は日付としても Excel のシリアル値（5桁）としても読めません。",
                    action="元のファイルの該当セルを確認してください。",
                )
            else:
                day = wareki.parse(text, partial=options.partial_dates)
                extra = [WAREKI] if _ERA.search(text) else []
        except DateError as err:
            line = int(lines[int(np.argmax(codes == position))])
            action = err.action or ""
            if "partial" in action:
                action = '月日まで書くか、期間の初日として読むなら partial_dates="start" を指定してください。'
            raise DateError(
                err.problem, file=options.path, row=line, column=name, action=action
            ) from None
        days.append(day)
        reasons.append("、".join([*why, *extra]) or None)
    log.add_cells(name, lines, codes, raws, [None if d is None else str(d) for d in days], reasons)
    stamps = pd.to_datetime(pd.Series([*days, None], dtype="object"))
    return stamps.astype("datetime64[us]").to_numpy()
