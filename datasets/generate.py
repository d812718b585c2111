"""Generate every file of the fictional city 七瀬市 (datasets/city, datasets/raw, datapackage.json,
README.md) from a fixed seed. The output is byte-for-byte the same on every run.

Usage::

    python datasets/generate.py            # writes into datasets/
    python datasets/generate.py --out DIR  # writes into DIR (e.g. to compare with the committed files)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
GENERATED_DIRS = ("city", "raw")


def write(files: dict[str, bytes], out: Path) -> list[str]:
    """Write ``files`` under ``out`` and delete stale files in the generated folders.

    Returns the paths removed.
    """
    removed = []
    for folder in GENERATED_DIRS:
        for old in sorted((out / folder).rglob("*")) if (out / folder).exists() else []:
            rel = old.relative_to(out).as_posix()
            if old.is_file() and rel not in files:
                old.unlink()
                removed.append(rel)
    for rel, data in sorted(files.items()):
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
    return removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="七瀬市（架空）の演習用データを生成します。")
    parser.add_argument(
        "--out", type=Path, default=HERE, help="出力先のフォルダ（既定: datasets/）"
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    from generator.build import build

    start = time.perf_counter()
    files = build()
    removed = write(files, args.out)
    size = sum(len(b) for b in files.values()) / 1e6
    print(f"{len(files)} 個のファイルを {args.out} に書き出しました（合計 {size:.1f} MB、"
          f"{time.perf_counter() - start:.1f} 秒）。")  # fmt: skip
    for rel in removed:
        print(f"古いファイルを削除しました: {rel}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
