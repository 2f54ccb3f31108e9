"""The outputs registry's cost: CLI commands through it against the code before it.

Runs each command in a fresh process (start-up included, as a user runs it) with this
tree's ``src`` and with a baseline tree's (``--baseline``, e.g. a checkout of ``main`` from
before the registry), turn about, on the same map in the same run, and prints the median
CPU time (user + system) and wall time of each, the ratio this/baseline, and whether the
two wrote the same bytes.

    .venv/bin/python benchmarks/bench_outputs.py --baseline /path/to/old/src [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
MAP = HERE / "data" / "claims.json"

#: Each command, with OUT standing for the file it writes.
COMMANDS: list[tuple[str, list[str]]] = [
    ("render -o map.dot", ["render", str(MAP), "-o", "OUT.dot"]),
    ("render -o map.mmd", ["render", str(MAP), "-o", "OUT.mmd"]),
    ("render -o map.svg", ["render", str(MAP), "-o", "OUT.svg"]),
    ("summary --format md", ["summary", str(MAP), "--format", "md", "-o", "OUT.md"]),
    ("summary --format outline", ["summary", str(MAP), "--format", "outline", "-o", "OUT.txt"]),
    ("report --no-diagram", ["report", str(MAP), "--no-diagram", "-o", "OUT.html"]),
    ("convert to Argdown", ["convert", str(MAP), "OUT.argdown", "--quiet"]),
    ("convert to argmap JSON", ["convert", str(MAP), "OUT.argmap.json", "--quiet"]),
]


def run_once(src: Path, args: list[str], out: Path) -> tuple[float, float, bytes]:
    """CPU seconds, wall seconds and the written bytes of one run with ``src`` first."""
    argv = [a.replace("OUT", str(out)) for a in args]
    env = {**os.environ, "PYTHONPATH": str(src)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "argmap", *argv],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    written = next(p for p in (Path(a) for a in argv) if p.parent == out.parent)
    return cpu, wall, written.read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, required=True, help="the other tree's src/")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    ours = HERE / "src"
    print(f"map: {MAP.name}; {args.runs} runs each, turn about; CPU = user + system")
    print(
        f"{'command':26} {'base CPU':>9} {'this CPU':>9} {'ratio':>6} {'base wall':>9} "
        f"{'this wall':>9} {'same bytes':>10}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for name, command in COMMANDS:
            times: dict[str, list[tuple[float, float]]] = {"base": [], "this": []}
            outputs: dict[str, bytes] = {}
            for _ in range(args.runs):
                for label, src in (("base", args.baseline), ("this", ours)):
                    cpu, wall, data = run_once(src, command, Path(tmp) / label)
                    times[label].append((cpu, wall))
                    outputs[label] = data
            cpu_b = statistics.median(t[0] for t in times["base"])
            cpu_t = statistics.median(t[0] for t in times["this"])
            wall_b = statistics.median(t[1] for t in times["base"])
            wall_t = statistics.median(t[1] for t in times["this"])
            same = "yes" if outputs["base"] == outputs["this"] else "NO"
            print(
                f"{name:26} {cpu_b:9.3f} {cpu_t:9.3f} {cpu_t / cpu_b:6.2f} {wall_b:9.3f} "
                f"{wall_t:9.3f} {same:>10}"
            )


if __name__ == "__main__":
    main()
