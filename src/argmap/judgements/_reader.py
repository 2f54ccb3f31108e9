"""Reading a ratings table in blocks: the header, the rows, and what is wrong with them.

The file is read in blocks of about :data:`BLOCK` bytes, each ending at a line end outside
any quoted field, so the file's text is never in memory all at once. A block without a
``"`` is split into fields by pyarrow's compute kernels when pyarrow is installed (the
``argmap[judge]`` extra); other blocks, or every block without pyarrow, go through Python's
``csv`` module. Both give the same rows, the same line numbers and the same messages (the
test suite checks one against the other).

Either way a block ends up as, for each column, the distinct texts in it and an index per
row into them, for the :class:`~argmap.judgements._collect.Collector`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from typing import IO

import numpy as np

from ..errors import FormatError
from ._arrow import arrow_block
from ._collect import TRIM, Collector
from ._columns import Columns

__all__ = ["BLOCK", "MAX_ROW", "Columns", "read_table"]

#: Bytes read at a time.
BLOCK = 4 << 20
#: A row longer than this is taken for a quote that was never closed (or not a table).
MAX_ROW = 1 << 20


def read_table(
    stream: IO[bytes],
    file: str | None,
    open_columns: Callable[[list[str], int, str], Columns],
    collector: Collector,
    *,
    block: int = BLOCK,
    size_hint: int = 0,
) -> int:
    """Read a whole table from a binary stream into ``collector``; its number of lines.

    ``open_columns(header_fields, header_line, delimiter)`` checks the header, tells the
    collector how to read the rows (:meth:`Collector.use`) and returns where the fields are.
    ``size_hint`` is the stream's length in bytes, when known, to size the row arrays.
    """
    blocks = _blocks(_Peeked(stream), file, block)
    first = next(blocks, None)
    if first is None:
        raise FormatError("empty file: expected a header row such as rater,claim,rating", file=file)
    text, start = first
    header_line, header, rest, delimiter = _header(text, start, file)
    columns = open_columns(header, header_line, delimiter)
    collector.expected_width = len(columns.names)
    collector.header_names = columns.names
    before = collector.size
    last = header_line
    for k, (chunk, line) in enumerate(_chain([(rest, header_line + 1)], blocks)):
        _read_block(chunk, line, columns, collector, file)
        last = line + chunk.count(b"\n")
        if k == 0 and size_hint and chunk:
            # Rows to expect, from the first block's bytes per row, and a twentieth more.
            per_byte = max(collector.size - before, 1) / len(chunk)
            collector.expect(collector.size + int(size_hint * per_byte * 1.05) + 1024)
    return last


class _Peeked:
    """A binary stream whose first bytes were looked at: old Mac files (a spreadsheet's
    "CSV (Macintosh)") end lines with a bare ``\r``; those become ``\n`` as they are read."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.head = stream.read(1 << 16)
        self.mac = b"\r" in self.head and b"\n" not in self.head

    def read(self, size: int) -> bytes:
        if self.head:
            data, self.head = self.head, b""
            if len(data) < size:
                data += self.stream.read(size - len(data))
        else:
            data = self.stream.read(size)
        return data.replace(b"\r", b"\n") if self.mac else data


def _chain(
    first: list[tuple[bytes, int]], rest: Iterator[tuple[bytes, int]]
) -> Iterator[tuple[bytes, int]]:
    yield from first
    yield from rest


def _blocks(stream: _Peeked, file: str | None, size: int) -> Iterator[tuple[bytes, int]]:
    """Blocks of whole rows with the line number each starts on; the BOM removed."""
    buf = b""
    line = 1
    first = True
    while True:
        data = stream.read(size)
        if first:
            data = data.removeprefix(b"\xef\xbb\xbf")
            first = False
        if not data:
            if buf:
                _check_quotes_closed(buf, line, file)
                yield buf, line
            return
        buf += data
        cut = _cut(buf)
        if cut < 0:
            if len(buf) > size + MAX_ROW:
                raise FormatError(
                    f"a row longer than {MAX_ROW:,} bytes (is a quote never closed?)",
                    file=file,
                    line=line,
                )
            continue
        chunk, buf = buf[:cut], buf[cut:]
        yield chunk, line
        line += chunk.count(b"\n")


def _cut(buf: bytes) -> int:
    """Just past the last line end that is outside a quoted field, or -1."""
    last = buf.rfind(b"\n")
    if last < 0 or b'"' not in buf:
        return last + 1 if last >= 0 else -1
    data = np.frombuffer(buf, dtype=np.uint8)
    quotes = np.cumsum(data == 0x22)
    ends = np.flatnonzero(data == 0x0A)
    outside = ends[quotes[ends] % 2 == 0]
    return int(outside[-1]) + 1 if outside.size else -1


def _check_quotes_closed(buf: bytes, line: int, file: str | None) -> None:
    if buf.count(b'"') % 2 == 0:
        return
    opened = buf.rfind(b'"')  # with an odd count, the last quote opens a field never closed
    raise FormatError(
        "a quote opens a field that is never closed (the rest of the file would be one field)",
        file=file,
        line=line + buf.count(b"\n", 0, opened),
    )


def _decode(chunk: bytes, line: int, file: str | None) -> str:
    try:
        return chunk.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError(
            "not UTF-8 text; save the table as UTF-8 (in Excel: 'CSV UTF-8')",
            file=file,
            line=line + chunk.count(b"\n", 0, exc.start),
        ) from None


def _header(chunk: bytes, start: int, file: str | None) -> tuple[int, list[str], bytes, str]:
    """The header's line number and fields, the bytes after it, and the field delimiter."""
    pos, line = 0, start
    while True:
        end = chunk.find(b"\n", pos)
        raw = chunk[pos:] if end < 0 else chunk[pos:end]
        if raw.strip(TRIM.encode()):
            break
        if end < 0:
            raise FormatError(
                "empty file: expected a header row such as rater,claim,rating", file=file
            )
        pos, line = end + 1, line + 1
    text = _decode(raw, line, file).rstrip(TRIM)
    delimiter = next((d for d in (",", ";", "\t") if d in text), ",")
    try:
        fields = next(csv.reader([text], delimiter=delimiter))
    except csv.Error as exc:
        raise FormatError(f"cannot read the header row: {exc}", file=file, line=line) from None
    rest = b"" if end < 0 else chunk[end + 1 :]
    return line, [f.strip(TRIM).lower() for f in fields], rest, delimiter


def _read_block(
    chunk: bytes, line: int, columns: Columns, collector: Collector, file: str | None
) -> None:
    if not chunk:
        return
    if not chunk.isascii():  # ASCII is UTF-8 already; anything else is checked
        _decode(chunk, line, file)
    if b'"' not in chunk and arrow_block(chunk, line, columns, collector):
        return
    _python_block(_decode(chunk, line, file), line, columns, collector, file)


def _python_block(
    text: str, line: int, columns: Columns, collector: Collector, file: str | None
) -> None:
    """Rows of a block through Python's csv module (quoted fields, or no pyarrow)."""
    # Lines end at "\n" only, as the line numbers count them (a "\r\n" is one line end).
    reader = csv.reader(io.StringIO(text, newline="\n"), delimiter=columns.delimiter)
    width = len(columns.names)
    lines: list[int] = []
    fields: tuple[list[str], list[str], list[str]] = ([], [], [])
    wrong: list[tuple[int, int]] = []
    done = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise FormatError(str(exc), file=file, line=line + reader.line_num - 1) from None
        at = line + done
        done = reader.line_num
        if not row or (len(row) == 1 and not row[0].strip(TRIM)):
            continue
        if len(row) != width:
            wrong.append((at, len(row)))
            continue
        lines.append(at)
        for target, k in zip(fields, (columns.rater, columns.item, columns.rating), strict=True):
            target.append(row[k])
    if wrong:
        at_lines, widths = zip(*wrong, strict=True)
        collector.add_wrong_width(np.array(at_lines, np.int32), np.array(widths, np.int64))
    if lines:
        collector.add_rows(np.array(lines, dtype=np.int32), *fields)
