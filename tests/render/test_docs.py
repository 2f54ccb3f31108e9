"""docs/diagrams.md: its pictures exist, are accessible, and match what argmap draws now."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import load
from argmap.render import to_svg

from .helpers import SVG, needs_dot, parse_svg, svg_groups

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.parametrize("name", ["homework.svg", "homework-bw.svg"])
def test_doc_pictures_are_accessible_svg(name: str) -> None:
    root = parse_svg((DOCS / "diagrams" / name).read_bytes())
    assert root.get("role") == "img"
    legend = svg_groups(root, "node")["legend"]
    spoken = legend.findtext(f"{SVG}desc") or ""
    for relation in ("support", "attack", "undercut", "warrant", "linked co-premises"):
        assert relation in spoken  # the legend names every relation the example shows
    shown = "".join(t.text or "" for t in legend.iter(f"{SVG}text"))
    for sample in ("━━━▶", "╍╍╍┫", "┉┉○┫", "┉┉┉▷", "━●━▶", "ASSUMPTION"):
        assert sample in shown


@needs_dot
def test_doc_picture_is_what_argmap_draws_from_the_example() -> None:
    m = load(DOCS / "diagrams" / "homework.json")
    fresh = parse_svg(to_svg(m))
    committed = parse_svg((DOCS / "diagrams" / "homework.svg").read_bytes())
    for cls in ("node", "edge", "cluster"):
        assert set(svg_groups(fresh, cls)) == set(svg_groups(committed, cls))


def test_legend_table_names_every_relation() -> None:
    text = (DOCS / "diagrams.md").read_text(encoding="utf-8")
    for word in ("**support**", "**attack**", "**undercut**", "**warrant**", "co-premises"):
        assert word in text
    assert "not only colour" in text or "never relies on colour alone" in text
