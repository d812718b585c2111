"""kit.worksheet model: plain-data round trips (hypothesis), lookups, artefacts, light imports."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit.errors import WorksheetError
from kit.exercises.answers import dumps, loads
from kit.worksheet import (
    BASES,
    CONSENT,
    HANDLINGS,
    OUTSIDE_PURPOSE,
    PROVISIONS,
    ROLES,
    USES,
    WITHIN_PURPOSE,
    DataItem,
    PersonalDataWorksheet,
    SignOff,
    example,
)


def test_item_lookup_names_the_items_there_are():
    with pytest.raises(WorksheetError, match="「所得」はワークシートにありません"):
        example().item("所得")


def test_from_dict_refuses_unknown_fields_in_japanese():
    with pytest.raises(WorksheetError, match="知らない欄「目的」"):
        PersonalDataWorksheet.from_dict({"目的": "…"})
    with pytest.raises(WorksheetError, match="データ項目に知らない欄"):
        PersonalDataWorksheet.from_dict({"items": [{"name": "住所", "owner": "市民課"}]})
    with pytest.raises(WorksheetError, match="辞書"):
        PersonalDataWorksheet.from_dict(["not", "a", "dict"])


_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)
_items = st.builds(
    DataItem,
    name=_text,
    holder=_text,
    system=_text,
    personal=st.booleans(),
    sensitive=st.booleans(),
    original_purpose=_text,
    basis=st.sampled_from(["", *BASES]),
    provision=st.sampled_from(["", *PROVISIONS]),
    handling=st.sampled_from(["", *HANDLINGS]),
    obtained_how=_text,
    frequency=_text,
)
_signoffs = st.builds(
    SignOff,
    section=_text,
    role=st.sampled_from(ROLES),
    approved=st.booleans(),
    date=_text,
    note=_text,
)
worksheets = st.builds(
    PersonalDataWorksheet,
    title=_text,
    purpose=_text,
    target=_text,
    use=st.sampled_from(["", *USES]),
    planning_section=_text,
    items=st.lists(_items, max_size=4),
    access=_text,
    storage=_text,
    retention=_text,
    security=_text,
    signoffs=st.lists(_signoffs, max_size=4),
    open_issues=st.lists(_text, max_size=3),
)


@settings(deadline=None)
@given(worksheets)
def test_plain_data_round_trip_and_answers_file(ws):
    assert PersonalDataWorksheet.from_dict(ws.to_dict()) == ws
    assert loads(dumps({"ws": ws}))["ws"] == ws


@settings(deadline=None)
@given(worksheets)
def test_check_never_crashes_and_permitted_items_respect_must_fix(ws):
    findings = ws.check()
    must_fix_items = {f.item for f in findings.must_fix}
    permitted = ws.permitted_items()
    assert not set(permitted) & must_fix_items
    if findings.ok:
        assert permitted == [i.name for i in ws.items]


def test_saved_as_an_artefact_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_WORKDIR", str(tmp_path))
    ws = example()
    kit.artifacts.save("worksheet", ws, markdown=ws.to_markdown())
    assert kit.artifacts.load("worksheet") == ws
    assert (tmp_path / "worksheet.md").read_text(encoding="utf-8").startswith("# 個人情報の利用")
    assert '"kit.worksheet.PersonalDataWorksheet"' in (tmp_path / "worksheet.json").read_text(
        encoding="utf-8"
    )


def test_consent_items_and_basis_constants():
    ws = PersonalDataWorksheet(
        items=[DataItem("所得", basis=CONSENT), DataItem("住所", basis=WITHIN_PURPOSE)]
    )
    assert ws.consent_items() == ["所得"]
    assert OUTSIDE_PURPOSE in BASES


def test_importing_the_worksheet_loads_no_heavy_library():
    import subprocess
    import sys

    code = (
        "import sys, kit.worksheet\n"
        "kit.worksheet.example().check()\n"
        "print(sorted(m for m in ('pandas', 'ipywidgets', 'openpyxl') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
