"""``argmap schema``: print the JSON Schema of the argmap format."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..schema import schema_text
from ._common import EXIT_OK


def register(commands: Any) -> None:
    p: argparse.ArgumentParser = commands.add_parser(
        "schema", help="print the JSON Schema of argmap files"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text())
    return EXIT_OK
