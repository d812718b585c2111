"""Trainers' commands over nbgrader: ``python -m kit.trainer <command>``.

>>> # python -m kit.trainer release             # student versions into notebooks/release
>>> # python -m kit.trainer release --solutions # model answers into notebooks/solution
>>> # python -m kit.trainer workspace --into workspace
"""
