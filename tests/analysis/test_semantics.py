"""Dung semantics against a brute-force oracle, plus the properties that relate them."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.analysis import sat
from argmap.analysis.framework import Framework
from argmap.analysis.semantics import accepted, extensions, grounded, some_extension

from . import oracle

BACKENDS = ["python", "sat"] if sat.available() else ["python"]


@st.composite
def frameworks(draw: st.DrawFn, max_n: int = 5) -> tuple[int, set[tuple[int, int]]]:
    n = draw(st.integers(0, max_n))
    if n == 0:
        return 0, set()
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
    return n, draw(st.sets(pairs, max_size=n * n))


def build(n: int, att: set[tuple[int, int]]) -> Framework:
    edges = sorted(att)
    return Framework(
        n, [a for a, _ in edges], [b for _, b in edges], names=[str(i) for i in range(n)]
    )


def as_ints(exts: object) -> set[frozenset[int]]:
    return {frozenset(int(a) for a in e) for e in exts}  # type: ignore[attr-defined]


def check_all(n: int, att: set[tuple[int, int]], backend: str) -> None:
    af = build(n, att)
    assert grounded(af).extension() == {str(a) for a in oracle.grounded(n, att)}
    for name, fn in oracle.SEMANTICS.items():
        got = extensions(af, name, backend=backend)
        assert got.exhaustive
        assert as_ints(got) == set(fn(n, att)), name
        assert len(got) == len(set(got.extensions))  # no duplicates
    ideal = extensions(af, "ideal", backend=backend).extensions
    assert as_ints(ideal) == {oracle.ideal(n, att)}


@pytest.mark.parametrize("backend", BACKENDS)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fw=frameworks(max_n=5))
def test_every_semantics_matches_the_definitions_small(
    backend: str, fw: tuple[int, set[tuple[int, int]]]
) -> None:
    check_all(*fw, backend)


@pytest.mark.parametrize("backend", BACKENDS)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_semantics_matches_the_definitions_random_12(
    backend: str, data: st.DataObject
) -> None:
    # Sparse random frameworks of up to 12 arguments (the oracle tries all 4096 subsets).
    n = data.draw(st.integers(9, 12))  # the oracle enumerates up to 4,096 subsets
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
    att = data.draw(st.sets(pairs, max_size=2 * n))
    check_all(n, att, backend)


def test_all_frameworks_up_to_three_arguments_exhaustively() -> None:
    # Every attack relation over 0..3 arguments: 1 + 2 + 16 + 512 frameworks.
    for n in range(4):
        cells = [(a, b) for a in range(n) for b in range(n)]
        for mask in range(1 << len(cells)):
            att = {c for k, c in enumerate(cells) if mask >> k & 1}
            check_all(n, att, "python")


@settings(max_examples=60, deadline=None)
@given(fw=frameworks(max_n=7))
def test_relations_between_semantics(fw: tuple[int, set[tuple[int, int]]]) -> None:
    n, att = fw
    af = build(n, att)
    ground = grounded(af).extension()
    comp = extensions(af, "complete").extensions
    pref = extensions(af, "preferred").extensions
    stab = extensions(af, "stable").extensions
    semi = extensions(af, "semi-stable").extensions
    (ideal,) = extensions(af, "ideal").extensions
    assert all(ground <= e for e in comp)  # grounded is the least complete extension
    assert ground in comp
    assert set(pref) <= set(comp)
    assert set(stab) <= set(semi) <= set(pref)
    assert all(ideal <= p for p in pref)
    assert ground <= ideal
    # preferred = maximal admissible: nothing complete strictly contains a preferred set
    assert not any(p < c for p in pref for c in comp)


@pytest.mark.parametrize("backend", BACKENDS)
@settings(max_examples=80, deadline=None)
@given(fw=frameworks(max_n=5), data=st.data())
def test_acceptance_matches_extensions(
    backend: str, fw: tuple[int, set[tuple[int, int]]], data: st.DataObject
) -> None:
    n, att = fw
    if n == 0:
        return
    af = build(n, att)
    arg = str(data.draw(st.integers(0, n - 1)))
    for sem in ("complete", "preferred", "stable", "semi-stable", "ideal", "grounded"):
        exts = extensions(af, sem, backend="python").extensions
        cred, _ = accepted(af, arg, sem, "credulous", backend=backend)
        scep, _ = accepted(af, arg, sem, "sceptical", backend=backend)
        assert cred == any(arg in e for e in exts), sem
        assert scep == all(arg in e for e in exts), sem


def test_grounded_on_a_long_chain_is_linear_and_alternates() -> None:
    n = 20001
    af = Framework(n, list(range(n - 1)), list(range(1, n)))
    lab = grounded(af).codes.tolist()
    assert lab[::2] == [1] * ((n + 1) // 2)
    assert lab[1::2] == [2] * (n // 2)


def test_some_extension_and_limit() -> None:
    # three independent 2-cycles: 8 preferred extensions
    pairs = [(f"a{i}", f"b{i}") for i in range(3)] + [(f"b{i}", f"a{i}") for i in range(3)]
    af = Framework.from_pairs(pairs)
    for backend in BACKENDS:
        limited = extensions(af, "preferred", limit=3, backend=backend)
        assert len(limited) == 3 and not limited.exhaustive
        assert limited.backend == backend
        full = extensions(af, "preferred", backend=backend)
        assert len(full) == 8 and full.exhaustive
        ext, used = some_extension(af, "preferred", backend=backend)
        assert ext in full.extensions and used == backend


def test_unknown_semantics_and_argument() -> None:
    af = Framework.from_pairs([("a", "b")])
    with pytest.raises(ValueError, match="unknown semantics"):
        extensions(af, "naive")
    with pytest.raises(KeyError, match="no argument named 'z'"):
        accepted(af, "z")


def test_notebook_display_counts_extensions_in_words() -> None:
    af = Framework.from_pairs([("a", "b"), ("b", "a"), ("b", "c")])
    assert extensions(af, "grounded")._repr_markdown_().startswith("**1** grounded extension,")
    shown = extensions(af, "preferred")._repr_markdown_()
    assert shown.startswith("**2** preferred extensions,")
