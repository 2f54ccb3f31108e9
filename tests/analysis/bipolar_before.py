"""The map-to-framework translation as it was before the attacks were grouped (oracle).

Kept verbatim in spirit from ``argmap.analysis.bipolar.to_framework`` at commit 41f6beb: it
lists every derived attack pair, quadratic on a star, and serves the differential tests in
``test_derived.py`` as the reference the grouped form must reproduce exactly.
"""

from __future__ import annotations

import networkx as nx

from argmap import ArgumentMap
from argmap.analysis.framework import Framework

Origin = dict[tuple[str, str], str]


def to_framework(m: ArgumentMap, support: str) -> tuple[Framework, Origin]:
    """The framework and the origin of each attack, by the pre-grouping algorithm."""
    claims = tuple(c.id for c in m.claims)
    links = tuple(link.id for link in m.links)
    nodes = claims + links
    inherit = nx.DiGraph()
    inherit.add_nodes_from(nodes)
    direct: dict[str, list[str]] = {n: [] for n in nodes}
    for link in m.links:
        if link.kind == "attack":
            direct[link.target].append(link.id)
        for s in link.sources:
            inherit.add_edge(s, link.id)
        if link.kind != "support":
            continue
        if support in ("deductive", "defeasible"):
            inherit.add_edge(link.target, link.id)
            if support == "deductive" and len(link.sources) == 1:
                inherit.add_edge(link.target, link.sources[0])
        elif support == "necessary":
            for s in link.sources:
                inherit.add_edge(s, link.target)
    origin: Origin = {}
    dag = nx.condensation(inherit)
    order = {n: i for i, n in enumerate(nodes)}
    found: dict[int, dict[str, str]] = {}
    for comp in nx.topological_sort(dag):
        group = sorted(dag.nodes[comp]["members"], key=order.__getitem__)
        acc: dict[str, str] = {}
        for x in group:
            for k in direct[x]:
                acc.setdefault(k, x)
        for pred in sorted(dag.predecessors(comp)):
            for k, x in found[pred].items():
                acc.setdefault(k, x)
        found[comp] = acc
        for y in group:
            for k, x in acc.items():
                origin[(k, y)] = x
    pairs = sorted(origin, key=lambda p: (order[p[1]], order[p[0]]))
    af = Framework.from_pairs(pairs, arguments=nodes)
    return af, {p: origin[p] for p in pairs}
