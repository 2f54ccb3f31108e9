"""One row per map: read it, check it, count it, analyse it, lint it; never raise.

This is the work a batch worker does. A map that cannot be read (not a map, truncated, too
big, too slow, a zip member that will not unpack) becomes an ``invalid`` row whose
``message`` says why; any other map becomes an ``ok`` row of counts. Nothing here raises for
a bad file, so one student's file never stops a class's run.

Source texts (for quote checks) are read only from inside the map's own folder, or its own
archive for a zip member: a map cannot make the batch read other files of the machine.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "pets.argdown").write_text("[Pets]: Pets help.\\n  - [Bite]: Pets bite.\\n")
>>> row = read_item(Item("pets.argdown", str(folder / "pets.argdown")))
>>> row.status, row.format, row.claims, row.links, row.accepted, row.rejected
('ok', 'argdown', 2, 1, 1, 1)
>>> _ = (folder / "bad.json").write_text('{"claims": [')
>>> bad = read_item(Item("bad.json", str(folder / "bad.json")))
>>> bad.status, bad.format, bad.message
('invalid', 'argmap', '1:13: AM001 invalid-json: invalid JSON: Expecting value')
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import posixpath
import signal
import threading
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, NamedTuple

from .._words import counted
from ..errors import ArgmapError, Code, FormatError, MapValidationError, Problem
from ..io.sources import SourceRefused, open_source
from ..model import ArgumentMap
from .discover import Item, Limits

if TYPE_CHECKING:
    from ..classroom import Reference

__all__ = ["COLUMNS", "REFERENCE_COLUMNS", "Row", "columns", "read_chunk", "read_item"]


class Row(NamedTuple):
    """The output's row for one map (see ``docs/batch.md`` for each column)."""

    file: str
    format: str
    status: str
    message: str
    claims: int | None = None
    links: int | None = None
    positions: int | None = None
    accepted: int | None = None
    rejected: int | None = None
    undecided: int | None = None
    lint_errors: int | None = None
    lint_warnings: int | None = None
    # With a reference map (``--reference``): how the map compares with it.
    score: float | None = None
    claims_found: int | None = None
    claims_missing: int | None = None
    claims_extra: int | None = None
    link_errors: int | None = None


#: The output's columns, in order, without a reference map.
COLUMNS: tuple[str, ...] = Row._fields[:12]
#: The columns a run with a reference map adds: the comparison's score (0-100) and counts.
REFERENCE_COLUMNS: tuple[str, ...] = Row._fields[12:]
#: Columns holding counts (empty on an invalid row).
COUNTS: tuple[str, ...] = COLUMNS[4:]


def columns(reference: bool) -> tuple[str, ...]:
    """The table's columns, with the comparison's when there is a reference map.

    >>> columns(True)[-5:]
    ('score', 'claims_found', 'claims_missing', 'claims_extra', 'link_errors')
    """
    return COLUMNS + REFERENCE_COLUMNS if reference else COLUMNS


#: At most this many of a map's problems are spelt out in its row's message.
SHOWN_PROBLEMS = 3

ReadSource = Callable[[str], bytes]


def read_chunk(
    items: Sequence[Item], limits: Limits | None = None, reference: str | None = None
) -> list[Row]:
    """The rows of ``items``, in order; each archive is opened once for the chunk.

    ``reference`` is a reference map as argmap JSON text: each map read is compared with it
    (the comparison's columns, :data:`REFERENCE_COLUMNS`). Text, not a map, so that it
    travels to the workers cheaply; each worker prepares it once (:func:`_reference`).
    """
    limits = limits or Limits()
    with contextlib.ExitStack() as stack:
        archives: dict[str, zipfile.ZipFile] = {}

        def archive(path: str) -> zipfile.ZipFile:
            if path not in archives:
                archives[path] = stack.enter_context(zipfile.ZipFile(path))
            return archives[path]

        rows = [read_item(item, limits, archive, reference) for item in items]
    # argmap's readers pause the cyclic collector and leave what they made in its oldest
    # generation (argmap._gc), where the garbage cycles of one map after another are
    # found only by a full collection, which a worker reading map after map seldom
    # reaches: 10,000 maps left 2.4 million objects (855 MiB) behind. One full collection
    # per chunk keeps a worker at about 100 MiB, at no cost in time.
    gc.collect()
    return rows


def read_item(
    item: Item,
    limits: Limits | None = None,
    archive: Callable[[str], zipfile.ZipFile] = zipfile.ZipFile,
    reference: str | None = None,
) -> Row:
    """The row of one map; never raises for anything the file holds.

    ``archive`` opens a zip archive by path (:func:`read_chunk` passes one that keeps each
    archive open for the whole chunk).
    """
    limits = limits or Limits()
    if item.problem:
        return Row(item.name, "", "invalid", item.problem)
    found = _Found()
    try:
        with _time_limit(limits.timeout):
            row = _read(item, limits, archive, found)
            return row if reference is None else _compared(row, found, reference)
    except MapValidationError as exc:
        message = _problems(exc.problems)
    except FormatError as exc:
        message = _located(exc)
    except ArgmapError as exc:
        message = str(exc)
    except _Timeout:
        message = f"took more than {limits.timeout:g} s to read and analyse; stopped"
    except RecursionError:
        message = "nested too deeply to read"
    except MemoryError:
        message = "ran out of memory reading it"
    except (OSError, zipfile.BadZipFile, EOFError, NotImplementedError, zlib.error) as exc:
        # A damaged zip member: NotImplementedError for a packing method zipfile does not
        # know, zlib.error for a damaged deflate stream.
        message = f"cannot read it: {_reason(exc)}"
    except Exception as exc:  # a bug in a reader must not stop the corpus either
        message = f"internal error ({type(exc).__name__}: {exc}); please report it"
    return Row(item.name, found.format, "invalid", message)


class _Found:
    """What is known about a map before it fails: its format, for the invalid row."""

    format = ""
    map: ArgumentMap | None = None
    texts: dict[str, str] = {}  # noqa: RUF012 (replaced, never changed in place)


def _read(
    item: Item, limits: Limits, archive: Callable[[str], zipfile.ZipFile], found: _Found
) -> Row:
    if item.member is None:
        data = _file_bytes(item.path, limits.max_bytes)
        source = _folder_reader(os.path.dirname(item.path) or ".", limits.max_bytes)
    else:
        zipped = archive(item.path)
        data = _member_bytes(zipped, item.member, limits.max_bytes)
        source = _archive_reader(zipped, item.member, limits.max_bytes)
    text = _decode(data)
    found.format = _format_name(item.member or item.path, text)
    m, warnings, texts = _parse(found.format, text, data, source)
    found.map, found.texts = m, texts
    return _ok_row(item.name, found.format, m, warnings, texts)


def _file_bytes(path: str, limit: int) -> bytes:
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ArgmapError(f"over the limit of {limit} bytes for one map")
    return data


def _member_bytes(archive: zipfile.ZipFile, member: str, limit: int) -> bytes:
    # zipfile stops at the size the archive declares; reading one byte past the limit
    # also catches an archive that lies about it.
    with archive.open(member) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ArgmapError(f"unpacks to over the limit of {limit} bytes for one map")
    return data


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)
        raise FormatError(f"not UTF-8 text (byte {exc.start})", line=line, column=column) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _format_name(name: str, text: str) -> str:
    from ..formats import argmap_json, infer_format

    head = text[:8192]
    if argmap_json.FORMAT.sniff is not None and argmap_json.FORMAT.sniff(head):
        return "argmap"
    return infer_format(name, head).name


def _parse(
    format: str, text: str, data: bytes, source: ReadSource
) -> tuple[ArgumentMap, list[str], dict[str, str]]:
    """The map, the warnings worth a note in its row, and its sources' texts."""
    if format != "argmap":
        from ..formats import reads_report

        report = reads_report(text, format)
        # What was lost first, then how things were carried over (nothing lost).
        return report.map, [*report.warnings, *report.notes], {}
    from ..io.json import loads

    m = loads(data, check_quotes=False)
    if not any(s.path for s in m.sources):
        return m, [], {}
    texts, warnings = _source_texts(m, source)
    from ..validate import check

    errors, _ = check(m, texts, warnings=False)
    if errors:
        raise MapValidationError(errors)
    return m, warnings, texts


def _source_texts(m: ArgumentMap, source: ReadSource) -> tuple[dict[str, str], list[str]]:
    """The texts of the sources that could be read, and a warning for each that could not.

    A path leading out of the map's folder (or archive), or to something that is not a
    regular file, makes the map invalid, as ``argmap validate`` says (``AM112``).
    """
    texts: dict[str, str] = {}
    warnings: list[str] = []
    refused: list[Problem] = []
    for i, s in enumerate(m.sources):
        if not s.path:
            continue
        try:
            texts[s.id] = source(s.path).decode("utf-8")
        except SourceRefused as exc:
            refused.append(Problem(Code.SOURCE_REFUSED, f"sources[{i}].path", str(exc)))
        except (OSError, KeyError, UnicodeDecodeError, ArgmapError) as exc:
            warnings.append(f"source {s.id!r} not read ({_reason(exc)}); its quotes not checked")
    if refused:
        raise MapValidationError(refused)
    return texts, warnings


def _folder_reader(folder: str, limit: int) -> ReadSource:
    def read(relative: str) -> bytes:
        # The same rules as every reader of sources (argmap.io.sources): inside the map's
        # folder, regular files only; and no larger than a map may be.
        data = open_source(Path(folder), relative)
        if len(data) > limit:
            raise ArgmapError(f"over the limit of {limit} bytes for one file")
        return data

    return read


def _archive_reader(archive: zipfile.ZipFile, member: str, limit: int) -> ReadSource:
    here = posixpath.dirname(member)

    def read(relative: str) -> bytes:
        name = posixpath.normpath(posixpath.join(here, relative.replace("\\", "/")))
        if relative.startswith("/") or name == ".." or name.startswith("../"):
            raise SourceRefused(
                f"source path {relative!r} leads outside the archive's folder of the map"
            )
        return _member_bytes(archive, name, limit)

    return read


def _ok_row(
    name: str, format: str, m: ArgumentMap, warnings: list[str], texts: dict[str, str]
) -> Row:
    from ..analysis import analyze, lint

    status = Counter(analyze(m).status.values())
    findings = lint(m, source_texts=texts)
    open_ = Counter(f.severity for f in findings if not f.acknowledged)
    return Row(
        name,
        format,
        "ok",
        "; ".join(warnings),
        claims=len(m.claims),
        links=len(m.links),
        positions=sum(c.kind == "position" for c in m.claims),
        accepted=status["accepted"],
        rejected=status["rejected"],
        undecided=status["undecided"],
        lint_errors=open_["error"],
        lint_warnings=open_["warning"],
    )


def _compared(row: Row, found: _Found, reference: str) -> Row:
    """``row`` with how its map compares with the reference map (quotes paired by the
    source texts read beside the map, as ``argmap compare`` does)."""
    if found.map is None:
        return row
    result = _reference(reference).compare(found.map, texts=found.texts)
    return row._replace(
        score=round(result.score.value, 2),
        claims_found=result.claims_found,
        claims_missing=result.claims_missing,
        claims_extra=result.claims_extra,
        link_errors=result.link_errors,
    )


@functools.lru_cache(maxsize=2)
def _reference(text: str) -> Reference:
    # Prepared once per worker process: the reference's claims are indexed for pairing.
    from ..classroom import Reference
    from ..io.json import loads

    return Reference(loads(text, check_quotes=False))


def _problems(problems: Sequence[Problem]) -> str:
    """A map's problems on one line: the first few, then how many more."""
    shown = "; ".join(str(p) for p in problems[:SHOWN_PROBLEMS])
    rest = len(problems) - SHOWN_PROBLEMS
    return f"{shown}; and {counted(rest, 'more problem{|s}')}" if rest > 0 else shown


def _located(exc: FormatError) -> str:
    where = ":".join(str(n) for n in (exc.line, exc.column) if n is not None)
    if exc.path:
        where = f"{where} {exc.path}".strip()
    return f"{where}: {exc.message}" if where else exc.message


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


class _Timeout(BaseException):
    # Not an Exception: no ``except Exception`` inside a reader may swallow it.
    pass


@contextlib.contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Stop the work after ``seconds``, where a timer signal can reach it.

    Signals reach only a process's main thread: a worker of Dask's process pool (and the
    synchronous scheduler) runs tasks there; a ``dask.distributed`` worker runs them in
    threads, where the limit is not applied (docs/batch.md).
    """
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable:
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
