"""The first-use path, as CI's newcomer takes it: argmap without extras in a new virtualenv.

The wheel is installed with its dependencies from the package index into an empty virtual
environment (no YAML, no pandas, no SAT solver), and then, in that environment:
the README's quick start and every Python block of the docs run (``docs/blocks.py``), and a
script checks results, not only that things ran.
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .conftest import REPO

CHECKS = r"""
import importlib.util, sys
import argmap

assert importlib.util.find_spec("yaml") is None, "the core install must not need PyYAML"
m = argmap.ArgumentMap(title="Homework", question="Should homework be banned?")
m.claim("ban", "Homework should be banned.", kind="position")
m.claim("stress", "Homework causes stress.", themes=["wellbeing"])
m.claim("sleep", "Stress costs students sleep.")
m.support(["stress", "sleep"], "ban")
m.claim("practice", "Practice needs time outside class.")
m.attack("practice", "ban")
status = argmap.analyze(m).status
assert status == {"ban": "rejected", "stress": "accepted", "sleep": "accepted",
                  "practice": "accepted"}, status
outline = argmap.summarize(m, "outline")
assert isinstance(outline, str) and "1.1. Pro" in outline and "Con: Practice" in outline
ref = argmap.examples.soviet_socialism()
assert [c for c, s in argmap.analyze(ref).status.items() if s == "rejected"] == [
    "pos-failed-solidarity"]
print("checks passed", argmap.__version__)
"""


@pytest.fixture(scope="module")
def fresh_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("hatchling")  # builds the wheel, as pip would from PyPI
    work = tmp_path_factory.mktemp("fresh")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(work),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = work.glob("argmap-*.whl")
    venv.create(work / "venv", with_pip=True, clear=True)
    python = work / "venv" / "bin" / "python"
    done = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return python


def test_readme_and_docs_blocks_run_without_extras(fresh_python: Path) -> None:
    done = subprocess.run(
        [str(fresh_python), str(REPO / "tests" / "docs" / "blocks.py"), str(REPO)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert done.stdout.strip().endswith(", 0 failures")


def test_quick_start_results_without_extras(fresh_python: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [str(fresh_python), "-c", CHECKS],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    assert done.stdout.startswith("checks passed")


def test_the_command_works_without_extras(fresh_python: Path, tmp_path: Path) -> None:
    argmap_cli = fresh_python.parent / "argmap"
    ref = REPO / "data" / "claims.json"
    done = subprocess.run(
        [str(argmap_cli), "analyze", str(ref)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and "30 accepted, 1 rejected" in done.stdout, done.stderr
    done = subprocess.run(
        [str(argmap_cli), "summary", str(ref), "--format", "outline", "-o", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and (tmp_path / "o").read_text().startswith("Question:")
