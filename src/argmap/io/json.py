"""The argmap JSON format: load with every problem located, dump byte-for-byte stable.

Loading validates in two levels, both collecting every problem: the schema (pydantic) and
the whole-map checks of :mod:`argmap.validate`, with quotes checked against source files
found relative to the map file. Dumping is deterministic: keys in schema order, lists in
the map's order, UTF-8, two-space indent, a trailing newline, so maps diff cleanly in git.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter, not_
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import PydanticSerializationError

from .._gc import gc_paused
from .._pydantic_problems import problems_from_pydantic
from ..errors import ArgmapError, Code, MapValidationError, Problem, Severity
from ..model import ArgumentMap
from ..validate import check
from .files import UTF8_BOM, atomic_write, read_input, wrong_encoding
from .partial import problems_beyond_schema
from .sources import MAX_SOURCE_BYTES, read_sources

__all__ = [
    "MAX_SOURCE_BYTES",
    "LoadReport",
    "dump",
    "dump_bytes",
    "dumps",
    "load",
    "load_report",
    "loads",
    "loads_report",
    "read_sources",
]

#: Larger files are refused before parsing; a map of 100,000 claims is about 60 MB.
MAX_MAP_BYTES = 1 << 30


@dataclass
class LoadReport:
    """A loaded map with the warnings found on the way (they never block loading)."""

    map: ArgumentMap
    warnings: list[Problem] = field(default_factory=list)
    #: How a format other than argmap JSON carried something over, losing nothing.
    notes: list[str] = field(default_factory=list)


def load(
    path: str | Path, *, check_quotes: bool = True, allow_outside: bool = False
) -> ArgumentMap:
    """Read and validate an argmap JSON file; raise :class:`MapValidationError` on any error.

    Quotes are checked against the sources' texts, read from the map's folder and below
    only (see :func:`argmap.io.sources.read_sources`); ``allow_outside=True`` lifts that
    limit for a map you trust.
    """
    return _load_file(
        path, check_quotes=check_quotes, allow_outside=allow_outside, warnings=False
    ).map


def load_report(
    path: str | Path, *, check_quotes: bool = True, allow_outside: bool = False
) -> LoadReport:
    """Like :func:`load`, also returning the warnings."""
    return _load_file(path, check_quotes=check_quotes, allow_outside=allow_outside, warnings=True)


def _load_file(
    path: str | Path, *, check_quotes: bool, allow_outside: bool, warnings: bool
) -> LoadReport:
    file = Path(path)
    try:
        # One bounded read: the file may be a pipe (``<(cat map.json)``) or a device.
        data = read_input(file, MAX_MAP_BYTES)
    except OSError as exc:
        raise _fail(
            Code.FILE_UNREADABLE, f"cannot read file: {exc.strerror or exc}", str(file)
        ) from None
    return loads_report(
        data,
        file=str(file),
        base_dir=file.parent,
        check_quotes=check_quotes,
        allow_outside=allow_outside,
    )


def loads(
    text: str | bytes,
    *,
    base_dir: str | Path | None = None,
    check_quotes: bool = True,
    allow_outside: bool = False,
) -> ArgumentMap:
    """Parse and validate argmap JSON text; source paths resolve against ``base_dir``.

    Without ``base_dir`` they resolve against the current folder, and are confined to it
    like a file's sources to the file's folder.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    return _load(
        data,
        file=None,
        base_dir=base_dir,
        check_quotes=check_quotes,
        allow_outside=allow_outside,
        warnings=False,
    ).map


def loads_report(
    data: bytes,
    *,
    file: str | None = None,
    base_dir: str | Path | None = None,
    check_quotes: bool = True,
    allow_outside: bool = False,
) -> LoadReport:
    """Parse and validate argmap JSON bytes already read, with their warnings.

    ``file`` names the input in problems (``-`` for standard input); ``base_dir`` is the
    folder source paths resolve against and are confined to.
    """
    return _load(
        data,
        file=file,
        base_dir=base_dir,
        check_quotes=check_quotes,
        allow_outside=allow_outside,
        warnings=True,
    )


def _load(
    data: bytes,
    *,
    file: str | None,
    base_dir: str | Path | None,
    check_quotes: bool,
    allow_outside: bool,
    warnings: bool,
) -> LoadReport:
    # Warnings are looked for only when the caller keeps them, or when loading fails (the
    # error carries them); on a big map that saves a walk over every claim.
    with gc_paused():  # the parse allocates many small acyclic objects; see argmap._gc
        m = _parse(data, file)
        texts, problems = (
            read_sources(m, base_dir, allow_outside=allow_outside) if check_quotes else ({}, [])
        )
        refused = [p for p in problems if p.severity is Severity.ERROR]
        unreadable = [p for p in problems if p.severity is not Severity.ERROR]
        errors, found = check(m, texts, warnings=warnings)
        errors = refused + errors
        if errors and not warnings:
            found = check(m, texts, errors=False)[1]
    if errors:
        raise MapValidationError(errors, file=file, warnings=unreadable + found)
    m._folder = None if base_dir is None else Path(base_dir)  # where m.quote() reads sources
    return LoadReport(m, unreadable + found)


def _parse(data: bytes, file: str | None) -> ArgumentMap:
    # RFC 8259 lets a parser ignore a UTF-8 byte-order mark, and Windows editors write one.
    data = data.removeprefix(UTF8_BOM)
    wrong = wrong_encoding(data)
    if wrong:
        raise MapValidationError([Problem(Code.INVALID_JSON, "", wrong)], file=file)
    try:
        # The fast path: pydantic parses and validates in one pass, in Rust.
        return ArgumentMap.model_validate_json(data)
    except ValidationError as exc:
        if any(e["type"] == "json_invalid" for e in exc.errors()):
            raise MapValidationError([_json_problem(data)], file=file) from None
        problems = problems_from_pydantic(exc, model=ArgumentMap)
        # The whole-map checks of what the schema let through: one error hides no other.
        problems += problems_beyond_schema(data, problems)
    except RecursionError:
        problems = [Problem(Code.INVALID_JSON, "", "the JSON is nested too deeply")]
    raise MapValidationError(problems, file=file)


def _json_problem(data: bytes) -> Problem:
    """Locate a syntax error by line and column with the standard parser's message."""
    if not data.strip():
        return Problem(
            Code.INVALID_JSON,
            "",
            'the file is empty; a map is a JSON object such as {"format": "argmap/1", '
            '"claims": [], "links": []}',
            line=1,
            column=1,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return Problem(
            Code.INVALID_JSON,
            "",
            f"not UTF-8 text (byte {exc.start})",
            line=line,
            column=exc.start - data.rfind(b"\n", 0, exc.start),
        )
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        message = f"invalid JSON: {exc.msg}{_json_hint(text, exc.pos)}"
        return Problem(Code.INVALID_JSON, "", message, line=exc.lineno, column=exc.colno)
    except RecursionError:
        return Problem(Code.INVALID_JSON, "", "the JSON is nested too deeply")
    except ValueError:  # a number of over 4,300 digits: int() refuses it
        return Problem(Code.INVALID_JSON, "", "invalid JSON: a number of over 4,300 digits")
    if not isinstance(parsed, dict):
        return Problem(
            Code.NOT_AN_OBJECT,
            "",
            f"the top level must be a JSON object {{...}}, not {type(parsed).__name__}",
        )
    return Problem(Code.INVALID_JSON, "", "invalid JSON")


def _json_hint(text: str, pos: int) -> str:
    # The two slips people make most when editing JSON by hand.
    if text[:pos].rstrip().endswith(",") and text[pos : pos + 1] in ("]", "}"):
        return " (remove the trailing comma before it)"
    if text[pos : pos + 1] == "'":
        return " (JSON strings use double quotes)"
    return ""


def dumps(m: ArgumentMap) -> str:
    """The map as deterministic JSON text; ``loads(dumps(m))`` gives ``m`` back.

    Raises :class:`ArgmapError` if some text cannot be encoded as UTF-8 (a lone surrogate,
    which only Python strings can hold).
    """
    return _encoded(m).decode("utf-8") + "\n"


def dump(m: ArgumentMap, path: str | Path) -> None:
    """Write ``dumps(m)`` to ``path`` atomically (see :func:`argmap.io.atomic_write`)."""
    try:
        data = _encoded(m)
    except ArgmapError as exc:
        raise ArgmapError(f"{path}: {exc}") from None
    # The serialiser's bytes as they are: decoding them to text, adding the newline and
    # encoding again would copy a large map's JSON three times.
    atomic_write(path, [data, b"\n"])


def dump_bytes(m: ArgumentMap) -> bytes:
    """The bytes :func:`dump` writes: ``dumps(m)`` as UTF-8, made without a ``str`` copy.

    >>> from argmap import ArgumentMap
    >>> dump_bytes(ArgumentMap()) == dumps(ArgumentMap()).encode("utf-8")
    True
    """
    return _encoded(m) + b"\n"


def _encoded(m: ArgumentMap) -> bytes:
    """``dumps(m)`` without its final newline, as UTF-8."""
    try:
        # pydantic-core's serialiser straight from the model: the same layout as
        # json.dumps(indent=2) (non-ASCII kept as is), with no intermediate Python dicts.
        return m.__pydantic_serializer__.to_json(
            m, indent=2, exclude_none=True, exclude=_empty_lists(m)
        )
    except PydanticSerializationError as exc:
        raise ArgmapError(
            f"the map cannot be written as UTF-8 JSON: {exc} (a lone surrogate?)"
        ) from None


#: The only lists below the top level that may be empty; the top-level ones always stay.
_OPTIONAL_CLAIM_LISTS = ("themes", "asserted_by", "quotes")


def _empty_lists(m: ArgumentMap) -> dict[str, Any]:
    # Empty optional lists are noise in a diff. Only claims have them, so name just those,
    # for pydantic to skip as it writes (a generic walk cost more than the serialisation).
    # A list empty in every claim is named once for all ("__all__", which pydantic merges
    # with the per-claim entries); the rest claim by claim, one C-level pass per list.
    claims = m.claims
    everywhere: set[str] = set()
    skip: dict[int | str, set[str]] = {}
    for key in _OPTIONAL_CLAIM_LISTS:
        filled = list(map(bool, map(attrgetter(key), claims)))
        if not any(filled):
            everywhere.add(key)
            continue
        for i in compress(range(len(filled)), map(not_, filled)):
            skip.setdefault(i, set()).add(key)
    if everywhere:
        skip["__all__"] = everywhere
    return {"claims": skip}


def _fail(code: Code, message: str, file: str) -> MapValidationError:
    return MapValidationError([Problem(code, "", message)], file=file)
