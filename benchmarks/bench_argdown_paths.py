"""Argdown reading: the fast path against the general parser alone, and against another
checkout (before a change), on the same generated file in the same run.

Reads the file of ``bench_formats.generate`` (``--statements`` statements, about two
relations each, a premise-conclusion structure every tenth) and times ``parse`` + ``to_map``
in a fresh process per measurement (CPU seconds of that call, not of start-up), the variants
taking turns within each run so that a busy machine slows them alike:

* ``fast``: this checkout, as ``argmap`` reads Argdown (the fast path chosen by the input);
* ``general``: this checkout, every line through the general parser (``fast=False``);
* ``before``: the checkout given by ``--before`` (its ``src`` folder), as it reads Argdown.

    .venv/bin/python benchmarks/bench_argdown_paths.py [--statements 20000] [--runs 5]
        [--before /work/main/src]

Prints the median CPU seconds of each and its ratio to ``fast`` (the peer of ``before`` is
this checkout's ``fast``; a ratio above 1 means slower than it).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
sys.path.insert(0, str(HERE))

from bench_formats import generate  # noqa: E402

# The child: read the file, time parse + to_map, print the CPU seconds. ``fast=False``
# only where the checkout has it (``before`` may not).
_CHILD = """
import sys, time
from argmap.formats.argdown import parse
from argmap.formats._argdown_map import to_map
text = open(sys.argv[1], encoding="utf-8").read()
kw = {"fast": False} if sys.argv[2] == "general" else {}
t0 = time.process_time()
result = to_map(parse(text, **kw))
print(time.process_time() - t0, len(result.map.claims), len(result.map.links))
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
        for _ in range(args.runs):
            for name, (src, mode) in variants.items():
                times[name].append(measure(src, path, mode)[0])
    base = statistics.median(times["fast"])
    print(f"{args.statements} statements ({sizes['fast']} claims, links), {args.runs} runs")
    print("| variant | median CPU s | ratio to fast |")
    print("|---|---|---|")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"| {name} | {median:.3f} | {median / base:.2f} |")


if __name__ == "__main__":
    main()
