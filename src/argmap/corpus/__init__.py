"""Corpus runs: every map under some folders, globs and zip archives, one table row each.

:func:`batch` (``argmap.batch``) and the ``argmap batch`` command read a whole corpus (a
course's submissions, an AIFdb or Kialo dump) in any mix of the formats argmap reads, and
give one row per map: its format, whether it could be read (``ok``) or not (``invalid``,
and why), its counts of claims, links and positions, how many claims the analysis accepts,
rejects or leaves undecided, and its open lint findings. The work runs on Dask: on this
machine's cores, or on a ``dask.distributed`` cluster. It needs ``pip install
'argmap[batch]'`` (``'argmap[distributed]'`` for a cluster).

Modules: :mod:`~argmap.corpus.discover` (what to read), :mod:`~argmap.corpus.rows` (one
map's row, never raising), :mod:`~argmap.corpus.engine` (chunks on Dask, in order),
:mod:`~argmap.corpus.output` (CSV, Parquet, DataFrame).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypedDict, Unpack, overload

from .discover import Limits, count, discover
from .engine import Tally, needs, progress_bar, run
from .output import FrameSink, open_sink, output_kind, to_frame
from .rows import COLUMNS, REFERENCE_COLUMNS, Row, columns, read_chunk

__all__ = [
    "COLUMNS",
    "REFERENCE_COLUMNS",
    "BatchKeywords",
    "Limits",
    "Row",
    "Tally",
    "batch",
    "run_batch",
]

Paths = str | Path | Iterable[str | Path]


class BatchKeywords(TypedDict, total=False):
    """The options of :func:`batch` (see there), typed."""

    scheduler: str | None
    client: object
    workers: int | None
    chunk_size: int | None
    retries: int
    progress: bool | None
    limits: Limits | None
    #: A reference map (or its file): each map is compared with it.
    reference: object


@overload
def batch(paths: Paths, output: None = None, **options: Unpack[BatchKeywords]) -> Any: ...
@overload
def batch(paths: Paths, output: str | Path, **options: Unpack[BatchKeywords]) -> Any: ...


def batch(paths: Paths, output: str | Path | None = None, **options: Unpack[BatchKeywords]) -> Any:
    """Read every map under ``paths`` into a table, one row per map.

    Parameters
    ----------
    paths : str, Path or list of them
        Map files, folders (walked for map files and ``.zip`` archives), zip archives and
        glob patterns (``"course/**/*.argdown"``), in any mix of formats.
    output : str or Path, optional
        Write the table to this ``.csv`` or ``.parquet`` file as the run goes, and return a
        Dask DataFrame that reads it (for tables larger than memory). Without it, the rows
        come back as a pandas DataFrame.
    **options
        ``scheduler`` (``"processes"`` by default, ``"threads"``, ``"sync"``, or a
        ``dask.distributed`` address ``"tcp://HOST:PORT"``), ``client`` (a
        ``distributed.Client``), ``workers`` (local processes; default: every core),
        ``chunk_size`` (files per task), ``retries`` (default 2), ``progress`` (a bar on
        standard error; default: when it is a terminal), ``limits`` (:class:`Limits`),
        ``reference`` (a reference map, or its file in any format argmap reads: each map is
        compared with it, as ``argmap.compare`` does, adding the columns
        :data:`REFERENCE_COLUMNS`: ``score`` (0-100), ``claims_found``, ``claims_missing``,
        ``claims_extra``, ``link_errors``).

    Returns
    -------
    pandas.DataFrame or dask.dataframe.DataFrame
        Columns :data:`COLUMNS`, rows in the order the files were found. Counts are
        nullable integers, empty on an ``invalid`` row.

    Raises
    ------
    ArgmapError
        A path that does not exist, an unknown output ending, or the ``batch`` extra is
        not installed. A map that cannot be read never raises: it is an ``invalid`` row.

    Examples
    --------
    >>> import argmap, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> text = "[Pets]: Pets help.\\n  - [Bite]: Pets bite.\\n"
    >>> _ = (folder / "pets.argdown").write_text(text)
    >>> _ = (folder / "broken.json").write_text("{")
    >>> table = argmap.batch(folder, scheduler="sync")
    >>> table[["status", "format", "claims", "rejected"]].values.tolist()
    [['invalid', 'argmap', <NA>, <NA>], ['ok', 'argdown', 2, 1]]
    >>> table.loc[0, "message"]
    '1:2: AM001 invalid-json: invalid JSON: Expecting property name enclosed in double quotes'

    """
    needs("batch", "dask", "pandas", "pyarrow")
    table = columns(options.get("reference") is not None)
    if output is None:
        sink = FrameSink(table)
        run_batch(paths, sink, **options)
        return to_frame(sink.rows, table)
    output_kind(output)  # an unknown ending fails before the run
    run_batch(paths, output, **options)
    return _read_back(Path(output), table)


def run_batch(
    paths: Paths,
    output: str | Path | FrameSink,
    *,
    scheduler: str | None = None,
    client: Any = None,
    workers: int | None = None,
    chunk_size: int | None = None,
    retries: int = 2,
    progress: bool | None = None,
    limits: Limits | None = None,
    reference: Any = None,
) -> Tally:
    """Like :func:`batch`, writing to ``output`` (a file, ``-`` for standard output, or a
    sink) and returning the :class:`Tally` of rows, for the command line."""
    needs("batch", "dask", "pandas", "pyarrow")
    limits = limits or Limits()
    listed = [paths] if isinstance(paths, str | Path) else list(paths)
    items = discover(listed, limits)  # a path that does not exist fails here
    task, table = read_chunk, COLUMNS
    if reference is not None:  # read before the run: a bad reference fails at once
        task = functools.partial(read_chunk, reference=_reference_text(reference))
        table = columns(True)
    sink = open_sink(output, table) if isinstance(output, str | Path) else output
    with progress_bar(lambda: count(listed, limits), progress) as advance:
        return run(
            items,
            sink,
            scheduler=scheduler,
            workers=workers,
            client=client,
            size=chunk_size,
            retries=retries,
            limits=limits,
            on_rows=advance,
            task=task,
        )


def _reference_text(reference: Any) -> str:
    """The reference map as argmap JSON text, to send to the workers."""
    from ..formats import read
    from ..io.json import dumps
    from ..model import ArgumentMap

    # Only compared with, never written: what its format could not carry over is no loss here.
    m = reference if isinstance(reference, ArgumentMap) else read(reference, allow_loss=True)
    return dumps(m)


def _read_back(output: Path, table: tuple[str, ...]) -> Any:
    import dask.dataframe as dd

    if output_kind(output) == "parquet":
        return dd.read_parquet(str(output))
    counts = table[4:]
    types = {c: "Int64" for c in counts} | {c: "string" for c in table[:4]}
    if "score" in table:
        types["score"] = "Float64"
    # An empty count is missing; an empty message or format is the empty text it was.
    missing = {c: [""] for c in counts}
    return dd.read_csv(str(output), dtype=types, keep_default_na=False, na_values=missing)
