"""Reading and writing argument maps in other tools' formats.

One module per format, each exposing a :class:`Format` named ``FORMAT``; the registry finds
them by name in :data:`MODULES`, so adding a format is adding one module and one name.
Nothing is lost silently. A reader reports what the argmap model cannot hold, a writer what
the target format cannot hold; :func:`read`, :func:`write` and :func:`writes` then raise
:class:`~argmap.errors.LossError` listing it (and write nothing) unless called with
``allow_loss=True``; :func:`read_report` and :func:`writes_report` return the losses instead.

>>> import argmap
>>> m = argmap.ArgumentMap()
>>> m.claim("a", "Cats are mammals.")
'a'
>>> m.claim("b", "Cats are animals.")
'b'
>>> m.support("a", "b")
's1'
>>> text = writes(m, "argdown")
>>> reads(text, "argdown").links[0].kind
'support'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .._gc import gc_paused
from ..errors import ArgmapError, FormatError, LossError, UnknownFormatError
from ..io.files import atomic_write
from ..model import ArgumentMap
from ._common import Result

__all__ = [
    "MODULES",
    "Format",
    "ReadReport",
    "formats",
    "get_format",
    "infer_format",
    "read",
    "read_report",
    "reads",
    "reads_report",
    "register",
    "write",
    "writes",
    "writes_report",
]

#: Format modules under :mod:`argmap.formats`, loaded on first use.
MODULES: tuple[str, ...] = (
    "argmap_json",
    "argdown",
    "argdown_json",
    "aif",
    "kialo",
    "sadface",
    "graphml",
    "gexf",
)

Reader = Callable[[str, "str | None"], Result]
Writer = Callable[[ArgumentMap], tuple[str, list[str]]]

#: Files larger than this are refused before reading (every format here is text).
MAX_BYTES = 1 << 30


@dataclass(frozen=True)
class Format:
    """A file format: its name, file extensions, and reader and/or writer.

    ``sniff`` looks at the first few kilobytes of text and says whether they are this format;
    it lets :func:`read` tell formats apart that share an extension (AIF and SADFace are
    both ``.json``).
    """

    name: str
    extensions: tuple[str, ...]
    description: str
    reader: Reader | None = None
    writer: Writer | None = None
    sniff: Callable[[str], bool] | None = None
    aliases: tuple[str, ...] = field(default=())


@dataclass
class ReadReport:
    """A map read from another format, the format's name, what did not carry over
    (``warnings``: the losses) and ``notes`` on how things were carried over, losing nothing.
    """

    map: ArgumentMap
    format: str
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


_REGISTRY: dict[str, Format] = {}
_BUILT_IN: set[str] = set()  # names of the built-in formats, once loaded


def register(fmt: Format) -> None:
    """Add (or replace) a format in the registry."""
    _REGISTRY[fmt.name] = fmt


def _load() -> dict[str, Format]:
    if not _BUILT_IN:
        # The built-in formats first, in MODULES order; a format registered before they were
        # loaded is kept, after them or in the place of the one it replaces.
        added = dict(_REGISTRY)
        _REGISTRY.clear()
        for name in MODULES:
            fmt = importlib.import_module(f"{__name__}.{name}").FORMAT
            _REGISTRY[fmt.name] = fmt
            _BUILT_IN.add(fmt.name)
        _REGISTRY.update(added)
    return _REGISTRY


def formats() -> list[Format]:
    """Every registered format, in registry order.

    >>> [f.name for f in formats()][:3]
    ['argmap', 'argdown', 'argdown-json']
    """
    return list(_load().values())


def get_format(name: str) -> Format:
    """The format called ``name`` (or one of its aliases); :class:`ArgmapError` if unknown."""
    table = _load()
    key = name.lower().lstrip(".")
    for fmt in table.values():
        if key == fmt.name or key in fmt.aliases:
            return fmt
    known = ", ".join(sorted(table))
    raise ArgmapError(f"unknown format {name!r}; known formats: {known}")


def infer_format(path: str | Path, text: str | None = None, *, for_writing: bool = False) -> Format:
    """Guess the format of ``path`` from its content (when given) and its extension.

    >>> infer_format("debate.argdown").name
    'argdown'
    >>> infer_format("x.json", '{"nodes": [], "edges": [], "locutions": []}').name
    'aif'
    """
    if text is not None:
        head = text[:8192]
        # Content beats the extension: AIF, SADFace and Argdown JSON all end in .json.
        readable = [f for f in _load().values() if f.reader is not None]
        sniffed = [f for f in readable if f.sniff and f.sniff(head)]
        if sniffed:
            return sniffed[0]
    fmt = _named_by_extension(Path(path).name.lower())
    if fmt is None:
        raise UnknownFormatError(_unknown_format_message(path, text, for_writing))
    if (fmt.writer if for_writing else fmt.reader) is None:
        # Falling back to a shorter extension would write, say, argmap JSON into a file
        # whose name says Argdown JSON.
        can, cannot = ("read", "write") if for_writing else ("write", "read")
        raise ArgmapError(f"{path}: argmap can {can} {fmt.name} but not {cannot} it")
    return fmt


#: Endings of the diagram files ``argmap render`` writes: not formats to convert to.
DIAGRAM_ENDINGS = (".svg", ".png", ".pdf", ".dot", ".gv", ".mmd")


def _unknown_format_message(path: str | Path, text: str | None, for_writing: bool) -> str:
    """Why the format is unknown, and what the user can name instead."""
    told = "" if text is None else " or the content"
    head = f"{path}: cannot tell the format from the file name{told}"
    if not for_writing:
        return f"{head} (known formats: {', '.join(_load())})"
    if Path(path).suffix.lower() in DIAGRAM_ENDINGS:
        head += f"; {Path(path).suffix} is a diagram: draw it with 'argmap render MAP -o {path}'"
    writable = [
        f"{f.name} ({' '.join(f.extensions)})" for f in _load().values() if f.writer is not None
    ]
    return f"{head}; formats argmap can write: {', '.join(writable)}"


def _named_by_extension(name: str) -> Format | None:
    """The format whose extension ends ``name`` most specifically: ``x.aif.json`` is AIF,
    though ``.json`` is argmap's too; on a tie, the first in registry order."""
    best: Format | None = None
    longest = 0
    for fmt in _load().values():
        size = max((len(ext) for ext in fmt.extensions if name.endswith(ext)), default=0)
        if size > longest:
            best, longest = fmt, size
    return best


def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise FormatError(f"file is over the {MAX_BYTES} byte limit", file=str(path))
        data = path.read_bytes()
    except OSError as exc:
        raise FormatError(f"cannot read file: {exc.strerror or exc}", file=str(path)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)
        raise FormatError(
            f"not UTF-8 text (byte {exc.start})", file=str(path), line=line, column=column
        ) from None
    # Kialo exports are CRLF; every reader sees plain newlines.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_report(path: str | Path, format: str | None = None) -> ReadReport:
    r"""Read a map from ``path``, with the warnings about what could not be represented.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "k.txt"
    >>> _ = path.write_text("Discussion Title: Pets?\n\n1. Pets help.\n"
    ...                     "1.1. Pro: Pets calm.\n1.2. Con: Pets bite.\n1.2.1. Con: -> See 1.1.\n")
    >>> report = read_report(path)
    >>> report.format, report.warnings, report.notes
    ('kialo', [], ["1 '-> See' reuse linked to the original claim"])
    """
    file = Path(path)
    text = _read_text(file)
    fmt = get_format(format) if format else infer_format(file, text)
    return _run_reader(fmt, text, str(file))


def read(path: str | Path, format: str | None = None, *, allow_loss: bool = False) -> ArgumentMap:
    r"""Read a map from ``path`` in any registered format (inferred when ``format`` is None).

    Parameters
    ----------
    path : str or Path
        The file to read.
    format : str, optional
        A format name (see :func:`formats`); by default it is inferred from the content
        and the file name.
    allow_loss : bool, default False
        Return the map even when the file holds something argmap cannot (an Argdown
        front matter setting, an AIF dialogue node, ...). Use :func:`read_report` to get the
        map together with the list of what was lost.

    Returns
    -------
    ArgumentMap
        The map, validated.

    Raises
    ------
    FormatError
        The file is malformed; the error names the line and column or the JSON path.
    LossError
        The file holds something argmap cannot, and ``allow_loss`` is false; its
        ``losses`` list what.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "pets.argdown").write_text("[Pets]: Pets help.\n  + [Calm]: Pets calm.\n")
    >>> m = read(folder / "pets.argdown")
    >>> [c.id for c in m.claims], m.links[0].kind
    (['pets', 'calm'], 'support')
    >>> write(m, folder / "pets.graphml")
    []
    """
    report = read_report(path, format)
    if report.warnings and not allow_loss:
        raise LossError(report.warnings, file=str(path), format=report.format, reading=True)
    return report.map


def reads_report(text: str, format: str) -> ReadReport:
    r"""Parse ``text`` in ``format``; like :func:`read_report` for a string.

    Examples
    --------
    >>> report = reads_report("===\nauthor: Ann\n===\n[A]: Cats purr.\n", "argdown")
    >>> report.map.claims[0].text, report.warnings
    ('Cats purr.', ['front matter settings not represented in argmap: author'])
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return _run_reader(get_format(format), text, None)


def reads(text: str, format: str, *, allow_loss: bool = False) -> ArgumentMap:
    r"""Parse ``text`` in ``format`` and return the map; like :func:`read` for a string.

    Examples
    --------
    >>> [c.text for c in reads("[A]: Cats purr.\n  + [B]: They are content.", "argdown").claims]
    ['Cats purr.', 'They are content.']
    """
    report = reads_report(text, format)
    if report.warnings and not allow_loss:
        raise LossError(report.warnings, format=report.format, reading=True)
    return report.map


def _run_reader(fmt: Format, text: str, file: str | None) -> ReadReport:
    if fmt.reader is None:
        where = f"{file}: " if file else ""
        raise ArgmapError(f"{where}argmap can write {fmt.name} but not read it")
    with gc_paused():  # a parse allocates many small acyclic objects; see argmap._gc
        result = fmt.reader(text, file)
    return ReadReport(result.map, fmt.name, result.warnings, result.notes)


def writes_report(m: ArgumentMap, format: str) -> tuple[str, list[str]]:
    """The map as text in ``format``, and what the format cannot hold (the losses).

    Unlike :func:`writes`, this never refuses: the caller gets the losses to decide on.

    Examples
    --------
    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> m.claim("a", "Cats purr.", title="Purring")
    'a'
    >>> text, losses = writes_report(m, "aif")
    >>> losses
    ['1 claim title value dropped']
    """
    fmt = get_format(format)
    if fmt.writer is None:
        raise ArgmapError(f"argmap can read {fmt.name} but not write it")
    return fmt.writer(m)


def writes(m: ArgumentMap, format: str, *, allow_loss: bool = False) -> str:
    """The map as text in ``format``.

    Raises :class:`~argmap.errors.LossError` if the format cannot hold all of ``m``, unless
    ``allow_loss`` (see :func:`writes_report` for the text and the losses together).

    Examples
    --------
    >>> import argmap
    >>> m = argmap.ArgumentMap()
    >>> m.claim("a", "Cats purr.", confidence=0.9)
    'a'
    >>> writes(m, "aif")
    Traceback (most recent call last):
    argmap.errors.LossError: writing aif would lose:
      - 1 claim confidence value dropped
      (nothing written; pass allow_loss=True, or --allow-loss, to write anyway)
    >>> '"Cats purr."' in writes(m, "aif", allow_loss=True)
    True
    """
    text, losses = writes_report(m, format)
    if losses and not allow_loss:
        raise LossError(losses, format=get_format(format).name)
    return text


def write(
    m: ArgumentMap, path: str | Path, format: str | None = None, *, allow_loss: bool = False
) -> list[str]:
    """Write ``m`` to ``path`` atomically, in any format argmap writes.

    Parameters
    ----------
    m : ArgumentMap
        The map.
    path : str or Path
        The file to write; its name tells the format (``.argdown``, ``.kialo.txt``,
        ``.graphml``, ...) unless ``format`` is given.
    format : str, optional
        A format name (see :func:`formats`).
    allow_loss : bool, default False
        Write even if the format cannot hold all of ``m``.

    Returns
    -------
    list of str
        What the format could not hold (empty unless ``allow_loss``). The same map always
        gives the same bytes.

    Raises
    ------
    LossError
        The format cannot hold all of ``m`` and ``allow_loss`` is false; nothing is
        written, and the error's ``losses`` say what would have been lost.

    Examples
    --------
    >>> import argmap, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> m = argmap.ArgumentMap(title="Pets")
    >>> m.claim("1", "Pets calm pupils.", kind="evidence")
    '1'
    >>> write(m, folder / "pets.argdown")  # Argdown holds all of it
    []
    >>> write(m, folder / "pets.kialo.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    argmap.errors.LossError: .../pets.kialo.txt: writing kialo would lose:
      - 1 claim kind (evidence, assumption) dropped
      - 1 claim for or against no other claim written as a thesis (read back as a position)
      (nothing written; pass allow_loss=True, or --allow-loss, to write anyway)
    >>> len(write(m, folder / "pets.kialo.txt", allow_loss=True))
    2
    """
    from ..outputs import get_output, produce  # the one path of every output

    fmt = get_format(format) if format else infer_format(path, for_writing=True)
    product = produce(m, get_output(fmt.name, kind="format"))
    if product.losses and not allow_loss:
        raise LossError(list(product.losses), file=str(path), format=fmt.name)
    atomic_write(path, product.content)
    return list(product.losses)
