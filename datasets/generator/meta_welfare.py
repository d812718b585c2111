"""Datapackage entries for care, gathering places, health check-ups and the resident survey.

>>> [r["name"] for r in welfare_resources()]
['care_certification', 'gathering_places', 'health_checkups', 'survey']
"""

from __future__ import annotations

from .care import CARE_LEVELS, ELDER_BANDS
from .health import HEALTH_BANDS
from .meta_common import count, district_fields, field, latlon_fields, resource, text, town_fields
from .survey import ITEMS, SETTLE

_SCORE = "1（不満）〜5（満足）の5段階。空欄は無回答"


def _care() -> list[dict]:
    return [
        field("基準日", "date", "集計の基準日（毎年4月1日）", required=True),
        *district_fields(),
        text(
            "年齢階級", "年齢の区分（基準日時点）", required=True, enum=[b[2] for b in ELDER_BANDS]
        ),
        count(
            "第1号被保険者数", "65歳以上の被保険者の数（この演習データでは同じ年齢階級の住民の数）"
        ),
        *[count(level, f"{level}と認定された人の数") for level in CARE_LEVELS],
        count("認定者数", "要支援・要介護と認定された人の合計"),
    ]


def _gathering() -> list[dict]:
    return [
        text("通いの場ID", "通いの場の番号", required=True, pattern=r"^K\d{3}$"),
        text("名称", "通いの場の名前", required=True),
        text("活動内容", "主な活動", enum=["体操・運動", "茶話会・サロン", "趣味活動", "会食"]),
        text("開催頻度", "開かれる頻度", enum=["週1回以上", "月2〜3回", "月1回"]),
        count("参加者数", "登録している参加者の数（実人数）"),
        field("開始年度", "integer", "活動を始めた年度", "年"),
        *district_fields(),
        *town_fields()[:2],
        *latlon_fields(),
    ]


def _health() -> list[dict]:
    return [
        field("年度", "integer", "健診の年度", "年", required=True),
        *district_fields(),
        text("性別", "性別", required=True, enum=["男性", "女性"]),
        text(
            "年齢階級", "年度初め（4月1日）時点の年齢の区分", required=True, enum=list(HEALTH_BANDS)
        ),
        count("対象者数", "特定健診の対象者（40〜74歳の国民健康保険の加入者）の数"),
        count("受診者数", "特定健診を受けた人の数"),
    ]


def _survey() -> list[dict]:
    scores = [field(item, "integer", f"{item.split('_', 1)[1]}の満足度。{_SCORE}", minimum=1, maximum=5)
              for item in ITEMS]  # fmt: skip
    return [
        text("回答ID", "回答の番号", required=True, pattern=r"^R\d{4}$"),
        text("地区", "回答者が住む地区", required=True),
        text("性別", "回答者の性別", enum=["男性", "女性", "回答しない"]),
        text("年代", "回答者の年代", enum=["10・20代", "30代", "40代", "50代", "60代", "70歳以上"]),
        text("居住年数", "七瀬市に住んでいる年数", enum=["5年未満", "5年以上20年未満", "20年以上"]),
        text("世帯構成", "一緒に住む家族", enum=["ひとり暮らし", "夫婦のみ", "子育て世帯（未就学児あり）",
                                               "子育て世帯（小中高生あり）", "その他"]),
        *scores,
        field(SETTLE, "integer", "これからも七瀬市に住み続けたいか。1（住み続けたくない）〜5（ずっと住み続けたい）。"
              "空欄は無回答", minimum=1, maximum=5),
        text("自由記述", "市への意見・要望（自由記述。空欄は記入なし）"),
    ]  # fmt: skip


def welfare_resources() -> list[dict]:
    """Entries for care, gathering places, health check-ups and the survey.

    >>> welfare_resources()[-1]["name"]
    'survey'
    """
    return [
        resource("care_certification", "city/care_certification.csv", "要介護（要支援）認定者数",
                 "毎年4月1日の、地区別・年齢階級別の要支援・要介護認定者数。", _care(),
                 primary_key=["基準日", "地区コード", "年齢階級"]),
        resource("gathering_places", "city/gathering_places.csv", "通いの場一覧",
                 "高齢者が気軽に集まり、体操や交流をする「通いの場」の一覧（令和8年4月1日現在）。",
                 _gathering(), primary_key=["通いの場ID"]),
        resource("health_checkups", "city/health_checkups.csv", "特定健診の受診状況",
                 "国民健康保険の特定健康診査の、年度別・地区別・性別・年齢階級別の対象者数と受診者数。",
                 _health(), primary_key=["年度", "地区コード", "性別", "年齢階級"]),
        resource("survey", "city/survey.csv", "市民意識調査（個票）",
                 "令和7年度（2025年7月実施）の市民意識調査の回答データ。無作為に選んだ18歳以上の市民3,000人に"
                 "送り、返ってきた回答を1人1行で収めています（回答者を特定できる情報は含みません）。",
                 _survey(), primary_key=["回答ID"]),
    ]  # fmt: skip
