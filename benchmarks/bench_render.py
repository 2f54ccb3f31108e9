"""Diagram benchmarks: DOT generation at 100,000 claims, accessible SVG at 2,000-10,000.

Run: ``.venv/bin/python benchmarks/bench_render.py`` (about two minutes on 2 cores).

Targets (issue 3): DOT for 100,000 claims <= 2 s; SVG for 2,000 claims <= 2 s, 5,000 <= 5 s,
10,000 <= 20 s; medians of 3 (10,000 is run once when one run takes over 15 s). Peers on the
same input in the same run: ``dot`` with Graphviz's default settings (what a user gets from
the DOT without argmap's size-based settings: edges written from reason to conclusion, no
iteration limits, splines), and ``graphviz-pure`` where it is installed.
Maps come from ``tests/render/synthetic.py`` with fixed seeds.
"""

from __future__ import annotations

import re
import resource
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

import argmap.render.dot as dot_module  # noqa: E402
from argmap import ArgumentMap  # noqa: E402
from argmap.render import to_svg  # noqa: E402
from argmap.render.dot import build  # noqa: E402
from argmap.render.options import make_options  # noqa: E402


def cpu() -> float:
    # CPU seconds of this process and the Graphviz processes it ran: on a machine shared with
    # other work, CPU time says what the layout costs; wall time says what the user waited.
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, list[float], float]:
    """Median wall time, all wall times, and median CPU time of ``repeat`` runs."""
    times, cpus = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), cpu()
        fn()
        times.append(time.perf_counter() - start)
        cpus.append(cpu() - start_cpu)
    return statistics.median(times), times, statistics.median(cpus)


def run_dot(program: str, source: str, timeout: float) -> tuple[str, str]:
    start, start_cpu = time.perf_counter(), cpu()
    try:
        done = subprocess.run(
            [program, "-Tsvg"], input=source.encode(), capture_output=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return f"> {timeout:.0f} s (stopped)", "?"
    took, took_cpu = time.perf_counter() - start, cpu() - start_cpu
    if done.returncode != 0:
        return f"failed after {took:.1f} s: {done.stderr.decode()[:60].strip()}", "?"
    return f"{took:.2f} s", f"{took_cpu:.2f} s"


def plain_digraph(m: ArgumentMap) -> str:
    g = graphviz.Digraph()
    for claim in m.claims:
        g.node(claim.id, label=claim.text)
    for link in m.links:
        for source in link.sources:
            g.edge(source, link.target)
    return g.source


def untuned_dot(m: ArgumentMap) -> str:
    """The DOT argmap writes for ``m`` without its size-based choices of edge direction and
    length (layout attributes are stripped by the caller): a small map's DOT, same labels."""
    saved = dot_module.SIMPLEX_LIMIT, dot_module.DOUBLE_LIMIT
    dot_module.SIMPLEX_LIMIT = dot_module.DOUBLE_LIMIT = sys.maxsize
    try:
        return build(m, make_options()).source()
    finally:
        dot_module.SIMPLEX_LIMIT, dot_module.DOUBLE_LIMIT = saved


Row = tuple[str, str, str, str, str]


def main() -> None:
    rows: list[Row] = []

    def add(row: Row) -> None:
        rows.append(row)
        print(row, flush=True)

    big = synthetic_map(100_000, seed=1)
    wall, _, cpu_s = timed(lambda big=big: build(big, make_options()).source(), 3)
    add(("DOT text, 100,000 claims", f"{wall:.2f} s", f"{cpu_s:.2f} s", "<= 2 s", "median of 3"))
    # Peer: the graphviz package's own node()/edge() calls with plain-text labels (no
    # wrapping, no HTML labels, no styling), the least a diagram of this map takes.
    peer, _, peer_cpu = timed(lambda big=big: plain_digraph(big), 3)
    ratio = f"median of 3; argmap takes {cpu_s / peer_cpu:.1f}x its CPU time"
    add(("  peer: graphviz.Digraph node()/edge()", f"{peer:.2f} s", f"{peer_cpu:.2f} s", "", ratio))
    del big

    targets = {2000: 2.0, 5000: 5.0, 10000: 20.0}
    for n, target in targets.items():
        m = synthetic_map(n, seed=1)
        first, _, first_cpu = timed(lambda m=m: to_svg(m), 1)
        if first > 15:
            wall, cpu_s, note = first, first_cpu, "1 run (over 15 s)"
        else:
            _, times, _ = timed(lambda m=m: to_svg(m), 2)
            wall, note = statistics.median([first, *times]), "median of 3"
            cpu_s = first_cpu  # CPU time varies little between runs; the first one stands
        label = f"accessible SVG, {n:,} claims"
        add((label, f"{wall:.2f} s", f"{cpu_s:.2f} s", f"<= {target:g} s", note))
        if n == 2000:
            # Peers on the same map: Graphviz defaults (no size-based settings), graphviz-pure.
            source = build(m, make_options()).source()
            plain = re.sub(r' (nslimit1?|mclimit|splines)="[^"]*"', "", untuned_dot(m))
            add(("  peer: dot with default settings", *run_dot("dot", plain, 120), "", "1 run"))
            pure = shutil.which("graphviz-pure") or str(
                Path(sys.executable).parent / "graphviz-pure"
            )
            if Path(pure).exists():
                add(
                    (
                        "  peer: graphviz-pure, same settings",
                        *run_dot(pure, source, 120),
                        "",
                        "1 run",
                    )
                )

    print("\n| what | wall | CPU | target | runs |\n| --- | --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
