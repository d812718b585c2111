"""kit.design monitoring plans, and the push-notice prototype within the worksheet's rules."""

from __future__ import annotations

import pandas as pd
import pytest

import kit
from kit.design import LogicModel, MonitoringPlan, notice_letters, permitted_view
from kit.design.notices import age_on, consent_flags
from kit.errors import InputError, PrivacyError


def model() -> LogicModel:
    return (
        LogicModel("例")
        .add("アウトプット", "通知を受け取った世帯", "通知送付世帯数", "送付記録")
        .add("短期アウトカム", "申請が増える", "新規申請件数", "児童扶養手当システム")
        .add("インパクト", "安心して子育てできる", "生活満足度", "市民意識調査")
    )


def test_plan_from_logic_model_prefills_indicators_and_data():
    plan = MonitoringPlan.from_logic_model(model())
    assert plan.to_frame()[["指標", "データ"]].values.tolist() == [
        ["通知送付世帯数", "送付記録"],
        ["新規申請件数", "児童扶養手当システム"],
        ["生活満足度", "市民意識調査"],
    ]
    found = plan.validate()
    assert found[0] == "指標「通知送付世帯数」の「頻度」「担当」「目安」が空です。"
    assert len(found) == 3


def test_validate_checks_frequency_duplicates_and_unwatched_outcomes():
    plan = MonitoringPlan().add(
        "新規申請件数", "児童扶養手当システム", "随時", "こども家庭課", "月 3 件"
    )
    plan.add("新規申請件数", "受付記録", "毎月", "こども家庭課", "月 3 件")
    found = plan.validate(model())
    assert any("頻度「随時」は、毎日・毎週・毎月・四半期ごと・半年ごと・毎年" in f for f in found)
    assert "指標「新規申請件数」が 2 回以上あります。" in found
    assert "インパクトの指標「生活満足度」がモニタリング計画にありません。" in found
    assert not any("通知送付世帯数" in f for f in found)  # outputs need not be monitored
    assert MonitoringPlan().validate() == [
        "指標が 1 つもありません。plan.add(...) で指標を加えてください。"
    ]


def test_plan_tables_markdown_and_round_trips():
    from kit.exercises.answers import dumps, loads

    plan = MonitoringPlan("計画").add(
        "新規申請件数", "システム", "毎月", "こども家庭課", "月 3 件", "案内を見直す"
    )
    assert plan.validate() == []
    frame = plan.to_frame()
    assert MonitoringPlan.from_frame(frame, title="計画") == plan
    assert MonitoringPlan.from_frame(frame.drop(columns="対応")).items[0].action == ""
    with pytest.raises(InputError, match="列「担当」"):
        MonitoringPlan.from_frame(frame.drop(columns="担当"))
    assert (
        "| 新規申請件数 | システム | 毎月 | こども家庭課 | 月 3 件 | 案内を見直す |"
        in plan.to_markdown()
    )
    assert MonitoringPlan.from_dict(plan.to_dict()) == plan
    assert loads(dumps({"p": plan}))["p"] == plan


def register() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "住民ID": ["a", "b", "c", "d"],
            "世帯ID": ["1", "1", "2", "3"],
            "続柄": ["世帯主", "子", "世帯主", "世帯主"],
            "世帯類型": ["ひとり親と子の世帯"] * 2 + ["単独世帯", "ひとり親と子の世帯"],
            "世帯の所得区分": ["100万円未満"] * 2 + ["700万円以上", "100万円未満"],
            "所得情報利用同意": pd.array([True, True, None, False], dtype="boolean"),
        }
    )


def test_permitted_view_blanks_consent_items_without_consent():
    ws = kit.worksheet.example()
    view = permitted_view(register(), ws, ["世帯類型", "世帯の所得区分"])
    assert view.columns.tolist() == [
        "住民ID",
        "世帯ID",
        "世帯類型",
        "世帯の所得区分",
        "所得情報利用同意",
    ]
    assert view["世帯の所得区分"].isna().tolist() == [False, False, True, True]
    assert view["世帯類型"].notna().all()  # not a consent item: kept for everyone
    assert view["所得情報利用同意"].tolist() == [True, True, False, False]


def test_permitted_view_refuses_items_not_on_the_worksheet():
    ws = kit.worksheet.example()
    with pytest.raises(PrivacyError, match="ワークシートに載っていないため") as caught:
        permitted_view(register(), ws, ["世帯類型", "続柄"])
    assert caught.value.column == "続柄"
    ws.items = [i for i in ws.items if i.name != "世帯の所得区分"]
    with pytest.raises(PrivacyError):
        permitted_view(register(), ws, ["世帯の所得区分"])


def test_permitted_view_refuses_items_the_worksheet_does_not_yet_allow():
    ws = kit.worksheet.example()
    ws.item("世帯の所得区分").basis = ""  # no legal basis stated any more
    assert "世帯の所得区分" not in ws.permitted_items()
    with pytest.raises(PrivacyError, match="直すべき点が残っている"):
        permitted_view(register(), ws, ["世帯の所得区分"])


def test_permitted_view_needs_the_consent_column_and_a_worksheet():
    ws = kit.worksheet.example()
    with pytest.raises(PrivacyError, match="同意の列「所得情報利用同意」が表にありません"):
        permitted_view(register().drop(columns="所得情報利用同意"), ws, ["世帯の所得区分"])
    with pytest.raises(InputError, match="ワークシート"):
        permitted_view(register(), {"items": []}, ["世帯類型"])
    with pytest.raises(InputError, match="列「収入」がありません"):
        permitted_view(register(), ws, ["収入"])


def test_consent_flags_read_text_and_booleans():
    assert consent_flags(pd.Series(["True", "False", "", "はい", None])).tolist() == [
        True, False, False, True, False,
    ]  # fmt: skip


def test_notice_letters_one_per_household_without_the_data_used():
    households = pd.DataFrame({"世帯ID": ["1", "1", "3"], "地区名": ["中央地区"] * 3})
    letters = notice_letters(households, "児童扶養手当", contact="電話 0000-11-2222")
    assert letters["世帯ID"].tolist() == ["1", "3"]
    assert letters["件名"].unique().tolist() == ["児童扶養手当のご案内"]
    body = letters["本文"].iloc[0]
    assert "七瀬市こども家庭課からのお知らせです。" in body
    assert "電話 0000-11-2222" in body and "所得" not in body
    custom = notice_letters(households, "児童扶養手当", template="{地区名}の{宛名}へ")
    assert custom["本文"].iloc[1] == "中央地区の世帯主様へ"
    with pytest.raises(InputError, match="{年収}"):
        notice_letters(households, "児童扶養手当", template="{年収}")


def test_age_on_counts_completed_years_on_the_day():
    births = pd.Series(pd.to_datetime(["2008-04-01", "2008-04-02", "2020-02-29", "1950-12-31"]))
    assert age_on(births, "2026-04-01").tolist() == [18, 17, 6, 75]
    assert age_on(births.dt.strftime("%Y-%m-%d"), "2025-03-01").tolist() == [16, 16, 5, 74]
    with pytest.raises(InputError, match="日付として読めない"):
        age_on(pd.Series(["2008-04-01", "不明"], name="生年月日"))
