"""``argmap convert IN OUT``: translate a map between formats (Argdown, AIF, Kialo, ...).

Formats come from the file names (``.argdown``, ``.graphml``, ...) or from the content, or
are given with ``--from``/``--to``. A conversion that would lose something (what IN holds
that argmap cannot, or what OUT's format cannot hold) writes nothing and exits 1, listing
each loss, unless ``--allow-loss`` is given; then the losses are printed as warnings and OUT
is written. Notes (how something was carried over, nothing lost) are printed and never
fail, except with ``--strict``, which fails on any loss or note.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .._words import counted
from ..errors import UnknownFormatError
from ..formats import formats
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
        description="Convert IN to OUT. Formats: " + ", ".join(names) + ". "
        "If the conversion would lose anything, nothing is written and the exit status is 1 "
        "(the losses are listed) unless --allow-loss is given.",
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
    mode = p.add_mutually_exclusive_group()
    mode.add_argument(
        "--allow-loss",
        action="store_true",
        help="write OUT even if IN or OUT's format cannot hold everything (listed as warnings)",
    )
    mode.add_argument(
        "--strict",
        action="store_true",
        help="fail on notes too, not only on losses (nothing written)",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="do not print warnings or notes")
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
    if source_format == "argmap":
        # argmap JSON's warnings (a claim nothing connects, ...) are about the map: notes.
        losses: list[str] = []
        notes = [f"{shown}: {w}" for w in report.warnings]
    else:  # other formats' warnings say what did not carry over
        losses = [f"{shown}: {w.message}" for w in report.warnings]
        notes = [f"{shown}: {n}" for n in report.notes]
    from ..formats import get_format, infer_format

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
    from ..outputs import get_output, produce

    # The format's own bytes (for argmap JSON the serialiser's, not copied through a str).
    product = produce(m, get_output(target.name, kind="format"))
    losses += [f"{args.output}: {w}" for w in product.losses]
    if _refused(args, losses, notes):
        return EXIT_INVALID
    if not args.quiet:
        for line in losses:
            print(f"warning: {line}", file=sys.stderr)
        for line in notes:
            print(f"note: {line}", file=sys.stderr)
    write_output(args.output, product.content)
    # On standard output the note would land inside the converted map: it goes to stderr.
    where = "<stdout>" if args.output == "-" else args.output
    print(
        f"{where}: {len(m.claims)} claims, {len(m.links)} links ({target.name})",
        file=sys.stderr if args.output == "-" else sys.stdout,
    )
    return EXIT_OK


def _refused(args: argparse.Namespace, losses: list[str], notes: list[str]) -> bool:
    """Print why the conversion is refused, if it is: losses not allowed, or with
    ``--strict`` any loss or note."""
    if args.strict and (losses or notes):
        for line in [*losses, *notes]:
            print(f"warning: {line}", file=sys.stderr)
        total = len(losses) + len(notes)
        print(
            f"argmap: error: {counted(total, 'warning{|s}')} with --strict; nothing written",
            file=sys.stderr,
        )
        return True
    if not losses or args.allow_loss:
        return False
    for line in losses:
        print(f"error: would lose: {line}", file=sys.stderr)
    for line in notes:
        print(f"note: {line}", file=sys.stderr)
    print(
        f"argmap: error: {counted(len(losses), 'loss{|es}')} (listed above); nothing written; "
        "pass --allow-loss to convert anyway",
        file=sys.stderr,
    )
    return True


def _with_hint(exc: UnknownFormatError, option: str) -> UnknownFormatError:
    # A format argmap could not guess: say how to name it on the command line.
    return UnknownFormatError(f"{exc}; name the format with {option} FORMAT")
