"""GraphML, written (for yEd, Gephi, Cytoscape and networkx).

Claims and links are nodes (see :mod:`argmap.formats._graph_export`), with ``text``,
``kind``, ``themes``, ``link_kind`` and the rest as typed GraphML ``<data>`` keys.

>>> import argmap
>>> m = argmap.ArgumentMap()
>>> _ = m.claim("a", "Tea is good."); _ = m.claim("b", "Tea has antioxidants.")
>>> _ = m.support("b", "a")
>>> "<graphml" in dumps(m)[0]
True
"""

from __future__ import annotations

from ..model import ArgumentMap
from . import Format

__all__ = ["FORMAT", "dumps"]


def dumps(m: ArgumentMap) -> tuple[str, list[str]]:
    """GraphML text for ``m`` and warnings."""
    # Imported here, not at the top: the registry loads every format module, and reading
    # a file should not pay for networkx.
    import networkx as nx

    from ._graph_export import export_graph

    g, warnings = export_graph(m)
    return "\n".join(nx.generate_graphml(g, prettyprint=True)) + "\n", warnings


FORMAT = Format(
    name="graphml",
    extensions=(".graphml",),
    description="GraphML (yEd, Gephi), write",
    writer=dumps,
)
