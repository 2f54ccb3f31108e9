"""``argmap judge MAP RATINGS``: how a class rated the map, where it disagrees, what follows."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .._words import counted
from ..errors import ArgmapError
from ..io.files import atomic_write
from ..render.backend import FORMATS
from ._common import EXIT_INVALID, EXIT_OK, add_from_option, open_map

#: Skipped rows printed on stderr before "... and N more".
SHOWN = 10


def register(commands: Any) -> None:
    p: argparse.ArgumentParser = commands.add_parser(
        "judge",
        help="summarise a class's ratings of a map's claims and links",
        description=(
            "Read a class's ratings of the map (a CSV table rater,claim,rating or "
            "rater,link,rating, or a Kialo vote table user,position,vote) and report per claim "
            "and link: raters, mean, median, spread (standard deviation), disagreement "
            "(variance / largest possible on the scale), share convincing; where the class is "
            "most split; the positions' gradual strength from the class's ratings against the "
            "map's own confidences, and the rating each hinges on; each student's distance "
            "from the rest of the class. Rows that cannot count are reported with their line "
            "numbers and skipped; the run then exits 1 unless --skip-invalid is given."
        ),
    )
    p.add_argument(
        "map", metavar="MAP", help="the map the ratings are of (any format argmap reads)"
    )
    p.add_argument(
        "ratings",
        metavar="RATINGS",
        nargs="+",
        help="the ratings table (CSV); several are read as one (claims in one, links in another)",
    )
    add_from_option(p)
    p.add_argument(
        "--ratings-format",
        choices=("csv", "kialo"),
        help="the ratings table's layout (default: told by its header)",
    )
    p.add_argument(
        "--format", choices=("text", "json", "md", "csv"), default="text", help="default: text"
    )
    p.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of stdout")
    p.add_argument(
        "--min",
        type=_number,
        default=0.0,
        metavar="N",
        help="lowest rating on the scale (default 0)",
    )
    p.add_argument(
        "--max",
        type=_number,
        default=4.0,
        metavar="N",
        help="highest rating on the scale (default 4)",
    )
    p.add_argument(
        "--convincing",
        type=_number,
        metavar="N",
        help="ratings from N up count as convincing (default: the first whole "
        "number above the middle of the scale, 3 on 0-4)",
    )
    p.add_argument(
        "--duplicates",
        choices=("last", "first"),
        default="last",
        help="which of two ratings of one item by one rater counts (default last)",
    )
    p.add_argument(
        "--student",
        metavar="NAME",
        help="show this rater's ratings against the rest of the class instead",
    )
    p.add_argument(
        "--strength",
        choices=("dfquad", "qe", "euler", "none"),
        default="dfquad",
        help="gradual semantics for the positions' strength (default dfquad)",
    )
    p.add_argument(
        "--step",
        type=_number,
        default=1.0,
        metavar="N",
        help="sensitivity: move each mean rating by N points (default 1)",
    )
    p.add_argument(
        "--diagram",
        metavar="FILE",
        help="also draw the map shaded by the class (.svg .png .pdf .dot)",
    )
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help="exit 0 even when rows were skipped (they are still reported)",
    )
    p.set_defaults(func=run)


def _number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"not a finite number: {text!r}")
    return value


def run(args: argparse.Namespace) -> int:
    from ..judgements import Scale, judge
    from ..judgements.report import format_judgement, format_student

    # Everything the options can get wrong is checked before a large table is read.
    scale = Scale(args.min, args.max, float("nan") if args.convincing is None else args.convincing)
    if args.ratings_format == "kialo" and (args.min, args.max) != (0.0, 4.0):
        raise ArgmapError("Kialo votes are on Kialo's scale, 0 to 4: leave out --min and --max")
    if not args.step > 0:
        raise ArgmapError(f"--step must be a positive number of rating points, not {args.step:g}")
    if args.diagram and Path(args.diagram).suffix.lower() not in FORMATS:
        known = " ".join(sorted(FORMATS))
        raise ArgmapError(f"--diagram {args.diagram}: the ending names no diagram format ({known})")
    if Path(args.map).suffix.lower() in (".csv", ".tsv"):
        raise ArgmapError(
            f"{args.map} looks like a ratings table: the map comes first "
            "(argmap judge MAP RATINGS...)"
        )
    m = open_map(args.map, args.from_format).map
    j = judge(m, args.ratings, scale=scale, format=args.ratings_format, duplicates=args.duplicates)
    strength = None if args.strength == "none" else args.strength
    if args.student is not None:
        text = format_student(j, j.student(args.student), args.format)
    else:
        text = format_judgement(j, args.format, strengths=strength, step=args.step)
    if args.output:
        atomic_write(args.output, text)
    else:
        sys.stdout.write(text)
    if args.diagram:
        j.render(args.diagram)
    return _status(j, args)


def _status(j: Any, args: argparse.Namespace) -> int:
    r = j.ratings
    to_terminal = args.format == "text" and not args.output
    if r.invalid and not to_terminal:
        for p in r.invalid[:SHOWN]:
            print(f"{p.where()}: {p.message}", file=sys.stderr)
        if len(r.invalid) > SHOWN:
            print(f"... and {len(r.invalid) - SHOWN} more", file=sys.stderr)
    if not r.valid_rows:
        print(
            f"argmap: no rating in {' and '.join(args.ratings)} counts "
            f"({counted(len(r.invalid), 'row{|s}')} skipped)",
            file=sys.stderr,
        )
        return EXIT_INVALID
    if r.invalid and not args.skip_invalid:
        print(
            f"argmap: {counted(len(r.invalid), 'row{|s}')} of {' and '.join(args.ratings)} "
            f"skipped; the report counts the other {r.valid_rows} (pass --skip-invalid to "
            "exit 0)",
            file=sys.stderr,
        )
        return EXIT_INVALID
    return EXIT_OK
