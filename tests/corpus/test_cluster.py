"""The same work on a dask.distributed cluster: two worker processes on 127.0.0.1.

The cluster's rows must equal the local run's, a worker killed mid-run must not lose a row,
and the command line reaches the cluster by its address.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

import argmap
from argmap.cli import main
from argmap.corpus import COLUMNS, run_batch
from argmap.corpus.discover import Item, Limits, discover
from argmap.corpus.engine import run
from argmap.corpus.output import FrameSink
from argmap.corpus.rows import Row

from .conftest import make_corpus
from .test_engine import many_maps


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            processes=True,
            n_workers=2,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


def rows(paths: Sequence[Path], **options: object) -> list[tuple[object, ...]]:
    sink = FrameSink(COLUMNS)
    run_batch([str(p) for p in paths], sink, progress=False, **options)  # type: ignore[arg-type]
    return [tuple(r) for r in sink.rows]


def test_the_cluster_gives_the_local_runs_rows(client: Client, tmp_path: Path) -> None:
    folder = make_corpus(tmp_path)
    local = rows([folder], scheduler="sync")
    assert len(local) == 10 and {r[2] for r in local} == {"ok", "invalid"}
    assert rows([folder], client=client, chunk_size=2) == local


def test_the_python_api_takes_a_client(client: Client, tmp_path: Path) -> None:
    folder = make_corpus(tmp_path)
    on_cluster = argmap.batch(folder, client=client)
    here = argmap.batch(folder, scheduler="sync")
    assert on_cluster.equals(here)
    assert list(on_cluster.columns) == list(COLUMNS)


def test_a_worker_killed_mid_run_loses_no_row(client: Client, tmp_path: Path) -> None:
    folder = many_maps(tmp_path / "maps", 40)
    marker = str(tmp_path / "killed")
    from argmap.corpus.rows import read_chunk

    def dies_once(chunk: Sequence[Item], limits: Limits) -> list[Row]:
        # Defined here so that it travels to the workers by value.
        try:
            os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return read_chunk(chunk, limits)
        os._exit(1)

    items = list(discover([folder]))
    sink = FrameSink(COLUMNS)
    tally = run(items, sink, client=client, size=4, task=dies_once)
    assert os.path.exists(marker)  # one worker did die
    assert [Path(r[0]).name for r in sink.rows] == [f"m{i:03}.json" for i in range(40)]
    assert tally.ok == 40
    assert [tuple(r) for r in sink.rows] == rows([folder], scheduler="sync")
    client.wait_for_workers(2, timeout=60)  # the nanny brought it back, for the next test


def test_the_command_line_reaches_a_scheduler_by_its_address(
    client: Client, tmp_path: Path
) -> None:
    folder = make_corpus(tmp_path)
    address = client.scheduler.address
    assert address.startswith("tcp://127.0.0.1:")
    on_cluster, here = tmp_path / "cluster.csv", tmp_path / "here.csv"
    argv = [str(folder), "--no-progress", "--chunk-size", "3"]
    assert main(["batch", *argv, "-o", str(on_cluster), "--scheduler", address]) == 0
    assert main(["batch", *argv, "-o", str(here), "--scheduler", "sync"]) == 0
    assert on_cluster.read_bytes() == here.read_bytes()


def test_an_unreachable_scheduler_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("argmap.corpus.engine.CONNECT_TIMEOUT", 2)
    (tmp_path / "m.json").write_text("{}")
    code = main(
        ["batch", str(tmp_path), "-o", str(tmp_path / "t.csv"), "--scheduler", "tcp://127.0.0.1:9"]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("argmap: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert "dask scheduler" in err and "Traceback" not in err
    assert not (tmp_path / "t.csv").exists()
