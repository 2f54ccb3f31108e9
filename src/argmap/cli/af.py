"""``argmap af -p PROBLEM -f FILE``: an ICCMA-style solver for abstract frameworks.

Problems are ``TASK-SEM`` with TASK one of DC (credulous acceptance of ``-a ARG``), DS
(sceptical acceptance), SE (some extension) and EE (every extension), and SEM one of CO, PR,
ST, SST, ID, GR: the table comes from the semantics registry (``argmap.analysis.registry``),
so a registered semantics is a problem here too. Answers follow ICCMA'23: ``YES``/``NO``
for DC/DS, ``w a1 a2 ...`` for an extension or ``NO`` when there is none; EE prints one
``w`` line per extension.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from ..analysis import registry
from ..analysis.framework import Framework
from ..analysis.iccma import FORMATS, MAX_ARGUMENTS, loads_framework
from ..analysis.semantics import accepted, extensions, some_extension
from ..errors import ArgmapError
from ._common import EXIT_OK, decode_text, read_bytes, shown_name, whole_number

#: The problems of the built-in semantics (``registry.problems()`` is the live table).
PROBLEMS = registry.problems()


def register(commands: Any) -> None:
    p: argparse.ArgumentParser = commands.add_parser(
        "af",
        help="ICCMA-style solver for abstract argumentation frameworks",
        description="Solve an ICCMA problem on a framework file (.af/.i23, .apx, .tgf).",
    )
    p.add_argument("-p", "--problem", help="e.g. SE-PR, DC-ST, DS-PR, EE-CO")
    p.add_argument("-f", "--file", metavar="FILE", help="the framework file (- for stdin)")
    p.add_argument("-a", "--argument", metavar="ARG", help="query argument for DC/DS")
    p.add_argument("--fo", dest="format", choices=["iccma23", "apx", "tgf"], help="file format")
    p.add_argument("--backend", choices=["auto", "python", "sat"], default="auto")
    p.add_argument(
        "--limit",
        type=whole_number(1),
        default=None,
        metavar="N",
        help="EE: stop after N extensions",
    )
    p.add_argument(
        "--max-arguments",
        type=whole_number(0),
        default=MAX_ARGUMENTS,
        metavar="N",
        help=f"refuse a file declaring more arguments than this (default {MAX_ARGUMENTS:,})",
    )
    p.add_argument("--problems", action="store_true", help="list the supported problems")
    p.add_argument("-v", "--verbose", action="store_true", help="report the back-end on stderr")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    problems = registry.problems()
    if args.problems:
        print("[" + ",".join(problems) + "]")
        return EXIT_OK
    if not args.problem or not args.file:
        raise ArgmapError("af needs -p PROBLEM and -f FILE (see --problems)")
    problem = args.problem.upper()
    if problem not in problems:
        raise ArgmapError(f"unknown problem {args.problem!r}; supported: {', '.join(problems)}")
    task, abbr = problem.split("-", 1)
    semantics = _by_abbreviation(abbr)
    af = _read(args.file, args.format, args.max_arguments)
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


def _by_abbreviation(abbr: str) -> str:
    """The registered Dung semantics whose ICCMA abbreviation is ``abbr``."""
    for name in registry.names("dung"):
        if registry.dung(name).abbreviation == abbr:
            return name
    raise ArgmapError(f"no semantics abbreviated {abbr!r}")  # problems() lists only these


def _read(path: str, format: str | None, max_arguments: int = MAX_ARGUMENTS) -> Framework:
    """The framework in ``path`` (``-``: standard input), read once, a byte-order mark
    dropped.

    The format is ``format``, else the file's suffix, else told by the content (a pipe
    such as ``<(cat x.af)`` has no suffix): ``p af`` starts ICCMA'23, ``arg(`` ASPARTIX,
    anything else is read as TGF.
    """
    if path != "-" and format is None:
        format = FORMATS.get(Path(path).suffix.lower())
    file = shown_name(path)
    text = decode_text(read_bytes(path), file)
    if format is None:
        first = _FIRST_LINE.search(text)
        line = first.group(1) if first else ""
        format = "iccma23" if _I23.match(line) else "apx" if _APX.match(line) else "tgf"
    return loads_framework(text, format, file=file, max_arguments=max_arguments)


# The first line that is not blank or a comment ("#" in ICCMA'23, "%" in ASPARTIX).
_FIRST_LINE = re.compile(r"^[ \t]*([^#%\s][^\n]*)", re.M)
_I23 = re.compile(r"p\s+af\b")
_APX = re.compile(r"(?:arg|att)\s*\(")


def _witness(names: tuple[str, ...], ext: frozenset[str]) -> str:
    order = {a: i for i, a in enumerate(names)}
    return " ".join(["w", *sorted(ext, key=order.__getitem__)])
