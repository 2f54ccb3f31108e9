"""``--reference``: each map of a corpus compared with a reference, as ``argmap compare`` does."""

from __future__ import annotations

import csv
import shutil
import zipfile
from pathlib import Path

import pytest

import argmap
from argmap.classroom import Reference
from argmap.cli import main
from argmap.corpus import COLUMNS, REFERENCE_COLUMNS

REPO = Path(__file__).resolve().parents[2]
REF = REPO / "data" / "claims.json"
CLASS = REPO / "tests" / "classroom" / "data" / "class"

pytest.importorskip("dask")


@pytest.fixture(scope="module")
def graded() -> dict[str, tuple[float, int, int, int, int]]:
    """What argmap.compare says of each readable map of the class, file by file."""
    reference = Reference(argmap.load(REF))
    out = {}
    for path in sorted(CLASS.iterdir()):
        try:
            c = reference.compare(path)
        except argmap.ArgmapError:
            continue
        out[path.name] = (
            round(c.score.value, 2),
            c.claims_found,
            c.claims_missing,
            c.claims_extra,
            c.link_errors,
        )
    return out


def test_rows_carry_the_comparison_of_argmap_compare(
    graded: dict[str, tuple[float, int, int, int, int]],
) -> None:
    table = argmap.batch(CLASS, scheduler="sync", reference=REF)
    assert list(table.columns) == [*COLUMNS, *REFERENCE_COLUMNS]
    ok = table[table.status == "ok"]
    assert len(ok) >= 8 and {Path(f).name for f in ok.file} == set(graded)
    for _, row in ok.iterrows():
        got = tuple(row[c] for c in REFERENCE_COLUMNS)
        assert got == graded[Path(row.file).name], row.file
    # The perfect copy scores full marks; a map of another article pairs nothing.
    by_name = {Path(f).name: s for f, s in zip(ok.file, ok.score, strict=True)}
    assert by_name["alice-perfect-copy.json"] == 100.0
    assert by_name["kim-other-article.json"] == 0.0
    bad = table[table.status == "invalid"]
    # The broken file, and the map whose source leads out of its folder (refused, AM112).
    assert {Path(f).name for f in bad.file} == {"frank-broken.json", "ivy-hostile.json"}
    assert bad.score.isna().all() and bad.claims_found.isna().all()


def test_without_a_reference_the_table_has_no_comparison_columns() -> None:
    table = argmap.batch(CLASS, scheduler="sync")
    assert list(table.columns) == list(COLUMNS)


@pytest.mark.parametrize("ending", ["csv", "parquet"])
def test_cli_writes_the_columns_and_workers_agree(
    ending: str,
    tmp_path: Path,
    graded: dict[str, tuple[float, int, int, int, int]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The class zipped, read by worker processes: the reference travels to each of them.
    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in sorted(CLASS.iterdir()):
            z.write(path, f"class/{path.name}")
    out = tmp_path / f"t.{ending}"
    argv = ["batch", str(archive), "-o", str(out), "--reference", str(REF), "--workers", "2"]
    assert main(argv) == 0, capsys.readouterr().err
    if ending == "csv":
        with out.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert list(rows[0]) == [*COLUMNS, *REFERENCE_COLUMNS]
        got = {
            Path(r["file"]).name: tuple(
                float(r[c]) if c == "score" else int(r[c]) for c in REFERENCE_COLUMNS
            )
            for r in rows
            if r["status"] == "ok"
        }
    else:
        import pandas as pd

        frame = pd.read_parquet(out)
        assert str(frame.score.dtype) == "float64"
        ok = frame[frame.status == "ok"]
        got = {
            Path(f).name: tuple(row[c] for c in REFERENCE_COLUMNS)
            for f, (_, row) in zip(ok.file, ok.iterrows(), strict=True)
        }
    assert got == graded


def test_a_reference_that_cannot_be_read_fails_before_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "ref.json"
    bad.write_text("{", encoding="utf-8")
    shutil.copy(CLASS / "alice-perfect-copy.json", tmp_path / "a.json")
    out = tmp_path / "t.csv"
    code = main(["batch", str(tmp_path / "a.json"), "-o", str(out), "--reference", str(bad)])
    err = capsys.readouterr().err
    assert code == 1 and "ref.json" in err and "AM001" in err
    assert not out.exists()
