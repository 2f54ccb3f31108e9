"""A long description: the diagram in prose, for readers who cannot see it.

Following the W3C pattern for complex images, the text says first what the map shows as a
whole, then goes node by node (in outline order) naming each relation with its direction:
what supports or attacks the claim, and what the claim itself supports or attacks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .._words import counted
from ..model import ArgumentMap, Link
from ._common import (
    clean,
    lookups,
    outline_of,
    quoted,
    theme_labels,
)
from ._tree import select_themes

__all__ = ["long_description"]


def long_description(m: ArgumentMap, *, themes: Sequence[str] | None = None) -> str:
    """The map in prose, one paragraph for the whole and one per claim.

    Parameters
    ----------
    m : ArgumentMap
        The map.
    themes : sequence of str, optional
        Describe only claims in these themes (and the links among them).

    Returns
    -------
    str
        Plain text paragraphs separated by blank lines, ending with a newline.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="Homework")
    >>> _ = m.claim("ban", "Homework should be banned.", kind="position")
    >>> _ = m.claim("stress", "Homework causes stress.")
    >>> _ = m.support("stress", "ban")
    >>> print(long_description(m))
    Argument map “Homework”. It has 2 claims (1 position, 1 other claim) and 1 link (1 support).
    <BLANKLINE>
    Claim 1 of 2, a position: “Homework should be banned.” Supported by “Homework causes stress”.
    <BLANKLINE>
    Claim 2 of 2: “Homework causes stress.” It supports “Homework should be banned”.
    <BLANKLINE>
    """
    sub = select_themes(m, themes)
    paragraphs = [_overview(sub)]
    with lookups(sub):
        order = [e.claim for e in outline_of(sub).walk() if e.is_full and e.claim]
        describe = _Describer(sub)
        n = len(order)
        paragraphs += [describe.paragraph(cid, i, n) for i, cid in enumerate(order, 1)]
    return "\n\n".join(paragraphs) + "\n"


_KIND_PHRASE = {
    "position": ", a position",
    "claim": "",
    "evidence": ", evidence",
    "assumption": ", an assumption",
}
_KIND_NOUN = {
    "position": "position",
    "claim": "other claim",
    "evidence": "evidence claim",
    "assumption": "assumption",
}


def _overview(m: ArgumentMap) -> str:
    title = f"Argument map “{clean(m.title)}”." if m.title.strip() else "Argument map."
    parts = [title]
    if m.question.strip():
        parts.append(f"It answers the question: {clean(m.question)}")
    kinds: Counter[str] = Counter(c.kind for c in m.claims)
    kind_text = ", ".join(counted(kinds[k], _KIND_NOUN[k] + "{|s}") for k in _KIND_NOUN if kinds[k])
    claim_ids = {c.id for c in m.claims}
    relations: Counter[str] = Counter()
    linked = 0  # links with co-premises: a property of links already counted, not more links
    for link in m.links:
        on_link = link.target not in claim_ids
        relations[_relation_noun(link, on_link)] += 1
        linked += len(link.sources) > 1
    rel_text = ", ".join(counted(n, k + "{|s}") for k, n in sorted(relations.items()))
    if linked:
        have = "has" if linked == 1 else "have"
        rel_text += f"; {linked} of them {have} linked premises"
    counts = f"It has {counted(len(m.claims), 'claim{|s}')}"
    counts += f" ({kind_text})" if kind_text else ""
    counts += f" and {counted(len(m.links), 'link{|s}')}" + (f" ({rel_text})." if rel_text else ".")
    parts.append(counts)
    if m.themes:
        labels = "; ".join(clean(t.label) for t in m.themes)
        parts.append(f"Claims are grouped in {counted(len(m.themes), 'theme{|s}')}: {labels}.")
    return " ".join(parts)


def _relation_noun(link: Link, on_link: bool) -> str:
    if on_link:
        return "warrant" if link.kind == "support" else "undercut"
    return link.kind


#: Most co-premises named where the same group would otherwise be listed in full once per
#: member (a group of 1,000 premises would make a million names).
MAX_NAMED = 5
#: Most links named in a row for a link that targets a link that targets a link ...
MAX_LINK_CHAIN = 3


class _Describer:
    """The paragraphs of one map, with each claim's quoted name made once (a claim with many
    replies is named in every one of their paragraphs) and links found by claim."""

    def __init__(self, m: ArgumentMap) -> None:
        self.claims = {c.id: c for c in m.claims}
        self.links = {link.id: link for link in m.links}
        self.themes = theme_labels(m)
        self.named: dict[str, str] = {}
        self.incoming: dict[str, list[Link]] = {}
        self.outgoing: dict[str, list[Link]] = {}
        for link in m.links:
            self.incoming.setdefault(link.target, []).append(link)
            for s in link.sources:
                self.outgoing.setdefault(s, []).append(link)

    def name(self, claim_id: str) -> str:
        name = self.named.get(claim_id)
        if name is None:
            name = self.named[claim_id] = quoted(self.claims[claim_id].label, 80)
        return name

    def names(self, ids: Sequence[str], limit: int | None = None) -> str:
        """“A”, “B” and “C”; with ``limit``, at most that many named and the rest counted."""
        if limit is not None and len(ids) > limit + 1:  # "and 1 more" would save nothing
            named = ", ".join(self.name(i) for i in ids[:limit])
            return named + f" and {len(ids) - limit} more"
        if len(ids) == 1:
            return self.name(ids[0])
        names = [self.name(i) for i in ids]
        return ", ".join(names[:-1]) + " and " + names[-1]

    def link_phrase(self, link: Link) -> str:
        """``the support from “A” to “B”``, naming the link in words.

        A link on a link is named with the link it targets, up to :data:`MAX_LINK_CHAIN`
        links; a longer chain ends in "a further link", so each phrase stays short.
        """
        words = []
        for _ in range(MAX_LINK_CHAIN):
            words.append(f"the {link.kind} from {self.names(link.sources, MAX_NAMED)} to ")
            if link.target in self.claims:
                return "".join(words) + self.name(link.target)
            link = self.links[link.target]
        return "".join(words) + "a further link"

    def paragraph(self, cid: str, i: int, n: int) -> str:
        claim = self.claims[cid]
        text = f"Claim {i} of {n}{_KIND_PHRASE[claim.kind]}: “{clean(claim.label)}”"
        parts = [text + ("." if claim.title else "")]
        if claim.title:
            parts.append(clean(claim.text))
        if claim.themes:
            labels = ", ".join(clean(self.themes.get(t, t)) for t in claim.themes)
            parts.append(f"Themes: {labels}.")
        if cid in self.incoming:
            self._replies(cid, parts)
        if cid in self.outgoing:
            self._replies_to(cid, parts)
        return " ".join(parts)

    def _replies(self, cid: str, parts: list[str]) -> None:
        """What supports and attacks the claim."""
        incoming = self.incoming
        for kind, verb in (("support", "Supported"), ("attack", "Attacked")):
            links = [link for link in incoming[cid] if link.kind == kind]
            # Plain one-source links read as one list; linked premises and links that have
            # their own warrants or undercuts get a sentence each.
            plain = [len(link.sources) == 1 and link.id not in incoming for link in links]
            firsts = [link.sources[0] for link, p in zip(links, plain, strict=True) if p]
            if firsts:
                parts.append(f"{verb} by {self.names(firsts)}.")
            for link, is_plain in zip(links, plain, strict=True):
                if not is_plain:
                    parts.append(self._linked(link, verb))

    def _linked(self, link: Link, verb: str) -> str:
        together = " together, as linked premises" if len(link.sources) > 1 else ""
        sentence = f"{verb} by {self.names(link.sources)}{together}"
        for reply in self.incoming.get(link.id, ()):
            role = "a warrant" if reply.kind == "support" else "an undercut"
            sentence += f"; this link has {role}: {self.names(reply.sources, MAX_NAMED)}"
        return sentence + "."

    def _replies_to(self, cid: str, parts: list[str]) -> None:
        """What the claim supports and attacks, alone or with co-premises."""
        outgoing, claims = self.outgoing[cid], self.claims
        for kind, verb in (("support", "supports"), ("attack", "attacks")):
            targets = [
                link.target
                for link in outgoing
                if link.kind == kind and link.target in claims and len(link.sources) == 1
            ]
            if targets:
                parts.append(f"It {verb} {self.names(targets)}.")
        for link in outgoing:
            others = [s for s in link.sources if s != cid]
            together = f" together with {self.names(others, MAX_NAMED)}" if others else ""
            if link.target in claims:
                if others:
                    verb = "supports" if link.kind == "support" else "attacks"
                    parts.append(f"It {verb} {self.name(link.target)}{together}.")
            else:
                verb = "backs" if link.kind == "support" else "undercuts"
                phrase = self.link_phrase(self.links[link.target])
                parts.append(f"It {verb} {phrase}{together}.")
