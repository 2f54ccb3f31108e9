"""networkx views: link nodes (AIF-style) and the claim-level projection."""

from __future__ import annotations

import networkx as nx

import argmap
from argmap.graph import claim_graph, to_networkx


def test_full_view_keeps_every_claim_link_and_attribute() -> None:
    m = argmap.examples.soviet_socialism()
    g = m.to_networkx()
    assert g.number_of_nodes() == len(m.claims) + len(m.links)
    expected_edges = sum(len(link.sources) + 1 for link in m.links)
    assert g.number_of_edges() == expected_edges
    for c in m.claims:
        assert g.nodes[c.id]["type"] == "claim"
        assert g.nodes[c.id]["text"] == c.text
        assert g.nodes[c.id]["themes"] == c.themes
    for link in m.links:
        assert g.nodes[link.id]["kind"] == link.kind
        assert sorted(g.predecessors(link.id)) == sorted(
            [*link.sources, *(x.id for x in m.links if x.target == link.id)]
        )
        assert link.target in set(g.successors(link.id))


def test_undercut_points_at_the_link_node() -> None:
    m = argmap.ArgumentMap()
    for cid in ("a", "b", "c"):
        m.claim(cid, f"{cid}.")
    s = m.support("a", "b")
    u = m.undercut("c", s)
    g = to_networkx(m)
    assert list(g.successors(u)) == [s]
    assert g.edges[u, s]["role"] == "conclusion"
    assert claim_graph(m).number_of_edges() == 1  # the undercut has no claim-to-claim edge


def test_projection_marks_copremises_and_keeps_parallel_links() -> None:
    m = argmap.ArgumentMap()
    for cid in ("a", "b", "c"):
        m.claim(cid, f"{cid}.")
    m.support(["a", "b"], "c", id="both")
    m.attack("a", "c", id="against")
    g = claim_graph(m)
    assert isinstance(g, nx.MultiDiGraph)
    assert g.edges["a", "c", "both"]["copremises"] == ("b",)
    assert g.edges["a", "c", "against"]["kind"] == "attack"
    assert g.number_of_edges() == 3


def test_reference_map_is_connected() -> None:
    g = argmap.examples.soviet_socialism().to_networkx()
    assert nx.is_weakly_connected(g)
