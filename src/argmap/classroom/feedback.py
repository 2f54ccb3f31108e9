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

from ..errors import RenderError
from ..model import ArgumentMap
from ..summary._common import clean
from ..summary.markdown import md_escape
from .comparison import Findings
from .overlay import LEGEND, overlay_svg
from .pages import e, figure, page, table
from .sentences import all_sentences, point_lines
from .wording import SECTIONS, Sentence, Wording

__all__ = ["SECTIONS", "Feedback", "feedback_page"]


class Feedback(Wording):
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

    def __init__(self, comparison: Findings, *, reveal: bool = False) -> None:
        super().__init__(comparison, reveal=reveal)
        self.sentences = all_sentences(self)

    # -- the sentences -----------------------------------------------------------------------

    def sentences_in(self, section: str) -> list[Sentence]:
        return [s for s in self.sentences if s.section == section]

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
        return feedback_page(self, diagram=diagram)


def _count(c: Findings, verdict: str) -> int:
    return len({v.reference for v in c.links if v.verdict == verdict and v.reference})


def student_map(fb: Feedback) -> ArgumentMap:
    """The map the feedback is about (for the overlay)."""
    return fb.c.student


def feedback_page(fb: Feedback, *, diagram: bool = True) -> str:
    """One student's feedback as an HTML page with the overlay diagram."""
    body = [f"<h1>{e(fb.title)}</h1>", f'<p class="headline">{e(fb.headline())}</p>']
    if diagram:
        body += ["<h2>Your map, compared with the article</h2>", _overlay(fb), _legend()]
    for key, heading in SECTIONS.items():
        found = fb.sentences_in(key)
        if found:
            kind = "well" if key == "well" else "fix"
            items = "".join(f"<li>{e(s.text)}</li>" for s in found)
            body.append(
                f'<section class="{kind}"><h2>{e(heading)}</h2>'
                f'<ul class="findings">{items}</ul></section>'
            )
    body.append("<h2>Points</h2>")
    body.append(table(("points", "for"), fb.points(), numeric=(0,)))
    return page(fb.title, body)


def _overlay(fb: Feedback) -> str:
    try:
        svg = overlay_svg(fb)
    except RenderError as exc:
        return figure(None, "", str(exc))
    caption = "Your claims and links as you drew them, with the article's claims you are missing."
    return figure(svg, caption)


def _legend() -> str:
    names = {
        "paired": "Matches",
        "own": "Your own",
        "ghost": "Missing",
        "wrong": "To check",
        "ghost-link": "Missing link",
    }
    rows = "".join(f"<dt>{e(names[key])}</dt><dd>{e(text)}</dd>" for key, text in LEGEND)
    return f'<dl class="legend">{rows}</dl>'
