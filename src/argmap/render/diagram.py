"""A built diagram: its DOT lines and what the SVG's accessibility pass needs.

It sits below the writer that fills it (:mod:`argmap.render.dot`) and the claim boxes the
writer is made of (:mod:`argmap.render.labels`), so neither reaches back for the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Diagram"]


@dataclass
class Diagram:
    """A built diagram: the DOT lines plus what accessibility post-processing needs.

    ``titles`` maps each SVG element id Graphviz will emit (``id_prefix`` + ``node-<claim>``,
    ``link-<link>``, ``edge-<link>`` ...) to its accessible title; ``descriptions`` to a
    longer description where there is one.
    """

    lines: list[str]
    title: str
    description: str
    node_count: int
    grouping: str = "none"
    planned: bool = False  # laid out by the compact layout (argmap.render.layout)
    titles: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)

    def source(self) -> str:
        # One join, not a join and two concatenations: each copy of a big map's text costs.
        return "".join(["digraph argmap {\n", *self.lines, "}\n"])
