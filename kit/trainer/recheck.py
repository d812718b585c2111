"""The trusted re-check: each answer carried out of a grading kernel, judged again by kit's checker.

A grading kernel runs the trainee's code, so its outputs can be forged (a patched traceback hook
makes a failing test look passed). After each test cell of a kit question the grader saved that
question's answer variables as JSON (:mod:`kit.exercises.answers`); here they are read back as
plain data and judged by the question's own ``verdict()`` in a fresh process that never ran
trainee code (inside the same sandbox profile, without network). The re-check can only take
points away: a test cell keeps nbgrader's score only when its answer is correct here too.

Test cell ``qN_test`` belongs to question ``qN`` of ``kit.exercises.<assignment>.QUESTIONS``.

>>> sorted(question_map("stage0"))[:2]
['q1_test', 'q2_test']
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from kit.errors import KitError

TEST_SUFFIX = "_test"
UNREADABLE = "unreadable"
UNREADABLE_MESSAGE = (
    "答えを採点用に読み出せませんでした（カーネルの停止や時間切れ、または答えの形が特殊なため）。"
)


def question_map(assignment: str) -> dict[str, dict[str, Any]]:
    """grade_id of each test cell → its kit question (key, label, answer names); {} without checkers."""
    name = f"kit.exercises.{assignment}"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as missing:
        if missing.name == name:
            return {}  # an assignment without kit checkers: nbgrader's scores stand
        raise
    except Exception as broken:  # a checker module that does not load must stop grading
        raise KitError(
            f"採点用のチェック（{name}）を読み込めませんでした（{type(broken).__name__}: {broken}）。",
            action="kit/exercises のファイルを直してから、もう一度採点してください。",
        ) from broken
    questions = getattr(module, "QUESTIONS", {})
    return {
        f"{key}{TEST_SUFFIX}": {"question": key, "label": q.label, "names": list(q.names)}
        for key, q in questions.items()
    }


def judge(items: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    """Verdicts for ``items`` ({"key", "assignment", "grade_id", "text"}) — call only in a process
    of its own (see :func:`recheck`). Items of unknown questions are left out.

    >>> judge([{"key": "k", "assignment": "stage0", "grade_id": "q1_test", "text": "{}"}])["k"]["status"]
    'unreadable'
    """
    from kit.exercises import answers

    results = {}
    for item in items:
        module = importlib.import_module(f"kit.exercises.{item['assignment']}")
        question = module.QUESTIONS.get(item["grade_id"].removesuffix(TEST_SUFFIX))
        if question is None or not item["grade_id"].endswith(TEST_SUFFIX):
            continue
        try:
            namespace = answers.loads(item["text"])
        except Exception:  # malformed data is an unreadable answer, never a crash
            results[item["key"]] = {"status": UNREADABLE, "message": UNREADABLE_MESSAGE}
            continue
        verdict = question.verdict(namespace)
        results[item["key"]] = {"status": verdict.status, "message": verdict.message}
    return results


def recheck(
    items: list[dict[str, str]],
    command: list[str] | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> dict[str, dict[str, str]]:
    """Run :func:`judge` in a fresh process; ``command`` (default :func:`recheck_argv`) may be
    that command wrapped in a sandbox. Returns key → {"status", "message"}.

    >>> recheck([])
    {}
    """
    if not items:
        return {}
    proc = subprocess.run(
        command or recheck_argv(),
        input=json.dumps(items, ensure_ascii=False),
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=False,
        timeout=1800,
    )
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        raise KitError(
            f"答えの再確認が失敗しました（終了コード {proc.returncode}）。\n{proc.stderr[-2000:]}",
            action="kit が正しく入っているか確認してください（python -m kit.trainer doctor）。",
        )
    return json.loads(lines[-1])


def recheck_argv() -> list[str]:
    """The command line of the re-check process (to be wrapped by a sandbox).

    >>> recheck_argv()[-1]
    'kit.trainer.recheck'
    """
    return [sys.executable, "-m", "kit.trainer.recheck"]


def main() -> None:
    """``python -m kit.trainer.recheck``: items as JSON on stdin, verdicts as JSON on stdout.

    >>> # echo '[...]' | python -m kit.trainer.recheck
    """
    items = json.loads(sys.stdin.read())
    results = judge(items)
    sys.stdout.write("\n" + json.dumps(results, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
