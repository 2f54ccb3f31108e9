"""Mermaid flowcharts of argument maps, for Markdown that renders them (GitHub, GitLab, docs).

The same visual language as the Graphviz diagrams, within what Mermaid can draw: support is a
solid arrow, attack a dotted line ending in a cross, an undercut a thick line ending in a
cross, a warrant a thick arrow; co-premises meet in a small circle. Node ids are derived from
the claim ids (``c_`` plus the id, ``-`` written ``_h`` and ``_`` written ``__``), so no id can
be a Mermaid keyword such as ``end`` or start with ``o``/``x`` right after an arrow.
"""

from __future__ import annotations

from typing import Unpack

from ..model import ArgumentMap, Claim, Link
from .options import DiagramKeywords, DiagramOptions, make_options
from .quoting import display_text, mermaid_text
from .select import select
from .style import edge_style, status_fill

__all__ = ["mermaid_chart", "mermaid_id", "to_mermaid"]

# Mermaid arrows: https://mermaid.js.org/syntax/flowchart.html#links-between-nodes
_ARROW = {"support": "-->", "attack": "-.-x", "undercut": "==x", "warrant": "==>"}
_JOIN = {"support": "---", "attack": "-.-", "undercut": "===", "warrant": "==="}
_STATUS_TAG = {"accepted": "✓ accepted", "rejected": "✗ rejected", "undecided": "? undecided"}


def mermaid_id(item_id: str, prefix: str = "c") -> str:
    """A Mermaid node id for a claim (``c_...``) or link (``l_...``) id; reversible.

    Examples
    --------
    >>> mermaid_id("end"), mermaid_id("pos-a_b"), mermaid_id("s1", "l")
    ('c_end', 'c_pos_ha__b', 'l_s1')
    """
    return f"{prefix}_" + item_id.replace("_", "__").replace("-", "_h")


def to_mermaid(m: ArgumentMap, **options: Unpack[DiagramKeywords]) -> str:
    """The map as a Mermaid ``flowchart``, with the options of :func:`argmap.to_dot`.

    ``href_prefix``, ``id_prefix``, ``layout`` and the compact layout's ``compact``,
    ``aspect`` and ``max_width`` have no Mermaid meaning and are ignored (Mermaid lays
    the chart out itself).

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> m.claim("end", 'Say "no" --> [now]')
    'end'
    >>> m.claim("why", "Because.")
    'why'
    >>> m.attack("why", "end")
    'a1'
    >>> print(to_mermaid(m, legend=False))
    flowchart BT
        c_end["Say #34;no#34; #45;#45;#62; #91;now#93;"]
        c_why["Because."]
        c_why -.-x c_end
        linkStyle 0 stroke:#C62828,stroke-width:1.4px
    <BLANKLINE>
    """
    return mermaid_chart(m, make_options(**options))


def mermaid_chart(m: ArgumentMap, opts: DiagramOptions) -> str:
    """:func:`to_mermaid` for options already checked (:func:`argmap.render.make_options`).

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> from argmap.render import make_options
    >>> m = ArgumentMap()
    >>> m.claim("a", "A claim.")
    'a'
    >>> mermaid_chart(m, make_options(direction="down", legend=False)).splitlines()[0]
    'flowchart TB'
    """
    view = select(m, themes=opts.themes, focus=opts.focus, depth=opts.depth)
    claims = {c.id for c in view.claims}
    junctions = view.junctions
    junction_ids = {link.id for link in junctions}
    # Mermaid lays out with its own engine: "auto" keeps the house style, bottom to top.
    out = [f"flowchart {'BT' if opts.direction == 'auto' else opts.direction}"]
    grouping = opts.grouping(len(view.claims))
    if grouping == "clusters":
        homes: dict[str | None, list[Claim]] = {}
        labels = {t.id: t.label for t in m.themes}
        for claim in view.claims:
            homes.setdefault(next((t for t in claim.themes if t in labels), None), []).append(claim)
        for theme in m.themes:
            if theme.id in homes:
                label = mermaid_text(display_text(theme.label))
                out.append(f'    subgraph {mermaid_id(theme.id, "t")}["{label}"]')
                out.extend(f"        {_node(c, opts)}" for c in homes[theme.id])
                out.append("    end")
        out.extend(f"    {_node(c, opts)}" for c in homes.get(None, ()))
    else:
        out.extend(f"    {_node(c, opts)}" for c in view.claims)
    out.extend(f'    {mermaid_id(link.id, "l")}(("&nbsp;"))' for link in junctions)
    styles: list[str] = []
    for link in view.links:
        relation = _relation(link, claims)
        style = edge_style(relation, opts.bw)
        target = mermaid_id(link.target, "c" if link.target in claims else "l")
        stroke = f"stroke:{style.color},stroke-width:{style.penwidth}px"
        if link.id in junction_ids:
            here = mermaid_id(link.id, "l")
            for source in link.sources:
                out.append(f"    {mermaid_id(source)} {_JOIN[relation]} {here}")
                styles.append(stroke)
            out.append(f"    {here} {_ARROW[relation]} {target}")
        else:
            out.append(f"    {mermaid_id(link.sources[0])} {_ARROW[relation]} {target}")
        styles.append(stroke)
    out.extend(_class_lines(view.claims, opts))
    out.extend(_compress_link_styles(styles))
    if opts.legend and view.links:
        relations = sorted({_relation(link, claims) for link in view.links})
        key = "; ".join(f"{r}: {_ARROW[r]}" for r in relations)
        out.append(f"%% legend: {key}; co-premises meet in a small circle")
    return "\n".join(out) + "\n"


def _relation(link: Link, claims: set[str]) -> str:
    if link.target in claims:
        return link.kind
    return "undercut" if link.kind == "attack" else "warrant"


def _node(claim: Claim, opts: DiagramOptions) -> str:
    parts: list[str] = []
    tags = [claim.kind.upper()] if claim.kind != "claim" else []
    status = opts.status.get(claim.id)
    if isinstance(status, float):
        tags.append(f"strength {status:.2f}")
    elif status is not None:
        tags.append(_STATUS_TAG[status])
    if tags:
        parts.append("<i>" + mermaid_text(display_text(" · ".join(tags))) + "</i>")
    if claim.title and opts.labels != "text":
        parts.append("<b>" + mermaid_text(display_text(claim.title)) + "</b>")
    if opts.labels != "title" or not claim.title:
        parts.append(mermaid_text(display_text(claim.text)))
    shape = ("[[", "]]") if claim.kind == "position" else ("[", "]")
    return f'{mermaid_id(claim.id)}{shape[0]}"{"<br>".join(parts)}"{shape[1]}'


def _class_lines(claims: list[Claim], opts: DiagramOptions) -> list[str]:
    lines = []
    assumptions = [mermaid_id(c.id) for c in claims if c.kind == "assumption"]
    positions = [mermaid_id(c.id) for c in claims if c.kind == "position"]
    if assumptions:
        lines.append("    classDef assumption stroke-dasharray:5 4")
        lines.append(f"    class {','.join(assumptions)} assumption")
    if positions:
        lines.append("    classDef position stroke-width:3px")
        lines.append(f"    class {','.join(positions)} position")
    for claim in claims:
        status = opts.status.get(claim.id)
        if status is not None:
            border = ",stroke-width:4px" if status == "accepted" else ""
            fill = status_fill(status, opts.bw)
            lines.append(f"    style {mermaid_id(claim.id)} fill:{fill}{border}")
    return lines


def _compress_link_styles(styles: list[str]) -> list[str]:
    # One linkStyle line per distinct style, listing the edge numbers that use it.
    by_style: dict[str, list[int]] = {}
    for i, style in enumerate(styles):
        by_style.setdefault(style, []).append(i)
    return [f"    linkStyle {','.join(map(str, idx))} {style}" for style, idx in by_style.items()]
