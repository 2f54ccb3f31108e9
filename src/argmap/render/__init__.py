"""Diagrams of argument maps: Graphviz DOT, SVG, PNG and PDF, and Mermaid.

>>> import argmap
>>> m = argmap.ArgumentMap()
>>> m.claim("a", "A reason.")
'a'
>>> m.claim("b", "A claim.")
'b'
>>> m.attack("a", "b")
'a1'
>>> print(argmap.to_mermaid(m, legend=False).splitlines()[3])
    c_a -.-x c_b

The visual language (line styles, arrowheads, junctions, legend) is described in
``docs/diagrams.md``.
"""

from .backend import Renderer, find_renderer, layout_settings
from .dot import to_dot
from .mermaid import to_mermaid
from .options import DiagramOptions, make_options
from .output import render, to_svg
from .paper import render_paper
from .viewer import DiagramView, view

__all__ = [
    "DiagramOptions",
    "DiagramView",
    "Renderer",
    "find_renderer",
    "layout_settings",
    "make_options",
    "render",
    "render_paper",
    "to_dot",
    "to_mermaid",
    "to_svg",
    "view",
]
