"""Rendered output: accessible SVG text, files by extension, and notebook views.

:func:`to_svg` is what an HTML report inlines; :func:`render` writes ``.dot .gv .svg .png
.pdf`` files atomically; :func:`view` returns a :class:`DiagramView` that Jupyter displays
inline and that never aborts a notebook run when Graphviz is missing.
"""

from __future__ import annotations

import warnings
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import RenderError
from ..io.files import atomic_write
from ..model import ArgumentMap
from .backend import FORMATS, PNG_LIMIT, Renderer, find_renderer, run
from .dot import Diagram, build
from .options import DiagramOptions, make_options
from .select import select
from .svg import accessible_svg

__all__ = ["DiagramView", "render", "to_svg", "view"]

#: Maps larger than this are not laid out for inline display unless asked for by view().
INLINE_LIMIT = 1000


def to_svg(m: ArgumentMap, **options: Any) -> str:
    """The diagram as accessible SVG text (no XML declaration), for inlining in HTML.

    Takes the options of :func:`argmap.to_dot`; ``href_prefix="#claim-"`` links each claim's
    box to ``#claim-<id>``. Raises :class:`argmap.RenderError` when no Graphviz is installed.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="Homework")
    >>> m.claim("ban", "Ban homework.")
    'ban'
    >>> svg = to_svg(m)  # needs Graphviz (dot, or graphviz-pure)
    >>> '<title id="argmap-title">Homework</title>' in svg
    True
    """
    svg, _ = _svg(m, options)
    return svg


def _svg(m: ArgumentMap, options: dict[str, Any]) -> tuple[str, Renderer]:
    opts = make_options(**options)
    renderer = find_renderer("svg")
    raw, diagram = _lay_out(m, opts, "svg", renderer, accessible=True)
    return accessible_svg(raw, diagram, opts.id_prefix), renderer


def _lay_out(
    m: ArgumentMap, opts: DiagramOptions, fmt: str, renderer: Renderer, *, accessible: bool
) -> tuple[bytes, Diagram]:
    """Run Graphviz; if a layout with theme boxes fails, draw the themes as bands instead.

    Cluster boxes are the one constraint known to make ``dot`` give up on some graphs; a
    diagram without them is better than no diagram, and the warning says what changed.
    """
    diagram = build(m, opts, accessible=accessible)
    try:
        return run(_sized(diagram, fmt), fmt, renderer=renderer), diagram
    except RenderError as exc:
        if diagram.grouping != "clusters":
            raise
        warnings.warn(
            f"layout with theme boxes failed ({exc}); themes drawn as colour bands instead",
            stacklevel=3,
        )
    diagram = build(m, replace(opts, group="bands"), accessible=accessible)
    return run(_sized(diagram, fmt), fmt, renderer=renderer), diagram


def _sized(diagram: Diagram, fmt: str) -> str:
    source = diagram.source()
    if fmt == "png" and diagram.node_count >= PNG_LIMIT:
        # A 2,000-node PNG costs seconds and gigabytes at 96 dpi; halve the resolution.
        warnings.warn(
            f"{diagram.node_count} nodes: PNG drawn at 48 dpi; SVG stays sharp at any size",
            stacklevel=4,
        )
        source = source.replace("\tgraph [", "\tgraph [dpi=48 ", 1)
    return source


def render(m: ArgumentMap, path: str | Path, **options: Any) -> Renderer | None:
    """Write the diagram to ``path``; the extension picks the format (.dot .gv .svg .png .pdf).

    Returns the renderer used (``None`` for DOT text), so a caller can say when the pip
    fallback drew the picture. The file is replaced atomically: a failed render leaves any old
    file untouched.
    """
    target = Path(path)
    fmt = FORMATS.get(target.suffix.lower())
    if fmt is None:
        known = " ".join(sorted(FORMATS))
        raise RenderError(f"{target}: cannot tell the format from {target.suffix!r} (use {known})")
    if fmt == "dot":
        atomic_write(target, build(m, make_options(**options)).source())
        return None
    if fmt == "svg":
        svg, renderer = _svg(m, options)
        atomic_write(target, '<?xml version="1.0" encoding="UTF-8"?>\n' + svg)
        return renderer
    renderer = find_renderer(fmt)
    data, _ = _lay_out(m, make_options(**options), fmt, renderer, accessible=False)
    atomic_write(target, data)
    return renderer


def view(m: ArgumentMap, **options: Any) -> DiagramView:
    """A notebook view of the map's diagram: ``view(m, focus="state-capitalism", depth=2)``."""
    # A bad option, theme or focus fails here, not later inside the display hook.
    opts = make_options(**options)
    select(m, themes=opts.themes, focus=opts.focus, depth=opts.depth)
    return DiagramView(m, options)


class DiagramView:
    """Displays inline in Jupyter as SVG; falls back to DOT text with a hint, never raises.

    Only one kind of rich output is offered per bundle: Jupyter shows the richest it knows,
    and Markdown beside SVG would win over the picture.
    """

    def __init__(self, m: ArgumentMap, options: dict[str, Any]) -> None:
        self.map = m
        self.options = dict(options)

    def source(self) -> str:
        """The DOT text of this view."""
        return build(self.map, make_options(**self.options)).source()

    def svg(self) -> str:
        """The accessible SVG text; raises :class:`argmap.RenderError` without Graphviz."""
        return to_svg(self.map, **self.options)

    def _repr_svg_(self) -> str | None:
        try:
            return self.svg()
        except RenderError:
            return None

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        try:
            return {"image/svg+xml": self.svg()}
        except RenderError as exc:
            hint = f"(diagram not drawn: {exc})"
            return {"text/plain": f"{hint}\n{self.source()}"}

    def __repr__(self) -> str:
        return f"<argmap diagram of {len(self.map.claims)} claims {self.options or ''}>".replace(
            " >", ">"
        )


def inline_bundle(m: ArgumentMap) -> dict[str, str]:
    """The notebook display of a whole map: its diagram, or a hint for very large maps."""
    if len(m.claims) > INLINE_LIMIT:
        return {
            "text/plain": (
                f"{m.title or 'Argument map'}\n(argmap: {len(m.claims)} claims are too many "
                "to draw inline; use m.view(focus=ID, depth=2), m.view(themes=...) "
                "or m.render('map.svg'))"
            )
        }
    return DiagramView(m, {})._repr_mimebundle_()
