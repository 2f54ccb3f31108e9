"""``argmap af -p PROBLEM -f FILE``: an ICCMA-style solver for abstract frameworks.

Problems are ``TASK-SEM`` with TASK one of DC (credulous acceptance of ``-a ARG``), DS
(sceptical acceptance), SE (some extension) and EE (every extension), and SEM one of CO, PR,
ST, SST, ID, GR. Answers follow ICCMA'23: ``YES``/``NO`` for DC/DS, ``w a1 a2 ...`` for an
extension or ``NO`` when there is none; EE prints one ``w`` line per extension.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..analysis.iccma import MAX_ARGUMENTS, read_framework
from ..analysis.semantics import SEMANTICS, accepted, extensions, some_extension
from ..errors import ArgmapError
from ._common import EXIT_OK

_SEM = {abbr: name for name, abbr in SEMANTICS.items()}
PROBLEMS = [f"{t}-{s}" for t in ("DC", "DS", "SE", "EE") for s in _SEM]


def register(commands: Any) -> None:
    p: argparse.ArgumentParser = commands.add_parser(
        "af",
        help="ICCMA-style solver for abstract argumentation frameworks",
        description="Solve an ICCMA problem on a framework file (.af/.i23, .apx, .tgf).",
    )
    p.add_argument("-p", "--problem", help="e.g. SE-PR, DC-ST, DS-PR, EE-CO")
    p.add_argument("-f", "--file", metavar="FILE")
    p.add_argument("-a", "--argument", metavar="ARG", help="query argument for DC/DS")
    p.add_argument("--fo", dest="format", choices=["iccma23", "apx", "tgf"], help="file format")
    p.add_argument("--backend", choices=["auto", "python", "sat"], default="auto")
    p.add_argument("--limit", type=int, default=None, help="EE: stop after this many")
    p.add_argument(
        "--max-arguments",
        type=_count,
        default=MAX_ARGUMENTS,
        metavar="N",
        help=f"refuse a file declaring more arguments than this (default {MAX_ARGUMENTS:,})",
    )
    p.add_argument("--problems", action="store_true", help="list the supported problems")
    p.add_argument("-v", "--verbose", action="store_true", help="report the back-end on stderr")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.problems:
        print("[" + ",".join(PROBLEMS) + "]")
        return EXIT_OK
    if not args.problem or not args.file:
        raise ArgmapError("af needs -p PROBLEM and -f FILE (see --problems)")
    problem = args.problem.upper()
    if problem not in PROBLEMS:
        raise ArgmapError(f"unknown problem {args.problem!r}; supported: {', '.join(PROBLEMS)}")
    task, abbr = problem.split("-")
    semantics = _SEM[abbr]
    af = read_framework(args.file, args.format, max_arguments=args.max_arguments)
    if task in ("DC", "DS"):
        if args.argument is None:
            raise ArgmapError(f"{problem} needs the query argument: -a ARG")
        try:
            af.index(args.argument)
        except KeyError:
            raise ArgmapError(f"{args.file}: no argument named {args.argument!r}") from None
        mode = "credulous" if task == "DC" else "sceptical"
        yes, used = accepted(af, args.argument, semantics, mode, backend=args.backend)
        print("YES" if yes else "NO")
    elif task == "SE":
        ext, used = some_extension(af, semantics, backend=args.backend)
        print("NO" if ext is None else _witness(af.names, ext))
    else:
        result = extensions(af, semantics, limit=args.limit, backend=args.backend)
        used = result.backend
        for ext in result.extensions:
            print(_witness(af.names, ext))
        if not result.extensions:
            print("NO")
    if args.verbose:
        print(f"c backend: {used}", file=sys.stderr)
    return EXIT_OK


def _count(text: str) -> int:
    """A whole number of at least 0, for ``--max-arguments``."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a number of at least 0, got {value}")
    return value


def _witness(names: tuple[str, ...], ext: frozenset[str]) -> str:
    order = {a: i for i, a in enumerate(names)}
    return " ".join(["w", *sorted(ext, key=order.__getitem__)])
