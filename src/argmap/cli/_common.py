"""Helpers shared by the sub-commands: loading maps, printing problems, writing output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from ..errors import ArgmapError, Code, FormatError, MapValidationError, Problem, Severity
from ..io.json import LoadReport, load_report

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def add_from_option(p: argparse.ArgumentParser) -> None:
    """``--from FORMAT``, for a command that reads a map."""
    p.add_argument(
        "--from",
        dest="from_format",
        metavar="FORMAT",
        help="the input's format (argdown, kialo, aif, ...); default: from its name and content",
    )


def open_map(
    path: str,
    from_format: str | None = None,
    *,
    check_quotes: bool = True,
    announce: bool = True,
) -> LoadReport:
    """Load a map for a command, in any format argmap reads.

    argmap JSON goes through the validating loader (quotes checked against the sources beside
    it); any other format (told by ``from_format``, else by content and file name, as for
    ``argmap convert``) through its reader, with what did not carry over as ``AM202``
    warnings, printed to stderr when ``announce`` is set. Errors propagate
    (:class:`MapValidationError`, :class:`FormatError`) for ``main()`` to print.
    """
    from ..formats import get_format, read_report

    name = get_format(from_format).name if from_format else _format_of(Path(path))
    if name is None or name == "argmap":
        return load_report(Path(path), check_quotes=check_quotes)

    try:
        report = read_report(path, name)
    except MapValidationError as exc:
        exc.file = exc.file or path  # name the file in the printed problems
        raise
    warnings = [Problem(Code.NOT_CARRIED_OVER, "", w, Severity.WARNING) for w in report.warnings]
    if announce:
        print_problems(path, warnings)
    return LoadReport(report.map, warnings)


def _format_of(file: Path) -> str | None:
    """The format of ``file`` by its start and name, or None to read it as argmap JSON.

    argmap JSON is recognised first without loading every format module; a file that cannot
    be read or recognised is left to the JSON loader, whose error then names the problem.
    """
    try:
        with file.open("rb") as f:
            head = f.read(8192).decode("utf-8", "replace")
    except OSError:
        return None
    from ..formats import argmap_json, infer_format

    if argmap_json.FORMAT.sniff is not None and argmap_json.FORMAT.sniff(head):
        return None
    try:
        return infer_format(file, head).name
    except ArgmapError:
        return None


def format_problem(exc: FormatError) -> Problem:
    """A malformed file in another format as a problem, located as the error locates it."""
    where = exc.path or ""
    return Problem(Code.MALFORMED_FILE, where, exc.message, line=exc.line, column=exc.column)


def print_problems(file: str, problems: Iterable[Problem], stream: TextIO | None = None) -> None:
    """One line per problem: ``FILE:WHERE: CODE name: message``, like a compiler."""
    stream = stream or sys.stderr
    for p in problems:
        print(f"{file}:{p}", file=stream)


def problems_json(file: str, problems: Iterable[Problem]) -> list[dict[str, object]]:
    return [{"file": file, **p.as_dict()} for p in problems]


def emit_json(data: object, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    print(json.dumps(data, indent=2, ensure_ascii=False), file=stream)


def key_message(exc: KeyError) -> str:
    """The sentence of a failed lookup: argmap's own, or a plain KeyError's argument."""
    return str(exc) if isinstance(exc, ArgmapError) else str(exc.args[0])
