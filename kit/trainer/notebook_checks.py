"""House rules for the course's source notebooks, checked by ``make lint`` and the tests.

- stored without outputs or execution counts;
- every nbgrader cell has a unique ``grade_id``; test cells are locked and carry points;
- every autograded test cell calls a kit checker (``.grade()``) and holds hidden tests;
- every autograded test cell is tagged ``raises-exception``: until the trainee answers, it
  fails on purpose, and JupyterLab's Run All must go on to the cells below it.

>>> # problems(Course()) → [] when all is well, else Japanese descriptions
"""

from __future__ import annotations

import json
from pathlib import Path

from kit.trainer.course import Course


def notebook_problems(path: Path) -> list[str]:
    """Problems of one source notebook (empty when it follows the rules)."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{path}: JSON として読めません（{exc}）"]
    found = []
    ids: set[str] = set()
    for index, cell in enumerate(nb.get("cells", []), start=1):
        where = f"{path.name} セル {index}"
        if cell.get("cell_type") == "code" and (cell.get("outputs") or cell.get("execution_count")):
            found.append(f"{where}: 出力が保存されています（make strip で消してください）")
        meta = cell.get("metadata", {}).get("nbgrader")
        if not meta:
            continue
        grade_id = meta.get("grade_id", "")
        if not grade_id or grade_id in ids:
            found.append(f"{where}: grade_id「{grade_id}」が空か重複しています")
        ids.add(grade_id)
        source = "".join(cell.get("source", ""))
        is_test = meta.get("grade") and not meta.get("solution") and cell.get("cell_type") == "code"
        if is_test:
            if not meta.get("locked"):
                found.append(f"{where}: テストのセルがロックされていません")
            if not meta.get("points"):
                found.append(f"{where}: テストのセルに配点がありません")
            if ".grade()" not in source:
                found.append(f"{where}: テストのセルが kit の採点（.grade()）を呼んでいません")
            if "BEGIN HIDDEN TESTS" not in source:
                found.append(f"{where}: テストのセルに非公開テストがありません")
            if "raises-exception" not in cell.get("metadata", {}).get("tags", []):
                found.append(
                    f"{where}: テストのセルに raises-exception のタグがありません"
                    "（未回答のとき「すべて実行」がここで止まります）"
                )
    return found


def problems(course: Course) -> list[str]:
    """Problems of every source notebook of the course."""
    found = []
    for assignment in course.assignments():
        for notebook in course.notebooks(assignment):
            found += notebook_problems(notebook)
    return found
