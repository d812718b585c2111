"""The workshop server end to end, as root, on loopback only.

``python -m kit.trainer.hub setup`` builds the shared environment in a temporary prefix, creates an
instructor and two trainees as real Unix users, and the hub runs with PAM passwords and one server
per user. Trainees fetch, save and submit through their own servers' HTTP endpoints; the
instructor releases, collects, autogrades and returns feedback as their Unix user; trainees fetch
the feedback. Then: what a trainee can and cannot read, and who gets the formgrader. Everything
started is stopped and everything created is removed, also when a test fails (the finalizers
check it).

``KIT_HUB_TEST_PREFIX=/some/prefix`` reuses (and keeps) an existing shared environment.
"""

from __future__ import annotations

import html
import json
import os
import pwd
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import nbformat
import pytest
from nbgrader.api import Gradebook
from support import COURSE, REPO, hidden_regions, read_notebook

from kit.trainer.hub.client import HubUser, login
from kit.trainer.hub.hubconfig import spawn_environment
from kit.trainer.hub.kernels import run_cells, start_kernel
from kit.trainer.hub.layout import Site, load_site
from kit.trainer.hub.processes import alive, pids_of_user
from kit.trainer.hub.server import hub_pid, read_pid, start_hub, stop_hub, wait_until_up
from kit.trainer.practice import model_answers

pytestmark = [
    pytest.mark.hub,
    pytest.mark.timeout(900),
    pytest.mark.skipif(
        os.name != "posix" or os.geteuid() != 0, reason="needs root (creates Unix users)"
    ),
    pytest.mark.skipif(
        shutil.which("configurable-http-proxy") is None,
        reason="configurable-http-proxy is not installed",
    ),
    pytest.mark.skipif(
        not Path("/usr/sbin/runuser").exists(), reason="runuser (util-linux) is missing"
    ),
]

ASSIGNMENT = "stage0"
COURSE_ID = "data-academy"

# Run as another user: what a trainee's own program could try. One line per attempt.
PROBE = """
import json, os, sys
results = []
for op, path in json.loads(sys.argv[1]):
    try:
        if op == "read":
            open(path, "rb").read(1)
        elif op == "list":
            os.listdir(path)
        elif op == "write":
            with open(os.path.join(path, ".probe"), "w"):
                pass
            os.remove(os.path.join(path, ".probe"))
        results.append("ok")
    except PermissionError:
        results.append("denied")
    except FileNotFoundError:
        results.append("missing")
print(json.dumps(results))
"""


def _free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def _data_dir(root: Path) -> Path | None:
    """None when the checkout has its datasets (the wheel carries them); else a readable copy of $KIT_DATA_DIR."""
    if (REPO / "datasets" / "datapackage.json").is_file():
        return None
    source = os.environ.get("KIT_DATA_DIR")
    if not source:
        pytest.skip("datasets/datapackage.json is missing and KIT_DATA_DIR is not set")
    target = root / "data"
    shutil.copytree(source, target)
    for folder, _dirs, files in os.walk(target):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)
    return target


def hub_cli(*args: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "kit.trainer.hub", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, f"hub {args[0]} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc


def as_user(
    site: Site, user: str, *command: str, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a command as a workshop user with the environment the hub gives their server."""
    home = site.home(user)
    env = {**spawn_environment(site, user), "HOME": str(home), "USER": user, "LOGNAME": user}
    return subprocess.run(
        ["/usr/sbin/runuser", "-u", user, "--", *command],
        cwd=cwd or home,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def probe(site: Site, user: str, attempts: list[tuple[str, Path]]) -> list[str]:
    proc = as_user(
        site,
        user,
        "/usr/bin/python3",
        "-c",
        PROBE,
        json.dumps([(op, str(p)) for op, p in attempts]),
        cwd=Path("/"),
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def instructor_runs(site: Site, *command: str) -> str:
    proc = as_user(site, site.instructor, *command, cwd=site.course_root)
    assert proc.returncode == 0, f"{' '.join(command)} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def workshop():
    """Set up the server with three fresh accounts; tear it all down afterwards and check that."""
    root = Path(tempfile.mkdtemp(prefix="kit-hub-"))
    os.chmod(root, 0o755)  # users must reach their homes, the exchange and the role configs
    reuse = os.environ.get("KIT_HUB_TEST_PREFIX")
    prefix = Path(reuse) if reuse else root / "prefix"
    tag = secrets.token_hex(3)
    names = {"instructor": f"kh{tag}i", "a": f"kh{tag}a", "b": f"kh{tag}b"}
    roster = root / "roster.csv"
    roster.write_text(
        f"ユーザー名,役割\n{names['instructor']},講師\n{names['a']},受講者\n{names['b']},受講者\n",
        encoding="utf-8",
    )
    (root / "homes").mkdir(mode=0o755)
    port, hub_port, api_port = _free_ports(3)
    state = root / "state"
    setup = [
        *("setup", "--roster", str(roster), "--prefix", str(prefix), "--state", str(state)),
        *("--home-base", str(root / "homes"), "--ip", "127.0.0.1", "--port", str(port)),
        *("--hub-port", str(hub_port), "--proxy-api-port", str(api_port)),
    ]
    uids: list[int] = []
    try:
        data_dir = _data_dir(root)
        hub_cli(*setup, *(["--data-dir", str(data_dir)] if data_dir else []))
        site = load_site(state)
        uids = [pwd.getpwnam(name).pw_uid for name in site.users]
        yield site
    finally:
        _teardown_and_check(root, state, prefix, names, uids, remove_prefix=not reuse)


def _teardown_and_check(
    root: Path, state: Path, prefix: Path, names: dict, uids: list[int], remove_prefix: bool
) -> None:
    problems = []
    if (state / "private" / "site.json").is_file():
        args = ["teardown", "--state", str(state), "--no-backup", "--yes"]
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "kit.trainer.hub",
                *args,
                *(["--remove-prefix"] if remove_prefix else []),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            problems.append(f"teardown failed: {proc.stderr}")
    # A safety net: no account of this run (they all share the tag of the instructor's name)
    # may survive it.
    tag = names["instructor"][:-1]
    for entry in pwd.getpwall():
        if entry.pw_name.startswith(tag) and entry.pw_gecos == "data-academy workshop":
            problems.append(f"user {entry.pw_name} still exists")
            subprocess.run(["userdel", "--remove", entry.pw_name], capture_output=True, check=False)
    leftovers = [pid for uid in uids for pid in pids_of_user(uid)]
    if leftovers:
        problems.append(f"processes of workshop users still running: {leftovers}")
    for path in (state, root / "homes" / names["a"], prefix / "venv" if remove_prefix else state):
        if path.exists():
            problems.append(f"{path} was not removed")
    shutil.rmtree(root, ignore_errors=True)
    assert not problems, problems


@pytest.fixture(scope="module")
def hub(workshop):
    proc = start_hub(workshop)
    try:
        wait_until_up(workshop)
        yield workshop
    finally:
        pid, proxy = hub_pid(workshop), read_pid(workshop.private / "proxy.pid")
        stop_hub(workshop)
        proc.wait(timeout=60)
        assert not alive(pid or proc.pid) and not (proxy and alive(proxy)), (
            "hub or proxy still running"
        )


def _passwords(site: Site) -> dict[str, str]:
    lines = site.passwords_file.read_text(encoding="utf-8-sig").splitlines()[1:]
    return {line.split(",")[0]: line.split(",")[2] for line in lines}


@pytest.fixture(scope="module")
def people(hub) -> dict[str, HubUser]:
    """Every account logged in with its initial password, its server started."""
    passwords = _passwords(hub)
    users = {name: login(hub.url, name, passwords[name]) for name in hub.users}
    for user in users.values():
        user.start_server()
    return users


def _assignment_action(user: HubUser, action: str) -> list[dict]:
    response = user.server(
        "POST", f"assignments/{action}", form={"course_id": COURSE_ID, "assignment_id": ASSIGNMENT}
    )
    assert response.status == 200, response.text
    body = response.json()
    assert body["success"], body
    return body["value"]


@pytest.fixture(scope="module")
def flow(hub, people):
    """Release → fetch → answer → submit → collect → autograde → feedback → fetch feedback."""
    site = hub
    a, b = site.trainees
    instructor_runs(site, str(site.bin("nbgrader")), "generate_assignment", ASSIGNMENT, "--force")
    instructor_runs(site, str(site.bin("nbgrader")), "release_assignment", ASSIGNMENT, "--force")

    notebook = f"{ASSIGNMENT}/intro.ipynb"
    source = nbformat.read(COURSE / "source" / ASSIGNMENT / "intro.ipynb", as_version=4)
    answers = model_answers(source)
    for name in (a, b):
        listed = _assignment_action(people[name], "fetch")
        assert {"assignment_id": ASSIGNMENT, "status": "fetched"}.items() <= listed[0].items()
        model = people[name].server("GET", f"api/contents/{notebook}").json()
        content = model["content"]
        if name == a:  # a answers everything; b hands in the notebook untouched
            for cell in content["cells"]:
                grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
                if grade_id in answers:
                    cell["source"] = answers[grade_id]
        saved = people[name].server(
            "PUT",
            f"api/contents/{notebook}",
            data={"type": "notebook", "format": "json", "content": content},
        )
        assert saved.status == 200, saved.text
        submitted = _assignment_action(people[name], "submit")
        assert any(item.get("status") == "submitted" for item in submitted)

    inbound = site.exchange_root / COURSE_ID / "inbound"
    submissions = {name: next(inbound.glob(f"{name}+{ASSIGNMENT}+*")) for name in (a, b)}
    nbgrader = str(site.bin("nbgrader"))
    log = instructor_runs(site, nbgrader, "collect", ASSIGNMENT)
    assert "cheating attempt" not in log
    # The kit's own grading (sandboxed, in parallel) and its checked feedback, as the guide says.
    python = str(site.bin("python"))
    graded = instructor_runs(site, python, "-m", "kit.trainer", "grade", "--assignment", ASSIGNMENT)
    assert "隔離して実行しました" in graded, graded
    instructor_runs(
        site, python, "-m", "kit.trainer", "feedback", "--assignment", ASSIGNMENT, "--release"
    )
    feedback = {}
    for name in (a, b):
        listed = _assignment_action(people[name], "fetch_feedback")
        mine = [
            s for item in listed if item.get("status") == "submitted" for s in item["submissions"]
        ]
        paths = [s["local_feedback_path"] for s in mine if s.get("has_local_feedback")]
        assert len(paths) == 1, mine
        page = people[name].server(
            "GET", f"api/contents/{quote(paths[0])}/intro.html?type=file&format=text"
        )
        assert page.status == 200, page.text
        feedback[name] = html.unescape(page.json()["content"])
    return {"submissions": submissions, "feedback": feedback}


def test_setup_gives_private_homes_a_private_course_and_a_shared_read_only_environment(workshop):
    site = workshop
    for name in site.users:
        home = site.home(name)
        assert home.stat().st_mode & 0o777 == 0o700 and home.owner() == name
    assert (
        site.course_root.stat().st_mode & 0o777 == 0o700
        and site.course_root.owner() == site.instructor
    )
    assert (site.course_root / "source" / ASSIGNMENT / "intro.ipynb").is_file()
    assert (
        site.passwords_file.stat().st_mode & 0o777 == 0o600
        and site.passwords_file.owner() == "root"
    )
    assert set(_passwords(site)) == set(site.users)
    assert site.exchange_root.stat().st_mode & 0o7777 == 0o1777
    assert site.private.stat().st_mode & 0o777 == 0o700
    a = site.trainees[0]
    loaded = as_user(
        site,
        a,
        str(site.bin("python")),
        "-c",
        "import kit; print(kit.data.data_dir()); print(len(kit.load('public_facilities')))",
    )
    assert loaded.returncode == 0, loaded.stderr
    assert int(loaded.stdout.split()[-1]) > 0
    assert probe(
        site, a, [("write", site.venv / "lib"), ("write", Path(loaded.stdout.split()[0]))]
    ) == ["denied", "denied"]


def test_running_setup_again_adds_trainees_and_keeps_existing_passwords(workshop):
    site = workshop
    before = _passwords(site)
    late = site.instructor[:-1] + "c"
    roster = site.state.parent / "roster-more.csv"
    lines = [f"{site.instructor},講師", *(f"{name},受講者" for name in (*site.trainees, late))]
    roster.write_text("ユーザー名,役割\n" + "\n".join(lines) + "\n", encoding="utf-8")
    hub_cli(
        *("setup", "--roster", str(roster), "--prefix", str(site.prefix), "--skip-install"),
        *("--state", str(site.state), "--home-base", str(site.home_base), "--ip", site.ip),
        *("--port", str(site.port), "--hub-port", str(site.hub_port)),
        *("--proxy-api-port", str(site.proxy_api_port)),
        *(["--data-dir", str(site.data_dir)] if site.data_dir else []),
    )
    after = _passwords(site)
    assert {name: after[name] for name in before} == before
    assert set(after) == {*before, late} and after[late] not in before.values()
    assert load_site(site.state).trainees == (*site.trainees, late)
    assert site.home(late).stat().st_mode & 0o777 == 0o700


def test_a_wrong_password_is_refused(hub):
    from kit.errors import InputError

    with pytest.raises(InputError, match="ログインできませんでした"):
        login(hub.url, hub.trainees[0], "not-the-password")


def test_autograde_scores_the_answers_and_feedback_reaches_each_trainee_without_hidden_tests(
    hub, flow
):
    a, b = hub.trainees
    with Gradebook(
        f"sqlite:///{hub.course_root / 'gradebook.db'}", course_id=COURSE_ID
    ) as gradebook:
        scores = {name: gradebook.find_submission(ASSIGNMENT, name) for name in (a, b)}
        assert scores[a].max_code_score > 0
        assert scores[a].code_score == scores[a].max_code_score
        assert scores[b].code_score == 0
    hidden = hidden_regions(read_notebook(COURSE / "source" / ASSIGNMENT / "intro.ipynb"))
    assert hidden
    for name in (a, b):
        text = flow["feedback"][name]
        assert "intro" in text
        assert [line for line in hidden if line in text] == []
    assert flow["feedback"][a] != flow["feedback"][b]


def test_submissions_in_the_exchange_belong_to_the_trainee_and_the_instructor_only(hub, flow):
    instructor_gid = pwd.getpwnam(hub.instructor).pw_gid
    for name, folder in flow["submissions"].items():
        entries = [folder, *folder.rglob("*")]
        assert len(entries) >= 4  # the notebook, timestamp.txt, submission_secret.txt
        for entry in entries:
            info = entry.stat()
            assert entry.owner() == name
            assert info.st_gid == instructor_gid, entry
            assert info.st_mode & 0o007 == 0, f"{entry} is open to others: {oct(info.st_mode)}"


def test_a_trainee_cannot_read_another_trainees_files_submission_or_the_instructors_course(
    hub, flow
):
    site = hub
    a, b = site.trainees
    b_home = site.home(b)
    b_submission = flow["submissions"][b]
    inbound = b_submission.parent
    course = site.course_root
    released = site.exchange_root / COURSE_ID / "outbound" / ASSIGNMENT / "intro.ipynb"
    forbidden = [
        ("list", b_home),
        ("read", b_home / ASSIGNMENT / "intro.ipynb"),
        ("list", inbound),
        ("list", b_submission),
        ("read", b_submission / "intro.ipynb"),
        ("read", b_submission / "submission_secret.txt"),
        ("write", b_submission),
        ("list", course),
        ("read", course / "source" / ASSIGNMENT / "intro.ipynb"),
        ("read", course / "gradebook.db"),
        ("read", site.passwords_file),
        ("read", site.private / "jupyterhub.sqlite"),
    ]
    assert probe(site, a, forbidden) == ["denied"] * len(forbidden)
    # The same places exist and are open to those they belong to, and the release is open to all.
    assert probe(
        site,
        b,
        [("read", b_home / ASSIGNMENT / "intro.ipynb"), ("read", b_submission / "intro.ipynb")],
    ) == ["ok", "ok"]
    assert probe(
        site,
        site.instructor,
        [("read", b_submission / "intro.ipynb"), ("read", course / "gradebook.db")],
    ) == ["ok", "ok"]
    assert probe(site, a, [("read", released)]) == ["ok"]


def test_a_trainees_kernel_runs_as_the_trainee_with_the_data_and_nothing_else(hub, people):
    a, b = hub.trainees
    kernel = start_kernel(people[a])
    assert (
        run_cells(
            people[a],
            kernel,
            [
                f"import os, pwd, kit\nassert pwd.getpwuid(os.getuid()).pw_name == {a!r}",
                "assert len(kit.load('public_facilities')) > 0",
            ],
        )
        == []
    )
    assert run_cells(people[a], kernel, [f"os.listdir({str(hub.home(b))!r})"]) == [
        "PermissionError"
    ]


def test_a_trainee_cannot_use_another_trainees_server(hub, people):
    a, b = hub.trainees
    assert people[a].server("GET", "api/contents/", owner=b).status == 403
    assert people[a].server("GET", "api/contents/").status == 200
    assert people[a].api("GET", "users").status == 403


def _server_ready(user: HubUser, name: str) -> bool | None:
    """Whether ``name``'s server is ready (None: no server), as ``user`` sees it."""
    server = user.api("GET", f"users/{name}").json().get("servers", {}).get("")
    return None if server is None else bool(server.get("ready"))


def _wait_for(predicate, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.5)


def test_the_instructor_manages_servers_but_cannot_open_a_trainees(hub, people):
    instructor = people[hub.instructor]
    a = hub.trainees[0]
    listed = instructor.api("GET", "users")
    assert listed.status == 200
    assert {user["name"] for user in listed.json()} == set(load_site(hub.state).users)
    assert instructor.server("GET", "api/contents/", owner=a).status == 403
    assert {"admin-ui", "admin:servers"} <= set(instructor.api("GET", "user").json()["scopes"])
    # Stop and start a trainee's server, as from the admin page.
    assert instructor.api("DELETE", f"users/{a}/server").status in (202, 204)
    _wait_for(lambda: _server_ready(instructor, a) is None)
    assert instructor.api("POST", f"users/{a}/server").status in (201, 202)
    _wait_for(lambda: _server_ready(instructor, a))
    assert people[a].server("GET", "api/contents/").status == 200


def test_the_formgrader_works_for_the_instructor_and_for_nobody_else(hub, people, flow):
    instructor = people[hub.instructor]
    page = instructor.server("GET", "formgrader/manage_assignments")
    assert page.status == 200 and 'id="accordion"' in page.text  # the assignments page itself
    assert page.headers["Content-Security-Policy"] == "frame-ancestors 'self'"  # Lab may frame it
    listing = instructor.server("GET", "formgrader/api/assignments").json()
    released = next(item for item in listing if item["name"] == ASSIGNMENT)
    assert released["num_submissions"] == 2
    for name in hub.trainees:
        trainee = people[name]
        refused = trainee.server("GET", "formgrader/manage_assignments", owner=hub.instructor)
        assert refused.status == 403
        assert "not authorized" in refused.text and 'id="accordion"' not in refused.text
        assert (
            trainee.server("GET", "formgrader/api/assignments", owner=hub.instructor).status == 403
        )
        assert trainee.server("GET", "formgrader/manage_assignments").status == 404


def _page_config(user: HubUser) -> dict:
    page = user.server("GET", "lab")
    assert page.status == 200
    found = re.search(
        r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', page.text, re.S
    )
    assert found, page.text[:500]
    return json.loads(found.group(1))


def test_lab_hides_the_trainers_panels_from_trainees_only(hub, people):
    trainer_plugins = {
        "@jupyter/nbgrader:formgrader",
        "@jupyter/nbgrader:create-assignment",
        "@jupyter/nbgrader:course-list",
    }
    for name in hub.trainees:
        disabled = set(_page_config(people[name])["disabledExtensions"])
        assert trainer_plugins <= disabled
        assert "@jupyter/nbgrader:assignment-list" not in disabled
    assert not trainer_plugins & set(_page_config(people[hub.instructor])["disabledExtensions"])
