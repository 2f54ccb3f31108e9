"""A long description: the diagram in prose, for readers who cannot see it.

Following the W3C pattern for complex images, the text says first what the map shows as a
whole, then goes node by node (in outline order) naming each relation with its direction:
what supports or attacks the claim, and what the claim itself supports or attacks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from contextvars import ContextVar

from .._words import counted
from ..model import ArgumentMap, Link
from ._common import (
    claim_of,
    clean,
    is_claim,
    link_of,
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
    incoming: dict[str, list[Link]] = {}
    outgoing: dict[str, list[Link]] = {}
    for link in sub.links:
        incoming.setdefault(link.target, []).append(link)
        for s in link.sources:
            outgoing.setdefault(s, []).append(link)
    token = _NAMED.set({})
    try:
        with lookups(sub):
            order = [e.claim for e in outline_of(sub).walk() if e.is_full and e.claim]
            for i, cid in enumerate(order, 1):
                paragraphs.append(_claim_paragraph(sub, cid, i, len(order), incoming, outgoing))
    finally:
        _NAMED.reset(token)
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


def _is_plain(link: Link, incoming: dict[str, list[Link]]) -> bool:
    return len(link.sources) == 1 and not incoming.get(link.id)


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


#: Each claim's name in quotes, made once per description: a claim with many replies is
#: named in every one of their paragraphs.
_NAMED: ContextVar[dict[str, str] | None] = ContextVar("argmap_longdesc_names", default=None)


def _name(m: ArgumentMap, claim_id: str) -> str:
    named = _NAMED.get()
    if named is None:
        return quoted(claim_of(m, claim_id).label, 80)
    name = named.get(claim_id)
    if name is None:
        name = named[claim_id] = quoted(claim_of(m, claim_id).label, 80)
    return name


#: Most co-premises named where the same group would otherwise be listed in full once per
#: member (a group of 1,000 premises would make a million names).
MAX_NAMED = 5
#: Most links named in a row for a link that targets a link that targets a link ...
MAX_LINK_CHAIN = 3


def _names(m: ArgumentMap, ids: Sequence[str], limit: int | None = None) -> str:
    """“A”, “B” and “C”; with ``limit``, at most that many named and the rest counted."""
    if limit is not None and len(ids) > limit + 1:  # "and 1 more" would save nothing
        return ", ".join(_name(m, i) for i in ids[:limit]) + f" and {len(ids) - limit} more"
    names = [_name(m, i) for i in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _link_phrase(m: ArgumentMap, link: Link) -> str:
    """``the support from “A” to “B”``, naming the link in words.

    A link on a link is named with the link it targets, up to :data:`MAX_LINK_CHAIN`
    links; a longer chain ends in "a further link", so each phrase stays short.
    """
    words = []
    for _ in range(MAX_LINK_CHAIN):
        words.append(f"the {link.kind} from {_names(m, link.sources, MAX_NAMED)} to ")
        if is_claim(m, link.target):
            return "".join(words) + _name(m, link.target)
        link = link_of(m, link.target)
    return "".join(words) + "a further link"


def _claim_paragraph(
    m: ArgumentMap,
    cid: str,
    i: int,
    n: int,
    incoming: dict[str, list[Link]],
    outgoing: dict[str, list[Link]],
) -> str:
    claim = claim_of(m, cid)
    kind = _KIND_PHRASE[claim.kind]
    text = f"Claim {i} of {n}{kind}: “{clean(claim.label)}”"
    parts = [text + ("." if claim.title else "")]
    if claim.title:
        parts.append(clean(claim.text))
    if claim.themes:
        themes = theme_labels(m)
        parts.append("Themes: " + ", ".join(clean(themes.get(t, t)) for t in claim.themes) + ".")
    for kind, verb in (("support", "Supported"), ("attack", "Attacked")):
        links = [link for link in incoming.get(cid, []) if link.kind == kind]
        # Plain one-source links read as one list; linked premises and links that have
        # their own warrants or undercuts get a sentence each.
        plain = [link.sources[0] for link in links if _is_plain(link, incoming)]
        if plain:
            parts.append(f"{verb} by {_names(m, plain)}.")
        for link in links:
            if _is_plain(link, incoming):
                continue
            together = " together, as linked premises" if len(link.sources) > 1 else ""
            sentence = f"{verb} by {_names(m, link.sources)}{together}"
            for reply in incoming.get(link.id, []):
                role = "a warrant" if reply.kind == "support" else "an undercut"
                sentence += f"; this link has {role}: {_names(m, reply.sources, MAX_NAMED)}"
            parts.append(sentence + ".")
    for kind, verb in (("support", "supports"), ("attack", "attacks")):
        targets = [
            link.target
            for link in outgoing.get(cid, [])
            if link.kind == kind and is_claim(m, link.target) and len(link.sources) == 1
        ]
        if targets:
            parts.append(f"It {verb} {_names(m, targets)}.")
    for link in outgoing.get(cid, []):
        others = [s for s in link.sources if s != cid]
        together = f" together with {_names(m, others, MAX_NAMED)}" if others else ""
        if is_claim(m, link.target):
            if others:
                verb = "supports" if link.kind == "support" else "attacks"
                parts.append(f"It {verb} {_name(m, link.target)}{together}.")
        else:
            verb = "backs" if link.kind == "support" else "undercuts"
            parts.append(f"It {verb} {_link_phrase(m, link_of(m, link.target))}{together}.")
    return " ".join(parts)
