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
from ..formats import formats
from ..io.json import dump, dumps
from ._common import (
    EXIT_INVALID,
    EXIT_OK,
    add_allow_outside_option,
    read_map,
    shown_name,
    write_output,
)


def register(commands: Any) -> None:
    names = [f.name for f in formats()]
    p: argparse.ArgumentParser = commands.add_parser(
        "convert",
        help="convert a map between formats (Argdown, AIF, Kialo, SADFace, GraphML, ...)",
        description="Convert IN to OUT. Formats: " + ", ".join(names) + ".",
    )
    p.add_argument(
        "input",
        metavar="IN",
        help="the map to read (- for stdin); its format is told by its content or name",
    )
    p.add_argument(
        "output",
        metavar="OUT",
        help="the file to write (- for stdout, with --to); its format is told by its name "
        "(map.argdown, map.aif.json, ...)",
    )
    p.add_argument("--from", dest="source_format", metavar="F", help="format of IN, if not told")
    p.add_argument("--to", dest="target_format", metavar="F", help="format of OUT, if not told")
    p.add_argument("--strict", action="store_true", help="fail if anything would be lost")
    p.add_argument("--quiet", "-q", action="store_true", help="do not print warnings")
    add_allow_outside_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        report, source_format = read_map(
            args.input,
            args.source_format,
            allow_outside=args.allow_outside,
            unknown_as_json=False,
        )
    except UnknownFormatError as exc:
        raise _with_hint(exc, "--from") from None
    shown = shown_name(args.input)
    # argmap JSON's warnings are located problems; other formats' say what did not carry over.
    warnings = [
        f"{shown}: {w if source_format == 'argmap' else w.message}" for w in report.warnings
    ]
    from ..formats import get_format, infer_format, writes_report

    try:
        if args.output == "-" and not args.target_format:
            raise UnknownFormatError("standard output (-) has no file name to tell the format by")
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
    if text is None and args.output != "-":
        dump(m, args.output)  # the serialiser's bytes, not copied through a str
    elif text is None:
        write_output(args.output, dumps(m))
    else:
        write_output(args.output, text)  # the text already made: serialising twice costs
    # On standard output the note would land inside the converted map: it goes to stderr.
    where = "<stdout>" if args.output == "-" else args.output
    print(
        f"{where}: {len(m.claims)} claims, {len(m.links)} links ({target.name})",
        file=sys.stderr if args.output == "-" else sys.stdout,
    )
    return EXIT_OK


def _with_hint(exc: UnknownFormatError, option: str) -> UnknownFormatError:
    # A format argmap could not guess: say how to name it on the command line.
    return UnknownFormatError(f"{exc}; name the format with {option} FORMAT")
