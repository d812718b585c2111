"""Command-line parts of the grading workflow: collect, grade, feedback, report, doctor.

>>> # python -m kit.trainer collect --assignment stage0 --from downloads/stage0.zip
>>> # python -m kit.trainer grade --assignment stage0 --jobs 2
>>> # python -m kit.trainer feedback --assignment stage0
>>> # python -m kit.trainer report
>>> # python -m kit.trainer doctor
"""

from __future__ import annotations

import argparse
from pathlib import Path


def _collect(args: argparse.Namespace) -> None:
    from kit.trainer.collect import collect_exchange, collect_files
    from kit.trainer.course import Course

    course = Course()
    if args.from_exchange:
        result = collect_exchange(course, args.assignment)
    else:
        result = collect_files(course, args.assignment, Path(args.source), pattern=args.pattern)
    for item in result.placed:
        note = "（上書き）" if item.replaced else ""
        print(f"集めました: {item.trainee} / {item.notebook}.ipynb ← {item.source}{note}")
    if result.unplaced:
        print(f"\n置き場所が分からなかったファイル（{len(result.unplaced)} 件）:")
        for source, reason in result.unplaced:
            print(f"  {source}: {reason}")
    if result.missing:
        print(
            f"\nまだ提出がない受講者（名簿より {len(result.missing)} 人）: {'、'.join(result.missing)}"
        )
    print(f"\n{len(result.placed)} 件を {course.submitted} に置きました。")


def _grade(args: argparse.Namespace) -> None:
    from kit.trainer.course import Course
    from kit.trainer.grade import GradeOptions, grade
    from kit.trainer.summary import summary_text

    options = GradeOptions(
        jobs=args.jobs,
        notebook_timeout=args.timeout,
        cell_timeout=args.cell_timeout,
        allow_unsandboxed=args.unsandboxed,
        keep_scratch=args.keep_scratch,
        progress=not args.quiet,
    )
    run = grade(Course(), args.assignment or None, args.trainee or None, options)
    print(summary_text(run))


def _feedback(args: argparse.Namespace) -> None:
    from kit.trainer.course import Course
    from kit.trainer.feedback_files import generate_feedback

    result = generate_feedback(Course(), args.assignment, release=args.release)
    print(f"フィードバックを {len(result.pages)} 件作りました。")
    for page, line in result.withheld:
        print(
            f"  渡せません: {page}（非公開のテストの行「{line[:30]}…」が含まれていたため削除しました）"
        )
    if result.released:
        print("交換フォルダに置きました（受講者は fetch_feedback で受け取れます）。")
    if result.withheld:
        raise SystemExit(1)


def _report(args: argparse.Namespace) -> None:
    from kit.trainer.course import Course
    from kit.trainer.report import write_report

    files = write_report(Course(), args.assignment or None, Path(args.out) if args.out else None)
    for path in files.values():
        print(f"作成しました: {path}")


def _doctor(args: argparse.Namespace) -> None:
    from kit.trainer.course import Course
    from kit.trainer.doctor import diagnose, format_findings, has_errors

    findings = diagnose(Course(), Path(args.exchange) if args.exchange else None)
    print(format_findings(findings))
    if has_errors(findings):
        raise SystemExit(1)


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add the workflow's sub-commands to ``python -m kit.trainer``.

    >>> import argparse
    >>> parser = argparse.ArgumentParser()
    >>> add_commands(parser.add_subparsers())
    >>> parser.parse_args(["grade", "--jobs", "2"]).jobs
    2
    """
    p = commands.add_parser("collect", help="提出物を集める（交換フォルダ、フォルダ、zip）")
    p.add_argument("--assignment", required=True, help="課題（例: stage0）")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--from-exchange", action="store_true", help="nbgrader の交換フォルダから")
    source.add_argument("--from", dest="source", help="フォルダまたは zip ファイルから")
    p.add_argument(
        "--pattern", help="ファイル名の正規表現（(?P<trainee>...) と (?P<notebook>...)）"
    )
    p.set_defaults(run=_collect)

    p = commands.add_parser("grade", help="クラス全員を並列に自動採点する")
    p.add_argument("--assignment", action="append", help="課題（省略時はすべて）")
    p.add_argument("--trainee", action="append", help="受講者ID（省略時は全員）")
    p.add_argument("--jobs", type=int, default=0, help="同時に採点する数（省略時は CPU の数）")
    p.add_argument("--timeout", type=int, default=600, help="ノートブック 1 冊の制限時間（秒）")
    p.add_argument("--cell-timeout", type=int, help="セル 1 つの制限時間（秒、省略時は講座の設定）")
    p.add_argument(
        "--unsandboxed", action="store_true", help="bubblewrap なしで採点することを認める"
    )
    p.add_argument("--keep-scratch", action="store_true", help="作業用フォルダを残す（調査用）")
    p.add_argument("--quiet", action="store_true", help="進み具合を表示しない")
    p.set_defaults(run=_grade)

    p = commands.add_parser("feedback", help="受講者ごとのフィードバック（HTML）を作る")
    p.add_argument("--assignment", required=True)
    p.add_argument("--release", action="store_true", help="交換フォルダに置いて受講者に返す")
    p.set_defaults(run=_feedback)

    p = commands.add_parser("report", help="クラスの状況のレポート（HTML・CSV・Excel）を作る")
    p.add_argument("--assignment", action="append", help="課題（省略時はすべて）")
    p.add_argument("--out", help="出力先のフォルダ（省略時は notebooks/reports）")
    p.set_defaults(run=_report)

    p = commands.add_parser("doctor", help="このコンピューターの準備ができているか確かめる")
    p.add_argument("--exchange", help="交換フォルダ（省略時は nbgrader の設定）")
    p.set_defaults(run=_doctor)
