"""nbgrader configuration of the Data Academy course (this folder is the course root).

Every setting here is deliberate; see trainer_guide/ for how trainers use them.
"""

from pathlib import Path

from kit.trainer.feedback import RedactHiddenTests

c = get_config()  # noqa: F821 — provided by nbgrader when it loads this file

c.CourseDirectory.root = str(Path(__file__).resolve().parent)
c.CourseDirectory.course_id = "data-academy"

# What trainees see where an answer goes (Japanese instead of "YOUR CODE HERE"). The code stub
# raises nothing: running the whole notebook before answering stays quiet, and the checkers say
# "not answered yet".
c.ClearSolutions.code_stub = {"python": "# ここに答えのコードを書いてください"}
c.ClearSolutions.text_stub = "（ここに答えを書いてください）"

# Each cell of a stage notebook runs in seconds; 60 s stops an endless loop without cutting off
# a slow laptop. Later cells still run after an interrupted one.
c.Execute.timeout = 60
c.Execute.interrupt_on_timeout = True

# Huge outputs (a print in a loop) are cut before they reach the gradebook and the feedback.
c.LimitOutput.max_lines = 200
c.LimitOutput.max_traceback = 40

# Feedback shows no hidden test: RedactHiddenTests replaces the tracebacks of cells holding hidden
# tests (whose lines would otherwise show), then ClearHiddenTests removes the hidden source.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    RedactHiddenTests,
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]

# Model answers for self-study: solutions without hidden tests, not executed (fast to build).
c.GenerateSolution.preprocessors = [
    "nbgrader.preprocessors.IncludeHeaderFooter",
    "nbgrader.preprocessors.LockCells",
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbgrader.preprocessors.ClearMarkScheme",
]
