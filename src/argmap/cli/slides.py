"""``argmap slides FILE -o deck.pdf|deck.html``: a 16:9 slide deck of a map, with notes."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ._common import EXIT_OK, add_from_option, open_map


def register(commands: Any) -> None:
    p: argparse.ArgumentParser = commands.add_parser(
        "slides",
        help="a 16:9 slide deck: overview, then each position with its reasons and objections",
        description=(
            "Make slides of FILE: an overview of its positions, then one slide per position "
            "with its reasons and objections, every word 12 pt or more, speaker notes from "
            "the claims' texts and quotes. OUT ending .pdf gives PDF (notes as PDF "
            "annotations, or --notes pages for a notes page after each slide); .html gives "
            "one offline page (no script; 'Notes' shows the notes)."
        ),
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", metavar="OUT", required=True, help="deck.pdf or deck.html")
    p.add_argument(
        "--notes",
        choices=["annotations", "pages", "none"],
        default="annotations",
        help="PDF speaker notes: annotations on each slide (default), a notes page after "
        "each slide, or none",
    )
    p.add_argument("--bw", action="store_true", help="black-and-white diagrams")
    add_from_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..slides import write_slides

    report = open_map(args.file, args.from_format)
    deck = write_slides(report.map, args.output, notes=args.notes, bw=args.bw)
    print(f"argmap: note: {args.output}: {len(deck.slides)} slides", file=sys.stderr)
    return EXIT_OK
