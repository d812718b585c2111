"""JupyterHub settings of the workshop server, applied from ``site.json`` by the hub's config file.

The generated ``jupyterhub_config.py`` is two lines (see :func:`config_file_text`); every setting
is here, so it is tested and documented in one place:

- real Unix accounts, PAM passwords (JupyterHub's default authenticator), only roster accounts
  may log in; the instructor sees the admin page and can start and stop trainees' servers, but
  not open them (no ``access:servers``, no tokens for others) unless the site allows it;
- each user's server runs as that user (``LocalProcessSpawner``) from the shared environment;
- the role's Jupyter configuration is put first on ``JUPYTER_CONFIG_PATH`` at spawn: trainees get
  no formgrader / course list / create-assignment, the instructor's formgrader may be framed by
  Lab (CSP ``frame-ancestors 'self'``) and ``KIT_COURSE`` points at the course folder.

>>> from traitlets.config import Config
>>> c = Config()
>>> apply(c, Site(instructor="sensei", trainees=("t01",)))
>>> sorted(c.Authenticator.allowed_users)
['sensei', 't01']
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kit.trainer.hub.layout import Site, load_site

# Trainees can start a server and fetch / submit / validate; nothing of the trainer's tools.
TRAINEE_SERVER_EXTENSIONS = {
    "nbgrader.server_extensions.formgrader": False,
    "nbgrader.server_extensions.course_list": False,
    "nbgrader.server_extensions.assignment_list": True,
    "nbgrader.server_extensions.validate_assignment": True,
}
TRAINEE_DISABLED_LAB_PLUGINS = {
    "@jupyter/nbgrader:formgrader": True,
    "@jupyter/nbgrader:create-assignment": True,
    "@jupyter/nbgrader:course-list": True,
}
# JupyterHub >= 4.1 forbids framing single-user pages; Lab shows the formgrader in a frame.
INSTRUCTOR_HEADERS = {"Content-Security-Policy": "frame-ancestors 'self'"}
SYSTEM_PATH = "/usr/local/bin:/usr/bin:/bin"
INSTRUCTOR_ROLE = "workshop-instructor"
INSTRUCTOR_SCOPES = ["admin-ui", "list:users", "read:users", "admin:servers", "read:hub"]


def config_file_text(site: Site) -> str:
    """Text of the hub's ``jupyterhub_config.py``: it only hands ``site.json`` to :func:`apply`.

    >>> "apply(c, '/srv/data-academy/private/site.json')" in config_file_text(Site())
    True
    """
    return (
        "# JupyterHub configuration of the Data Academy workshop server.\n"
        "# Written by `python -m kit.trainer.hub setup`; the values live in site.json next to this\n"
        "# file. Add your own settings after the apply() line, e.g. c.JupyterHub.ssl_cert = '…'.\n"
        "from kit.trainer.hub.hubconfig import apply\n"
        "\n"
        f"apply(c, {str(site.site_file)!r})  # noqa: F821 — c is given by JupyterHub\n"
    )


# A kernel left behind (its notebook closed, no tab connected) holds 150–300 MB; on a shared
# server it is shut down after an idle hour. Kernels with an open tab are never culled.
KERNEL_CULLING = {
    "cull_idle_timeout": 3600,
    "cull_interval": 300,
    "cull_connected": False,
    "cull_busy": False,
}


def role_of(site: Site, user: str) -> str:
    """``instructor`` or ``trainee``.

    >>> role_of(Site(instructor="sensei"), "t01")
    'trainee'
    """
    return "instructor" if user == site.instructor else "trainee"


def role_server_config(role: str) -> dict[str, Any]:
    """``jupyter_server_config.json`` of a role (written under ``state/jupyter/<role>``).

    >>> role_server_config("trainee")["ServerApp"]["jpserver_extensions"]["nbgrader.server_extensions.formgrader"]
    False
    >>> role_server_config("instructor")["MappingKernelManager"]["cull_connected"]
    False
    """
    if role == "instructor":
        server = {"ServerApp": {"tornado_settings": {"headers": dict(INSTRUCTOR_HEADERS)}}}
    else:
        server = {"ServerApp": {"jpserver_extensions": dict(TRAINEE_SERVER_EXTENSIONS)}}
    return {**server, "MappingKernelManager": dict(KERNEL_CULLING)}


def role_page_config(role: str) -> dict[str, Any]:
    """JupyterLab ``labconfig/page_config.json`` of a role (which Lab plugins are off).

    >>> role_page_config("instructor")
    {}
    """
    if role == "instructor":
        return {}
    return {"disabledExtensions": dict(TRAINEE_DISABLED_LAB_PLUGINS)}


def instructor_role(site: Site) -> dict[str, Any]:
    """The hub role of the instructor: manage servers; open them only if the site allows.

    >>> instructor_role(Site(instructor="sensei"))["scopes"][:2]
    ['admin-ui', 'list:users']
    """
    scopes = INSTRUCTOR_SCOPES + (["access:servers"] if site.instructor_opens_servers else [])
    return {"name": INSTRUCTOR_ROLE, "scopes": scopes, "users": [site.instructor]}


def spawn_environment(site: Site, user: str) -> dict[str, str]:
    """Environment variables of ``user``'s server, kernels and terminals (besides JupyterHub's).

    >>> spawn_environment(Site(instructor="sensei"), "sensei")["KIT_COURSE"]
    '/home/sensei/course'
    """
    role = role_of(site, user)
    env = {
        "PATH": f"{site.venv / 'bin'}:{SYSTEM_PATH}",
        "LANG": "C.UTF-8",
        "JUPYTER_CONFIG_PATH": str(site.role_config(role)),
    }
    if site.data_dir is not None:
        env["KIT_DATA_DIR"] = str(site.data_dir)
    if role == "instructor":
        env["KIT_COURSE"] = str(site.course_root)
    return env


def apply(c: Any, site: Site | Path | str) -> None:
    """Set every hub option of the workshop on the config object ``c``.

    >>> apply(c, "/srv/data-academy/private/site.json")  # doctest: +SKIP
    """
    if not isinstance(site, Site):
        site = load_site(Path(site).parent.parent)
    private = site.private

    c.JupyterHub.bind_url = f"{'https' if site.ssl_cert else 'http'}://{site.ip}:{site.port}"
    c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{site.hub_port}"
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{site.proxy_api_port}"
    c.ConfigurableHTTPProxy.pid_file = str(private / "proxy.pid")
    c.JupyterHub.pid_file = str(private / "jupyterhub.pid")
    c.JupyterHub.db_url = f"sqlite:///{private / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(private / "jupyterhub_cookie_secret")
    if site.ssl_cert and site.ssl_key:
        c.JupyterHub.ssl_cert = str(site.ssl_cert)
        c.JupyterHub.ssl_key = str(site.ssl_key)

    c.JupyterHub.authenticator_class = "pam"
    c.Authenticator.allowed_users = set(site.users)
    c.Authenticator.admin_users = set()
    if site.instructor:
        c.JupyterHub.load_roles = [instructor_role(site)]

    c.JupyterHub.spawner_class = "localprocess"
    c.Spawner.cmd = [str(site.bin("jupyterhub-singleuser"))]
    c.Spawner.default_url = "/lab"
    # Forty people logging in at 9:00 on two cores: give slow starts time.
    c.Spawner.start_timeout = 180
    c.Spawner.http_timeout = 120

    def per_user_environment(spawner: Any) -> None:
        # A new dict: the configured one is shared by every spawner.
        spawner.environment = {**spawner.environment, **spawn_environment(site, spawner.user.name)}

    c.Spawner.pre_spawn_hook = per_user_environment
