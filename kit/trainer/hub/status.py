"""What is running on the workshop server and how much memory it uses (for the trainer).

>>> for line in status_lines(load_site("/srv/data-academy")): print(line)  # doctest: +SKIP
ハブ: 動いています（プロセス 1234、125 MB）…
"""

from __future__ import annotations

import pwd

from kit.trainer.hub.layout import Site
from kit.trainer.hub.processes import pids_of_user, rss_bytes
from kit.trainer.hub.server import hub_pid, read_pid

MB = 1024 * 1024


def user_rss(name: str) -> tuple[int, int]:
    """(number of processes, total resident memory in bytes) of one account.

    >>> user_rss("no-such-user-here")
    (0, 0)
    """
    try:
        uid = pwd.getpwnam(name).pw_uid
    except KeyError:
        return 0, 0
    pids = pids_of_user(uid)
    return len(pids), sum(rss_bytes(pid) for pid in pids)


def status_lines(site: Site) -> list[str]:
    """Japanese lines: the hub, the proxy, then each account's processes and memory."""
    lines = []
    pid = hub_pid(site)
    proxy = read_pid(site.private / "proxy.pid")
    if pid is None:
        lines.append("ハブ: 止まっています。")
    else:
        lines.append(
            f"ハブ: 動いています（プロセス {pid}、{rss_bytes(pid) / MB:.0f} MB）。アドレス: {site.url}"
        )
    if proxy is not None:
        lines.append(
            f"プロキシ: 動いています（プロセス {proxy}、{rss_bytes(proxy) / MB:.0f} MB）。"
        )
    total = 0
    active = 0
    for name in site.users:
        count, rss = user_rss(name)
        total += rss
        active += count > 0
        label = "講師" if name == site.instructor else "受講者"
        state = f"{count} プロセス、{rss / MB:.0f} MB" if count else "サーバー停止中"
        lines.append(f"  {name}（{label}）: {state}")
    lines.append(f"利用中のユーザー: {active} / {len(site.users)} 人、合計 {total / MB:.0f} MB")
    return lines
