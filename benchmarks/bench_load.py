"""Load + validate a generated map of 100,000 claims and 150,000 links.

Target (issue 2): <= 2 s and <= 500 MB peak on a 2-core machine, median of 5 runs.
Each run is a fresh process so peak memory (ru_maxrss) belongs to that run alone.

    .venv/bin/python benchmarks/bench_load.py [--claims N] [--links N] [--runs K]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import resource, sys, time
t0 = time.perf_counter(); c0 = time.process_time()
import argmap
m = argmap.load(sys.argv[1])
wall = time.perf_counter() - t0; cpu = time.process_time() - c0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(wall, cpu, peak, len(m.claims), len(m.links))
"""

# The floor: the standard library parsing the same file into dicts, no validation at all.
BASELINE = r"""
import json, resource, sys, time
t0 = time.perf_counter(); c0 = time.process_time()
with open(sys.argv[1], "rb") as f:
    data = json.loads(f.read())
wall = time.perf_counter() - t0; cpu = time.process_time() - c0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(wall, cpu, peak)
"""


def _run(code: str, path: Path) -> tuple[float, ...]:
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True
    ).stdout.split()
    return tuple(float(x) for x in out[:3])


def generate(n_claims: int, n_links: int, seed: int = 1) -> dict[str, object]:
    """A map shaped like real ones: themes, quotes-free claims, multi-source links, undercuts."""
    rng = random.Random(seed)
    themes = [{"id": f"t{i}", "label": f"Theme {i}"} for i in range(20)]
    claims = [
        {
            "id": f"c{i}",
            "text": f"Claim number {i} says something arguable about topic {i % 97}.",
            "kind": "position" if i % 500 == 0 else "claim",
            "themes": [f"t{i % 20}"],
        }
        for i in range(n_claims)
    ]
    links = []
    for j in range(n_links):
        target = rng.randrange(n_claims)
        k = 2 if j % 10 == 0 else 1
        sources = sorted({f"c{s}" for s in rng.sample(range(n_claims), k + 1) if s != target})[:k]
        link: dict[str, object] = {
            "id": f"l{j}",
            "kind": "attack" if j % 3 == 0 else "support",
            "sources": sources,
            "target": f"c{target}",
        }
        if j % 50 == 49:
            link["target"] = f"l{j - 1}"  # an undercut of the previous link
        links.append(link)
    return {
        "format": "argmap/1",
        "title": "Generated",
        "themes": themes,
        "claims": claims,
        "links": links,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--links", type=int, default=150_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.json"
        path.write_text(json.dumps(generate(args.claims, args.links)), encoding="utf-8")
        size_mb = path.stat().st_size / 1e6
        rows, base = [], []
        for _ in range(args.runs):  # interleaved, so both see the same machine load
            rows.append(_run(CHILD, path))
            base.append(_run(BASELINE, path))
    wall, cpu, peak = (statistics.median(r[k] for r in rows) for k in range(3))
    b_wall, b_cpu, b_peak = (statistics.median(r[k] for r in base) for k in range(3))
    print(
        f"input: {args.claims:,} claims, {args.links:,} links ({size_mb:.1f} MB JSON); "
        f"median of {args.runs}"
    )
    print(
        f"argmap.load (parse + schema + whole-map checks): wall {wall:.2f} s, CPU {cpu:.2f} s, "
        f"peak RSS {peak:.0f} MB   (targets: <= 2 s, <= 500 MB)"
    )
    print(
        f"json.loads only (floor, no validation):          wall {b_wall:.2f} s, CPU {b_cpu:.2f} s, "
        f"peak RSS {b_peak:.0f} MB   (argmap / floor: {cpu / b_cpu:.1f}x CPU)"
    )


if __name__ == "__main__":
    main()
