"""Graph views of a map for networkx users.

Two views:

* :func:`to_networkx` keeps links as nodes, as AIF does (claim -> link -> target), so
  co-premises, undercuts and link attributes survive intact;
* :func:`claim_graph` projects to claims only, one ``support``/``attack`` edge per source,
  with co-premises marked by the link id they share. Undercuts have no claim-to-claim edge
  and are left out of the projection (they remain in the full view).

Both are built in one pass over the claims and links: linear in the size of the map.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from .model import ArgumentMap

__all__ = ["claim_graph", "to_networkx"]


def to_networkx(m: ArgumentMap) -> nx.DiGraph:
    """A ``DiGraph`` with a node per claim and per link, all model data as attributes.

    Claim nodes have ``type="claim"`` and the claim's fields; link nodes have ``type="link"``
    and the link's fields. Edges run from each source claim to its link node (``role="premise"``)
    and from the link node to its target (``role="conclusion"``), the target being a claim or,
    for undercuts and warrants, another link node.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> for cid in "abc":
    ...     _ = m.claim(cid, f"Claim {cid}.")
    >>> m.support(["a", "b"], "c")
    's1'
    >>> g = to_networkx(m)
    >>> sorted(g.predecessors("s1")), list(g.successors("s1"))
    (['a', 'b'], ['c'])
    >>> g.nodes["s1"]["kind"]
    'support'
    """
    g = nx.DiGraph(title=m.title, question=m.question)
    g.add_nodes_from((c.id, {"type": "claim", **_fields(c)}) for c in m.claims)
    g.add_nodes_from((link.id, {"type": "link", **_fields(link)}) for link in m.links)
    for link in m.links:
        g.add_edges_from((s, link.id, {"role": "premise", "kind": link.kind}) for s in link.sources)
        g.add_edge(link.id, link.target, role="conclusion", kind=link.kind)
    return g


def claim_graph(m: ArgumentMap) -> nx.MultiDiGraph:
    """Claims only: an edge ``source -> target`` per source of each link between claims.

    Edge attributes: ``kind`` (``support``/``attack``), ``link`` (the link id, shared by
    co-premises), ``copremises`` (the other sources of the same link), ``weight``.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> for cid in "abc":
    ...     _ = m.claim(cid, f"Claim {cid}.")
    >>> _ = m.support(["a", "b"], "c")
    >>> sorted((u, v, d["copremises"]) for u, v, d in claim_graph(m).edges(data=True))
    [('a', 'c', ('b',)), ('b', 'c', ('a',))]
    """
    g = nx.MultiDiGraph(title=m.title, question=m.question)
    g.add_nodes_from((c.id, _fields(c)) for c in m.claims)
    claims = {c.id for c in m.claims}
    for link in m.links:
        if link.target not in claims:
            continue
        for s in link.sources:
            others = tuple(x for x in link.sources if x != s)
            g.add_edge(
                s,
                link.target,
                key=link.id,
                kind=link.kind,
                link=link.id,
                copremises=others,
                weight=link.weight,
            )
    return g


def _fields(item: Any) -> dict[str, Any]:
    data: dict[str, Any] = item.model_dump(exclude={"id"})
    return data
