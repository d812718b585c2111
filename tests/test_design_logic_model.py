"""kit.design logic models: stages, checks, exports and the figure."""

from __future__ import annotations

import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest

import kit
from kit.design import STAGES, LogicItem, LogicModel
from kit.design.logic_draw import MISSING_COLOUR
from kit.design.logic_stages import stage_key
from kit.errors import InputError

mpl.use("Agg")
kit.setup()


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def complete() -> LogicModel:
    return (
        LogicModel("ひとり親世帯へのプッシュ型通知")
        .add("インプット", "住民記録と受給データ")
        .add("活動", "対象候補に通知を送る")
        .add("アウトプット", "通知を受け取った世帯", "通知送付世帯数", "送付記録")
        .add("短期アウトカム", "申請する世帯が増える", "新規申請件数", "児童扶養手当システム")
        .add("中期アウトカム", "受給漏れが減る", "推計受給率", "住民記録と受給データ")
        .add("インパクト", "ひとり親世帯が安心して子育てできる", "生活満足度", "市民意識調査")
    )


def test_stage_names_keys_and_aliases():
    assert list(STAGES) == [
        "inputs",
        "activities",
        "outputs",
        "outcomes_short",
        "outcomes_mid",
        "impact",
    ]
    assert stage_key("インパクト") == stage_key("最終成果") == stage_key("impact") == "impact"
    assert stage_key(" 短期アウトカム ") == "outcomes_short"
    with pytest.raises(InputError, match="段階「成果」はロジックモデルにありません"):
        stage_key("成果")


def test_a_complete_model_has_no_findings():
    assert complete().validate() == []


def test_empty_stages_are_named():
    found = LogicModel().add("活動", "通知を送る").validate()
    assert found[0] == "「インプット」の項目がありません（投入する資源（予算・人・データ））。"
    assert len([f for f in found if "の項目がありません" in f]) == 5


def test_missing_indicator_and_missing_data_are_found():
    model = complete()
    model.outcomes_mid[0] = LogicItem("受給漏れが減る")
    model.outputs[0] = LogicItem("通知を受け取った世帯", "通知送付世帯数", "")
    found = model.validate()
    assert found == [
        "アウトプット「通知を受け取った世帯」の指標「通知送付世帯数」を測るデータ（どこから数を取るか）がありません。",
        "中期アウトカム「受給漏れが減る」に指標（KPI）がありません。何の数で測るかを決めてください。",
    ]


def test_inputs_and_activities_need_no_indicator():
    model = complete()
    assert model.inputs[0].indicator == "" and model.validate() == []


def test_outcome_written_as_the_citys_action_and_impact_as_a_means():
    model = complete()
    model.outcomes_short[0] = LogicItem("通知を送付する", "送付件数", "送付記録")
    model.outcomes_mid[0] = LogicItem("申請が増える", "通知の送付件数", "送付記録")
    model.impact[0] = LogicItem("プッシュ型通知のシステムを導入する", "導入の有無", "事業記録")
    found = model.validate()
    assert any("短期アウトカム「通知を送付する」は市がすること" in f for f in found)
    assert any("指標「通知の送付件数」は市がしたことを数えています" in f for f in found)
    assert any("インパクト「プッシュ型通知のシステムを導入する」が手段" in f for f in found)


def test_duplicates_are_found():
    model = complete().add("活動", "対象候補に通知を送る")
    assert "「活動」に同じ項目「対象候補に通知を送る」が 2 回あります。" in model.validate()


def test_add_refuses_empty_text():
    with pytest.raises(InputError, match="項目の内容が空"):
        LogicModel().add("活動", "")


def test_indicators_for_monitoring():
    assert complete().indicators(("outcomes_short", "impact")) == [
        ("短期アウトカム", "新規申請件数", "児童扶養手当システム"),
        ("インパクト", "生活満足度", "市民意識調査"),
    ]


def test_table_and_markdown():
    model = complete()
    table = model.to_frame()
    assert table.shape == (6, 4)
    assert table["段階"].tolist() == list(STAGES.values())
    markdown = model.to_markdown()
    assert markdown.splitlines()[0] == "### ロジックモデル：ひとり親世帯へのプッシュ型通知"
    assert (
        "| 短期アウトカム | 申請する世帯が増える | 新規申請件数 | 児童扶養手当システム |"
        in markdown
    )
    assert "| インプット | 住民記録と受給データ |  |  |" in markdown
    assert "見直したい点" not in markdown
    model.impact[0].indicator = ""
    with_findings = model.to_markdown()
    assert (
        "| インパクト | ひとり親世帯が安心して子育てできる | （未設定） | 市民意識調査 |"
        in with_findings
    )
    assert "**見直したい点**" in with_findings
    assert "見直したい点" not in model.to_markdown(title=False, findings=False)


def test_round_trip_through_dict_and_answers_file():
    from kit.exercises.answers import dumps, loads

    model = complete()
    assert LogicModel.from_dict(model.to_dict()) == model
    assert loads(dumps({"m": model}))["m"] == model


def test_figure_shows_every_item_with_missing_indicators_in_red():
    model = complete()
    model.outcomes_mid[0].indicator = ""
    ax = model.draw()
    texts = [t.get_text().replace("\n", "") for t in ax.texts]
    assert [t for t in texts if t in STAGES.values()] == list(STAGES.values())
    for key in STAGES:
        for item in model.items(key):
            assert item.text in texts
    red = [
        t.get_text() for t in ax.texts if mpl.colors.to_hex(t.get_color()) == MISSING_COLOUR.lower()
    ]
    assert red == ["指標：（未設定）"]
    assert ax.get_title(loc="left") == "ロジックモデル：ひとり親世帯へのプッシュ型通知"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax.figure.canvas.draw()


def test_figure_grows_with_the_longest_column():
    model = complete()
    short_height = model.draw().figure.get_figheight()
    for i in range(3):
        model.add("活動", f"追加の活動 {i}")
    assert model.draw().figure.get_figheight() > short_height
