"""``argmap batch PATHS... -o TABLE``: a whole corpus of maps into one CSV or Parquet table.

The work runs on Dask (``pip install 'argmap[batch]'``): on this machine's cores by default,
or on a ``dask.distributed`` cluster with ``--scheduler tcp://HOST:PORT``
(``pip install 'argmap[distributed]'``). Nothing but the table is imported until the
command runs, so ``argmap --help`` stays quick without the extra.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from typing import Any

from .._words import did_you_mean
from ..errors import ArgmapError
from ._common import EXIT_INVALID, EXIT_OK, EXIT_USAGE

_LOCAL = ("processes", "threads", "sync")
#: A scheduler's address: ``tcp://HOST:PORT``, or ``HOST:PORT`` (TCP).
_ADDRESS = re.compile(r"^(\w+://.+|[\w.\-\[\]:]+:\d+)$")


def register(commands: Any) -> None:
    p: argparse.ArgumentParser = commands.add_parser(
        "batch",
        help="read a whole corpus of maps (folders, globs, zip files) into a CSV or Parquet table",
        description="Read every map under PATHS (map files in any format argmap reads, "
        "folders, glob patterns, zip archives) and write one row per map to a table: file, "
        "format, status (ok or invalid), message, counts of claims, links and positions, "
        "how many claims the analysis accepts, rejects and leaves undecided, and open lint "
        "errors and warnings. A map that cannot be read is an invalid row saying why; the "
        "run goes on. Needs pip install 'argmap[batch]' ('argmap[distributed]' for "
        "--scheduler ADDRESS).",
        epilog="Exit 0 when the table is written, even with invalid rows (unless --strict).",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="map file, folder, glob or .zip")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="TABLE",
        help="the table to write: a .csv or .parquet file, or - for CSV on standard output",
    )
    p.add_argument(
        "--scheduler",
        default="processes",
        metavar="NAME|ADDRESS",
        help="processes (default: worker processes on this machine), threads, sync (one "
        "process, for debugging), or a Dask scheduler's address such as tcp://HOST:8786",
    )
    p.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="local worker processes (default: "
        "one per core); a cluster has the workers it was started with",
    )
    p.add_argument(
        "--chunk-size", type=int, metavar="N", help="maps per task (default: growing from 1 to 500)"
    )
    p.add_argument(
        "--retries",
        type=int,
        default=2,
        metavar="N",
        help="times a chunk whose worker died is run again (default 2)",
    )
    p.add_argument(
        "--max-bytes",
        type=int,
        metavar="N",
        help="larger map files (or zip members, unpacked) are invalid rows (default 64 MiB)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        metavar="S",
        help="seconds one map may take before it is an invalid row (default 60)",
    )
    bar = p.add_mutually_exclusive_group()
    bar.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="show a progress bar (default: on a terminal)",
    )
    bar.add_argument(
        "--no-progress", dest="progress", action="store_false", help="never show a progress bar"
    )
    p.add_argument(
        "--reference",
        metavar="REF",
        help="compare each map with this reference map (as argmap compare does), adding the "
        "columns score (0-100), claims_found, claims_missing, claims_extra, link_errors",
    )
    p.add_argument("--strict", action="store_true", help="exit 1 if any map is invalid")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    usage = _usage_problem(args)
    if usage:
        print(f"argmap batch: error: {usage}", file=sys.stderr)
        return EXIT_USAGE
    from ..corpus import Limits, run_batch

    limits = Limits()
    if args.max_bytes is not None:
        limits = replace(limits, max_bytes=args.max_bytes)
    if args.timeout is not None:
        limits = replace(limits, timeout=args.timeout)
    tally = run_batch(
        args.paths,
        args.output,
        scheduler=args.scheduler,
        workers=args.workers,
        chunk_size=args.chunk_size,
        retries=args.retries,
        progress=args.progress,
        limits=limits,
        reference=args.reference,
    )
    where = "standard output" if args.output == "-" else args.output
    print(f"{tally}; written to {where}", file=sys.stderr)
    if not tally.maps:
        print(
            "argmap batch: note: no map found (files ending in .json, .argdown, .ad, "
            ".kialo, .zip, or .txt starting like a Kialo export)",
            file=sys.stderr,
        )
    for row in tally.first_invalid:
        print(f"{row.file}: invalid: {row.message}", file=sys.stderr)
    if tally.invalid > len(tally.first_invalid):
        rest = tally.invalid - len(tally.first_invalid)
        print(f"... and {rest} more invalid (the table's message column says why)", file=sys.stderr)
    return EXIT_INVALID if args.strict and tally.invalid else EXIT_OK


def _usage_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the options themselves (exit 2), before anything is read."""
    from ..corpus.output import output_kind

    try:
        output_kind(args.output)
    except ArgmapError as exc:
        return str(exc)
    for name in ("workers", "chunk_size", "max_bytes"):
        value = getattr(args, name)
        if value is not None and value < 1:
            return f"--{name.replace('_', '-')} must be at least 1, not {value}"
    if args.retries < 0:
        return f"--retries must be 0 or more, not {args.retries}"
    if args.timeout is not None and args.timeout <= 0:
        return f"--timeout must be more than 0 seconds, not {args.timeout:g}"
    if args.scheduler not in _LOCAL and not _ADDRESS.match(args.scheduler):
        close = did_you_mean(args.scheduler, _LOCAL)
        hint = f" (did you mean {close!r}?)" if close else ""
        return (
            f"--scheduler {args.scheduler!r} is neither {', '.join(_LOCAL)} nor a Dask "
            f"scheduler's address such as tcp://HOST:8786{hint}"
        )
    if args.workers is not None and args.scheduler not in _LOCAL:
        return "--workers is for a local run; a cluster has the workers it was started with"
    return None
