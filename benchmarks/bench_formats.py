"""Argdown import speed: argmap against the Argdown CLI on the same generated files.

Generates Argdown files of 1,000 / 20,000 / 100,000 / 1,000,000 statements (fixed seed; about
two relations per statement, a premise-conclusion structure every tenth statement) and
measures the CPU seconds of whole processes (interpreter and Node start-up included; CPU,
not wall time, because the machine is shared; wall times go to stderr):

* argmap: parse + JSON export (``argmap convert in.argdown out.json``), and parse + DOT
  export (``argmap render in.argdown -o out.dot``);
* the Argdown CLI ``@argdown/cli`` 1.7.5: ``argdown json`` and ``argdown map -f dot``.

Median of 3 runs (1,000,000 statements: once), after one untimed run that fills Python's
bytecode cache, as an installed package has (see ``_python_env``). The Argdown CLI is
installed with npm into ``benchmarks/.cache/argdown`` on first use; without npm or network
the comparison is skipped and argmap is timed alone. Peak memory is each child's maximum
resident set.

    .venv/bin/python benchmarks/bench_formats.py [--sizes 1000 20000 ...] [--runs 3]
        [--python /usr/bin/python3]

``--python`` runs argmap on another interpreter (a venv is made from it, see
``argmap_python``): the interpreter's build matters, Debian's ``python3.11`` (statically
linked, built with profile-guided optimisation) ran argmap with about 16% fewer instructions
than a default source build with a shared libpython (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

CACHE = Path(__file__).resolve().parent / ".cache" / "argdown"
ROOT = Path(__file__).resolve().parent.parent
ARGDOWN_VERSION = "1.7.5"


def generate(n: int, path: Path, seed: int = 7) -> None:
    """An Argdown debate of ``n`` statements, about two relations each."""
    rng = random.Random(seed)
    out = ["===", f"title: Generated debate of {n} statements", "===", ""]
    for i in range(n):
        out.append(f"[S{i}]: Statement {i} makes a claim about topic {i % 97}. #t{i % 20}")
        if i:
            for sign in ("+", "-")[: 1 + (i % 4 != 0)]:
                out.append(f"  {sign} [S{rng.randrange(i)}]")
        out.append("")
        if i % 10 == 9:  # a reconstructed argument over the last three statements
            out += [f"<A{i}>", "", f"(1) [S{i - 2}]", f"(2) [S{i - 1}]", "----", f"(3) [S{i}]", ""]
    path.write_text("\n".join(out), encoding="utf-8")


def _python_env() -> dict[str, str]:
    """The environment for argmap's processes: with a bytecode cache, as an install has.

    Without one (PYTHONDONTWRITEBYTECODE set, as in some sandboxes and CI images) every run
    compiles argmap's modules again, about 0.07 s a process that no installed copy pays.
    The cache goes to benchmarks/.cache/pycache, leaving the source tree clean.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(CACHE.parent / "pycache")
    return env


class Sample(NamedTuple):
    """One timed process."""

    cpu: float  # user + system seconds
    wall: float
    peak: float  # MB, the child's maximum resident set
    ok: bool


def _timed(cmd: list[str], cwd: Path) -> Sample:
    """CPU seconds (user + system) and wall seconds of the child, its peak RSS, success.

    CPU time is the main figure: the machine is shared, and CPU seconds are what a tool
    costs whoever else is running. Wall time is reported beside it, because Node runs its
    collector and compiler on other threads: its CPU time is above its wall time, so the
    two measures give different ratios.
    """
    env = _python_env() if cmd[1:3] == ["-m", "argmap"] else None
    with tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        child = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=out, env=env)
        # wait4 gives this child's own usage (with any children it waited for), where
        # RUSAGE_CHILDREN's peak is the largest of every child so far.
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - t0
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        said = out.read(2000).decode("utf-8", "replace").lower()
    cpu = usage.ru_utime + usage.ru_stime
    peak = usage.ru_maxrss / 1024
    ok = child.returncode == 0 and "error" not in said
    if cmd[1:3] == ["-m", "argmap"]:
        label = f"argmap {cmd[3]}"
    else:
        label = " ".join(a if len(a) < 60 else "<script>" for a in cmd[:3])
    print(
        f"  {label}: wall {wall:.2f} s, CPU {cpu:.2f} s{'' if ok else ' (failed)'}",
        file=sys.stderr,
        flush=True,
    )
    return Sample(cpu, wall, peak, ok)


def argdown_cli() -> str | None:
    """The Argdown CLI, installed into the cache folder with npm when missing."""
    exe = CACHE / "node_modules" / ".bin" / "argdown"
    if exe.exists():
        return str(exe)
    if shutil.which("npm") is None:
        print("npm not found: the Argdown CLI comparison is skipped", file=sys.stderr)
        return None
    CACHE.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [
            "npm",
            "install",
            "--no-audit",
            "--no-fund",
            "--prefix",
            str(CACHE),
            f"@argdown/cli@{ARGDOWN_VERSION}",
        ],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 or not exe.exists():
        print("npm could not install @argdown/cli: comparison skipped", file=sys.stderr)
        return None
    return str(exe)


def argmap_python(base: str) -> str:
    """An interpreter that runs this checkout's argmap: ``base`` if it does, else a venv
    made from ``base`` in benchmarks/.cache with this checkout installed (pip, editable)."""
    if _runs_argmap(base):
        return os.path.abspath(shutil.which(base) or base)  # not resolved: a venv's is a link
    resolved = Path(shutil.which(base) or base).resolve()
    tag = hashlib.sha256(str(resolved).encode()).hexdigest()[:8]
    venv = CACHE.parent / f"venv-{resolved.name}-{tag}"
    py = str(venv / "bin" / "python")
    if not _runs_argmap(py):
        print(f"making {venv} from {resolved} (pip install -e .)", file=sys.stderr)
        subprocess.run([base, "-m", "venv", "--clear", str(venv)], check=True)
        pip = [py, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
        subprocess.run([*pip, "-e", str(ROOT)], check=True)
    return py


def _runs_argmap(py: str) -> bool:
    if shutil.which(py) is None:
        return False
    done = subprocess.run(
        [py, "-c", "import argmap; print(argmap.__file__)"], capture_output=True, text=True
    )
    return done.returncode == 0 and Path(done.stdout.strip()).is_relative_to(ROOT / "src")


def _describe(py: str) -> str:
    code = "import sys; print(sys.version.split()[0], sys._base_executable)"
    return subprocess.run([py, "-c", code], capture_output=True, text=True).stdout.strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 20_000, 100_000, 1_000_000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument(
        "--peer-max",
        type=int,
        default=100_000,
        help="largest size given to the Argdown CLI (it overflows near 95,000)",
    )
    ap.add_argument(
        "--python",
        default=sys.executable,
        help="the Python that runs argmap (default: this one); a venv with this checkout "
        "is made from it in benchmarks/.cache when it has no argmap",
    )
    args = ap.parse_args()
    cli = argdown_cli()
    py = argmap_python(args.python)
    print(f"argmap runs on Python {_describe(py)}", file=sys.stderr)
    print(
        "| statements | file MB | argmap parse+JSON CPU s | argmap parse+DOT CPU s "
        "| argmap peak MB | Argdown json CPU s | Argdown dot CPU s | JSON speed-up "
        "| DOT speed-up | JSON speed-up, wall | DOT speed-up, wall |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # One untimed run fills the bytecode cache (and the OS file cache) for both commands.
        warm = folder / "warm.argdown"
        generate(10, warm)
        for cmd in (
            [py, "-m", "argmap", "convert", "-q", str(warm), str(folder / "warm.json")],
            [py, "-m", "argmap", "render", str(warm), "-o", str(folder / "warm.dot")],
        ):
            subprocess.run(cmd, cwd=folder, capture_output=True, env=_python_env(), check=True)
        for n in args.sizes:
            src = folder / f"gen{n}.argdown"
            generate(n, src)
            runs = 1 if n >= 1_000_000 else args.runs
            rows: dict[str, list[Sample]] = {k: [] for k in "jdJD"}
            for _ in range(runs):  # interleaved, so every tool sees the same machine load
                rows["j"].append(
                    _timed(
                        [py, "-m", "argmap", "convert", "-q", str(src), str(folder / "out.json")],
                        folder,
                    )
                )
                rows["d"].append(
                    _timed(
                        [py, "-m", "argmap", "render", str(src), "-o", str(folder / "out.dot")],
                        folder,
                    )
                )
                if cli and n <= args.peer_max:
                    rows["J"].append(_timed([cli, "json", str(src), str(folder / "adj")], folder))
                    rows["D"].append(
                        _timed([cli, "map", "-f", "dot", str(src), str(folder / "add")], folder)
                    )
            print(_row(n, src, rows, cli is not None and n <= args.peer_max), flush=True)


def _median(rows: list[Sample], wall: bool = False) -> float | None:
    if not rows or not all(r.ok for r in rows):
        return None
    return statistics.median(r.wall if wall else r.cpu for r in rows)


def _row(n: int, src: Path, rows: dict[str, list[Sample]], peer: bool) -> str:
    j, d, aj, ad = (_median(rows[k]) for k in "jdJD")
    wj, wd, waj, wad = (_median(rows[k], wall=True) for k in "jdJD")
    peaks = [r.peak for k in "jd" for r in rows[k]]
    peak = f"{max(peaks):.0f}" if peaks else "n/a"

    def cell(x: float | None, tried: bool) -> str:
        return f"{x:.2f}" if x is not None else ("failed" if tried else "not run")

    def ratio(ours: float | None, theirs: float | None) -> str:
        return f"{theirs / ours:.1f}x" if ours and theirs else "-"

    mb = src.stat().st_size / 1e6
    return (
        f"| {n:,} | {mb:.1f} | {cell(j, True)} | {cell(d, True)} | {peak} | "
        f"{cell(aj, peer)} | {cell(ad, peer)} | {ratio(j, aj)} | {ratio(d, ad)} | "
        f"{ratio(wj, waj)} | {ratio(wd, wad)} |"
    )


if __name__ == "__main__":
    main()
