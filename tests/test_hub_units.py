"""Parts of the workshop server that need neither root nor a running hub."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import stat
import subprocess
import sys
import tarfile
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import COURSE
from traitlets.config import Config, PyFileConfigLoader

from kit.errors import InputError
from kit.trainer.hub import accounts
from kit.trainer.hub.client import request
from kit.trainer.hub.exchange import copy_keeping_group, private_modes
from kit.trainer.hub.hubconfig import apply, role_server_config, spawn_environment
from kit.trainer.hub.kernels import execute_request
from kit.trainer.hub.layout import Site, load_site
from kit.trainer.hub.processes import alive, pids_of_user, stop_pids
from kit.trainer.hub.provision import global_nbgrader_config, instructor_nbgrader_config
from kit.trainer.hub.roster import parse_roster, read_roster, roster_template
from kit.trainer.hub.server import systemd_unit
from kit.trainer.hub.teardown import backup_course, copy_gradebook

SITE = Site(
    prefix=Path("/opt/da"), state=Path("/srv/da"), instructor="sensei", trainees=("t01", "t02")
)


# --- roster ---------------------------------------------------------------------------------


def test_roster_reads_japanese_or_english_headers_and_roles():
    japanese = parse_roster("ユーザー名,役割\nsensei,講師\nt01,受講者\n\n")
    english = parse_roster("role,username\ninstructor,sensei\ntrainee,t01\n")
    assert [(a.name, a.role) for a in japanese] == [("sensei", "instructor"), ("t01", "trainee")]
    assert english == japanese


def test_roster_saved_by_excel_as_shift_jis_is_read(tmp_path):
    path = tmp_path / "名簿.csv"
    path.write_bytes("ユーザー名,役割\r\nsensei,講師\r\nt01,受講者\r\n".encode("cp932"))
    assert [a.role for a in read_roster(path)] == ["instructor", "trainee"]


@pytest.mark.parametrize(
    ("text", "row", "words"),
    [
        ("ユーザー名,役割\nsensei,講師\nTrainee1,受講者\n", 3, "Trainee1"),
        ("ユーザー名,役割\nsensei,講師\nt+1,受講者\n", 3, "t+1"),
        ("ユーザー名,役割\nsensei,講師\nt01,受講者\nt01,受講者\n", 4, "2 回"),
        ("ユーザー名,役割\nsensei,先生\n", 2, "先生"),
    ],
)
def test_roster_errors_name_the_line_and_what_to_do(text, row, words):
    with pytest.raises(InputError) as caught:
        parse_roster(text, source="roster.csv")
    assert caught.value.row == row
    assert words in str(caught.value)
    assert caught.value.action


@pytest.mark.parametrize("body", ["t01,受講者\n", "a,講師\nb,講師\n"])
def test_roster_needs_exactly_one_instructor(body):
    with pytest.raises(InputError, match="講師が [02] 人"):
        parse_roster("ユーザー名,役割\n" + body)


def test_roster_without_the_header_says_which_column_is_missing():
    with pytest.raises(InputError, match="ユーザー名"):
        parse_roster("name,role\nsensei,講師\n")


@settings(max_examples=30, deadline=None)
@given(
    trainees=st.integers(min_value=1, max_value=120),
    prefix=st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True),
)
def test_roster_template_round_trips(trainees, prefix):
    accounts_ = parse_roster(roster_template(trainees, instructor="zz-trainer", prefix=prefix))
    assert [a.role for a in accounts_] == ["instructor"] + ["trainee"] * trainees
    assert len({a.name for a in accounts_}) == trainees + 1


# --- passwords --------------------------------------------------------------------------------


def test_passwords_are_random_and_free_of_look_alike_characters():
    made = {accounts.new_password() for _ in range(200)}
    assert len(made) == 200
    for password in made:
        assert len(password) == 14 and password.count("-") == 2
        assert not set(password) & set("0O1lI")


def test_password_file_is_private_excel_friendly_and_reads_back(tmp_path):
    path = tmp_path / "private" / "passwords.csv"
    accounts.write_passwords(
        path, [("sensei", "instructor", "aaaa-bbbb-cccc"), ("t01", "trainee", "dddd-eeee-ffff")]
    )
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows == [
        ["ユーザー名", "役割", "初期パスワード"],
        ["sensei", "講師", "aaaa-bbbb-cccc"],
        ["t01", "受講者", "dddd-eeee-ffff"],
    ]
    assert accounts.read_passwords(path) == {"sensei": "aaaa-bbbb-cccc", "t01": "dddd-eeee-ffff"}


def test_removing_an_account_that_is_not_a_workshop_account_is_refused():
    with pytest.raises(InputError, match="研修用に作ったアカウントではない"):
        accounts.remove_account("root")


# --- layout and hub configuration -------------------------------------------------------------


def test_site_round_trips_through_site_json(tmp_path):
    site = Site(
        prefix=tmp_path / "p",
        state=tmp_path / "s",
        data_dir=tmp_path / "d",
        port=18000,
        instructor="sensei",
    )
    site = site.with_accounts("sensei", ["t01", "t02"]).with_accounts("sensei", ["t02", "t03"])
    site.save()
    assert stat.S_IMODE(site.private.stat().st_mode) == 0o700
    assert stat.S_IMODE(site.site_file.stat().st_mode) == 0o600
    loaded = load_site(tmp_path / "s")
    assert loaded == site
    assert loaded.users == ("sensei", "t01", "t02", "t03")


def test_loading_a_site_that_was_never_set_up_says_what_to_do(tmp_path):
    with pytest.raises(InputError, match="setup"):
        load_site(tmp_path)


def test_hub_lets_in_only_the_roster_and_the_instructor_manages_servers_without_opening_them():
    c = Config()
    apply(c, SITE)
    assert c.Authenticator.allowed_users == {"sensei", "t01", "t02"}
    assert c.Authenticator.admin_users == set()
    [role] = c.JupyterHub.load_roles
    assert role["users"] == ["sensei"]
    assert "admin:servers" in role["scopes"] and "list:users" in role["scopes"]
    assert not {"access:servers", "tokens", "admin:users"} & set(role["scopes"])
    assert c.JupyterHub.authenticator_class == "pam"
    assert c.JupyterHub.spawner_class == "localprocess"
    assert c.Spawner.cmd == ["/opt/da/venv/bin/jupyterhub-singleuser"]
    assert c.JupyterHub.db_url == "sqlite:////srv/da/private/jupyterhub.sqlite"
    assert c.JupyterHub.bind_url == "http://:8000"
    assert c.JupyterHub.hub_bind_url == "http://127.0.0.1:8081"


def test_the_instructor_may_be_allowed_to_open_trainees_servers():
    c = Config()
    apply(c, Site(instructor="sensei", instructor_opens_servers=True))
    assert "access:servers" in c.JupyterHub.load_roles[0]["scopes"]


def test_hub_uses_https_when_given_a_certificate():
    c = Config()
    apply(c, Site(ssl_cert=Path("/etc/ssl/hub.pem"), ssl_key=Path("/etc/ssl/hub.key"), port=443))
    assert c.JupyterHub.bind_url == "https://:443"
    assert (c.JupyterHub.ssl_cert, c.JupyterHub.ssl_key) == ("/etc/ssl/hub.pem", "/etc/ssl/hub.key")


def test_each_user_server_gets_its_roles_config_without_touching_the_shared_environment():
    c = Config()
    apply(c, SITE)
    shared = {"TZ": "Asia/Tokyo"}
    spawned = {}
    for name in ("sensei", "t01"):
        spawner = SimpleNamespace(environment=shared, user=SimpleNamespace(name=name))
        c.Spawner.pre_spawn_hook(spawner)
        spawned[name] = spawner.environment
    assert shared == {"TZ": "Asia/Tokyo"}
    assert spawned["sensei"]["JUPYTER_CONFIG_PATH"] == "/srv/da/jupyter/instructor"
    assert spawned["sensei"]["KIT_COURSE"] == "/home/sensei/course"
    assert spawned["t01"]["JUPYTER_CONFIG_PATH"] == "/srv/da/jupyter/trainee"
    assert "KIT_COURSE" not in spawned["t01"]
    assert spawned["t01"]["PATH"].startswith("/opt/da/venv/bin:")
    assert spawned["t01"]["TZ"] == "Asia/Tokyo"


def test_a_municipalitys_own_data_package_reaches_every_server():
    env = spawn_environment(Site(data_dir=Path("/srv/data/our-city")), "t01")
    assert env["KIT_DATA_DIR"] == "/srv/data/our-city"
    assert "KIT_DATA_DIR" not in spawn_environment(Site(), "t01")


def _load_config(path: Path) -> Config:
    return PyFileConfigLoader(path.name, str(path.parent)).load_config()


def test_global_nbgrader_config_sets_course_exchange_and_private_submit(tmp_path):
    path = tmp_path / "nbgrader_config.py"
    path.write_text(global_nbgrader_config(SITE), encoding="utf-8")
    config = _load_config(path)
    assert config.CourseDirectory.course_id == "data-academy"
    assert config.Exchange.root == "/srv/da/exchange"
    assert config.ExchangeFactory.submit == "kit.trainer.hub.exchange.PrivateExchangeSubmit"


def test_instructor_config_loads_the_course_config_from_anywhere(tmp_path):
    site = Site(home_base=tmp_path, instructor="sensei")
    site.course_root.mkdir(parents=True)
    (site.course_root / "nbgrader_config.py").write_text(
        (COURSE / "nbgrader_config.py").read_text(encoding="utf-8"), encoding="utf-8"
    )
    own = tmp_path / "sensei" / ".jupyter" / "nbgrader_config.py"
    own.parent.mkdir()
    own.write_text(instructor_nbgrader_config(site), encoding="utf-8")
    config = _load_config(own)
    assert config.CourseDirectory.root == str(site.course_root)
    assert config.CourseDirectory.course_id == "data-academy"
    assert "RedactHiddenTests" in str(config.GenerateFeedback.preprocessors)


def test_systemd_unit_runs_the_shared_hub_with_the_site_config():
    unit = systemd_unit(SITE)
    assert (
        "ExecStart=/opt/da/venv/bin/jupyterhub --config /srv/da/private/jupyterhub_config.py"
        in unit
    )
    assert "WorkingDirectory=/srv/da/private" in unit
    assert "Environment=PATH=/opt/da/venv/bin:" in unit


# --- exchange ---------------------------------------------------------------------------------


def test_private_modes_take_every_permission_away_from_others():
    assert private_modes(0o644, 0o755) == (0o640, 0o750)
    assert private_modes(0o666, 0o777) == (0o660, 0o770)


def test_copy_keeping_group_copies_contents_not_modes_and_honours_ignore(tmp_path):
    src = tmp_path / "src"
    (src / "data").mkdir(parents=True)
    (src / "intro.ipynb").write_text("{}", encoding="utf-8")
    (src / "data" / "a.csv").write_text("x\n1\n", encoding="utf-8")
    (src / ".ipynb_checkpoints").mkdir()
    os.chmod(src / "data", 0o700)
    os.chmod(src / "intro.ipynb", 0o600)
    dest = tmp_path / "dest"
    copy_keeping_group(
        str(src), str(dest), lambda folder, names: [n for n in names if n.startswith(".")]
    )
    assert sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*")) == [
        "data",
        "data/a.csv",
        "intro.ipynb",
    ]
    assert (dest / "data" / "a.csv").read_text(encoding="utf-8") == "x\n1\n"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((dest / "intro.ipynb").stat().st_mode) == 0o666 & ~umask
    assert stat.S_IMODE((dest / "data").stat().st_mode) == 0o777 & ~umask


# --- processes, backup, client ------------------------------------------------------------------


def test_processes_of_a_user_are_found_and_stopped_by_id():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        assert child.pid in pids_of_user(os.getuid())
        assert stop_pids([child.pid], timeout=5) == [child.pid]
        child.wait(timeout=5)
        assert not alive(child.pid)
    finally:
        child.kill()


def test_backup_holds_the_course_and_a_consistent_gradebook(tmp_path):
    site = Site(home_base=tmp_path / "homes", instructor="sensei")
    (site.course_root / "source" / "stage0").mkdir(parents=True)
    (site.course_root / "source" / "stage0" / "intro.ipynb").write_text("{}", encoding="utf-8")
    with sqlite3.connect(site.course_root / "gradebook.db") as db:
        db.execute("create table grade (student text, score real)")
        db.execute("insert into grade values ('t01', 10.0)")
    db.close()
    archive = backup_course(site, tmp_path / "backups")
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        assert "course/source/stage0/intro.ipynb" in names
        assert names.count("course/gradebook.db") == 1
        tar.extract("course/gradebook.db", tmp_path / "restored", filter="data")
    restored = sqlite3.connect(tmp_path / "restored" / "course" / "gradebook.db")
    assert restored.execute("select student, score from grade").fetchall() == [("t01", 10.0)]
    restored.close()


def test_copy_gradebook_copies_every_row(tmp_path):
    source = tmp_path / "gradebook.db"
    db = sqlite3.connect(source)
    db.execute("create table t (x integer)")
    db.executemany("insert into t values (?)", [(i,) for i in range(1000)])
    db.commit()
    copy_gradebook(source, tmp_path / "copy.db")
    db.close()
    copy = sqlite3.connect(tmp_path / "copy.db")
    assert copy.execute("select count(*), sum(x) from t").fetchone() == (1000, sum(range(1000)))
    copy.close()


def test_client_returns_refusals_and_redirects_as_they_are():
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 — http.server's naming
            if self.path == "/moved":
                self.send_response(302)
                self.send_header("Location", "/elsewhere")
                self.end_headers()
                return
            body = b'{"auth": "%s"}' % self.headers.get("Authorization", "").encode()
            self.send_response(403 if self.path == "/no" else 200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        assert request(f"{base}/ok", token="abc").json() == {"auth": "token abc"}
        assert request(f"{base}/no").status == 403
        moved = request(f"{base}/moved")
        assert (moved.status, moved.headers["Location"]) == (302, "/elsewhere")
    finally:
        server.shutdown()
        server.server_close()


def test_execute_request_is_a_shell_message_for_the_jupyter_protocol():
    message = execute_request("1 + 1", session="s1", username="t01")
    assert message["channel"] == "shell"
    assert message["header"]["msg_type"] == "execute_request"
    assert message["header"]["session"] == "s1" and message["header"]["username"] == "t01"
    assert message["content"]["code"] == "1 + 1" and message["content"]["allow_stdin"] is False
    assert message["header"]["msg_id"] != execute_request("1 + 1", "s1", "t01")["header"]["msg_id"]


def test_roster_command_prints_a_template():
    proc = subprocess.run(
        [sys.executable, "-m", "kit.trainer.hub", "roster", "--trainees", "3"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert proc.stdout.splitlines() == [
        "ユーザー名,役割",
        "sensei,講師",
        "trainee01,受講者",
        "trainee02,受講者",
        "trainee03,受講者",
    ]


def test_kernels_left_behind_are_culled_but_never_one_with_an_open_tab():
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

    for role in ("trainee", "instructor"):
        settings = role_server_config(role)["MappingKernelManager"]
        manager = AsyncMappingKernelManager(config=Config({"MappingKernelManager": settings}))
        assert manager.cull_idle_timeout == 3600 and manager.cull_interval == 300
        assert manager.cull_connected is False and manager.cull_busy is False
