"""The diagram outputs: Graphviz DOT, SVG, PNG, PDF, and Mermaid.

Each takes the options of :func:`argmap.to_dot`, checked once by
:func:`argmap.render.make_options`; PNG and PDF are drawn by Graphviz, the rest are text.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import ArgumentMap
from ..render.dot import build
from ..render.mermaid import mermaid_chart
from ..render.options import DiagramOptions, make_options
from ..render.output import XML_DECLARATION, diagram_file, svg_text
from . import Output, Product

__all__ = ["OUTPUTS"]


def _dot(m: ArgumentMap, opts: DiagramOptions) -> Product:
    return Product(build(m, opts).source())


def _svg(m: ArgumentMap, opts: DiagramOptions) -> Product:
    svg, renderer = svg_text(m, opts)
    return Product(XML_DECLARATION + svg, renderer=renderer)


def _drawn(fmt: str) -> Callable[[ArgumentMap, DiagramOptions], Product]:
    """A picture that only Graphviz writes (PNG, PDF): bytes as it made them."""

    def make(m: ArgumentMap, opts: DiagramOptions) -> Product:
        data, renderer = diagram_file(m, fmt, opts)
        return Product(data, renderer=renderer)

    return make


def _mermaid(m: ArgumentMap, opts: DiagramOptions) -> Product:
    return Product(mermaid_chart(m, opts))


def _diagram(
    name: str,
    extensions: tuple[str, ...],
    description: str,
    make: Callable[[ArgumentMap, DiagramOptions], Product],
    aliases: tuple[str, ...] = (),
) -> Output[DiagramOptions]:
    return Output(name, "diagram", extensions, description, make_options, make, aliases)


OUTPUTS: tuple[Output[DiagramOptions], ...] = (
    _diagram("dot", (".dot", ".gv"), "Graphviz DOT text", _dot, ("gv", "graphviz")),
    _diagram("svg", (".svg",), "accessible SVG (titles, descriptions, links)", _svg),
    _diagram("png", (".png",), "PNG picture (96 dpi; 48 dpi from 1,000 nodes)", _drawn("png")),
    _diagram("pdf", (".pdf",), "PDF drawing, one page the size of the diagram", _drawn("pdf")),
    _diagram("mermaid", (".mmd", ".mermaid"), "Mermaid flowchart text", _mermaid, ("mmd",)),
)
