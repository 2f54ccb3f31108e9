"""Running a corpus through Dask: chunks of files out, rows back, in order, as they finish.

The client splits the items :func:`~argmap.corpus.discover.discover` finds into chunks (one
task reads many small maps, so scheduling costs little per map), keeps a few chunks per
worker in flight, and hands each chunk's rows to the sink in submission order as soon as
they and the ones before them are back. Memory on the client is a window of chunks, not
the corpus, and the output's order is the discovery order whichever scheduler ran it.

Two engines run the same task, :func:`argmap.corpus.rows.read_chunk`:

* Dask's local scheduler (``"processes"``, the default; ``"threads"``; ``"sync"`` in this
  process): a pool of worker processes on this machine. A worker that dies breaks the
  pool; a new pool is made and the chunks that were lost are submitted again.
* A ``dask.distributed`` cluster, given as a :class:`distributed.Client` or the scheduler's
  address (``tcp://HOST:PORT``). The scheduler reruns the tasks of a worker that died;
  ``retries`` reruns a task that failed.

A chunk lost more than ``retries`` times is split, and each of its files run on its own,
so that the one file that kills its worker becomes an ``invalid`` row and the others are
read as usual.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.context
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Protocol

from .._words import counted
from ..errors import ArgmapError
from .discover import Item, Limits
from .output import Sink
from .rows import Row, read_chunk

__all__ = ["LOCAL_SCHEDULERS", "Tally", "chunks", "needs", "run"]

#: Dask's local schedulers; any other scheduler is a ``dask.distributed`` address.
LOCAL_SCHEDULERS = ("processes", "threads", "sync")
#: Chunks in flight per worker: enough that no worker waits for the client.
WINDOW_PER_WORKER = 4
#: The largest chunk, in files and in bytes.
MAX_CHUNK = 500
MAX_CHUNK_BYTES = 32 << 20
#: Seconds to wait for a cluster's scheduler to answer.
CONNECT_TIMEOUT = 30
#: Invalid rows a :class:`Tally` keeps to show.
SHOWN_INVALID = 5

Task = Callable[[Sequence[Item], Limits], list[Row]]


@dataclass
class Tally:
    """What a run did: maps read, ``ok`` and ``invalid`` rows, chunks run again."""

    maps: int = 0
    ok: int = 0
    invalid: int = 0
    retried: int = 0
    #: The first few invalid rows, to show at the end of a run.
    first_invalid: list[Row] = field(default_factory=list)

    def add(self, rows: Sequence[Row]) -> None:
        for row in rows:
            self.maps += 1
            if row.status == "ok":
                self.ok += 1
                continue
            self.invalid += 1
            if len(self.first_invalid) < SHOWN_INVALID:
                self.first_invalid.append(row)

    def __str__(self) -> str:
        return f"{counted(self.maps, 'map{|s}')}: {self.ok} ok, {self.invalid} invalid"


def needs(extra: str, *modules: str) -> None:
    """Raise :class:`ArgmapError` naming ``pip install 'argmap[extra]'`` if a module is missing.

    >>> needs("batch", "json")
    """
    import importlib.util

    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        raise ArgmapError(f"argmap batch needs {', '.join(missing)}: pip install 'argmap[{extra}]'")


def chunks(
    items: Iterable[Item], size: int | None = None, max_bytes: int = MAX_CHUNK_BYTES
) -> Iterator[list[Item]]:
    """``items`` in lists of at most ``size`` items and about ``max_bytes`` bytes.

    Without ``size``, chunks start at one file and double up to :data:`MAX_CHUNK`: a small
    run is still spread over every worker, and a large one pays for scheduling once per
    few hundred maps, without a first pass to count the files.

    >>> [len(c) for c in chunks([Item(str(i), str(i), size=10) for i in range(5)], 2)]
    [2, 2, 1]
    >>> [len(c) for c in chunks(Item(str(i), str(i)) for i in range(20))]
    [1, 2, 4, 8, 5]
    """
    limit = size or 1
    chunk: list[Item] = []
    weight = 0
    for item in items:
        chunk.append(item)
        weight += item.size
        if len(chunk) >= limit or weight >= max_bytes:
            yield chunk
            chunk, weight = [], 0
            limit = size or min(MAX_CHUNK, limit * 2)
    if chunk:
        yield chunk


class _Pool(Protocol):
    workers: int

    def submit(self, chunk: Sequence[Item]) -> Any: ...
    def result(self, handle: Any, chunk: Sequence[Item]) -> list[Row]: ...
    def close(self, wait: bool = True) -> None: ...


class _Lost(Exception):
    """A chunk whose worker died more often than the retries allow."""


def run(
    items: Iterable[Item],
    sink: Sink,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    client: Any = None,
    size: int | None = None,
    retries: int = 2,
    limits: Limits | None = None,
    on_rows: Callable[[int], None] | None = None,
    task: Task = read_chunk,
) -> Tally:
    """Read ``items`` on the chosen engine and write their rows to ``sink`` in order.

    ``size`` is the number of files per chunk (by default, growing: see :func:`chunks`);
    ``on_rows`` is told how many rows each finished chunk had (for a progress bar). The
    sink is closed (the output committed) when every chunk is written, and aborted if the
    run stops on an error or an interrupt.
    """
    pool = make_pool(scheduler, workers, client, retries, limits or Limits(), task)
    tally = Tally()
    try:
        chunked = chunks(items, size)
        for rows in _in_order(pool, chunked, pool.workers * WINDOW_PER_WORKER, tally):
            sink.write(rows)
            tally.add(rows)
            if on_rows:
                on_rows(len(rows))
        sink.close()
    except BaseException:
        sink.abort()
        pool.close(wait=False)  # an interrupt should not wait for the chunks in flight
        raise
    pool.close()
    return tally


def make_pool(
    scheduler: str | None,
    workers: int | None,
    client: Any,
    retries: int,
    limits: Limits,
    task: Task,
) -> _Pool:
    """The engine for a scheduler name, a cluster address, or a ``distributed.Client``."""
    if client is not None or (scheduler and scheduler not in LOCAL_SCHEDULERS):
        return _ClusterPool(client, scheduler, retries, limits, task)
    return _LocalPool(scheduler or "processes", workers, retries, limits, task)


def _in_order(
    pool: _Pool, chunked: Iterable[Sequence[Item]], window: int, tally: Tally
) -> Iterator[list[Row]]:
    pending: deque[tuple[Sequence[Item], Any]] = deque()
    for chunk in chunked:
        pending.append((chunk, pool.submit(chunk)))
        if len(pending) >= window:
            yield _finish(pool, *pending.popleft(), tally)
    while pending:
        yield _finish(pool, *pending.popleft(), tally)


def _finish(pool: _Pool, chunk: Sequence[Item], handle: Any, tally: Tally) -> list[Row]:
    try:
        return pool.result(handle, chunk)
    except _Lost as lost:
        tally.retried += 1
        if len(chunk) == 1:
            return [Row(chunk[0].name, "", "invalid", f"its worker died reading it ({lost})")]
        # One file may be killing the workers: each file on its own finds it.
        return [row for item in chunk for row in _finish(pool, [item], pool.submit([item]), tally)]


class _LocalPool:
    """Dask's local scheduler over a pool that is made anew when a worker dies."""

    def __init__(
        self, scheduler: str, workers: int | None, retries: int, limits: Limits, task: Task
    ) -> None:
        needs("batch", "dask")
        if scheduler not in LOCAL_SCHEDULERS:
            raise ArgmapError(f"unknown scheduler {scheduler!r}")
        self.scheduler, self.retries, self.limits, self.task = scheduler, retries, limits, task
        self.workers = 1 if scheduler == "sync" else max(1, workers or _cores())
        self.lock = threading.Lock()
        self.pool: Executor | None = self._new_pool()
        # Each chunk is one small Dask graph computed from a feeder thread, so the client
        # takes back each chunk's rows as it finishes instead of the whole run at the end.
        self.feeders = ThreadPoolExecutor(self.workers * WINDOW_PER_WORKER + 1)

    def _new_pool(self) -> Executor | None:
        if self.scheduler == "sync":
            return None
        if self.scheduler == "threads":
            return ThreadPoolExecutor(self.workers)
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(
            self.workers, mp_context=_context(), initializer=_ignore_interrupts
        )

    def submit(self, chunk: Sequence[Item]) -> tuple[Future[list[Row]], Executor | None]:
        pool = self.pool
        if self.scheduler == "sync":
            done: Future[list[Row]] = Future()
            done.set_result(self._compute(chunk, None))  # here, in the main thread
            return done, pool
        return self.feeders.submit(self._compute, chunk, pool), pool

    def _compute(self, chunk: Sequence[Item], pool: Executor | None) -> list[Row]:
        from dask.base import compute
        from dask.delayed import delayed

        work = delayed(self.task, pure=False)(list(chunk), self.limits)
        (rows,) = compute(  # type: ignore[no-untyped-call]
            work, scheduler=self.scheduler, pool=pool, optimize_graph=False
        )
        return list(rows)

    def result(
        self, handle: tuple[Future[list[Row]], Executor | None], chunk: Sequence[Item]
    ) -> list[Row]:
        for attempt in range(self.retries + 1):
            future, pool = handle
            try:
                return future.result()
            except BrokenProcessPool as exc:
                self._replace(pool)
                if attempt == self.retries:
                    raise _Lost(f"tried {counted(attempt + 1, 'time{|s}')}") from exc
                handle = self.submit(chunk)
        raise AssertionError("unreachable")  # pragma: no cover

    def _replace(self, broken: Executor | None) -> None:
        # Every chunk in flight fails with the same broken pool; the first to notice
        # replaces it, the others find the new one already there.
        with self.lock:
            if self.pool is broken and broken is not None:
                broken.shutdown(wait=False, cancel_futures=True)
                self.pool = self._new_pool()

    def close(self, wait: bool = True) -> None:
        if not wait:
            # Stopped early: the workers are told to stop now, not after their chunks;
            # their pool then fails what is in flight, which frees the feeder threads.
            processes = getattr(self.pool, "_processes", None) or {}
            for process in list(processes.values()):
                process.terminate()
        if self.pool is not None:
            self.pool.shutdown(wait=wait, cancel_futures=True)
        self.feeders.shutdown(wait=wait, cancel_futures=True)


def _cores() -> int:
    """The cores this process may run on (a container or ``taskset`` may allow fewer)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _ignore_interrupts() -> None:
    """In a worker: Ctrl-C is the client's to handle (it stops the workers itself)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _context() -> multiprocessing.context.BaseContext:
    """How worker processes start: from a fork server that has argmap loaded, where there is
    one (a new pool after a worker died starts at once); else Dask's (``spawn``).

    Never a plain fork of the client: it has threads, and a fork could inherit a lock that
    one of them holds.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["argmap.corpus.rows", "argmap.analysis", "dask"])
        return context
    from dask.multiprocessing import get_context

    found: multiprocessing.context.BaseContext = get_context()  # type: ignore[no-untyped-call]
    return found


class _ClusterPool:
    """A ``dask.distributed`` cluster: its scheduler places chunks and reruns lost ones."""

    def __init__(
        self, client: Any, address: str | None, retries: int, limits: Limits, task: Task
    ) -> None:
        needs("distributed", "dask", "distributed")
        self.own_client = client is None
        if client is None:
            client = _connect(address or "")
        self.client, self.retries, self.limits, self.task = client, retries, limits, task
        self.workers = max(1, sum(client.nthreads().values()))

    def submit(self, chunk: Sequence[Item]) -> Any:
        return self.client.submit(
            self.task, list(chunk), self.limits, retries=self.retries, pure=False
        )

    def result(self, handle: Any, chunk: Sequence[Item]) -> list[Row]:
        from distributed import KilledWorker

        try:
            return list(handle.result())
        except KilledWorker as exc:
            raise _Lost(f"every worker that took it died: {exc}") from exc
        finally:
            handle.release()

    def close(self, wait: bool = True) -> None:
        if self.own_client:
            self.client.close()


def _connect(address: str) -> Any:
    from distributed import Client

    try:
        return Client(address, timeout=CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as exc:
        raise ArgmapError(
            f"cannot reach the Dask scheduler at {address}: {exc} (start one with "
            "'dask scheduler', and workers with 'dask worker ADDRESS')"
        ) from None


def progress_bar(
    total: Callable[[], int], enabled: bool | None
) -> contextlib.AbstractContextManager[Callable[[int], None]]:
    """A progress bar on standard error: on a terminal only, unless ``enabled`` says.

    ``total`` counts the maps, called only when the bar is shown (it walks the folders).
    """
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return contextlib.nullcontext(lambda n: None)
    return _bar(total())


@contextlib.contextmanager
def _bar(total: int) -> Iterator[Callable[[int], None]]:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("maps", total=total)
        yield lambda n: bar.advance(task, n)
