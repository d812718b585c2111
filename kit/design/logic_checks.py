"""What :meth:`LogicModel.validate` looks for in one item: indicators, data, and wording.

The wording checks are simple keyword heuristics that prompt reflection, not verdicts: an
outcome should say what changes for residents (not what the city does), and an impact should
be a state (not a means). An impact is checked with the means words of stage 1
(:mod:`kit.framing.means`); outcomes only with words of what the city does, since an outcome
may well name a tool residents start using (「オンラインで申請する人が増える」).

>>> from kit.design.logic_model import LogicItem
>>> item_findings("impact", "インパクト", LogicItem("子育てアプリを導入する", "利用者数", "アプリの記録"))
['インパクト「子育てアプリを導入する」が手段（市がすること）の書き方になっています。住民や地域がどうなっているか（状態）で書いてください。']
"""

from __future__ import annotations

from typing import Any

from kit.design._text import is_blank
from kit.design.logic_stages import MEASURED_STAGES
from kit.framing.means import means_words

# What the city does, counted: fine for outputs, a slip in an outcome's text or indicator.
DELIVERY_WORDS = ("送付", "配信", "発送", "送った", "送る", "開催", "実施", "配布", "設置", "作成")
# What the city does, said: a slip in an outcome's text.
CITY_ACTION_WORDS = (*DELIVERY_WORDS, "導入", "推進", "整備", "構築", "周知", "啓発")


def item_findings(key: str, label: str, item: Any) -> list[str]:
    """Japanese findings about one item (a :class:`LogicItem`) of stage ``key``."""
    found = []
    if key in MEASURED_STAGES and is_blank(item.indicator):
        found.append(
            f"{label}「{item.text}」に指標（KPI）がありません。何の数で測るかを決めてください。"
        )
    if not is_blank(item.indicator) and is_blank(item.source):
        found.append(
            f"{label}「{item.text}」の指標「{item.indicator}」を測るデータ（どこから数を取るか）がありません。"
        )
    if key in ("outcomes_short", "outcomes_mid"):
        if any(word in item.text for word in CITY_ACTION_WORDS):
            found.append(
                f"{label}「{item.text}」は市がすること（活動・アウトプット）の書き方です。"
                "住民に起きる変化で書いてください。"
            )
        elif any(word in item.indicator for word in DELIVERY_WORDS):
            found.append(
                f"{label}「{item.text}」の指標「{item.indicator}」は市がしたことを数えています。"
                "住民の変化を測る指標を選んでください。"
            )
    if key == "impact" and means_words(item.text):
        found.append(
            f"インパクト「{item.text}」が手段（市がすること）の書き方になっています。"
            "住民や地域がどうなっているか（状態）で書いてください。"
        )
    return found
