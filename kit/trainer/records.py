"""The kit's grading record of one trainee and assignment: scores per cell and every reason, in Japanese.

Written by ``python -m kit.trainer grade`` to ``<course>/grading/<assignment>/<trainee>.json``
next to nbgrader's gradebook; the summary and the class report read it. Plain JSON, so that a
trainer can open it, and nothing from a submission is ever executed when it is read.

>>> record = TraineeRecord("t01", "stage0")
>>> record.notebooks["intro"] = NotebookRecord("graded", [Problem("warning", "edited", "…")])
>>> TraineeRecord.from_json(record.to_json()).notebooks["intro"].problems[0].code
'edited'
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

LEVELS = ("error", "warning", "info")
LEVEL_JA = {"error": "要確認", "warning": "注意", "info": "参考"}

# Status of one notebook after grading.
GRADED = "graded"  # graded (possibly with repairs, see problems)
MISSING = "missing"  # not submitted
UNREADABLE = "unreadable"  # invalid JSON / not a notebook
WRONG_ASSIGNMENT = "wrong_assignment"  # a notebook of another assignment
FAILED = "failed"  # the grading process failed or timed out
STATUS_JA = {
    GRADED: "採点済み",
    MISSING: "未提出",
    UNREADABLE: "読めないファイル",
    WRONG_ASSIGNMENT: "別の課題のノートブック",
    FAILED: "採点できず",
}


@dataclass
class Problem:
    """Something the trainer should know about a submission: level, machine code, Japanese text."""

    level: str
    code: str
    message: str


@dataclass
class CellResult:
    """Score of one graded cell: nbgrader's output-based score, the re-check and the final score.

    ``recheck`` is ``correct``/``incorrect``/``unanswered``/``unreadable`` for questions with a kit
    checker, else ``None``; ``final`` is ``None`` for cells that await manual grading.
    """

    max_score: float
    output_score: float | None
    final: float | None
    question: str | None = None
    recheck: str | None = None
    message: str = ""
    removed: bool = False


@dataclass
class NotebookRecord:
    """One notebook of the submission: its status, the problems found, and the cell results."""

    status: str
    problems: list[Problem] = field(default_factory=list)
    cells: dict[str, CellResult] = field(default_factory=dict)
    seconds: float = 0.0
    max_score: float = 0.0

    @property
    def score(self) -> float:
        return sum(c.final or 0.0 for c in self.cells.values())

    @property
    def pending(self) -> int:
        """Cells that wait for manual grading."""
        return sum(c.final is None for c in self.cells.values())


@dataclass
class TraineeRecord:
    """Everything the kit found while grading one trainee's assignment."""

    trainee: str
    assignment: str
    graded_at: str = ""
    sandbox: str = ""
    notebooks: dict[str, NotebookRecord] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def score(self) -> float:
        return sum(nb.score for nb in self.notebooks.values())

    @property
    def max_score(self) -> float:
        return sum(nb.max_score for nb in self.notebooks.values())

    def all_problems(self) -> list[tuple[str | None, Problem]]:
        """(notebook or None, problem) for the assignment and each notebook."""
        found: list[tuple[str | None, Problem]] = [(None, p) for p in self.problems]
        for name, notebook in self.notebooks.items():
            found += [(name, p) for p in notebook.problems]
        return found

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> TraineeRecord:
        data = json.loads(text)
        notebooks = {
            name: NotebookRecord(
                status=nb["status"],
                problems=[Problem(**p) for p in nb.get("problems", [])],
                cells={k: CellResult(**c) for k, c in nb.get("cells", {}).items()},
                seconds=nb.get("seconds", 0.0),
                max_score=nb.get("max_score", 0.0),
            )
            for name, nb in data.get("notebooks", {}).items()
        }
        return cls(
            trainee=data["trainee"],
            assignment=data["assignment"],
            graded_at=data.get("graded_at", ""),
            sandbox=data.get("sandbox", ""),
            notebooks=notebooks,
            problems=[Problem(**p) for p in data.get("problems", [])],
        )


def record_path(records_root: Path, assignment: str, trainee: str) -> Path:
    """Where the record of one trainee's assignment is kept.

    >>> record_path(Path("grading"), "stage0", "t01").as_posix()
    'grading/stage0/t01.json'
    """
    return records_root / assignment / f"{trainee}.json"


def write_record(records_root: Path, record: TraineeRecord) -> Path:
    """Save a record (replacing an earlier one of the same trainee and assignment).

    >>> # write_record(course.records, record)  → grading/stage0/t01.json
    """
    path = record_path(records_root, record.assignment, record.trainee)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(record.to_json(), encoding="utf-8")
    return path


def read_records(records_root: Path, assignment: str | None = None) -> list[TraineeRecord]:
    """All records (of one assignment, or of every assignment), sorted by assignment and trainee.

    >>> read_records(Path("/nonexistent"))
    []
    """
    folders = [records_root / assignment] if assignment else sorted(records_root.glob("*"))
    found = []
    for folder in folders:
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            try:
                found.append(TraineeRecord.from_json(path.read_text(encoding="utf-8")))
            except (ValueError, KeyError, TypeError):
                continue  # a damaged record is skipped; grading again rewrites it
    return found
