"""The class's heat map: the reference diagram, each claim shaded by how many found it.

Each claim's box gets a fill from white (nobody found it) to blue (everybody did), and its
title says the count in words ("found by 12 of 30"), so the picture reads without colour
too. Each link's line is drawn thicker the more students drew it right. The rest is the
usual ``argmap render`` style, so a teacher can project it beside the reference map.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import RenderError
from ..model import ArgumentMap
from ..render.style import status_fill
from .pages import e, figure, page, table

if TYPE_CHECKING:
    from .grade import ClassView

__all__ = ["class_page", "heatmap_map", "heatmap_styles", "heatmap_svg", "render_heatmap"]


def heatmap_map(view: ClassView) -> ArgumentMap:
    """A copy of the reference whose claim titles carry how many students found them."""
    m = view.reference.model_copy(deep=True)
    n = view.graded
    for claim in m.claims:
        count = view.found[claim.id]
        claim.title = f"{claim.title or claim.kind.capitalize()} — found by {count} of {n}"
    m.title = f"{view.reference.title or 'Reference map'}: what the class found"
    return m


def heatmap_styles(view: ClassView) -> dict[str, dict[str, str]]:
    """Fill colours by share found, line widths by share right (``to_dot``'s ``styles``)."""
    styles: dict[str, dict[str, str]] = {}
    for claim_id, share in view.share_found().items():
        styles[claim_id] = {"fillcolor": status_fill(share, False)}
    n = max(view.graded, 1)
    for link in view.reference.links:
        counts = view.verdicts.get(link.id)
        right = (counts["ok"] if counts else 0) / n
        styles[link.id] = {"penwidth": f"{0.6 + 3.4 * right:.2f}"}
    return styles


def heatmap_svg(view: ClassView) -> str:
    """The heat map as accessible SVG (needs Graphviz)."""
    from ..render.viewer import screen_svg

    # Laid out for the page's 800-pixel column, as the report's diagram is.
    return screen_svg(heatmap_map(view), styles=heatmap_styles(view), id_prefix="hm-")


def render_heatmap(view: ClassView, path: str | Path) -> None:
    """Write the heat map to ``path`` (.svg .png .pdf .dot), atomically."""
    from ..render import render

    render(heatmap_map(view), path, styles=heatmap_styles(view))


def class_page(view: ClassView, *, diagram: bool = True) -> str:
    """The class view: the heat map of the reference, and what most students missed."""
    title = f"Class view: {view.reference.title or 'the reference map'}"
    body = [f"<h1>{e(title)}</h1>", f'<p class="headline">{e(view.headline())}</p>']
    if diagram:
        body.append("<h2>Which claims the class found</h2>")
        try:
            svg: str | None = heatmap_svg(view)
            failure = None
        except RenderError as exc:
            svg, failure = None, str(exc)
        caption = (
            "The reference map; each claim's box says how many students found it, and the "
            "darker its fill, the more did."
        )
        body.append(figure(svg, caption, failure))
    body.append("<h2>Claims most students missed</h2>")
    body.append(table(view.claim_head(), view.claim_rows(), numeric=(2, 3)))
    body.append("<h2>Links most students missed or got wrong</h2>")
    body.append(table(view.link_head(), view.link_rows(), numeric=(2, 3, 4)))
    return page(title, body)
