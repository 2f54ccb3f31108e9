"""Argdown reading: the fast path against the general parser alone, and against another
checkout (before a change), on the same generated file in the same run.

Reads the file of ``bench_formats.generate`` (``--statements`` statements, about two
relations each, a premise-conclusion structure every tenth) and times ``parse`` + ``to_map``
in a fresh process per measurement (CPU seconds of that call, the least of three in the
process, not of start-up), the variants
taking turns within each run so that a busy machine slows them alike:

* ``fast``: this checkout, as ``argmap`` reads Argdown (the fast path chosen by the input);
* ``general``: this checkout, every line through the general parser (``fast=False``);
* ``before``: the checkout given by ``--before`` (its ``src`` folder), as it reads Argdown.

With ``--before``, whole ``argmap convert in.argdown out.json`` processes of both checkouts
are timed as well (CPU seconds of the child, start-up included, as bench_formats.py does),
taking turns in the same way.

    .venv/bin/python benchmarks/bench_argdown_paths.py [--statements 20000] [--runs 5]
        [--before ../argmap-before/src]

Prints the median CPU seconds of each and its ratio to ``fast`` (the peer of ``before`` is
this checkout's ``fast``; a ratio above 1 means slower than it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
sys.path.insert(0, str(HERE))

from bench_formats import generate  # noqa: E402

# The child: read the file, time parse + to_map (the least of three), print the CPU
# seconds. ``fast=False`` only where the checkout has it (``before`` may not).
_CHILD = """
import sys, time
from argmap.formats.argdown import parse
from argmap.formats._argdown_map import to_map
text = open(sys.argv[1], encoding="utf-8").read()
kw = {"fast": False} if sys.argv[2] == "general" else {}
best = float("inf")
for _ in range(3):  # the least of three: a busy machine only ever adds time
    t0 = time.process_time()
    result = to_map(parse(text, **kw))
    best = min(best, time.process_time() - t0)
    del result
result = to_map(parse(text, **kw))
print(best, len(result.map.claims), len(result.map.links))
"""


def measure(src: Path, path: Path, mode: str) -> tuple[float, str]:
    """CPU seconds of one parse + to_map, and the sizes read (to check the variants agree)."""
    env = {"PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), mode],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return float(out[0]), " ".join(out[1:])


def convert(src: Path, path: Path) -> float:
    """CPU seconds of a whole ``argmap convert`` process (start-up included)."""
    env = {"PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
    cmd = [sys.executable, "-m", "argmap", "convert", str(path), str(path.with_name("out.json"))]
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"argmap convert failed with {src}")
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--before", type=Path, help="the src folder of another checkout")
    args = ap.parse_args()
    variants = {"fast": (SRC, "fast"), "general": (SRC, "general")}
    if args.before:
        variants["before"] = (args.before, "fast")
    times: dict[str, list[float]] = {name: [] for name in variants}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "debate.argdown"
        generate(args.statements, path)
        sizes = {name: measure(src, path, mode)[1] for name, (src, mode) in variants.items()}
        if len(set(sizes.values())) != 1:
            sys.exit(f"the variants read different maps: {sizes}")
        whole: dict[str, list[float]] = {"fast": [], "before": []} if args.before else {}
        for _ in range(args.runs):
            for name, (src, mode) in variants.items():
                times[name].append(measure(src, path, mode)[0])
            for name in whole:
                whole[name].append(convert(variants[name][0], path))
    base = statistics.median(times["fast"])
    print(f"{args.statements} statements ({sizes['fast']} claims, links), {args.runs} runs")
    print("| variant | median CPU s | ratio to fast |")
    print("|---|---|---|")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"| {name} | {median:.3f} | {median / base:.2f} |")
    if whole:
        base = statistics.median(whole["fast"])
        print("\n| argmap convert (whole process) | median CPU s | ratio to fast |")
        print("|---|---|---|")
        for name, samples in whole.items():
            median = statistics.median(samples)
            print(f"| {name} | {median:.3f} | {median / base:.2f} |")


if __name__ == "__main__":
    main()
