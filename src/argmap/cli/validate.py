"""``argmap validate FILE...``: exit 0 if every file is valid, 1 if any is not."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import ArgmapError, FormatError, MapValidationError, Problem
from ._common import (
    EXIT_INVALID,
    EXIT_OK,
    add_from_option,
    emit_json,
    format_problem,
    open_map,
    print_problems,
    problems_json,
    shown_name,
)


def register(commands: Any) -> None:
    p: argparse.ArgumentParser = commands.add_parser(
        "validate",
        help="check maps against the schema and the whole-map rules",
        description="Check maps: argmap JSON, or a file in any format argmap reads. "
        "Every problem is listed as FILE:JSONPATH: CODE name: message. "
        "Exit 0 if all are valid, 1 if not.",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="output format (json for machines)",
    )
    add_from_option(p)
    p.add_argument("--quiet", "-q", action="store_true", help="print errors only, no warnings")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    results: list[dict[str, Any]] = []
    failed = False
    for path in args.files:
        file = shown_name(path)
        errors: list[Problem] = []
        warnings: list[Problem] = []
        try:
            warnings = open_map(
                path, args.from_format, announce=False, allow_outside=args.allow_outside
            ).warnings
        except MapValidationError as exc:
            errors, warnings = exc.problems, exc.warnings
        except FormatError as exc:
            errors = [format_problem(exc)]
        except ArgmapError as exc:  # an unknown --from
            print(f"{file}: {exc}", file=sys.stderr)
            failed = True
            continue
        failed = failed or bool(errors)
        shown_warnings = [] if args.quiet else warnings
        if args.format == "json":
            results.append(
                {
                    "file": file,
                    "valid": not errors,
                    "errors": problems_json(file, errors),
                    "warnings": problems_json(file, shown_warnings),
                }
            )
        else:
            print_problems(file, errors, sys.stdout)
            print_problems(file, shown_warnings, sys.stdout)
            if not errors:
                note = f" ({len(warnings)} warning{'s' * (len(warnings) != 1)})" if warnings else ""
                print(f"{file}: valid{note}", file=sys.stderr)
    if args.format == "json":
        emit_json(results)
    return EXIT_INVALID if failed else EXIT_OK
