"""Feedback a student can act on: plain sentences from a comparison, as text or Markdown.

Each finding becomes a sentence that names the student's own claims in their own words.
By default the feedback hints rather than gives the answer away: a missing claim is
described by its role and where in the article to look ("One more piece of evidence for
your claim 'USSR was state capitalism' is in the second paragraph under 'What to keep in
mind'."); with ``reveal=True`` the reference's text is shown instead. The HTML page, with
the overlay diagram, is made by :mod:`argmap.classroom.pages`.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from ..model import ArgumentMap, Claim, Link
from ..summary._common import clean
from ..summary.markdown import md_escape
from .places import place
from .sentences import KIND_NOUN, Sentence, name_of

if TYPE_CHECKING:
    from .compare import Comparison

__all__ = ["SECTIONS", "Feedback"]

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


class Feedback:
    """The sentences for one comparison, and their text and Markdown forms.

    Examples
    --------
    >>> import argmap
    >>> ref = argmap.examples.soviet_socialism()
    >>> mine = argmap.ArgumentMap()
    >>> mine.claim("cap", "The USSR was not genuine socialism but state capitalism.")
    'cap'
    >>> mine.claim("owned", "The Soviet state owned the factories and the land.")
    'owned'
    >>> mine.attack("owned", "cap")
    'a1'
    >>> fb = argmap.compare(mine, ref).feedback()
    >>> import textwrap
    >>> print(textwrap.fill(fb.sentences_in("links")[0].text, 80))
    You drew 'The Soviet state owned the factories and the land' as attacking 'The
    USSR was not genuine socialism but state capitalism', but in the article it is a
    reason for it.
    """

    def __init__(self, comparison: Comparison, *, reveal: bool = False) -> None:
        self.c = comparison
        self.reveal = reveal
        self.s_claims = {c.id: c for c in comparison.student.claims}
        self.r_claims = {c.id: c for c in comparison.reference.claims}
        self.r_links = {link.id: link for link in comparison.reference.links}
        self.s_links = {link.id: link for link in comparison.student.links}
        self.student_of = comparison.student_of
        self.sentences = self._sentences()

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

    # -- the sentences -----------------------------------------------------------------------

    def sentences_in(self, section: str) -> list[Sentence]:
        return [s for s in self.sentences if s.section == section]

    def _sentences(self) -> list[Sentence]:
        from .sentences import all_sentences

        return all_sentences(self)

    # -- output ------------------------------------------------------------------------------

    @property
    def title(self) -> str:
        name = self.c.student.title or self.c.name or "your map"
        return f"Feedback on {clean(name)}"

    def headline(self) -> str:
        """The score and the counts in one sentence."""
        c = self.c
        n_ref = len(c.reference.claims)
        return (
            f"Score {c.score.value:g} of 100: you have {c.claims_found} of the article's "
            f"{n_ref} claims and {_count(c, 'ok')} of its {len(c.reference.links)} links right."
        )

    def points(self) -> list[tuple[str, str]]:
        """The score's lines as (points, what) in words, hinting as the sentences do."""
        from .sentences import point_lines

        return point_lines(self)

    def to_text(self, width: int = 88) -> str:
        """Plain text: headline, each section's sentences as a list, then the points."""
        out = [self.title, "=" * len(self.title), "", *textwrap.wrap(self.headline(), width)]
        for key, heading in SECTIONS.items():
            found = self.sentences_in(key)
            if found:
                out += ["", heading, "-" * len(heading)]
                for s in found:
                    out += textwrap.wrap(
                        clean(s.text), width, initial_indent="- ", subsequent_indent="  "
                    )
        out += ["", "Points", "------"]
        out += [f"{points:>7}  {clean(what)}" for points, what in self.points()]
        return "\n".join(out) + "\n"

    def to_markdown(self) -> str:
        """Markdown: every piece of student text escaped, so it shows as typed."""
        out = [f"# {md_escape(self.title)}", "", f"**{md_escape(self.headline())}**"]
        for key, heading in SECTIONS.items():
            found = self.sentences_in(key)
            if found:
                out += ["", f"## {heading}", ""]
                out += [f"- {md_escape(s.text)}" for s in found]
        out += ["", "## Points", "", "| points | for |", "| ---: | --- |"]
        out += [f"| {points} | {md_escape(what)} |" for points, what in self.points()]
        return "\n".join(out) + "\n"

    def to_html(self, *, diagram: bool = True) -> str:
        """A self-contained HTML page with the overlay diagram (see :mod:`.pages`)."""
        from .pages import feedback_page

        page: str = feedback_page(self, diagram=diagram)
        return page


def _count(c: Comparison, verdict: str) -> int:
    return len({v.reference for v in c.links if v.verdict == verdict and v.reference})


def student_map(fb: Feedback) -> ArgumentMap:
    """The map the feedback is about (for the overlay)."""
    return fb.c.student
