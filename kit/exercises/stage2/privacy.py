"""Checkers for stage 2, second notebook (個人情報を守って使う): 問6〜問9.

問6 fixes a personal-data worksheet; 問7 pseudonymises the register extract for the nursery
analysis; 問8 measures its k-anonymity; 問9 generalises it until k ≥ 5.

>>> from kit.exercises import stage2 as ex
>>> ex.q6.check()
"""

from __future__ import annotations

from typing import Any

from kit.exercises import _checks as c
from kit.exercises._engine import Incorrect, Question
from kit.exercises.stage2 import register as reg
from kit.exercises.stage2.worksheet_draft import NEEDED_ITEMS, draft_worksheet

# 問6 — a worksheet with no 「要修正」 left ---------------------------------------------

_WRONG_PROVISIONS = {
    "第1項": "第69条第1項は「法令に基づく場合」です。この分析を定めた法令はありません。",
    "第1号": "第1号は本人の同意がある場合です。この分析では同意を取っていません。",
    "第3号": "第3号は他の行政機関などへ「提供」する場合です。この分析は市役所の中で使います。",
    "第4号": "第4号は統計や学術研究のために外部へ「提供」する場合です。市役所の中で使う場合の号を選んでください。",
}


def _provision_problem(text: str) -> str | None:
    import unicodedata

    plain = unicodedata.normalize("NFKC", text)
    if "第2項第2号" in plain:
        return None
    for key, message in _WRONG_PROVISIONS.items():
        if unicodedata.normalize("NFKC", key) in plain.split("（")[0]:
            return message
    return "根拠条項が、市役所の中での利用にあたる第69条の号になっていません。"


def _check_q6(fixed_ws: Any) -> None:
    from kit.worksheet import OUTSIDE_PURPOSE, USE_ANALYSIS, PersonalDataWorksheet

    if not isinstance(fixed_ws, PersonalDataWorksheet):
        raise Incorrect(
            f"`fixed_ws` はワークシート（PersonalDataWorksheet）ではなく{c.kind_name(fixed_ws)}です。"
            "ex.draft_worksheet() で下書きを取り出して直してください。"
        )
    draft = draft_worksheet()
    names = [i.name for i in fixed_ws.items]
    lost = [n for n in NEEDED_ITEMS if n not in names]
    if lost:
        raise Incorrect(
            f"分析に欠かせない項目「{'」「'.join(lost)}」が消えています。"
            "項目を消すのではなく、足りない欄を埋めてください。"
        )
    if fixed_ws.use != USE_ANALYSIS:
        raise Incorrect("利用の形が変わっています。この取り組みは分析のままです。")
    for before in draft.items:
        if before.name not in names:
            continue
        after = fixed_ws.item(before.name)
        if (after.personal, after.sensitive) != (before.personal, before.sensitive):
            raise Incorrect(
                f"「{before.name}」の個人情報・要配慮個人情報の区分が変わっています。"
                "区分を変えて指摘を消すのではなく、根拠や加工の方法で対応してください。"
            )
    findings = fixed_ws.check()
    if not findings.ok:
        first = findings.must_fix[0]
        raise Incorrect(
            f"まだ「要修正」が {len(findings.must_fix)} 件あります（最初のもの: {first}）。"
            "fixed_ws.check() で一覧を見ながら直してください。"
        )
    for item in fixed_ws.items:
        if item.personal and item.basis == OUTSIDE_PURPOSE:
            problem = _provision_problem(item.provision)
            if problem:
                raise Incorrect(f"「{item.name}」: {problem}")
        if item.sensitive and item.basis != OUTSIDE_PURPOSE:
            raise Incorrect(
                f"「{item.name}」の利用の根拠を確認してください。健診の結果を保育の分析に使うのは"
                "もともとの目的の範囲外で、本人の同意も取っていません。"
            )


q6 = Question(
    "問6",
    ["fixed_ws"],
    _check_q6,
    hints=[
        "まず draft.check() を実行して、「要修正」の一覧を読みましょう。指摘は 5 つあります。",
        '項目は fixed_ws.item("生年月日") で取り出し、.provision や .handling に値を入れて直します。'
        "確認欄は fixed_ws.signoffs.append(SignOff(...)) で加えます。",
        "市役所の中の別の課のデータを使う根拠は PROVISIONS[2]（第69条第2項第2号）です。"
        "分析に渡すデータの加工の方法は PSEUDONYMISED（仮名加工情報）か AGGREGATED（統計）にします。"
        "保育の分析に健診の結果がそもそも必要かも考えてみましょう（不要なら項目ごと削除してかまいません）。",
    ],
    praise="ワークシートの指摘をすべて解消できました。必要のない要配慮個人情報を使わないことも大切な判断です。",
)


# 問7 — pseudonymise the extract ------------------------------------------------------


def _check_q7(pseudo: Any) -> None:
    frame = c.expect_frame(pseudo, "pseudo")
    for column, why in (
        ("住所", "住所は本人を特定できる記述です"),
        ("生年月日", "年齢があれば生年月日は要りません"),
    ):
        if column in frame.columns:
            raise Incorrect(f"「{column}」の列が残っています（{why}）。列を削除してください。")
    missing = [col for col in reg.EXTRACT_COLUMNS if col not in frame.columns]
    if missing:
        raise Incorrect(f"列「{'」「'.join(missing)}」がありません。指示の 7 列を残してください。")
    extra = [str(col) for col in frame.columns if col not in reg.EXTRACT_COLUMNS]
    if extra:
        raise Incorrect(
            f"分析に要らない列「{'」「'.join(extra)}」が残っています。指示の 7 列だけにしてください。"
        )
    want = reg.preschool_extract()
    reg.explain_row_count(len(frame), "pseudo")
    ids = frame["住民ID"].astype(str)
    if set(ids) & set(want["住民ID"]):
        raise Incorrect("「住民ID」が元の番号のままの行があります。仮名に置き換えてください。")
    if set(frame["世帯ID"].astype(str)) & set(want["世帯ID"]):
        raise Incorrect(
            "「世帯ID」が元の番号のままです。世帯IDも台帳と照らし合わせれば本人が分かるので、仮名にしてください。"
        )
    if set(ids) <= reg.plain_hashes(want["住民ID"]):
        raise Incorrect(
            "鍵を使わないハッシュ（SHA-256）になっています。これは誰でも作り直せるので、"
            "元の番号を推測できてしまいます。kit.privacy.pseudonymize に鍵を渡してください。"
        )
    if ids.str.len().ne(16).all():
        raise Incorrect("仮名の長さが既定（16 文字）と違います。length は指定しないでください。")
    expected = reg.pseudonymised(want)
    if set(ids) != set(expected["住民ID"]):
        raise Incorrect(
            "「住民ID」の仮名が、指定の鍵 ex.TRAINING_KEY で作ったものと一致しません。使った鍵を確認してください。"
        )
    pairs = set(zip(ids, frame["世帯ID"].astype(str), strict=True))
    if pairs != set(zip(expected["住民ID"], expected["世帯ID"], strict=True)):
        raise Incorrect(
            "「世帯ID」の仮名が合いません。住民IDと同じ鍵で、世帯IDの列を仮名にしてください。"
        )


q7 = Question(
    "問7",
    ["pseudo"],
    _check_q7,
    hints=[
        "3 つの作業です: ① 0〜5歳の行に絞る ② 7 つの列だけを残す ③ 住民IDと世帯IDを仮名にする。",
        'kit.privacy.pseudonymize(表["住民ID"], ex.TRAINING_KEY) で仮名の列ができます。'
        "世帯IDも同じ鍵で置き換えます。",
        '表 = residents[residents["年齢"] <= 5][ex.EXTRACT_COLUMNS].copy() で絞り込んでから、'
        '表["住民ID"] = kit.privacy.pseudonymize(表["住民ID"], ex.TRAINING_KEY) のように置き換えます。',
    ],
    praise="鍵を使った仮名にできました。鍵を持つ人だけが元の番号と結び付けられます。",
)


# 問8 — measure k ---------------------------------------------------------------------


def _check_q8(k_value: Any, n_at_risk: Any) -> None:
    k = c.expect_number(k_value, "k_value")
    n = c.expect_number(n_at_risk, "n_at_risk")
    facts = reg.k_facts()
    if not c.is_close(k, facts["k"]):
        if c.is_close(k, facts["k_district"]):
            raise Incorrect(
                "地区名で数えています。準識別子は「年齢」「性別」「町丁目名」の 3 つです。"
            )
        if c.is_close(k, facts["k_everyone"]):
            raise Incorrect("住民全員の表で数えています。0〜5歳の子どもの表で数えてください。")
        raise Incorrect(
            "k の値が違います。k_anonymity に渡した表と準識別子（年齢・性別・町丁目名）を確認してください。"
        )
    if c.is_close(n, facts["n"]):
        return
    if c.is_close(n, facts["n_groups"]):
        raise Incorrect(
            "小さいグループの「数」になっています。グループに入っている「人（行）」の数を数えてください。"
        )
    if c.is_close(n, facts["n_le5"]):
        raise Incorrect(
            "5 人ちょうどのグループも数えています。k = 5 に届かないのは 5 人未満のグループです。"
        )
    if c.is_close(n, facts["n_below3"]):
        raise Incorrect("目標が k = 3 になっています。target=5 で数えてください。")
    raise Incorrect("人数が違います。report.rows_below(5) の長さを数えてみてください。")


q8 = Question(
    "問8",
    ["k_value", "n_at_risk"],
    _check_q8,
    hints=[
        "kit.privacy.k_anonymity(表, 準識別子のリスト) で報告を作ります。準識別子は ex.QUASI_IDENTIFIERS です。",
        "報告の .k が k です。5 人未満のグループにいる行は report.rows_below(5) で取り出せます。",
        "n_at_risk = len(report.rows_below(5)) のように、行の数を len() で数えます。",
    ],
    praise="k-匿名性を測れました。k = 1 は「その組み合わせの人が 1 人しかいない」という意味です。",
)


# 問9 — reach k ≥ 5 -------------------------------------------------------------------


def _check_q9(safe: Any) -> None:
    frame = c.expect_frame(safe, "safe")
    for column in ("住所", "生年月日"):
        if column in frame.columns:
            raise Incorrect(f"「{column}」の列が残っています。問7と同じく削除してください。")
    present = reg.quasi_identifiers_in(frame)
    for kind, columns in (
        ("年齢", reg.AGE_COLUMNS),
        ("性別", ("性別",)),
        ("地域", reg.AREA_COLUMNS),
    ):
        if not any(col in frame.columns for col in columns):
            raise Incorrect(
                f"{kind}の列がありません。分析に使うので、消さずに粗くしてください（例: 年齢を年齢階級に）。"
            )
    total = len(reg.preschool_extract())
    if len(frame) > total:
        raise Incorrect(f"行が元の表（{total:,} 行）より多くなっています。")
    if len(frame) < 0.95 * total:
        raise Incorrect(
            f"行を削除しすぎています（{total - len(frame):,} 行、{1 - len(frame) / total:.1%}）。"
            "削除は全体の 5% までにして、残りは一般化（区分を粗くする）で対応してください。"
        )
    area = next(col for col in reg.AREA_COLUMNS if col in frame.columns)
    if frame[area].nunique() < reg.N_DISTRICTS:
        raise Incorrect(
            "地域を粗くしすぎています。少なくとも地区ごとに分かる細かさは残してください。"
        )
    ages = next(col for col in reg.AGE_COLUMNS if col in frame.columns)
    if frame[ages].nunique() < 2:
        raise Incorrect(
            "年齢が 1 つの区分だけになっています。年齢の違いが分かる細かさは残してください。"
        )
    k = reg.smallest_group(frame, present)
    if k < 5:
        raise Incorrect(
            f"準識別子（{'・'.join(present)}）で見ると、まだ {k} 人しかいないグループがあります。"
            "さらに粗くするか、残った小さいグループの行を削除してください。"
        )


q9 = Question(
    "問9",
    ["safe"],
    _check_q9,
    hints=[
        "kit.privacy.achieve_k(表, ex.QUASI_IDENTIFIERS, k=5) を使うと、年齢を少しずつ粗くし、"
        "それでも残る小さいグループの行を削除してくれます。",
        "achieve_k は (新しい表, 報告) の 2 つを返します。safe, report = kit.privacy.achieve_k(...) と受け取ります。",
        "自分で粗くする方法もあります: 町丁目名の代わりに地区名を使う、年齢を age_band で区分にする、など。"
        "最後に kit.privacy.k_anonymity(safe, 使った準識別子).k が 5 以上か確かめましょう。",
    ],
    praise="k ≥ 5 にできました。どれだけ情報を失ったか（報告の information_loss）も分析計画と照らして確認しましょう。",
)
