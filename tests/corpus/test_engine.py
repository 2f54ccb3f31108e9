"""The engine: Dask's local schedulers give the same rows in the same order, and survive a
worker that dies."""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from argmap.corpus import COLUMNS, Limits, run_batch
from argmap.corpus.discover import Item, discover
from argmap.corpus.engine import Tally, chunks, run
from argmap.corpus.output import FrameSink
from argmap.corpus.rows import Row, read_chunk

from .conftest import EXPECTED, homework_map


def rows_of(paths: Sequence[Path | str], **options: object) -> list[tuple[object, ...]]:
    sink = FrameSink(COLUMNS)
    run_batch([str(p) for p in paths], sink, progress=False, **options)  # type: ignore[arg-type]
    return [tuple(r) for r in sink.rows]


def test_the_sync_run_gives_the_expected_rows_in_discovery_order(mixed: Path) -> None:
    rows = rows_of([mixed], scheduler="sync")
    got = [(os.path.relpath(r[0], mixed), r[1], r[2], r[4]) for r in rows]
    assert got == EXPECTED
    by_name = {os.path.relpath(str(r[0]), mixed): r for r in rows}
    assert str(by_name["f_dangling.json"][3]).startswith(
        "links[0].sources[0]: AM101 dangling-reference: source 'stres' must be a claim id"
    )
    assert "did you mean 'stress'?" in str(by_name["f_dangling.json"][3])


@pytest.mark.parametrize("scheduler", ["processes", "threads"])
def test_every_local_scheduler_gives_the_same_rows(mixed: Path, scheduler: str) -> None:
    expected = rows_of([mixed], scheduler="sync")
    # Chunks of 3 files, so the rows come back from several tasks and must be put in order.
    assert rows_of([mixed], scheduler=scheduler, workers=2, chunk_size=3) == expected


def test_chunks_are_cut_by_count_and_by_bytes() -> None:
    items = [Item(str(i), str(i), size=size) for i, size in enumerate([10, 10, 100, 10, 10])]
    assert [len(c) for c in chunks(items, 3)] == [3, 2]
    assert [len(c) for c in chunks(items, 10, max_bytes=100)] == [3, 2]


def _dies_once(chunk: Sequence[Item], limits: Limits, *, marker: str) -> list[Row]:
    # The first task to create the marker takes its worker process down with it.
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return read_chunk(chunk, limits)
    os._exit(1)


def _kills_on(chunk: Sequence[Item], limits: Limits, *, name: str) -> list[Row]:
    # A file that takes down every worker that reads it.
    if any(item.name.endswith(name) for item in chunk):
        os._exit(1)
    return read_chunk(chunk, limits)


def many_maps(folder: Path, n: int) -> Path:
    folder.mkdir()
    texts = [homework_map(extra).dumps() for extra in range(4)]
    for i in range(n):
        (folder / f"m{i:03}.json").write_text(texts[i % 4])
    return folder


def _run(folder: Path, task: object, retries: int = 2) -> tuple[list[Row], Tally]:
    sink = FrameSink(COLUMNS)
    items = list(discover([folder]))
    tally = run(
        items,
        sink,
        scheduler="processes",
        workers=2,
        size=4,
        retries=retries,
        task=task,  # type: ignore[arg-type]
    )
    return [Row(*r) for r in sink.rows], tally


def test_a_local_worker_that_dies_has_its_chunk_run_again(tmp_path: Path) -> None:
    folder = many_maps(tmp_path / "maps", 24)
    marker = tmp_path / "died"
    rows, tally = _run(folder, functools.partial(_dies_once, marker=str(marker)))
    assert marker.exists()  # a worker did die
    assert [Path(r.file).name for r in rows] == [f"m{i:03}.json" for i in range(24)]
    assert all(r.status == "ok" for r in rows)
    assert tally.maps == 24 and tally.ok == 24


def test_a_file_that_always_kills_its_worker_is_the_only_invalid_row(tmp_path: Path) -> None:
    folder = many_maps(tmp_path / "maps", 8)
    rows, tally = _run(folder, functools.partial(_kills_on, name="m005.json"), retries=0)
    assert [r.status for r in rows] == ["ok"] * 5 + ["invalid"] + ["ok"] * 2
    assert rows[5].message == "its worker died reading it (tried 1 time)"
    assert tally.retried >= 2


def _slow_analysis(chunk: Sequence[Item], limits: Limits) -> list[Row]:
    # In the worker process: an analysis that would never end.
    import time

    import argmap.analysis

    def forever(*args: object, **kwargs: object) -> None:
        time.sleep(3600)

    argmap.analysis.analyze = forever  # type: ignore[assignment]
    return read_chunk(chunk, limits)


def test_the_time_limit_stops_a_map_in_a_worker_process(tmp_path: Path) -> None:
    folder = many_maps(tmp_path / "maps", 2)
    sink = FrameSink(COLUMNS)
    tally = run(
        discover([folder]),
        sink,
        scheduler="processes",
        workers=1,
        limits=Limits(timeout=0.3),
        task=_slow_analysis,
    )
    assert tally.invalid == 2
    assert {r[3] for r in sink.rows} == {"took more than 0.3 s to read and analyse; stopped"}
