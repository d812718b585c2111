"""Run grading jobs on N worker processes, and read back what each job left.

Each worker (:mod:`.grading_worker`) takes one job at a time; a job that does not finish within
its wall-clock limit gets its worker killed — with the sandboxed kernel — and replaced. What a
job's folder holds afterwards may have been written by code the trainee controlled: it is read
as size-limited data only, never through a symbolic link, never outside the folder.

>>> # outcomes = run_jobs(jobs, workers=2, wall_seconds=780, command=[...], env={...})
>>> # outcomes[0].notebook_text, outcomes[0].answers["q1_test"], outcomes[0].problem
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import stat
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from kit.trainer.records import Problem

MAX_RESULT_BYTES = 64 * 1024**2
MAX_ANSWER_BYTES = 32 * 1024**2
LOG_TAIL = 4000
STARTUP_SECONDS = 300


@dataclass(frozen=True)
class Job:
    """One notebook of one trainee's assignment, graded in ``folder`` (see :mod:`.scratch`)."""

    trainee: str
    assignment: str
    notebook: str
    folder: Path
    spec: dict[str, Any] = field(hash=False, compare=False, default_factory=dict)
    answer_ids: tuple[str, ...] = ()  # test cells whose answers the job saves


@dataclass
class JobOutcome:
    """What a job produced: the autograded notebook text, answer texts, or a problem."""

    job: Job
    notebook_text: str | None = None
    answers: dict[str, str] = field(default_factory=dict)
    problem: Problem | None = None
    seconds: float = 0.0
    log_tail: str = ""


def read_inside(folder: Path, relative: str, limit: int) -> str | None:
    """Text of ``folder/relative`` if it is a regular file inside ``folder`` (no links), else None.

    >>> read_inside(Path("/nonexistent"), "a.json", 10) is None
    True
    """
    base = folder.resolve()
    path = base / relative
    try:
        if path.resolve() != path or base not in path.parents:
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        with os.fdopen(fd, "rb") as fh:
            fd = -1
            return fh.read(limit + 1).decode("utf-8", errors="replace")
    finally:
        if fd >= 0:
            os.close(fd)


class Worker:
    """One grading worker process; killed (with its kernel) and restarted when a job overruns."""

    def __init__(self, command: list[str], env: dict[str, str], log: Path) -> None:
        self.command, self.env, self.log = command, env, log
        self.proc: subprocess.Popen | None = None
        self.lines: queue.Queue[str | None] = queue.Queue()

    def _start(self) -> None:
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                env=self.env, start_new_session=True, text=True, encoding="utf-8", bufsize=1,
            )  # fmt: skip
        self.lines = queue.Queue()
        threading.Thread(target=_pump, args=(self.proc.stdout, self.lines), daemon=True).start()
        if self._reply(STARTUP_SECONDS) is None:
            raise RuntimeError(f"grading worker did not start: {_tail(self.log)}")

    def run(self, spec: dict[str, Any], seconds: float) -> dict[str, Any] | None:
        """Send a job; its reply, or None when it overran (the worker is then replaced)."""
        if self.proc is None or self.proc.poll() is not None:
            self._start()
        assert self.proc is not None and self.proc.stdin is not None
        try:
            self.proc.stdin.write(json.dumps(spec, ensure_ascii=False) + "\n")
            self.proc.stdin.flush()
        except OSError:
            self.kill()
            return None
        reply = self._reply(seconds)
        if reply is None:
            self.kill()
        return reply

    def _reply(self, seconds: float) -> dict[str, Any] | None:
        try:
            line = self.lines.get(timeout=seconds)
        except queue.Empty:
            return None
        return None if line is None else json.loads(line)

    def kill(self) -> None:
        """Kill the worker and everything it started (the sandboxed kernel included)."""
        if self.proc is None:
            return
        _kill_tree(self.proc)
        self.proc = None

    def close(self) -> None:
        if self.proc is not None and self.proc.stdin is not None:
            with contextlib.suppress(OSError):
                self.proc.stdin.close()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


def run_jobs(
    jobs: list[Job],
    *,
    workers: int,
    wall_seconds: float,
    command: list[str],
    env: dict[str, str],
    logs: Path,
    on_done: Callable[[JobOutcome], None] | None = None,
) -> list[JobOutcome]:
    """Grade ``jobs`` on ``workers`` processes; ``on_done`` is called (in this thread) per job."""
    todo: queue.Queue[Job] = queue.Queue()
    for job in jobs:
        todo.put(job)
    done: queue.Queue[JobOutcome] = queue.Queue()
    threads = [
        threading.Thread(target=_serve, args=(todo, done, Worker(command, env, logs / f"worker-{n}.log"), wall_seconds), daemon=True)
        for n in range(max(1, min(workers, len(jobs))))
    ]  # fmt: skip
    for thread in threads:
        thread.start()
    outcomes = []
    for _ in jobs:
        outcome = done.get()
        outcomes.append(outcome)
        if on_done is not None:
            on_done(outcome)
    for thread in threads:
        thread.join()
    return outcomes


def _serve(
    todo: queue.Queue[Job], done: queue.Queue[JobOutcome], worker: Worker, wall: float
) -> None:
    try:
        while True:
            try:
                job = todo.get_nowait()
            except queue.Empty:
                return
            started = time.monotonic()
            try:
                reply = worker.run(job.spec, wall)
            except Exception as failure:  # a worker that cannot start fails its job, not the run
                reply = {"ok": False, "error": str(failure)[:500]}
            done.put(collect(job, reply, time.monotonic() - started, wall))
    finally:
        worker.close()


def collect(job: Job, reply: dict[str, Any] | None, seconds: float, wall: float) -> JobOutcome:
    """What a finished (or overrun) job left, read safely from its folder."""
    outcome = JobOutcome(
        job, seconds=seconds, log_tail=_tail(Path(job.spec.get("log", "/nonexistent")))
    )
    if reply is None:
        message = f"採点が制限時間（{int(wall)} 秒）内に終わらなかったため、打ち切りました。"
        outcome.problem = Problem("error", "timeout", message)
        return outcome
    relative = f"course/autograded/{job.trainee}/{job.assignment}/{job.notebook}.ipynb"
    outcome.notebook_text = (
        read_inside(job.folder, relative, MAX_RESULT_BYTES) if reply.get("ok") else None
    )
    if outcome.notebook_text is None:
        detail = reply.get("error") or outcome.log_tail[-600:]
        outcome.problem = Problem("error", "grading_failed", f"採点の処理が失敗しました。{detail}")
        return outcome
    for grade_id in job.answer_ids:
        text = read_inside(
            job.folder, f"kernel/answers/{job.notebook}/{grade_id}.json", MAX_ANSWER_BYTES
        )
        if text is not None:
            outcome.answers[grade_id] = text
    return outcome


def _pump(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    for line in _lines(stream):
        lines.put(line)
    lines.put(None)


def _lines(stream: IO[str]) -> Iterator[str]:
    with contextlib.suppress(ValueError, OSError):
        yield from stream


def _kill_tree(proc: subprocess.Popen) -> None:
    try:
        import psutil

        children = psutil.Process(proc.pid).children(recursive=True)
    except Exception:  # psutil missing or the process already gone
        children = []
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # POSIX; the worker runs in its own session
    except (AttributeError, ProcessLookupError, PermissionError):
        proc.kill()
    for child in children:
        with contextlib.suppress(Exception):
            child.kill()
    proc.wait()


def _tail(path: Path) -> str:
    try:
        with open(path, "rb") as fh:
            fh.seek(max(0, path.stat().st_size - LOG_TAIL))
            return fh.read().decode("utf-8", errors="replace")
    except OSError:
        return ""
