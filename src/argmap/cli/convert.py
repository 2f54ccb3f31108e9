"""``argmap convert IN OUT``: translate a map between formats (Argdown, AIF, Kialo, ...).

Formats come from the file names (``.argdown``, ``.graphml``, ...) or from the content, or
are given with ``--from``/``--to``. Everything the target (or the source) format cannot
hold is printed as a warning on standard error; ``--strict`` makes warnings an error.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .._words import counted
from ..errors import UnknownFormatError
from ..formats import formats, read_report
from ..io.files import atomic_write
from ..io.json import dump
from ._common import EXIT_INVALID, EXIT_OK


def register(commands: Any) -> None:
    names = [f.name for f in formats()]
    p: argparse.ArgumentParser = commands.add_parser(
        "convert",
        help="convert a map between formats (Argdown, AIF, Kialo, SADFace, GraphML, ...)",
        description="Convert IN to OUT. Formats: " + ", ".join(names) + ".",
    )
    p.add_argument(
        "input", metavar="IN", help="the map to read; its format is told by its content or name"
    )
    p.add_argument(
        "output",
        metavar="OUT",
        help="the file to write; its format is told by its name (map.argdown, map.aif.json, ...)",
    )
    p.add_argument("--from", dest="source_format", metavar="F", help="format of IN, if not told")
    p.add_argument("--to", dest="target_format", metavar="F", help="format of OUT, if not told")
    p.add_argument("--strict", action="store_true", help="fail if anything would be lost")
    p.add_argument("--quiet", "-q", action="store_true", help="do not print warnings")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        report = read_report(args.input, args.source_format)
    except UnknownFormatError as exc:
        raise _with_hint(exc, "--from") from None
    warnings = [f"{args.input}: {w}" for w in report.warnings]
    from ..formats import get_format, infer_format, writes_report

    try:
        target = (
            get_format(args.target_format)
            if args.target_format
            else infer_format(args.output, for_writing=True)
        )
    except UnknownFormatError as exc:
        raise _with_hint(exc, "--to") from None
    m = report.map
    text: str | None = None
    out_warnings: list[str] = []
    if target.name != "argmap":  # the native format is written as the serialiser's bytes
        text, out_warnings = writes_report(m, target.name)
    warnings += [f"{args.output}: {w}" for w in out_warnings]
    if not args.quiet:
        for line in warnings:
            print(f"warning: {line}", file=sys.stderr)
    if args.strict and warnings:
        print(
            f"argmap: error: {counted(len(warnings), 'warning{|s}')} with --strict; "
            "nothing written",
            file=sys.stderr,
        )
        return EXIT_INVALID
    if text is None:
        dump(m, args.output)
    else:
        atomic_write(args.output, text)  # the text already made: serialising twice costs
    print(f"{args.output}: {len(m.claims)} claims, {len(m.links)} links ({target.name})")
    return EXIT_OK


def _with_hint(exc: UnknownFormatError, option: str) -> UnknownFormatError:
    # A format argmap could not guess: say how to name it on the command line.
    return UnknownFormatError(f"{exc}; name the format with {option} FORMAT")
