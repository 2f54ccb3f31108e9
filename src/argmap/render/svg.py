"""Accessible SVG: what Graphviz draws, with titles a screen reader can use.

Graphviz titles each node and edge with its internal name (``pos-x``, ``e-1->pos-x``); a
screen reader would read those ids. :func:`accessible_svg` rewrites them from the diagram's
own descriptions, keyed by the element ids argmap gave Graphviz:

* the root ``<svg>`` gets ``role="img"``, a document ``<title>`` and ``<desc>`` (map title,
  question, counts) and ``aria-labelledby`` pointing at both;
* each claim's ``<title>`` is the claim text, with a ``<desc>`` (kind, basis, who asserts it);
* each edge's ``<title>`` describes the relation in words ("objection to 'X', asserted by
  Critics: 'Y'"), each cluster's names its theme.

Graphviz (and graphviz-pure) write every group as ``<g id=".." class="..">`` followed by its
``<title>``, so the rewrite is a single pass of one regular expression over the text: parsing
and re-serialising a 10,000-node SVG as a tree took seconds. The XML declaration, DOCTYPE and
comments (which repeat the internal names) are dropped, leaving SVG ready to inline in HTML.
The tests parse the result with an XML parser.
"""

from __future__ import annotations

import html
import re

from ..errors import RenderError
from .dot import Diagram
from .quoting import Html, display_text, xml_text

__all__ = ["accessible_svg"]

# The root element's start tag (attributes may span lines).
SVG_START = re.compile(r"<svg\b[^>]*>")
# A group and its title: <g id="node&#45;a" class="node">\n<title>a</title>
GROUP_TITLE = re.compile(r'(<g id="([^"]*)" class="[^"]*"[^>]*>\s*<title>)([^<]*)(</title>)')
COMMENT = re.compile(r"<!--.*?-->\n?", re.DOTALL)


def _text(value: str) -> Html:
    # Titles and descriptions are built from display_text pieces; display_text again is a
    # no-op on them and makes the Plain that xml_text takes.
    return xml_text(display_text(value))


def accessible_svg(svg: bytes, diagram: Diagram, id_prefix: str = "") -> str:
    """Rewrite Graphviz's SVG output with accessible titles and descriptions.

    Returns the SVG document as text, without an XML declaration.
    """
    text = svg.decode("utf-8")
    root = SVG_START.search(text)
    if root is None:
        raise RenderError("the renderer wrote no <svg> element")
    title_id, desc_id = f"{id_prefix}argmap-title", f"{id_prefix}argmap-desc"
    start = root.group()[:-1].rstrip("/")  # never self-closing for a drawing, but be sure
    head = (
        f'{start} role="img" aria-labelledby="{title_id} {desc_id}">\n'
        f'<title id="{title_id}">{_text(diagram.title)}</title>\n'
        f'<desc id="{desc_id}">{_text(diagram.description)}</desc>'
    )
    titles, descriptions = diagram.titles, diagram.descriptions

    def retitle(match: re.Match[str]) -> str:
        element_id = html.unescape(match.group(2))  # Graphviz writes "-" as &#45;
        title = titles.get(element_id)
        if title is None:
            return match.group()
        out = f"{match.group(1)}{_text(title)}{match.group(4)}"
        description = descriptions.get(element_id)
        return out + f"\n<desc>{_text(description)}</desc>" if description else out

    body = GROUP_TITLE.sub(retitle, COMMENT.sub("", text[root.end() :]))
    return head + body
