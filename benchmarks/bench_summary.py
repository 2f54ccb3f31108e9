"""Summaries and the HTML report on a generated map of 20,000 claims and 30,000 links.

Two peers, measured in the same run on the same map:

* loading the map: ``argmap.loads`` of its JSON text (parse and validate), in CPU seconds.
  Issue 20 sets the targets against it: the Markdown summary at most 5x and the report at
  most 8x. Every ``× load`` ratio is CPU time over CPU time.
* a networkx depth-first traversal of the claim graph (``nx.dfs_preorder_nodes`` over the
  reversed edges from the same roots): the bare walk any outline needs, with no text
  produced. The ``× walk`` ratio says what building the text costs on top of the walk.

The writers are timed without the analysis section (``analysis=False``); the analysis they
include by default (grounded labels and DF-QuAD strengths, :func:`argmap.summary._common.
standing`) is timed on its own, and the default Markdown summary and report with it.

    .venv/bin/python benchmarks/bench_summary.py [--claims N] [--links N] [--runs K]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

import networkx as nx

from argmap import ArgumentMap
from argmap.graph import claim_graph
from argmap.io.json import dumps, loads
from argmap.model import Claim, Link
from argmap.report import html_report
from argmap.summary import summarize
from argmap.summary._tree import default_roots

#: A case's name, median wall seconds and median CPU seconds.
Row = tuple[str, float, float]


def generate(n_claims: int, n_links: int, seed: int = 7) -> ArgumentMap:
    """A debate-shaped map: a reply tree under 20 positions, claims reused in other places,
    and a few replies that close cycles (as in Kialo discussions with "see" references)."""
    rng = random.Random(seed)
    claims = [
        Claim(
            id=f"c{i}",
            text=f"Claim {i} says something about topic {rng.randrange(50)}.",
            kind="position" if i < 20 else "claim",
        )
        for i in range(n_claims)
    ]
    links: list[Link] = []
    for i in range(20, n_claims):
        kind = "support" if rng.random() < 0.7 else "attack"
        links.append(Link(id=f"l{i}", kind=kind, sources=[f"c{i}"], target=f"c{rng.randrange(i)}"))
    while len(links) < n_links:
        a, b = sorted(rng.sample(range(n_claims), 2), reverse=rng.random() < 0.99)
        # 99% reuse a later claim as a reply to an earlier one; 1% point back: cycles.
        links.append(Link(id=f"x{len(links)}", kind="attack", sources=[f"c{a}"], target=f"c{b}"))
    return ArgumentMap(title="Generated", question="What is generated?", claims=claims, links=links)


def interleaved(cases: list[tuple[str, Callable[[], object]]], runs: int) -> list[Row]:
    """Median wall and CPU seconds of each case, the cases taking turns within each run.

    On a machine shared with other work, the load changes from one second to the next;
    taking turns puts each case and its peer under the same load, so ratios hold steadier
    than times measured one case after another.
    """
    walls: list[list[float]] = [[] for _ in cases]
    cpus: list[list[float]] = [[] for _ in cases]
    for _ in range(runs):
        for i, (_, fn) in enumerate(cases):
            t0, c0 = time.perf_counter(), time.process_time()
            fn()
            walls[i].append(time.perf_counter() - t0)
            cpus[i].append(time.process_time() - c0)
    return [
        (name, statistics.median(w), statistics.median(c))
        for (name, _), w, c in zip(cases, walls, cpus, strict=True)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--links", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--no-analysis", action="store_true", help="skip the timings that include analysis"
    )
    args = parser.parse_args()
    m = generate(args.claims, args.links)
    text = dumps(m)
    g = claim_graph(m).reverse(copy=True)
    roots = default_roots(m)

    def walk() -> None:
        seen: set[str] = set()
        for root in roots:
            seen.update(nx.dfs_preorder_nodes(g, root))

    cases: list[tuple[str, Callable[[], object]]] = [
        ("peer: load (argmap.loads of the JSON)", lambda: loads(text)),
        ("peer: networkx DFS walk", walk),
    ]
    for fmt in ("outline", "txt", "md", "long", "brief"):
        cases.append((f"summarize {fmt}", lambda f=fmt: summarize(m, f, analysis=False)))
    cases.append(
        ("html_report (no diagram)", lambda: html_report(m, diagram=False, analysis=False))
    )
    if not args.no_analysis:
        cases += [
            ("analysis alone (standing: grounded + DF-QuAD)", lambda: _standing(m)),
            ("summarize md, with analysis", lambda: summarize(m)),
            ("html_report (no diagram), with analysis", lambda: html_report(m, diagram=False)),
        ]
    rows = interleaved(cases, args.runs)
    load, dfs = rows[0][2], rows[1][2]
    print(f"{args.claims} claims, {len(m.links)} links, median of {args.runs} runs")
    print("| What | Median wall (s) | Median CPU (s) | × load | × walk |")
    print("|---|---:|---:|---:|---:|")
    for name, wall, cpu in rows:
        print(f"| {name} | {wall:.3f} | {cpu:.3f} | {cpu / load:.1f} | {cpu / dfs:.1f} |")


def _standing(m: ArgumentMap) -> object:
    from argmap.summary._common import standing

    return standing(m)


if __name__ == "__main__":
    main()
