"""全国地方公共団体コード (JIS X 0402): check digit, validation and repair of broken codes.

A code is 2 digits of prefecture, 3 of municipality and a check digit:
``s = 6·d1 + 5·d2 + 4·d3 + 3·d4 + 2·d5``, ``check = (11 − s mod 11) mod 10``.

>>> from kit import codes
>>> codes.check_digit("13101")
'6'
>>> codes.normalize("92011")        # a 6-digit code that lost its leading zero
'092011'
>>> codes.normalize("13101")        # a 5-digit code without check digit
'131016'
>>> codes.mesh.to_latlon("5339")    # 地域メッシュコード live in kit.mesh (also reachable here)
(35.333333333333336, 139.0)

How a broken value is repaired (``normalize``):

* 6 digits: kept if the check digit is right; otherwise ``CodeError`` naming the expected digit.
* 4 digits: a 5-digit code that lost its leading zero (``1100`` → ``01100`` → ``011002``).
* 5 digits can be read two ways: (a) a code without check digit, or (b) a 6-digit code whose
  leading zero was lost (only possible when the last digit is then a correct check digit).
  A reading must name a plausible municipality: prefecture 01–47 (or 99, the training kit's
  fictional prefecture) and municipality number 000 or 100–799, as JIS X 0402 numbers them.
  When only one reading works it is used; when both do, ``assume`` decides
  (``"no_check_digit"`` or ``"lost_zero"``); in a Series, a reading that equals a valid code
  elsewhere in the column wins, then the readings of the column's unambiguous values; otherwise
  ``CodeError`` explains both readings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from kit import mesh  # noqa: F401 - 地域メッシュコード: kit.codes.mesh, as the design lists them here
from kit.errors import CodeError

if TYPE_CHECKING:
    import pandas as pd

Assume = Literal["no_check_digit", "lost_zero"]

WEIGHTS = (6, 5, 4, 3, 2)
# Prefecture numbers accepted when deciding how to read a 5-digit value: the 47 real ones and
# 99, the fictional prefecture (みどり県) of the training city 七瀬市 (992011).
PREFECTURES = frozenset({f"{n:02d}" for n in range(1, 48)} | {"99"})
_FLOAT_INT = re.compile(r"^(\d+)\.0+$")

NO_CHECK_DIGIT = "検査数字の付加"
LOST_ZERO = "先頭の0の復元"


def _text(code: object) -> str:
    """Code as a clean string of digits (NFKC, trimmed, ``92011.0`` → ``92011``)."""
    if isinstance(code, bool):
        raise CodeError(
            f"「{code}」は団体コードではありません。", action="6桁の数字で指定してください。"
        )
    if isinstance(code, float) and code.is_integer():
        code = int(code)
    text = unicodedata.normalize("NFKC", str(code)).strip()
    match = _FLOAT_INT.match(text)
    return match.group(1) if match else text


def check_digit(code5: str | int) -> str:
    """The check digit (6th digit) of a 5-digit code.

    An integer is padded to 5 digits (``1100`` means ``01100``).

    >>> check_digit("01100")
    '2'
    >>> check_digit("09201")
    '1'
    """
    text = _text(code5)
    if isinstance(code5, int):
        text = text.zfill(5)
    if len(text) != 5 or not text.isdigit() or not text.isascii():
        raise CodeError(
            f"「{code5}」は5桁の数字ではないため、検査数字を計算できません。",
            action="都道府県2桁と市区町村3桁の5桁を指定してください（例: 13101）。",
        )
    total = sum(w * int(d) for w, d in zip(WEIGHTS, text, strict=True))
    return str((11 - total % 11) % 10)


def is_valid(code: str | int) -> bool:
    """Whether ``code`` is a 6-digit code with a correct check digit.

    No repair is attempted: ``is_valid("13101")`` is False (use :func:`normalize`).

    >>> is_valid("131016"), is_valid("131017"), is_valid("92011")
    (True, False, False)
    """
    try:
        text = _text(code)
    except CodeError:
        return False
    return len(text) == 6 and text.isascii() and text.isdigit() and check_digit(text[:5]) == text[5]


def readings(code: str | int) -> dict[str, str]:
    """Every plausible 6-digit reading of a value, keyed by the repair it needs.

    >>> readings("92011")
    {'先頭の0の復元': '092011'}
    >>> readings("131016")
    {'': '131016'}
    """
    text = _text(code)
    if not (text.isascii() and text.isdigit()):
        return {}
    if len(text) == 6:
        return {"": text} if check_digit(text[:5]) == text[5] else {}
    if len(text) == 4 and text[0] != "0" and _plausible("0" + text):
        return {f"{LOST_ZERO}・{NO_CHECK_DIGIT}": "0" + text + check_digit("0" + text)}
    if len(text) != 5:
        return {}
    found = {}
    if _plausible(text):
        found[NO_CHECK_DIGIT] = text + check_digit(text)
    if text[0] != "0" and check_digit("0" + text[:4]) == text[4] and _plausible("0" + text[:4]):
        found[LOST_ZERO] = "0" + text
    return found


def _plausible(code5: str) -> bool:
    """Whether 5 digits name a possible municipality (prefecture, then 000 or 100–799)."""
    number = int(code5[2:])
    return code5[:2] in PREFECTURES and (number == 0 or 100 <= number <= 799)


def normalize(code: str | int, *, assume: Assume | None = None) -> str:
    """A valid 6-digit code from a clean or broken one (see the module text for the rules).

    >>> normalize("13000"), normalize("01100"), normalize(92011), normalize("１３１０１６")
    ('130001', '011002', '092011', '131016')
    >>> normalize("131017")
    Traceback (most recent call last):
    kit.errors.CodeError: 団体コード「131017」の検査数字（6桁目）が正しくありません。...
    """
    return _decide(code, readings(code), assume)


def _decide(code: object, found: dict[str, str], assume: Assume | None) -> str:
    if len(found) == 1:
        return next(iter(found.values()))
    if len(found) > 1:
        if assume == "no_check_digit":
            return found[NO_CHECK_DIGIT]
        if assume == "lost_zero":
            return found[LOST_ZERO]
        raise CodeError(
            f"団体コード「{code}」は2通りに読めます: 検査数字のない5桁のコードなら"
            f"「{found[NO_CHECK_DIGIT]}」、先頭の0が落ちた6桁のコードなら「{found[LOST_ZERO]}」です。",
            action='元の資料で確かめ、assume="no_check_digit" か assume="lost_zero" を指定してください。',
        )
    raise _invalid(code)


def _invalid(code: object) -> CodeError:
    text = _text(code) if not isinstance(code, bool) else str(code)
    if len(text) == 6 and text.isascii() and text.isdigit():
        return CodeError(
            f"団体コード「{text}」の検査数字（6桁目）が正しくありません。"
            f"前の5桁「{text[:5]}」なら検査数字は「{check_digit(text[:5])}」のはずです。",
            action="コードの打ち間違いがないか、元の資料で確かめてください。",
        )
    return CodeError(
        f"「{code}」は団体コードとして読めません（数字5桁または6桁が必要です）。",
        action="元の資料で確かめてください（例: 千代田区は 131016）。",
    )


def _prefer_known(options: dict[str, str], known: set[str]) -> dict[str, str]:
    """Of two readings, keep the one that is a code already present in the column."""
    matching = {key: code for key, code in options.items() if code in known}
    return matching if len(options) > 1 and len(matching) == 1 else options


def repairs(values: pd.Series, *, assume: Assume | None = None) -> pd.DataFrame:
    """What :func:`normalize_series` changes: one row per repaired value.

    Columns: ``元の値``, ``修復後``, ``理由``; the index is the Series' index.

    >>> repairs(pd.Series(["131016", "92011", "13101"]))
         元の値     修復後      理由
    1  92011  092011  先頭の0の復元
    2  13101  131016  検査数字の付加
    """
    import pandas as pd

    fixed, reasons = plan_repairs(values, assume)
    changed = reasons.notna()
    return pd.DataFrame(
        {
            "元の値": values[changed].astype("str"),
            "修復後": fixed[changed],
            "理由": reasons[changed],
        }
    )


def normalize_series(values: pd.Series, *, assume: Assume | None = None) -> pd.Series:
    """Vectorised :func:`normalize`: every value a valid 6-digit string, missing kept missing.

    Ambiguous 5-digit values follow the unambiguous values of the same column. A value that
    cannot be repaired raises ``CodeError`` naming its index label.

    >>> normalize_series(pd.Series([13101, "092011", None])).tolist()
    ['131016', '092011', nan]
    """
    return plan_repairs(values, assume)[0]


def plan_repairs(
    values: pd.Series,
    assume: Assume | None = None,
    *,
    file: object = None,
    lines: Sequence[int] | None = None,  # any object indexable by position
) -> tuple[pd.Series, pd.Series]:
    """Repaired values and the reason per value (missing when unchanged).

    With ``file`` and ``lines`` (the file line of each value), an error names the file and line.

    >>> plan_repairs(pd.Series(["92011"]))[1].tolist()
    ['先頭の0の復元']
    """
    import pandas as pd

    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    found = [readings(value) for value in uniques]
    known = {options[""] for options in found if "" in options}
    found = [_prefer_known(options, known) for options in found]
    votes = {NO_CHECK_DIGIT: 0, LOST_ZERO: 0}
    for options in found:
        only = next(iter(options)) if len(options) == 1 else None
        if only in votes:
            votes[only] += 1
    if assume is None and votes[NO_CHECK_DIGIT] != votes[LOST_ZERO]:
        column_choice: Assume | None = (
            "no_check_digit" if votes[NO_CHECK_DIGIT] > votes[LOST_ZERO] else "lost_zero"
        )
    else:
        column_choice = assume
    fixed, reasons = [], []
    for position, (value, options) in enumerate(zip(uniques, found, strict=True)):
        try:
            new = _decide(value, options, column_choice)
        except CodeError as err:
            first = int((codes == position).argmax())
            if lines is not None:
                raise CodeError(
                    err.problem,
                    file=file,
                    row=int(lines[first]),
                    column=values.name,
                    action=err.action,
                ) from None
            raise CodeError(
                f"{err.problem}（インデックス {values.index[first]}）",
                column=values.name,
                action=err.action,
            ) from None
        reason = next(key for key, option in options.items() if option == new)
        if not reason and str(value) != new:
            reason = "表記の統一"
        fixed.append(new)
        reasons.append(reason or None)
    out = pd.Series([*fixed, None], dtype="str").take(codes)
    why = pd.Series([*reasons, None], dtype="str").take(codes)
    out.index = why.index = values.index
    out.name = values.name
    return out, why
