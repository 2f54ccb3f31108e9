"""Rendered output: accessible SVG text, files by extension, and notebook views.

:func:`to_svg` is what an HTML report inlines; :func:`render` writes ``.dot .gv .svg .png
.pdf`` files atomically; :func:`view` returns a :class:`DiagramView` that Jupyter displays
inline and that never aborts a notebook run when Graphviz is missing.
"""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import replace
from pathlib import Path
from typing import Unpack

from ..errors import RenderError
from ..io.files import atomic_write
from ..model import ArgumentMap
from .backend import FORMATS, PNG_LIMIT, Renderer, find_renderer, run
from .dot import Diagram, build
from .options import DiagramKeywords, DiagramOptions, make_options
from .svg import accessible_svg

__all__ = ["diagram_file", "render", "svg_text", "to_svg"]

#: The width:height a compact layout's drawing is kept within, and the runs of dot it may
#: take to get there.
ASPECT_RANGE = (0.5, 2.0)
FIT_TRIES = 3

#: What starts an SVG file (the inline SVG of :func:`to_svg` has none).
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def to_svg(m: ArgumentMap, **options: Unpack[DiagramKeywords]) -> str:
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
    svg, _ = svg_text(m, make_options(**options))
    return svg


def svg_text(m: ArgumentMap, opts: DiagramOptions) -> tuple[str, Renderer]:
    """:func:`to_svg` for options already checked, and the renderer that drew it.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> m.claim("a", "A claim.")
    'a'
    >>> svg, renderer = svg_text(m, make_options(legend=False))  # needs Graphviz
    >>> svg.startswith("<svg"), renderer.name in ("dot", "graphviz-pure")
    (True, True)
    """
    renderer = find_renderer("svg")
    raw, diagram = _lay_out(m, opts, "svg", renderer, accessible=True)
    return accessible_svg(raw, diagram, opts.id_prefix), renderer


def svg_once(m: ArgumentMap, opts: DiagramOptions) -> str:
    """Accessible SVG from one run of Graphviz, the plan taken as it is (no refitting)."""
    renderer = find_renderer("svg")
    diagram = build(m, opts, accessible=True)
    raw, diagram = _run_once(m, opts, diagram, "svg", renderer, True)
    return accessible_svg(raw, diagram, opts.id_prefix)


def _lay_out(
    m: ArgumentMap, opts: DiagramOptions, fmt: str, renderer: Renderer, *, accessible: bool
) -> tuple[bytes, Diagram]:
    """Run Graphviz on the diagram, keeping a compact layout's drawing to its shape.

    The compact layout estimates box sizes; when the drawing Graphviz makes comes out of
    the 1:2 to 2:1 range (or wider than ``max_width``), the plan is made again with the aim
    corrected by what was measured, at most twice (each try is one run of ``dot``).
    """
    diagram = build(m, opts, accessible=accessible)
    if not diagram.planned:
        return _run_once(m, opts, diagram, fmt, renderer, accessible)
    raw, diagram = _fit(m, opts, diagram, renderer, accessible)
    if fmt == "svg":
        return raw, diagram
    return _run_once(m, opts, diagram, fmt, renderer, accessible)


def _fit(
    m: ArgumentMap, opts: DiagramOptions, diagram: Diagram, renderer: Renderer, accessible: bool
) -> tuple[bytes, Diagram]:
    """Lay out, measure, and lay out again with a corrected aim while the drawing misses.

    With ``max_width`` the widest drawing that fits wins (narrower than needed makes its
    text smaller); otherwise the first drawing within :data:`ASPECT_RANGE`. The aim moves
    by what was measured, then halfway (in log scale) between an aim that missed each way.
    """
    goal = opts.max_width
    key = "max_width" if goal is not None else "aspect"
    aim = float(getattr(opts, key))
    fits_at: float | None = None  # an aim whose drawing fitted
    misses_at: float | None = None  # one whose drawing came out too wide
    best: tuple[tuple[int, float], bytes, Diagram] | None = None
    for attempt in range(FIT_TRIES):
        if attempt:
            aimed = replace(opts, max_width=aim) if goal is not None else replace(opts, aspect=aim)
            diagram = build(m, aimed, accessible=accessible)
        raw, diagram = _run_once(m, opts, diagram, "svg", renderer, accessible)
        width, height = svg_size(raw)
        if goal is not None:
            wide = math.log(width / goal)
            score = (0, -width) if wide <= 0 else (1, wide)
            fitted, nudge = wide <= 0, goal / width * 0.97
        else:
            ratio = width / height
            low, high = (math.log(x / ratio) for x in ASPECT_RANGE)
            wide = max(-high, 0.0) if ratio > 1 else -max(low, 0.0)
            score = (0 if wide == 0 else 1, abs(math.log(ratio / opts.aspect)))
            fitted, nudge = wide == 0, opts.aspect / ratio
        if best is None or score < best[0]:
            best = (score, raw, diagram)
        if diagram.grouping != opts.grouping(len(m.claims)):
            break  # the fallback to colour bands changed the drawing: keep it as it is
        if fitted and (goal is None or width > goal * 0.9):
            break
        if fitted:
            fits_at = aim
        else:
            misses_at = aim if wide > 0 else misses_at
            fits_at = aim if wide < 0 and goal is None else fits_at
        if fits_at is not None and misses_at is not None:
            aim = math.sqrt(fits_at * misses_at)
        else:
            aim *= nudge
        aim = min(5.0, max(0.2, aim)) if goal is None else max(100.0, aim)
    assert best is not None
    return best[1], best[2]


def _run_once(
    m: ArgumentMap,
    opts: DiagramOptions,
    diagram: Diagram,
    fmt: str,
    renderer: Renderer,
    accessible: bool,
) -> tuple[bytes, Diagram]:
    """Run Graphviz; if a layout with theme boxes fails, draw the themes as bands instead.

    Cluster boxes are the one constraint known to make ``dot`` give up on some graphs; a
    diagram without them is better than no diagram, and the warning says what changed.
    """
    try:
        return run(_sized(diagram, fmt), fmt, renderer=renderer), diagram
    except RenderError as exc:
        if diagram.grouping != "clusters":
            raise
        warnings.warn(
            f"layout with theme boxes failed ({exc}); themes drawn as colour bands instead",
            stacklevel=4,
        )
    diagram = build(m, replace(opts, group="bands"), accessible=accessible)
    return run(_sized(diagram, fmt), fmt, renderer=renderer), diagram


def svg_size(svg: bytes) -> tuple[float, float]:
    """Width and height in points of the SVG Graphviz wrote (from its ``viewBox``).

    Examples
    --------
    >>> svg_size(b'<svg width="62pt" height="116pt" viewBox="0.00 0.00 62.00 116.00">')
    (62.0, 116.0)
    """
    found = _VIEWBOX.search(svg)
    if found is None:
        raise RenderError("the renderer wrote no viewBox")
    return float(found[1]), float(found[2])


_VIEWBOX = re.compile(rb'viewBox="[-0-9.]+ [-0-9.]+ ([0-9.]+) ([0-9.]+)"')


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


def render(m: ArgumentMap, path: str | Path, **options: Unpack[DiagramKeywords]) -> Renderer | None:
    """Write the diagram to ``path``; the extension picks the format (.dot .gv .svg .png .pdf).

    Returns the renderer used (``None`` for DOT text), so a caller can say when the pip
    fallback drew the picture. The file is replaced atomically: a failed render leaves any old
    file untouched. :meth:`argmap.ArgumentMap.render` writes every other output too
    (Mermaid, summaries, the report, other formats), through :mod:`argmap.outputs`.
    """
    target = Path(path)
    fmt = FORMATS.get(target.suffix.lower())
    if fmt is None:
        known = " ".join(sorted(FORMATS))
        raise RenderError(f"{target}: cannot tell the format from {target.suffix!r} (use {known})")
    data, renderer = diagram_file(m, fmt, make_options(**options))
    atomic_write(target, data)
    return renderer


def diagram_file(m: ArgumentMap, fmt: str, opts: DiagramOptions) -> tuple[bytes, Renderer | None]:
    """The bytes of a ``fmt`` file (``dot``, ``svg``, ``png`` or ``pdf``) and its renderer.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> m.claim("a", "A claim.")
    'a'
    >>> data, renderer = diagram_file(m, "dot", make_options())
    >>> data.startswith(b"digraph argmap {"), renderer
    (True, None)
    """
    if fmt == "dot":
        return build(m, opts).source().encode("utf-8"), None
    if fmt == "svg":
        svg, renderer = svg_text(m, opts)
        return (XML_DECLARATION + svg).encode("utf-8"), renderer
    renderer = find_renderer(fmt)
    data, _ = _lay_out(m, opts, fmt, renderer, accessible=False)
    return data, renderer
