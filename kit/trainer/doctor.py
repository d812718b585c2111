"""``python -m kit.trainer doctor``: is this machine ready to run the course and grade it?

Checks Python, the pinned versions, the Japanese fonts, nbgrader's extensions, the exchange
folder, the grading sandbox, disk space and the course folder, and says in Japanese what to fix.
The exit status is non-zero when something must be fixed.

>>> # findings = diagnose(Course()); print(format_findings(findings))
"""

from __future__ import annotations

from pathlib import Path

from kit.trainer import doctor_checks as checks
from kit.trainer import doctor_grading as grading
from kit.trainer.course import Course
from kit.trainer.doctor_checks import Finding

MARKS = {"ok": "✓", "warning": "△", "error": "✗"}


def diagnose(
    course: Course, exchange: Path | None = None, *, extensions: bool = True
) -> list[Finding]:
    """Every check; ``exchange`` overrides the exchange folder from the nbgrader configuration.

    >>> # [f.level for f in diagnose(Course(), Path("/srv/exchange"))][:1]
    >>> # ['ok']
    """
    from kit.trainer.course_config import course_settings

    settings = course_settings(course)
    root = exchange if exchange is not None else settings.exchange_root
    lock = course.root.parent / "requirements.lock"
    found = [*checks.check_python(), *checks.check_versions(lock if lock.is_file() else None)]
    found += checks.check_fonts()
    if extensions:
        found += grading.check_server_extensions() + grading.check_lab_extension()
    found += grading.check_exchange(root, exchange is not None or settings.exchange_configured)
    found += (
        grading.check_sandbox()
        + checks.check_disk(course.root)
        + checks.check_writable(course.root)
    )
    found += _check_datasets()
    return found


def _check_datasets() -> list[Finding]:
    from kit.errors import KitError

    try:
        from kit.data import data_dir

        folder = data_dir()
    except KitError as error:
        return [Finding("error", "データ", str(error))]
    return [Finding("ok", "データ", f"演習用データがあります（{folder}）。")]


def format_findings(findings: list[Finding]) -> str:
    """The findings as the trainer reads them: a mark, the finding, then what to do.

    >>> print(format_findings([Finding("ok", "Python", "Python 3.11.7")]))
    ✓ [Python] Python 3.11.7
    <BLANKLINE>
    すべて問題ありません。
    """
    lines = []
    for finding in findings:
        lines.append(f"{MARKS[finding.level]} [{finding.topic}] {finding.message}")
        if finding.action and finding.level != "ok":
            lines.append(f"    → {finding.action}")
    errors = sum(f.level == "error" for f in findings)
    warnings = sum(f.level == "warning" for f in findings)
    if errors:
        lines.append(
            f"\n直す必要があることが {errors} 件あります（✗）。上の「→」のとおりに直してから、もう一度確かめてください。"
        )
    elif warnings:
        lines.append(f"\n使えますが、見直すとよいことが {warnings} 件あります（△）。")
    else:
        lines.append("\nすべて問題ありません。")
    return "\n".join(lines)


def has_errors(findings: list[Finding]) -> bool:
    """Whether anything must be fixed.

    >>> has_errors([Finding("warning", "ディスク", "空きが少なめです。")])
    False
    """
    return any(f.level == "error" for f in findings)
