"""Packaging and entry points: pinned set, Binder file, wheel with data, Makefile behaviour."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import zipfile

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from support import REPO

from kit.trainer.environment import environment_pins, environment_yml, locked_pins


def _pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_declared_dependency_is_pinned_in_the_lock_within_its_range():
    project = _pyproject()["project"]
    declared = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        declared += extra
    pins = locked_pins(REPO / "requirements.lock")
    for raw in declared:
        requirement = Requirement(raw)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not pinned in requirements.lock (run make lock)"
        assert requirement.specifier.contains(pins[name]), (
            f"{name}=={pins[name]} outside {requirement.specifier}"
        )


def test_lock_pins_exact_versions_only():
    for line in (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            assert "==" in line.split(";")[0], line


def test_environment_yml_is_generated_from_the_lock_and_has_not_drifted():
    committed = (REPO / "environment.yml").read_text(encoding="utf-8")
    assert committed == environment_yml(REPO / "requirements.lock"), "run `make environment`"
    pins = locked_pins(REPO / "requirements.lock")
    for name, version in environment_pins(REPO / "environment.yml").items():
        assert pins[name] == version
    assert "conda-forge" in committed and "defaults" not in committed
    assert "  - python=3.12\n" in committed
    for runtime in ("pandas", "nbgrader", "jupyterlab", "geopandas", "matplotlib-fontja"):
        assert runtime in environment_pins(REPO / "environment.yml")
    for tool_only in ("pytest", "jupyterhub", "playwright", "ruff", "uv"):
        assert tool_only not in environment_pins(REPO / "environment.yml")


def test_binder_postbuild_fails_fast_and_builds_the_trainee_view():
    post_build = REPO / "postBuild"
    assert os.access(post_build, os.X_OK)
    text = post_build.read_text(encoding="utf-8")
    assert "set -e" in text
    assert "kit.trainer release" in text and "kit.trainer workspace" in text


def test_version_matches_pyproject():
    import kit

    assert kit.__version__ == _pyproject()["project"]["version"]


@pytest.mark.slow
def test_wheel_carries_the_datasets_and_kit_loads_them_when_installed(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
    )
    wheel = next(tmp_path.glob("data_academy_kit-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "kit/_datasets/datapackage.json" in names
    assert any(n.startswith("kit/_datasets/city/") for n in names)
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    code = (
        "import kit, kit.data; print(kit.__file__); print(kit.data.data_dir()); "
        "print(len(kit.load('public_facilities')))"
    )
    env = {k: v for k, v in os.environ.items() if k != "KIT_DATA_DIR"} | {"PYTHONPATH": str(target)}
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    kit_file, data_dir, rows = out.stdout.split()
    assert kit_file.startswith(str(target)) and data_dir.startswith(str(target))
    assert int(rows) > 0


def _make(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", *args], cwd=REPO, capture_output=True, text=True)


def test_make_lab_adds_allow_root_only_for_root():
    dry = _make("-n", "lab")
    assert dry.returncode == 0, dry.stderr
    lab_line = next(line for line in dry.stdout.splitlines() if "jupyter lab" in line)
    assert ("--allow-root" in lab_line) == (os.geteuid() == 0)
    assert "--notebook-dir=workspace" in lab_line


def test_setup_is_up_to_date_after_it_ran_so_reruns_reinstall_nothing():
    assert (REPO / ".venv" / ".kit-installed").exists()
    assert _make("-q", "setup").returncode == 0


def test_readme_shows_the_two_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make lab" in readme and "make test" in readme
