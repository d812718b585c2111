"""kit.worksheet form: it builds, shows the worksheet's values, and they round-trip both ways."""

from __future__ import annotations

import ipywidgets as w
from hypothesis import given, settings
from hypothesis import strategies as st

from kit.worksheet import (
    CONSENT,
    PROVISIONS,
    PSEUDONYMISED,
    ROLE_HOLDER,
    USE_ANALYSIS,
    DataItem,
    PersonalDataWorksheet,
    SignOff,
    example,
)
from kit.worksheet.form import WorksheetForm


def _descendants(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _descendants(child)


def _button(form, label):
    return next(
        x for x in _descendants(form.widget) if isinstance(x, w.Button) and x.description == label
    )


def test_form_shows_every_value_of_the_worksheet():
    ws = example()
    form = ws.form()
    assert isinstance(form.widget, w.VBox)
    assert form.fields["title"].value == ws.title
    assert form.fields["use"].value == ws.use
    assert form.fields["open_issues"].value == "\n".join(ws.open_issues)
    assert len(form.items) == len(ws.items)
    income = form.items[-1].fields
    assert income["name"].value == "世帯の所得区分"
    assert income["basis"].value == CONSENT
    assert income["personal"].value is True and income["sensitive"].value is False
    assert [s.fields["section"].value for s in form.signoffs] == [s.section for s in ws.signoffs]
    labels = [x.value for x in _descendants(form.widget) if isinstance(x, w.HTML)]
    assert "<h3>2. 利用するデータ項目</h3>" in labels


def test_worksheet_to_form_to_worksheet_is_identity():
    ws = example()
    assert ws.form().worksheet() == ws
    assert PersonalDataWorksheet().form().worksheet() == PersonalDataWorksheet()


def test_form_edits_reach_the_worksheet():
    form = example().form()
    form.fields["use"].value = USE_ANALYSIS
    for editor in form.items:
        editor.fields["handling"].value = PSEUDONYMISED
    form.items[0].fields["sensitive"].value = True
    form.fields["open_issues"].value = " 同意書の様式 \n\n予算\n"
    ws = form.worksheet()
    assert ws.use == USE_ANALYSIS
    assert {i.handling for i in ws.items} == {PSEUDONYMISED}
    assert ws.items[0].sensitive is True
    assert ws.open_issues == ["同意書の様式", "予算"]


def test_form_does_not_change_the_worksheet_it_came_from():
    ws = example()
    form = ws.form()
    form.fields["title"].value = "別の件名"
    form.items[0].fields["name"].value = "変更"
    assert ws == example()


def test_buttons_add_and_remove_items_and_signoffs():
    form = PersonalDataWorksheet().form()
    _button(form, "データ項目を追加").click()
    _button(form, "データ項目を追加").click()
    assert len(form.worksheet().items) == 2
    form.items[0].fields["name"].value = "住所"
    _button(form, "この項目を削除").click()  # the first item's button
    assert [i.name for i in form.worksheet().items] == [""]
    _button(form, "確認欄を追加").click()
    form.signoffs[0].fields["section"].value = "市民課"
    form.signoffs[0].fields["role"].value = ROLE_HOLDER
    assert form.worksheet().signoffs == [SignOff("市民課", ROLE_HOLDER)]
    _button(form, "この確認欄を削除").click()
    assert form.worksheet().signoffs == []


def test_load_replaces_what_the_form_held():
    form = example().form()
    other = PersonalDataWorksheet(title="別", items=[DataItem("住所", provision="独自の条例")])
    form.load(other)
    assert form.worksheet() == other
    assert ("独自の条例", "独自の条例") in form.items[0].fields["provision"].options


def test_values_outside_the_choices_survive_the_form():
    ws = PersonalDataWorksheet(use="その他", items=[DataItem("所得", basis="なんとなく")])
    assert ws.form().worksheet() == ws


def test_check_button_shows_findings():
    form = PersonalDataWorksheet().form()
    _button(form, "チェックする").click()
    shown = form._output.outputs
    assert shown and "要修正" in str(shown)


def test_static_fallback_text_points_to_markdown():
    bundle = example().form()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "to_markdown()" in bundle["text/plain"]


_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zl", "Zp"]), max_size=12
)
_line = _text.map(str.strip).filter(bool)


@settings(max_examples=25, deadline=None)
@given(
    title=_text,
    names=st.lists(_text, max_size=3),
    provision=st.sampled_from(["", *PROVISIONS]),
    flags=st.tuples(st.booleans(), st.booleans()),
    issues=st.lists(_line, max_size=3),
)
def test_round_trip_both_ways_for_any_values(title, names, provision, flags, issues):
    ws = PersonalDataWorksheet(
        title=title,
        items=[
            DataItem(n, provision=provision, personal=flags[0], sensitive=flags[1]) for n in names
        ],
        open_issues=issues,
    )
    form = WorksheetForm(ws)
    back = form.worksheet()
    assert back == ws
    again = WorksheetForm(back)
    assert [e.fields["name"].value for e in again.items] == names
    assert again.fields["open_issues"].value == "\n".join(issues)
