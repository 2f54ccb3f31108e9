"""The table: CSV and Parquet files written atomically, the same bytes every run."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import argmap
from argmap import ArgmapError
from argmap.corpus import COLUMNS
from argmap.corpus.output import open_sink, output_kind

from .conftest import EXPECTED, homework_map


def test_csv_and_parquet_hold_the_same_rows_as_the_dataframe(mixed: Path, tmp_path: Path) -> None:
    frame = argmap.batch(mixed, scheduler="sync")
    assert list(frame.columns) == list(COLUMNS) and len(frame) == len(EXPECTED)
    assert str(frame["claims"].dtype) == "Int64" and str(frame["file"].dtype) == "string"
    lazy = argmap.batch(mixed, tmp_path / "t.parquet", scheduler="sync")
    from_parquet = lazy.compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(from_parquet, frame, check_dtype=False)
    table = pq.read_table(tmp_path / "t.parquet")
    assert table.column_names == list(COLUMNS)
    assert str(table.schema.field("claims").type) == "int64"
    assert table.column("claims").null_count == 3  # the three invalid rows
    from_csv = argmap.batch(mixed, tmp_path / "t.csv", scheduler="sync").compute()
    pd.testing.assert_frame_equal(from_csv.reset_index(drop=True), frame, check_dtype=False)


def test_the_same_corpus_gives_the_same_bytes(mixed: Path, tmp_path: Path) -> None:
    for name in ("a.csv", "b.csv", "a.parquet", "b.parquet"):
        argmap.batch(mixed, tmp_path / name, scheduler="processes", workers=2, chunk_size=2)
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    assert (tmp_path / "a.parquet").read_bytes() == (tmp_path / "b.parquet").read_bytes()


def test_csv_fields_with_commas_quotes_and_line_breaks_stay_in_their_cell(tmp_path: Path) -> None:
    folder = tmp_path / 'odd, "names"'
    folder.mkdir()
    homework_map().dump(folder / "a,b.json")
    (folder / 'c"d.argdown').write_text("[A]: x\n  + [B]: y\n    - <Arg\n")
    argmap.batch(folder, tmp_path / "t.csv", scheduler="sync")
    text = (tmp_path / "t.csv").read_text(encoding="utf-8")
    parsed = list(csv.reader(io.StringIO(text)))
    assert parsed[0] == list(COLUMNS)
    assert [Path(r[0]).name for r in parsed[1:]] == ["a,b.json", 'c"d.argdown']
    assert all(len(r) == len(COLUMNS) for r in parsed)


def test_an_interrupted_run_leaves_the_previous_table_and_no_temporary_file(
    tmp_path: Path,
) -> None:
    out = tmp_path / "t.csv"
    out.write_text("the previous table\n")
    sink = open_sink(out, COLUMNS)
    sink.write([("x.json", "argmap", "ok", "", 1, 0, 0, 1, 0, 0, 0, 0)])
    sink.abort()
    assert out.read_text() == "the previous table\n"
    assert os.listdir(tmp_path) == ["t.csv"]


def test_a_run_stopped_by_an_error_leaves_the_previous_table(
    mixed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "t.parquet"
    out.write_bytes(b"old")

    def fails(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("argmap.corpus.engine.Tally.add", fails)
    with pytest.raises(KeyboardInterrupt):
        argmap.batch(mixed, out, scheduler="sync")
    assert out.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == ["corpus", "t.parquet"]


def test_an_unknown_ending_is_refused_before_the_run(mixed: Path, tmp_path: Path) -> None:
    assert output_kind("x.PARQUET") == "parquet" and output_kind("x.csv") == "csv"
    with pytest.raises(ArgmapError, match=r"t\.xlsx: cannot tell the table's format"):
        argmap.batch(mixed, tmp_path / "t.xlsx", scheduler="sync")
    assert not (tmp_path / "t.xlsx").exists()


def test_csv_to_standard_output(mixed: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "batch", str(mixed), "-o", "-", "--scheduler", "sync"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == ",".join(COLUMNS) and len(lines) == 1 + len(EXPECTED)
    assert done.stderr.startswith("10 maps: 7 ok, 3 invalid; written to standard output")
