"""Diagram benchmarks: DOT generation at 100,000 claims, accessible SVG at 2,000-10,000.

Run: ``.venv/bin/python benchmarks/bench_render.py`` (about two minutes on 2 cores).

Targets (issue 3): DOT for 100,000 claims <= 2 s; SVG for 2,000 claims <= 2 s, 5,000 <= 5 s,
10,000 <= 20 s; medians of 3 (10,000 is run once when one run takes over 15 s). Peers on the
same input in the same run: ``dot`` with Graphviz's default settings (what a user gets from
the DOT without argmap's size-based settings), and ``graphviz-pure`` where it is installed.
Maps come from ``tests/render/synthetic.py`` with fixed seeds.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import graphviz  # noqa: E402
from tests.render.synthetic import synthetic_map  # noqa: E402

from argmap import ArgumentMap  # noqa: E402
from argmap.render import to_svg  # noqa: E402
from argmap.render.dot import build  # noqa: E402
from argmap.render.options import make_options  # noqa: E402


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def run_dot(program: str, source: str, timeout: float) -> str:
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [program, "-Tsvg"], input=source.encode(), capture_output=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return f"> {timeout:.0f} s (stopped)"
    took = time.perf_counter() - start
    if done.returncode != 0:
        return f"failed after {took:.1f} s: {done.stderr.decode()[:80].strip()}"
    return f"{took:.2f} s"


def plain_digraph(m: ArgumentMap) -> str:
    g = graphviz.Digraph()
    for claim in m.claims:
        g.node(claim.id, label=claim.text)
    for link in m.links:
        for source in link.sources:
            g.edge(source, link.target)
    return g.source


def main() -> None:
    rows: list[tuple[str, str, str, str]] = []
    big = synthetic_map(100_000, seed=1)
    median, _ = timed(lambda big=big: build(big, make_options()).source(), 3)
    rows.append(("DOT text, 100,000 claims", f"{median:.2f} s", "<= 2 s", "median of 3"))
    print(rows[-1], flush=True)
    # Peer: the graphviz package's own node()/edge() calls with plain-text labels (no
    # wrapping, no HTML labels, no styling), the least a diagram of this map takes.
    peer, _ = timed(lambda big=big: plain_digraph(big), 3)
    rows.append(
        (
            "  peer: graphviz.Digraph node()/edge(), 100,000",
            f"{peer:.2f} s",
            "",
            f"median of 3; argmap/peer = {median / peer:.1f}x",
        )
    )
    print(rows[-1], flush=True)
    del big

    targets = {2000: 2.0, 5000: 5.0, 10000: 20.0}
    for n, target in targets.items():
        m = synthetic_map(n, seed=1)
        first, _ = timed(lambda m=m: to_svg(m), 1)
        if first > 15:
            median, note = first, "1 run (over 15 s)"
        else:
            _, times = timed(lambda m=m: to_svg(m), 2)
            median, note = statistics.median([first, *times]), "median of 3"
        rows.append((f"accessible SVG, {n:,} claims", f"{median:.2f} s", f"<= {target:g} s", note))
        print(rows[-1], flush=True)
        if n == 2000:
            # Peers on the same map: Graphviz defaults (no size-based settings), graphviz-pure.
            source = build(m, make_options()).source()
            plain = re.sub(r' (nslimit1?|mclimit|splines)="[^"]*"', "", source)
            rows.append(
                (
                    "  peer: dot, default settings, 2,000",
                    run_dot("dot", plain, 120),
                    "",
                    "1 run",
                )
            )
            print(rows[-1], flush=True)
            pure = shutil.which("graphviz-pure") or str(
                Path(sys.executable).parent / "graphviz-pure"
            )
            if Path(pure).exists():
                rows.append(
                    (
                        "  peer: graphviz-pure, argmap settings, 2,000",
                        run_dot(pure, source, 120),
                        "",
                        "1 run",
                    )
                )
                print(rows[-1], flush=True)

    print("\n| what | time | target | runs |\n| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
