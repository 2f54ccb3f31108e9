"""The classroom notebooks: committed without outputs, and they run top to bottom."""

from __future__ import annotations

import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from ..conftest import REPO

NOTEBOOKS = sorted((REPO / "docs" / "notebooks").glob("*.ipynb"))
#: The mistakes each notebook shows on purpose, in order, by problem code.
MISTAKES = {"02-build-your-own-map": ["AM101", "AM014", "AM015", "AM011"]}


def test_there_are_four_notebooks() -> None:
    assert [p.name[:3] for p in NOTEBOOKS] == ["01-", "02-", "03-", "04-"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_outputs_stripped(path: Path) -> None:
    book = nbformat.read(path, as_version=4)
    for cell in book.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs(path: Path) -> None:
    book = nbformat.read(path, as_version=4)
    client = NotebookClient(
        book,
        timeout=60,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    started = time.monotonic()
    client.execute()
    assert time.monotonic() - started < 60
    met = []
    for cell in book.cells:
        if cell.cell_type != "code":
            continue
        errors = [o for o in cell.outputs if o.output_type == "error"]
        if "raises-exception" in cell.metadata.get("tags", []):
            # The mistakes a student is meant to meet: a located argmap error, no crash.
            assert [e.ename for e in errors] == ["MapValidationError"], cell.source
            # The message, not a traceback through argmap's internals.
            shown = "\n".join(errors[0].traceback)
            assert "Traceback" not in shown and 'File "' not in shown, shown
            assert shown.startswith("MapValidationError: ") and len(shown.splitlines()) <= 6
            met.append(errors[0].evalue)
        else:
            assert errors == [], (cell.source, errors)
    expected = MISTAKES.get(path.stem, [])
    assert len(met) == len(expected)
    for evalue, code in zip(met, expected, strict=True):
        assert code in evalue, (code, evalue)
    last = [c for c in book.cells if c.cell_type == "code" and c.outputs][-1]
    assert last.outputs, "the last cell shows something"
