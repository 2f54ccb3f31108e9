"""GEXF, written (Gephi's own format).

The same graph as the GraphML export: claims and links as nodes with typed attributes.
networkx stamps the file with today's date; argmap removes it so the same map always gives
the same bytes.

>>> import argmap
>>> m = argmap.ArgumentMap()
>>> _ = m.claim("a", "Tea is good.")
>>> "lastmodifieddate" in dumps(m)[0]
False
"""

from __future__ import annotations

import re

from ..model import ArgumentMap
from . import Format

__all__ = ["FORMAT", "dumps"]

_DATE = re.compile(r'\s+lastmodifieddate="[^"]*"')


def dumps(m: ArgumentMap) -> tuple[str, list[str]]:
    """GEXF text for ``m`` and warnings."""
    # Imported here, not at the top: the registry loads every format module, and reading
    # a file should not pay for networkx.
    import networkx as nx

    from ._graph_export import export_graph

    g, warnings = export_graph(m)
    for node in g.nodes.values():
        node.setdefault("label", "")
    text = "\n".join(nx.generate_gexf(g, prettyprint=True))
    return _DATE.sub("", text, count=1) + "\n", warnings


FORMAT = Format(
    name="gexf",
    extensions=(".gexf",),
    description="GEXF (Gephi), write",
    writer=dumps,
)
