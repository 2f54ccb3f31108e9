"""Reading ratings files: plain CSV tables and Kialo vote tables.

The header row decides what a table is: ``rater`` with ``claim``, ``link`` or ``item`` and
``rating`` is a plain table; ``user`` (or ``rater``), ``position`` and ``vote`` a Kialo vote
table (:mod:`argmap.judgements.kialo`). Header names are matched without regard to case or
surrounding spaces; other columns (a timestamp, a comment) are allowed and ignored. The
delimiter is the first of ``,`` ``;`` and tab found in the header; in a ``;`` or tab table a
decimal comma (``2,5``) reads as a decimal point.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Literal, get_args

from ..errors import ArgmapError, FormatError
from ..model import ArgumentMap
from . import kialo
from ._collect import Collector
from ._reader import BLOCK, Columns, read_table
from .kialo import impact, resolve_position
from .ratings import DUPLICATE_RULES, Duplicates, ItemIndex, Ratings, Scale

__all__ = ["FORMATS", "RatingsFormat", "parse_ratings", "read_ratings"]

#: The table layouts read; ``None`` tells them by the header.
RatingsFormat = Literal["csv", "kialo"]
FORMATS: tuple[RatingsFormat, ...] = get_args(RatingsFormat)

_CSV_ITEMS = ("claim", "link", "item")


def read_ratings(
    paths: str | Path | Sequence[str | Path],
    m: ArgumentMap,
    *,
    scale: Scale | None = None,
    format: RatingsFormat | None = None,
    duplicates: Duplicates = "last",
    block: int = BLOCK,
) -> Ratings:
    """Read one ratings file, or several (claims in one, links in another), for the map ``m``.

    Parameters
    ----------
    paths : path, or a sequence of paths
        CSV files with a header row each (see :mod:`argmap.judgements.read`). Several files
        are read as one table: a rater who rated an item in two files rated it twice, and
        the later file's rating counts (with ``duplicates="last"``).
    m : ArgumentMap
        The map the ratings are of: names that are none of its claims or links are reported.
    scale : Scale, optional
        The rating scale; 0 to 4, convincing from 3, by default (Kialo tables: always 0–4).
    format : {"csv", "kialo"}, optional
        The tables' layout; by default told by each header.
    duplicates : {"last", "first"}
        Which rating counts when a rater rated the same item twice.
    block : int
        Bytes read at a time (memory use stays near a few times this, plus the rows).

    Raises
    ------
    FormatError
        A file cannot be read as a table: no header, a header without the needed columns,
        text that is not UTF-8, a quote never closed. Bad *rows* do not raise: they are in
        :attr:`Ratings.invalid`.

    Examples
    --------
    >>> import tempfile, os
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> m.claim("t", "Thesis.")
    't'
    >>> folder = tempfile.mkdtemp()
    >>> path = os.path.join(folder, "ratings.csv")
    >>> _ = open(path, "w").write("rater,claim,rating\\nann,t,3\\nbo,t,x\\n")
    >>> r = read_ratings(path, m)
    >>> r.valid_rows, [p.where() + ": " + p.message for p in r.invalid]
    (1, [".../ratings.csv:3: rating 'x' is not a number"])
    """
    files = [paths] if isinstance(paths, str | Path) else list(paths)
    if not files:
        raise ArgmapError("no ratings file given")
    reader = _Reader(m, scale, format, duplicates)
    for path in files:
        name = str(path)
        try:
            with Path(path).open("rb") as stream:
                size = os.fstat(stream.fileno()).st_size
                reader.read(stream, name, block, size)
        except OSError as exc:
            raise ArgmapError(f"{name}: cannot read: {exc.strerror or exc}") from None
    return reader.finish()


def parse_ratings(
    text: str,
    m: ArgumentMap,
    *,
    scale: Scale | None = None,
    format: RatingsFormat | None = None,
    duplicates: Duplicates = "last",
    file: str | None = None,
) -> Ratings:
    """Ratings from the text of a table (as :func:`read_ratings` reads a file).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> m.claim("t", "Thesis.")
    't'
    >>> parse_ratings("rater,claim,rating\\nann,t,3\\nann,t,4\\n", m).superseded[0].message
    "'ann' rated 't' again on line 3; the later rating counts"
    """
    reader = _Reader(m, scale, format, duplicates)
    reader.read(io.BytesIO(text.encode("utf-8")), file, BLOCK, len(text))
    return reader.finish()


class _Reader:
    """One :class:`Collector` fed by one table after another."""

    def __init__(
        self, m: ArgumentMap, scale: Scale | None, format: str | None, duplicates: Duplicates
    ) -> None:
        if format is not None and format not in FORMATS:
            raise ArgmapError(f"no ratings format {format!r} (choose from {', '.join(FORMATS)})")
        if duplicates not in DUPLICATE_RULES:
            raise ArgmapError(
                f"duplicates must be one of {', '.join(DUPLICATE_RULES)} (got {duplicates!r})"
            )
        self.items = ItemIndex(m)
        self.scale, self.format, self.duplicates = scale, format, duplicates
        self.collector: Collector | None = None
        self.next_line = 0  # the line number the next table starts after

    def read(self, stream: IO[bytes], file: str | None, block: int, size: int) -> None:
        offset = self.next_line
        last = read_table(
            stream,
            file,
            lambda header, line, delimiter: self._open(header, line, delimiter, file, offset),
            self._collector_for(),
            block=block,
            size_hint=size,
        )
        self.next_line = offset + last

    def _collector_for(self) -> Collector:
        if self.collector is None:
            self.collector = Collector(self.items, self.scale or Scale())
        return self.collector

    def _open(
        self, header: list[str], line: int, delimiter: str, file: str | None, offset: int
    ) -> Columns:
        kind = self.format or ("kialo" if "position" in header else "csv")
        names = _roles(header, kind, file, line)
        columns = Columns(tuple(header), *names, delimiter=delimiter)
        collector = self._collector_for()
        scale = collector.scale
        if kind == "kialo" and (scale.low, scale.high) != (0.0, 4.0):
            raise FormatError(
                f"Kialo votes are on Kialo's scale, 0 to 4, not {scale.low:g} to {scale.high:g}",
                file=file,
                line=line,
            )
        decimal_comma = delimiter != ","
        if kind == "kialo":
            items = self.items
            collector.use(
                "position",
                file=file,
                kind=kind,
                decimal_comma=decimal_comma,
                resolve_item=lambda name: resolve_position(items, name),
                resolve_value=lambda value: impact(value, scale),
                offset=offset,
            )
        else:
            collector.use(
                columns.item_column,
                file=file,
                kind=kind,
                decimal_comma=decimal_comma,
                offset=offset,
            )
        return columns

    def finish(self) -> Ratings:
        return self._collector_for().finish(self.duplicates)


def _roles(header: list[str], kind: str, file: str | None, line: int) -> tuple[int, int, int, str]:
    """Where the rater, item and rating columns are, and the item column's name."""
    if kind == "kialo":
        raters, items, ratings = kialo.columns()
        expected = "user, position and vote"
    else:
        raters, items, ratings = ("rater",), _CSV_ITEMS, ("rating",)
        expected = "rater, claim (or link, or item) and rating"
    found = ", ".join(repr(h) for h in header)
    at: list[int] = []
    for names in (raters, items, ratings):
        hits = [k for k, h in enumerate(header) if h in names]
        if not hits:
            raise FormatError(
                f"the header has no {names[0]!r} column (found {found}); a ratings table's "
                f"header names {expected}",
                file=file,
                line=line,
            )
        if len(hits) > 1:
            twice = " and ".join(repr(header[k]) for k in hits)
            raise FormatError(
                f"the header names {twice}: keep one (found {found})", file=file, line=line
            )
        at.append(hits[0])
    return at[0], at[1], at[2], header[at[1]]
