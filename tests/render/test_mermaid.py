"""Mermaid output: structure, options, and the arrow vocabulary."""

from __future__ import annotations

from argmap import ArgumentMap, to_mermaid
from argmap.examples import soviet_socialism

from .helpers import expected_graph, mermaid_decode_id, parse_mermaid
from .test_dot import small


def test_reference_map_nodes_edges_and_labels() -> None:
    m = soviet_socialism()
    text = to_mermaid(m)
    graph = parse_mermaid(text)
    nodes, edges = expected_graph(m)
    assert set(graph.labels) | graph.junctions == nodes
    assert graph.edges == edges
    assert graph.labels["pos-state-capitalism"] == [
        "POSITION",
        "USSR was state capitalism",
        "The USSR was not genuine socialism at all but a form of state capitalism.",
    ]
    assert text.startswith("flowchart BT\n")
    assert '    subgraph t_shortages["Shortages"]' in text


def test_arrows_differ_by_line_and_head() -> None:
    text = to_mermaid(small())
    assert "c_sleep --- l_s_hco" in text and "l_s_hco --> c_ban" in text  # co-premises
    assert "l_a_hpractice -.-x c_ban" in text  # attack: dotted line, cross head
    assert "c_tired ==x l_a_hpractice" in text  # undercut: thick line to the link
    assert "%% legend:" in text
    assert "%% legend" not in to_mermaid(small(), legend=False)


def test_ids_round_trip() -> None:
    for claim_id in ("end", "a_b", "a-b", "a__h", "_h", "x-o"):
        assert mermaid_decode_id(f"c_{claim_id.replace('_', '__').replace('-', '_h')}") == claim_id


def test_options() -> None:
    m = small()
    assert to_mermaid(m, direction="LR").startswith("flowchart LR\n")
    titles = parse_mermaid(to_mermaid(m, labels="title")).labels
    assert titles["ban"] == ["POSITION", "Ban it"]
    texts = parse_mermaid(to_mermaid(m, labels="text")).labels
    assert texts["ban"] == ["POSITION", "Homework should be banned."]
    assert "subgraph" not in to_mermaid(m, group="none")
    focused = parse_mermaid(to_mermaid(m, focus="lone", depth=2))
    assert set(focused.labels) == {"lone"} and not focused.edges
    themed = parse_mermaid(to_mermaid(m, themes=["learning"]))
    assert set(themed.labels) == {"practice", "tired"}
    status = to_mermaid(m, status={"ban": "accepted", "stress": 0.5}, bw=True)
    assert "style c_ban fill:#FFFFFF,stroke-width:4px" in status
    assert "✓ accepted" in parse_mermaid(status).labels["ban"][0]
    assert "#1A7F37" not in status and "#1A7F37" in to_mermaid(m)


def test_positions_and_assumptions_are_marked_by_shape_and_dash() -> None:
    text = to_mermaid(small())
    assert 'c_ban[["' in text
    assert "classDef assumption stroke-dasharray:5 4" in text and "class c_tired assumption" in text


def test_empty_map() -> None:
    assert to_mermaid(ArgumentMap()) == "flowchart BT\n"
