"""Accessible SVG: document title and description, claim and relation titles, role="img"."""

from __future__ import annotations

import pytest

from argmap import ArgumentMap
from argmap.examples import soviet_socialism
from argmap.render import to_svg

from .helpers import SVG, needs_dot, parse_svg, svg_groups, svg_title

pytestmark = needs_dot


@pytest.fixture(scope="module")
def reference_svg() -> str:
    return to_svg(soviet_socialism())


def test_root_is_an_image_named_by_its_title_and_description(reference_svg: str) -> None:
    root = parse_svg(reference_svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "argmap-title argmap-desc"
    title, desc = root[0], root[1]
    assert title.tag == f"{SVG}title" and title.get("id") == "argmap-title"
    assert title.text == "What was wrong with Soviet socialism"
    assert desc.tag == f"{SVG}desc" and desc.get("id") == "argmap-desc"
    assert desc.text is not None
    assert desc.text.startswith("Question: What was wrong with Soviet socialism")
    assert "31 claims and 34 links" in desc.text
    assert not reference_svg.startswith("<?xml")  # ready to inline in HTML


def test_every_claim_is_titled_with_its_text_not_its_id(reference_svg: str) -> None:
    m = soviet_socialism()
    nodes = svg_groups(parse_svg(reference_svg), "node")
    for claim in m.claims:
        group = nodes[f"node-{claim.id}"]
        assert svg_title(group) == claim.text
        desc = group.find(f"{SVG}desc")
        assert desc is not None and desc.text and desc.text.startswith(claim.kind)
    assert "asserted by Critics" in (
        nodes["node-e-deals-authoritarian"].find(f"{SVG}desc").text or ""
    )  # type: ignore[union-attr]


def test_edges_are_described_in_words(reference_svg: str) -> None:
    edges = svg_groups(parse_svg(reference_svg), "edge")
    attack = svg_title(edges["edge-a-structural-vs-attitudes"])
    assert attack == (
        "objection to 'Failed solidarity, shaped people', asserted by Those who point to "
        "structural forces: 'Structural forces, not only attitudes'"
    )
    support = svg_title(edges["edge-s-dangerous-model"])
    assert support.startswith("reason for 'USSR is a dangerous model'")
    undercut = svg_title(edges["edge-u-record-not-proof"])
    assert undercut.startswith("undercut of the inference from 'Socialist label is no guarantee'")
    premise = svg_title(edges["edge-s-state-capitalism-definition.1"])
    assert premise.startswith("linked premise of a reason for 'USSR was state capitalism'")
    assert "together with" in premise
    titles = [svg_title(g) for g in edges.values()]
    assert not any("->" in t for t in titles)  # no Graphviz internal names left


def test_clusters_name_their_theme(reference_svg: str) -> None:
    clusters = svg_groups(parse_svg(reference_svg), "cluster")
    assert svg_title(clusters["theme-shortages"]) == "Theme: Shortages"
    legend = svg_groups(parse_svg(reference_svg), "node")["legend"]
    assert svg_title(legend) == "Legend"
    assert "support: solid line with a filled arrowhead" in (legend.findtext(f"{SVG}desc") or "")


def test_href_prefix_links_claims_for_an_html_report() -> None:
    m = ArgumentMap(title="Homework")
    m.claim("ban", "Homework should be banned.")
    root = parse_svg(to_svg(m, href_prefix="#claim-", id_prefix="map1-"))
    anchors = list(root.iter(f"{SVG}a"))
    assert [a.get("{http://www.w3.org/1999/xlink}href") for a in anchors] == ["#claim-ban"]
    # The hover text is the claim, not Graphviz's copy of the HTML label.
    assert anchors[0].get("{http://www.w3.org/1999/xlink}title") == "Homework should be banned."
    assert root.get("aria-labelledby") == "map1-argmap-title map1-argmap-desc"
    assert "map1-node-ban" in svg_groups(root, "node")


def test_same_map_gives_identical_svg() -> None:
    assert to_svg(soviet_socialism(), legend=False) == to_svg(soviet_socialism(), legend=False)
