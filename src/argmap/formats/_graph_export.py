"""The graph both XML exports (GraphML, GEXF) write: claims and links as nodes.

Links are nodes too (as in AIF), so co-premises and undercuts keep their structure in yEd
and Gephi: each premise has an edge into its link node, the link node an edge to its
target. Every attribute is a plain string or number, so the tools can filter and style by
``kind``, ``themes`` or ``link_kind`` rather than by colour alone.
"""

from __future__ import annotations

import re
from typing import Any

import networkx as nx

from .._words import counted
from ..model import ArgumentMap
from ._common import tally

__all__ = ["export_graph", "xml_safe"]

# XML 1.0 forbids most control characters even when escaped.
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str, lost: list[int]) -> str:
    """``text`` with characters XML cannot hold replaced by U+FFFD (counted in ``lost``)."""
    if _XML_BAD.search(text) is None:
        return text
    lost[0] += 1
    return _XML_BAD.sub("\ufffd", text)


def export_graph(m: ArgumentMap) -> tuple[nx.DiGraph, list[str]]:
    """A ``DiGraph`` with flat attributes for the XML writers, and warnings."""
    lost = [0]
    themes = {t.id: t for t in m.themes}
    g = nx.DiGraph()
    for key in ("title", "question"):
        value = getattr(m, key)
        if value:
            g.graph[key] = xml_safe(value, lost)
    claim_ids = {c.id for c in m.claims}
    for c in m.claims:
        attrs: dict[str, Any] = {
            "type": "claim",
            "label": xml_safe(c.label, lost),
            "text": xml_safe(c.text, lost),
            "kind": c.kind,
            "themes": ";".join(c.themes),
            "asserted_by": ";".join(c.asserted_by),
        }
        if c.themes and themes[c.themes[0]].color:
            attrs["color"] = themes[c.themes[0]].color
        for key in ("basis", "confidence", "note"):
            value = getattr(c, key)
            if value is not None:
                attrs[key] = xml_safe(value, lost) if isinstance(value, str) else value
        g.add_node(c.id, **attrs)
    for link in m.links:
        undercut = link.target not in claim_ids
        link_kind = ("undercut" if link.kind == "attack" else "warrant") if undercut else link.kind
        attrs = {"type": "link", "label": link_kind, "link_kind": link_kind, "kind": link.kind}
        for key in ("scheme", "weight", "note"):
            value = getattr(link, key)
            if value is not None:
                attrs[key] = xml_safe(value, lost) if isinstance(value, str) else value
        if link.answered:  # graph attributes are scalars: "cq4 by u1; cq6 by a1"
            attrs["answered"] = "; ".join(f"{a.question} by {a.by}" for a in link.answered)
        g.add_node(link.id, **attrs)
        for source in link.sources:
            g.add_edge(source, link.id, role="premise", link_kind=link_kind)
        g.add_edge(link.id, link.target, role="conclusion", link_kind=link_kind)
    warnings = []
    if lost[0]:
        warnings.append(
            counted(lost[0], "text{|s} had characters XML cannot hold, replaced by U+FFFD")
        )
    # Graph formats hold the claims and links with their fields; the map's declarations
    # beside them have no place there.
    dropped = {
        "map description dropped": int(bool(m.description)),
        "theme declaration{|s} (labels, descriptions, colours) dropped": len(m.themes),
        "perspective declaration{|s} (labels, descriptions) dropped": len(m.perspectives),
        "source{|s} dropped": len(m.sources),
        "quote{|s} dropped": sum(len(c.quotes) for c in m.claims),
    }
    warnings += tally({what: n for what, n in dropped.items() if n})
    return g, warnings
