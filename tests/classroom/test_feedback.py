"""Feedback: each error named in words, hints by default, reveal on request, safe output."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

import argmap
from argmap.classroom import Reference

from .conftest import CLASS


@pytest.fixture(scope="module")
def bob(reference: Reference) -> argmap.classroom.Comparison:
    return reference.compare(CLASS / "bob-link-errors.json")


def test_each_link_error_is_named_in_words(bob: argmap.classroom.Comparison) -> None:
    found = {s.verdict: s.text for s in bob.feedback().sentences_in("links")}
    assert set(found) == {
        "wrong-kind", "wrong-direction", "merged-premises", "split-premises", "wrong-target",
        "missing", "extra",
    }  # fmt: skip
    assert found["wrong-kind"].startswith("You drew 'Daily life was driven by personal survival")
    assert "as attacking" in found["wrong-kind"] and "it is a reason for it" in found["wrong-kind"]
    assert "points the wrong way" in found["wrong-direction"]
    assert found["merged-premises"].startswith(
        "You joined 'A powerful party bureaucracy rose in the Soviet Union' and 'Early "
        "democratic experiments were crushed' into one reason for"
    )
    assert "draw separate links" in found["merged-premises"]
    assert (
        "as separate reasons for your claim 'The USSR was not genuine socialism"
        in found["split-premises"]
    )
    assert "only work together" in found["split-premises"]
    assert found["wrong-target"] == (
        "You have 'In many regions people remember constant shortages and long lines', but you "
        "linked it as supporting 'The USSR was not genuine socialism at all but a form of state "
        "capitalism'; the article uses it for your claim 'Calling something socialist does not "
        "make it fair or humane'."
    )
    assert "are both in your map but not linked" in found["missing"]
    assert "is not in the article's argument" in found["extra"]
    kinds = bob.feedback().sentences_in("kinds")
    assert [k.text for k in kinds] == [
        "You marked 'Compassion and openness were risky in a system where neighbours could "
        "inform on each other' as a claim (a step in the reasoning); the article presents it "
        "as evidence (a fact or an observation)."
    ]


def test_hints_do_not_give_the_answer_away(reference: Reference) -> None:
    result = reference.compare(CLASS / "carol-paraphrase.argdown")
    hint = result.feedback()
    reveal = result.feedback(reveal=True)
    missing_texts = [c.text for c in result.reference.claims if c.id not in result.student_of]
    for text in (hint.to_text(), hint.to_markdown(), hint.to_html(diagram=False)):
        flat = " ".join(text.split())
        assert not any(t[:40] in flat for t in missing_texts)
    assert "Look in the first paragraph under 'What to keep in mind'." in hint.to_text().replace(
        "\n  ", " "
    )
    shown = " ".join(reveal.to_text().split())
    assert all(t[:40] in shown for t in missing_texts if len(t) < 80)
    assert "Add the article's piece of evidence 'A powerful party bureaucracy rose" in shown


def test_headline_and_points_explain_the_score(bob: argmap.classroom.Comparison) -> None:
    fb = bob.feedback()
    assert fb.headline() == (
        "Score 90.5 of 100: you have 31 of the article's 31 claims and 27 of its 34 links right."
    )
    points = dict((what, pts) for pts, what in fb.points())
    assert points["in all, of 131: 90.5 of 100"] == "118.5"
    assert sum(1 for pts, _ in fb.points() if pts == "-1") == 3  # kind, direction, target


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[str] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs]
        self.urls += [v or "" for n, v in attrs if n in ("src", "href", "xlink:href")]


def test_student_markup_cannot_reach_the_page(reference: Reference) -> None:
    result = reference.compare(CLASS / "jo-script.json")
    page = result.feedback().to_html()
    elements = _Elements()
    elements.feed(page)
    assert "script" not in elements.tags and "img" not in elements.tags
    assert not [a for a in elements.attrs if a.startswith("on")]
    assert all(not re.match(r"\w+:", url) or url.startswith("#") for url in elements.urls)
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in page
    assert "default-src 'none'" in page  # the CSP forbids scripts and remote loads
    assert "<svg" in page  # the overlay diagram is inline
    markdown = result.feedback().to_markdown()
    assert "<script>" not in markdown and "&lt;script>" in markdown
    assert "[sad](javascript" not in markdown


def test_overlay_marks_paired_ghost_and_wrong(bob: argmap.classroom.Comparison) -> None:
    from argmap.classroom.overlay import overlay_map, overlay_styles

    fb = bob.feedback()
    m, ghosts = overlay_map(fb)
    styles = overlay_styles(fb, m, ghosts)
    assert ghosts == {}  # bob has every claim
    assert styles["my-e-getting-by"]["peripheries"] == "2"
    wrong = {k for k, v in styles.items() if v.get("color") == "#E66100"}
    assert wrong == {v.student for v in bob.links if v.student and v.verdict != "ok"}


def test_overlay_ghosts_for_missing_claims(reference: Reference) -> None:
    from argmap.classroom.overlay import overlay_map, overlay_styles

    fb = reference.compare(CLASS / "carol-paraphrase.argdown").feedback()
    m, ghosts = overlay_map(fb)
    assert len(ghosts) == 21
    ghost = m.get_claim("missing-e-party-bureaucracy")
    assert ghost.title == "Missing piece of evidence"
    assert ghost.text == "Look in the first paragraph under 'What to keep in mind'."
    styles = overlay_styles(fb, m, ghosts)
    assert styles["missing-e-party-bureaucracy"]["style"] == "rounded,filled,dashed"
    dot = argmap.to_dot(m, styles=styles).source
    assert '"missing-e-party-bureaucracy" [' in dot and "dashed" in dot
