"""The feedback suggests critical questions for arguments drawn right (issues 15 and 21)."""

from __future__ import annotations

from pathlib import Path

import argmap
from argmap.classroom.feedback import SECTIONS
from argmap.classroom.sentences import MAX_QUESTION_HINTS
from argmap.schemes.catalogue import find_scheme

REPO = Path(__file__).resolve().parents[2]
CLASS = REPO / "tests" / "classroom" / "data" / "class"


def test_questions_come_from_the_schemes_of_links_drawn_right() -> None:
    ref = argmap.examples.soviet_socialism()
    c = argmap.compare(CLASS / "bob-link-errors.json", ref)
    hints = c.feedback().sentences_in("questions")
    assert 1 <= len(hints) <= MAX_QUESTION_HINTS
    ok = {v.reference for v in c.links if v.verdict == "ok"}
    questions = {
        q.text
        for link_id in ok
        if (s := find_scheme(ref.get_link(link_id).scheme)) is not None
        for q in s.questions
    }
    for hint in hints:
        assert "A critic could ask:" in hint.text
        assert any(q in hint.text for q in questions), hint.text
    assert len({h.text.split("A critic could ask:")[1] for h in hints}) == len(hints)
    # In every form the feedback takes.
    fb = c.feedback()
    for form in (fb.to_text(), fb.to_markdown(), fb.to_html(diagram=False)):
        assert SECTIONS["questions"] in form


def test_the_students_own_scheme_is_asked_about() -> None:
    ref = argmap.ArgumentMap(title="Experts")
    ref.claim("smith", "Dr Smith, a climatologist, says the climate is warming.")
    ref.claim("warming", "The climate is warming.", kind="position")
    ref.support("smith", "warming", id="s1")
    mine = argmap.ArgumentMap()
    mine.claim("a", "Dr Smith, a climatologist, says the climate is warming.")
    mine.claim("b", "The climate is warming.", kind="position")
    mine.support("a", "b", id="x", scheme="expert-opinion")
    hints = argmap.compare(mine, ref).feedback().sentences_in("questions")
    scheme = find_scheme("expert-opinion")
    assert scheme is not None and len(hints) == 1
    assert "argument from expert opinion" in hints[0].text
    assert any(q.text in hints[0].text for q in scheme.questions)


def test_no_scheme_no_question() -> None:
    ref = argmap.ArgumentMap()
    ref.claim("p", "Homework should be banned.", kind="position")
    ref.claim("r", "Homework causes stress.")
    ref.support("r", "p")
    mine = ref.model_copy(deep=True)
    assert argmap.compare(mine, ref).feedback().sentences_in("questions") == []
