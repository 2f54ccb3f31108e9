"""The wheel ships the reference map and its source, built from data/ (one copy in the repo)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import DATA, REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("wheel")
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
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    [built] = out.glob("argmap-*.whl")
    return built


def test_wheel_contains_the_reference_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "argmap/examples/data/claims.json" in names
    assert "argmap/examples/data/sources/what-was-wrong-with-soviet-socialism.txt" in names
    packaged = zipfile.ZipFile(wheel).read("argmap/examples/data/claims.json")
    assert packaged == (DATA / "claims.json").read_bytes()


def test_installed_wheel_loads_the_example_with_quotes_checked(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    code = (
        "import argmap.examples as e; m = e.soviet_socialism(); "
        f"print(e.data_path().is_relative_to({str(target)!r}), len(m.claims))"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.split() == ["True", str(len(argmap_claims()))]


def argmap_claims() -> list[object]:
    import json

    claims: list[object] = json.loads((DATA / "claims.json").read_text())["claims"]
    return claims


def test_notebook_extra_installs_what_the_notebooks_need() -> None:
    # Jupyter itself and a kernel, plus every third-party module the notebooks import.
    import json
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extra = {_name(req) for req in project["optional-dependencies"]["notebook"]}
    core = {_name(req) for req in project["dependencies"]}
    assert {"jupyterlab", "ipykernel"} <= extra
    imported: set[str] = set()
    for book in (REPO / "docs" / "notebooks").glob("*.ipynb"):
        for cell in json.loads(book.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                imported |= _top_modules("".join(cell["source"]))
    third_party = imported - set(sys.stdlib_module_names) - {"argmap"}
    assert third_party <= extra | core, third_party - extra - core


def _name(requirement: str) -> str:
    import re

    return re.split(r"[<>=\[ ;]", requirement, maxsplit=1)[0].lower()


def _top_modules(source: str) -> set[str]:
    import ast

    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found
