"""A class's ratings of a map's claims and links: the scale, the table, and reading it.

A ratings file is a table with a header row, one rating a row: who rated (``rater``), what
(``claim``, ``link``, or ``item`` for either) and how much (``rating``, a number on the
scale, 0 to 4 by default). Kialo vote tables (``user,position,vote``) are read too: see
:mod:`argmap.judgements.kialo`.

Every row that cannot count (an unknown claim, a rating off the scale or not a number, no
rater, the wrong number of fields) is kept as a :class:`RowProblem` with its line number,
and the other rows count. When a rater rates the same item twice, one rating counts (the
later one by default, as a student who changed their mind) and the other is reported in
:attr:`Ratings.superseded`. Nothing is dropped without a line saying so; blank lines are not
rows and are passed over.

The rows are held as numpy arrays (codes for raters, items and rating values), about 13
bytes a row, so a school year of ratings fits in memory comfortably.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
import numpy.typing as npt

from .._words import counted, unknown_name
from ..errors import ArgmapError
from ..model import ArgumentMap

__all__ = [
    "DUPLICATE_RULES",
    "Duplicates",
    "ItemIndex",
    "Ratings",
    "RowProblem",
    "Scale",
]

IntArray = npt.NDArray[np.int32]
Duplicates = Literal["last", "first"]
#: Which of two ratings by the same rater of the same item counts.
DUPLICATE_RULES: tuple[str, ...] = ("last", "first")


@dataclass(frozen=True)
class Scale:
    """The rating scale: lowest and highest rating, and where "convincing" starts.

    A rating counts as *convincing* when it is at least ``convincing``. By default that is
    the first whole number above the middle of the scale: 3 on 0–4, 4 on 1–5, 6 on 0–10.

    Examples
    --------
    >>> Scale().convincing
    3.0
    >>> Scale(1, 5).convincing
    4.0
    >>> Scale(0, 4).rescale(3)
    0.75
    >>> Scale(4, 0)
    Traceback (most recent call last):
    ...
    argmap.errors.ArgmapError: the scale's lowest rating (4) must be below its highest (0)
    """

    low: float = 0.0
    high: float = 4.0
    convincing: float = field(default=math.nan)

    def __post_init__(self) -> None:
        for name in ("low", "high"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ArgmapError(f"the scale's {name} end must be a number, not {value!r}")
            if not math.isfinite(value):
                raise ArgmapError(f"the scale's {name} end must be a finite number")
            object.__setattr__(self, name, float(value))
        if not self.low < self.high:
            raise ArgmapError(
                f"the scale's lowest rating ({self.low:g}) must be below its highest "
                f"({self.high:g})"
            )
        threshold = self.convincing
        if isinstance(threshold, float) and math.isnan(threshold):
            threshold = math.floor((self.low + self.high) / 2) + 1.0
            threshold = min(threshold, self.high)
        if isinstance(threshold, bool) or not isinstance(threshold, int | float):
            raise ArgmapError(f"the convincing threshold must be a number, not {threshold!r}")
        if not self.low <= threshold <= self.high:
            raise ArgmapError(
                f"the convincing threshold {threshold:g} is outside the scale "
                f"{self.low:g} to {self.high:g}"
            )
        object.__setattr__(self, "convincing", float(threshold))

    @property
    def width(self) -> float:
        """``high - low``."""
        return self.high - self.low

    def rescale(self, rating: float) -> float:
        """A rating as a number in [0, 1]: 0 at the low end, 1 at the high end."""
        return (rating - self.low) / self.width

    def describe(self) -> str:
        """``0 to 4 (convincing from 3)``, for reports."""
        return f"{self.low:g} to {self.high:g} (convincing from {self.convincing:g})"

    def to_dict(self) -> dict[str, float]:
        return {"min": self.low, "max": self.high, "convincing": self.convincing}


@dataclass(frozen=True)
class RowProblem:
    """A row that does not count, or a rating that another replaced, and why.

    ``line`` is the line in ``file`` (for Python rows, the row's number from 1).
    """

    line: int
    message: str
    file: str | None = None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"line": self.line, "message": self.message}
        if self.file is not None:
            out = {"file": self.file, **out}
        return out

    def where(self) -> str:
        """``ratings.csv:12`` (or ``line 12`` without a file), for messages."""
        return f"{self.file}:{self.line}" if self.file else f"line {self.line}"

    def __str__(self) -> str:
        return f"{self.line}: {self.message}"


class ItemIndex:
    """What a ratings table may name: the map's claims, then its links, by index.

    The order (claims in map order, then links in map order) is that of
    :func:`argmap.analysis.gradual.to_qbaf`, so an item's index is its QBAF node.
    """

    def __init__(self, m: ArgumentMap) -> None:
        self.ids: tuple[str, ...] = tuple([c.id for c in m.claims] + [x.id for x in m.links])
        self.n_claims = len(m.claims)
        self.index = {item_id: i for i, item_id in enumerate(self.ids)}

    def __len__(self) -> int:
        return len(self.ids)

    def kind(self, i: int) -> str:
        return "claim" if i < self.n_claims else "link"

    def resolve(self, name: str, column: str) -> int | str:
        """The index of the item ``name`` in a ``column`` column, or what is wrong with it."""
        if not name:
            return f"no {column}"
        i = self.index.get(name)
        if i is not None and (column == "item" or self.kind(i) == column):
            return i
        if i is not None:
            other = self.kind(i)
            return f"{name!r} is a {other}, not a {column} (name the column 'item' for both)"
        if column == "claim":
            known: Iterable[str] = self.ids[: self.n_claims]
        elif column == "link":
            known = self.ids[self.n_claims :]
        else:
            known = self.ids
        return str(unknown_name(column, _short(name), known))


@dataclass(frozen=True, eq=False)
class Ratings:
    """The rows of a ratings table that count, as arrays, and the rows that do not.

    ``raters`` are in the order of their names (the raters of at least one counted row).

    Row ``k`` says rater ``raters[rater[k]]`` gave item ``items.ids[item[k]]`` the rating
    ``levels[code[k]]``. ``levels`` are the distinct ratings given, in increasing order.
    ``line[k]`` numbers the row across all the tables read (``files``, each starting at its
    ``offsets`` entry): :meth:`locate` turns it into a file and a line. Build one with
    :func:`read_ratings` (files), :func:`parse_ratings` (text) or :func:`ratings_from_rows`
    (Python values).
    """

    items: ItemIndex
    scale: Scale
    raters: tuple[str, ...]
    rater: IntArray
    item: IntArray
    code: npt.NDArray[np.integer]
    levels: npt.NDArray[np.float64]
    line: IntArray
    invalid: tuple[RowProblem, ...]
    superseded: tuple[RowProblem, ...] = ()
    files: tuple[str | None, ...] = (None,)
    offsets: tuple[int, ...] = (0,)
    source_format: str = "csv"

    @property
    def file(self) -> str | None:
        """The file read (the first, when there were several); None for text or rows."""
        return self.files[0] if self.files else None

    def locate(self, line: int) -> tuple[str | None, int]:
        """The file and line of a row's ``line`` number."""
        k = 0
        while k + 1 < len(self.offsets) and self.offsets[k + 1] <= line:
            k += 1
        return self.files[k], line - self.offsets[k]

    @property
    def valid_rows(self) -> int:
        """How many ratings count."""
        return int(self.rater.size)

    def values(self) -> npt.NDArray[np.float64]:
        """Each counted rating as a number."""
        return np.asarray(self.levels[self.code], dtype=np.float64)

    def __repr__(self) -> str:
        return (
            f"<Ratings {counted(self.valid_rows, 'row{|s}')} by "
            f"{counted(len(self.raters), 'rater{|s}')}, "
            f"{counted(len(self.invalid), 'invalid row{|s}')}>"
        )


def _short(text: str, limit: int = 40) -> str:
    """Long user text shortened for a message (the repr shows the rest is cut)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")


def parse_rating(value: object, scale: Scale, *, decimal_comma: bool = False) -> float | str:
    """A rating as a number on the scale, or the sentence saying why it is not one.

    Numbers are written with a point (``2.5``); with ``decimal_comma`` (a ``;``-separated
    file, as spreadsheets in many countries save) ``2,5`` too. ``nan``, ``inf`` and
    thousands separators are not ratings.

    >>> parse_rating(" 3 ", Scale())
    3.0
    >>> parse_rating("lots", Scale())
    "rating 'lots' is not a number"
    >>> parse_rating("2,5", Scale(), decimal_comma=True)
    2.5
    """
    if isinstance(value, bool):
        return f"rating {value!r} is not a number"
    if isinstance(value, int | float):
        number = float(value)
        if not math.isfinite(number):
            return f"rating {value!r} is not a number"
        text = f"{number:g}"
    else:
        text = str(value).strip(" \t\r\n")
        if not text:
            return "no rating"
        plain = text.replace(",", ".", 1) if decimal_comma and "." not in text else text
        if not _NUMBER.fullmatch(plain):
            return f"rating {_short(text)!r} is not a number"
        number = float(plain)
    if not scale.low <= number <= scale.high:
        return f"rating {text} is outside the scale {scale.low:g} to {scale.high:g}"
    return number


def iter_problems(
    lines: npt.NDArray[np.int32], codes: IntArray, messages: list[str]
) -> Iterator[RowProblem]:
    """Problems from parallel arrays of line numbers and message codes, in line order."""
    order = np.argsort(lines, kind="stable")
    for k in order.tolist():
        yield RowProblem(int(lines[k]), messages[int(codes[k])])


def as_path(source: str | Path) -> Path:
    return source if isinstance(source, Path) else Path(source)
