"""``argmap report FILE -o report.html``: one self-contained HTML page for the map."""

from __future__ import annotations

import argparse
from typing import Any

from ..errors import ArgmapError
from ..outputs import get_output, produce
from ._common import EXIT_OK, add_from_option, key_message, open_map, write_output
from .summary import add_view_options


def register(commands: Any) -> None:
    p: argparse.ArgumentParser = commands.add_parser(
        "report",
        help="write an offline HTML report: diagram, summary, outline, sources",
    )
    p.add_argument("file", metavar="FILE", help="an argmap JSON file, or any format argmap reads")
    add_from_option(p)
    p.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="the HTML file to write (- is stdout)"
    )
    add_view_options(p)
    p.add_argument("--no-diagram", action="store_true", help="leave the diagram out")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    m = open_map(args.file, args.from_format, allow_outside=args.allow_outside).map
    try:
        product = produce(
            m,
            get_output("html", kind="report"),
            depth=args.depth,
            themes=args.themes,
            quotes=not args.no_quotes,
            diagram=not args.no_diagram,
        )
    except KeyError as exc:  # an unknown --theme id
        raise ArgmapError(f"{args.file}: {key_message(exc)}") from None
    write_output(args.output, product.content)
    return EXIT_OK
