"""Run, wait for and stop the hub; the systemd unit for a real server.

The hub runs as root from the shared environment with its state folder as working directory.
Stopping it (SIGTERM) stops every user's server and the proxy it started.

>>> print(systemd_unit(Site()).splitlines()[0])
[Unit]
"""

from __future__ import annotations

import os
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import NoReturn

from kit.errors import InputError
from kit.trainer.hub.hubconfig import SYSTEM_PATH
from kit.trainer.hub.layout import Site
from kit.trainer.hub.processes import alive, stop_pids

UNIT_NAME = "data-academy-hub.service"


def hub_command(site: Site) -> list[str]:
    """The command line that runs the hub.

    >>> hub_command(Site())[1:]
    ['--config', '/srv/data-academy/private/jupyterhub_config.py']
    """
    return [str(site.bin("jupyterhub")), "--config", str(site.hub_config)]


def hub_environment(site: Site) -> dict[str, str]:
    """A small, explicit environment: the shared environment first, then the system's programs.

    >>> hub_environment(Site())["PATH"]
    '/opt/data-academy/venv/bin:/usr/local/bin:/usr/bin:/bin'
    """
    return {"PATH": f"{site.venv / 'bin'}:{SYSTEM_PATH}", "LANG": "C.UTF-8"}


def check_ready_to_run(site: Site) -> None:
    """Japanese error if the hub, its config or the proxy is missing.

    >>> check_ready_to_run(Site(prefix=Path("/nonexistent")))
    Traceback (most recent call last):
    kit.errors.InputError: 「/nonexistent/venv/bin/jupyterhub」がありません。先に setup を実行してください。
    """
    if not site.bin("jupyterhub").is_file():
        raise InputError(
            f"「{site.bin('jupyterhub')}」がありません。", action="先に setup を実行してください。"
        )
    if not site.hub_config.is_file():
        raise InputError(
            f"「{site.hub_config}」がありません。", action="先に setup を実行してください。"
        )
    if not any((Path(d) / "configurable-http-proxy").is_file() for d in SYSTEM_PATH.split(":")):
        raise InputError(
            "configurable-http-proxy が見つかりません。",
            action="sudo npm install -g configurable-http-proxy@5.3.0 で入れてください。",
        )


def run_hub(site: Site) -> NoReturn:
    """Replace this process by the hub (foreground: for a terminal or systemd).

    >>> run_hub(load_site("/srv/data-academy"))  # doctest: +SKIP
    """
    check_ready_to_run(site)
    os.chdir(site.private)
    os.execve(hub_command(site)[0], hub_command(site), hub_environment(site))


def start_hub(site: Site) -> subprocess.Popen:
    """Start the hub in the background, logging to ``private/jupyterhub.log``.

    >>> process = start_hub(load_site("/srv/data-academy"))  # doctest: +SKIP
    """
    check_ready_to_run(site)
    log = open(site.private / "jupyterhub.log", "ab")  # noqa: SIM115 — kept open by the child
    try:
        return subprocess.Popen(
            hub_command(site),
            cwd=site.private,
            env=hub_environment(site),
            stdout=log,
            stderr=log,
            umask=0o022,
        )
    finally:
        log.close()


def wait_until_up(site: Site, timeout: float = 90.0) -> None:
    """Wait until the hub answers on its API (and so the proxy has its routes).

    >>> wait_until_up(load_site("/srv/data-academy"))  # doctest: +SKIP
    """
    deadline = time.monotonic() + timeout
    url = f"http://127.0.0.1:{site.hub_port}/hub/api/"
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise InputError(
        f"{timeout:.0f} 秒待ってもハブが起動しませんでした。",
        action=f"「{site.private / 'jupyterhub.log'}」を確認してください。",
    )


def hub_pid(site: Site) -> int | None:
    """Process id of the running hub (from its pid file), if it is running.

    >>> hub_pid(Site(state=Path("/nonexistent"))) is None
    True
    """
    return read_pid(site.private / "jupyterhub.pid")


def stop_hub(site: Site, timeout: float = 60.0) -> bool:
    """Stop the hub (which stops the users' servers and the proxy); False if it was not running.

    >>> stop_hub(Site(state=Path("/nonexistent")))
    False
    """
    pid = hub_pid(site)
    proxy = read_pid(site.private / "proxy.pid")
    if pid is None:
        stopped = False
    else:
        stop_pids([pid], timeout=timeout)
        stopped = True
    if proxy is not None:
        stop_pids([proxy])
    return stopped


def systemd_unit(site: Site) -> str:
    """A systemd unit that keeps the hub running (install as ``/etc/systemd/system/<UNIT_NAME>``)."""
    env = hub_environment(site)
    return "\n".join(
        [
            "[Unit]",
            "Description=Data Academy workshop JupyterHub",
            "After=network.target",
            "",
            "[Service]",
            "User=root",
            f"WorkingDirectory={site.private}",
            *[f"Environment={key}={value}" for key, value in env.items()],
            f"ExecStart={' '.join(hub_command(site))}",
            "Restart=on-failure",
            "",
            "[Install]",
            "WantedBy=multi-user.target",
            "",
        ]
    )


def read_pid(path: Path) -> int | None:
    """The process id in a pid file, if that process is running.

    >>> read_pid(Path("/nonexistent.pid")) is None
    True
    """
    try:
        pid = int(path.read_text().strip())
    except (OSError, ValueError):
        return None
    return pid if alive(pid) else None
