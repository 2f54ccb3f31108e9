"""The lesson notebooks: stored with their outputs, and running them again gives those outputs.

Each notebook is executed in a fresh kernel and normalised by ``scripts/run_notebooks.py``
(the script a teacher or developer runs after editing a lesson); the result must be the
stored file, byte for byte, so a stale output fails here. Each lesson also starts with what
a teacher needs (goals, timing, tasks, notes, expected outputs), and what its *Expected
outputs* section promises is checked against what the cells print.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import nbformat
import pytest

from ..conftest import REPO

NOTEBOOKS = sorted((REPO / "docs" / "notebooks").glob("*.ipynb"))
#: The mistakes each notebook shows on purpose, in order, by problem code.
MISTAKES = {"02-build-and-check-your-map": ["AM107", "AM101", "AM014", "AM015", "AM011"]}
SECTIONS = ("Learning goals", "Timing", "Tasks for students", "Notes for the teacher")
SECTIONS += ("Expected outputs",)
#: What the first four lessons are about, in order (words their file names hold).
SEQUENCE = ("reading", "build", "compar", "judg")
_TEXTS = ("text/plain", "text/markdown", "text/html")


@cache
def runner() -> ModuleType:
    script = REPO / "scripts" / "run_notebooks.py"
    spec = importlib.util.spec_from_file_location("run_notebooks", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["run_notebooks"] = module
    spec.loader.exec_module(module)
    return module


def _read(path: Path) -> Any:
    return nbformat.read(path, as_version=4)


def _sections(book: Any) -> dict[str, str]:
    first = book.cells[0]
    assert first.cell_type == "markdown"
    parts = re.split(r"^## (.+)$", first.source, flags=re.M)
    return {parts[k].strip(): parts[k + 1] for k in range(1, len(parts), 2)}


def _shown(book: Any) -> str:
    """Every output's text (streams, plain text, Markdown, HTML, errors), whitespace folded."""
    texts = []
    for cell in book.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                texts.append(out.text)
            elif out.output_type == "error":
                texts.append(out.evalue)
            else:
                texts += [str(out.data[k]) for k in _TEXTS if k in out.data]
    return " ".join(" ".join(texts).split())


def test_a_sequence_of_lessons() -> None:
    names = [p.name for p in NOTEBOOKS]
    assert len(names) >= 4
    assert [n[:3] for n in names] == [f"{k:02d}-" for k in range(1, len(names) + 1)]
    for name, topic in zip(names, SEQUENCE, strict=False):
        assert topic in name, (name, topic)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_lesson_starts_with_what_a_teacher_needs(path: Path) -> None:
    book = _read(path)
    assert book.cells[0].source.startswith("# Lesson ")
    sections = _sections(book)
    assert list(sections) == list(SECTIONS)
    for name in SECTIONS:
        assert len(sections[name].split()) >= 15, f"section {name!r} is nearly empty"
    # The timing table: each part's minutes, and a total that is their sum.
    rows = re.findall(r"^\| (\d+)\. (.+?) \| (\d+) \|$", sections["Timing"], flags=re.M)
    total = re.search(r"^\| \*\*Total\*\* \| \*\*(\d+)\*\* \|$", sections["Timing"], flags=re.M)
    assert rows and total is not None
    assert sum(int(m) for _, _, m in rows) == int(total[1])
    # ... and the lesson's parts, as headings "## N. title (M min)", say the same.
    body = "\n".join(c.source for c in book.cells[1:] if c.cell_type == "markdown")
    headings = re.findall(r"^## (\d+)\. .+\((\d+) min\)$", body, flags=re.M)
    assert headings == [(k, m) for k, _, m in rows]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_with_outputs_and_nothing_of_this_machine(path: Path) -> None:
    book = _read(path)
    code = [c for c in book.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    assert code[-1].outputs, "the last cell shows something"
    text = path.read_text(encoding="utf-8")
    for machine in (str(REPO), "/tmp/", "/root", "/home/", sys.prefix):
        assert machine not in text, machine
    assert not re.search(r"\b0x[0-9a-f]{8,}\b", text), "a memory address is stored"
    assert '"execution":' not in text and "iopub" not in text  # no timings
    assert book.metadata[runner().GRAPHVIZ_KEY]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_expected_outputs_are_what_the_cells_show(path: Path) -> None:
    book = _read(path)
    promised = re.findall(r"`([^`]+)`", _sections(book)["Expected outputs"])
    assert promised, "the expected outputs quote what students will see"
    shown = _shown(book)
    for fragment in promised:
        assert " ".join(fragment.split()) in shown, fragment


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_code_fits_the_published_page(path: Path) -> None:
    # The docs page shows about 80 characters of code at 800 pixels; longer lines scroll.
    for cell in _read(path).cells:
        if cell.cell_type == "code":
            assert max(map(len, cell.source.splitlines())) <= 76, cell.source


def _without_diagrams(book: Any) -> Any:
    for cell in book.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "image/svg+xml" in data or "<svg" in str(data.get("text/html", "")):
                out["data"] = {"text/plain": data.get("text/plain", "(diagram)")}
    return book


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_running_again_gives_the_stored_outputs(path: Path) -> None:
    run = runner()
    stored = path.read_text(encoding="utf-8")
    fresh = run.normalise(run.execute(path, timeout=120))
    if _read(path).metadata[run.GRAPHVIZ_KEY] == run.graphviz_version():
        assert run.render(fresh) == stored, f"stale outputs: run scripts/run_notebooks.py {path}"
    else:
        # Another Graphviz lays diagrams out to other coordinates: compare all the rest.
        old = nbformat.reads(stored, as_version=4)
        assert run.render(_without_diagrams(fresh)) == run.render(_without_diagrams(old))
    _check_mistakes(path.stem, fresh)


def _check_mistakes(stem: str, book: Any) -> None:
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
    expected = MISTAKES.get(stem, [])
    assert len(met) == len(expected)
    for evalue, code in zip(met, expected, strict=True):
        assert code in evalue, (code, evalue)


def test_normalising_removes_what_a_run_varies() -> None:
    run = runner()
    book = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("print('x')")
    cell.metadata["execution"] = {"iopub.status.busy": "2026-01-01T00:00:00"}
    cell.outputs = [
        nbformat.v4.new_output("stream", name="stderr", text="warn\n"),
        nbformat.v4.new_output("stream", name="stdout", text=f"at {REPO}/x "),
        nbformat.v4.new_output("stream", name="stdout", text="<obj at 0x7f3a2b1c4d50>\n"),
        nbformat.v4.new_output(
            "execute_result", data={"text/plain": "'/tmp/tmpab12cd34/map.json'"}, execution_count=1
        ),
    ]
    book.cells = [cell]
    out = run.normalise(book, graphviz="9.9").cells[0]
    assert "execution" not in out.metadata and out.id == "cell-00"
    assert [(o.name, o.text) for o in out.outputs[:2]] == [
        ("stdout", "at <repo>/x <obj at 0x…>\n"),
        ("stderr", "warn\n"),
    ]
    assert out.outputs[2].data["text/plain"] == "'<tmp>/…/map.json'"
    assert run.normalise(book, graphviz="9.9").metadata[run.GRAPHVIZ_KEY] == "9.9"
