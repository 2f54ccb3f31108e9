"""The argmap JSON format itself, registered so ``convert`` and :func:`read` treat it like any
other; reading and writing delegate to :mod:`argmap.io.json`."""

from __future__ import annotations

from pathlib import Path

from ..io import json as io_json
from ..model import ArgumentMap
from . import Format
from ._common import Result

__all__ = ["FORMAT"]


def _read(text: str, file: str | None) -> Result:
    if file is not None:
        # What argmap.load does, quotes checked against sources beside the file, on the
        # text already read (the file may be a pipe, which cannot be read twice).
        report = io_json.loads_report(text.encode("utf-8"), file=file, base_dir=Path(file).parent)
        # Its warnings (a claim nothing connects, a source not found) are about the map,
        # not something reading lost.
        return Result(report.map, notes=[str(w) for w in report.warnings])
    return Result(io_json.loads(text, check_quotes=False), [])


def _write(m: ArgumentMap) -> tuple[str, list[str]]:
    return io_json.dumps(m), []


def _sniff(head: str) -> bool:
    return '"argmap/' in head[:400] or ('"claims"' in head and '"links"' in head)


FORMAT = Format(
    name="argmap",
    extensions=(".argmap.json", ".json"),
    description="argmap JSON (the native format)",
    reader=_read,
    writer=_write,
    sniff=_sniff,
    aliases=("json", "argmap-json"),
)
