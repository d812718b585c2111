"""kit.design one-page proposal: assembled from saved work with fallbacks; Markdown and HTML exports."""

from __future__ import annotations

import base64
import re
import shutil
import subprocess

import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest

import kit
from kit.design import (
    LogicModel,
    MonitoringPlan,
    Proposal,
    ServiceFlow,
    assumptions_table,
    proposal,
)
from kit.design.earlier import as_markdown, earlier_work

mpl.use("Agg")
kit.setup()


@pytest.fixture(autouse=True)
def workdir(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_WORKDIR", str(tmp_path / "my_work"))
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    yield tmp_path / "my_work"
    plt.close("all")


def flows() -> tuple[ServiceFlow, ServiceFlow]:
    as_is = ServiceFlow("現状", lanes=["住民", "こども家庭課"])
    as_is.add("住民", "制度を知る", issue="知らないと申請しない").add("住民", "窓口で申請する")
    as_is.add("こども家庭課", "認定する")
    to_be = ServiceFlow("あるべき姿", lanes=["住民", "こども家庭課"])
    to_be.add("こども家庭課", "通知を送る").add("住民", "オンラインで申請する")
    return as_is, to_be


def model() -> LogicModel:
    return (
        LogicModel("ひとり親世帯へのプッシュ型通知")
        .add("インプット", "住民記録と受給データ")
        .add("活動", "対象候補に通知を送る")
        .add("アウトプット", "通知を受け取った世帯", "通知送付世帯数", "送付記録")
        .add("短期アウトカム", "申請する世帯が増える", "新規申請件数", "児童扶養手当システム")
        .add("中期アウトカム", "受給漏れが減る", "推計受給率", "住民記録と受給データ")
        .add("インパクト", "ひとり親世帯が安心して子育てできる", "生活満足度", "市民意識調査")
    )


def full(**changes) -> Proposal:
    fig, ax = plt.subplots()
    ax.bar(["低", "基本", "高"], [20, 36, 50])
    values = {
        "summary": "受給できるのに受けていない世帯に通知を送り、受給漏れを減らします。",
        "measure": "住民記録と受給状況を照合し、対象候補に通知を送ります。",
        "team": "第2班",
        "flows": flows(),
        "logic_model": model(),
        "estimate": [assumptions_table({"反応率": 0.4}, {"反応率": (0.2, 0.6)}), "基本 36 世帯"],
        "monitoring": MonitoringPlan().add(
            "新規申請件数", "システム", "毎月", "こども家庭課", "月 3 件"
        ),
        "figures": {"効果の幅": ax},
    }
    values.update(changes)
    return proposal("ひとり親世帯へのプッシュ型通知", **values)


def save_earlier_work() -> None:
    problem = kit.framing.ProblemStatement(
        goal="手当を受けられる世帯にもれなく届く",
        reality="対象と思われる世帯の 3 割が受けていない",
        gap="受給漏れが約 30 世帯",
        issue="受けていない世帯に制度が伝わっていない理由を明らかにする",
        indicator="受給漏れの世帯数",
        value=30,
        unit="世帯",
    )
    tree = kit.framing.LogicTree.from_outline(
        "受給漏れがある\n  制度を知らない\n    転入して間もない\n  申請が手間\n    平日に来庁できない\n"
    )
    kit.artifacts.save("problem", problem)
    kit.artifacts.save("logic_tree", tree)
    kit.artifacts.save(
        "hypotheses", [kit.framing.Hypothesis("転入して間もない世帯ほど受けていないのではないか")]
    )
    kit.artifacts.save("theme", "子育て")
    kit.artifacts.save("worksheet", kit.worksheet.example())
    kit.artifacts.save(
        "findings", ["父子世帯の受給率は母子世帯より低い。", "転入 2 年以内の世帯で低い。"]
    )


def test_without_earlier_work_every_part_has_a_clear_placeholder():
    p = full()
    assert p.section("problem").markdown == "（ステージ1の問題文がまだ保存されていません）"
    assert p.section("causes").markdown == "（ステージ1のロジックツリーがまだ保存されていません）"
    assert (
        p.section("findings").markdown
        == "（ステージ3の分析結果（事実の文章）がまだ保存されていません）"
    )
    assert p.section("privacy").markdown.startswith("（ステージ2の個人情報の利用ワークシート")
    assert p.theme == ""
    assert p.missing == [
        "テーマ", "目標・問題・課題", "ロジックツリー", "仮説", "個人情報の利用ワークシート",
        "分析結果（事実の文章）",
    ]  # fmt: skip
    assert "まだ保存されていない前のステージの成果" in p.to_html()


def test_with_earlier_work_the_proposal_carries_it():
    save_earlier_work()
    p = full()
    assert p.missing == []
    assert p.theme == "子育て"
    assert "手当を受けられる世帯にもれなく届く" in p.section("problem").markdown
    causes = p.section("causes").markdown
    assert (
        "転入して間もない" in causes
        and "転入して間もない世帯ほど受けていないのではないか" in causes
    )
    assert (
        p.section("findings").markdown
        == "- 父子世帯の受給率は母子世帯より低い。\n- 転入 2 年以内の世帯で低い。"
    )
    privacy = p.section("privacy").markdown
    assert "**本人同意がある人だけに使う項目**: 世帯の所得区分" in privacy
    assert (
        "- **使うデータ**: 世帯類型、生年月日、住所（市民課）／児童扶養手当_受給（こども家庭課）／世帯の所得区分（市民税課）"
        in privacy
    )
    assert "#" not in p.section("problem").markdown  # the artefact's headings are demoted


def test_unreadable_or_odd_artefacts_fall_back(workdir):
    workdir.mkdir(parents=True)
    (workdir / "problem.json").write_text("{ not json", encoding="utf-8")
    kit.artifacts.save("findings", 42)
    kit.artifacts.save("theme", {"テーマ": "防災"})
    (workdir / "logic_tree.json").write_text(
        '{"kind": "kit", "class": "kit.framing.NoSuchThing", "data": {}}', encoding="utf-8"
    )
    found = earlier_work(["problem", "findings", "theme", "logic_tree"])
    assert found["problem"] == "（ステージ1の問題文がまだ保存されていません）"
    assert found["findings"] == "42"
    assert found["theme"] == "- **テーマ**: 防災"
    assert found["logic_tree"] == "（ステージ1のロジックツリーがまだ保存されていません）"


def test_long_artefacts_are_cut_to_fit_the_page():
    text = as_markdown([f"事実 {i}" for i in range(30)])
    assert text.splitlines()[-1] == "- （以下 18 行は省略）"
    assert len(text.splitlines()) == 13


def test_markdown_export_has_numbered_sections_tables_and_figures():
    p = full(use_saved=False)
    text = p.to_markdown(["proposal_fig1.png"])
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings[:9] == [
        "1. 提案の要旨", "2. 目標と問題", "3. 原因と仮説", "4. データで分かったこと",
        "5. 施策の内容（現状とあるべき姿）", "6. 個人情報の取扱い", "7. ロジックモデル",
        "8. 効果と費用の試算", "9. モニタリング計画",
    ]  # fmt: skip
    assert (
        "### 業務フロー：現状" in text
        and "| 1 | 住民 | 制度を知る | 知らないと申請しない |" in text
    )
    assert "| 短期アウトカム | 申請する世帯が増える | 新規申請件数 | 児童扶養手当システム |" in text
    assert "| 反応率 | 0.4 |  | 0.2〜0.6 |  |" in text
    assert "| 新規申請件数 | システム | 毎月 | こども家庭課 | 月 3 件 |  |" in text
    assert "![効果の幅](proposal_fig1.png)" in text
    assert p.byline().startswith("第2班／") and "年" in p.byline()


def test_html_is_self_contained_and_escapes_trainee_text():
    p = full(summary="**強調** と <script>alert(1)</script>", use_saved=False)
    page = p.to_html()
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "<strong>強調</strong>" in page
    assert not re.search(r"https?://|<link|@import|url\(", page)
    sources = re.findall(r'src="([^"]+)"', page)
    assert len(sources) == 1 and sources[0].startswith("data:image/png;base64,")
    png = base64.b64decode(sources[0].split(",", 1)[1])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert "@page { size: A4 landscape" in page
    for text in ("知らないと申請しない", "通知を送る", "推計受給率", "月 3 件", "効果の幅"):
        assert text in page
    assert page.count("<table>") == 5  # 2 flows, logic model, assumptions, monitoring


def test_missing_indicator_is_flagged_in_the_html():
    m = model()
    m.outcomes_mid[0].indicator = ""
    page = full(logic_model=m, use_saved=False).to_html()
    assert '<span class="missing">指標：（未設定）</span>' in page
    assert "見直したい点が 1 つあります" in page


def test_save_writes_markdown_html_and_figures(workdir, tmp_path):
    p = full(use_saved=False)
    paths = p.save()
    assert paths["html"] == workdir / "proposal.html"
    assert (workdir / "proposal_fig1.png").read_bytes()[:4] == b"\x89PNG"
    assert "![効果の幅](proposal_fig1.png)" in (workdir / "proposal.md").read_text(encoding="utf-8")
    assert kit.artifacts.load("proposal") == p
    elsewhere = p.save(tmp_path / "out", name="teian")
    assert sorted(f.name for f in (tmp_path / "out").iterdir()) == [
        "teian.html", "teian.md", "teian_fig1.png",
    ]  # fmt: skip
    assert elsewhere["markdown"].read_text(encoding="utf-8").startswith("# ひとり親世帯")


def test_save_writes_nothing_while_nbgrader_grades(workdir, monkeypatch, capsys):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert full(use_saved=False).save() == {}
    assert not workdir.exists()
    assert "採点のための実行中" in capsys.readouterr().out


def test_round_trip_and_wrong_pieces():
    p = full(use_saved=False)
    assert Proposal.from_dict(p.to_dict()) == p
    assert repr(p) == "Proposal('ひとり親世帯へのプッシュ型通知', 9 項目, 図 1)"
    assert "kit-proposal" in p._repr_html_() and "@page" not in p._repr_html_()
    with pytest.raises(kit.InputError, match="ServiceFlow"):
        proposal("例", flows=["現状"], use_saved=False)
    with pytest.raises(kit.InputError, match="LogicModel"):
        proposal("例", logic_model={"inputs": []}, use_saved=False)
    with pytest.raises(kit.InputError, match="matplotlib の図"):
        proposal("例", figures={"図": "figure.png"}, use_saved=False)
    empty = proposal(use_saved=False)
    assert empty.title == "（提案の題名）"
    assert empty.section("summary").markdown == "（ここに書いてください）"
    assert empty.section("monitoring").markdown == "（まだ作成されていません）"


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_printed_proposal_fits_one_a4_page(tmp_path):
    save_earlier_work()
    html_file = tmp_path / "proposal.html"
    html_file.write_text(full().to_html(), encoding="utf-8")
    pdf = tmp_path / "proposal.pdf"
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", html_file.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes())
    assert len(pages) == 1
