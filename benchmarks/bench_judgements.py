"""Class judgements: reading and summarising ratings, argmap against pandas, same file.

Generates a ratings table of ``raters × items`` rows (default 10,000 × 1,000: ten million
rows, 0–4 ratings, fixed seed; one row per rater and item, rater by rater, as a class's forms
come in) for a generated map of ``items`` claims, then times in fresh processes:

* ``argmap``: :func:`argmap.judgements.read_ratings` (every row checked: the rater, the claim
  against the map, the rating against the scale) and the per-item statistics
  (:class:`argmap.judgements.Judgement`: n, mean, median, spread, IQR, disagreement, share
  convincing), with pyarrow installed (the ``argmap[judge]`` extra);
* ``argmap-core``: the same without pyarrow (Python's ``csv`` module), with ``--core``;
* ``pandas``, the peer: ``pandas.read_csv`` (rater and claim as categories) and a
  ``groupby`` of the claim column for count, mean, median and standard deviation, which
  checks nothing.

Each figure is the median of ``--runs`` runs (default 3) of the timed part only (imports
and the map's construction excluded): wall and CPU seconds, rows per CPU second (on a shared
machine the wall time says more about the other processes), and the peak resident memory of
the whole process (``wait4``), which includes the interpreter and the libraries. The ratio
is argmap's median over pandas's, same run, same file; runs are interleaved.

    .venv/bin/python benchmarks/bench_judgements.py [--raters 10000] [--items 1000]
        [--runs 3] [--core] [--dir benchmarks/.cache/judgements]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import textwrap
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / ".cache" / "judgements"


def generate(raters: int, items: int, path: Path, seed: int = 7) -> None:
    """The ratings table: every rater rates every item once, 0 to 4."""
    import numpy as np

    rng = np.random.default_rng(seed)
    names = [f"claim-{i:04d}" for i in range(items)]
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.write("rater,claim,rating\n")
        for r in range(raters):
            rater = f"student-{r:05d}"
            values = rng.integers(0, 5, items).tolist()
            f.write("".join(f"{rater},{c},{v}\n" for c, v in zip(names, values, strict=True)))
    tmp.replace(path)


# The child programs: build what is not timed, then time the read and the statistics.
_SETUP = """
import json, sys, time
def build_map(n):
    import argmap
    m = argmap.ArgumentMap(title="Generated")
    for i in range(n):
        m.claim(f"claim-{i:04d}", f"Claim {i}.", kind="position" if i < 10 else "claim")
    return m
"""

_ARGMAP = (
    _SETUP
    + """
from argmap.judgements import _arrow, read_ratings
from argmap.judgements.summary import Judgement
if sys.argv[3] == "core":
    _arrow._MODULES[:] = [None]
elif not _arrow.available():
    sys.exit("pyarrow is not installed: pip install 'argmap[judge]'")
m = build_map(int(sys.argv[2]))
t, c = time.perf_counter(), time.process_time()
j = Judgement(m, read_ratings(sys.argv[1], m))
wall, cpu = time.perf_counter() - t, time.process_time() - c
assert j.valid_rows > 0 and not j.ratings.invalid
print(json.dumps({"wall": wall, "cpu": cpu, "rows": j.valid_rows}))
"""
)

_PANDAS = (
    _SETUP
    + """
import pandas as pd
t, c = time.perf_counter(), time.process_time()
df = pd.read_csv(sys.argv[1], dtype={"rater": "category", "claim": "category", "rating": "float64"})
stats = df.groupby("claim", observed=True)["rating"].agg(["count", "mean", "median", "std"])
wall, cpu = time.perf_counter() - t, time.process_time() - c
print(json.dumps({"wall": wall, "cpu": cpu, "rows": int(stats["count"].sum())}))
"""
)


class Sample(NamedTuple):
    wall: float
    cpu: float
    rows: int
    peak: float  # MB


def run_child(program: str, path: Path, items: int, mode: str) -> Sample:
    """One child process, its own peak memory from wait4 (not the largest child so far)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_end)
        os.dup2(write_end, 1)
        os.execve(sys.executable, [sys.executable, "-c", program, str(path), str(items), mode], env)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        out = pipe.read()
    _, status, usage = os.wait4(pid, 0)
    if status:
        raise SystemExit(f"{mode} failed (status {status})")
    data = json.loads(out)
    return Sample(data["wall"], data["cpu"], data["rows"], usage.ru_maxrss / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raters", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--core", action="store_true", help="also time argmap without pyarrow")
    parser.add_argument("--dir", type=Path, default=CACHE)
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    path = args.dir / f"ratings-{args.raters}x{args.items}.csv"
    if not path.exists():
        print(f"generating {path} ...", file=sys.stderr)
        generate(args.raters, args.items, path)
    rows = args.raters * args.items
    size = path.stat().st_size / 1e6
    print(f"{rows:,} rows ({args.raters:,} raters x {args.items:,} claims), {size:,.0f} MB")
    modes = [("argmap", _ARGMAP, "arrow")]
    if args.core:
        modes.append(("argmap-core", _ARGMAP, "core"))
    modes.append(("pandas", _PANDAS, "pandas"))
    results: dict[str, list[Sample]] = {name: [] for name, _, _ in modes}
    for _ in range(args.runs):  # interleaved, so a busy moment hits every tool alike
        for name, program, mode in modes:
            results[name].append(run_child(program, path, args.items, mode))
    print(
        f"{'':12} {'wall s':>7} {'cpu s':>7} {'rows/cpu-s':>12} {'peak MB':>8}"
        f"  (median of {args.runs})"
    )
    medians = {}
    for name, samples in results.items():
        wall = statistics.median(s.wall for s in samples)
        cpu = statistics.median(s.cpu for s in samples)
        peak = statistics.median(s.peak for s in samples)
        medians[name] = (wall, cpu)
        print(f"{name:12} {wall:7.2f} {cpu:7.2f} {rows / cpu:12,.0f} {peak:8.0f}")
    peer_wall, peer_cpu = medians["pandas"]
    for name, (wall, cpu) in medians.items():
        if name != "pandas":
            print(f"{name} / pandas: wall {wall / peer_wall:.2f}, cpu {cpu / peer_cpu:.2f}")
    walls = {k: [round(s.wall, 2) for s in v] for k, v in results.items()}
    print(textwrap.fill(f"each run's wall seconds: {json.dumps(walls)}", 100), file=sys.stderr)


if __name__ == "__main__":
    main()
