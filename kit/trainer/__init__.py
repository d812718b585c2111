"""Trainers' commands over nbgrader: ``python -m kit.trainer <command>``.

>>> # python -m kit.trainer release             # student versions into notebooks/release
>>> # python -m kit.trainer release --solutions # model answers into notebooks/solution
>>> # python -m kit.trainer workspace --into workspace
>>> # python -m kit.trainer collect --assignment stage0 --from downloads/stage0.zip
>>> # python -m kit.trainer grade --jobs 2      # the whole class, in parallel and sandboxed
>>> # python -m kit.trainer feedback --assignment stage0
>>> # python -m kit.trainer report              # notebooks/reports/report.html, grades.csv/xlsx
>>> # python -m kit.trainer doctor              # is this machine ready?
"""
