"""The ``argmap`` command.

Each sub-command lives in its own module under :mod:`argmap.cli` with a ``register(commands)``
function; adding a command is adding its module name to :data:`COMMANDS`. Errors argmap
raises on purpose print as ``FILE:WHERE: message`` with exit status 1; usage errors exit 2;
a Python traceback appears only with ``--debug``.
"""

from __future__ import annotations

import argparse
import atexit
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from ..errors import ArgmapError, MapValidationError
from ._common import EXIT_INVALID, EXIT_USAGE, print_problems
from ._terminal import safe_terminal

__all__ = ["COMMANDS", "build_parser", "main", "run"]

#: Sub-command modules, in the order ``argmap --help`` lists them.
COMMANDS: tuple[str, ...] = (
    "validate",
    "info",
    "schema",
    "render",
    "convert",
    "summary",
    "report",
    "analyze",
    "lint",
    "af",
    "compare",
    "grade",
    "slides",
    "worksheet",
    "judge",
    "batch",
    "schemes",
)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser; given ``argv``, only the command it names is registered.

    Registering a command imports its module, and some import the analysis stack (networkx,
    numpy): 0.8 s that ``argmap convert`` has no use for. ``argmap --help`` and an unknown
    command still register all of them, so the listing and the error are complete.
    """
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Argument maps: validate, analyse, draw and convert them.",
        epilog=EXIT_CODES,
    )
    parser.add_argument("--debug", action="store_true", help="show Python tracebacks on errors")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    for name in _commands_for(argv):
        importlib.import_module(f"{__name__}.{name}").register(commands)
    # Every command's --help ends with the exit codes too (an alias shares its parser).
    for command in {id(c): c for c in commands.choices.values()}.values():
        command.epilog = f"{command.epilog} {EXIT_CODES}" if command.epilog else EXIT_CODES
    _add_debug_to_commands(commands)
    return parser


#: Other names a command answers to.
ALIASES = {"analyse": "analyze"}

#: What the exit status means, for every command's --help and docs/cli.md.
EXIT_CODES = (
    "Exit status: 0 done (valid, nothing to fail on); 1 the input is invalid, or findings or "
    "losses the options do not allow; 2 usage error (a wrong option or value); 3 an internal "
    "error, a bug in argmap (rerun with --debug and report it); 130 interrupted."
)


def _add_debug_to_commands(commands: Any) -> None:
    # `argmap render x --debug` as well as `argmap --debug render x`. SUPPRESS keeps a
    # command's parser from resetting a --debug given before the command.
    # An alias (analyse) maps to the same parser as its command: add the option once.
    for sub in {id(p): p for p in commands.choices.values()}.values():
        sub.add_argument(
            "--debug",
            action="store_true",
            default=argparse.SUPPRESS,
            help="show Python tracebacks on errors",
        )


def _commands_for(argv: Sequence[str] | None) -> tuple[str, ...]:
    # The command is the first word that is not an option (the top level has no option
    # that takes a value, so no value can be mistaken for it).
    words = [a for a in (argv or ()) if not a.startswith("-")]
    if words:
        name = ALIASES.get(words[0], words[0])
        if name in COMMANDS:
            return (name,)
    return COMMANDS


def run() -> NoReturn:
    """The ``argmap`` program: :func:`main` on ``sys.argv``, then a quick exit.

    A command that read a large map holds hundreds of thousands of objects when it is
    done, and an interpreter exit frees them one by one and runs a last full collection
    over them: 4% of ``argmap convert`` on 20,000 Argdown statements (docs/benchmarks.md).
    Once the output is flushed and the exit handlers have run (logging, coverage), nothing
    is left to do with them, so the process ends without that teardown. :func:`main`
    itself returns normally, for callers in Python.
    """
    status = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe or stream: the usual exit handles it
        raise SystemExit(status) from None
    atexit._run_exitfuncs()
    os._exit(status)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    with safe_terminal():  # user text shown, never obeyed, on a terminal
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    """The command's status; an error is printed in one line, never as a traceback."""
    try:
        status: int = args.func(args)
        return status
    except MapValidationError as exc:
        if args.debug:
            raise
        print_problems(exc.file or "<input>", exc.problems, sys.stderr)
        return EXIT_INVALID
    except ArgmapError as exc:
        if args.debug:
            raise
        print(f"argmap: error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the promise: no traceback without --debug
        if args.debug:
            raise
        print(
            f"argmap: internal error: {type(exc).__name__}: {exc}\n"
            "(this is a bug in argmap; rerun with --debug for the traceback)",
            file=sys.stderr,
        )
        return 3
    return EXIT_USAGE  # pragma: no cover - unreachable


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("argmap")
    except PackageNotFoundError:
        return "unknown"
