"""``argmap summary FILE``: the map as a Markdown report, outline, plain text, brief or prose."""

from __future__ import annotations

import argparse
import shutil
from typing import Any

from ..errors import ArgmapError
from ..outputs import get_output, produce
from ..summary import FORMATS
from ._common import EXIT_OK, add_from_option, key_message, open_map, whole_number, write_output


def register(commands: Any) -> None:
    p: argparse.ArgumentParser = commands.add_parser(
        "summary",
        help="summarise a map as Markdown, plain text, an outline, a brief or a long description",
        description=(
            "Summarise a map. Formats: md (Markdown report), txt (wrapped plain text), "
            "outline (numbered pros and cons), brief (one paragraph per position), "
            "long (the diagram in prose, for screen readers)."
        ),
    )
    p.add_argument("file", metavar="FILE", help="an argmap JSON file, or any format argmap reads")
    add_from_option(p)
    p.add_argument("--format", choices=FORMATS, default="md", help="default: md")
    p.add_argument("--root", metavar="ID", help="start from this claim instead of the positions")
    add_view_options(p)
    p.add_argument(
        "--width", type=whole_number(1), metavar="N", help="line width for txt (default: terminal)"
    )
    p.add_argument(
        "-o", "--output", metavar="OUT", help="write to OUT instead of stdout (- is stdout)"
    )
    p.set_defaults(func=run)


def add_view_options(p: argparse.ArgumentParser) -> None:
    """``--depth``, ``--theme`` and ``--no-quotes``: what part of the map a text shows."""
    p.add_argument("--depth", type=whole_number(1), metavar="N", help="levels of replies to show")
    p.add_argument(
        "--theme",
        action="append",
        dest="themes",
        metavar="ID",
        help="keep only claims in this theme (repeat for several)",
    )
    p.add_argument("--no-quotes", action="store_true", help="leave quotes out")


def run(args: argparse.Namespace) -> int:
    m = open_map(args.file, args.from_format, allow_outside=args.allow_outside).map
    # Files get a fixed width so they are the same on every machine; terminals get theirs.
    width = args.width or (
        80 if args.output not in (None, "-") else shutil.get_terminal_size((80, 24)).columns
    )
    try:
        product = produce(
            m,
            get_output(args.format, kind="summary"),
            root=args.root,
            depth=args.depth,
            themes=args.themes,
            quotes=not args.no_quotes,
            width=width,
        )
    except KeyError as exc:  # an unknown --root or --theme id
        raise ArgmapError(f"{args.file}: {key_message(exc)}") from None
    write_output(args.output or "-", product.content)
    return EXIT_OK
