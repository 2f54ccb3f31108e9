"""The classroom: comparing big maps, grading a class from the CLI, grading at scale.

Three measurements on generated maps (the words come from the reference article, so the
wording scores do real work; a student's map is the reference reworded, shuffled, with ids
renamed, some claims and links left out or added, and some links wrong):

1. ``compare`` of two maps of 1,000 claims (target: median <= 1 s). Peer, same run, same
   texts: rapidfuzz's all-pairs ``token_sort_ratio`` matrix of the student's texts against
   the reference's (``process.cdist``) -- the bare fuzzy scoring any pairing starts from.
2. ``argmap grade`` of a class of 30 maps of 30 claims, wall time of the whole command
   (target: median <= 2 s). Peer, same run, same files: ``argmap validate`` of them.
3. Grading 10,000 submissions of 30 claims in one process: time per submission and peak
   RSS at 1,000 and at 10,000 (target: flat memory).

    .venv/bin/python benchmarks/bench_classroom.py [--runs K] [--skip-scale]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from argmap import ArgumentMap
from argmap.classroom import Reference
from argmap.model import Claim, Link

HERE = Path(__file__).resolve().parent
ARTICLE = HERE.parent / "data" / "sources" / "what-was-wrong-with-soviet-socialism.txt"
ARGMAP = [sys.executable, "-m", "argmap"]


def vocabulary() -> list[str]:
    words = {w.strip(".,;:!?“”'()").lower() for w in ARTICLE.read_text().split()}
    return sorted(w for w in words if len(w) > 3 and w.isalpha())


def reference_map(n: int, seed: int = 15) -> ArgumentMap:
    """A map of ``n`` claims of 8-14 article words each, as a tree under n/30 positions."""
    rng = random.Random(seed)
    words = vocabulary()
    roots = max(1, n // 30)
    claims = [
        Claim(
            id=f"r{i}",
            text=" ".join(rng.sample(words, rng.randint(8, 14))).capitalize() + ".",
            kind="position" if i < roots else "evidence",
        )
        for i in range(n)
    ]
    links = [
        Link(id=f"rl{i}", kind="support" if rng.random() < 0.75 else "attack",
             sources=[f"r{i}"], target=f"r{rng.randrange(min(i, roots * 3))}")
        for i in range(roots, n)
    ]  # fmt: skip
    return ArgumentMap(title="Generated reference", claims=claims, links=links)


def student_map(ref: ArgumentMap, seed: int) -> ArgumentMap:
    """The reference reworded by a student: 80% of claims kept (words dropped, shuffled),
    5% extra, ids renamed and order shuffled, 80% of links kept, 10% of those wrong."""
    rng = random.Random(seed)
    words = vocabulary()
    kept = [c for c in ref.claims if rng.random() < 0.8]
    new_id = {c.id: f"s{seed}-{i}" for i, c in enumerate(kept)}
    claims = []
    for c in kept:
        text = c.text.rstrip(".").split()
        text = [w for w in text if rng.random() < 0.85] or text[:2]
        rng.shuffle(text)
        claims.append(Claim(id=new_id[c.id], text=" ".join(text) + ".", kind=c.kind))
    for i in range(max(1, len(ref.claims) // 20)):
        claims.append(Claim(id=f"own{i}", text=" ".join(rng.sample(words, 8)) + "."))
    rng.shuffle(claims)
    links = []
    for link in ref.links:
        if link.sources[0] in new_id and link.target in new_id and rng.random() < 0.8:
            flipped = "attack" if link.kind == "support" else "support"
            kind = link.kind if rng.random() < 0.9 else flipped
            links.append(Link(id=f"k{len(links)}", kind=kind, sources=[new_id[link.sources[0]]],
                              target=new_id[link.target]))  # fmt: skip
    return ArgumentMap(title=f"Student {seed}", claims=claims, links=links)


def median_time(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def bench_compare(runs: int) -> None:
    from rapidfuzz import fuzz, process

    ref = reference_map(1000)
    student = student_map(ref, 1)
    ours, result = median_time(lambda: Reference(ref).compare(student), runs)
    texts_s, texts_r = [c.text for c in student.claims], [c.text for c in ref.claims]
    peer, _ = median_time(
        lambda: process.cdist(texts_s, texts_r, scorer=fuzz.token_sort_ratio), runs
    )
    assert hasattr(result, "claims_found")
    found = result.claims_found  # type: ignore[attr-defined]
    print(f"compare 1,000 x {len(student.claims)} claims: median {ours:.3f} s "
          f"(target <= 1 s); {found} claims paired")  # fmt: skip
    print(f"  peer rapidfuzz cdist token_sort_ratio: median {peer:.3f} s; ratio {ours / peer:.2f}")


def write_class(folder: Path, ref: ArgumentMap, n: int, start: int = 0) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        student_map(ref, i).dump(folder / f"student-{i:05d}.json")


def bench_cli(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ref = reference_map(30)
        ref.dump(folder / "reference.json")
        write_class(folder / "class", ref, 30)
        files = sorted(str(p) for p in (folder / "class").iterdir())
        grade_cmd = [*ARGMAP, "grade", "--reference", str(folder / "reference.json"),
                     str(folder / "class"), "-o", str(folder / "g.csv")]  # fmt: skip
        ours, _ = median_time(
            lambda: subprocess.run(grade_cmd, check=True, capture_output=True), runs
        )
        peer, _ = median_time(
            lambda: subprocess.run([*ARGMAP, "validate", *files], check=True, capture_output=True),
            runs,
        )
        rows = (folder / "g.csv").read_text().count("\n") - 1
    print(f"argmap grade, 30 maps of 30 claims ({rows} rows): median wall {ours:.3f} s "
          f"(target <= 2 s)")  # fmt: skip
    print(f"  peer argmap validate of the same 30 files: median wall {peer:.3f} s; "
          f"ratio {ours / peer:.2f}")  # fmt: skip


SCALE = """
import resource, sys, time
from argmap.classroom.grade import grade
t0 = time.perf_counter()
book = grade(sys.argv[1], [sys.argv[2]])
elapsed = time.perf_counter() - t0
print(len(book.rows), elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def bench_scale() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ref = reference_map(30)
        ref.dump(folder / "reference.json")
        for n in (1000, 10000):
            write_class(folder / f"class-{n}", ref, n)
            done = subprocess.run(
                [sys.executable, "-c", SCALE, str(folder / "reference.json"),
                 str(folder / f"class-{n}")],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            rows, elapsed, rss_kib = done.stdout.split()
            per = float(elapsed) / int(rows) * 1000
            print(f"grade {int(rows):,} submissions of 30 claims: {float(elapsed):.1f} s "
                  f"({per:.2f} ms each), peak RSS {int(rss_kib) / 1024:.0f} MiB")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-scale", action="store_true", help="leave out the 10,000 run")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    bench_compare(args.runs)
    bench_cli(args.runs)
    if not args.skip_scale:
        bench_scale()
    return 0


if __name__ == "__main__":
    sys.exit(main())
