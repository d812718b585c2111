"""The committed data files are exactly what the seeded generator produces, and stay small."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_datasets_support import DATA_DIR, committed_files

GENERATE = Path(__file__).resolve().parents[1] / "datasets" / "generate.py"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> tuple[Path, float]:
    out = tmp_path_factory.mktemp("regenerated")
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, str(GENERATE), "--out", str(out)], check=True, capture_output=True
    )
    return out, time.perf_counter() - start


def test_regenerated_files_match_committed_bytes(regenerated):
    out, _ = regenerated
    fresh, committed = committed_files(out), committed_files(DATA_DIR)
    assert fresh - committed == set(), "generated but not committed"
    assert committed - fresh == set(), "committed but no longer generated"
    changed = sorted(p for p in fresh if _digest(out / p) != _digest(DATA_DIR / p))
    assert changed == [], f"regenerate with `python datasets/generate.py`: {changed}"


def test_generation_is_fast(regenerated):
    _, seconds = regenerated
    assert seconds < 60


def test_generating_twice_gives_identical_bytes(tmp_path):
    sys.path.insert(0, str(GENERATE.parent))
    try:
        from generator.writers import gzip_bytes
        from generator.xlsx import workbook_bytes
    finally:
        sys.path.remove(str(GENERATE.parent))
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "七瀬市"
    first = workbook_bytes(wb)
    time.sleep(1.1)  # zip timestamps have a 2-second resolution; the clock must not leak in
    assert workbook_bytes(wb) == first
    assert gzip_bytes(b"abc") == gzip_bytes(b"abc")
    assert gzip_bytes(b"abc")[4:8] == b"\x00\x00\x00\x00"  # mtime 0


def test_total_size_fits_a_fast_clone():
    sizes = {p: (DATA_DIR / p).stat().st_size for p in committed_files(DATA_DIR)}
    assert sum(sizes.values()) <= 6_000_000
    assert max(sizes.values()) <= 5_000_000


def test_no_file_outside_the_package_description():
    import kit

    described = {r["path"] for r in kit.data.package()["resources"]}
    on_disk = committed_files(DATA_DIR) - {"datapackage.json", "README.md"}
    assert on_disk == described
