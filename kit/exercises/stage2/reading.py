"""Checkers for stage 2, first notebook (prepare.ipynb), reading part: 問1〜問3.

問1 reads the city's messy CP932 export; 問2 converts 和暦 dates; 問3 repairs 全国地方公共団体コード.

>>> from kit.exercises import stage2 as ex
>>> ex.q1.check()
"""

from __future__ import annotations

from typing import Any

from kit.exercises import _checks as c
from kit.exercises._engine import Incorrect, Question
from kit.exercises.stage2 import city

# 問1 — a messy export read into a tidy table ------------------------------------------


def _text_columns(frame: Any) -> list[Any]:
    import pandas as pd

    return [col for col in frame.columns if not pd.api.types.is_numeric_dtype(frame[col])]


def _contains(frame: Any, word: str) -> bool:
    return any(
        frame[col].astype(str).str.contains(word, regex=False).any() for col in _text_columns(frame)
    )


def _check_q1(towns_2026: Any) -> None:
    import pandas as pd

    frame = c.expect_frame(towns_2026, "towns_2026")
    if isinstance(frame.columns, pd.MultiIndex):
        raise Incorrect("列の見出しが 2 段（MultiIndex）のままです。1 段の見出しにしてください。")
    if _contains(frame, "合計"):
        raise Incorrect("「合計」の行が残っています。町丁目の行だけにしてください。")
    if _contains(frame, "小計"):
        raise Incorrect("地区の「小計」の行が残っています。町丁目の行だけにしてください。")
    names = city.expected_town_names()
    if not any(names <= set(frame[col].astype(str).str.strip()) for col in _text_columns(frame)):
        raise Incorrect(
            "町丁目名の列が見つかりません。見出しの行の位置がずれていないか、"
            "町丁目の行を消しすぎていないか確認してください。"
        )
    if len(frame) > len(names):
        raise Incorrect("町丁目ではない行（空の行や見出しの行など）が残っています。")
    total = city.expected_total()
    numeric = [col for col in frame.columns if pd.api.types.is_numeric_dtype(frame[col])]
    if any(c.is_close(float(frame[col].sum()), total) for col in numeric):
        return
    if any(
        frame[col].astype(str).str.contains(",", regex=False).any() for col in _text_columns(frame)
    ):
        raise Incorrect(
            "人口が数ではなく文字（「2,175」のような桁区切りのカンマ付き）のままです。"
            "数として読み込んでください。"
        )
    raise Incorrect(
        "総人口の列の合計が、市の人口と合いません。数の列の読み込み方を確認してください。"
    )


q1 = Question(
    "問1",
    ["towns_2026"],
    _check_q1,
    hints=[
        "手で読むのは大変なので、kit.readers.read(path) を使ってみましょう。.explain() で何をしたか確かめます。",
        "結果の .table が表です。町丁目名の列に「小計」を含む行が残っていないか確かめてください。",
        '表[~表["町丁目名"].str.contains("小計", na=False)] のように、~（でない）を付けた条件で'
        "行を除けます。",
    ],
    praise="汚れたファイルから、町丁目の行だけのきれいな表を作れました。",
)


# 問2 — 和暦 to dates ------------------------------------------------------------------


def _iso_dates(values: Any) -> list[str]:
    import pandas as pd

    series = pd.Series(list(values))
    if series.map(
        lambda v: isinstance(v, str) and any(e in v for e in ("昭和", "平成", "令和"))
    ).any():
        raise Incorrect(
            "`approval_dates` が和暦の文字のままです。kit.wareki.to_datetime で西暦の日付に直してください。"
        )
    try:
        stamps = pd.to_datetime(series)
    except (ValueError, TypeError) as exc:
        raise Incorrect(
            "`approval_dates` を日付として読めません。日付の列にしてください。"
        ) from exc
    if stamps.isna().any():
        raise Incorrect("`approval_dates` に日付になっていない（空の）値があります。")
    return list(stamps.dt.strftime("%Y-%m-%d"))


def _check_q2(approval_dates: Any, n_recent: Any) -> None:
    import pandas as pd

    if isinstance(approval_dates, pd.DataFrame) or not isinstance(
        approval_dates, pd.Series | list | tuple
    ):
        raise Incorrect(
            f"`approval_dates` は日付の列（Series）にしてください（いまは{c.kind_name(approval_dates)}です）。"
        )
    want = city.approval_dates()
    if len(approval_dates) != len(want):
        raise Incorrect(f"`approval_dates` の数が施設の数（{len(want)}）と違います。")
    got = _iso_dates(approval_dates)
    if sorted(got) != sorted(want):
        wrong = sum(g != w for g, w in zip(sorted(got), sorted(want), strict=True))
        raise Incorrect(
            f"西暦に直した日付のうち {wrong} 件が合いません。元号ごとの年の数え方を確認してください。"
        )
    n = c.expect_number(n_recent, "n_recent")
    recent = sum(d >= city.SINCE for d in want)
    if c.is_close(n, recent):
        return
    if c.is_close(n, sum(d > city.SINCE for d in want)) or c.is_close(
        n, sum("令和" in t for t in city.approval_texts())
    ):
        raise Incorrect(
            "2019年4月1日ちょうどに認可された施設が数えられていません。「以降」はその日を含みます"
            "（「令和」の文字だけで数えると、平成31年4月1日の施設が漏れます）。"
        )
    if c.is_close(n, len(want) - recent):
        raise Incorrect("2019年4月1日より前の施設を数えています。不等号の向きを確認してください。")
    if c.is_close(n, len(want)):
        raise Incorrect("すべての施設を数えています。日付の条件で絞り込んでから数えてください。")
    raise Incorrect("数が合いません。西暦に直した日付で「2019年4月1日以降」を数えてください。")


q2 = Question(
    "問2",
    ["approval_dates", "n_recent"],
    _check_q2,
    hints=[
        "和暦の文字は、そのままでは大小を比べられません。まず西暦の日付に直します。",
        'kit.wareki.to_datetime(preschool_raw["認可等年月日"]) で、和暦の列を日付の列にできます。',
        '日付の列なら (approval_dates >= "2019-04-01").sum() で「以降」の数を数えられます。',
    ],
    praise="和暦を西暦の日付に直して比べられました。元号の変わり目の年は特に注意が必要です。",
)


# 問3 — 全国地方公共団体コード -----------------------------------------------------------


def _check_q3(codes_fixed: Any, n_repaired: Any) -> None:
    import pandas as pd

    if isinstance(codes_fixed, pd.DataFrame) or not isinstance(
        codes_fixed, pd.Series | list | tuple
    ):
        raise Incorrect(
            f"`codes_fixed` はコードの列（Series）にしてください（いまは{c.kind_name(codes_fixed)}です）。"
        )
    values = list(codes_fixed)
    if len(values) != len(city.raw_codes()):
        raise Incorrect(
            f"`codes_fixed` の数がファイルの行数（{len(city.raw_codes())}）と違います。"
        )
    if any(not isinstance(v, str) for v in values):
        raise Incorrect(
            "コードが数（int）になっています。先頭の 0 が消えることがあるので、文字（str）のまま扱ってください。"
        )
    if any(len(v.strip()) == 5 for v in values):
        raise Incorrect(
            "検査数字（6桁目）が抜けたままのコードがあります。kit.codes で直してください。"
        )
    if any(not v.isascii() for v in values):
        raise Incorrect("全角の数字のままのコードがあります。半角にそろえてください。")
    if any(v.strip() != city.CITY_CODE for v in values):
        raise Incorrect(
            "正しい団体コードになっていない値があります。検査数字の計算を確認してください。"
        )
    n = c.expect_number(n_repaired, "n_repaired")
    missing, wide = city.missing_check_digit(), city.full_width_codes()
    want = missing + wide
    if c.is_close(n, want):
        return
    if c.is_close(n, missing):
        raise Incorrect(
            "全角の数字で書かれたコードが数えられていません。全角のままでは半角のコードと一致しないので、"
            "これも直す必要があります。"
        )
    if c.is_close(n, wide):
        raise Incorrect("検査数字（6桁目）が抜けて 5 桁になっていたコードも数えてください。")
    if c.is_close(n, len(values) - want):
        raise Incorrect(
            "初めから正しかったコードの数を数えています。直したコードの数を数えてください。"
        )
    if c.is_close(n, len(values)):
        raise Incorrect("すべての行を数えています。直す必要があった行だけを数えてください。")
    raise Incorrect(
        "数が合いません。検査数字が抜けていた行と、全角で書かれていた行を数えてください。"
    )


q3 = Question(
    "問3",
    ["codes_fixed", "n_repaired"],
    _check_q3,
    hints=[
        "団体コードの列は dtype=str で読み込み、文字のまま扱います（数にすると先頭の 0 が消えます）。",
        "kit.codes.normalize_series(列) が直したコードの列を、kit.codes.repairs(列) が直した行の一覧を返します。",
        "n_repaired = len(kit.codes.repairs(列)) のように、直した行の一覧の長さを数えます"
        "（検査数字の付加と、全角→半角の表記の統一の両方が入ります）。",
    ],
    praise="団体コードを検査数字で確かめて直せました。コードは文字として扱うのが鉄則です。",
)
