"""Every writer of :mod:`argmap.formats` as an output, read from that registry each time
(a format registered there is an output here too, with no second registration)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..formats import Format, formats, writes_report
from ..model import ArgumentMap
from . import Output, Product, no_options

__all__ = ["outputs"]


def _writer(name: str) -> Callable[[ArgumentMap, None], Product]:
    def make(m: ArgumentMap, opts: None) -> Product:
        del opts  # formats take no options
        if name == "argmap":
            # The serialiser's bytes as they are, the bytes of argmap.dump (no copy via str).
            from ..io.json import dump_bytes

            return Product(dump_bytes(m))
        text, losses = writes_report(m, name)
        return Product(text, tuple(losses))

    return make


def _output(fmt: Format) -> Output[None]:
    return Output(
        fmt.name,
        "format",
        fmt.extensions,
        fmt.description,
        no_options(fmt.name),
        _writer(fmt.name),
        fmt.aliases,
    )


#: The output made for each format, so the same format gives the same output object.
_MADE: dict[Format, Output[None]] = {}


def outputs() -> list[Output[Any]]:
    """One output for each format argmap writes, in the formats' registry order."""
    found: list[Output[Any]] = []
    for fmt in formats():
        if fmt.writer is not None:
            if fmt not in _MADE:
                _MADE[fmt] = _output(fmt)
            found.append(_MADE[fmt])
    return found
