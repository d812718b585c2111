"""Where a workshop server keeps everything, saved as ``<state>/private/site.json``.

One :class:`Site` describes one workshop server: the shared environment (``prefix``), the hub's
state and secrets (``state/private``, root only), the per-role Jupyter configuration
(``state/jupyter/<role>``, readable by all), the nbgrader exchange, and the accounts created.

>>> site = Site(prefix=Path("/opt/data-academy"), state=Path("/srv/data-academy"))
>>> str(site.venv), str(site.exchange_root)
('/opt/data-academy/venv', '/srv/data-academy/exchange')
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from kit.errors import InputError

SITE_FILE = "site.json"
COURSE_ID = "data-academy"
ROLES = ("instructor", "trainee")


@dataclass(frozen=True)
class Site:
    """Paths, ports and accounts of one workshop server (plain values, saved as JSON)."""

    prefix: Path = Path("/opt/data-academy")
    state: Path = Path("/srv/data-academy")
    home_base: Path = Path("/home")
    exchange: Path | None = None
    ip: str = ""
    port: int = 8000
    hub_port: int = 8081
    proxy_api_port: int = 8001
    data_dir: Path | None = None
    ssl_cert: Path | None = None
    ssl_key: Path | None = None
    instructor_opens_servers: bool = False
    course_id: str = COURSE_ID
    group: str = "data-academy"
    group_created: bool = False
    instructor: str = ""
    trainees: tuple[str, ...] = field(default_factory=tuple)

    @property
    def venv(self) -> Path:
        """The shared Python environment every user runs."""
        return self.prefix / "venv"

    def bin(self, program: str) -> Path:
        """A program of the shared environment, e.g. ``site.bin("nbgrader")``."""
        return self.venv / "bin" / program

    @property
    def private(self) -> Path:
        """Root-only folder: site.json, hub database, cookie secret, passwords, logs."""
        return self.state / "private"

    @property
    def exchange_root(self) -> Path:
        """nbgrader's exchange root (mode 1777)."""
        return self.exchange if self.exchange is not None else self.state / "exchange"

    def role_config(self, role: str) -> Path:
        """Jupyter configuration folder of a role, put on ``JUPYTER_CONFIG_PATH`` at spawn."""
        if role not in ROLES:
            raise InputError(
                f"役割「{role}」は使えません。",
                action=f"{' / '.join(ROLES)} のどれかにしてください。",
            )
        return self.state / "jupyter" / role

    @property
    def hub_config(self) -> Path:
        return self.private / "jupyterhub_config.py"

    @property
    def site_file(self) -> Path:
        return self.private / SITE_FILE

    @property
    def passwords_file(self) -> Path:
        return self.private / "passwords.csv"

    @property
    def users(self) -> tuple[str, ...]:
        """Every workshop account: the instructor first, then the trainees."""
        return ((self.instructor,) if self.instructor else ()) + tuple(self.trainees)

    def home(self, user: str) -> Path:
        return self.home_base / user

    @property
    def course_root(self) -> Path:
        """The instructor's nbgrader course folder (mode 0700)."""
        return self.home(self.instructor) / "course"

    @property
    def url(self) -> str:
        """The address trainees open (as seen from this machine)."""
        scheme = "https" if self.ssl_cert else "http"
        host = self.ip if self.ip not in ("", "0.0.0.0") else "127.0.0.1"
        return f"{scheme}://{host}:{self.port}"

    def with_accounts(self, instructor: str, trainees: list[str]) -> Site:
        """A copy with these accounts added to the ones already recorded (order kept)."""
        known = list(self.trainees)
        known += [name for name in trainees if name not in known]
        return replace(self, instructor=instructor, trainees=tuple(known))

    def save(self) -> Path:
        """Write ``site.json`` (root only) and return its path."""
        self.private.mkdir(parents=True, exist_ok=True)
        os.chmod(self.private, 0o700)
        data = {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(self).items()}
        data["trainees"] = list(self.trainees)
        tmp = self.site_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.chmod(tmp, 0o600)
        tmp.replace(self.site_file)
        return self.site_file


def load_site(state: Path | str) -> Site:
    """The site saved under ``state`` by ``setup``.

    >>> load_site("/srv/data-academy").instructor  # doctest: +SKIP
    'sensei'
    """
    path = Path(state) / "private" / SITE_FILE
    if not path.is_file():
        raise InputError(
            f"「{path}」がありません。このフォルダではまだセットアップが行われていません。",
            action="--state の指定を確認するか、先に setup を実行してください。",
        )
    data = json.loads(path.read_text(encoding="utf-8"))
    paths = {"prefix", "state", "home_base", "exchange", "data_dir", "ssl_cert", "ssl_key"}
    values = {k: (Path(v) if k in paths and v is not None else v) for k, v in data.items()}
    values["trainees"] = tuple(values.get("trainees", ()))
    return Site(**values)
