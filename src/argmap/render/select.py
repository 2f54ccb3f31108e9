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

from ..errors import RenderError
from ..model import ArgumentMap, Claim, Link

__all__ = ["View", "select"]


@dataclass(frozen=True, slots=True)
class View:
    """The claims and links to draw, in map order, and the ids of those claims."""

    claims: list[Claim]
    links: list[Link]
    claim_ids: set[str]


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
            raise RenderError(f"no theme {unknown[0]!r} in this map (themes: {known})")
        keep = {c.id for c in m.claims if wanted.intersection(c.themes)}
    links = _links_within(m.links, keep)
    if focus is not None:
        if focus not in keep:
            why = "in the chosen themes" if themes is not None else "in this map"
            raise RenderError(f"no claim {focus!r} {why} to focus on")
        keep = _neighbourhood(links, focus, depth)
        links = _links_within(links, keep)
    if themes is None and focus is None:
        return View(list(m.claims), links, keep)  # every claim: no need to test each one
    return View([c for c in m.claims if c.id in keep], links, keep)


def _links_within(links: list[Link], claims: set[str]) -> list[Link]:
    # Links may target links (undercuts, warrants): keep those whose target survives. One
    # pass in map order settles all but links that target a link listed after them; those
    # get further passes (rare, and chains of links are short).
    kept: set[str] = set()
    waiting: list[Link] = []
    for link in links:
        if not claims.issuperset(link.sources):
            continue
        if link.target in claims or link.target in kept:
            kept.add(link.id)
        else:
            waiting.append(link)
    while waiting:
        settled = [link for link in waiting if link.target in kept]
        if not settled:
            break
        kept.update(link.id for link in settled)
        waiting = [link for link in waiting if link.id not in kept]
    if len(kept) == len(links):
        return list(links)
    return [link for link in links if link.id in kept]


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
