"""The overlay diagram: the student's map, marked against the reference.

The student's own map is drawn in the usual style of ``argmap render``, with:

* claims that pair with a reference claim in a doubled green border;
* the reference claims the student is missing as dashed grey "ghost" boxes, which say
  where to look (or, with ``reveal``, the reference's text), with the reference's links
  to them drawn thin and grey;
* links with a mistake (wrong kind, target or direction, split or merged premises, extra)
  drawn thick and orange, so they stand out in colour and in weight.

The marks use :func:`argmap.to_dot`'s ``styles`` option; :data:`LEGEND` says in words what
each mark means, for the page beside the diagram.
"""

from __future__ import annotations

from ..model import ArgumentMap, Claim, Link
from .wording import KIND_NOUN, Wording

__all__ = ["LEGEND", "overlay_map", "overlay_styles", "overlay_svg"]

PAIRED = {"color": "#1A7F37", "peripheries": "2"}
GHOST = {
    "color": "#8A8A8A",
    "fontcolor": "#555555",
    "fillcolor": "#F3F3F3",
    "style": "rounded,filled,dashed",
}
GHOST_LINK = {"color": "#A0A0A0", "penwidth": "1"}
WRONG_LINK = {"color": "#E66100", "penwidth": "3.5"}
#: What each mark means, in the order a page lists them.
LEGEND = (
    ("paired", "doubled green border: a claim of yours that matches the article's"),
    ("own", "plain border: a claim of your own that matches none of the article's"),
    ("ghost", "dashed grey box: a claim of the article your map is missing"),
    ("wrong", "thick orange line: a link to check (see the list of links)"),
    ("ghost-link", "thin grey line: a link of the article to or from a missing claim"),
)


def overlay_map(fb: Wording) -> tuple[ArgumentMap, dict[str, str]]:
    """The map to draw, and each ghost's id mapped to the reference id it stands for."""
    c = fb.c
    m = c.student.model_copy(deep=True)
    m.title = f"{c.student.title or 'Your map'}, compared with the article"
    m.question = ""
    taken = {x.id for x in m.claims} | {x.id for x in m.links}
    ghost: dict[str, str] = {}
    for pair in c.claims:
        if pair.reference and not pair.student:
            gid = _free_id(f"missing-{pair.reference}", taken)
            ghost[pair.reference] = gid
            m.claims.append(_ghost_claim(fb, fb.r_claims[pair.reference], gid))
    _ghost_links(fb, m, ghost, taken)
    return m, {v: k for k, v in ghost.items()}


def overlay_styles(
    fb: Wording, m: ArgumentMap, ghosts: dict[str, str]
) -> dict[str, dict[str, str]]:
    """The ``styles`` for :func:`argmap.to_dot` that mark the overlay."""
    styles: dict[str, dict[str, str]] = {}
    for pair in fb.c.claims:
        if pair.student and pair.reference:
            styles[pair.student] = dict(PAIRED)
    for gid in ghosts:
        styles[gid] = dict(GHOST)
    for link in m.links:
        if link.id.startswith("missing-") and link.id not in fb.s_links:
            styles[link.id] = dict(GHOST_LINK)
    for v in fb.c.links:
        if v.student and v.verdict != "ok":
            styles[v.student] = dict(WRONG_LINK)
    return styles


def overlay_svg(fb: Wording) -> str:
    """The overlay as accessible SVG; :class:`argmap.RenderError` without Graphviz."""
    from ..render.viewer import screen_svg

    m, ghosts = overlay_map(fb)
    # Laid out for the page's 800-pixel column, as the report's diagram is.
    return screen_svg(m, styles=overlay_styles(fb, m, ghosts), id_prefix="ov-", legend=True)


def _free_id(wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 1
    while candidate in taken:
        n += 1
        candidate = f"{wanted}-{n}"
    taken.add(candidate)
    return candidate


def _ghost_claim(fb: Wording, ref: Claim, gid: str) -> Claim:
    noun = KIND_NOUN[ref.kind]
    if fb.reveal:
        title, text = f"Missing: {ref.title or noun}", ref.text
    else:
        where = fb.where(ref)
        title = f"Missing {noun}"
        text = f"Look in {where}." if where else "Unstated: what does the argument assume?"
    return Claim(id=gid, title=title, text=text, kind=ref.kind)


def _ghost_links(fb: Wording, m: ArgumentMap, ghost: dict[str, str], taken: set[str]) -> None:
    """The reference's missing links whose every end is drawn (a ghost, or the student's)."""
    c = fb.c
    ends = {**ghost, **c.student_of}
    answered = {v.reference: v.student for v in c.links if v.reference and v.student}
    drawn: dict[str, str] = {}
    missing = [fb.r_links[v.reference] for v in c.links if v.verdict == "missing" and v.reference]
    for _ in range(len(missing) + 1):  # links to links need their target drawn first
        progress = False
        for link in missing:
            if link.id in drawn:
                continue
            target = ends.get(link.target) or answered.get(link.target) or drawn.get(link.target)
            sources = [ends.get(s) for s in link.sources]
            if target is None or None in sources:
                continue
            touches_ghost = link.target in ghost or any(s in ghost for s in link.sources)
            if not (fb.reveal or touches_ghost):
                continue  # a hint does not draw the link the student should find
            lid = _free_id(f"missing-{link.id}", taken)
            m.links.append(
                Link(id=lid, kind=link.kind, sources=[s for s in sources if s], target=target)
            )
            drawn[link.id] = lid
            progress = True
        if not progress:
            break
