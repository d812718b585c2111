"""Stage 3, maps and distances: 高齢化率 joined to the 町丁目 map (問6), the distance from each
町丁目 to the nearest nursery (問7) and the flood shelters' capacity per 地区 (問8).

>>> from kit.exercises.stage3 import maps
>>> maps.q8.verdict({"flood_capacity": 3}).status
'incorrect'
"""

from __future__ import annotations

from typing import Any

from kit.exercises import _checks as c
from kit.exercises._engine import Incorrect, Question
from kit.exercises.stage3 import _data as d
from kit.exercises.stage3._shapes import all_close, district_values, match_or_explain

N_TOWNS_HINT = "町丁目コード"
DISTANCE_REL = 5e-3  # another plane zone or centroid method moves distances by well under 0.5 %

# 問6 — 高齢化率 on the 町丁目 map -------------------------------------------------------------


def _check_q6(towns_rate: Any) -> None:
    import geopandas as gpd
    import pandas as pd

    name = "towns_rate"
    if isinstance(towns_rate, pd.DataFrame) and not isinstance(towns_rate, gpd.GeoDataFrame):
        raise Incorrect(
            f"`{name}` が地図データ（GeoDataFrame）ではなく、ふつうの表（DataFrame）になっています。"
            "地図の表から結合を始めてください（towns.merge(…) の順）。"
        )
    if not isinstance(towns_rate, gpd.GeoDataFrame):
        raise Incorrect(
            f"`{name}` は地図データ（GeoDataFrame）にしてください（いまは{c.kind_name(towns_rate)}です）。"
        )
    for column in ("町丁目コード", "高齢化率"):
        if column not in towns_rate.columns:
            raise Incorrect(
                f"`{name}` に列「{column}」がありません。towns の列を残し、「{column}」の列を加えてください。"
            )
    towns = d.table("towns")
    codes = [str(code) for code in towns["町丁目コード"]]
    got_codes = towns_rate["町丁目コード"].astype("str").str.zfill(7)
    if len(towns_rate) > len(codes):
        raise Incorrect(
            f"行が {len(towns_rate)} 行あり、町丁目の数（{len(codes)}）より多くなっています。"
            f"人口の表を {d.YEAR} 年の行だけに絞り込んでから結合してください。"
        )
    if len(towns_rate) < len(codes) or set(got_codes) != set(codes):
        raise Incorrect(
            f"結合できなかった町丁目があります（{len(codes)} 町丁目のうち {got_codes.isin(codes).sum()}）。"
            "結合のキー（towns の「町丁目コード」と人口の表の「地域コード」）と、年の絞り込みを確認してください。"
        )
    values = pd.to_numeric(towns_rate["高齢化率"], errors="coerce")
    if values.isna().any():
        raise Incorrect(
            "「高齢化率」が欠損値（NaN）の町丁目があります。結合のキーを確認してください。"
        )
    got = pd.Series(values.to_numpy(dtype="float64"), index=got_codes.to_numpy()).reindex(codes)
    want = d.town_rates(d.YEAR).reindex(codes)
    match_or_explain(
        got,
        want,
        [
            (
                d.town_rates(year).reindex(codes),
                f"{year}年の高齢化率になっています。{d.YEAR}年の行だけを使ってください。",
            )
            for year in range(d.FIRST_YEAR, d.YEAR)
        ],
        generic="高齢化率の値が違う町丁目があります。65 歳以上の列（男女、85歳以上まで）の合計 ÷ 総人口を確認してください。",
    )


q6 = Question(
    "問6",
    ["towns_rate"],
    _check_q6,
    hints=[
        "地図（towns）と人口の表を、町丁目のコードでつなぎます。towns では「町丁目コード」、人口の表では「地域コード」という列名です。",
        f"人口の表は先に {d.YEAR} 年の行だけに絞り、高齢化率の列を作っておきます。地図の表から始めて merge すると、結果も地図データのままです。",
        'towns.merge(表, left_on="町丁目コード", right_on="地域コード") の形です（表には「地域コード」と「高齢化率」の列があれば十分です）。',
    ],
    praise="地図データに率をつなげられました。コードでつなぐと、名前の表記ゆれに左右されません。",
)


# 問7 — distance to the nearest nursery ------------------------------------------------------


def _distances(value: Any, name: str) -> Any:
    """The answer as distances in a Series indexed by today's 町丁目コード."""
    import pandas as pd

    towns = d.table("towns")
    codes = [str(code) for code in towns["町丁目コード"]]
    by_name = dict(zip(towns["町丁目名"].astype("str"), codes, strict=True))
    if isinstance(value, pd.DataFrame):
        frame = value
        key = (
            "町丁目コード"
            if "町丁目コード" in frame.columns
            else "町丁目名"
            if "町丁目名" in frame.columns
            else None
        )
        numeric = [
            col
            for col in frame.columns
            if "距離" in str(col) and pd.api.types.is_numeric_dtype(frame[col])
        ]
        if len(numeric) != 1:
            raise Incorrect(
                f"`{name}` の中で、距離の列がどれか分かりません。距離だけの列（Series）を入れてください。"
            )
        value = frame[numeric[0]]
        if key is not None:
            value = value.set_axis(frame[key].astype("str").to_numpy())
    if not isinstance(value, pd.Series):
        raise Incorrect(
            f"`{name}` は町丁目ごとの距離の列（Series）にしてください（いまは{c.kind_name(value)}です）。"
        )
    if len(value) != len(codes):
        raise Incorrect(
            f"`{name}` の行の数（{len(value)}）が町丁目の数（{len(codes)}）と違います。towns のすべての町丁目について求めてください。"
        )
    labels = [str(i) for i in value.index]
    if set(labels) == set(codes):
        keys = labels
    elif set(labels) == set(by_name):
        keys = [by_name[label] for label in labels]
    elif list(value.index) == list(towns.index):
        keys = codes
    else:
        raise Incorrect(
            f"`{name}` の見出しが町丁目と対応していません。towns の順番のまま（並べ替えずに）求めてください。"
        )
    numbers = pd.to_numeric(pd.Series(value.to_numpy(), index=keys), errors="coerce")
    if numbers.isna().any():
        raise Incorrect(f"`{name}` に欠損値（NaN）があります。")
    return numbers.astype("float64").reindex(codes)


def _check_q7(nursery_m: Any) -> None:
    got = _distances(nursery_m, "nursery_m")
    want = d.nursery_distances()
    if float(got.max()) < 0.5:
        raise Incorrect(
            "距離がとても小さな値になっています。緯度・経度（度）のまま測っていませんか？ "
            "kit.geo.nearest_distance を使うと、メートルで測れます。"
        )
    if all_close(got, want / 1000, rel=DISTANCE_REL):
        raise Incorrect("キロメートルになっています。メートルのまま答えてください。")
    match_or_explain(
        got,
        want,
        [
            (
                d.nursery_distances("all"),
                "幼稚園も含めています。保育所の代わりにはならないので、「種別」が幼稚園の施設は除いてください。",
            ),
            (
                d.nursery_distances("hoikusho"),
                "認可保育所だけを使っています。小規模保育事業と認定こども園も、保育所等に含めてください。",
            ),
        ],
        generic="距離が違う町丁目があります。施設の絞り込み（幼稚園以外）と、距離の単位（メートル）を確認してください。",
        percent=False,
        rounding=None,
        rel=DISTANCE_REL,
    )


q7 = Question(
    "問7",
    ["nursery_m"],
    _check_q7,
    hints=[
        "まず子育て施設の一覧から、幼稚園以外の施設（認可保育所・認定こども園・小規模保育事業）を取り出します。",
        "緯度・経度の列から地図の点を作るには kit.geo.points_from_latlon(表) を使います。",
        "kit.geo.nearest_distance(towns, 点の地図データ) で、町丁目ごとにいちばん近い施設までの距離（メートル）が求まります。",
    ],
    praise="最寄りの保育所等までの距離を測れました。距離は平面直角座標系（メートル）で測るのが基本です。",
)


# 問8 — flood shelters' capacity per 地区 ---------------------------------------------------


def _check_q8(flood_capacity: Any) -> None:
    got = district_values(
        flood_capacity, "flood_capacity", d.district_names(), d.town_names(), "想定収容人数"
    )
    want = d.shelter_capacity()
    match_or_explain(
        got,
        want,
        [
            (
                d.shelter_capacity(None),
                "洪水のときに使えない避難場所も入っています。「災害種別_洪水」が 1 の避難場所だけに絞り込んでください。",
            ),
            (
                d.shelter_capacity(count=True),
                "避難場所の数（か所）になっています。「想定収容人数」を合計してください。",
            ),
            (
                d.shelter_capacity(None, count=True),
                "避難場所の数（か所）になっています。洪水に使える避難場所の「想定収容人数」を合計してください。",
            ),
        ],
        generic="値が違う地区があります。洪水の指定での絞り込み、地区のつなぎ方（町字ID → 町丁目コード）と、合計する列を確認してください。",
        percent=False,
        rounding=None,
    )


q8 = Question(
    "問8",
    ["flood_capacity"],
    _check_q8,
    hints=[
        "避難場所の一覧には地区の列がありません。「町字ID」が町丁目のコードなので、towns の「町丁目コード」とつなぐと地区名が分かります。",
        "洪水のときに使える避難場所は「災害種別_洪水」の列が 1 の行です。先に絞り込みましょう。",
        'つないだ表を groupby("地区名")["想定収容人数"].sum() で地区ごとに合計します。',
    ],
    praise="洪水のときに使える避難場所の収容人数を地区ごとに出せました。次は、浸水想定区域に住む人の数と比べます。",
)
