"""A grading worker: nbgrader's own ``Autograde`` converter, one job after another.

``python -m kit.trainer.grading_worker`` reads one job per line (JSON) on stdin and answers
one line per job on stdout. It is trusted code that never runs a submission: it sanitises the
submission in a scratch course (only ``nbgrader_config.py``, a gradebook with the assignment's
definitions and that one notebook), then autogrades it with
:class:`~kit.trainer.grading_execute.KitExecute`, whose kernel — where the submission's code
runs — is started inside the sandbox (:mod:`.kernel_sandbox`). nbgrader is imported once per
worker, not once per notebook. The grader kills and replaces a worker that does not answer in
time.

A job::

    {"course": "/scratch/1/course", "assignment": "stage0", "trainee": "t01",
     "notebook": "intro", "kernel_dir": "/scratch/1/kernel", "kernel_prefix": ["bwrap", …, "--"],
     "kernel_env": {"HOME": "/scratch/1/kernel/home", …}, "kernel_isolated": true,
     "answers_dir": "/scratch/1/kernel/answers", "answer_names": {"q1_test": ["kominkan"]},
     "cell_timeout": 60, "notebook_timeout": 600, "log": "/scratch/1.log"}

>>> # echo '{"course": …}' | python -m kit.trainer.grading_worker   → {"ok": true, …}
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from typing import Any

AUTOGRADE_STEPS = [
    "kit.trainer.grading_execute.KitExecute",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.CheckCellMetadata",
]


def configure(job: dict[str, Any]) -> Any:
    """The traitlets Config of one job: the course's file plus the job's settings.

    >>> # configure(json.loads(line)).KitExecute.kernel_dir
    >>> # '/scratch/1/kernel'
    """
    from traitlets.config.loader import PyFileConfigLoader

    course = str(job["course"])
    config = PyFileConfigLoader("nbgrader_config.py", path=course).load_config()
    config.CourseDirectory.root = course
    config.CourseDirectory.db_url = f"sqlite:///{course}/gradebook.db"
    config.CourseDirectory.assignment_id = job["assignment"]
    config.CourseDirectory.student_id = job["trainee"]
    config.CourseDirectory.notebook_id = job["notebook"]
    config.Autograde.autograde_preprocessors = AUTOGRADE_STEPS
    config.Autograde.create_student = True
    config.Execute.timeout = int(job["cell_timeout"])
    kit = config.KitExecute
    kit.answers_dir = str(job.get("answers_dir", ""))
    kit.answer_names = dict(job.get("answer_names", {}))
    kit.notebook_timeout = int(job.get("notebook_timeout", 0))
    kit.kernel_dir = str(job.get("kernel_dir", ""))
    kit.kernel_prefix = list(job.get("kernel_prefix", []))
    kit.kernel_env = dict(job.get("kernel_env", {}))
    kit.kernel_isolated = bool(job.get("kernel_isolated", False))
    return config


def grade_job(job: dict[str, Any]) -> dict[str, Any]:
    """Autograde one job; its log goes to ``job["log"]``. Never raises for the job's faults.

    >>> # grade_job(json.loads(line))["ok"]
    >>> # True
    """
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory

    log = logging.getLogger("autograde")
    handler = logging.FileHandler(job["log"], encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s [%(levelname)s] %(message)s"))
    log.addHandler(handler)
    started = time.process_time()
    try:
        config = configure(job)
        converter = Autograde(coursedir=CourseDirectory(config=config), config=config)
        converter.log = log
        converter.start()
        ok, error = True, ""
    except Exception as failure:  # a job's failure is reported, the worker lives on
        log.exception("grading failed")
        ok, error = False, f"{type(failure).__name__}: {failure}"[:500]
    finally:
        log.removeHandler(handler)
        handler.close()
    return {"ok": ok, "error": error, "worker_cpu": round(time.process_time() - started, 2)}


def main() -> None:
    """Serve jobs from stdin until it closes."""
    # jsonschema (under nbformat) imports this optional IRI checker only to validate "iri"
    # formats, which notebooks do not use; building its grammar costs seconds.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    logging.getLogger("autograde").setLevel(logging.INFO)
    from nbgrader.converters import Autograde  # noqa: F401 — import once, before the first job

    requests, replies = _private_channel()
    replies.write(json.dumps({"ready": True}) + "\n")
    replies.flush()
    for line in requests:
        if line.strip():
            replies.write(json.dumps(grade_job(json.loads(line))) + "\n")
            replies.flush()


def _private_channel() -> tuple[Any, Any]:
    """The job channel on descriptors no kernel inherits; fd 0 and 1 become /dev/null and stderr.

    A kernel started by the worker inherits its standard descriptors: trainee code writing to
    fd 1 or reading fd 0 must not reach the channel between the grader and the worker.
    """
    requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return requests, replies


if __name__ == "__main__":
    main()
