"""The course's source notebooks follow the house rules (see kit/trainer/notebook_checks.py)."""

from __future__ import annotations

import json

from support import source_notebooks

from kit.trainer.course import Course
from kit.trainer.notebook_checks import notebook_problems, problems


def test_source_notebooks_follow_the_rules():
    assert problems(Course()) == []


def test_the_rules_catch_outputs_missing_tags_and_unlocked_tests(tmp_path):
    notebook = json.loads(source_notebooks()[0].read_text(encoding="utf-8"))
    test_cell = next(
        c
        for c in notebook["cells"]
        if c["metadata"].get("nbgrader", {}).get("grade") and c["cell_type"] == "code"
    )
    test_cell["metadata"]["tags"] = []
    test_cell["metadata"]["nbgrader"]["locked"] = False
    first_code = next(c for c in notebook["cells"] if c["cell_type"] == "code")
    first_code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "x"}]
    broken = tmp_path / "broken.ipynb"
    broken.write_text(json.dumps(notebook, ensure_ascii=False), encoding="utf-8")
    found = "\n".join(notebook_problems(broken))
    assert "raises-exception" in found
    assert "ロックされていません" in found
    assert "出力が保存されています" in found
