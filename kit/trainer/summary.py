"""The Japanese summary a trainer reads after ``python -m kit.trainer grade``.

>>> from kit.trainer.records import TraineeRecord, NotebookRecord, Problem
>>> record = TraineeRecord("t01", "stage0")
>>> record.notebooks["intro"] = NotebookRecord("unreadable", [Problem("error", "invalid_json", "壊れています。")], max_score=13)
>>> print(summary_lines([record])[-1])
  t01  intro  [要確認] 壊れています。
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.trainer.records import LEVEL_JA, STATUS_JA, TraineeRecord

if TYPE_CHECKING:
    from kit.trainer.grade import GradingRun


def score_table(records: list[TraineeRecord]) -> list[str]:
    """One line per trainee and assignment: score, maximum, manual grading pending, status.

    >>> score_table([])[0].split()[0]
    '受講者ID'
    """
    lines = ["受講者ID        課題      得点 / 満点   手動採点待ち  状態"]
    for record in records:
        pending = sum(nb.pending for nb in record.notebooks.values())
        states = sorted({STATUS_JA[nb.status] for nb in record.notebooks.values()})
        lines.append(
            f"{record.trainee:<15} {record.assignment:<8} {record.score:5.1f} / {record.max_score:5.1f}"
            f"   {pending:>6}      {'・'.join(states)}"
        )
    return lines


def summary_lines(records: list[TraineeRecord]) -> list[str]:
    """What failed and why, one line per problem (errors first).

    >>> summary_lines([])
    ['問題のあった提出物はありません。']
    """
    order = {"error": 0, "warning": 1, "info": 2}
    found = [
        (order[p.level], record.trainee, notebook or "", p)
        for record in records
        for notebook, p in record.all_problems()
    ]
    if not found:
        return ["問題のあった提出物はありません。"]
    lines = [f"確認が必要なこと（{len(found)} 件）:"]
    for _, trainee, notebook, problem in sorted(found, key=lambda f: f[:3]):
        lines.append(f"  {trainee}  {notebook}  [{LEVEL_JA[problem.level]}] {problem.message}")
    return lines


def summary_text(run: GradingRun) -> str:
    """The whole summary of a grading run: how it ran, the score table, what to check.

    >>> # print(summary_text(grade(Course())))
    """
    people = len({r.trainee for r in run.records})
    head = (
        f"{people} 人分（{len(run.records)} 件）を採点しました。"
        f"{run.seconds:.1f} 秒、同時に {run.workers} 件ずつ。"
    )
    lines = [head, run.sandbox.describe(), ""]
    lines += score_table(run.records) if run.records else ["採点する提出物がありませんでした。"]
    lines += ["", *summary_lines(run.records), *run.skipped]
    return "\n".join(lines)
