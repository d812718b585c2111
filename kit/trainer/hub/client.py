"""Talk to a running hub as one of its users, over HTTP (standard library only).

A user logs in with their Unix password through the hub's REST API and gets an API token; with it
they start their own server and call it (nbgrader's assignment list, the formgrader, the
contents API). Redirects are not followed, so a refusal is seen as it is.

>>> user = login("http://127.0.0.1:8000", "trainee01", "Hk7m-Rw4p-Xz9c")  # doctest: +SKIP
>>> user.start_server()                                                   # doctest: +SKIP
>>> user.server("POST", "assignments/fetch", form={"course_id": "data-academy",
...             "assignment_id": "stage0"}).json()["success"]            # doctest: +SKIP
True
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import Any

from kit.errors import InputError


@dataclass(frozen=True)
class Response:
    """Status, headers and body of one HTTP exchange."""

    status: int
    headers: Message
    text: str

    def json(self) -> Any:
        return json.loads(self.text)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, PLR0913
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def request(
    url: str,
    method: str = "GET",
    *,
    token: str | None = None,
    data: Any = None,
    form: dict[str, str] | None = None,
    timeout: float = 120.0,
) -> Response:
    """One HTTP request; JSON ``data`` or urlencoded ``form`` body; errors are returned, not raised.

    >>> request("http://127.0.0.1:8000/hub/api/").json()["version"]  # doctest: +SKIP
    '6.1.1'
    """
    headers = {"Accept": "application/json"}
    body = None
    if token:
        headers["Authorization"] = f"token {token}"
    if data is not None:
        body = json.dumps(data).encode()
        headers["Content-Type"] = "application/json"
    elif form is not None:
        body = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    req = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with _OPENER.open(req, timeout=timeout) as response:
            return Response(
                response.status, response.headers, response.read().decode("utf-8", "replace")
            )
    except urllib.error.HTTPError as error:
        return Response(error.code, error.headers, error.read().decode("utf-8", "replace"))


@dataclass(frozen=True)
class HubUser:
    """A hub user with an API token."""

    base_url: str
    name: str
    token: str

    def api(self, method: str, path: str, data: Any = None) -> Response:
        """Call the hub's REST API, e.g. ``api("GET", f"users/{name}")``."""
        return request(f"{self.base_url}/hub/api/{path}", method, token=self.token, data=data)

    def server(
        self, method: str, path: str, *, owner: str | None = None, **kwargs: Any
    ) -> Response:
        """Call a single-user server (by default this user's own) at ``/user/<owner>/<path>``."""
        return request(
            f"{self.base_url}/user/{owner or self.name}/{path}", method, token=self.token, **kwargs
        )

    def start_server(self, timeout: float = 180.0) -> None:
        """Start this user's server and wait until it is ready."""
        started = self.api("POST", f"users/{self.name}/server")
        if started.status not in (201, 202, 400):  # 400: already running
            raise InputError(
                f"「{self.name}」のサーバーを起動できませんでした（HTTP {started.status}）: {started.text[:300]}"
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            model = self.api("GET", f"users/{self.name}").json()
            server = model.get("servers", {}).get("")
            if server and server.get("ready"):
                return
            time.sleep(0.5)
        raise InputError(f"{timeout:.0f} 秒待っても「{self.name}」のサーバーが起動しませんでした。")

    def stop_server(self, timeout: float = 60.0) -> None:
        """Stop this user's server and wait until it is gone."""
        self.api("DELETE", f"users/{self.name}/server")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.api("GET", f"users/{self.name}").json().get("servers"):
                return
            time.sleep(0.5)
        raise InputError(f"{timeout:.0f} 秒待っても「{self.name}」のサーバーが停止しませんでした。")


def login(base_url: str, name: str, password: str, expires_in: int = 4 * 3600) -> HubUser:
    """Log in with a Unix password (PAM) and get an API token for this user.

    >>> login("http://127.0.0.1:8000", "trainee01", "Hk7m-Rw4p-Xz9c").name  # doctest: +SKIP
    'trainee01'
    """
    response = request(
        f"{base_url}/hub/api/users/{name}/tokens",
        "POST",
        data={
            "auth": {"username": name, "password": password},
            "note": "kit.trainer.hub",
            "expires_in": expires_in,
        },
    )
    if response.status != 201:
        raise InputError(
            f"「{name}」でログインできませんでした（HTTP {response.status}）。",
            action="ユーザー名とパスワードを確認してください。",
        )
    return HubUser(base_url, name, response.json()["token"])
