"""Summaries and the HTML report on a generated map of 20,000 claims and 30,000 links.

Peer, measured in the same run on the same map: a networkx depth-first traversal of the
claim graph (``nx.dfs_preorder_nodes`` over the reversed edges from the same roots) — the
bare walk any outline needs, with no text produced. The ratio says what building the text
costs on top of the walk.

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
from argmap.model import Claim, Link
from argmap.report import html_report
from argmap.summary import summarize
from argmap.summary._tree import default_roots


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


def median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--links", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    m = generate(args.claims, args.links)
    g = claim_graph(m).reverse(copy=True)
    roots = default_roots(m)

    def peer() -> None:
        seen: set[str] = set()
        for root in roots:
            seen.update(nx.dfs_preorder_nodes(g, root))

    rows = [("peer: networkx DFS walk", median_time(peer, args.runs))]
    for fmt in ("outline", "txt", "md", "long", "brief"):
        rows.append(
            (
                f"summarize {fmt}",
                median_time(lambda f=fmt: summarize(m, f, analysis=False), args.runs),
            )
        )
    rows.append(
        (
            "html_report (no diagram)",
            median_time(lambda: html_report(m, diagram=False, analysis=False), args.runs),
        )
    )
    base = rows[0][1]
    print(f"{args.claims} claims, {len(m.links)} links, median of {args.runs} runs")
    print("| What | Median (s) | × peer |")
    print("|---|---:|---:|")
    for name, t in rows:
        print(f"| {name} | {t:.3f} | {t / base:.1f} |")


if __name__ == "__main__":
    main()
