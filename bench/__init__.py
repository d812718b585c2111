"""Benchmarks of the kit (``make bench``): figures, not pass/fail tests.

Each ``bench/bench_<topic>.py`` has ``run() -> list[Figure]``; ``python -m bench`` runs them all
and prints one table. ``python -m bench.bench_<topic>`` runs one topic.
"""
