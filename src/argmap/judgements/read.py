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
from pathlib import Path
from typing import IO

from ..errors import ArgmapError, FormatError
from ..model import ArgumentMap
from . import kialo
from ._reader import BLOCK, Collector, Columns, read_table
from .ratings import DUPLICATE_RULES, Duplicates, ItemIndex, Ratings, Scale

__all__ = ["FORMATS", "parse_ratings", "read_ratings"]

#: The table layouts read; ``None`` tells them by the header.
FORMATS = ("csv", "kialo")

_CSV_ITEMS = ("claim", "link", "item")


def read_ratings(
    path: str | Path,
    m: ArgumentMap,
    *,
    scale: Scale | None = None,
    format: str | None = None,
    duplicates: Duplicates = "last",
    block: int = BLOCK,
) -> Ratings:
    """Read a ratings file for the map ``m``.

    Parameters
    ----------
    path : str or Path
        A CSV file with a header row (see :mod:`argmap.judgements.read`).
    m : ArgumentMap
        The map the ratings are of: names that are none of its claims or links are reported.
    scale : Scale, optional
        The rating scale; 0 to 4, convincing from 3, by default (Kialo tables: always 0–4).
    format : {"csv", "kialo"}, optional
        The table's layout; by default told by its header.
    duplicates : {"last", "first"}
        Which rating counts when a rater rated the same item twice.
    block : int
        Bytes read at a time (memory use stays near a few times this, plus the rows).

    Raises
    ------
    FormatError
        The file cannot be read as a table: no header, a header without the needed
        columns, text that is not UTF-8, a quote never closed. Bad *rows* do not raise:
        they are in :attr:`Ratings.invalid`.

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
    >>> r.valid_rows, [str(p) for p in r.invalid]
    (1, ["3: rating 'x' is not a number"])
    """
    file = str(path)
    try:
        with Path(path).open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            return _read(stream, file, m, scale, format, duplicates, block, size)
    except OSError as exc:
        raise ArgmapError(f"{file}: cannot read: {exc.strerror or exc}") from None


def parse_ratings(
    text: str,
    m: ArgumentMap,
    *,
    scale: Scale | None = None,
    format: str | None = None,
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
    stream = io.BytesIO(text.encode("utf-8"))
    return _read(stream, file, m, scale, format, duplicates, BLOCK, len(text))


def _read(
    stream: IO[bytes],
    file: str | None,
    m: ArgumentMap,
    scale: Scale | None,
    format: str | None,
    duplicates: Duplicates,
    block: int,
    size: int = 0,
) -> Ratings:
    if format is not None and format not in FORMATS:
        raise ArgmapError(f"no ratings format {format!r} (choose from {', '.join(FORMATS)})")
    if duplicates not in DUPLICATE_RULES:
        raise ArgmapError(
            f"duplicates must be one of {', '.join(DUPLICATE_RULES)} (got {duplicates!r})"
        )
    items = ItemIndex(m)

    def open_columns(header: list[str], line: int, delimiter: str) -> tuple[Columns, Collector]:
        kind = format or ("kialo" if "position" in header else "csv")
        names = _roles(header, kind, file, line)
        columns = Columns(tuple(header), *names, delimiter=delimiter)
        decimal_comma = delimiter != ","
        if kind == "kialo":
            threshold = scale.convincing if scale is not None else kialo.KIALO_SCALE.convincing
            kialo_scale = Scale(0, 4, threshold)
            collector = Collector(
                items,
                kialo_scale,
                "position",
                decimal_comma=decimal_comma,
                resolve_item=lambda name: kialo.resolve_position(items, name),
                resolve_value=lambda value: kialo.impact(value, kialo_scale),
            )
        else:
            collector = Collector(
                items, scale or Scale(), columns.item_column, decimal_comma=decimal_comma
            )
        collector.source_format = kind
        return columns, collector

    return read_table(stream, file, open_columns, duplicates, block=block, size_hint=size)


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
