"""Processes by owner, their memory, and stopping them by process id (Linux ``/proc``).

>>> import os
>>> os.getpid() in pids_of_user(os.getuid())
True
>>> rss_bytes(os.getpid()) > 0
True
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Iterable
from pathlib import Path

PROC = Path("/proc")


def pids_of_user(uid: int) -> list[int]:
    """Ids of the running processes whose real user id is ``uid``.

    >>> os.getpid() in pids_of_user(os.getuid())
    True
    """
    pids = []
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:  # the process ended meanwhile
            continue
        for line in status.splitlines():
            if line.startswith("Uid:") and int(line.split()[1]) == uid:
                pids.append(int(entry.name))
                break
    return sorted(pids)


def alive(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie.

    >>> alive(os.getpid())
    True
    """
    try:
        state = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def rss_bytes(pid: int) -> int:
    """Resident set size of one process (0 if it has ended).

    >>> rss_bytes(os.getpid()) > 0
    True
    """
    return _status_kib(pid, "VmRSS:") * 1024


def pss_bytes(pid: int) -> int:
    """Proportional set size: shared pages divided among the processes sharing them.

    >>> 0 < pss_bytes(os.getpid()) <= rss_bytes(os.getpid())
    True
    """
    return _rollup(pid, "Pss")


def anonymous_bytes(pid: int) -> int:
    """Anonymous memory (heap, stacks, arrays): what each further process costs, as opposed to
    file-backed pages (libraries, fonts, dictionaries) that all processes share.

    >>> 0 < anonymous_bytes(os.getpid()) <= rss_bytes(os.getpid())
    True
    """
    return _rollup(pid, "Anonymous")


def _rollup(pid: int, field: str) -> int:
    """One field of /proc/<pid>/smaps_rollup in bytes (0 when the process is gone)."""
    try:
        text = (PROC / str(pid) / "smaps_rollup").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024
    return 0


def stop_pids(pids: Iterable[int], timeout: float = 10.0) -> list[int]:
    """SIGTERM each process, SIGKILL those still alive after ``timeout``; the ids that were alive.

    >>> stop_pids([])
    []
    """
    targets = [pid for pid in pids if alive(pid)]
    for pid in targets:
        _signal(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(alive(pid) for pid in targets):
        time.sleep(0.1)
    for pid in targets:
        if alive(pid):
            _signal(pid, signal.SIGKILL)
    return targets


def _signal(pid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, sig)


def _status_kib(pid: int, key: str) -> int:
    try:
        text = (PROC / str(pid) / "status").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(key):
            return int(line.split()[1])
    return 0
