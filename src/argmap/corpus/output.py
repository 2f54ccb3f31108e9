"""Where a corpus run's rows go: a CSV or Parquet file, standard output, or a DataFrame.

Rows arrive a chunk at a time and are written as they come, so a run of any size holds
only the rows not yet written. Files are written as :func:`argmap.io.atomic_write` writes:
into a temporary file beside the target, flushed to disk, then renamed over it, so an
interrupted run leaves the previous output whole and never half a table.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "rows.csv"
>>> sink = open_sink(out, ("file", "claims"))
>>> sink.write([("a,b.json", 3), ("c.json", None)])
>>> sink.close()
>>> print(out.read_text(), end="")
file,claims
"a,b.json",3
c.json,
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, Protocol

from ..errors import ArgmapError
from ..io.files import keep_mode

__all__ = ["ENDINGS", "FrameSink", "Sink", "open_sink", "output_kind", "to_frame"]

#: What each output file ending is written as.
ENDINGS = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}
#: Rows per Parquet row group: big enough to compress well, small enough to stay flat.
ROW_GROUP = 16_384
#: Columns that hold text; every other column holds a count (empty on an invalid row).
TEXT_COLUMNS = frozenset({"file", "format", "status", "message"})
#: Columns that hold a fraction (the comparison's score); the others hold whole counts.
FLOAT_COLUMNS = frozenset({"score"})

Rows = Sequence[Sequence[Any]]


class Sink(Protocol):
    """Takes rows as they come; ``close`` commits the output, ``abort`` drops it."""

    def write(self, rows: Rows) -> None: ...
    def close(self) -> None: ...
    def abort(self) -> None: ...


def output_kind(output: str | Path) -> str:
    """``"csv"`` or ``"parquet"`` by the file's ending (``-`` is CSV on standard output).

    >>> output_kind("results.parquet"), output_kind("-")
    ('parquet', 'csv')
    """
    if str(output) == "-":
        return "csv"
    for ending, kind in ENDINGS.items():
        if str(output).lower().endswith(ending):
            return kind
    endings = ", ".join(ENDINGS)
    raise ArgmapError(f"{output}: cannot tell the table's format; name it ending in {endings}")


def open_sink(output: str | Path, columns: Sequence[str]) -> Sink:
    """A sink writing ``columns`` to ``output`` (a file path, or ``-`` for standard output)."""
    kind = output_kind(output)
    if str(output) == "-":
        return _CsvSink(io.TextIOWrapper(sys.stdout.buffer, "utf-8", newline=""), columns)
    if kind == "csv":
        target = _AtomicFile(Path(output))
        return _CsvSink(io.TextIOWrapper(target.handle, "utf-8", newline=""), columns, target)
    return _ParquetSink(_AtomicFile(Path(output)), columns)


class _AtomicFile:
    """A temporary file beside ``target`` that replaces it on :meth:`commit`."""

    def __init__(self, target: Path) -> None:
        self.target = target
        folder = target.parent if str(target.parent) else Path(".")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, self.tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise ArgmapError(f"{target}: cannot write here: {exc.strerror or exc}") from None
        self.handle: IO[bytes] = os.fdopen(fd, "wb")

    def commit(self) -> None:
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            keep_mode(self.tmp, self.target)
            os.replace(self.tmp, self.target)
        except OSError as exc:
            self.abort()
            raise ArgmapError(f"{self.target}: write failed: {exc.strerror or exc}") from None

    def abort(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.handle.close()
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)


class _CsvSink:
    def __init__(
        self, stream: io.TextIOWrapper, columns: Sequence[str], target: _AtomicFile | None = None
    ) -> None:
        self.stream, self.target = stream, target
        # One line per row whatever the platform; fields with commas, quotes or line
        # breaks are quoted, so a map's file name or message cannot break the table.
        self.writer = csv.writer(stream, lineterminator="\n")
        self.writer.writerow(columns)
        self.width = len(columns)

    def write(self, rows: Rows) -> None:
        # A row may hold more fields than the table has columns (the comparison's, unused
        # without a reference map).
        self.writer.writerows(row[: self.width] for row in rows)

    def close(self) -> None:
        self.stream.flush()
        if self.target is None:
            self.stream.detach()  # standard output stays open for the caller
            return
        self.stream.detach()
        self.target.commit()

    def abort(self) -> None:
        if self.target is None:
            with contextlib.suppress(OSError, ValueError):
                self.stream.flush()
                self.stream.detach()
            return
        with contextlib.suppress(ValueError):
            self.stream.detach()
        self.target.abort()


class _ParquetSink:
    def __init__(self, target: _AtomicFile, columns: Sequence[str]) -> None:
        import pyarrow.parquet as pq

        self.target, self.columns = target, tuple(columns)
        self.schema = schema(self.columns)
        self.writer = pq.ParquetWriter(target.handle, self.schema)
        self.pending: list[Sequence[Any]] = []

    def write(self, rows: Rows) -> None:
        self.pending.extend(rows)
        if len(self.pending) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self.pending:
            self.writer.write_table(_table(self.pending, self.columns, self.schema))
            self.pending = []

    def close(self) -> None:
        self._flush()
        self.writer.close()
        self.target.commit()

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            self.writer.close()
        self.target.abort()


class FrameSink:
    """Keeps the rows, for :func:`to_frame` when the caller wants a DataFrame back."""

    def __init__(self, columns: Sequence[str]) -> None:
        self.columns = tuple(columns)
        self.rows: list[Sequence[Any]] = []

    def write(self, rows: Rows) -> None:
        self.rows.extend(rows)

    def close(self) -> None:
        pass

    def abort(self) -> None:
        self.rows = []


def schema(columns: Sequence[str]) -> Any:
    """The Arrow schema of a table of ``columns``: text, the score as a float, or 64-bit
    counts; any but text may be empty."""
    import pyarrow as pa

    def kind(column: str) -> Any:
        if column in TEXT_COLUMNS:
            return pa.string()
        return pa.float64() if column in FLOAT_COLUMNS else pa.int64()

    return pa.schema([(c, kind(c)) for c in columns])


def _table(rows: Rows, columns: Sequence[str], arrow_schema: Any) -> Any:
    import pyarrow as pa

    data = {c: [row[i] for row in rows] for i, c in enumerate(columns)}
    return pa.Table.from_pydict(data, schema=arrow_schema)


def to_frame(rows: Rows, columns: Sequence[str]) -> Any:
    """The rows as a pandas DataFrame: text columns as strings, counts as nullable ``Int64``."""
    import pandas as pd
    import pyarrow as pa

    table = _table(rows, columns, schema(columns))
    mapping = {
        pa.int64(): pd.Int64Dtype(),
        pa.string(): pd.StringDtype(),
        pa.float64(): pd.Float64Dtype(),
    }
    return table.to_pandas(types_mapper=mapping.get)
