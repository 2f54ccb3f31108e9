"""The compact layout's input for one diagram: its boxes, their sizes and links.

:mod:`argmap.render.layout` plans levels for any graph of boxes; this module describes a
diagram being written (:class:`argmap.render.dot._Writer`) in its terms: claims and junction
dots in map order, each claim's box size estimated from the same wrapped lines its label
shows, the links from reason to conclusion, theme clusters, the legend for a corner and
the title on top. Sizes are turned round for left-right diagrams, whose levels are columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Claim
from .layout import Plan, Shape, box_size, plan_layout
from .legend import NAME as LEGEND_NAME
from .legend import LegendContent
from .quoting import display_text
from .wrapping import wrap

if TYPE_CHECKING:
    from .labels import ClaimBoxes

__all__ = ["link_edges", "plan_for", "shape_for"]

#: Graphviz's default ``pad`` on each side, in points, which ``max_width`` includes.
_PAD = 0.3 * 72
#: A claim box's inner margins (``margin="0.12,0.06"``, in points).
_MARGIN = (0.12 * 72, 0.06 * 72)
_JUNCTION = (8.0, 8.0)


def plan_for(w: ClaimBoxes, legend: LegendContent | None) -> Plan:
    """The plan for the diagram ``w`` is writing, with ``legend`` in a corner if given."""
    sideways = w.opts.direction in ("LR", "RL")
    shape = shape_for(w, legend)
    max_width = w.opts.max_width
    if max_width is not None and not sideways:
        return plan_layout(shape, max_breadth=max_width - 2 * _PAD)
    # Left-right diagrams: the levels are columns, so their breadth is the drawing's height.
    aspect = w.opts.aspect
    return plan_layout(shape, aspect=1 / aspect if sideways else aspect)


def shape_for(w: ClaimBoxes, legend: LegendContent | None) -> Shape:
    """What the planner sees of the diagram ``w`` is writing (sizes turned for LR/RL)."""
    sideways = w.opts.direction in ("LR", "RL")
    size: dict[str, tuple[float, float]] = {}
    for claim in w.view.claims:
        size[claim.id] = _claim_box(w, claim)
    for link in w.junction_links:
        size[link.id] = _JUNCTION
    corner = []
    if legend is not None and legend.rows():
        size[LEGEND_NAME] = _legend_box(legend)
        corner.append(LEGEND_NAME)
    if sideways:
        size = {name: (h, wd) for name, (wd, h) in size.items()}
    title = _title_box(w) if not sideways else (0.0, 0.0)
    return Shape(
        order=[c.id for c in w.view.claims] + [link.id for link in w.junction_links],
        size=size,
        edges=link_edges(w),
        home=_homes(w),
        corner=corner,
        extra_breadth=title[0],
        extra_length=title[1] + 2 * _PAD,
    )


def _claim_box(w: ClaimBoxes, claim: Claim) -> tuple[float, float]:
    # The lines _Writer._frame lays out, with their font sizes (see dot.py).
    opts = w.opts
    lines: list[tuple[str, float, bool]] = []
    tags = w._tags(claim)
    if tags:
        lines.append((" · ".join(tags), opts.fine_print, False))
    titled = bool(claim.title) and opts.labels != "text"
    if titled:
        size = 13.0 if claim.kind == "position" else 11.0
        lines.extend((t, size, True) for t in wrap(display_text(claim.title or ""), opts.width))
    if opts.labels != "title" or not titled:
        lines.extend((t, 11.0, False) for t in wrap(display_text(claim.text), opts.width))
    if claim.asserted_by:
        names = ", ".join(w.who.get(p, p) for p in claim.asserted_by)
        caption = wrap(display_text("— " + names), opts.width + 8)
        lines.extend((t, opts.fine_print + 1, False) for t in caption)
    width, height = box_size(lines, _MARGIN)
    band = 6.0 if w.grouping == "bands" and claim.themes else 0.0
    thick = 3.0 if claim.kind == "position" else 0.0
    return width + band + thick, height + thick


def _legend_box(legend: LegendContent) -> tuple[float, float]:
    rows = legend.rows()
    width = max(
        box_size([(sample, 10.0, False)], (2, 1))[0] + box_size([(text, 10.0, False)], (2, 1))[0]
        for sample, text in rows
    )
    return max(width, 60.0) + 8, 16.0 * (len(rows) + 1) + 8


def _title_box(w: ClaimBoxes) -> tuple[float, float]:
    m = w.m
    if not w.opts.title or not (m.title or m.question):
        return 0.0, 0.0
    lines: list[tuple[str, float, bool]] = []
    if m.title:
        lines.append((display_text(m.title), 18.0, True))
    if m.question:
        width = max(60, w.opts.width * 3)  # as _Writer._title_label wraps it
        lines.extend((t, 12.0, False) for t in wrap(display_text(m.question), width))
    return box_size(lines, (0.0, 4.0))


def link_edges(w: ClaimBoxes) -> list[tuple[str, str]]:
    """Reason -> conclusion pairs, as the writer draws them (through junction dots)."""
    edges: list[tuple[str, str]] = []
    junctions = w.junctions
    for link in w.view.links:
        if link.id in junctions:
            edges.extend((source, link.id) for source in link.sources)
            edges.append((link.id, link.target))
        else:
            edges.append((link.sources[0], link.target))
    return edges


def _homes(w: ClaimBoxes) -> dict[str, str]:
    """Each node's theme cluster, by the rule _Writer._write_clusters follows."""
    if w.grouping != "clusters":
        return {}
    home: dict[str, str] = {}
    for claim in w.view.claims:
        theme = next((t for t in claim.themes if t in w.theme_label), None)
        if theme is not None:
            home[claim.id] = theme
    for link in w.junction_links:
        homes = {home.get(s) for s in link.sources}
        if len(homes) == 1:
            only = homes.pop()
            if only is not None:
                home[link.id] = only
    return home
