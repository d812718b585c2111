"""A real ``jupyter lab`` for the browser tests: loopback, random token, private Jupyter folders.

:class:`LabServer` starts the server from this interpreter's environment (its bin folder first
on PATH, since nbgrader starts ``alembic`` by name), waits until it answers, and always ends it
and its kernels in :meth:`LabServer.stop`.

>>> # with LabServer.start(workspace, home=tmp_path / "lab") as lab:
>>> #     page.goto(lab.url("lab"))
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.trainer.course import tool_environment


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Lab asks on first start whether to fetch Jupyter news; the question covers screenshots.
_USER_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


@dataclass
class LabServer:
    """A running ``jupyter lab`` on loopback; use as a context manager or call :meth:`stop`."""

    root: Path
    home: Path
    port: int
    token: str
    process: subprocess.Popen[bytes]
    log: Path

    @classmethod
    def start(
        cls,
        root: Path,
        *,
        home: Path,
        cwd: Path | None = None,
        nbgrader_config: str = "",
        env: dict[str, str] | None = None,
        timeout: float = 120.0,
    ) -> LabServer:
        """Start Lab serving ``root``; ``home`` holds its private Jupyter config/data/runtime.

        ``nbgrader_config`` is written to ``<home>/config/nbgrader_config.py`` (nbgrader reads
        it from the Jupyter config folder, e.g. ``c.Exchange.root``).
        """
        config = home / "config"
        for folder in (config, home / "data", home / "runtime", home / "ipython"):
            folder.mkdir(parents=True, exist_ok=True)
        for name, value in _USER_SETTINGS.items():
            target = config / "lab" / "user-settings" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(value), encoding="utf-8")
        if nbgrader_config:
            (config / "nbgrader_config.py").write_text(nbgrader_config, encoding="utf-8")
        port, token = free_port(), secrets.token_hex(16)
        server_env = {
            **tool_environment(),
            "JUPYTER_CONFIG_DIR": str(config),
            "JUPYTER_DATA_DIR": str(home / "data"),
            "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
            "IPYTHONDIR": str(home / "ipython"),
            "PYTHONUNBUFFERED": "1",
            **(env or {}),
        }
        server_env.pop("KIT_WORKDIR", None)
        command = [
            str(Path(sys.executable).parent / "jupyter-lab"),
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}",
            "--LabApp.news_url=None",
            # Lets the tests read the notebook's model (cells, outputs, kernel state).
            "--LabApp.expose_app_in_browser=True",
        ]
        if os.geteuid() == 0:
            command.append("--allow-root")
        log = home / "jupyter-lab.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                command,
                cwd=cwd or root,
                env=server_env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        server = cls(root=root, home=home, port=port, token=token, process=process, log=log)
        try:
            server._wait_until_ready(timeout)
        except BaseException:
            server.stop()
            raise
        return server

    def __enter__(self) -> LabServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def url(self, path: str = "lab") -> str:
        """``http://127.0.0.1:<port>/<path>`` with the token (logs the browser in)."""
        joiner = "&" if "?" in path else "?"
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}{joiner}token={self.token}"

    def api(self, path: str, method: str = "GET") -> Any:
        """Call the server's REST API; returns the decoded JSON (None for an empty answer)."""
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/api/{path.lstrip('/')}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None

    def log_tail(self, chars: int = 4000) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-chars:]

    def shutdown_kernels(self) -> None:
        """Stop every kernel of this server (pages left open keep theirs otherwise)."""
        with contextlib.suppress(OSError, urllib.error.URLError):
            for kernel in self.api("kernels"):
                with contextlib.suppress(OSError, urllib.error.URLError):
                    self.api(f"kernels/{kernel['id']}", method="DELETE")

    def stop(self) -> None:
        """End the server and its kernels, whatever state it is in."""
        if self.process.poll() is None:
            self.shutdown_kernels()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)

    def _wait_until_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"jupyter lab exited early:\n{self.log_tail()}")
            with contextlib.suppress(OSError, urllib.error.URLError, ValueError):
                self.api("status")
                return
            time.sleep(0.5)
        raise AssertionError(
            f"jupyter lab did not answer within {timeout:.0f} s:\n{self.log_tail()}"
        )
