"""kit.design business flows: the model, its checks and exports, and the swimlane figures."""

from __future__ import annotations

import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.patches import FancyBboxPatch
from matplotlib.text import Annotation

import kit
from kit.design import FlowStep, ServiceFlow, draw_flows
from kit.design._text import display_width, wrap_ja
from kit.design.flow_draw import ISSUE_COLOUR, draw_flow
from kit.errors import InputError

mpl.use("Agg")
kit.setup()


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def as_is() -> ServiceFlow:
    flow = ServiceFlow("現状", lanes=["住民", "こども家庭課", "市民税課"])
    flow.add("住民", "制度を知る", issue="知らないと申請しない")
    flow.add("住民", "窓口で相談する", issue="平日に来庁が必要")
    flow.add("こども家庭課", "書類を確認する")
    flow.add("市民税課", "所得を回答する")
    flow.add("こども家庭課", "認定する")
    return flow


def to_be() -> ServiceFlow:
    flow = ServiceFlow("あるべき姿", lanes=["住民", "こども家庭課", "システム"])
    flow.add("システム", "対象候補を抽出する")
    flow.add("こども家庭課", "通知を送る")
    flow.add("住民", "オンラインで申請する")
    flow.add("こども家庭課", "認定する")
    return flow


def _boxes(ax) -> list[FancyBboxPatch]:
    """Step boxes (drawn above the lane bands)."""
    return [p for p in ax.patches if isinstance(p, FancyBboxPatch) and p.get_zorder() == 3]


def _box_texts(ax, colour: str | None = None) -> list[str]:
    """Texts drawn on the boxes; with ``colour``, only those in that colour."""
    return [
        t.get_text().replace("\n", "")
        for t in ax.texts
        if t.get_zorder() == 4
        and (colour is None or mpl.colors.to_hex(t.get_color()) == colour.lower())
    ]


def test_add_numbers_steps_in_order_and_adds_unknown_lanes():
    flow = ServiceFlow("例", lanes=["住民"]).add("住民", "申請する").add("窓口", "受け付ける")
    assert [s.order for s in flow.steps] == [1, 2]
    assert flow.lanes == ["住民", "窓口"]
    flow.add("住民", "並行する手順", order=2)
    assert [s.text for s in flow.ordered()] == ["申請する", "並行する手順", "受け付ける"]
    assert flow.count("住民") == 2


def test_add_refuses_empty_text_and_bad_order():
    with pytest.raises(InputError, match="レーン（誰が）と内容"):
        ServiceFlow().add("住民", " ")
    with pytest.raises(InputError, match="1 以上の整数"):
        ServiceFlow().add("住民", "申請する", order=0)


def test_validate_finds_duplicates_and_empty_lanes():
    flow = (
        ServiceFlow("例", lanes=["住民", "システム"])
        .add("住民", "申請する")
        .add("住民", "申請する")
    )
    found = flow.validate()
    assert "同じ手順「申請する」が 2 回以上あります。" in found
    assert any("レーン「システム」には手順がありません" in f for f in found)
    assert as_is().validate() == []


def test_issues_and_table_exports():
    flow = as_is()
    assert [s.text for s in flow.issues()] == ["制度を知る", "窓口で相談する"]
    table = flow.to_frame()
    assert table["レーン"].tolist() == ["住民", "住民", "こども家庭課", "市民税課", "こども家庭課"]
    assert table.loc[1, "課題"] == "平日に来庁が必要"
    markdown = flow.to_markdown()
    assert markdown.splitlines()[0] == "### 業務フロー：現状"
    assert "| 2 | 住民 | 窓口で相談する | 平日に来庁が必要 |" in markdown


def test_dict_round_trip_and_answers_file():
    from kit.exercises.answers import dumps, loads

    flow = as_is()
    assert ServiceFlow.from_dict(flow.to_dict()) == flow
    assert loads(dumps({"f": flow}))["f"] == flow
    assert FlowStep("住民", "x", 1, issue=" ").is_issue is False


def test_swimlane_has_one_box_per_step_arrows_between_orders_and_red_issues():
    flow = as_is().add("市民税課", "並行して確認する", order=3)
    ax = draw_flow(flow)
    boxes = _boxes(ax)
    assert len(boxes) == len(flow.steps)
    red = [b for b in boxes if mpl.colors.to_hex(b.get_edgecolor()) == ISSUE_COLOUR.lower()]
    assert len(red) == 2
    # orders 1→2 (1×1), 2→3 (1×2), 3→4 (2×1), 4→5 (1×1)
    assert len([c for c in ax.get_children() if isinstance(c, Annotation)]) == 1 + 2 + 2 + 1
    assert set(_box_texts(ax)) == {s.text for s in flow.steps} | {s.issue for s in flow.issues()}
    assert sorted(_box_texts(ax, ISSUE_COLOUR)) == ["平日に来庁が必要", "知らないと申請しない"]
    lane_labels = [t.get_text() for t in ax.texts if t.get_zorder() != 4]
    assert {"住民", "こども家庭課", "市民税課"} <= {x.replace("\n", "") for x in lane_labels}
    assert ax.get_title(loc="left") == "現状"


def test_boxes_sit_in_their_lane_and_column():
    flow = as_is()
    ax = draw_flow(flow)
    lanes = flow.lanes
    for box, step in zip(_boxes(ax), flow.ordered(), strict=True):
        x = box.get_x() + box.get_width() / 2
        y = box.get_y() + box.get_height() / 2
        assert -(lanes.index(step.lane) + 1) < y < -lanes.index(step.lane)
        assert step.order < x < step.order + 1  # label column is 1 unit wide


def test_compared_flows_share_lanes_and_count_the_resident_steps():
    fig = draw_flows(as_is(), to_be())
    left, right = fig.axes
    assert left.get_title(loc="left") == "現状（住民の手順 2）"
    assert right.get_title(loc="left") == "あるべき姿（住民の手順 1）"
    assert (
        left.get_ylim() == right.get_ylim() == (-4.0, 0.0)
    )  # 住民, こども家庭課, 市民税課, システム
    assert fig.get_suptitle() == "業務フローの比較：現状とあるべき姿"


def test_layout_choice():
    long = ServiceFlow("長い", lanes=["住民"])
    for i in range(7):
        long.add("住民", f"手順{i}")
    stacked = draw_flows(long, to_be())
    (a, b) = stacked.axes
    assert a.get_position().y0 > b.get_position().y0  # one above the other
    side = draw_flows(as_is(), to_be(), layout="horizontal")
    (c, d) = side.axes
    assert c.get_position().x0 < d.get_position().x0
    with pytest.raises(InputError):
        draw_flows(as_is(), to_be(), layout="diagonal")


def test_japanese_renders_without_missing_glyphs():
    fig = draw_flows(as_is(), to_be())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.canvas.draw()


def test_draw_refuses_other_objects():
    with pytest.raises(InputError, match="ServiceFlow"):
        draw_flow({"steps": []})


@given(
    st.text(alphabet="住民が窓口で申請書を書く、。（）ABC 12", min_size=0, max_size=60),
    st.integers(min_value=6, max_value=30),
)
def test_wrap_keeps_every_character_and_fits_the_width(text, width):
    wrapped = wrap_ja(text, width)
    lines = wrapped.split("\n")
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        # a line may exceed the width only by punctuation kept off the next line's start
        assert display_width(line.rstrip("、。）")) <= width or len(line) <= 2
        assert not line[:1] or line[0] not in "、。）" or line == lines[0]


def test_wrap_balances_lines_and_cuts_with_an_ellipsis():
    assert wrap_ja("審査して認定する", 14) == "審査して\n認定する"
    assert wrap_ja("あいうえおかきくけこさしすせそ", 10, max_lines=2) == "あいうえお\nかきくけ…"
