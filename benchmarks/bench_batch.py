"""``argmap batch`` benchmark: maps per second on 1 and 2 workers, and the client's memory.

Run: ``.venv/bin/python benchmarks/bench_batch.py`` (100,000 maps; ``--maps 10000`` for a
quick check). Needs ``pip install 'argmap[batch]'``.

The corpus is generated once, from a fixed seed, into ``benchmarks/.cache/batch/``: small
maps of 3 to 60 claims (uniformly), 90% argmap JSON and 10% Argdown, in folders of 1,000,
with one file in 200 truncated (an ``invalid`` row). Each case runs in a fresh Python
process, as ``argmap batch DIR -o table.parquet`` would, and reports:

* wall-clock seconds from the call to the table written (worker start-up included), and
  maps per second;
* the client's peak resident memory (``ru_maxrss``) and its growth during the run (peak
  minus the resident size just before it): the workers' memory is not the client's.

Cases: a plain loop in one process without Dask (the reference for Dask's cost), Dask's
process scheduler with 1 and with 2 workers on the whole corpus, and 2 workers on the first
tenth of it (the client's memory should not grow with the corpus). Timings mean nothing on
a loaded machine: the load average is printed first, and a warning when it is over 1.5.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CACHE = REPO / "benchmarks" / ".cache" / "batch"
PER_FOLDER = 1000
SEED = 20261202


# -- the corpus ---------------------------------------------------------------------------


def corpus(n: int) -> Path:
    """The folder of ``n`` generated maps, made once."""
    root = CACHE / f"maps-{n}-seed{SEED}"
    done = root / ".complete"
    if done.exists():
        return root
    started = time.perf_counter()
    rng = random.Random(SEED)
    for i in range(n):
        folder = root / f"f{i // PER_FOLDER:04}"
        if i % PER_FOLDER == 0:
            folder.mkdir(parents=True, exist_ok=True)
        name, text = one_map(rng, i)
        (folder / name).write_text(text, encoding="utf-8")
    done.write_text(f"{n} maps, seed {SEED}\n")
    print(f"generated {n} maps in {time.perf_counter() - started:.1f} s into {root}")
    return root


def one_map(rng: random.Random, i: int) -> tuple[str, str]:
    n = rng.randint(3, 60)
    parents = [rng.randrange(k) for k in range(1, n)]
    kinds = ["support" if rng.random() < 0.65 else "attack" for _ in parents]
    if rng.random() < 0.1:
        return f"m{i:06}.argdown", _argdown(i, parents, kinds)
    text = json.dumps(_argmap_json(i, rng, parents, kinds), separators=(",", ":"))
    if i % 200 == 199:
        text = text[: len(text) // 2]  # a truncated upload
    return f"m{i:06}.json", text


def _argmap_json(
    i: int, rng: random.Random, parents: list[int], kinds: list[str]
) -> dict[str, object]:
    claims = [{"id": "c0", "text": f"Position of map {i}.", "kind": "position"}]
    claims += [
        {"id": f"c{k}", "text": f"Claim {k} of map {i} gives a reason."}
        for k in range(1, len(parents) + 1)
    ]
    links = [
        {"id": f"l{k}", "kind": kind, "sources": [f"c{k}"], "target": f"c{parent}"}
        for k, (parent, kind) in enumerate(zip(parents, kinds, strict=True), start=1)
    ]
    last = links[-1]
    if len(claims) > 3 and last["target"] not in ("c1", "c2") and rng.random() < 0.2:
        last["sources"] = [f"c{len(parents)}", "c2"]  # a linked co-premise argument
    return {"format": "argmap/1", "title": f"Map {i}", "claims": claims, "links": links}


def _argdown(i: int, parents: list[int], kinds: list[str]) -> str:
    children: dict[int, list[int]] = {}
    for k, parent in enumerate(parents, start=1):
        children.setdefault(parent, []).append(k)
    lines = [f"[C0 of {i}]: Position of map {i}."]
    stack = [(k, 1) for k in reversed(children.get(0, []))]
    while stack:
        k, depth = stack.pop()
        sign = "+" if kinds[k - 1] == "support" else "-"
        lines.append(f"{'  ' * depth}{sign} [C{k} of {i}]: Claim {k} of map {i}.")
        stack += [(c, depth + 1) for c in reversed(children.get(k, []))]
    return "\n".join(lines) + "\n"


# -- one case, in its own process -----------------------------------------------------------


def child(paths: list[str], workers: int, loop: bool) -> dict[str, float]:
    """Run one case here and return its measurements."""
    from argmap.corpus import COLUMNS, run_batch
    from argmap.corpus.discover import discover
    from argmap.corpus.engine import Tally, chunks
    from argmap.corpus.output import open_sink
    from argmap.corpus.rows import read_chunk

    out = Path(tempfile.mkdtemp()) / "table.parquet"
    before = _rss_mib()
    started = time.perf_counter()
    if loop:
        sink, tally = open_sink(out, COLUMNS), Tally()
        for chunk in chunks(discover(paths), 500):
            rows = read_chunk(chunk)
            sink.write(rows)
            tally.add(rows)
        sink.close()
    else:
        tally = run_batch(paths, out, workers=workers, progress=False)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "seconds": seconds,
        "maps": tally.maps,
        "invalid": tally.invalid,
        "peak_mib": peak,
        "growth_mib": peak - before,
    }


def _rss_mib() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1 << 20)


def case(paths: list[Path], workers: int, loop: bool = False) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", "--workers", str(workers)]
    command += ["--loop"] * loop + ["--paths", *map(str, paths)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return result


# -- the table --------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--maps", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=1, help="runs of each case (median)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--loop", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=2, help=argparse.SUPPRESS)
    parser.add_argument("--paths", nargs="*", default=[], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.paths, args.workers, args.loop)))
        return
    root = corpus(args.maps)
    folders = sorted(p for p in root.iterdir() if p.is_dir())
    tenth = folders[: max(1, len(folders) // 10)]
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    if load[0] > 1.5:
        print("warning: the machine is busy; these timings are not meaningful")
    cases = [
        ("plain loop, no Dask, 1 process", tenth, 1, True),
        ("Dask processes, 1 worker", [root], 1, False),
        ("Dask processes, 2 workers", [root], 2, False),
        ("Dask processes, 2 workers, a tenth", tenth, 2, False),
    ]
    print(f"{'case':38} {'maps':>7} {'seconds':>8} {'maps/s':>8} {'peak MiB':>9} {'growth':>7}")
    rates: dict[str, float] = {}
    for label, paths, workers, loop in cases:
        runs = [case(paths, workers, loop) for _ in range(args.runs)]
        seconds = statistics.median(r["seconds"] for r in runs)
        peak = statistics.median(r["peak_mib"] for r in runs)
        growth = statistics.median(r["growth_mib"] for r in runs)
        maps = int(runs[0]["maps"])
        rates[label] = maps / seconds
        print(
            f"{label:38} {maps:7} {seconds:8.1f} {maps / seconds:8.0f} {peak:9.0f} {growth:7.0f}"
        )
    one, two = rates["Dask processes, 1 worker"], rates["Dask processes, 2 workers"]
    print(f"2 workers / 1 worker: {two / one:.2f}x (goal >= 1.7x)")
    print(f"1 worker / plain loop: {one / rates['plain loop, no Dask, 1 process']:.2f}x")
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
