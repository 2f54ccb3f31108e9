"""Export in size and time linear in the map: Kialo (chains of 1,000 to 8,000 claims) and
Argdown (maps of 5,000 and 20,000 claims, written and read back whole).

A chain (each claim a reason for the one before) is Kialo's worst case: its position
numbers ``1.1.1. ...`` grow with the depth, so a writer that follows the chain writes a
file quadratic in its length. argmap continues a branch deeper than 50 levels as a tree of
its own. For each length this prints the bytes written and the median seconds of 5 writes,
beside the same map written as argmap JSON (the floor: a format that is linear by nature),
and the writer of argmap 9cde7c7 (before this change; read from git, skipped without it),
all in the same run on the same maps. Linear means bytes per claim and the ratio to the
floor stay flat as the chain doubles.

Argdown export keeps all of a map (links in the front matter, exact texts in statement data),
and reads back equal: for random maps (each claim a reason for or against an earlier one,
a weight on each link) it prints the median seconds of writing and of reading back, beside
argmap JSON's ``dumps`` and ``loads`` of the same map (the floor), same run.

    .venv/bin/python benchmarks/bench_export.py [--sizes 1000 2000 4000 8000]
        [--argdown-sizes 5000 20000] [--runs 5]
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
from argmap.formats import reads_report, writes_report

ROOT = Path(__file__).resolve().parent.parent
BEFORE = "9cde7c7"  # the last commit with the old Kialo writer


def chain(n: int) -> argmap.ArgumentMap:
    m = argmap.ArgumentMap(title=f"A chain of {n} claims")
    m.claim("c0", "The claim at the root of the chain.", kind="position")
    for i in range(1, n):
        m.claim(f"c{i}", f"Reason number {i}, for the claim before it.")
        m.support(f"c{i}", f"c{i - 1}")
    return m


def random_map(n: int, seed: int = 3) -> argmap.ArgumentMap:
    import random

    rng = random.Random(seed)
    m = argmap.ArgumentMap(title=f"A debate of {n} claims")
    for i in range(n):
        m.claim(f"c{i}", f"Claim number {i} makes a point about topic {i % 97}.")
    for i in range(1, n):
        add = m.support if rng.random() < 0.6 else m.attack
        add(f"c{i}", f"c{rng.randrange(i)}", weight=round(rng.random(), 3))
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
    p.add_argument("--argdown-sizes", type=int, nargs="+", default=[5000, 20000])
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    kialo(args.sizes, args.runs)
    print()
    argdown(args.argdown_sizes, args.runs)
    return 0


def kialo(sizes: list[int], runs: int) -> None:
    old = old_writer()
    print(
        "| claims | Kialo bytes | bytes/claim | Kialo s | JSON bytes | JSON s | "
        "Kialo/JSON time | before: bytes | before: s |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in sizes:
        m = chain(n)
        text = writes_report(m, "kialo")[0]
        kialo_s = median_seconds(lambda m=m: writes_report(m, "kialo"), runs)
        json_text = argmap.dumps(m)
        json_s = median_seconds(lambda m=m: argmap.dumps(m), runs)
        before = "–", "–"
        if old is not None:
            old_text = old(m)[0]
            old_s = median_seconds(lambda m=m: old(m), runs)
            before = f"{len(old_text.encode()):,}", f"{old_s:.3f}"
        size = len(text.encode())
        print(
            f"| {n:,} | {size:,} | {size / n:.0f} | {kialo_s:.3f} | "
            f"{len(json_text.encode()):,} | {json_s:.3f} | {kialo_s / json_s:.1f}x | "
            f"{before[0]} | {before[1]} |",
            flush=True,
        )


def argdown(sizes: list[int], runs: int) -> None:
    print(
        "| claims | Argdown bytes | write s | read s | equal | JSON dumps s | JSON loads s | "
        "Argdown/JSON (write + read) |"
    )
    print("| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |")
    for n in sizes:
        m = random_map(n)
        text = writes_report(m, "argdown")[0]
        write_s = median_seconds(lambda m=m: writes_report(m, "argdown"), runs)
        read_s = median_seconds(lambda t=text: reads_report(t, "argdown"), runs)
        equal = reads_report(text, "argdown").map == m
        json_text = argmap.dumps(m)
        dumps_s = median_seconds(lambda m=m: argmap.dumps(m), runs)
        loads_s = median_seconds(lambda t=json_text: argmap.loads(t), runs)
        ratio = (write_s + read_s) / (dumps_s + loads_s)
        print(
            f"| {n:,} | {len(text.encode()):,} | {write_s:.3f} | {read_s:.3f} | {equal} | "
            f"{dumps_s:.3f} | {loads_s:.3f} | {ratio:.1f}x |",
            flush=True,
        )


if __name__ == "__main__":
    sys.exit(main())
