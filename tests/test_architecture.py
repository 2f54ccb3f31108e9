"""The package's import graph: no import circle but the model's convenience methods.

The graph is read from the source with :mod:`ast`: every ``import`` of an argmap module,
at module level, under ``TYPE_CHECKING`` or inside a function, is an arrow from the module
that imports to the module imported (``from .x import name`` points at ``x.name`` when
that is a module, else at ``x``). Importing a package's ``__init__`` on the way is not an
arrow, as Python's own view of a circle (a half-initialised module) does not arise from it.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import networkx as nx

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "argmap"

#: The model's documented convenience methods (``m.render``, ``m.dump``, ...): each imports
#: the layer above the model inside the method, when called, so the model itself needs
#: none of io/render/cli. These arrows, and only these, may close a circle.
CONVENIENCE = {
    "argmap.model.argument_map": {
        "ArgumentMap.render",
        "ArgumentMap.view",
        "ArgumentMap.dump",
        "ArgumentMap.dumps",
        "ArgumentMap.to_networkx",
        "ArgumentMap.check",
        "ArgumentMap.apply_scheme",
        "ArgumentMap.answer_question",
        "ArgumentMap._repr_mimebundle_",
    },
    # ``m.quote(claim, source, ...)`` finds the quote in the source's file: reading the
    # file is io's (safe paths, size limits), reached only when a quote is made.
    "argmap.model.builders": {"_Builder._source_text"},
}


@dataclass(frozen=True)
class Arrow:
    source: str
    target: str
    function: str  # "" at module level (TYPE_CHECKING included)
    line: int
    typing: bool = False  # under ``if TYPE_CHECKING:``


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


class _Imports(ast.NodeVisitor):
    def __init__(self, module: str, is_package: bool) -> None:
        self.module, self.is_package = module, is_package
        self.scope: list[str] = []
        self.arrows: list[Arrow] = []
        self.typing = False

    def _enter(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> None:
        self.scope.append(node.name)
        self.generic_visit(node)
        self.scope.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _enter

    def visit_If(self, node: ast.If) -> None:
        test = node.test
        name = test.id if isinstance(test, ast.Name) else getattr(test, "attr", "")
        if name != "TYPE_CHECKING":
            self.generic_visit(node)
            return
        self.typing = True
        for child in node.body:
            self.visit(child)
        self.typing = False
        for child in node.orelse:
            self.visit(child)

    def _add(self, target: str, node: ast.stmt) -> None:
        if target in MODULES and target != self.module:
            where = ".".join(self.scope)
            self.arrows.append(Arrow(self.module, target, where, node.lineno, self.typing))

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            base = self.module.split(".")
            if not self.is_package:
                base = base[:-1]
            base = base[: len(base) - (node.level - 1)]
            target = ".".join(base + ([node.module] if node.module else []))
        else:
            target = node.module or ""
        for alias in node.names:
            sub = f"{target}.{alias.name}"
            self._add(sub if sub in MODULES else target, node)


@cache
def arrows() -> tuple[Arrow, ...]:
    found: list[Arrow] = []
    for name, path in MODULES.items():
        visitor = _Imports(name, path.name == "__init__.py")
        visitor.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        found += visitor.arrows
    return tuple(found)


def graph(all_arrows: tuple[Arrow, ...]) -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_nodes_from(MODULES)
    for a in all_arrows:
        if a.function not in CONVENIENCE.get(a.source, set()):
            g.add_edge(a.source, a.target)
    return g


def circles(g: nx.DiGraph) -> list[list[str]]:
    return sorted(sorted(c) for c in nx.strongly_connected_components(g) if len(c) > 1)


def test_the_graph_sees_the_imports_it_should() -> None:
    # The reader itself: a module-level, a relative and a lazy import each give an arrow.
    found = {(a.source, a.target, a.function) for a in arrows()}
    assert ("argmap.io.json", "argmap.model", "") in found
    assert ("argmap.errors", "argmap._names", "") in found
    assert ("argmap.model.argument_map", "argmap.render", "ArgumentMap.view") in found
    assert nx.has_path(graph(arrows()), "argmap.cli", "argmap.model")
    typing = {(a.source, a.target) for a in arrows() if a.typing}
    assert ("argmap.model.argument_map", "argmap.render.options") in typing


def test_no_import_circle_but_the_models_convenience_methods() -> None:
    assert circles(graph(arrows())) == []


def test_the_convenience_methods_import_lazily_and_only_upwards() -> None:
    # The allowed arrows are inside the named methods, and the model imports nothing of
    # io/render/cli at module level (but the types of the methods' keyword options, for
    # the type checker only).
    for a in arrows():
        if a.source.startswith("argmap.model") and a.function == "" and not a.typing:
            assert not a.target.startswith(("argmap.io", "argmap.render.", "argmap.cli")), a
    allowed = {a.function for a in arrows() if a.function in CONVENIENCE.get(a.source, set())}
    assert allowed == set().union(*CONVENIENCE.values())


def test_the_old_circles_stay_broken() -> None:
    # The circles issue 20 named, one arrow of each pair now gone for good.
    g = graph(arrows())
    for low, high in [
        ("argmap._words", "argmap.errors"),
        ("argmap.classroom.feedback", "argmap.classroom.compare"),
        ("argmap.classroom.worksheet", "argmap.classroom.worksheet_output"),
        ("argmap.judgements._arrow", "argmap.judgements._reader"),
        ("argmap.judgements._collect", "argmap.judgements.ratings"),
        ("argmap.judgements.diagram", "argmap.judgements.summary"),
        ("argmap.render.labels", "argmap.render.dot"),
        ("argmap.render.viewer", "argmap.render.output"),
        ("argmap._pydantic_problems", "argmap.model"),
    ]:
        assert not (nx.has_path(g, low, high) and nx.has_path(g, high, low)), (low, high)
