"""Helpers shared by the sub-commands: loading maps, printing problems, writing output."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from ..errors import Problem
from ..io.json import LoadReport, load_report

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def open_map(path: str) -> LoadReport:
    """Load a map for a command; errors propagate as MapValidationError for main() to print."""
    return load_report(Path(path))


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
