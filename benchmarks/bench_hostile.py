"""Hostile shapes against ordinary ones of the same size: does the shape cost anything?

Two questions, each with its peer measured in the same run on an input of the same size:

* summaries and the report of a 5,000-claim *chain* (every claim replies to the one
  before) against a 5,000-claim *star* (every claim replies to one position): time and
  bytes of output. A quadratic writer made 100 MB from the chain. The "what stands"
  sections are left out (``analysis=False``): they time the analysis, not the writing.
* validating a map whose 4,000 links all name a misspelt claim against the same map
  spelt right: the did-you-mean hints' cost (113 s for 3,000 before they were bounded).

    .venv/bin/python benchmarks/bench_hostile.py [--claims N] [--typos N] [--runs K]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import time
from collections.abc import Callable

import argmap
from argmap import ArgumentMap
from argmap.errors import MapValidationError
from argmap.report import html_report
from argmap.summary import FORMATS, summarize


def shaped(n: int, chain: bool) -> ArgumentMap:
    """n claims; each supports (or every third attacks) the one before, or the position."""
    claims = [{"id": "c0", "text": "The position.", "kind": "position"}]
    claims += [{"id": f"c{i}", "text": f"Claim number {i} of this map."} for i in range(1, n)]
    links = [
        {
            "id": f"l{i}",
            "kind": "attack" if i % 3 == 0 else "support",
            "sources": [f"c{i}"],
            "target": f"c{i - 1}" if chain else "c0",
        }
        for i in range(1, n)
    ]
    return ArgumentMap.model_validate({"title": "Shape", "claims": claims, "links": links})


def typos(n: int, misspelt: bool) -> bytes:
    claims = [{"id": f"claim-{i:05d}", "text": f"Claim number {i}."} for i in range(n)]
    links = [
        {
            "id": f"l{i}",
            "kind": "support",
            "sources": [f"cliam-{i:05d}" if misspelt else f"claim-{i:05d}"],
            "target": "claim-00000",
        }
        for i in range(1, n)
    ]
    return json.dumps({"format": "argmap/1", "claims": claims, "links": links}).encode()


def median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def validate(data: bytes) -> None:
    with contextlib.suppress(MapValidationError):
        argmap.loads(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=5000)
    parser.add_argument("--typos", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    chain, star = shaped(args.claims, True), shaped(args.claims, False)
    print(f"{args.claims} claims, chain against star (peer), median of {args.runs}")
    print("output      chain s   star s     x  chain bytes  star bytes")
    outputs: dict[str, Callable[[ArgumentMap], str]] = {
        fmt: (lambda m, f=fmt: str(summarize(m, f, analysis=False))) for fmt in FORMATS
    }
    outputs["report"] = lambda m: html_report(m, diagram=False, analysis=False)
    for name, make in outputs.items():
        a, b = (median_time(lambda m=m: make(m), args.runs) for m in (chain, star))  # noqa: B023
        sizes = len(make(chain).encode()), len(make(star).encode())
        print(f"{name:10} {a:8.3f} {b:8.3f} {a / b:5.1f} {sizes[0]:12,} {sizes[1]:11,}")
    bad, good = typos(args.typos, True), typos(args.typos, False)
    a = median_time(lambda: validate(bad), args.runs)
    b = median_time(lambda: validate(good), args.runs)
    print(f"\nvalidate {args.typos} links: misspelt {a:.3f} s, peer {b:.3f} s, x {a / b:.1f}")


if __name__ == "__main__":
    main()
