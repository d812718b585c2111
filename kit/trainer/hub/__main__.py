"""Command line of the workshop server: ``sudo python3 -m kit.trainer.hub <command> --help``."""

from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path

from kit.errors import KitError
from kit.trainer.hub.layout import Site, load_site

DEFAULT_STATE = "/srv/data-academy"


def _roster(args: argparse.Namespace) -> None:
    from kit.trainer.hub.roster import roster_template

    sys.stdout.write(
        roster_template(args.trainees, instructor=args.instructor, prefix=args.name_prefix)
    )


def _setup(args: argparse.Namespace) -> None:
    from kit.trainer.course import default_root
    from kit.trainer.hub.install import checkout_root
    from kit.trainer.hub.setup import setup

    site = Site(
        prefix=Path(args.prefix),
        state=Path(args.state),
        home_base=Path(args.home_base),
        exchange=Path(args.exchange) if args.exchange else None,
        ip=args.ip,
        port=args.port,
        hub_port=args.hub_port,
        proxy_api_port=args.proxy_api_port,
        data_dir=Path(args.data_dir).resolve() if args.data_dir else None,
        ssl_cert=Path(args.ssl_cert).resolve() if args.ssl_cert else None,
        ssl_key=Path(args.ssl_key).resolve() if args.ssl_key else None,
        instructor_opens_servers=args.instructor_can_open_servers,
    )
    checkout = (
        Path(args.checkout).resolve()
        if args.checkout
        else (None if args.skip_install else checkout_root())
    )
    course = Path(args.course).resolve() if args.course else default_root()
    site = setup(
        site, Path(args.roster), course=course, checkout=checkout, install=not args.skip_install
    )
    print()
    print("セットアップが終わりました。")
    print(f"  初期パスワードの一覧（root だけが読めます）: {site.passwords_file}")
    print(f"  ハブの起動: sudo python3 -m kit.trainer.hub start --state {site.state}")
    print(f"  受講者が開くアドレス: {_public_url(site)}")
    if site.ssl_cert is None and site.ip not in ("127.0.0.1", "localhost"):
        print(
            "  注意: HTTPS が設定されていません。パスワードが暗号化されずに送られます。"
            "講師用ガイドの「HTTPS」を見て、証明書を設定してください。"
        )


def _public_url(site: Site) -> str:
    """The address trainees type: this machine's name when the hub listens on every address."""
    if site.ip not in ("", "0.0.0.0"):
        return site.url
    scheme = "https" if site.ssl_cert else "http"
    return f"{scheme}://{socket.getfqdn()}:{site.port}"


def _start(args: argparse.Namespace) -> None:
    from kit.trainer.hub.server import run_hub

    run_hub(load_site(args.state))


def _stop(args: argparse.Namespace) -> None:
    from kit.trainer.hub.server import stop_hub

    print(
        "ハブを停止しました。"
        if stop_hub(load_site(args.state))
        else "ハブは動いていませんでした。"
    )


def _systemd_unit(args: argparse.Namespace) -> None:
    from kit.trainer.hub.server import systemd_unit

    sys.stdout.write(systemd_unit(load_site(args.state)))


def _status(args: argparse.Namespace) -> None:
    from kit.trainer.hub.status import status_lines

    for line in status_lines(load_site(args.state)):
        print(line)


def _backup(args: argparse.Namespace) -> None:
    from kit.trainer.hub.teardown import backup_course

    print(f"バックアップを作りました: {backup_course(load_site(args.state), Path(args.into))}")


def _teardown(args: argparse.Namespace) -> None:
    from kit.trainer.hub.accounts import require_root
    from kit.trainer.hub.teardown import backup_course, teardown

    require_root()
    site = load_site(args.state)
    if not args.yes:
        answer = input(
            f"{len(site.users)} 人分のアカウントとホームフォルダ、exchange を削除します。よろしいですか？ [yes/no] "
        )
        if answer.strip().lower() not in ("yes", "y", "はい"):
            print("中止しました。")
            return
    if not args.no_backup and site.course_root.is_dir():
        print(f"バックアップを作りました: {backup_course(site, Path(args.backup_into))}")
    teardown(site, remove_prefix=args.remove_prefix)
    print("片付けが終わりました。")


def _state_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--state", default=DEFAULT_STATE, help=f"ハブの状態を置くフォルダ（既定: {DEFAULT_STATE}）"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python3 -m kit.trainer.hub",
        description="研修用 JupyterHub サーバーの準備・起動・片付け",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("roster", help="名簿（CSV）のひな形を出力する")
    p.add_argument("--trainees", type=int, required=True, help="受講者の人数")
    p.add_argument("--instructor", default="sensei", help="講師のユーザー名")
    p.add_argument(
        "--name-prefix", default="trainee", help="受講者のユーザー名の頭（trainee01, trainee02, …）"
    )
    p.set_defaults(run=_roster)

    p = commands.add_parser(
        "setup", help="環境・アカウント・設定を用意する（名簿を増やして再実行すると追加）"
    )
    p.add_argument("--roster", required=True, help="名簿の CSV（ユーザー名,役割）")
    p.add_argument("--course", help="講座のフォルダ（既定: キットの notebooks）")
    p.add_argument("--checkout", help="キットのフォルダ（既定: このコマンドのあるキット）")
    p.add_argument("--prefix", default="/opt/data-academy", help="共有の Python 環境を置く場所")
    _state_option(p)
    p.add_argument("--home-base", default="/home", help="ホームフォルダを作る場所")
    p.add_argument("--exchange", help="nbgrader の exchange（既定: <state>/exchange）")
    p.add_argument("--ip", default="", help="待ち受けるアドレス（既定: すべて）")
    p.add_argument("--port", type=int, default=8000, help="受講者が開くポート")
    p.add_argument("--hub-port", type=int, default=8081, help="ハブ内部のポート（127.0.0.1）")
    p.add_argument(
        "--proxy-api-port", type=int, default=8001, help="プロキシ管理用のポート（127.0.0.1）"
    )
    p.add_argument(
        "--data-dir",
        help="演習用データの代わりに使うデータパッケージのフォルダ（全員が読めること）",
    )
    p.add_argument("--ssl-cert", help="HTTPS の証明書（PEM）")
    p.add_argument("--ssl-key", help="HTTPS の秘密鍵（PEM）")
    p.add_argument(
        "--instructor-can-open-servers",
        action="store_true",
        help="講師が受講者のサーバーを開けるようにする（受講者のファイルが見えます）",
    )
    p.add_argument(
        "--skip-install", action="store_true", help="共有の Python 環境があれば作り直さない"
    )
    p.set_defaults(run=_setup)

    for name, run, text in (
        ("start", _start, "ハブを起動する（この端末で動き続けます）"),
        ("stop", _stop, "ハブを停止する（全員のサーバーも止まります）"),
        ("status", _status, "ハブと各ユーザーのサーバーの状態、メモリ使用量を表示する"),
        ("systemd-unit", _systemd_unit, "systemd のユニットファイルを出力する"),
    ):
        p = commands.add_parser(name, help=text)
        _state_option(p)
        p.set_defaults(run=run)

    p = commands.add_parser("backup", help="講座フォルダ（採点データを含む）をバックアップする")
    _state_option(p)
    p.add_argument("--into", default=".", help="バックアップを置くフォルダ")
    p.set_defaults(run=_backup)

    p = commands.add_parser(
        "teardown", help="研修後の片付け（バックアップのあと、アカウントなどを削除）"
    )
    _state_option(p)
    p.add_argument("--backup-into", default=".", help="削除の前に作るバックアップの置き場所")
    p.add_argument("--no-backup", action="store_true", help="バックアップを作らない")
    p.add_argument("--remove-prefix", action="store_true", help="共有の Python 環境も削除する")
    p.add_argument("--yes", action="store_true", help="確認せずに削除する")
    p.set_defaults(run=_teardown)

    args = parser.parse_args(argv)
    try:
        args.run(args)
    except KitError as error:
        print(f"エラー: {error}", file=sys.stderr)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
