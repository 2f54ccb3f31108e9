"""What a slide deck of a map holds: an overview, then each position with its reasons and
objections, each slide with speaker notes from the claims' texts and quotes.

The plan is made once and drawn twice, as PDF (:mod:`argmap.slides.pdf`) or as one HTML file
(:mod:`argmap.slides.html`), so both show the same slides at the same sizes. A position's
slide draws its neighbourhood (``to_dot(m, focus=position, depth=1)``'s claims) as a derived
map whose boxes hold only each claim's title and text: the small tag and caption rows a
printed map carries would fall under 12 pt at any scale that fits a slide; the notes say what
they said. When a position has more reasons and objections than fit at 12 pt, its slide
shows titles only, and then it is split over as many slides as it takes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..model import ArgumentMap, Claim, Link
from ..render.output import to_svg
from ..render.select import select

__all__ = [
    "AREA",
    "MIN_SIZE",
    "SLIDE",
    "Deck",
    "Slide",
    "plan_deck",
]

#: A slide is 16:9, 13.33 x 7.5 inches (PowerPoint's and Keynote's wide format), in points.
SLIDE = (960.0, 540.0)
#: Where the diagram goes: left, bottom, width, height in points (below the heading).
AREA = (36.0, 64.0, 888.0, 372.0)
#: The smallest size, in points, any word on a slide may be.
MIN_SIZE = 12.0
#: A drawing is never enlarged beyond this: two boxes should not fill a wall.
MAX_SCALE = 1.8
#: The claim text size in the drawings (Graphviz's node font size in argmap diagrams).
TEXT_SIZE = 11.0

_POSITION_LOOK = {"penwidth": "2.6", "fillcolor": "#FFF8E6"}
_ASSUMPTION_LOOK = {"style": "rounded,filled,dashed"}
_FONT = re.compile(r'font-size="([\d.]+)"')
_SIZE = re.compile(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"')


@dataclass
class Slide:
    """One slide: its heading, a line under it, what it draws and its speaker notes.

    ``drawing`` is the derived map and ``options`` the :func:`argmap.to_dot` options for it
    (``None`` for the overview, which shows the positions as cards); ``scale`` is what the
    drawing is shown at and ``smallest`` the size in points of its smallest word so shown.
    """

    heading: str
    subheading: str
    notes: str
    drawing: ArgumentMap | None = None
    options: dict[str, Any] = field(default_factory=dict)
    scale: float = 1.0
    smallest: float = 0.0
    size: tuple[float, float] = (0.0, 0.0)
    svg: str = ""
    cards: list[tuple[str, str, str]] = field(default_factory=list)  # number, title, counts
    focus: str = ""


@dataclass
class Deck:
    """The slides of one map, in order, and the map's title."""

    title: str
    slides: list[Slide]


def plan_deck(m: ArgumentMap, *, bw: bool = False) -> Deck:
    """Plan the slides of ``m``: an overview of its positions, then one slide per position.

    A map without positions takes its conclusions (claims that give reason to nothing) as
    its positions. Raises :class:`argmap.RenderError` when Graphviz is not installed.

    Examples
    --------
    >>> import argmap
    >>> m = argmap.ArgumentMap(title="Homework", question="Ban homework?")
    >>> m.claim("ban", "Homework should be banned.", kind="position")
    'ban'
    >>> m.claim("stress", "Homework causes stress.")
    'stress'
    >>> m.support("stress", "ban")
    's1'
    >>> deck = plan_deck(m)  # needs Graphviz
    >>> [s.heading for s in deck.slides]
    ['Homework', 'Homework should be banned.']
    >>> deck.slides[1].scale * 11 >= 12
    True
    """
    positions = _positions(m)
    slides = [_overview(m, positions)]
    for number, position in enumerate(positions, start=1):
        slides.extend(_position_slides(m, position, number, len(positions), bw))
    return Deck(m.title or "Argument map", slides)


def _positions(m: ArgumentMap) -> list[Claim]:
    found = [c for c in m.claims if c.kind == "position"]
    if found:
        return found
    giving = {s for link in m.links for s in link.sources}
    return [c for c in m.claims if c.id not in giving] or list(m.claims[:1])


def _overview(m: ArgumentMap, positions: list[Claim]) -> Slide:
    cards = []
    for number, claim in enumerate(positions, start=1):
        pro, con = _counts(m, claim.id)
        cards.append(
            (
                str(number),
                claim.title or claim.text,
                f"{_n(pro, 'reason')} · {_n(con, 'objection')}",
            )
        )
    notes = [m.title or "Argument map"]
    if m.question:
        notes.append(f"Question: {m.question}")
    if m.description:
        notes.append(m.description)
    notes.append(f"{_n(len(positions), 'position')}:")
    notes.extend(f"{i}. {c.text}" for i, c in enumerate(positions, start=1))
    return Slide(
        heading=m.title or "Argument map",
        subheading=m.question or f"{_n(len(positions), 'position')}",
        notes="\n".join(notes),
        cards=cards,
    )


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _counts(m: ArgumentMap, claim_id: str) -> tuple[int, int]:
    pro = sum(1 for link in m.links if link.target == claim_id and link.kind == "support")
    con = sum(1 for link in m.links if link.target == claim_id and link.kind == "attack")
    return pro, con


def _position_slides(
    m: ArgumentMap, position: Claim, number: int, total: int, bw: bool
) -> Iterator[Slide]:
    view = select(m, focus=position.id, depth=1)
    neighbours = _in_order(m, position.id, [c.id for c in view.claims if c.id != position.id])
    heading = position.title or position.text
    pro, con = _counts(m, position.id)
    sub = f"Position {number} of {total} · {_n(pro, 'reason')} · {_n(con, 'objection')}"
    for labels in ("both", "title"):
        slide = _fit(m, position, neighbours, labels, bw)
        if slide is not None:
            slide.heading, slide.subheading = heading, sub
            slide.notes = _notes(m, position, slide.drawing)
            yield slide
            return
    # Too many to show at once even by title: split the neighbours over several slides.
    for parts in range(2, max(2, len(neighbours)) + 1):
        size = math.ceil(len(neighbours) / parts)
        chunks = [neighbours[i : i + size] for i in range(0, len(neighbours), size)]
        fitted = [_fit(m, position, chunk, "title", bw) for chunk in chunks]
        if all(s is not None for s in fitted) or size == 1:
            for i, slide in enumerate(fitted, start=1):
                if slide is None:  # one claim beside its position: show it, however small
                    slide = _fit(m, position, chunks[i - 1], "title", bw, force=True)
                    assert slide is not None
                slide.heading = heading
                slide.subheading = f"{sub} · part {i} of {len(chunks)}"
                slide.notes = _notes(m, position, slide.drawing)
                yield slide
            return


def _in_order(m: ArgumentMap, position: str, claims: list[str]) -> list[str]:
    """Reasons first, then objections, then what the position itself bears on, then the
    rest (undercutters), so a position split over slides keeps each group together."""
    rank: dict[str, int] = {}
    for link in m.links:
        if link.target == position:
            for source in link.sources:
                rank.setdefault(source, 0 if link.kind == "support" else 1)
        elif position in link.sources:
            rank.setdefault(link.target, 2)
    return sorted(claims, key=lambda c: rank.get(c, 3))


def _fit(
    m: ArgumentMap,
    position: Claim,
    shown: list[str],
    labels: str,
    bw: bool,
    *,
    force: bool = False,
) -> Slide | None:
    drawing = slide_map(m, [position.id, *shown])
    styles: dict[str, dict[str, str]] = {position.id: dict(_POSITION_LOOK)}
    if bw:
        styles[position.id].pop("fillcolor")
    for claim in m.claims:
        if claim.id in shown and claim.kind == "assumption":
            styles[claim.id] = dict(_ASSUMPTION_LOOK)
    options: dict[str, Any] = {
        "labels": labels,
        "width": 30,
        "group": "none",
        "legend": False,
        "title": False,
        "bw": bw,
        "styles": styles,
        "layout": {"margin": "0", "pad": "0.1"},
    }
    svg = to_svg(drawing, **options)
    match = _SIZE.search(svg)
    if match is None:  # pragma: no cover - Graphviz always states the size
        raise ValueError("no size in the SVG")
    width, height = float(match.group(1)), float(match.group(2))
    smallest = min((float(x) for x in _FONT.findall(svg)), default=TEXT_SIZE)
    scale = min(AREA[2] / width, AREA[3] / height, MAX_SCALE)
    if scale * smallest < MIN_SIZE * 1.0001 and not force:
        return None
    return Slide(
        "",
        "",
        "",
        drawing,
        options,
        scale,
        smallest * scale,
        (width, height),
        svg,
        focus=position.id,
    )


def slide_map(m: ArgumentMap, keep: list[str]) -> ArgumentMap:
    """The claims ``keep`` of ``m`` and the links among them, each claim with only its title,
    text and kind as ``claim``: no tag or caption rows, no theme boxes (see the module)."""
    wanted = set(keep)
    claims = [Claim(id=c.id, title=c.title, text=c.text) for c in m.claims if c.id in wanted]
    ids = {c.id for c in claims}
    links: list[Link] = []
    kept: set[str] = set()
    for link in m.links:
        if set(link.sources) <= ids and (link.target in ids or link.target in kept):
            links.append(Link(id=link.id, kind=link.kind, sources=link.sources, target=link.target))
            kept.add(link.id)
    return ArgumentMap(title=m.title, question=m.question, claims=claims, links=links)


def _notes(m: ArgumentMap, position: Claim, drawing: ArgumentMap | None) -> str:
    """Speaker notes: the position's text and quotes, then each shown reason and objection."""
    shown = {c.id for c in drawing.claims} if drawing is not None else set()
    sources = {s.id: s.title for s in m.sources}
    who = {p.id: p.label for p in m.perspectives}
    claims = {c.id: c for c in m.claims}
    lines = [f"Position: {position.title}" if position.title else "Position:", position.text]
    lines.extend(_quotes(position, sources))
    if position.asserted_by:
        lines.append("Asserted by " + ", ".join(who.get(p, p) for p in position.asserted_by) + ".")
    groups = {"support": "Reasons", "attack": "Objections"}
    for kind, heading in groups.items():
        links = [ln for ln in m.links if ln.target == position.id and ln.kind == kind]
        items = [ln for ln in links if set(ln.sources) <= shown]
        if not items:
            continue
        lines.append("")
        lines.append(f"{heading}:")
        for link in items:
            together = " (together)" if len(link.sources) > 1 else ""
            for source in link.sources:
                claim = claims[source]
                label = f"{claim.title}: " if claim.title else ""
                lines.append(f"- {label}{claim.text}{together}")
                lines.extend("  " + q for q in _quotes(claim, sources))
            for other in m.links:
                if other.target == link.id and set(other.sources) <= shown:
                    word = "Undercut" if other.kind == "attack" else "Warrant"
                    texts = "; ".join(claims[s].text for s in other.sources)
                    lines.append(f"  {word}: {texts}")
    return "\n".join(lines)


def _quotes(claim: Claim, sources: dict[str, str]) -> list[str]:
    return [f"“{q.text}” ({sources.get(q.source, q.source)})" for q in claim.quotes]
