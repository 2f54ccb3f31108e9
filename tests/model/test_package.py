"""The model package: the same names as the one-module model had, and no import of the layers
above it (io, formats, analysis, render, summary, report, cli) at import time."""

from __future__ import annotations

import ast
from pathlib import Path

import argmap
import argmap.model as model

PACKAGE = Path(model.__file__).parent
ABOVE = ("io", "formats", "analysis", "render", "summary", "report", "cli", "validate", "graph")


def _module_level_imports(path: Path) -> list[str]:
    """Modules imported outside functions and ``if TYPE_CHECKING`` blocks (resolved to
    ``argmap.x`` for relative imports)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                found.append(node.module or "")
            else:  # relative: from "." or ".." of argmap.model
                base = ["argmap", "model"][: 3 - node.level]
                found.append(".".join([*base, *([node.module] if node.module else [])]))
    return found


def test_the_model_imports_none_of_the_layers_above_it() -> None:
    files = sorted(PACKAGE.glob("*.py"))
    assert {f.name for f in files} >= {"__init__.py", "claims.py", "links.py", "sources.py"}
    for path in files:
        for name in _module_level_imports(path):
            if name.startswith("argmap."):
                layer = name.split(".")[1]
                assert layer not in ABOVE, f"{path.name} imports {name} at import time"


def test_every_model_module_is_small() -> None:
    for path in PACKAGE.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 500, path.name


def test_the_names_stay_where_they_were() -> None:
    for name in model.__all__:
        assert getattr(argmap.model, name) is getattr(model, name)
    assert model.ArgumentMap is argmap.ArgumentMap
    assert model.is_slug("state-capitalism") and not model.is_slug("two words")
    assert model.SLUG_PATTERN == r"^[A-Za-z0-9_-]+$"


def test_dir_of_the_map_lists_the_builder_and_no_pydantic_internals() -> None:
    names = dir(model.ArgumentMap)
    for expected in ("claim", "support", "attack", "undercut", "quote", "add_source", "remove"):
        assert expected in names
    assert "to_networkx" in names and "render" in names
    assert not [n for n in names if n.startswith("model_")]


def test_a_map_built_in_code_round_trips(tmp_path: Path) -> None:
    m = model.ArgumentMap(title="Homework")
    m.claim("ban", "Homework should be banned.", kind="position")
    m.claim("stress", "Homework causes stress.", themes=["wellbeing"])
    m.support("stress", "ban")
    path = tmp_path / "m.json"
    m.dump(path)
    assert argmap.load(path) == m
    assert [t.id for t in m.themes] == ["wellbeing"]
