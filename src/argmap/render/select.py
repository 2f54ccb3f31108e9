"""Which claims and links a diagram shows: a theme filter and a focus neighbourhood.

A view keeps the map's order (so output stays deterministic) and never shows half an
argument: a link is drawn only when its target and every one of its sources are drawn, and a
focus neighbourhood that reaches one co-premise brings in the others, because linked premises
give reason only together.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .._words import did_you_mean
from ..errors import RenderError
from ..model import ArgumentMap, Claim, Link

__all__ = ["View", "field_dicts", "select"]


def field_dicts(items: Iterable[BaseModel]) -> list[dict[str, Any]]:
    """Each model's field values by name (its ``__dict__``, where pydantic keeps them).

    A field read on a pydantic model goes through ``BaseModel.__getattr__``'s slot hook
    (about 500 instructions a read); a loop that reads many fields of each of a big map's
    claims reads each model's dict once and looks its fields up there (about 150 each).
    """
    return list(map(vars, items))


@dataclass(frozen=True, slots=True)
class View:
    """The claims and links to draw, in map order, and what a renderer needs to know of them.

    ``junctions`` are the links drawn through a junction node: those with linked co-premises
    and those another shown link attacks or backs. ``arrows`` counts one arrow per source
    of each link (a junction adds one more, to its target).
    """

    claims: list[Claim]
    links: list[Link]
    claim_ids: set[str]
    link_ids: set[str]
    junctions: list[Link]
    arrows: int


def select(
    m: ArgumentMap,
    *,
    themes: Iterable[str] | None = None,
    focus: str | None = None,
    depth: int = 1,
) -> View:
    """Claims with one of ``themes`` (all when ``None``), then those within ``depth`` of ``focus``.

    Depth counts claim-to-claim steps through links in either direction; an undercut or warrant
    counts as a step to the claims of the link it targets.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> for cid in "abcd":
    ...     _ = m.claim(cid, f"Claim {cid}.")
    >>> _ = m.support("a", "b"); _ = m.support("b", "c"); _ = m.attack("d", "c")
    >>> [c.id for c in select(m, focus="a", depth=1).claims]
    ['a', 'b']
    >>> [link.id for link in select(m, focus="c", depth=1).links]
    ['s2', 'a1']
    """
    if depth < 0:
        raise RenderError(f"depth must be 0 or more, not {depth}")
    keep = {c.id for c in m.claims}
    if themes is not None:
        wanted = {themes} if isinstance(themes, str) else set(themes)
        unknown = sorted(wanted - {t.id for t in m.themes})
        if unknown:
            known = ", ".join(t.id for t in m.themes) or "none"
            close = did_you_mean(unknown[0], [t.id for t in m.themes])
            hint = f"did you mean {close!r}?" if close else f"themes: {known}"
            raise RenderError(f"no theme {unknown[0]!r} in this map ({hint})")
        keep = {c.id for c in m.claims if wanted.intersection(c.themes)}
    within = _links_within(m.links, keep)
    if focus is not None:
        if focus not in keep:
            why = "in the chosen themes" if themes is not None else "in this map"
            close = did_you_mean(focus, sorted(keep))
            hint = f" (did you mean {close!r}?)" if close else ""
            raise RenderError(f"no claim {focus!r} {why} to focus on{hint}")
        keep = _neighbourhood(within.links, focus, depth)
        within = _links_within(within.links, keep)
    # Every claim shown: the map's own list, without testing each one.
    claims = m.claims if themes is None and focus is None else [c for c in m.claims if c.id in keep]
    return View(list(claims), within.links, keep, within.ids, within.junctions, within.arrows)


@dataclass(frozen=True, slots=True)
class _Within:
    links: list[Link]
    ids: set[str]
    junctions: list[Link]
    arrows: int


def _links_within(links: list[Link], claims: set[str]) -> _Within:
    # Links may target links (undercuts, warrants): keep those whose target survives. One
    # pass in map order settles all but links that target a link listed after them; those
    # get further passes (rare, and chains of links are short). The same pass notes what a
    # renderer needs of the kept links: a big map's links are scattered objects, and each
    # pass over them costs as much as the work done in it.
    kept: set[str] = set()
    targeted: set[str] = set()  # links that kept links attack or back
    copremised: set[str] = set()
    waiting: list[Link] = []
    arrows = 0
    for link in links:
        sources = link.sources
        if not claims.issuperset(sources):
            continue
        target = link.target
        if target in claims:
            pass
        elif target in kept:
            targeted.add(target)
        else:
            waiting.append(link)
            continue
        kept.add(link.id)
        n = len(sources)
        arrows += n
        if n > 1:
            copremised.add(link.id)
    while waiting:
        settled = [link for link in waiting if link.target in kept]
        if not settled:
            break
        for link in settled:
            kept.add(link.id)
            targeted.add(link.target)
            arrows += len(link.sources)
            if len(link.sources) > 1:
                copremised.add(link.id)
        waiting = [link for link in waiting if link.id not in kept]
    shown = list(links) if len(kept) == len(links) else [ln for ln in links if ln.id in kept]
    junction_ids = copremised.union(targeted)
    if not junction_ids:
        return _Within(shown, kept, [], arrows)
    junctions = [link for link in shown if link.id in junction_ids]  # in map order
    return _Within(shown, kept, junctions, arrows + len(junctions))


def _neighbourhood(links: list[Link], focus: str, depth: int) -> set[str]:
    # Each link joins its sources and the claims at its target end into one step.
    by_id = {link.id: link for link in links}
    members: dict[str, list[str]] = {}
    touching: dict[str, list[str]] = {}
    for link in links:
        group = [*link.sources, *_target_claims(link, by_id)]
        members[link.id] = group
        for claim_id in group:
            touching.setdefault(claim_id, []).append(link.id)
    seen = {focus: 0}
    queue = deque([focus])
    while queue:
        here = queue.popleft()
        if seen[here] == depth:
            continue
        for link_id in touching.get(here, ()):
            for other in members[link_id]:
                if other not in seen:
                    seen[other] = seen[here] + 1
                    queue.append(other)
    return set(seen)


def _target_claims(link: Link, by_id: dict[str, Link]) -> list[str]:
    out: list[str] = []
    target, seen = link.target, {link.id}
    # An undercut's target is a link: take that link's claims (guarding against a cycle of
    # links, which validation reports but an unchecked map may hold).
    while target in by_id and target not in seen:
        seen.add(target)
        inner = by_id[target]
        out.extend(inner.sources)
        target = inner.target
    if target not in by_id:
        out.append(target)
    return out
