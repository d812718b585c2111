"""Command line of the trainers' tools: ``python -m kit.trainer <command> --help``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kit.errors import KitError


def _release(args: argparse.Namespace) -> None:
    from kit.trainer.course import Course
    from kit.trainer.release import release

    for folder in release(Course(), solutions=args.solutions, assignments=args.assignment or None):
        print(f"作成しました: {folder}")


def _workspace(args: argparse.Namespace) -> None:
    from kit.trainer.course import Course
    from kit.trainer.release import fill_workspace

    copied = fill_workspace(Course(), Path(args.into), with_solutions=args.with_solutions)
    print(
        f"{args.into} に {len(copied)} 個のファイルを用意しました（すでにあるファイルはそのままです）。"
    )


def _environment_yml(args: argparse.Namespace) -> None:
    from kit.trainer.environment import environment_yml

    sys.stdout.write(environment_yml(Path(args.lock)))


def _check_notebooks(args: argparse.Namespace) -> None:
    from kit.trainer.course import Course
    from kit.trainer.notebook_checks import problems

    found = problems(Course())
    for line in found:
        print(line)
    if found:
        raise SystemExit(1)
    print("ノートブックに問題はありません。")


def main(argv: list[str] | None = None) -> None:
    # jsonschema (under nbformat) imports this optional IRI checker only to validate "iri"
    # formats, which no notebook uses; building its grammar costs seconds per command.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    parser = argparse.ArgumentParser(prog="python -m kit.trainer", description="講師用のコマンド")
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("release", help="受講者用ノートブック（または解答例）を作る")
    p.add_argument("--solutions", action="store_true", help="解答例を作る（自習用）")
    p.add_argument("--assignment", action="append", help="対象の課題（省略時はすべて）")
    p.set_defaults(run=_release)

    p = commands.add_parser("workspace", help="受講者の作業フォルダに配布版をコピーする")
    p.add_argument("--into", default="workspace")
    p.add_argument("--with-solutions", action="store_true")
    p.set_defaults(run=_workspace)

    p = commands.add_parser("environment-yml", help="requirements.lock から environment.yml を作る")
    p.add_argument("--lock", default="requirements.lock")
    p.set_defaults(run=_environment_yml)

    p = commands.add_parser("check-notebooks", help="講座のノートブックを検査する")
    p.set_defaults(run=_check_notebooks)

    from kit.trainer.cli_workflow import add_commands

    add_commands(commands)

    args = parser.parse_args(argv)
    try:
        args.run(args)
    except KitError as error:
        print(f"エラー: {error}", file=sys.stderr)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
