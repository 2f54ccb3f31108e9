"""Analysis benchmarks: argmap against formal-argumentation 0.3.0 on the same inputs.

Run: ``.venv/bin/python benchmarks/bench_analysis.py`` (``--quick`` for fewer repeats,
``--peer-timeouts`` to also run the peer cases expected to exceed 60 s, in a subprocess
killed at 60 s; ``--maps`` for only the map cases: a star and a chain analysed by this
checkout and by the map analysis of argmap ``c064ef9``, read from git, in the same run).
Needs ``pip install formal-argumentation==0.3.0`` for the peer columns and
``pip install 'argmap[sat]'`` for the SAT cases; missing pieces are reported, not faked.

Every case reports the median CPU time (``time.process_time``) of N runs and the peak
memory (resident-set growth) of one extra run in a forked child. Random inputs come from
fixed seeds.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from argmap import ArgumentMap
from argmap.analysis import Framework, bipolar, grounded, read_framework, some_extension
from argmap.analysis.gradual import evaluate, qbaf_from_edges

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("ARGMAP_SHARED", REPO.parent / "shared")) / "corpus" / "iccma"

try:
    from argumentation.core.dung import ArgumentationFramework, grounded_extension
    from argumentation.gradual.dfquad import dfquad_strengths
    from argumentation.gradual.gradual import (  # noqa: F401 - used by the peer subprocess
        WeightedBipolarGraph,
        quadratic_energy_strengths,
    )

    PEER = True
except ImportError:  # pragma: no cover - depends on the environment
    PEER = False


def measure(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """Median CPU seconds over ``repeat`` runs, peak MiB of one extra run, last result.

    Peak memory is the growth of the resident set in a forked child that runs ``fn`` once
    (high-water mark minus the size at the start), so pure-Python and numpy code are
    measured the same way and without tracing overhead.
    """
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        t = time.process_time()
        result = fn()
        times.append(time.process_time() - t)
    return statistics.median(times), peak_mib(fn), result


def peak_mib(fn: Callable[[], Any]) -> float:
    gc.collect()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: run once, report the growth of its resident set
        os.close(read)
        start = int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        fn()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        os.write(write, str(max(peak - start, 0)).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    return int(data or 0) / 2**20


def random_af(n: int, m: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    src, dst = rng.integers(0, n, m), rng.integers(0, n, m)
    keep = src != dst  # no self-attacks
    src, dst = src[keep], dst[keep]
    _, first = np.unique(src * n + dst, return_index=True)  # no repeated attacks
    first.sort()
    return src[first].astype(np.int32), dst[first].astype(np.int32)


def random_dag(n: int, m: int, seed: int) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(seed)
    a, b = rng.integers(0, n, m), rng.integers(0, n, m)
    keep = a != b
    src, dst = np.maximum(a, b)[keep], np.minimum(a, b)[keep]  # edges point downwards: acyclic
    _, first = np.unique(src * n + dst, return_index=True)  # no repeated pairs (the peer's
    first.sort()  # relations are sets)
    src, dst = src[first], dst[first]
    return rng.random(n), src, dst, rng.choice(np.array([1, -1]), src.size)


Row = tuple[str, str, str, str, str]
rows: list[Row] = []


def row(case: str, ours: tuple[float, float], peer: tuple[float, float] | str, note: str) -> None:
    o = f"{ours[0]:.3f} s / {ours[1]:.0f} MiB"
    if isinstance(peer, str):
        p, ratio = peer, "-"
    else:
        p, ratio = f"{peer[0]:.3f} s / {peer[1]:.0f} MiB", f"{peer[0] / max(ours[0], 1e-9):.1f}x"
    rows.append((case, o, p, ratio, note))
    print(f"{case}: ours {o}; peer {p}; ratio {ratio}; {note}", flush=True)


def bench_grounded_random(repeat: int) -> None:
    n, m = 500_000, 1_000_000
    src, dst = random_af(n, m, seed=1)

    def ours() -> int:
        af = Framework(n, src, dst)
        return int((grounded(af).codes == 1).sum())

    t, mem, size = measure(ours, repeat)
    peer: tuple[float, float] | str = "not installed"
    if PEER:
        names = [str(i) for i in range(n)]
        pairs = list(zip(src.tolist(), dst.tolist(), strict=True))

        def theirs() -> int:
            af = ArgumentationFramework(
                arguments=frozenset(names),
                defeats=frozenset((names[a], names[b]) for a, b in pairs),
            )
            return len(grounded_extension(af))

        pt, pmem, psize = measure(theirs, max(1, min(repeat, 3)))
        assert psize == size, "grounded extensions differ"
        peer = (pt, pmem)
    row(
        f"grounded, random {n:,} args / {src.size:,} attacks (incl. build)",
        (t, mem),
        peer,
        f"|grounded| = {size:,}; peer median of {min(repeat, 3)}",
    )


def bench_grounded_admbuster(repeat: int) -> None:
    path = CORPUS / "admbuster_50000.af"
    if not path.is_file():
        print("admbuster_50000.af: corpus absent, skipped")
        return
    af = read_framework(path)
    t, mem, size = measure(lambda: int((grounded(af).codes == 1).sum()), repeat)
    peer: tuple[float, float] | str = "not installed"
    if PEER:
        pf = ArgumentationFramework(arguments=frozenset(af.names), defeats=frozenset(af.pairs()))
        pt, pmem, psize = measure(lambda: len(grounded_extension(pf)), repeat)
        assert psize == size
        peer = (pt, pmem)
    row("grounded, admbuster_50000 (framework built)", (t, mem), peer, f"|grounded| = {size:,}")


def bench_preferred_random(repeat: int) -> None:
    # Two attacks per argument, the density of the grounded case above. (At five per argument,
    # 20,000 arguments, growing past grounded did not finish in 120 s: see docs/benchmarks.md.)
    n, m = 50_000, 100_000
    src, dst = random_af(n, m, seed=2)
    af = Framework(n, src, dst)
    try:
        t, mem, (ext, backend) = measure(lambda: some_extension(af, "preferred"), repeat)
    except Exception as exc:  # report, do not crash the table
        print(f"preferred: {exc}")
        return
    row(
        f"some preferred, random {n:,} args / {src.size:,} attacks",
        (t, mem),
        "needs z3-solver (not installed)",
        f"back-end {backend}; |ext| = {len(ext or ())}",
    )


def bench_dfquad(repeat: int, edges: int, peer_ok: bool) -> None:
    n = edges // 2
    base, src, dst, sign = random_dag(n, edges, seed=3)
    t, mem, (ours, _, _) = measure(
        lambda: evaluate(qbaf_from_edges(base, src, dst, sign), "dfquad"), repeat
    )
    peer: tuple[float, float] | str = "not installed" if not PEER else "not run (> 60 s)"
    if PEER and peer_ok:
        graph = _peer_graph(base, src, dst, sign)
        pt, pmem, res = measure(lambda: dfquad_strengths(graph), repeat)
        got = np.array([res.strengths[str(i)] for i in range(n)])
        assert np.allclose(got, ours[:n], atol=1e-9), "DF-QuAD strengths differ"
        peer = (pt, pmem)
    row(
        f"DF-QuAD, acyclic, {src.size:,} edges (incl. build)",
        (t, mem),
        peer,
        "strengths agree to 1e-9" if not isinstance(peer, str) else "",
    )


def bench_qe(repeat: int, run_peer: bool) -> None:
    n, edges = 5_000, 10_000
    base, src, dst, sign = random_dag(n, edges, seed=4)
    t, mem, _ = measure(lambda: evaluate(qbaf_from_edges(base, src, dst, sign), "qe"), repeat)
    peer: str | tuple[float, float] = "not installed" if not PEER else "not run"
    if PEER and run_peer:
        peer = _peer_subprocess("qe", n, edges)
    row(f"quadratic energy, acyclic, {src.size:,} edges", (t, mem), peer, "")


def _peer_graph(base: Any, src: Any, dst: Any, sign: Any) -> Any:
    names = [str(i) for i in range(base.size)]
    att = frozenset(
        (names[a], names[b])
        for a, b, s in zip(src.tolist(), dst.tolist(), sign.tolist(), strict=True)
        if s < 0
    )
    sup = frozenset(
        (names[a], names[b])
        for a, b, s in zip(src.tolist(), dst.tolist(), sign.tolist(), strict=True)
        if s > 0
    )
    weights = dict(zip(names, base.tolist(), strict=True))
    return WeightedBipolarGraph(frozenset(names), weights, att, sup)


def _peer_subprocess(kind: str, n: int, edges: int) -> str:
    code = (
        "import sys; sys.path.insert(0, 'benchmarks'); import bench_analysis as b, time;"
        f"base, s, d, g = b.random_dag({n}, {edges}, seed=4); gr = b._peer_graph(base, s, d, g);"
        "t = time.process_time(); b.quadratic_energy_strengths(gr) if "
        f"'{kind}' == 'qe' else b.dfquad_strengths(gr); print(time.process_time() - t)"
    )
    try:
        out = subprocess.run(
            [sys.executable, "-c", code],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return f"{float(out.stdout.strip()):.1f} s"
    except subprocess.TimeoutExpired:
        return "timed out at 60 s"


BEFORE = "c064ef9"  # the map analysis that listed every derived attack pair


def analysis_before() -> Any:
    """``argmap.analysis.bipolar`` as it was at ``BEFORE``, loaded from git, or None."""
    try:
        text = subprocess.run(
            ["git", "show", f"{BEFORE}:src/argmap/analysis/bipolar.py"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    path = REPO / "benchmarks" / ".cache" / f"bipolar_{BEFORE}.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    # a module of the package, so its relative imports find today's framework and semantics
    spec = importlib.util.spec_from_file_location("argmap.analysis._bipolar_before", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def shaped_map(n: int, chain: bool) -> ArgumentMap:
    """n claims; every third attacks, the others support, the claim before or the position.

    As a star: a position with n/3 attackers and 2n/3 supporters (the hostile input of
    ``bench_hostile.py``); as a chain: each claim replies to the one before.
    """
    claims = [{"id": f"c{i}", "text": f"Claim number {i} of this map."} for i in range(n)]
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


def bench_maps(repeat: int, n: int = 5_000) -> None:
    """A star and a chain analysed now and at ``BEFORE``: the default analysis (grounded,
    defeasible support), and preferred under necessary support, which still lists the
    framework in full (it must be no slower)."""
    before = analysis_before()
    cases = (("grounded", "defeasible"), ("preferred", "necessary"))
    for shape, chain in (("star", False), ("chain", True)):
        m = shaped_map(n, chain)
        for semantics, support in cases:

            def run(module: Any, m: ArgumentMap = m, sem: str = semantics, s: str = support) -> Any:
                return module.analyze(m, sem, s, backend="python")

            t, mem, ours = measure(lambda: run(bipolar), repeat)
            old: tuple[float, float] | str = f"argmap {BEFORE} not in git"
            if before is not None:
                bt, bmem, theirs = measure(lambda: run(before), max(1, min(repeat, 3)))
                assert theirs.claim_labels == ours.claim_labels, "labels differ"
                assert theirs.link_labels == ours.link_labels, "labels differ"
                old = (bt, bmem)
            c = ours.counts()
            row(
                f"analyze {shape} of {n:,} claims, {semantics}, {support} support",
                (t, mem),
                old,
                f"before = argmap {BEFORE}, median of {min(repeat, 3)}; "
                f"{c['accepted']:,} accepted, {c['rejected']:,} rejected; labels agree",
            )


def bench_iccma(timeout: float) -> None:
    if not CORPUS.is_dir():
        print("ICCMA corpus absent, skipped")
        return
    for path in sorted(CORPUS.glob("*")):
        if path.suffix not in (".af", ".apx", ".tgf"):
            continue
        for problem in ("SE-PR", "SE-ST"):
            cmd = [sys.executable, "-m", "argmap", "af", "-p", problem, "-f", str(path), "-v"]
            before = os.times()
            try:
                out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
                after = os.times()
                cpu = (after.children_user - before.children_user) + (
                    after.children_system - before.children_system
                )
                answer = out.stdout.split()[0] if out.stdout else out.stderr.strip()[:40]
                backend = out.stderr.strip().removeprefix("c backend: ")
                result = f"{cpu:.2f} s CPU ({answer}, {backend})"
            except subprocess.TimeoutExpired:
                result = f"timed out at {timeout:.0f} s"
            print(f"{problem} {path.name}: {result}", flush=True)
            rows.append((f"{problem} {path.name}", result, "-", "-", "whole CLI process"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="repeat 1 instead of 5")
    ap.add_argument("--peer-timeouts", action="store_true", help="run peer cases that time out")
    ap.add_argument("--no-iccma", action="store_true")
    ap.add_argument("--maps", action="store_true", help="only the star and chain map cases")
    args = ap.parse_args()
    repeat = 1 if args.quick else 5
    print(f"peer formal-argumentation installed: {PEER}; repeat {repeat}", flush=True)
    bench_maps(repeat)
    if args.maps:
        _table("argmap " + BEFORE)
        return
    bench_grounded_admbuster(repeat)
    bench_dfquad(repeat, 100_000, peer_ok=True)
    bench_qe(repeat, run_peer=args.peer_timeouts)
    bench_grounded_random(repeat)
    bench_dfquad(repeat, 1_000_000, peer_ok=False)
    bench_preferred_random(repeat)
    if not args.no_iccma:
        bench_iccma(60.0)
    _table("formal-argumentation 0.3.0")


def _table(peer: str) -> None:
    print(f"\n| case | argmap (CPU / peak) | {peer} | peer/argmap | note |")
    print("|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
