"""The words feedback is made of: how it names claims and links, its sections, a sentence.

:class:`Wording` names the student's and the reference's claims as the feedback does
(hinting unless ``reveal``); the sentence makers (:mod:`argmap.classroom.sentences`), the
overlay diagram and :class:`~argmap.classroom.feedback.Feedback` all build on it, so none
of them reaches back for another.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Claim, Link
from ..summary._common import short
from .comparison import Findings
from .places import place

__all__ = ["KIND_NOUN", "SECTIONS", "Sentence", "Wording", "name_of"]

KIND_NOUN = {
    "position": "position",
    "claim": "claim",
    "evidence": "piece of evidence",
    "assumption": "assumption",
}
#: Section keys and their headings, in the order the feedback shows them.
SECTIONS = {
    "well": "What you did well",
    "claims": "Claims to add",
    "links": "Links to check",
    "kinds": "Kinds of claims",
    "extra": "Claims of your own",
    "questions": "Questions a critic could ask",
    "notes": "Notes",
}


@dataclass(frozen=True)
class Sentence:
    """One finding in words; ``section`` is a key of :data:`SECTIONS`."""

    section: str
    text: str
    reference: str | None = None
    student: str | None = None
    verdict: str = ""


def name_of(text: str, limit: int = 120) -> str:
    """A claim named in a sentence: short, in single quotes, without its full stop."""
    name = short(text, limit)
    return f"'{name[:-1] if name.endswith('.') else name}'"


class Wording:
    """The claims and links of one comparison, named in the feedback's words."""

    def __init__(self, comparison: Findings, *, reveal: bool = False) -> None:
        self.c = comparison
        self.reveal = reveal
        self.s_claims = {c.id: c for c in comparison.student.claims}
        self.r_claims = {c.id: c for c in comparison.reference.claims}
        self.r_links = {link.id: link for link in comparison.reference.links}
        self.s_links = {link.id: link for link in comparison.student.links}
        self.student_of = comparison.student_of

    # -- naming things -----------------------------------------------------------------------

    def mine(self, claim_id: str, limit: int = 120) -> str:
        """A student's claim, in the student's words (its title when it has one)."""
        claim = self.s_claims[claim_id]
        return name_of(claim.title or claim.text, limit)

    def theirs(self, claim_id: str) -> str:
        """A reference claim: in the student's words when paired, else hinted or revealed."""
        if claim_id in self.student_of:
            return f"your claim {self.mine(self.student_of[claim_id])}"
        claim = self.r_claims[claim_id]
        if self.reveal:
            return f"the article's claim {name_of(claim.text)}"
        return f"a {KIND_NOUN[claim.kind]} that is not in your map yet"

    def target(self, link: Link, mine: bool) -> str:
        """What a link points at: a claim, or the inference of another link."""
        names = self.s_claims if mine else self.r_claims
        if link.target in names:
            return self.mine(link.target) if mine else self.theirs(link.target)
        other = (self.s_links if mine else self.r_links).get(link.target)
        if other is None:
            return "another link"
        sources = " and ".join(self.mine(s) if mine else self.theirs(s) for s in other.sources)
        return f"the step from {sources} to {self.target(other, mine)}"

    def where(self, claim: Claim) -> str | None:
        """Where in the article a reference claim's first quote stands."""
        for quote in claim.quotes:
            text = self.c.source_texts.get(quote.source)
            if text is not None:
                return place(text, quote.start)
        return None
