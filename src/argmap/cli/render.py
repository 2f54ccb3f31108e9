"""``argmap render FILE -o OUT``: draw a map as DOT, SVG, PNG, PDF or Mermaid.

The output format comes from OUT's extension (``.dot .gv .svg .png .pdf .mmd``), or is Mermaid
with ``--mermaid``; ``-o -`` prints DOT (or Mermaid) to standard output.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ArgmapError, RenderError
from ._common import EXIT_OK, EXIT_USAGE, add_from_option, open_map, write_output

if TYPE_CHECKING:
    from ..outputs import Output


def register(commands: Any) -> None:
    p: argparse.ArgumentParser = commands.add_parser(
        "render",
        help="draw a map as a diagram (DOT, SVG, PNG, PDF or Mermaid)",
        description=(
            "Draw FILE as a diagram. The format follows OUT's extension: .svg (accessible, "
            "best for large maps), .png, .pdf, .dot/.gv (Graphviz text), .mmd (Mermaid)."
        ),
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", metavar="OUT", required=True, help="output file, or -")
    p.add_argument("--focus", metavar="ID", help="draw only the claims near this claim")
    p.add_argument("--depth", type=int, default=1, metavar="N", help="steps from --focus (1)")
    p.add_argument(
        "--theme",
        action="append",
        metavar="T",
        dest="themes",
        help="draw only claims with this theme id (repeatable)",
    )
    p.add_argument("--labels", choices=["both", "title", "text"], default="both")
    p.add_argument("--width", type=int, default=32, metavar="CHARS", help="wrap width (32)")
    p.add_argument("--group", choices=["auto", "clusters", "bands", "none"], default="auto")
    p.add_argument(
        "--direction",
        choices=["auto", "BT", "TB", "LR", "RL", "up", "down", "left", "right"],
        default="auto",
        help="arrow direction (BT: evidence below, positions on top; auto, the default: BT, "
        "or RL where a big map comes out nearer square that way)",
    )
    p.add_argument("--bw", action="store_true", help="black-and-white print mode")
    p.add_argument("--no-legend", dest="legend", action="store_false", help="leave out the legend")
    p.add_argument("--no-title", dest="title", action="store_false", help="leave out the title")
    p.add_argument("--href-prefix", metavar="PREFIX", help="link claims to PREFIX + id")
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="ATTR=VALUE",
        help="Graphviz graph attribute overriding the size-based layout (e.g. nslimit=4)",
    )
    p.add_argument(
        "--mermaid", action="store_true", help="write Mermaid whatever OUT's extension (or to -)"
    )
    _add_layout_options(p)
    paper = p.add_argument_group("paper (PDF output)")
    paper.add_argument(
        "--paper",
        choices=["a4", "letter"],
        type=str.lower,
        help="print on A4 or Letter pages: one page where words stay 7 pt or more, "
        "else tiled sheets after an overview",
    )
    turn = paper.add_mutually_exclusive_group()
    turn.add_argument(
        "--landscape",
        action="store_const",
        const=True,
        help="print on landscape pages (implies --paper a4; by default the way round "
        "that needs fewer sheets)",
    )
    turn.add_argument(
        "--portrait",
        dest="landscape",
        action="store_const",
        const=False,
        help="print on portrait pages (implies --paper a4)",
    )
    paper.add_argument(
        "--max-pages",
        type=int,
        metavar="N",
        help="most sheets to tile over (4; implies --paper a4)",
    )
    add_from_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..outputs import get_output, produce

    report = open_map(args.file, args.from_format, allow_outside=args.allow_outside)
    options: dict[str, Any] = {
        "labels": args.labels,
        "width": args.width,
        "group": args.group,
        "themes": args.themes,
        "focus": args.focus,
        "depth": args.depth,
        "direction": args.direction,
        "bw": args.bw,
        "legend": args.legend,
        "title": args.title,
        "href_prefix": args.href_prefix,
        "layout": _layout(args.set),
        "compact": args.compact,
        "max_width": args.max_width,
    }
    if args.aspect is not None:  # else each writer's own aim (paper: the page's shape)
        options["aspect"] = args.aspect
    if args.paper or args.landscape is not None or args.max_pages is not None:
        return _paper(report.map, args, options)
    if args.mermaid or args.output == "-":
        output = get_output("mermaid" if args.mermaid else "dot")
    else:
        output = _diagram_for(args.output)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        product = produce(report.map, output, **options)
    write_output(args.output, product.content)
    for warning in caught:
        print(f"argmap: note: {warning.message}", file=sys.stderr)
    if product.renderer is not None and product.renderer.fallback:
        print(
            "argmap: note: drawn with graphviz-pure (Graphviz's dot is not installed)",
            file=sys.stderr,
        )
    return EXIT_OK


def _diagram_for(path: str) -> Output[Any]:
    """The diagram output OUT's name asks for; another output's ending names its command."""
    from ..outputs import output_for, outputs

    target = Path(path)
    try:
        return output_for(target, kind="diagram")
    except ArgmapError:
        pass
    endings = " ".join(sorted({e for o in outputs("diagram") for e in o.extensions}))
    message = f"{target}: cannot tell the format from {target.suffix!r} (use {endings})"
    try:
        other = output_for(target)
    except ArgmapError:
        raise RenderError(message) from None
    command = {"summary": "summary", "report": "report", "format": "convert"}[other.kind]
    raise RenderError(f"{message}; {other.name} is written by 'argmap {command}'")


def _paper(m: Any, args: argparse.Namespace, options: dict[str, Any]) -> int:
    from ..render.paper import render_paper

    if args.output == "-" or Path(args.output).suffix.lower() != ".pdf":
        print(
            f"argmap render: error: --paper, --landscape, --portrait and --max-pages write PDF: "
            f"name the output *.pdf (got {args.output!r})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    paper = {"paper": args.paper or "a4", "landscape": args.landscape}
    if args.max_pages is not None:
        paper["max_pages"] = args.max_pages
    done = render_paper(m, args.output, **paper, **options)
    print(f"argmap: note: {args.output}: {done.describe()}", file=sys.stderr)
    return EXIT_OK


def _layout(pairs: list[str]) -> dict[str, str]:
    layout: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise RenderError(f"--set takes ATTR=VALUE, e.g. nslimit=4 (got {pair!r})")
        layout[key.strip()] = value.strip()
    return layout


def _add_layout_options(p: argparse.ArgumentParser) -> None:
    # The compact layout (docs/diagrams.md, "Layout"): on by default below 1,000 nodes.
    p.add_argument(
        "--no-compact",
        dest="compact",
        action="store_false",
        help="leave the layout to Graphviz (one rank per step of reasoning, however wide)",
    )
    p.add_argument(
        "--aspect",
        type=_aspect,
        metavar="W:H",
        help="width:height the compact layout aims at, e.g. 3:4 (1:1; kept within 1:2..2:1)",
    )
    p.add_argument(
        "--max-width",
        type=float,
        metavar="PT",
        help="aim at a drawing at most PT points wide instead (e.g. 540 for an A4 column)",
    )


def _aspect(text: str) -> float:
    wide, sep, high = text.partition(":")
    try:
        value = float(wide) / float(high) if sep else float(wide)
    except (ValueError, ZeroDivisionError):
        raise argparse.ArgumentTypeError(f"expected W:H such as 3:4, got {text!r}") from None
    if not 0.2 <= value <= 5:
        raise argparse.ArgumentTypeError(f"{text} is outside 1:5..5:1")
    return value
