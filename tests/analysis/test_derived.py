"""Grouped derived attacks against the pair-by-pair translation they replace.

The grounded labels computed on the grouped attacks, the attackers and origins asked one
node at a time, and the framework built on demand must all equal what the former
``to_framework`` gave (``bipolar_before.py``), on random maps under every support reading.
"""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap
from argmap.analysis import analyze, explain, extensions, grounded
from argmap.analysis.bipolar import SUPPORTS, to_framework
from argmap.analysis.derived import strong_components

from . import bipolar_before

WORDS = {0: "undecided", 1: "accepted", 2: "rejected"}


@st.composite
def tangled_maps(draw: st.DrawFn) -> ArgumentMap:
    """Small maps with every shape the model allows: cycles of support, attacks on links,
    links aimed at themselves, co-premises, undercuts of undercuts."""
    n_claims = draw(st.integers(1, 7))
    n_links = draw(st.integers(0, 14))
    claims = [f"c{i}" for i in range(n_claims)]
    link_ids = [f"l{i}" for i in range(n_links)]
    links = [
        {
            "id": lid,
            "kind": draw(st.sampled_from(["support", "attack"])),
            "sources": draw(st.lists(st.sampled_from(claims), min_size=1, max_size=3, unique=True)),
            "target": draw(st.sampled_from(claims + link_ids)),
        }
        for lid in link_ids
    ]
    data = {"claims": [{"id": c, "text": f"Claim {c}."} for c in claims], "links": links}
    return ArgumentMap.model_validate(data)


@settings(max_examples=400, deadline=None)
@given(m=tangled_maps(), support=st.sampled_from(SUPPORTS))
def test_grouped_equals_pair_by_pair(m: ArgumentMap, support: str) -> None:
    before_af, before_origin = bipolar_before.to_framework(m, support)
    expected = dict(zip(before_af.names, grounded(before_af).codes.tolist(), strict=True))
    result = analyze(m, "grounded", support)
    assert {**result.claim_labels, **result.link_labels} == {
        a: WORDS[c] for a, c in expected.items()
    }
    assert result.extensions == [[a for a, c in expected.items() if c == 1]]
    mapped = to_framework(m, support)
    for node in before_af.names:  # one node at a time, grouped
        want = sorted(
            {before_af.names[i] for i in before_af.attackers(before_af.index(node)).tolist()},
            key=before_af.index,
        )
        assert mapped.attackers(node) == want
        assert all(mapped.origin_of(k, node) == before_origin[(k, node)] for k in want)
    # listed in full on demand: the same pairs, in the same order, with the same origins
    assert mapped.framework.pairs() == before_af.pairs()
    assert mapped.framework.names == before_af.names
    assert list(mapped.origin.items()) == list(before_origin.items())


@settings(max_examples=60, deadline=None)
@given(m=tangled_maps(), support=st.sampled_from(SUPPORTS))
def test_other_semantics_unchanged(m: ArgumentMap, support: str) -> None:
    # They still read the full framework; its extensions must be those of the old one.
    before_af, _ = bipolar_before.to_framework(m, support)
    for semantics in ("preferred", "stable"):
        result = analyze(m, semantics, support, backend="python")
        old = extensions(before_af, semantics, backend="python", limit=1000)
        assert [set(e) for e in result.extensions] == [set(e) for e in old.extensions]


def star(n: int) -> ArgumentMap:
    """One position; every third claim attacks it, the others support it."""
    claims = [{"id": f"c{i}", "text": f"Claim {i}."} for i in range(n)]
    links = [
        {"id": f"l{i}", "kind": "attack" if i % 3 == 0 else "support", "sources": [f"c{i}"]}
        | {"target": "c0"}
        for i in range(1, n)
    ]
    return ArgumentMap.model_validate({"claims": claims, "links": links})


@pytest.mark.parametrize("support", SUPPORTS)
def test_star_lists_no_derived_pair(support: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The grounded analysis and an explanation of the position never list the pairs.
    from argmap.analysis.derived import DerivedAttacks

    def refuse(self: DerivedAttacks) -> None:
        raise AssertionError("every derived pair was listed")

    monkeypatch.setattr(DerivedAttacks, "all_pairs", refuse)
    m = star(600)
    result = analyze(m, "grounded", support)
    assert result.claim_labels["c0"] == "rejected"  # 200 unattacked attackers
    # a support is rebutted on its conclusion only under the readings that say so
    rebutted = support in ("defeasible", "deductive")
    assert result.link_labels["l1"] == ("rejected" if rebutted else "accepted")
    assert "rejected" in explain(m, "c0", support=support)


@settings(max_examples=300, deadline=None)
@given(
    edges=st.integers(1, 12).flatmap(
        lambda n: st.lists(st.lists(st.integers(0, n - 1), max_size=4), min_size=n, max_size=n)
    )
)
def test_strong_components_match_networkx(edges: list[list[int]]) -> None:
    comp, count = strong_components(edges)
    graph = nx.DiGraph()
    graph.add_nodes_from(range(len(edges)))
    graph.add_edges_from((x, y) for x, ys in enumerate(edges) for y in ys)
    expected = {frozenset(c) for c in nx.strongly_connected_components(graph)}
    assert {frozenset(x for x in graph if comp[x] == c) for c in range(count)} == expected
    # every edge between components runs from a higher number to a lower one
    assert all(comp[x] >= comp[y] for x, ys in enumerate(edges) for y in ys)
