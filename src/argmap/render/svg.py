"""Accessible SVG: what Graphviz draws, with titles a screen reader can use.

Graphviz titles each node and edge with its internal name (``pos-x``, ``e-1->pos-x``); a
screen reader would read those ids. :func:`accessible_svg` rewrites them from the diagram's
own descriptions, keyed by the element ids argmap gave Graphviz:

* the root ``<svg>`` gets ``role="img"``, a document ``<title>`` and ``<desc>`` (map title,
  question, counts) and ``aria-labelledby`` pointing at both;
* each claim's ``<title>`` is the claim text, with a ``<desc>`` (kind, basis, who asserts it);
* each edge's ``<title>`` describes the relation in words ("objection to 'X', asserted by
  Critics: 'Y'"), each cluster's names its theme.

The SVG is parsed with :mod:`defusedxml` (it comes from a subprocess, but stays untrusted
input all the same) and written back without the DOCTYPE and comments, ready to inline in
HTML.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import defusedxml.ElementTree as SafeET

from ..errors import RenderError
from .dot import Diagram

__all__ = ["accessible_svg"]

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

_G = f"{{{SVG_NS}}}g"
_TITLE = f"{{{SVG_NS}}}title"
_DESC = f"{{{SVG_NS}}}desc"
_A = f"{{{SVG_NS}}}a"
_XLINK_TITLE = f"{{{XLINK_NS}}}title"


def accessible_svg(svg: bytes, diagram: Diagram, id_prefix: str = "") -> str:
    """Rewrite Graphviz's SVG output with accessible titles and descriptions.

    Returns the SVG document as text, without an XML declaration.
    """
    try:
        root = SafeET.fromstring(svg)
    except ET.ParseError as exc:  # pragma: no cover - Graphviz writes well-formed SVG
        raise RenderError(f"Graphviz wrote SVG that does not parse: {exc}") from None
    _label_document(root, diagram, id_prefix)
    for group in root.iter(_G):
        element_id = group.get("id", "")
        if element_id.startswith("a_"):  # Graphviz's wrapper around a linked node or edge
            continue
        title = diagram.titles.get(element_id)
        if title is None:
            continue
        _set_title(group, title, diagram.descriptions.get(element_id))
    return ET.tostring(root, encoding="unicode") + "\n"


def _label_document(root: ET.Element, diagram: Diagram, id_prefix: str) -> None:
    title_id, desc_id = f"{id_prefix}argmap-title", f"{id_prefix}argmap-desc"
    root.set("role", "img")
    root.set("aria-labelledby", f"{title_id} {desc_id}")
    title = ET.Element(_TITLE, {"id": title_id})
    title.text = diagram.title
    desc = ET.Element(_DESC, {"id": desc_id})
    desc.text = diagram.description
    root.insert(0, desc)
    root.insert(0, title)


def _set_title(group: ET.Element, text: str, description: str | None) -> None:
    title = group.find(_TITLE)
    if title is None:
        title = ET.Element(_TITLE)
        group.insert(0, title)
    title.text = text
    if description:
        position = list(group).index(title) + 1
        desc = ET.Element(_DESC)
        desc.text = description
        group.insert(position, desc)
    # A linked node's hover text: Graphviz fills it with the raw HTML label unless told.
    for anchor in group.iter(_A):
        if anchor.get(_XLINK_TITLE) is not None:
            anchor.set(_XLINK_TITLE, text)
