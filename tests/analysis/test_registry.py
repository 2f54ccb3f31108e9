"""The semantics registry: what each semantics answers, dispatch through it, and adding one."""

from __future__ import annotations

import ast
from itertools import combinations
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from argmap import ArgumentMap
from argmap.analysis import (
    Framework,
    accepted,
    analyze,
    extensions,
    registry,
    some_extension,
    strengths,
)
from argmap.analysis.combiners import quadratic_energy
from argmap.analysis.semantics import SEMANTICS
from argmap.cli import main

ANALYSIS = Path(__file__).resolve().parents[2] / "src" / "argmap" / "analysis"
DUNG = ("grounded", "complete", "preferred", "stable", "semi-stable", "ideal")


@pytest.fixture
def scratch(monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy of the registry for the test, so a registration never leaks into others."""
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))


def naive(af: Framework, limit: int | None) -> tuple[list[frozenset[int]], bool]:
    # Maximal conflict-free sets by brute force: a semantics the built-ins do not have.
    attacks = set(zip(af.source.tolist(), af.target.tolist(), strict=True))
    free = [
        frozenset(s)
        for k in range(af.n + 1)
        for s in combinations(range(af.n), k)
        if not any((a, b) in attacks for a in s for b in s)
    ]
    found = [s for s in free if not any(s < t for t in free)]
    return (found if limit is None else found[:limit]), limit is None or len(found) <= limit


NAIVE = registry.DungSemantics(
    "naive",
    "NA",
    "maximal conflict-free sets",
    {"python": registry.Solver(naive)},
    settled_by_grounded=False,
)


def test_built_in_table() -> None:
    assert registry.names("dung") == DUNG
    assert registry.names("gradual") == ("dfquad", "qe", "euler")
    assert dict(zip(DUNG, ("GR", "CO", "PR", "ST", "SST", "ID"), strict=True)) == SEMANTICS
    for name in DUNG:
        sem = registry.dung(name)
        assert sem.answers == {"credulous", "sceptical", "some", "enumerate"}
        expected = {"linear"} if name == "grounded" else {"python", "sat"}
        assert set(sem.backends) == expected
    assert not registry.dung("stable").settled_by_grounded  # it may have no extension
    for name in ("dfquad", "qe", "euler"):
        assert registry.gradual(name).answers == {"strengths"}


def test_problem_table_is_the_registry(capsys: pytest.CaptureFixture[str]) -> None:
    # The same table, in the same order, as before the registry (ICCMA task order outside).
    expected = [f"{t}-{s}" for t in ("DC", "DS", "SE", "EE") for s in SEMANTICS.values()]
    assert registry.problems() == expected
    assert main(["af", "--problems"]) == 0
    assert capsys.readouterr().out.strip() == "[" + ",".join(expected) + "]"


def test_unknown_names_are_clear() -> None:
    with pytest.raises(ValueError, match="unknown semantics 'grounde'"):
        extensions(Framework.from_pairs([("a", "b")]), "grounde")
    with pytest.raises(ValueError, match="did you mean"):
        registry.get("prefered")
    with pytest.raises(ValueError, match="gradual method"):
        registry.gradual("preferred")  # a semantics, but not a gradual one
    with pytest.raises(ValueError, match="unknown method 'dfquadd'"):
        strengths(ArgumentMap(), "dfquadd")


def test_register_refuses_clashes(scratch: None) -> None:
    with pytest.raises(ValueError, match="already registered"):
        registry.register(registry.DungSemantics("stable", "XX", "", NAIVE.backends))
    with pytest.raises(ValueError, match="abbreviation 'PR' is already taken"):
        registry.register(registry.DungSemantics("mine", "PR", "", NAIVE.backends))
    with pytest.raises(ValueError, match="no back-end"):
        registry.register(registry.DungSemantics("mine", "MI", "", {}))
    with pytest.raises(ValueError, match="built in"):
        registry.unregister("preferred")


def test_a_registered_semantics_answers_everywhere(
    scratch: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry.register(NAIVE)
    af = Framework.from_pairs([("a", "b"), ("b", "c")])
    result = extensions(af, "naive")
    assert [sorted(e) for e in result] == [["a", "c"], ["b"]]
    assert result.backend == "python" and result.exhaustive
    # Not settled by grounded: b is OUT in grounded yet credulously naive.
    assert accepted(af, "b", "naive", "credulous") == (True, "python")
    assert accepted(af, "b", "naive", "sceptical") == (False, "python")
    ext, used = some_extension(af, "naive")
    assert sorted(ext or ()) in (["a", "c"], ["b"]) and used == "python"
    # its one back-end answers whatever was asked, as grounded's does, and says so
    assert extensions(af, "naive", backend="sat").backend == "python"
    # the ICCMA solver lists and answers it, from the registry alone
    path = tmp_path / "chain.af"
    path.write_text("p af 3\n1 2\n2 3\n", encoding="utf-8")
    assert main(["af", "--problems"]) == 0
    assert "EE-NA" in capsys.readouterr().out
    assert main(["af", "-p", "EE-NA", "-f", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == ["w 1 3", "w 2"]
    assert main(["af", "-p", "DC-NA", "-f", str(path), "-a", "2"]) == 0
    assert capsys.readouterr().out.strip() == "YES"
    # and it labels maps: naive extensions {a, a1} and {a, b}, so b stands in one only
    m = ArgumentMap()
    for c in ("a", "b"):
        m.claim(c, f"Claim {c}.")
    m.attack("a", "b")
    result = analyze(m, "naive", "attack-only")
    assert result.backend == "python" and result.status == {"a": "accepted", "b": "undecided"}
    registry.unregister("naive")
    assert main(["af", "-p", "EE-NA", "-f", str(path)]) == 1
    assert "unknown problem" in capsys.readouterr().err


def test_a_registered_gradual_semantics(scratch: None) -> None:
    def doubled(
        base: np.ndarray, dst: np.ndarray, att: np.ndarray, passed: np.ndarray, k: int
    ) -> np.ndarray:
        return np.minimum(1.0, 2 * quadratic_energy(base, dst, att, passed, k))

    registry.register(registry.GradualSemantics("qe2", "twice quadratic energy", doubled))
    m = ArgumentMap()
    m.claim("t", "Thesis.", confidence=0.3)
    m.claim("r", "Reason.", confidence=0.5)
    m.support("r", "t")
    qe, qe2 = strengths(m, "qe").claims["t"], strengths(m, "qe2").claims["t"]
    assert qe2 == pytest.approx(min(1.0, 2 * qe)) and qe2 != qe


def relative_imports(path: Path) -> set[str]:
    """Sibling modules a module of ``argmap.analysis`` imports, lazily or not."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
    return found


def test_no_import_circle_inside_analysis() -> None:
    graph = nx.DiGraph()
    for path in ANALYSIS.glob("*.py"):
        if path.stem != "__init__":
            graph.add_node(path.stem)
            graph.add_edges_from((path.stem, other) for other in relative_imports(path))
    assert {"semantics", "search", "sat", "grounded", "registry"} <= set(graph)
    assert list(nx.simple_cycles(graph)) == []
    # grounded is below the back-ends and the dispatcher, not beside them
    assert nx.has_path(graph, "search", "grounded") and nx.has_path(graph, "semantics", "grounded")
    assert not nx.has_path(graph, "grounded", "semantics")


def test_asking_for_a_back_end_a_semantics_lacks(scratch: None) -> None:
    two = {"python": registry.Solver(naive), "brute": registry.Solver(naive)}
    registry.register(registry.DungSemantics("naive2", "N2", "naive twice", two))
    af = Framework.from_pairs([("a", "b")])
    assert extensions(af, "naive2", backend="python").backend == "python"
    with pytest.raises(ValueError, match="naive2 has no 'sat' back-end"):
        extensions(af, "naive2", backend="sat")
    with pytest.raises(ValueError, match="backend must be"):
        extensions(af, "naive2", backend="fast")
