"""``argmap worksheet REF --kind blank|scrambled|fill-in [-o FILE]``: a worksheet, its answer
key and a starter file, from a reference map."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ._common import EXIT_OK, add_from_option, open_map


def register(commands: Any) -> None:
    p: argparse.ArgumentParser = commands.add_parser(
        "worksheet",
        help="a printable worksheet, its answer key and a starter file from a reference map",
        description=(
            "Make a worksheet from the reference map REF: blank (the positions only, room to "
            "add reasons and objections), scrambled (every claim on a lettered card to cut "
            "out and connect) or fill-in (the diagram with some boxes empty and a word "
            "bank). FILE ending .pdf or .html gives the sheet; NAME-key.pdf (or .html) the "
            "answer key beside it; NAME-starter.json the map the student completes (which "
            "argmap validate accepts). The same REF, kind and --seed give the same sheet."
        ),
    )
    p.add_argument("file", metavar="REF")
    p.add_argument("--kind", required=True, choices=["blank", "scrambled", "fill-in"])
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the worksheet, .pdf or .html (default: REF's name and the kind, as .pdf)",
    )
    p.add_argument("--seed", type=int, default=0, metavar="N", help="shuffle and blanks (0)")
    p.add_argument("--blanks", type=int, metavar="N", help="fill-in: boxes to empty (a third)")
    p.add_argument("--paper", choices=["a4", "letter"], default="a4", type=str.lower)
    p.add_argument(
        "--starter",
        metavar="FILE",
        help="the starter file: .json (argmap) or .argdown (default NAME-starter.json)",
    )
    add_from_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..classroom.worksheet_files import write_worksheet

    report = open_map(args.file, args.from_format)
    out = Path(args.output) if args.output else Path(f"{Path(args.file).stem}-{args.kind}.pdf")
    written = write_worksheet(
        report.map,
        out,
        args.kind,
        seed=args.seed,
        blanks=args.blanks,
        paper=args.paper,
        starter=args.starter,
    )
    sheet, key, starter = written
    print(
        f"argmap: note: wrote {sheet} (worksheet), {key} (answer key), {starter} (starter)",
        file=sys.stderr,
    )
    return EXIT_OK
