"""Grade the whole class in parallel, each trainee's notebook in its own sandbox.

``python -m kit.trainer grade [--assignment stage0] [--jobs 2] [--timeout 600]``

1. Each submitted notebook is checked against the release as plain data (:mod:`.submission`).
2. One job per trainee × notebook: nbgrader's autograde on a scratch course holding only that
   submission and the assignment's definitions (:mod:`.scratch`), run by one of N grading
   workers (:mod:`.grading_worker`, nbgrader loaded once per worker); the notebook's kernel —
   the only process running trainee code — starts inside the sandbox in a folder of its own
   (:mod:`.kernel_sandbox`, :mod:`.sandbox`). A progress bar, a time limit per cell and per
   notebook, and a hard wall-clock limit per job. Jobs of every assignment share the workers.
3. The answers the jobs carried out are re-checked in one fresh process (:mod:`.recheck`).
4. Scores are decided in this process (:mod:`.scoring`) and written one trainee at a time into
   the real gradebook (:mod:`.gradebook_io`); the autograded notebooks go to
   ``autograded/<trainee>/<assignment>/`` and the reasons to ``grading/`` (:mod:`.records`).

>>> # run = grade(Course(), ["stage0"], options=GradeOptions(jobs=2))
>>> # print(summary_text(run))
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from kit.errors import KitError
from kit.trainer import planning
from kit.trainer.course import Course, tool_environment
from kit.trainer.course_config import CourseSettings, course_settings
from kit.trainer.jobs import Job, JobOutcome, run_jobs
from kit.trainer.planning import Plan
from kit.trainer.recheck import question_map, recheck, recheck_argv
from kit.trainer.records import TraineeRecord
from kit.trainer.results import Material, store_result
from kit.trainer.roster import load_roster, names_by_id
from kit.trainer.sandbox import (
    Limits,
    Sandbox,
    ensure_course_hidden,
    readable_paths,
    require_sandbox,
)
from kit.trainer.scratch import WorkArea, confined, fill_job_folder, sandbox_env, warm_home
from kit.trainer.scratch_gradebook import assignment_gradebook

STARTUP_GRACE = 120  # seconds for starting nbgrader and the kernel, on top of the notebook limit


@dataclass
class GradeOptions:
    """How to grade: parallel jobs, time limits, and what to allow."""

    jobs: int = 0  # 0: one per CPU
    notebook_timeout: int = 600
    cell_timeout: int | None = None  # None: the course's Execute.timeout (60 s)
    allow_unsandboxed: bool = False
    keep_scratch: bool = False
    progress: bool = True
    memory_gb: float = 6.0

    def workers(self) -> int:
        return self.jobs if self.jobs > 0 else (os.cpu_count() or 1)


@dataclass
class GradingRun:
    """The outcome of one ``grade`` call: the records written and how the grading ran."""

    sandbox: Sandbox
    records: list[TraineeRecord] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 1
    skipped: list[str] = field(default_factory=list)


@dataclass
class _Context:
    course: Course
    settings: CourseSettings
    options: GradeOptions
    area: WorkArea
    sandbox: Sandbox
    readable: list[Path]
    data: Path
    home: Path | None = None

    def limits(self) -> Limits:
        return Limits(memory_bytes=int(self.options.memory_gb * 1024**3))

    def cell_timeout(self) -> int:
        configured = self.settings.config.get("Execute", {}).get("timeout", 60)
        return self.options.cell_timeout or int(configured or 60)


@dataclass
class _Batch:
    """One assignment's material, what there is to grade, and its jobs."""

    assignment: str
    material: Material
    plan: Plan
    jobs: list[Job]


def grade(
    course: Course,
    assignments: list[str] | None = None,
    trainees: list[str] | None = None,
    options: GradeOptions | None = None,
) -> GradingRun:
    """Grade the submissions of ``assignments`` (default: all) by ``trainees`` (default: all).

    >>> # run = grade(Course(), ["stage0"], options=GradeOptions(jobs=2))
    >>> # run.records[0].notebooks["intro"].status
    >>> # 'graded'
    """
    from kit.data import data_dir

    options = options or GradeOptions()
    started = time.monotonic()
    sandbox = require_sandbox(allow_unsandboxed=options.allow_unsandboxed)
    data = data_dir()
    readable = readable_paths(data)
    ensure_course_hidden(course.root, readable)
    run = GradingRun(sandbox, workers=options.workers())
    settings = course_settings(course)
    ctx = _Context(course, settings, options, WorkArea.create(), sandbox, readable, data)
    try:
        with ThreadPoolExecutor(max_workers=1) as background:
            warming = background.submit(_warm_home, ctx)  # while the submissions are checked
            planned = [_plan(ctx, a, trainees, run) for a in assignments or course.assignments()]
            ctx.home = warming.result()
        batches = [_with_jobs(ctx, *item) for item in planned if item is not None]
        outcomes = _run_all(ctx, [job for batch in batches for job in batch.jobs])
        verdicts = _recheck(ctx, outcomes)
        names = names_by_id(load_roster(course.roster))
        for batch in batches:
            mine = {(t, n): o for (a, t, n), o in outcomes.items() if a == batch.assignment}
            prefix = f"{batch.assignment}/"
            checked = {
                k.removeprefix(prefix): v for k, v in verdicts.items() if k.startswith(prefix)
            }
            for record in batch.plan.records.values():
                run.records.append(
                    store_result(
                        course, settings, sandbox.kind, record, mine, checked, batch.material, names
                    )
                )
    finally:
        if not options.keep_scratch:
            ctx.area.remove()
    run.seconds = time.monotonic() - started
    return run


def _warm_home(ctx: _Context) -> Path | None:
    return warm_home(
        ctx.sandbox,
        ctx.area.root / "warmup",
        readable=ctx.readable,
        data_dir=ctx.data,
        limits=ctx.limits(),
    )


def _plan(
    ctx: _Context, assignment: str, trainees: list[str] | None, run: GradingRun
) -> tuple | None:
    """The assignment's material and plan (nothing executed), or None without submissions."""
    if assignment not in ctx.course.assignments():
        raise KitError(
            f"課題「{assignment}」が講座にありません。",
            action=f"課題の名前を確認してください（{', '.join(ctx.course.assignments())}）。",
        )
    handed_in = [p for p in ctx.course.submitted.glob(f"*/{assignment}") if p.is_dir()]
    if not any(trainees is None or p.parent.name in trainees for p in handed_in):
        return None  # nothing to grade: not even the release is needed
    definitions, release, others = planning.assignment_material(
        ctx.course, ctx.settings, assignment
    )
    plan = planning.plan(ctx.course, assignment, trainees, definitions, release, others)
    run.skipped += plan.skipped
    if not plan.records:
        return None
    return assignment, Material(definitions, release, question_map(assignment)), plan


def _with_jobs(ctx: _Context, assignment: str, material: Material, plan: Plan) -> _Batch:
    """Write a scratch course and a kernel folder for every notebook to grade."""
    gradebook = assignment_gradebook(
        ctx.settings.db_url, ctx.settings.course_id, assignment, material.release, ctx.area.root
    )
    jobs = []
    for index, item in enumerate(plan.jobs):
        folder = ctx.area.root / "jobs" / f"{assignment}-{index:05d}"
        kernel = fill_job_folder(
            folder,
            course_root=ctx.course.root,
            gradebook=gradebook,
            home_template=ctx.home,
            release_folder=ctx.course.release / assignment,
            trainee=item.trainee,
            assignment=assignment,
            notebook_name=item.notebook,
            notebook=item.prepared.notebook,
        )
        cells = material.definitions[item.notebook].grade_cells
        answer_names = {g: q["names"] for g, q in material.questions.items() if g in cells}
        env = sandbox_env(kernel, ctx.data, isolated=ctx.sandbox.isolated)
        prefix = ctx.sandbox.command([], scratch=kernel, readable=ctx.readable, env=env, cwd=kernel)
        spec = {
            "course": str(folder / "course"),
            "assignment": assignment,
            "trainee": item.trainee,
            "notebook": item.notebook,
            "kernel_dir": str(kernel),
            "kernel_prefix": prefix,
            "kernel_env": env,
            "kernel_isolated": ctx.sandbox.isolated,
            "answers_dir": str(kernel / "answers"),
            "answer_names": answer_names,
            "cell_timeout": ctx.cell_timeout(),
            "notebook_timeout": ctx.options.notebook_timeout,
            "log": str(folder) + ".log",
        }
        jobs.append(Job(item.trainee, assignment, item.notebook, folder, spec, tuple(answer_names)))
    return _Batch(assignment, material, plan, jobs)


def _run_all(ctx: _Context, jobs: list[Job]) -> dict[tuple[str, str, str], JobOutcome]:
    """Run every job on N workers, with a progress bar; (assignment, trainee, notebook) → outcome."""
    from tqdm import tqdm

    if not jobs:
        return {}
    bar = tqdm(total=len(jobs), desc="採点", unit="件", disable=not ctx.options.progress)

    def progress(outcome: JobOutcome) -> None:
        bar.set_postfix_str(f"{outcome.job.assignment} {outcome.job.trainee}")
        bar.update(1)

    command = [*ctx.limits().prefix(), planning.python(), "-m", "kit.trainer.grading_worker"]
    with bar:
        outcomes = run_jobs(
            jobs,
            workers=ctx.options.workers(),
            wall_seconds=ctx.options.notebook_timeout + ctx.cell_timeout() + STARTUP_GRACE,
            command=command,
            env=tool_environment(),
            logs=ctx.area.root,
            on_done=progress,
        )
    return {(o.job.assignment, o.job.trainee, o.job.notebook): o for o in outcomes}


def _recheck(
    ctx: _Context, outcomes: dict[tuple[str, str, str], JobOutcome]
) -> dict[str, dict[str, str]]:
    """Re-check every carried answer in one fresh, confined process; key → verdict."""
    items = [
        {"key": f"{a}/{t}/{n}/{g}", "assignment": a, "grade_id": g, "text": text}
        for (a, t, n), outcome in outcomes.items()
        for g, text in outcome.answers.items()
    ]
    if not items:
        return {}
    folder = ctx.area.root / "recheck"
    command, env = confined(
        ctx.sandbox,
        folder,
        recheck_argv(),
        readable=ctx.readable,
        data_dir=ctx.data,
        limits=ctx.limits(),
    )
    return recheck(items, command=command, env=env, cwd=folder)
