"""Run code in a user's kernel through their own server (REST + websocket), as their browser does.

Used to check a server end to end and to measure a trainee who has worked through a notebook.

>>> kernel = start_kernel(user)                          # doctest: +SKIP
>>> run_cells(user, kernel, ["import kit", "1 + 1"])     # doctest: +SKIP
[]
"""

from __future__ import annotations

import asyncio
import json
import uuid

from kit.errors import InputError
from kit.trainer.hub.client import HubUser

PROTOCOL_VERSION = "5.3"


def start_kernel(user: HubUser, name: str = "python3") -> str:
    """Start a kernel on the user's server; its id.

    >>> start_kernel(user)  # doctest: +SKIP
    'b3c1…'
    """
    response = user.server("POST", "api/kernels", data={"name": name})
    if response.status != 201:
        raise InputError(
            f"「{user.name}」のカーネルを起動できませんでした（HTTP {response.status}）。"
        )
    return response.json()["id"]


def execute_request(code: str, session: str, username: str) -> dict:
    """A Jupyter ``execute_request`` message for the server's websocket (JSON protocol).

    >>> execute_request("1 + 1", "s", "t01")["header"]["msg_type"]
    'execute_request'
    """
    header = {
        "msg_id": uuid.uuid4().hex,
        "msg_type": "execute_request",
        "username": username,
        "session": session,
        "version": PROTOCOL_VERSION,
    }
    content = {
        "code": code,
        "silent": False,
        "store_history": True,
        "user_expressions": {},
        "allow_stdin": False,
    }
    return {
        "header": header,
        "parent_header": {},
        "metadata": {},
        "content": content,
        "channel": "shell",
    }


def run_cells(user: HubUser, kernel_id: str, cells: list[str]) -> list[str]:
    """Execute cells one after another; the names of the errors they raised (empty: all ran).

    >>> run_cells(user, kernel, ["1 / 0"])  # doctest: +SKIP
    ['ZeroDivisionError']
    """
    return asyncio.run(_run_cells(user, kernel_id, cells))


async def _run_cells(user: HubUser, kernel_id: str, cells: list[str]) -> list[str]:
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    session = uuid.uuid4().hex
    base = user.base_url.replace("http", "ws", 1)
    url = f"{base}/user/{user.name}/api/kernels/{kernel_id}/channels?session_id={session}"
    ws = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {user.token}"}))
    errors = []
    try:
        for code in cells:
            request = execute_request(code, session, user.name)
            await ws.write_message(json.dumps(request))
            while True:
                raw = await ws.read_message()
                if raw is None:
                    raise InputError(f"「{user.name}」のカーネルとの接続が切れました。")
                message = json.loads(raw)
                if message.get("parent_header", {}).get("msg_id") != request["header"]["msg_id"]:
                    continue
                if message["msg_type"] == "error":
                    errors.append(message["content"]["ename"])
                if message["msg_type"] == "execute_reply":
                    break
    finally:
        ws.close()
    return errors
