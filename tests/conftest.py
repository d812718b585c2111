"""Shared test setup.

With ``KIT_REQUIRE_ALL=1`` (set by ``.ci/run``) every skipped test fails instead: in CI a missing
browser, proxy, font or tool must never leave a part of the kit silently untested.
"""

from __future__ import annotations

import os

import matplotlib
import pytest

matplotlib.use("Agg")

REQUIRE_ALL = os.environ.get("KIT_REQUIRE_ALL") == "1"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if REQUIRE_ALL and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        report.longrepr = f"skipped, but KIT_REQUIRE_ALL=1 forbids skips: {reason}"
