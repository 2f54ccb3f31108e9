"""The reply tree every summary is built from: claims under the claims they answer.

A map is a graph, not a tree: one claim may support several others, and links may form
cycles. Summaries read as trees, so this module unrolls the graph from chosen roots, Kialo
style: the first time a claim is met (in reading order) it is an *entry* shown in full, with
its own replies below it; every later meeting is a *reference* to that entry. Each link is
met at most once (only full entries are expanded), so the walk is linear in the size of the
map and stops on cycles.

The walk is iterative, so a chain of thousands of replies does not hit Python's recursion
limit. Nor does such a chain make the text grow with the square of its length: entries are
shown at most :data:`MAX_LEVELS` levels deep, and a reply below that is a reference
("see 12.") to a new top-level entry that *continues* the branch, so numbers and indents
stay short however deep the map goes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..model import ArgumentMap, Claim, Link

__all__ = ["MAX_LEVELS", "Entry", "Outline", "build_outline", "default_roots", "select_themes"]

#: The deepest level an entry is shown at (1 is a root). Numbers such as 1.2.1.3.1.1.2.1.1.1
#: are already hard to follow; deeper replies continue under a new top-level number.
MAX_LEVELS = 10

#: How an entry relates to its parent, by link kind and whether the parent is a link.
_RELATION = {
    ("support", False): "pro",
    ("attack", False): "con",
    ("support", True): "warrant",
    ("attack", True): "undercut",
}


@dataclass
class Entry:
    """One line of an outline.

    ``relation`` is ``None`` for a root, else ``pro``, ``con``, ``warrant`` (support of the
    parent's link), ``undercut`` (attack on the parent's link) or ``premise`` (one of linked
    co-premises). A *group* entry (``claim is None``) stands for a link with several sources;
    its premises are its first children. ``ref`` is the number of the full entry when this
    entry only refers to a claim shown elsewhere. ``hidden`` counts replies cut off by the
    depth limit. A branch too deep to show in place goes on under a new root: ``continues``
    is that root's note of the entry it continues, and ``moved`` that entry's note of the
    root (for a claim shown in full there, ``ref`` says it already).
    """

    number: str
    depth: int
    relation: str | None
    claim: str | None
    link: str | None = None
    link_kind: str | None = None
    ref: str | None = None
    hidden: int = 0
    children: list[Entry] = field(default_factory=list)
    continues: str | None = None
    moved: str | None = None

    @property
    def is_full(self) -> bool:
        """True for the one entry that shows its claim in full."""
        return self.claim is not None and self.ref is None

    def walk(self) -> Iterator[Entry]:
        """This entry and everything below it, in reading order."""
        stack = [self]
        while stack:
            entry = stack.pop()
            yield entry
            stack.extend(reversed(entry.children))


@dataclass
class Outline:
    """Roots with their reply trees, and where each claim is shown in full."""

    roots: list[Entry]
    full: dict[str, str]

    def walk(self) -> Iterator[Entry]:
        """Every entry in reading order."""
        for root in self.roots:
            yield from root.walk()


class _Replies:
    """Links by target, supports before attacks, each group in map order."""

    def __init__(self, m: ArgumentMap) -> None:
        self.by_target: dict[str, list[Link]] = {}
        for kind in ("support", "attack"):
            for link in m.links:
                if link.kind == kind:
                    self.by_target.setdefault(link.target, []).append(link)
        self.premises = {link.id: link.sources for link in m.links}
        # What each reply becomes under its target, made once per link: a reply to a link
        # (ids of claims and links never clash) is a warrant or an undercut.
        self.specs: dict[str, list[_Spec]] = {
            target: [_spec(link, on_link=target in self.premises) for link in links]
            for target, links in self.by_target.items()
        }

    def to(self, target: str) -> list[Link]:
        return self.by_target.get(target, [])


def default_roots(m: ArgumentMap) -> list[str]:
    """Positions first, then claims that give reason for nothing else, in map order.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> for cid in ("a", "b", "p"):
    ...     _ = m.claim(cid, f"Claim {cid}.", kind="position" if cid == "p" else "claim")
    >>> _ = m.support("a", "b")
    >>> default_roots(m)
    ['p', 'b']
    """
    used_as_source = {s for link in m.links for s in link.sources}
    positions = [c.id for c in m.claims if c.kind == "position"]
    sinks = [c.id for c in m.claims if c.kind != "position" and c.id not in used_as_source]
    return positions + sinks


def build_outline(m: ArgumentMap, root: str | None = None, depth: int | None = None) -> Outline:
    """Unroll the map into numbered reply trees.

    With ``root`` the outline answers that one claim (every claim that replies to it,
    directly or through other replies, appears once in full). Without it the roots are
    :func:`default_roots`, and claims still unshown afterwards (cycles without an exit)
    become further roots, so every claim of the map appears once in full. ``depth`` limits
    the levels shown (1: the roots only).

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> for cid in "abc":
    ...     _ = m.claim(cid, f"Claim {cid}.")
    >>> _ = m.support("a", "b"); _ = m.attack("b", "a")   # a cycle with no way out
    >>> for e in build_outline(m).walk():
    ...     print(e.number, e.relation, e.claim, e.ref)
    1 None c None
    2 None a None
    2.1 con b None
    2.1.1 pro a 2
    """
    if root is not None:
        m.get_claim(root)  # KeyError naming the id if it is not a claim
    if depth is not None and depth < 1:
        raise ValueError(f"depth must be 1 or more, not {depth}")
    unroll = _Unroller(_Replies(m), depth)
    queue = [root] if root is not None else default_roots(m)
    # Reserve every root's number first, so a root met as a reply is a reference to it.
    for cid in queue:
        unroll.reserve(cid)
    unroll.run()
    if root is None:
        # Claims no root reaches (cycles with no exit) start trees of their own; claims
        # merely cut off by ``depth`` do not.
        reached = _reachable(queue, unroll.replies)
        for claim in m.claims:
            if claim.id not in reached:
                reached |= _reachable([claim.id], unroll.replies)
                unroll.reserve(claim.id)
                unroll.run()
    return Outline(unroll.roots, unroll.full)


def _reachable(roots: Sequence[str], replies: _Replies) -> set[str]:
    """Claims that reply to ``roots``, directly or through other replies and their links."""
    seen: set[str] = set(roots)
    todo = list(roots)
    while todo:
        for link in replies.to(todo.pop()):
            todo.append(link.id)  # replies to the link: warrants and undercuts
            for s in link.sources:
                if s not in seen:
                    seen.add(s)
                    todo.append(s)
    return seen


class _Unroller:
    """Roots numbered in the order they are reserved, each expanded in turn."""

    def __init__(self, replies: _Replies, depth: int | None) -> None:
        self.replies = replies
        self.depth = depth
        self.full: dict[str, str] = {}
        self.roots: list[Entry] = []
        # Roots still to expand, each with the number of levels above it in the map (a
        # continued branch is deeper than its level 1 shows, for the ``depth`` limit).
        self.pending: deque[tuple[Entry, int]] = deque()
        self.count = 0

    def reserve(self, cid: str) -> None:
        """Number a root for the claim ``cid``, shown there in full."""
        self.count += 1
        self.full[cid] = str(self.count)
        self.pending.append((Entry(str(self.count), 1, None, cid), 0))

    def move(self, entry: Entry, above: int) -> None:
        """Continue ``entry``'s branch at a new root; ``entry`` stays as a pointer to it.

        The root takes the entry's claim (in full if the entry had it in full), or its
        reference or group of premises, and its link, so the link's warrants and undercuts
        are listed under the root.
        """
        self.count += 1
        number = str(self.count)
        top = Entry(number, 1, None, entry.claim, link=entry.link, link_kind=entry.link_kind)
        top.continues, top.ref = entry.number, entry.ref
        if entry.is_full:
            assert entry.claim is not None
            self.full[entry.claim] = entry.ref = number
        else:
            entry.moved = number
        entry.link = None  # each link is met once: now at the root
        self.pending.append((top, above))

    def run(self) -> None:
        while self.pending:
            top, above = self.pending.popleft()
            self.roots.append(self._expand(top, above))

    def _expand(self, top: Entry, above: int) -> Entry:
        # Depth-first in reading order, with an explicit stack: (entry, children to make).
        replies, full, depth = self.replies, self.full, self.depth
        stack: list[tuple[Entry, Iterator[_Spec]]] = [(top, iter(_child_specs(top, replies)))]
        while stack:
            parent, specs = stack[-1]
            spec = next(specs, None)
            if spec is None:
                stack.pop()
                continue
            if depth is not None and parent.depth + above >= depth:
                parent.hidden += 1
                continue
            relation, link, cid = spec
            number = f"{parent.number}.{len(parent.children) + 1}"
            child = Entry(
                number,
                parent.depth + 1,
                relation,
                cid,
                link=link.id if link else None,
                link_kind=link.kind if link else None,
            )
            parent.children.append(child)
            if cid is not None:
                if cid in full:
                    child.ref = full[cid]
                else:
                    full[cid] = number
            grandchildren = _child_specs(child, replies)
            room = depth is None or child.depth + above < depth  # else all would be hidden
            if grandchildren and child.depth > MAX_LEVELS and room:
                # Too deep to go on here: the branch continues under a new root number.
                self.move(child, above + parent.depth)
                continue
            stack.append((child, iter(grandchildren)))
        return top


#: One entry to make: its relation, the link it comes by (if any) and its claim (if one).
_Spec = tuple[str, Link | None, str | None]


def _child_specs(entry: Entry, replies: _Replies) -> list[_Spec]:
    """What goes under an entry: replies to its link, its premises, then replies to its claim."""
    specs: list[_Spec] = []
    if entry.link is not None:
        specs += replies.specs.get(entry.link, ())
        if entry.claim is None:
            specs.extend(("premise", None, s) for s in replies.premises[entry.link])
    if entry.claim is not None and entry.ref is None:  # a full entry
        specs += replies.specs.get(entry.claim, ())
    return specs


def _spec(link: Link, on_link: bool) -> _Spec:
    relation = _RELATION[(link.kind, on_link)]
    return (relation, link, link.sources[0] if len(link.sources) == 1 else None)


def select_themes(m: ArgumentMap, themes: Sequence[str] | None) -> ArgumentMap:
    """The part of the map in any of ``themes``: those claims and the links among them.

    Links whose target is a link kept are kept too when all their sources are kept.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> _ = m.claim("a", "A.", themes=["x"]); _ = m.claim("b", "B.", themes=["y"])
    >>> _ = m.claim("c", "C.", themes=["x"]); _ = m.support("a", "c"); _ = m.support("b", "c")
    >>> sub = select_themes(m, ["x"])
    >>> [c.id for c in sub.claims], [link.id for link in sub.links]
    (['a', 'c'], ['s1'])
    """
    if themes is None:
        return m
    wanted = set(themes)
    unknown = sorted(wanted - {t.id for t in m.themes})
    if unknown:
        from .._words import unknown_name

        raise unknown_name("theme", unknown[0], [t.id for t in m.themes])
    claims: list[Claim] = [c for c in m.claims if wanted & set(c.themes)]
    kept = {c.id for c in claims}
    links: list[Link] = []
    # Links come in map order; a link may target a link defined later, so repeat until stable.
    changed = True
    while changed:
        changed = False
        for link in m.links:
            if link.id in kept or not set(link.sources) <= kept or link.target not in kept:
                continue
            kept.add(link.id)
            changed = True
    links = [link for link in m.links if link.id in kept]
    return m.model_copy(
        update={
            "claims": claims,
            "links": links,
            "themes": [t for t in m.themes if t.id in wanted],
        }
    )
