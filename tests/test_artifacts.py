"""The trainee's work folder: where artefacts go, round trips, fallbacks, clear errors."""

from __future__ import annotations

import pandas as pd
import pytest

from kit import artifacts
from kit.errors import ArtifactError


@pytest.fixture
def in_stage_folder(tmp_path, monkeypatch):
    stage = tmp_path / "workspace" / "stage1"
    stage.mkdir(parents=True)
    monkeypatch.chdir(stage)
    monkeypatch.delenv("KIT_WORKDIR", raising=False)
    return tmp_path / "workspace"


def test_folder_is_beside_the_stage_folders(in_stage_folder):
    assert artifacts.folder() == in_stage_folder / "my_work"


def test_kit_workdir_overrides(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_WORKDIR", str(tmp_path / "elsewhere"))
    assert artifacts.folder() == tmp_path / "elsewhere"


def test_save_and_load_round_trip_with_markdown_copy(in_stage_folder):
    table = pd.DataFrame({"地区": ["中央", "川辺"], "待機児童数": [3, 12]})
    path = artifacts.save(
        "waiting", {"表": table, "メモ": "川辺が多い"}, markdown="# 待機児童\n川辺が多い"
    )
    assert path == in_stage_folder / "my_work" / "waiting.json"
    assert (
        (in_stage_folder / "my_work" / "waiting.md")
        .read_text(encoding="utf-8")
        .startswith("# 待機児童")
    )
    back = artifacts.load("waiting")
    assert back["メモ"] == "川辺が多い"
    assert back["表"]["待機児童数"].tolist() == [3, 12]
    assert artifacts.saved() == ["waiting"]


def test_missing_artifact_gives_default_or_a_japanese_error(in_stage_folder):
    assert artifacts.load("problem", default="（未作成）") == "（未作成）"
    with pytest.raises(ArtifactError, match="まだ保存されていません"):
        artifacts.load("problem")


def test_broken_file_falls_back_to_default(in_stage_folder):
    (in_stage_folder / "my_work").mkdir()
    (in_stage_folder / "my_work" / "problem.json").write_text("{not json", encoding="utf-8")
    assert artifacts.load("problem", default=None) is None
    with pytest.raises(ArtifactError, match="読み込めませんでした"):
        artifacts.load("problem")


def test_names_are_restricted_to_safe_characters(in_stage_folder):
    with pytest.raises(ArtifactError, match="半角英数字"):
        artifacts.save("../escape", 1)
