"""Other exports as received from other sections: old-layout preschool list, 人口動態, 要介護認定
with X-suppressed cells, 特定健診 with ``*`` and full-width digits.

>>> negative(-12), negative(5), negative(0)
('△12', '5', '-')
"""

from __future__ import annotations

import pandas as pd

from .care import CARE_LEVELS
from .city import DISTRICTS
from .messy_population import pretty
from .simulation import MOVE_AGE_LABELS
from .suppression import suppressed
from .wareki import to_full_width, wareki_date, wareki_year
from .writers import rows_csv_bytes

OLD_PRESCHOOL = ("都道府県コード又は市区町村コード", "NO", "都道府県名", "市区町村名", "名称", "名称_カナ",
                 "種別", "住所", "方書", "緯度", "経度", "アクセス方法", "駐車場情報", "電話番号", "内線番号",
                 "FAX番号", "法人番号", "団体名", "認可等年月日", "収容定員", "受入年齢", "利用可能曜日",
                 "開始時間", "終了時間", "利用可能日時特記事項", "一時預かりの有無", "URL", "備考")  # fmt: skip


HEALTH_SUPPRESS_BELOW = 9  # examined counts 1…9 are hidden in the health table


def negative(n: int) -> str:
    """A signed change as Japanese tables print it: △ for minus, ``-`` for zero."""
    return "-" if n == 0 else f"△{-n:,}" if n < 0 else f"{n:,}"


def half_width_kana(text: str) -> str:
    """Katakana to half-width katakana, as old systems export it.

    >>> half_width_kana("ミナミノホイクエン")
    'ﾐﾅﾐﾉﾎｲｸｴﾝ'
    """
    return "".join(_HALF.get(ch, ch) for ch in text)


def preschool_old_csv(schools: pd.DataFrame) -> bytes:
    """The 子育て施設 list in the old 推奨 layout, CP932, half-width kana, 和暦 dates.

    >>> import pandas as pd
    >>> row = {"全国地方公共団体コード": "992011", "所在地_都道府県": "みどり県", "所在地_市区町村": "七瀬市",
    ...        "名称": "中央保育園", "名称_カナ": "チュウオウホイクエン", "種別": "認可保育所",
    ...        "所在地_連結表記": "", "建物名等(方書)": "", "緯度": "36.0", "経度": "139.9", "団体名": "七瀬市",
    ...        "認可等年月日": "1975-04-01", "収容定員": 90, "受入年齢": "", "利用可能曜日": "", "開始時間": "",
    ...        "終了時間": "", "一時預かりの有無": "", "URL": "", "備考": ""}
    >>> "昭和50年4月1日" in preschool_old_csv(pd.DataFrame([row])).decode("cp932")
    True
    """
    from datetime import date

    rows: list[list[object]] = [list(OLD_PRESCHOOL)]
    for i, r in schools.iterrows():
        code = r["全国地方公共団体コード"] if i % 7 else r["全国地方公共団体コード"][:5]
        opened = wareki_date(date.fromisoformat(r["認可等年月日"]))
        rows.append([
            code, i + 1, r["所在地_都道府県"], r["所在地_市区町村"], r["名称"], half_width_kana(r["名称_カナ"]),
            r["種別"], r["所在地_連結表記"], r["建物名等(方書)"], r["緯度"], r["経度"], "", "", "", "", "", "",
            r["団体名"], opened, r["収容定員"], r["受入年齢"], r["利用可能曜日"], r["開始時間"],
            r["終了時間"], "", r["一時預かりの有無"], r["URL"], r["備考"],
        ])  # fmt: skip
    return rows_csv_bytes(rows, encoding="cp932", newline="\r\n")


def vital_csv(vital: pd.DataFrame, year: int) -> bytes:
    """One 年度 of 人口動態 per 地区 with merged headers, 合計 row and △ for decreases (CP932).

    >>> import numpy as np
    >>> from .population import vital_statistics
    >>> from .simulation import simulate
    >>> text = vital_csv(vital_statistics(simulate(np.random.default_rng(0), 0.01)), 2025).decode("cp932")
    >>> text.splitlines()[0]
    '令和7年度 地区別人口動態'
    """
    part = vital[vital["年度"] == year]
    head1 = ["地区", "期首人口", "自然動態", "", "", "社会動態", *[""] * 12, "期末人口"]
    head2 = ["", "", "出生", "死亡", "増減", "転入", *[""] * 5, "転出", *[""] * 5, "増減", ""]
    head3 = ["", "", "", "", "", "計", *MOVE_AGE_LABELS, "計", *MOVE_AGE_LABELS, "", ""]
    head3 = [h.replace("-", "〜") for h in head3]

    def line(name: str, f: pd.DataFrame) -> list[str]:
        s = {
            c: int(f[c].sum())
            for c in f.columns
            if c not in ("年度", "年度_和暦", "期間開始日", "期間終了日", "地区コード", "地区名")
        }
        ins = [s["転入"], *(s[f"転入_{g}"] for g in MOVE_AGE_LABELS)]
        outs = [s["転出"], *(s[f"転出_{g}"] for g in MOVE_AGE_LABELS)]
        return [name, pretty(s["期首人口"]), pretty(s["出生"]), pretty(s["死亡"]),
                negative(s["出生"] - s["死亡"]), *map(pretty, ins), *map(pretty, outs),
                negative(s["転入"] - s["転出"]), pretty(s["期末人口"])]  # fmt: skip

    rows = [[f"{wareki_year(year)} 地区別人口動態"],
            [f"（{wareki_date(pd.Timestamp(year, 4, 1).date())}〜"
             f"{wareki_date(pd.Timestamp(year + 1, 3, 31).date())}）"], head1, head2, head3]  # fmt: skip
    rows += [line(d.name, part[part["地区コード"] == d.code]) for d in DISTRICTS]
    rows.append(line("合計", part))
    return rows_csv_bytes(rows, encoding="cp932", newline="\r\n")


def care_csv(care: pd.DataFrame, when: str) -> bytes:
    """要介護認定者数 of one 基準日, 地区 blocks with 小計 rows, X for suppressed cells (UTF-8 BOM).

    >>> import numpy as np
    >>> from .care import certification_table
    >>> from .simulation import simulate
    >>> care = certification_table(simulate(np.random.default_rng(0), 0.01), np.random.default_rng(1))
    >>> "X" in care_csv(care, "2026-04-01").decode("utf-8-sig")
    True
    """
    part = care[care["基準日"] == when]
    cols = [*CARE_LEVELS, "認定者数"]
    rows: list[list[object]] = [["要介護（要支援）認定者数 地区別・年齢階級別"],
                                [f"{wareki_date(pd.Timestamp(when).date())}現在　単位：人"],
                                ["地区", "年齢階級", "第1号被保険者数", *cols]]  # fmt: skip
    for d in DISTRICTS:
        block = part[part["地区コード"] == d.code]
        values = block[list(CARE_LEVELS)].to_numpy()
        hide = suppressed(values)
        for (_, r), mask in zip(block.iterrows(), hide, strict=True):
            cells = [
                "X" if m else pretty(int(v))
                for v, m in zip(r[list(CARE_LEVELS)], mask, strict=True)
            ]
            rows.append([d.name, r["年齢階級"], pretty(int(r["第1号被保険者数"])), *cells,
                         pretty(int(r["認定者数"]))])  # fmt: skip
        rows.append([d.name, "小計", pretty(int(block["第1号被保険者数"].sum())),
                     *(pretty(int(block[c].sum())) for c in cols)])  # fmt: skip
    rows.append(["合計", "", pretty(int(part["第1号被保険者数"].sum())),
                 *(pretty(int(part[c].sum())) for c in cols)])  # fmt: skip
    rows.append(["※ 1〜2人の区分と、そこから計算で分かってしまう区分は X で秘匿しています。"])
    return rows_csv_bytes(rows, encoding="utf-8-sig", newline="\n")


def health_csv(health: pd.DataFrame, year: int) -> bytes:
    """特定健診 of one 年度: blank repeated labels, full-width digits in some cells, ``*`` for 1–2.

    >>> import numpy as np
    >>> from .health import health_table
    >>> from .simulation import simulate
    >>> health = health_table(simulate(np.random.default_rng(0), 0.01), np.random.default_rng(1))
    >>> health_csv(health, 2024).decode().count("*") > 1
    True
    """
    part = health[health["年度"] == year]
    rows: list[list[object]] = [[f"{wareki_year(year)} 特定健康診査 受診状況（地区別・性別・年齢階級別）"],
                                ["地区", "性別", "年齢階級", "対象者数", "受診者数", "受診率"]]  # fmt: skip
    for d in DISTRICTS:
        for si, sex in enumerate(("男性", "女性")):
            block = part[(part["地区コード"] == d.code) & (part["性別"] == sex)]
            for bi, (_, r) in enumerate(block.iterrows()):
                target, done = int(r["対象者数"]), int(r["受診者数"])
                small = 1 <= done <= HEALTH_SUPPRESS_BELOW
                rate = "*" if small else f"{100 * done / target:.1f}%" if target else "-"
                cells = [pretty(target), "*" if small else pretty(done)]
                if (bi + si) % 4 == 1:
                    cells = [to_full_width(c) for c in cells]
                rows.append([d.name if bi == 0 and si == 0 else "", sex if bi == 0 else "",
                             r["年齢階級"].replace("-", "〜"), *cells, rate])  # fmt: skip
    rows.append([f"※ 受診者数が1〜{HEALTH_SUPPRESS_BELOW}人の区分は * で秘匿しています。"])
    return rows_csv_bytes(rows, encoding="utf-8", newline="\n")


_HALF = dict(zip(
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォッャュョー",
    "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｯｬｭｮｰ", strict=True,
))  # fmt: skip
_HALF.update({"ガ": "ｶﾞ", "ギ": "ｷﾞ", "グ": "ｸﾞ", "ゲ": "ｹﾞ", "ゴ": "ｺﾞ", "ザ": "ｻﾞ", "ジ": "ｼﾞ",
              "ズ": "ｽﾞ", "ゼ": "ｾﾞ", "ゾ": "ｿﾞ", "ダ": "ﾀﾞ", "ヂ": "ﾁﾞ", "ヅ": "ﾂﾞ", "デ": "ﾃﾞ",
              "ド": "ﾄﾞ", "バ": "ﾊﾞ", "ビ": "ﾋﾞ", "ブ": "ﾌﾞ", "ベ": "ﾍﾞ", "ボ": "ﾎﾞ", "パ": "ﾊﾟ",
              "ピ": "ﾋﾟ", "プ": "ﾌﾟ", "ペ": "ﾍﾟ", "ポ": "ﾎﾟ", "ヴ": "ｳﾞ"})  # fmt: skip
