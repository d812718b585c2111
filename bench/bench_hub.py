"""Memory of the workshop server: hub, proxy, and each active trainee; how many fit in 16 GB.

Needs root (it creates real Unix users, removed afterwards) and configurable-http-proxy. It sets
up a server on loopback in a temporary folder, starts one server per trainee through the hub's
API, and in each trainee's kernel runs the stage 0 notebook (model answers in), then the notebook
with the highest peak kernel memory (stage 4's design), in the same kernel. Memory is the
resident set (RSS) of every process of the account (server + kernel); PSS, which shares the
common libraries fairly, is shown too. Capacity counts the shared files once and each trainee's
anonymous memory (heap, arrays) per trainee; the RSS-only count is a lower bound. The instructor's
grading is measured as the peak extra RSS of their processes during ``python -m kit.trainer
grade`` (sandboxed, one worker per core).

The shared environment is built in the temporary folder (about 2 minutes) unless
``KIT_HUB_PREFIX`` names an existing one to reuse.

>>> figures = run(trainees=4)  # doctest: +SKIP
"""

from __future__ import annotations

import json
import math
import os
import pwd
import secrets
import shutil
import socket
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from bench._util import Figure, print_table
from kit.trainer.course import default_root
from kit.trainer.hub.client import login
from kit.trainer.hub.hubconfig import spawn_environment
from kit.trainer.hub.install import checkout_root
from kit.trainer.hub.kernels import run_cells, start_kernel
from kit.trainer.hub.layout import Site
from kit.trainer.hub.processes import anonymous_bytes, pids_of_user, pss_bytes, rss_bytes
from kit.trainer.hub.server import hub_pid, read_pid, start_hub, stop_hub, wait_until_up
from kit.trainer.hub.setup import setup
from kit.trainer.hub.teardown import teardown

MB = 1024 * 1024
SERVER_GB = 16
OS_RESERVE_MB = 2048  # kernel, page cache for the shared environment, sshd, journald
# The notebook with the highest peak kernel memory (bench_notebooks), run after stage 0.
HEAVIEST = ("stage4", "design.ipynb")


def _free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def _source_cells(stage: str, name: str) -> list[str]:
    """Code cells of a source notebook (model answers included, hidden tests too).

    >>> "import kit" in "".join(_source_cells("stage0", "intro.ipynb"))
    True
    """
    notebook = json.loads((default_root() / "source" / stage / name).read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]


def _account_memory(name: str) -> tuple[int, int, int]:
    """(RSS, PSS, anonymous) in bytes of every process of one account."""
    pids = pids_of_user(pwd.getpwnam(name).pw_uid)
    return (
        sum(rss_bytes(p) for p in pids),
        sum(pss_bytes(p) for p in pids),
        sum(anonymous_bytes(p) for p in pids),
    )


def _peak_rss_while(
    name: str, command: list[str], env: dict[str, str], cwd: Path
) -> tuple[int, float]:
    """Peak total RSS of an account's processes while ``command`` runs as that account; seconds."""
    uid = pwd.getpwnam(name).pw_uid
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(rss_bytes(p) for p in pids_of_user(uid)))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    start = time.perf_counter()
    try:
        subprocess.run(
            ["/usr/sbin/runuser", "-u", name, "--", *command],
            cwd=cwd,
            env=env,
            capture_output=True,
            check=True,
        )
    finally:
        done.set()
        sampler.join()
    return peak, time.perf_counter() - start


def _instructor(site: Site, *args: str) -> None:
    env = {
        **spawn_environment(site, site.instructor),
        "HOME": str(site.home(site.instructor)),
        "USER": site.instructor,
    }
    subprocess.run(
        ["/usr/sbin/runuser", "-u", site.instructor, "--", str(site.bin("nbgrader")), *args],
        cwd=site.course_root,
        env=env,
        capture_output=True,
        check=True,
    )


def _measure(site: Site, passwords: dict[str, str]) -> list[Figure]:
    users = {name: login(site.url, name, passwords[name]) for name in site.users}
    spawn_seconds = []
    for user in users.values():
        start = time.perf_counter()
        user.start_server()
        spawn_seconds.append(time.perf_counter() - start)
    idle = [_account_memory(name)[0] for name in site.trainees]

    cells, heaviest = _source_cells("stage0", "intro.ipynb"), _source_cells(*HEAVIEST)
    after_stage0, after_heavy, pss, anonymous = [], [], [], []
    failures = 0
    for name in site.trainees:
        user = users[name]
        kernel = start_kernel(user)
        failures += len(run_cells(user, kernel, cells))
        after_stage0.append(_account_memory(name)[0])
        failures += len(run_cells(user, kernel, heaviest))
        rss, proportional, private = _account_memory(name)
        after_heavy.append(rss)
        pss.append(proportional)
        anonymous.append(private)

    _instructor(site, "generate_assignment", "stage0", "--force")
    _instructor(site, "release_assignment", "stage0", "--force")
    for name in site.trainees:
        for action in ("fetch", "submit"):
            users[name].server(
                "POST",
                f"assignments/{action}",
                form={"course_id": site.course_id, "assignment_id": "stage0"},
            )
    _instructor(site, "collect", "stage0")
    baseline = _account_memory(site.instructor)[0]
    env = {
        **spawn_environment(site, site.instructor),
        "HOME": str(site.home(site.instructor)),
        "USER": site.instructor,
    }
    peak, grade_seconds = _peak_rss_while(
        site.instructor,
        [
            str(site.bin("python")),
            "-m",
            "kit.trainer",
            "grade",
            "--assignment",
            "stage0",
            "--quiet",
        ],
        env,
        site.course_root,
    )
    grading = peak - baseline

    hub = rss_bytes(hub_pid(site) or 0)
    proxy = rss_bytes(read_pid(site.private / "proxy.pid") or 0)
    per_trainee = statistics.median(after_heavy)
    per_trainee_anon = statistics.median(anonymous)
    # Libraries, fonts and dictionaries are files of the one shared environment: their pages are
    # in memory once for everybody. Each further trainee adds their anonymous memory.
    shared_once = per_trainee - per_trainee_anon
    instructor_active = per_trainee  # the instructor's own server and kernel
    budget = SERVER_GB * 1024 * MB - OS_RESERVE_MB * MB - hub - proxy - instructor_active - grading
    capacity = math.floor((budget - shared_once) / per_trainee_anon)
    capacity_rss = math.floor(budget / per_trainee)
    n = len(site.trainees)
    return [
        Figure("hub (jupyterhub) RSS", hub / MB, "MB"),
        Figure("proxy (configurable-http-proxy) RSS", proxy / MB, "MB"),
        Figure(
            "trainee server, idle (no kernel)",
            statistics.median(idle) / MB,
            "MB",
            note=f"median of {n}",
        ),
        Figure(
            "active trainee after stage 0",
            statistics.median(after_stage0) / MB,
            "MB",
            note=f"server + kernel; median of {n}",
        ),
        Figure(
            f"active trainee after stage 0 and {'/'.join(HEAVIEST)}",
            per_trainee / MB,
            "MB",
            note=f"server + kernel; min {min(after_heavy) / MB:.0f}, max {max(after_heavy) / MB:.0f}; cell errors {failures}",
        ),
        Figure(
            "active trainee PSS (shared libraries split)",
            statistics.median(pss) / MB,
            "MB",
            note=f"median of {n}",
        ),
        Figure(
            "instructor grading peak (extra RSS)",
            grading / MB,
            "MB",
            note=f"kit.trainer grade of {n} submissions (one worker per core), {grade_seconds:.0f} s",
        ),
        Figure(
            "server start, login to ready",
            statistics.median(spawn_seconds),
            "s",
            note=f"median of {len(spawn_seconds)}, one at a time",
        ),
        Figure(
            "active trainee anonymous memory (what each one adds)",
            per_trainee_anon / MB,
            "MB",
            note=f"median of {n}; shared files (libraries, fonts, dictionary) {shared_once / MB:.0f} MB once",
        ),
        Figure(
            f"trainees a {SERVER_GB} GB server holds",
            capacity,
            "trainees",
            target=">= 40",
            met=capacity >= 40,
            note=f"({SERVER_GB} GB − {OS_RESERVE_MB} MB OS − hub − proxy − instructor − grading − shared files) ÷ anonymous memory per trainee",
        ),
        Figure(
            f"trainees a {SERVER_GB} GB server holds if nothing were shared",
            capacity_rss,
            "trainees",
            note="the same budget ÷ active trainee RSS (a lower bound)",
        ),
    ]


def run(trainees: int = 4) -> list[Figure]:
    """Set up a server on loopback, measure, tear everything down."""
    if os.geteuid() != 0 or shutil.which("configurable-http-proxy") is None:
        return [
            Figure(
                "workshop server memory",
                float("nan"),
                "MB",
                note="not measured: needs root and configurable-http-proxy",
            )
        ]
    root = Path(tempfile.mkdtemp(prefix="kit-hub-bench-"))
    os.chmod(root, 0o755)
    (root / "homes").mkdir(mode=0o755)
    reuse = os.environ.get("KIT_HUB_PREFIX")
    tag = secrets.token_hex(3)
    roster = root / "roster.csv"
    roster.write_text(
        "ユーザー名,役割\n"
        + f"kb{tag}i,講師\n"
        + "".join(f"kb{tag}t{i},受講者\n" for i in range(trainees)),
        encoding="utf-8",
    )
    port, hub_port, api_port = _free_ports(3)
    site = Site(
        prefix=Path(reuse) if reuse else root / "prefix",
        state=root / "state",
        home_base=root / "homes",
        ip="127.0.0.1",
        port=port,
        hub_port=hub_port,
        proxy_api_port=api_port,
        data_dir=Path(os.environ["KIT_DATA_DIR"]) if os.environ.get("KIT_DATA_DIR") else None,
    )
    hub = None
    try:
        site = setup(
            site, roster, course=default_root(), checkout=checkout_root(), say=lambda _: None
        )
        hub = start_hub(site)
        wait_until_up(site)
        lines = site.passwords_file.read_text(encoding="utf-8-sig").splitlines()[1:]
        return _measure(site, {line.split(",")[0]: line.split(",")[2] for line in lines})
    finally:
        if hub is not None:
            stop_hub(site)
            hub.wait(timeout=60)
        teardown(site, remove_prefix=not reuse, say=lambda _: None)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    print_table(run())
