"""Fuzz every reader argmap has: mutated real files, in parallel, with time and memory limits.

Seeds are the real files of the shared corpus (``<repo>/../shared/corpus``, or
``$ARGMAP_SHARED``): its AIF, SADFace, Argdown, Argdown JSON and Kialo files and its ICCMA
frameworks, plus the project's own fixtures (``tests/formats/fixtures``, the malformed maps
in ``tests/malformed``, the crashes kept so far) and what argmap itself writes of its
reference map in each format. Each input is a seed changed by a few mutations: bytes
flipped, inserted, removed or repeated; tokens of the format's own syntax inserted (comment
markers, ``-> See``, ``p af``, JSON keys, runs of 4,000 dashes...); lines repeated, swapped,
or spliced from another seed; JSON values replaced by others of any type, nested deep, or
huge numbers; invalid UTF-8, byte-order marks, CRLF. Big seeds are cut to a window (text)
or a sample of each long list (JSON) first, so that each input is small and many are read.

Each input goes to its format's reader, as ``argmap convert`` reads a file (bytes decoded,
then parsed). A map (valid by ``check()``), or an ``argmap.ArgmapError``, is an answer; a
map read is written back in the same format and read again (for Argdown, SADFace and argmap
JSON it must come back equal). Anything else is a crash: another exception, a
``MemoryError`` under the worker's address-space limit (``resource.setrlimit``), or an input
taking longer than ``--timeout`` seconds. Each crash input is written to ``--out`` with its
traceback beside it; ``tests/formats/test_hostile.py`` reads every file of
``tests/formats/fixtures/crashes`` (copy a crash there once it is fixed).

    .venv/bin/python benchmarks/fuzz_formats.py [-n 2] [--inputs 100000] [--seed 1]
        [--formats argdown kialo ...] [--timeout 5] [--memory-mb 2048] [--out DIR]

Inputs are made from (seed, format, number) alone, so a run is repeatable and any input can
be made again with ``--show FORMAT:NUMBER``.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing as mp
import os
import random
import resource
import signal
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fuzz_mutations import FRAMEWORK_FORMATS, make_input

ROOT = Path(__file__).resolve().parent.parent
MAP_FORMATS = ["argmap", "argdown", "argdown-json", "aif", "kialo", "sadface"]
LOSSLESS = {"argmap", "argdown", "sadface"}


def shared_corpus() -> Path:
    return Path(os.environ.get("ARGMAP_SHARED") or ROOT.parent / "shared") / "corpus"


def seeds() -> dict[str, list[bytes]]:
    """The seed files of each format, as bytes."""
    corpus = shared_corpus()
    fmt_dir = corpus / "formats"
    fixtures = ROOT / "tests" / "formats" / "fixtures"
    found: dict[str, list[Path]] = {f: [] for f in MAP_FORMATS + FRAMEWORK_FORMATS}
    found["aif"] += sorted(fmt_dir.glob("aif/**/*.json"))
    found["sadface"] += sorted(fmt_dir.glob("sadface/*.json"))
    found["argdown"] += sorted(fmt_dir.glob("argdown/*.argdown"))
    found["argdown-json"] += sorted(fmt_dir.glob("argdown/exports/*.json"))
    found["kialo"] += sorted(fmt_dir.glob("kialo/**/*.txt"))
    found["iccma23"] += sorted((corpus / "iccma").glob("*.af"))
    found["apx"] += sorted((corpus / "iccma").glob("*.apx"))
    found["tgf"] += sorted((corpus / "iccma").glob("*.tgf"))
    found["argdown"] += sorted(fixtures.glob("*.argdown"))
    found["kialo"] += sorted(fixtures.glob("kialo_*.txt"))
    found["aif"] += [fixtures / "aifdb_dialogue.json", fixtures / "ova3.json"]
    found["sadface"] += [fixtures / "sadface_v01_library.json"]
    found["argdown-json"] += [fixtures / "argdown_map_only.json"]
    found["argmap"] += sorted((ROOT / "tests" / "malformed").glob("*.json"))
    found["argmap"] += [ROOT / "data" / "claims.json"]
    for path in sorted((fixtures / "crashes").glob("*--*")):
        found.setdefault(path.name.split("--")[0], []).append(path)
    out = {fmt: [p.read_bytes() for p in paths if p.is_file()] for fmt, paths in found.items()}
    out["iccma23"].append(b"p af 3\n1 2\n2 3\n3 1\n")
    out["apx"].append(b"arg(a). arg(b). att(a,b).\n")
    out["tgf"].append(b"a\nb\n#\na b\n")
    for fmt, texts in _written().items():
        out[fmt] += [text.encode("utf-8") for text in texts]
    return out


def _written() -> dict[str, list[str]]:
    """What argmap itself writes, in each format it writes and reads: the reference map,
    and (as argmap JSON) each fixture map of another format."""
    import argmap
    from argmap.formats import read_report, writes_report

    m = argmap.examples.soviet_socialism()
    out = {fmt: [writes_report(m, fmt)[0]] for fmt in ("argdown", "aif", "kialo", "sadface")}
    out["argmap"] = [argmap.dumps(m)]
    for path in sorted((ROOT / "tests" / "formats" / "fixtures").glob("*.*")):
        out["argmap"].append(argmap.dumps(read_report(path).map))
    return out


# -- running ------------------------------------------------------------------------------------

_POOLS: dict[str, list[bytes]] = {}
_LIMITS: dict[str, Any] = {}


class Timeout(Exception):
    """An input took longer than --timeout seconds."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise Timeout


def init_worker(pools: dict[str, list[bytes]], timeout: float, memory_mb: int) -> None:
    """Each worker: its seeds, its address-space limit, an alarm for slow inputs."""
    _POOLS.update(pools)
    _LIMITS["timeout"] = timeout
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    signal.signal(signal.SIGALRM, _on_alarm)
    import argmap.formats  # noqa: F401  (imported once per worker, not timed per input)
    from argmap.formats import formats

    formats()  # every format module loaded


def run_batch(task: tuple[int, str, int, int, str]) -> tuple[str, Counter[str]]:
    """Read inputs ``start .. start + count`` of ``fmt``; crashes go to ``out``."""
    seed, fmt, start, count, out = task
    tally: Counter[str] = Counter()
    for number in range(start, start + count):
        data = make_input(random.Random(f"{seed}:{fmt}:{number}"), fmt, _POOLS[fmt])
        outcome, detail = _check(fmt, data)
        tally[outcome] += 1
        if outcome == "crash":
            _save(Path(out), fmt, number, data, detail)
    return fmt, tally


def _check(fmt: str, data: bytes) -> tuple[str, str]:
    """``("map" | "error" | "crash", detail)`` for one input."""
    from argmap.errors import ArgmapError

    signal.setitimer(signal.ITIMER_REAL, _LIMITS["timeout"])
    try:
        return _read_and_write(fmt, data), ""
    except ArgmapError:
        return "error", ""
    except Timeout:
        return "crash", f"took over {_LIMITS['timeout']} s"
    except BaseException:  # anything else is what this looks for
        return "crash", traceback.format_exc()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _read_and_write(fmt: str, data: bytes) -> str:
    from argmap.analysis.iccma import dumps_framework, loads_framework
    from argmap.errors import ArgmapError
    from argmap.formats import get_format, reads_report, writes_report

    text = _decoded(data)
    if fmt in FRAMEWORK_FORMATS:
        af = loads_framework(text, fmt)
        try:
            again = loads_framework(dumps_framework(af, fmt), fmt)
        except ArgmapError:
            return "map"  # (names a format cannot write are refused, typed)
        assert again.pairs() == af.pairs(), "framework round trip differs"
        return "map"
    report = reads_report(text, fmt)
    m = report.map
    m.check()
    if get_format(fmt).writer is not None:
        written, losses = writes_report(m, fmt)
        back = reads_report(written, fmt)
        if fmt in LOSSLESS:
            assert not losses and back.map == m, "lossless round trip differs"
    return "map"


def _decoded(data: bytes) -> str:
    """The text, as argmap.formats reads a file: UTF-8 (a leading BOM dropped), newlines
    made plain; undecodable bytes are the file reader's located error."""
    from argmap.errors import FormatError

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(f"not UTF-8 text (byte {exc.start})", line=1) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _save(out: Path, fmt: str, number: int, data: bytes, detail: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(data).hexdigest()[:12]
    name = f"{fmt}--fuzz-{number}-{digest}"
    (out / name).write_bytes(data)
    (out / f"{name}.traceback.txt").write_text(detail, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    pools = seeds()
    formats = args.formats or MAP_FORMATS + FRAMEWORK_FORMATS
    if args.show:
        fmt, number = args.show.split(":")
        sys.stdout.buffer.write(
            make_input(random.Random(f"{args.seed}:{fmt}:{number}"), fmt, pools[fmt])
        )
        return 0
    print(f"seeds: {', '.join(f'{f} {len(pools[f])}' for f in formats)}", file=sys.stderr)
    tasks = [
        (args.seed, fmt, start, min(args.batch, args.inputs - start), str(args.out))
        for start in range(0, args.inputs, args.batch)
        for fmt in formats
    ]
    totals: dict[str, Counter[str]] = {fmt: Counter() for fmt in formats}
    started = time.perf_counter()
    _run(tasks, pools, args, totals)
    elapsed = time.perf_counter() - started
    print(_table(totals, elapsed, args))
    return 1 if any(t["crash"] for t in totals.values()) else 0


def _run(
    tasks: list[tuple[int, str, int, int, str]],
    pools: dict[str, list[bytes]],
    args: argparse.Namespace,
    totals: dict[str, Counter[str]],
) -> None:
    """Run the batches on ``args.workers`` processes; a batch that does not come back in
    time (an input stuck where the alarm cannot reach it) is counted as a crash and run
    again one input per process to find it."""
    ctx = mp.get_context("fork")
    with ctx.Pool(args.workers, init_worker, (pools, args.timeout, args.memory_mb)) as pool:
        pending = [(task, pool.apply_async(run_batch, (task,))) for task in tasks]
        for done, (task, result) in enumerate(pending, start=1):
            deadline = task[3] * args.timeout + 60
            try:
                fmt, tally = result.get(timeout=deadline)
            except mp.TimeoutError:
                print(f"batch {task[1]}:{task[2]} stuck; hunting the input", file=sys.stderr)
                fmt, tally = task[1], _hunt(task, pools, args)
            totals[fmt].update(tally)
            if done % (len(tasks) // 20 or 1) == 0:
                print(f"{done}/{len(tasks)} batches", file=sys.stderr, flush=True)


def _hunt(
    task: tuple[int, str, int, int, str], pools: dict[str, list[bytes]], args: argparse.Namespace
) -> Counter[str]:
    seed, fmt, start, count, out = task
    tally: Counter[str] = Counter()
    ctx = mp.get_context("fork")
    for number in range(start, start + count):
        proc = ctx.Process(
            target=_one, args=(pools, args.timeout, args.memory_mb, (seed, fmt, number, 1, out))
        )
        proc.start()
        proc.join(args.timeout * 3 + 10)
        if proc.is_alive():
            proc.kill()
            data = make_input(random.Random(f"{seed}:{fmt}:{number}"), fmt, pools[fmt])
            _save(Path(out), fmt, number, data, "stuck: no answer, the alarm did not stop it")
            tally["crash"] += 1
        else:
            tally["rerun"] += 1
    return tally


def _one(
    pools: dict[str, list[bytes]],
    timeout: float,
    memory_mb: int,
    task: tuple[int, str, int, int, str],
) -> None:
    init_worker(pools, timeout, memory_mb)
    run_batch(task)


def _table(totals: dict[str, Counter[str]], elapsed: float, args: argparse.Namespace) -> str:
    lines = [
        f"{sum(sum(t.values()) for t in totals.values()):,} inputs in {elapsed:,.0f} s "
        f"({args.workers} workers, seed {args.seed}, timeout {args.timeout} s, "
        f"{args.memory_mb} MB each)",
        "| format | inputs | map | ArgmapError | crash |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for fmt, t in totals.items():
        lines.append(
            f"| {fmt} | {sum(t.values()):,} | {t['map']:,} | {t['error']:,} | {t['crash']:,} |"
        )
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("-n", "--workers", type=int, default=2)
    p.add_argument("--inputs", type=int, default=100_000, help="per format")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--formats", nargs="*", choices=MAP_FORMATS + FRAMEWORK_FORMATS)
    p.add_argument("--timeout", type=float, default=5.0, help="seconds per input")
    p.add_argument("--memory-mb", type=int, default=2048, help="address space per worker")
    p.add_argument("--batch", type=int, default=500, help="inputs per task")
    p.add_argument("--out", type=Path, default=ROOT / "benchmarks" / ".cache" / "fuzz-crashes")
    p.add_argument("--show", metavar="FORMAT:NUMBER", help="print one input and stop")
    return p


if __name__ == "__main__":
    sys.exit(main())
