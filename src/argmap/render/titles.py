"""How a screen reader hears the links: each arrow's title in words.

A mixin of :class:`argmap.render.dot._Writer`. "objection to 'Failed solidarity, shaped
people', asserted by Critics: 'Structural forces, not only attitudes'" instead of Graphviz's
internal ``e-1->pos-x``.
"""

from __future__ import annotations

import functools

from ..model import Claim, Link
from .quoting import display_text
from .select import View

__all__ = ["ON_A_LINK", "RelationTitles"]

#: What an attack or support is called when its target is a link (an inference).
ON_A_LINK = {"attack": "undercut", "support": "warrant"}

_RELATION_NOUN = {
    "support": "reason for",
    "attack": "objection to",
    "undercut": "undercut of",
    "warrant": "warrant for",
}


class RelationTitles:
    """Names of claims and relations for the SVG's titles; the state it reads is the writer's."""

    view: View
    who: dict[str, str]
    claim_ids: set[str]

    def relation(self, link: Link) -> str:
        """support or attack between claims; undercut or warrant when the target is a link."""
        if link.target in self.claim_ids:
            return link.kind
        return ON_A_LINK[link.kind]

    # -- accessible descriptions of relations ----------------------------------------------

    @functools.cached_property
    def claims(self) -> dict[str, Claim]:
        return {c.id: c for c in self.view.claims}

    @functools.cached_property
    def links(self) -> dict[str, Link]:
        return {link.id: link for link in self.view.links}

    def name(self, item_id: str) -> str:
        """A quoted short name for a claim, or a description of a link, for titles."""
        if item_id in self.claims:
            return f"'{display_text(self.claims[item_id].label)}'"
        link = self.links[item_id]
        return f"the inference from {self._sources(link)} to {self.name(link.target)}"

    def _sources(self, link: Link) -> str:
        names = [self.name(s) for s in link.sources]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    def _who(self, claim_id: str) -> str:
        who = [self.who.get(p, p) for p in self.claims[claim_id].asserted_by]
        return f", asserted by {display_text(', '.join(who))}" if who else ""

    def _edge_title(self, link: Link, relation: str, source: str) -> str:
        noun = _RELATION_NOUN[relation]
        return f"{noun} {self.name(link.target)}{self._who(source)}: {self.name(source)}"

    def _premise_title(self, link: Link, relation: str, source: str) -> str:
        noun = _RELATION_NOUN[relation]
        others = [self.name(s) for s in link.sources if s != source]
        return (
            f"linked premise of a {noun} {self.name(link.target)}{self._who(source)}: "
            f"{self.name(source)}, together with {', '.join(others)}"
        )

    def _junction_title(self, link: Link) -> str:
        noun = _RELATION_NOUN[self.relation(link)]
        together = " together" if len(link.sources) > 1 else ""
        return f"{noun} {self.name(link.target)}: {self._sources(link)}{together}"
