"""Kialo export in size and time linear in the map: chains of 1,000 to 8,000 claims.

A chain (each claim a reason for the one before) is Kialo's worst case: its position
numbers ``1.1.1. ...`` grow with the depth, so a writer that follows the chain writes a
file quadratic in its length. argmap continues a branch deeper than 50 levels as a tree of
its own. For each length this prints the bytes written and the median seconds of 5 writes,
beside the same map written as argmap JSON (the floor: a format that is linear by nature),
and the writer of argmap 9cde7c7 (before this change; read from git, skipped without it),
all in the same run on the same maps. Linear means bytes per claim and the ratio to the
floor stay flat as the chain doubles.

    .venv/bin/python benchmarks/bench_kialo.py [--sizes 1000 2000 4000 8000] [--runs 5]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import argmap
from argmap.formats import writes_report

ROOT = Path(__file__).resolve().parent.parent
BEFORE = "9cde7c7"  # the last commit with the old Kialo writer


def chain(n: int) -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(title=f"A chain of {n} claims")
    m.claim("c0", "The claim at the root of the chain.", kind="position")
    for i in range(1, n):
        m.claim(f"c{i}", f"Reason number {i}, for the claim before it.")
        m.support(f"c{i}", f"c{i - 1}")
    return m


def old_writer() -> Callable[[argmap.ArgumentMap], tuple[str, list[str]]] | None:
    """The Kialo writer as it was at BEFORE, loaded from git, or None."""
    try:
        source = subprocess.run(
            ["git", "show", f"{BEFORE}:src/argmap/formats/kialo.py"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    path = Path(tempfile.mkdtemp()) / "old_kialo.py"
    # Its relative imports resolve inside the installed package.
    source = source.replace("from ..", "from argmap.").replace(
        "from . import", "from argmap.formats import"
    )
    path.write_text(source.replace("from ._", "from argmap.formats._"), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("old_kialo", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["old_kialo"] = module  # (its dataclasses look themselves up there)
    spec.loader.exec_module(module)
    return module.dumps  # type: ignore[no-any-return]


def median_seconds(write: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        write()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000])
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    old = old_writer()
    print(
        "| claims | Kialo bytes | bytes/claim | Kialo s | JSON bytes | JSON s | "
        "Kialo/JSON time | before: bytes | before: s |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in args.sizes:
        m = chain(n)
        text = writes_report(m, "kialo")[0]
        kialo_s = median_seconds(lambda m=m: writes_report(m, "kialo"), args.runs)
        json_text = argmap.dumps(m)
        json_s = median_seconds(lambda m=m: argmap.dumps(m), args.runs)
        before = "–", "–"
        if old is not None:
            old_text = old(m)[0]
            old_s = median_seconds(lambda m=m: old(m), args.runs)
            before = f"{len(old_text.encode()):,}", f"{old_s:.3f}"
        size = len(text.encode())
        print(
            f"| {n:,} | {size:,} | {size / n:.0f} | {kialo_s:.3f} | "
            f"{len(json_text.encode()):,} | {json_s:.3f} | {kialo_s / json_s:.1f}x | "
            f"{before[0]} | {before[1]} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
