"""kit.worksheet checks: every rule, one mutation of the clean example at a time."""

from __future__ import annotations

import copy

import pytest

from kit.worksheet import (
    AGGREGATED,
    ANONYMISED,
    AS_IS,
    MUST_FIX,
    PROVISIONS,
    PSEUDONYMISED,
    ROLE_HOLDER,
    TO_CONFIRM,
    USE_ANALYSIS,
    DataItem,
    PersonalDataWorksheet,
    example,
)


def _only_finding(ws: PersonalDataWorksheet):
    """The single finding of a worksheet that differs from the clean example in one place."""
    findings = ws.check()
    assert len(findings) == 1, [str(f) for f in findings]
    return findings[0]


def test_the_example_is_clean_and_names_register_columns():
    ws = example()
    assert ws.check() == []
    assert ws.check().ok
    assert ws.consent_items() == ["世帯の所得区分"]
    assert ws.permitted_items() == [i.name for i in ws.items]


def test_an_empty_worksheet_lists_every_missing_entry():
    findings = PersonalDataWorksheet().check()
    assert not findings.ok
    wheres = {f.where for f in findings}
    assert {"件名", "利用目的", "対象者", "利用の形", "データ項目", "保存期間・消去"} <= wheres
    assert all(f.level == MUST_FIX for f in findings)


@pytest.mark.parametrize(
    ("field", "where"),
    [
        ("title", "件名"),
        ("purpose", "利用目的"),
        ("target", "対象者"),
        ("planning_section", "企画・担当課"),
        ("access", "利用できる人"),
        ("storage", "保管場所"),
        ("retention", "保存期間・消去"),
        ("security", "安全管理措置"),
    ],
)
def test_each_missing_sheet_entry_is_named(field, where):
    ws = example()
    setattr(ws, field, "  ")
    finding = _only_finding(ws)
    assert (finding.level, finding.where, finding.item) == (MUST_FIX, where, None)


def test_retention_missing_says_what_to_decide():
    ws = example()
    ws.retention = ""
    assert "いつまで持ち、どう消すか" in _only_finding(ws).message


@pytest.mark.parametrize(
    ("field", "fragment"),
    [
        ("holder", "保有課"),
        ("system", "システム"),
        ("original_purpose", "もともとの利用目的"),
        ("obtained_how", "入手・共有の方法"),
        ("frequency", "頻度"),
        ("handling", "加工の方法"),
    ],
)
def test_each_missing_item_entry_is_named_with_its_item(field, fragment):
    ws = example()
    setattr(ws.item("生年月日"), field, "")
    findings = [f for f in ws.check() if f.item == "生年月日"]
    assert len(findings) == 1
    assert fragment in findings[0].message
    assert findings[0].where == "データ項目「生年月日」"


def test_outside_purpose_without_provision_is_flagged():
    ws = example()
    ws.item("住所").provision = ""
    finding = _only_finding(ws)
    assert finding.level == MUST_FIX and finding.item == "住所"
    assert "第69条" in finding.message and "目的外利用" in finding.message
    assert "住所" not in ws.permitted_items()
    assert "生年月日" in ws.permitted_items()


def test_sensitive_item_without_basis_says_so():
    ws = example()
    item = ws.item("児童扶養手当_受給")
    item.sensitive, item.basis = True, ""
    finding = _only_finding(ws)
    assert finding.level == MUST_FIX
    assert finding.message.startswith("要配慮個人情報なのに")


def test_sensitive_item_outside_purpose_without_provision_says_so():
    ws = example()
    item = ws.item("住所")
    item.sensitive, item.provision = True, ""
    assert _only_finding(ws).message.startswith("要配慮個人情報なのに、目的外利用")


def test_sensitive_but_not_personal_is_a_contradiction():
    ws = example()
    item = ws.item("住所")
    item.personal, item.sensitive = False, True
    assert "「個人情報ではない」のに" in _only_finding(ws).message


def test_non_personal_items_need_no_basis_or_handling():
    ws = example()
    ws.items.append(
        DataItem(
            "保育所の定員",
            holder="こども家庭課",
            system="施設台帳",
            personal=False,
            obtained_how="公開資料",
            frequency="年1回",
        )
    )
    assert ws.check() == []


def test_as_is_personal_data_for_analysts_must_be_processed():
    ws = example()
    ws.use = USE_ANALYSIS
    findings = ws.check()
    as_is = [i.name for i in ws.items if i.handling == AS_IS]
    assert {f.item for f in findings} == set(as_is)
    assert all("そのまま分析担当者に渡す" in f.message for f in findings)
    for item in ws.items:
        item.handling = PSEUDONYMISED
    assert ws.check().ok


def test_anonymised_data_cannot_serve_individuals_and_is_queried_for_analysis():
    ws = example()
    ws.item("住所").handling = ANONYMISED
    finding = _only_finding(ws)
    assert finding.level == MUST_FIX and "本人への案内には使えません" in finding.message
    ws.use = USE_ANALYSIS
    for item in ws.items:
        item.handling = AGGREGATED if item.name != "住所" else ANONYMISED
    findings = ws.check()
    assert findings.ok
    notes = {f.item: f for f in findings}
    assert notes["住所"].level == TO_CONFIRM and "民間事業者" in notes["住所"].message
    assert notes["世帯の所得区分"].level == TO_CONFIRM
    assert "同意した人のデータだけ" in notes["世帯の所得区分"].message


def test_within_purpose_with_a_provision_is_queried():
    ws = example()
    ws.item("児童扶養手当_受給").provision = PROVISIONS[2]
    finding = _only_finding(ws)
    assert finding.level == TO_CONFIRM and "どちらにあたるのか" in finding.message


def test_a_provision_that_is_not_article_69_is_queried():
    ws = example()
    ws.item("住所").provision = "住民基本台帳法"
    finding = _only_finding(ws)
    assert finding.level == TO_CONFIRM and "第69条" in finding.message
    ws.item("住所").provision = "第６９条第２項第２号"  # full-width digits are fine
    assert ws.check() == []


def test_regular_use_outside_purpose_suggests_changing_the_purpose():
    ws = example()
    ws.item("住所").frequency = "毎月"
    finding = _only_finding(ws)
    assert finding.level == TO_CONFIRM and "第61条第3項" in finding.message


def test_choices_outside_the_lists_are_refused():
    ws = example()
    ws.item("住所").basis = "なんとなく"
    ws.item("生年月日").handling = "暗号化"
    ws.use = "その他"
    messages = " ".join(f.message for f in ws.check())
    assert "利用の根拠は「" in messages
    assert "加工の方法は「" in messages
    assert "利用の形を「" in messages


def test_duplicate_and_unnamed_items_are_flagged():
    ws = example()
    ws.items.append(copy.deepcopy(ws.item("住所")))
    assert any("2 回以上" in f.message for f in ws.check())
    ws = example()
    ws.items[0].name = ""
    finding = _only_finding(ws)
    assert finding.where == "データ項目（1 番目）" and finding.item is None
    assert ws.permitted_items() == []


def test_every_holder_section_must_sign_off():
    ws = example()
    ws.signoffs = [s for s in ws.signoffs if s.section != "市民税課"]
    finding = _only_finding(ws)
    assert "「市民税課」の確認欄がありません" in finding.message
    assert ws.permitted_items() == []


def test_unapproved_and_missing_roles_are_flagged():
    ws = example()
    ws.signoffs[-1].approved = False
    assert "確認がまだです" in _only_finding(ws).message
    ws = example()
    ws.signoffs = [s for s in ws.signoffs if s.role == ROLE_HOLDER]
    messages = [f.message for f in ws.check()]
    assert messages == [
        "企画・担当課の確認欄がありません。",
        "個人情報保護担当課の確認欄がありません。",
    ]


def test_planning_signoff_of_another_section_is_queried():
    ws = example()
    ws.planning_section = "企画課"
    finding = _only_finding(ws)
    assert finding.level == TO_CONFIRM and "企画課" in finding.message


def test_findings_print_in_japanese():
    findings = PersonalDataWorksheet(title="例").check()
    text = str(findings)
    assert text.startswith(f"要修正 {len(findings)} 件、要確認 0 件")
    assert "<li>" in findings._repr_html_()
    assert str(example().check()) == "✓ 見つかった問題はありません。"


def test_findings_repr_is_the_japanese_summary():
    findings = PersonalDataWorksheet(title="例").check()
    assert repr(findings) == str(findings)
    assert repr(example().check()) == "✓ 見つかった問題はありません。"
