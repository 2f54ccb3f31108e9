"""Reading and writing abstract frameworks in the ICCMA competition formats.

* ICCMA'23 (``.af``, ``.i23``): a header ``p af N``, then one attack ``i j`` per line with
  arguments numbered ``1 .. N``; lines starting with ``#`` are comments.
* ASPARTIX (``.apx``): facts ``arg(a).`` and ``att(a,b).``; ``%`` starts a comment.
* Trivial Graph Format (``.tgf``): one argument per line, a line ``#``, then ``a b`` attacks.

Malformed input raises :class:`argmap.FormatError` with the file, line and column.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from ..errors import FormatError
from ..io.files import atomic_write
from .framework import Framework

__all__ = [
    "FORMATS",
    "MAX_ARGUMENTS",
    "dumps_framework",
    "loads_framework",
    "read_framework",
    "write_framework",
]

#: File suffix -> format name.
FORMATS = {".af": "iccma23", ".i23": "iccma23", ".apx": "apx", ".tgf": "tgf"}

#: Most arguments a framework file may declare unless the caller allows more: the ICCMA
#: header ``p af N`` would otherwise have a 14-byte file allocate gigabytes. A million
#: arguments take about 100 MB; ICCMA'23's largest instances are well below.
MAX_ARGUMENTS = 1_000_000


def read_framework(
    path: str | Path, format: str | None = None, *, max_arguments: int = MAX_ARGUMENTS
) -> Framework:
    """Read a framework from a file; the format comes from the suffix unless given.

    A file declaring more than ``max_arguments`` arguments is refused with a
    :class:`argmap.FormatError` (raise the limit for a larger framework).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.apx"
    >>> _ = p.write_text("arg(a). arg(b). att(a,b).")
    >>> read_framework(p).pairs()
    [('a', 'b')]
    """
    path = Path(path)
    fmt = format or FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise FormatError(
            f"cannot tell the format from suffix {path.suffix!r}; use .af, .i23, .apx or .tgf",
            file=str(path),
        )
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FormatError(f"cannot read file: {exc}", file=str(path)) from None
    return loads_framework(text, fmt, file=str(path), max_arguments=max_arguments)


def loads_framework(
    text: str, format: str, file: str | None = None, *, max_arguments: int = MAX_ARGUMENTS
) -> Framework:
    """Parse framework text in ``format`` (``iccma23``, ``apx`` or ``tgf``), of at most
    ``max_arguments`` arguments.

    Examples
    --------
    >>> loads_framework("p af 3\\n1 2\\n2 3\\n", "iccma23").pairs()
    [('1', '2'), ('2', '3')]
    >>> loads_framework("p af 2\\n1 5\\n", "iccma23")
    Traceback (most recent call last):
    argmap.errors.FormatError: <input>:2:3: argument 5 out of range 1..2
    >>> loads_framework("p af 50000000", "iccma23")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    argmap.errors.FormatError: <input>:1:6: the header declares 50,000,000 arguments, more ...
    """
    readers = {"iccma23": _parse_i23, "apx": _parse_apx, "tgf": _parse_tgf}
    if format not in readers:
        raise FormatError(f"unknown framework format {format!r}", file=file)
    if max_arguments < 0:
        raise ValueError("max_arguments must be at least 0")
    return readers[format](text, file, max_arguments)


def _too_many(
    what: str, n: int, limit: int, file: str | None, line: int, column: int
) -> FormatError:
    return FormatError(
        f"{what} {n:,} arguments, more than the limit of {limit:,} "
        "(raise it: argmap af --max-arguments N, or max_arguments= in Python)",
        file=file,
        line=line,
        column=column,
    )


def _number(field: str) -> int | None:
    """``field`` as a number if it is ASCII digits (no other script's, no superscripts), of
    a length ``int`` takes quickly; else None."""
    if field.isascii() and field.isdigit() and len(field) <= 30:
        return int(field)
    return None


def dumps_framework(af: Framework, format: str) -> str:
    """Framework text in ``format``; ICCMA'23 numbers arguments in their stored order.

    Examples
    --------
    >>> af = Framework.from_pairs([("a", "b")])
    >>> print(dumps_framework(af, "apx"), end="")
    arg(a).
    arg(b).
    att(a,b).
    """
    if format == "iccma23":
        lines = [f"p af {af.n}"]
        lines += [
            f"{a + 1} {b + 1}" for a, b in zip(af.source.tolist(), af.target.tolist(), strict=False)
        ]
    elif format == "apx":
        for name in af.names:
            if not _APX_NAME.fullmatch(name):
                raise FormatError(f"argument name {name!r} cannot be written as an APX term")
        lines = [f"arg({a})." for a in af.names] + [f"att({a},{b})." for a, b in af.pairs()]
    elif format == "tgf":
        for name in af.names:
            if not name or any(ch.isspace() for ch in name) or name == "#":
                raise FormatError(f"argument name {name!r} cannot be written in TGF")
        lines = [*af.names, "#", *(f"{a} {b}" for a, b in af.pairs())]
    else:
        raise FormatError(f"unknown framework format {format!r}")
    return "\n".join(lines) + "\n"


def write_framework(af: Framework, path: str | Path, format: str | None = None) -> None:
    """Write a framework to ``path`` atomically; the format comes from the suffix unless given."""
    path = Path(path)
    fmt = format or FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise FormatError(f"cannot tell the format from suffix {path.suffix!r}", file=str(path))
    atomic_write(path, dumps_framework(af, fmt))


# -- readers ------------------------------------------------------------------------------


def _parse_i23(text: str, file: str | None, limit: int) -> Framework:
    n: int | None = None
    src: list[int] = []
    dst: list[int] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        fields = stripped.split()
        if n is None:
            n = _number(fields[2]) if len(fields) == 3 and fields[:2] == ["p", "af"] else None
            if n is None:
                raise FormatError(
                    "expected the header 'p af N' (N in digits 0-9)",
                    file=file,
                    line=lineno,
                    column=_col(line),
                )
            if n > limit:
                column = _columns(line, fields)[2]
                raise _too_many("the header declares", n, limit, file, lineno, column)
            continue
        if len(fields) != 2:
            raise FormatError(
                f"expected an attack 'i j', found {stripped[:40]!r}",
                file=file,
                line=lineno,
                column=_col(line),
            )
        pair = []
        for field, column in zip(fields, _columns(line, fields), strict=False):
            number = _number(field)
            if number is None or not 1 <= number <= n:
                what = "is not a number in" if number is None else "out of range"
                raise FormatError(
                    f"argument {field[:40]} {what} 1..{n}", file=file, line=lineno, column=column
                )
            pair.append(number - 1)
        src.append(pair[0])
        dst.append(pair[1])
    if n is None:
        raise FormatError("missing the header 'p af N'", file=file, line=1, column=1)
    return Framework(
        n,
        np.array(src, dtype=np.int32),
        np.array(dst, dtype=np.int32),
        names=[str(i) for i in range(1, n + 1)],
    )


_APX_NAME = re.compile(r"[A-Za-z0-9_]+")
_BLANK = re.compile(r"\s*")
_APX_FACT = re.compile(r"\s*(arg|att)\s*\(\s*([A-Za-z0-9_]+)\s*(?:,\s*([A-Za-z0-9_]+)\s*)?\)\s*\.")


def _parse_apx(text: str, file: str | None, limit: int) -> Framework:
    index: dict[str, int] = {}
    attacks: list[tuple[str, str, int, int]] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("%", 1)[0]
        pos = 0
        while pos < len(line):
            # (No slice of the rest per fact: a line of many facts stays linear.)
            blank = _BLANK.match(line, pos)
            if blank is not None and blank.end() == len(line):
                break
            match = _APX_FACT.match(line, pos)
            if match is None:
                column = (blank.end() if blank is not None else pos) + 1
                raise FormatError(
                    "expected 'arg(NAME).' or 'att(NAME,NAME).'",
                    file=file,
                    line=lineno,
                    column=column,
                )
            kind, a, b = match.groups()
            if kind == "arg":
                if b is not None:
                    raise FormatError(
                        "arg/1 takes one name", file=file, line=lineno, column=match.start(1) + 1
                    )
                index.setdefault(a, len(index))
                if len(index) > limit:
                    raise _too_many("the file declares over", limit, limit, file, lineno, 1)
            else:
                if b is None:
                    raise FormatError(
                        "att/2 takes two names", file=file, line=lineno, column=match.start(1) + 1
                    )
                attacks.append((a, b, lineno, match.start(1) + 1))
            pos = match.end()
    src, dst = [], []
    for a, b, lineno, column in attacks:
        for name in (a, b):
            if name not in index:
                raise FormatError(
                    f"attack names undeclared argument {name!r}",
                    file=file,
                    line=lineno,
                    column=column,
                )
        src.append(index[a])
        dst.append(index[b])
    return Framework(len(index), src, dst, names=list(index))


def _parse_tgf(text: str, file: str | None, limit: int) -> Framework:
    index: dict[str, int] = {}
    src: list[int] = []
    dst: list[int] = []
    in_edges = False
    for lineno, line in enumerate(text.splitlines(), 1):
        fields = line.split()
        if not fields:
            continue
        if fields[0] == "#" and not in_edges:
            in_edges = True
            continue
        if not in_edges:
            # A node line is an id, optionally followed by a label we do not need.
            if fields[0] in index:
                raise FormatError(
                    f"argument {fields[0]!r} declared twice",
                    file=file,
                    line=lineno,
                    column=_col(line),
                )
            index[fields[0]] = len(index)
            if len(index) > limit:
                raise _too_many("the file declares over", limit, limit, file, lineno, 1)
            continue
        if len(fields) < 2:
            raise FormatError("expected an attack 'a b'", file=file, line=lineno, column=_col(line))
        for name, column in zip(fields[:2], _columns(line, fields)[:2], strict=True):
            if name not in index:
                raise FormatError(
                    f"attack names undeclared argument {name!r}",
                    file=file,
                    line=lineno,
                    column=column,
                )
        src.append(index[fields[0]])
        dst.append(index[fields[1]])
    return Framework(len(index), src, dst, names=list(index))


def _col(line: str) -> int:
    return len(line) - len(line.lstrip()) + 1


def _columns(line: str, fields: list[str]) -> list[int]:
    out, pos = [], 0
    for f in fields:
        pos = line.index(f, pos)
        out.append(pos + 1)
        pos += len(f)
    return out
