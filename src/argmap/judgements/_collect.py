"""Rows in, :class:`~argmap.judgements.ratings.Ratings` out: codes, problems, duplicates.

Whichever way a block of rows was split (pyarrow or the ``csv`` module, see
:mod:`argmap.judgements._reader`), it arrives as, for each column, the distinct texts in it
and an index per row into them. The :class:`Collector` looks each distinct text up once (a
rater's code, an item's index, a rating's value, or what is wrong with it) and turns the
indexes into the rows' codes with numpy: the per-row work is array work, the per-text work
is Python. At the end it settles repeated ratings (:func:`_deduplicate`) and locates every
problem by file and line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from .._words import counted
from .ratings import (
    Duplicates,
    ItemIndex,
    Ratings,
    RowProblem,
    Scale,
    _short,
    iter_problems,
    parse_rating,
)

__all__ = ["DENSE_CELLS", "SLICE", "TRIM", "Collector"]

#: Whitespace trimmed from both ends of every field.
TRIM = " \t\r\n"
#: Above this many rater × item cells, duplicates are found by sorting, not by counting.
DENSE_CELLS = 1 << 25
#: Rows handled at a time where a whole-table array would cost memory for nothing.
SLICE = 1 << 20

Resolver = Callable[[str], "int | str"]


class Collector:
    """Rows in, :class:`Ratings` out: codes for what counts, located problems for the rest."""

    def __init__(self, items: ItemIndex, scale: Scale) -> None:
        self.items, self.scale = items, scale
        self.rater_code: dict[str, int] = {}
        self.level_code: dict[float, int] = {}
        self.messages: list[str] = []
        self.message_code: dict[str, int] = {}
        self.columns: list[npt.NDArray[Any]] = []
        self.size = self.capacity = 0
        self.bad: list[tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]] = []
        # Several tables feed one collector: each gets a range of "global" line numbers,
        # its own lines plus the lines of the tables before it.
        self.files: list[str | None] = []
        self.offsets: list[int] = []
        self.kinds: list[str] = []

    def use(
        self,
        column: str,
        *,
        file: str | None,
        kind: str = "csv",
        decimal_comma: bool = False,
        resolve_item: Resolver | None = None,
        resolve_value: Callable[[object], float | str] | None = None,
        offset: int = 0,
    ) -> None:
        """Start on a table: how its items and ratings are read, and where its lines start."""
        items, scale = self.items, self.scale
        self.column = column
        self._resolve_item = resolve_item or (lambda name: items.resolve(name, column))
        self._resolve_value = resolve_value or (
            lambda v: parse_rating(v, scale, decimal_comma=decimal_comma)
        )
        self.item_cache: dict[object, tuple[int, int]] = {}
        self.value_cache: dict[object, tuple[int, int]] = {}
        self.offset = offset
        self.files.append(file)
        self.offsets.append(offset)
        self.kinds.append(kind)

    def message(self, text: str) -> int:
        code = self.message_code.get(text)
        if code is None:
            code = self.message_code[text] = len(self.messages)
            self.messages.append(text)
        return code

    # -- per distinct text ---------------------------------------------------------------

    def _raters(self, keys: Sequence[object]) -> npt.NDArray[np.int32]:
        out = np.empty(len(keys), dtype=np.int32)
        codes = self.rater_code
        for k, key in enumerate(keys):
            name = "" if key is None else str(key).strip(TRIM)
            if not name:
                out[k] = -1
                continue
            code = codes.get(name)
            if code is None:
                code = codes[name] = len(codes)
            out[k] = code
        return out

    def _lookup(
        self, keys: Sequence[object], cache: dict[object, tuple[int, int]], kind: str
    ) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]:
        # (code, -1) for a good text; (-1, message code) for a bad one.
        codes = np.empty(len(keys), dtype=np.int32)
        errors = np.empty(len(keys), dtype=np.int32)
        for k, key in enumerate(keys):
            hit = cache.get(key)
            if hit is None:
                hit = cache[key] = self._resolve(key, kind)
            codes[k], errors[k] = hit
        return codes, errors

    def _resolve(self, key: object, kind: str) -> tuple[int, int]:
        if kind == "item":
            name = "" if key is None else str(key).strip(TRIM)
            found: int | str = self._resolve_item(name)
            if isinstance(found, str):
                return -1, self.message(found)
            return found, -1
        value = self._resolve_value("" if key is None else key)
        if isinstance(value, str):
            return -1, self.message(value)
        code = self.level_code.get(value)
        if code is None:
            code = self.level_code[value] = len(self.level_code)
        return code, -1

    # -- per block -----------------------------------------------------------------------

    def add_encoded(
        self,
        lines: npt.NDArray[np.int32],
        raters: tuple[Sequence[object], npt.NDArray[Any]],
        items: tuple[Sequence[object], npt.NDArray[Any]],
        values: tuple[Sequence[object], npt.NDArray[Any]],
    ) -> None:
        """Rows given as (distinct texts, index per row) for each of the three columns."""
        if self.offset:
            lines = lines + np.int32(self.offset)
        rc = self._raters(raters[0])[raters[1]]
        ic, ie = (a[items[1]] for a in self._lookup(items[0], self.item_cache, "item"))
        vc, ve = (a[values[1]] for a in self._lookup(values[0], self.value_cache, "value"))
        ok = (rc >= 0) & (ic >= 0) & (vc >= 0)
        if ok.all():
            self._keep(rc, ic, vc, lines)
        else:
            self._keep(rc[ok], ic[ok], vc[ok], lines[ok])
            bad = ~ok
            self._add_bad(lines[bad], rc[bad] < 0, ie[bad], ve[bad])

    def _keep(self, rc: Any, ic: Any, vc: Any, lines: Any) -> None:
        """Append kept rows to the row arrays, growing them when full.

        The arrays hold 4 + 2 + 2 + 4 bytes a row (rater, item, rating value, line) for up
        to 65,536 items and values; the values shrink to one byte at the end. They are
        allocated once at the size the file's length suggests (:meth:`expect`) and grown by
        half when that was short: appending block by block and joining at the end would
        hold every row twice at the join.
        """
        n = int(rc.size)
        if not n:
            return
        if self.size + n > self.capacity:
            self._grow(max(self.size + n, self.capacity * 3 // 2, 1024))
        if len(self.level_code) > 1 << 16 and self.columns[2].dtype != np.int32:
            self.columns[2] = self.columns[2].astype(np.int32)
        end = self.size + n
        for column, values in zip(self.columns, (rc, ic, vc, lines), strict=True):
            column[self.size : end] = values
        self.size = end

    def expect(self, rows: int) -> None:
        """Make room for about ``rows`` rows at once."""
        if rows > self.capacity:
            self._grow(rows)

    def _grow(self, capacity: int) -> None:
        item_type = np.uint16 if len(self.items) <= 1 << 16 else np.int32
        types = (
            np.int32,
            item_type,
            self.columns[2].dtype if self.columns else np.uint16,
            np.int32,
        )
        grown = [np.empty(capacity, dtype=t) for t in types]
        for new, old in zip(grown, self.columns, strict=False):
            new[: self.size] = old[: self.size]
        self.columns = grown
        self.capacity = capacity

    def add_rows(
        self,
        lines: npt.NDArray[np.int32],
        raters: Sequence[object],
        items: Sequence[object],
        values: Sequence[object],
    ) -> None:
        """Rows given as three parallel lists of field values."""
        self.add_encoded(lines, _encode(raters), _encode(items), _encode(values))

    def add_wrong_width(self, lines: npt.NDArray[np.int32], widths: npt.NDArray[np.int64]) -> None:
        """Rows whose number of fields is not the header's."""
        if not lines.size:
            return
        expected = self.expected_width
        header = ", ".join(self.header_names)
        table = {
            int(n): self.message(
                f"{counted(int(n), 'field{|s}')} where the header has {expected} ({header})"
            )
            for n in np.unique(widths).tolist()
        }
        codes = np.array([table[int(n)] for n in widths.tolist()], dtype=np.int32)
        self.bad.append((lines.astype(np.int32) + np.int32(self.offset), codes))

    expected_width = 3
    header_names: tuple[str, ...] = ("rater", "item", "rating")

    def _add_bad(
        self,
        lines: npt.NDArray[np.int32],
        no_rater: npt.NDArray[np.bool_],
        item_error: npt.NDArray[np.int32],
        value_error: npt.NDArray[np.int32],
    ) -> None:
        # One message per row naming everything wrong with it; few distinct combinations.
        span = len(self.messages) + 1
        combo = (item_error.astype(np.int64) + 1) * span + (value_error + 1)
        combo = combo * 2 + no_rater
        keys, inverse = np.unique(combo, return_inverse=True)
        table = np.empty(keys.size, dtype=np.int32)
        for k, key in enumerate(keys.tolist()):
            parts = ["no rater"] if key & 1 else []
            item_code, value_code = divmod(key >> 1, span)
            parts += [self.messages[c - 1] for c in (item_code, value_code) if c]
            table[k] = self.message("; ".join(parts))
        self.bad.append((lines, table[inverse.reshape(-1)]))

    # -- the end -------------------------------------------------------------------------

    def _columns(self) -> list[npt.NDArray[Any]]:
        """The kept rows as four arrays (copied only when much room was left over)."""
        if not self.columns:
            self._grow(0)
        out = [column[: self.size] for column in self.columns]
        if self.capacity > self.size * 5 // 4 + 1024:
            out = [column.copy() for column in out]
        self.columns = []
        return out

    def finish(self, duplicates: Duplicates) -> Ratings:
        rater, item, code, line = self._columns()
        levels = np.array(list(self.level_code), dtype=np.float64)
        order = np.argsort(levels, kind="stable")
        remap = np.empty(order.size, dtype=np.int64)
        remap[order] = np.arange(order.size)
        code_type = (
            np.uint8 if order.size <= 256 else np.uint16 if order.size <= 65536 else np.int32
        )
        code = remap.astype(code_type)[code] if code.size else code.astype(code_type)
        keep, superseded = _deduplicate(rater, item, line, len(self.items), duplicates)
        if keep is not None:
            rater, item, code, line = rater[keep], item[keep], code[keep], line[keep]
        bad_lines = np.concatenate([b[0] for b in self.bad] or [np.zeros(0, np.int32)])
        bad_codes = np.concatenate([b[1] for b in self.bad] or [np.zeros(0, np.int32)])
        names = tuple(self.rater_code)
        where = _Lines(tuple(self.files), tuple(self.offsets))
        replaced = list(_superseded(superseded, names, self.items, where))
        # Raters whose every row was skipped are not raters of anything; the others are
        # numbered in the order of their names, whichever way the rows were read.
        used = np.flatnonzero(_marks(rater, len(names))).tolist()
        used.sort(key=names.__getitem__)
        if used != list(range(len(names))):
            renumber = np.full(len(names), -1, dtype=np.int32)
            renumber[used] = np.arange(len(used), dtype=np.int32)
            rater = renumber[rater]
        raters = tuple(names[k] for k in used)
        return Ratings(
            items=self.items,
            scale=self.scale,
            raters=raters,
            rater=rater,
            item=item,
            code=code,
            levels=levels[order],
            line=line,
            invalid=tuple(where.problems(bad_lines, bad_codes, self.messages)),
            superseded=tuple(replaced),
            files=where.files,
            offsets=where.offsets,
            source_format="+".join(dict.fromkeys(self.kinds)),
        )


def _encode(values: Sequence[object]) -> tuple[list[object], npt.NDArray[np.int32]]:
    """Distinct values (in first-seen order) and each value's index among them."""
    index: dict[object, int] = {}
    out = np.empty(len(values), dtype=np.int32)
    for k, value in enumerate(values):
        key: object = value
        if isinstance(value, float) and value != value:  # NaN != NaN: key it by its text
            key = "nan"
        code = index.get(key)
        if code is None:
            code = index[key] = len(index)
        out[k] = code
    return list(index), out


# -- duplicates ------------------------------------------------------------------------------

Dropped = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]


def _deduplicate(
    rater: npt.NDArray[np.int32],
    item: npt.NDArray[np.int32],
    line: npt.NDArray[np.int32],
    n_items: int,
    rule: Duplicates,
) -> tuple[npt.NDArray[np.bool_] | None, list[tuple[int, int, int, int]]]:
    """Which rows count when a rater rated an item more than once, and which were replaced.

    Returns a keep-mask (None when every row counts) and, for each replaced row, (its line,
    the line that counts instead, rater code, item code).
    """
    if not rater.size:
        return None, []
    cells = (int(rater.max()) + 1) * max(n_items, 1)
    key_type = np.int32 if cells < 1 << 31 else np.int64
    if cells <= DENSE_CELLS and _all_distinct(rater, item, n_items, cells, key_type):
        return None, []
    key = np.multiply(rater, max(n_items, 1), dtype=key_type)
    np.add(key, item, out=key)
    if cells <= DENSE_CELLS:
        repeated = np.bincount(key, minlength=cells)[key] > 1
    else:
        order = np.argsort(key, kind="stable")
        sorted_key = key[order]
        same = sorted_key[1:] == sorted_key[:-1]
        repeated = np.zeros(key.size, dtype=bool)
        repeated[order[1:][same]] = True
        repeated[order[:-1][same]] = True
    rows = np.flatnonzero(repeated)
    if not rows.size:
        return None, []
    # Rows are in file order; sort the repeated ones by cell, keeping file order within.
    rows = rows[np.argsort(key[rows], kind="stable")]
    group_key = key[rows]
    starts = np.flatnonzero(np.r_[True, group_key[1:] != group_key[:-1]])
    ends = np.r_[starts[1:], rows.size]
    winners = rows[ends - 1] if rule == "last" else rows[starts]
    winner_of = np.repeat(winners, ends - starts)
    losers = rows != winner_of
    keep = np.ones(key.size, dtype=bool)
    keep[rows[losers]] = False
    replaced = [
        (int(line[a]), int(line[b]), int(rater[a]), int(item[a]))
        for a, b in zip(rows[losers].tolist(), winner_of[losers].tolist(), strict=True)
    ]
    return keep, replaced


def _marks(codes: npt.NDArray[Any], size: int) -> npt.NDArray[np.bool_]:
    """Which of ``range(size)`` occur in ``codes`` (bincount would copy them all to int64)."""
    marks = np.zeros(size, dtype=np.bool_)
    for start in range(0, codes.size, SLICE):
        marks[codes[start : start + SLICE]] = True
    return marks


def _all_distinct(
    rater: npt.NDArray[np.int32], item: npt.NDArray[Any], n_items: int, cells: int, key_type: Any
) -> bool:
    """Whether no rater rated an item twice: one byte a cell, rows taken a slice at a time
    (most tables have no repeats, and then that is all it takes)."""
    seen = np.zeros(cells, dtype=np.bool_)
    for start in range(0, rater.size, SLICE):
        key = np.multiply(rater[start : start + SLICE], max(n_items, 1), dtype=key_type)
        np.add(key, item[start : start + SLICE], out=key)
        seen[key] = True
    return int(np.count_nonzero(seen)) == rater.size


class _Lines:
    """Global line numbers back to (file, line) for messages."""

    def __init__(self, files: tuple[str | None, ...], offsets: tuple[int, ...]) -> None:
        self.files, self.offsets = files, offsets
        self._starts = np.array(offsets, dtype=np.int64)

    def locate(self, line: int) -> tuple[str | None, int]:
        k = int(np.searchsorted(self._starts, line, side="right")) - 1
        return self.files[k], line - self.offsets[k]

    def problems(
        self, lines: npt.NDArray[np.int32], codes: npt.NDArray[np.int32], messages: list[str]
    ) -> Iterator[RowProblem]:
        for p in iter_problems(lines, codes, messages):
            file, line = self.locate(p.line)
            yield RowProblem(line, p.message, file)


def _superseded(
    replaced: list[tuple[int, int, int, int]],
    rater_names: tuple[str, ...],
    items: ItemIndex,
    where: _Lines,
) -> Iterator[RowProblem]:
    for lost, kept, rater, item in sorted(replaced):
        when = "later" if kept > lost else "earlier"
        lost_file, lost_line = where.locate(lost)
        kept_file, kept_line = where.locate(kept)
        at = (
            f"on line {kept_line}"
            if kept_file == lost_file
            else f"in {kept_file}, line {kept_line}"
        )
        yield RowProblem(
            lost_line,
            f"{_short(rater_names[rater])!r} rated {items.ids[item]!r} again {at}; "
            f"the {when} rating counts",
            lost_file,
        )


# -- reading a file --------------------------------------------------------------------------
