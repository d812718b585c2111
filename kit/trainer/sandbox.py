"""Where a trainee's code runs while it is graded: a bubblewrap sandbox, or at least a bare folder.

A grading job's kernel (and the re-check of answers) runs confined. With bubblewrap (``bwrap``,
Linux) it sees only read-only system folders, the Python environment, the kit, the datasets and
its own folder (the only writable place, also serving as its ``/tmp`` and ``/dev/shm``); it runs
as an unprivileged user without capabilities, in its own process, network (loopback only) and
user namespaces, and dies with the grader. Without bubblewrap (Windows or macOS laptops) it runs
in the same folder of its own with a clean environment, but without OS isolation.

>>> sandbox = detect_sandbox()
>>> sandbox.kind in ("bubblewrap", "none")
True
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kit.errors import KitError

# /etc holds secrets (/etc/shadow would be readable: inside the sandbox the caller's own files are
# the sandbox user's). Only what Python, the dynamic linker and fontconfig need is shown.
ETC_ALLOWED = (
    "alternatives",
    "fonts",
    "group",
    "hosts",
    "ld.so.cache",
    "ld.so.conf",
    "ld.so.conf.d",
    "localtime",
    "mime.types",
    "nsswitch.conf",
    "passwd",
)
SYSTEM_FOLDERS = ("/usr", "/lib", "/lib32", "/lib64", "/libx32", "/bin", "/sbin")
SANDBOX_UID = 65534  # "nobody": no capabilities, no special rights inside the sandbox
GIB = 1024**3


@dataclass(frozen=True)
class Limits:
    """Resource limits of every process in the sandbox (per process)."""

    memory_bytes: int = 6 * GIB
    file_bytes: int = 256 * 1024**2

    def prefix(self) -> list[str]:
        """``prlimit`` arguments enforcing the limits, or nothing where prlimit is missing."""
        tool = shutil.which("prlimit")
        if not tool:
            return []
        return [tool, f"--as={self.memory_bytes}", f"--fsize={self.file_bytes}", "--core=0", "--"]


@dataclass(frozen=True)
class Sandbox:
    """How grading processes are confined: ``bubblewrap`` or ``none`` (scratch copy only)."""

    kind: str
    bwrap: str | None = None
    disable_userns: bool = False

    @property
    def isolated(self) -> bool:
        return self.kind == "bubblewrap"

    def describe(self) -> str:
        """One Japanese sentence for the summary and the report."""
        if self.isolated:
            return (
                "受講者のコードはバブルラップ（bubblewrap）で隔離して実行しました"
                "（自分の作業フォルダ以外は読み取り専用・ネットワークなし）。"
            )
        return (
            "OS による隔離なしで採点しました（bubblewrap がありません）。提出物ごとに作業用の"
            "フォルダで実行しましたが、受講者のコードはこのコンピューターのファイルを読める状態でした。"
        )

    def command(
        self,
        argv: list[str],
        *,
        scratch: Path,
        readable: list[Path],
        env: dict[str, str],
        cwd: Path,
    ) -> list[str]:
        """The command line running ``argv`` confined to ``scratch`` (writable) and ``readable``."""
        if not self.isolated:
            return argv
        assert self.bwrap is not None
        cmd = [self.bwrap, "--unshare-all", "--unshare-user", "--die-with-parent", "--new-session"]
        if self.disable_userns:
            cmd.append("--disable-userns")
        cmd += [
            "--uid",
            str(SANDBOX_UID),
            "--gid",
            str(SANDBOX_UID),
            "--cap-drop",
            "ALL",
            "--clearenv",
        ]
        for folder in SYSTEM_FOLDERS:
            cmd += _bind_system(Path(folder))
        for name in ETC_ALLOWED:
            if os.path.lexists(f"/etc/{name}"):
                cmd += ["--ro-bind", f"/etc/{name}", f"/etc/{name}"]
        # Everything writable is inside the scratch folder, on disk: /tmp and /dev/shm are
        # folders of it, the root and /dev are read-only (no memory filled through tmpfs).
        for folder in ("tmp", "shm"):
            (scratch / folder).mkdir(exist_ok=True)
        cmd += ["--proc", "/proc", "--dev", "/dev", "--bind", str(scratch / "shm"), "/dev/shm"]
        cmd += ["--remount-ro", "/dev", "--bind", str(scratch / "tmp"), "/tmp"]
        for path in readable:
            cmd += ["--ro-bind", str(path), str(path)]
        cmd += ["--bind", str(scratch), str(scratch), "--remount-ro", "/", "--chdir", str(cwd)]
        for key, value in sorted(env.items()):
            cmd += ["--setenv", key, value]
        return [*cmd, "--", *argv]


def _bind_system(folder: Path) -> list[str]:
    if folder.is_symlink():
        return ["--symlink", os.readlink(folder), str(folder)]
    if folder.is_dir():
        return ["--ro-bind", str(folder), str(folder)]
    return []


@functools.cache
def detect_sandbox() -> Sandbox:
    """Bubblewrap if it is installed and actually works here, else the unconfined scratch copy.

    >>> detect_sandbox().kind in ("bubblewrap", "none")
    True
    """
    tool = shutil.which("bwrap")
    if not tool or not sys.platform.startswith("linux"):
        return Sandbox("none")
    with tempfile.TemporaryDirectory(prefix="kit-sandbox-probe-") as folder:
        for disable in (True, False):
            probe = Sandbox("bubblewrap", tool, disable)
            argv = probe.command(
                ["/bin/true"], scratch=Path(folder), readable=[], env={}, cwd=Path("/")
            )
            try:
                if (
                    subprocess.run(argv, capture_output=True, timeout=20, check=False).returncode
                    == 0
                ):
                    return probe
            except (OSError, subprocess.TimeoutExpired):
                break
    return Sandbox("none")


def require_sandbox(*, allow_unsandboxed: bool = False) -> Sandbox:
    """The sandbox to grade in; on Linux without bubblewrap only when explicitly allowed.

    >>> require_sandbox(allow_unsandboxed=True).kind in ("bubblewrap", "none")
    True
    """
    sandbox = detect_sandbox()
    if not sandbox.isolated and sys.platform.startswith("linux") and not allow_unsandboxed:
        raise KitError(
            "このサーバーでは受講者のコードを隔離して採点するための bubblewrap が使えません。",
            action="「sudo apt-get install bubblewrap」で入れてください。"
            "隔離なしで採点する場合は --unsandboxed を付けます。",
        )
    return sandbox


def readable_paths(data_dir: Path) -> list[Path]:
    """What grading needs to read: Python, the environment, the kit package and the datasets.

    Folders on ``sys.path`` outside the environment (an editable checkout) are not shown whole —
    the checkout also holds the course — only the ``kit`` package inside it.

    >>> import sys
    >>> Path(sys.prefix).resolve() in readable_paths(Path(sys.prefix))
    True
    """
    import kit

    paths = {Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve()}
    kit_dir = Path(kit.__file__).resolve().parent
    if not any(_inside(kit_dir, p) for p in paths):
        paths.add(kit_dir)
    data = data_dir.resolve()
    if not any(_inside(data, p) for p in paths):
        paths.add(data)
    return sorted(paths)


def ensure_course_hidden(course_root: Path, readable: list[Path]) -> None:
    """Refuse to grade when a folder shown to the sandbox contains the course (answers, gradebook).

    >>> ensure_course_hidden(Path("/srv/course"), [Path("/opt/venv")])  # fine: nothing shown contains it
    """
    root = course_root.resolve()
    for path in [*readable, *(Path(f) for f in SYSTEM_FOLDERS)]:
        if _inside(root, path.resolve()):
            raise KitError(
                f"講座のフォルダ「{root}」が、採点中の受講者のコードから読める場所（{path}）の中にあります。",
                action="講座のフォルダ（KIT_COURSE）を Python 環境やデータのフォルダの外に置いてください。",
            )


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents
