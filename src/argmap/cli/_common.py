"""Helpers shared by the sub-commands: reading maps, printing problems, writing output.

Every command reads its input through :func:`read_bytes` (``-`` is standard input, and a
pipe such as ``<(cat map.json)`` is read once, then its format is told from the bytes) and
writes through :func:`write_output` (``-`` is standard output).
"""

from __future__ import annotations

import argparse
import errno
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from .._gc import gc_paused
from ..errors import (
    ArgmapError,
    Code,
    FormatError,
    MapValidationError,
    Problem,
    Severity,
    UnknownFormatError,
)
from ..io.files import atomic_write, read_input, wrong_encoding
from ..io.json import MAX_MAP_BYTES, LoadReport, loads_report

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

#: How standard input is named in messages.
STDIN_NAME = "<stdin>"


def add_from_option(p: argparse.ArgumentParser) -> None:
    """``--from FORMAT`` and ``--allow-outside``, for a command that reads a map."""
    p.add_argument(
        "--from",
        dest="from_format",
        metavar="FORMAT",
        help="the input's format (argdown, kialo, aif, ...); default: from its name and content",
    )
    add_allow_outside_option(p)


def add_allow_outside_option(p: argparse.ArgumentParser) -> None:
    """``--allow-outside``: read source texts from outside the map's folder."""
    p.add_argument(
        "--allow-outside",
        action="store_true",
        help="also read quoted sources outside the map's folder (only for maps you trust)",
    )


def shown_name(path: str) -> str:
    """``path`` as messages name it: standard input as ``<stdin>``."""
    return STDIN_NAME if path == "-" else path


def read_bytes(path: str, limit: int = MAX_MAP_BYTES) -> bytes:
    """The whole input ``path`` (``-`` for standard input) in one bounded read.

    Raises :class:`MapValidationError` (``AM003 file-unreadable``) naming the file when it
    cannot be read.
    """
    try:
        if path == "-":
            data = sys.stdin.buffer.read(limit + 1)
            if len(data) > limit:
                raise OSError(errno.EFBIG, f"over the {limit} byte limit")
            return data
        return read_input(path, limit)
    except OSError as exc:
        problem = Problem(Code.FILE_UNREADABLE, "", f"cannot read file: {exc.strerror or exc}")
        raise MapValidationError([problem], file=shown_name(path)) from None


def open_map(
    path: str,
    from_format: str | None = None,
    *,
    check_quotes: bool = True,
    announce: bool = True,
    allow_outside: bool = False,
) -> LoadReport:
    """Load a map for a command, in any format argmap reads; ``-`` reads standard input.

    argmap JSON goes through the validating loader (quotes checked against the sources in
    the map's folder, or outside it too with ``allow_outside``); any other format through
    its reader, with what did not carry over as ``AM202`` warnings, printed to stderr when
    ``announce`` is set. Errors propagate (:class:`MapValidationError`,
    :class:`FormatError`) for ``main()`` to print.
    """
    report, name = read_map(
        path, from_format, check_quotes=check_quotes, allow_outside=allow_outside
    )
    if announce and name != "argmap":
        print_problems(shown_name(path), report.warnings)
    return report


def read_map(
    path: str,
    from_format: str | None = None,
    *,
    check_quotes: bool = True,
    allow_outside: bool = False,
    unknown_as_json: bool = True,
) -> tuple[LoadReport, str]:
    """The map in ``path`` (``-``: standard input) and the name of its format.

    The input is read once, and its format told by ``from_format``, else by its content and
    name, as for ``argmap convert``. With ``unknown_as_json`` (the default) an input whose
    format nothing tells is read as argmap JSON, whose error then names the problem;
    otherwise it is an :class:`UnknownFormatError`.
    """
    from ..formats import get_format

    data = read_bytes(path)
    file = shown_name(path)
    head = data[:8192].decode("utf-8-sig", "replace")
    name = get_format(from_format).name if from_format else _format_of(path, head, unknown_as_json)
    if name != "argmap":
        return _read_other(data, name, file), name
    # Standard input has no folder of its own: its sources are looked for in the current one.
    base = Path(".") if path == "-" else Path(path).parent
    report = loads_report(
        data, file=file, base_dir=base, check_quotes=check_quotes, allow_outside=allow_outside
    )
    return report, name


def _format_of(path: str, head: str, unknown_as_json: bool) -> str:
    # argmap JSON is recognised first, without loading every format module.
    from ..formats import argmap_json, infer_format

    if argmap_json.FORMAT.sniff is not None and argmap_json.FORMAT.sniff(head):
        return "argmap"
    try:
        return infer_format("" if path == "-" else path, head).name
    except UnknownFormatError:
        if unknown_as_json:
            return "argmap"
        raise


def _read_other(data: bytes, name: str, file: str) -> LoadReport:
    from ..formats import get_format

    fmt = get_format(name)
    if fmt.reader is None:
        raise ArgmapError(f"{file}: argmap can write {fmt.name} but not read it")
    text = decode_text(data, file)
    try:
        with gc_paused():  # a parse allocates many small acyclic objects; see argmap._gc
            result = fmt.reader(text, file)
    except (MapValidationError, FormatError) as exc:
        exc.file = exc.file or file  # name the file in the printed problems
        raise
    warnings = [Problem(Code.NOT_CARRIED_OVER, "", w, Severity.WARNING) for w in result.warnings]
    return LoadReport(result.map, warnings, list(result.notes))


def decode_text(data: bytes, file: str) -> str:
    """UTF-8 text with plain newlines.

    A byte-order mark is dropped (every text format argmap reads allows one); bytes that
    are not UTF-8 are a :class:`FormatError` with the line and column.
    """
    wrong = wrong_encoding(data)
    if wrong:
        raise FormatError(wrong, file=file, line=1, column=1)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)
        raise FormatError(
            f"not UTF-8 text (byte {exc.start})", file=file, line=line, column=column
        ) from None
    # Kialo exports are CRLF; every reader sees plain newlines.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def write_output(path: str, data: str | bytes) -> None:
    """Write a command's output: ``-`` is standard output; anything else is written
    atomically (see :func:`argmap.io.files.atomic_write` for links, devices and pipes)."""
    if path != "-":
        atomic_write(path, data)
        return
    if isinstance(data, str):
        sys.stdout.write(data)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
    sys.stdout.flush()


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


def whole_number(least: int) -> Callable[[str], int]:
    """An argparse ``type`` for a whole number of at least ``least``, with a plain message.

    >>> whole_number(1)("3")
    3
    >>> whole_number(1)("0")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: must be 1 or more, not 0
    """

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < least:
            raise argparse.ArgumentTypeError(f"must be {least} or more, not {value}")
        return value

    return parse
