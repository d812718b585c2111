"""Modules of the generator of the fictional city 七瀬市 (see datasets/generate.py)."""
