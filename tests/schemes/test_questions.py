"""Critical questions on a map: answered and open, hints, apply_scheme, editing."""

from __future__ import annotations

import pytest

import argmap
from argmap import MapValidationError, UnknownNameError
from argmap.schemes import (
    apply_scheme,
    critical_questions,
    open_questions,
    suggest_question,
)

from .maps import expert_map


def test_all_questions_open_until_answered() -> None:
    m = expert_map()
    assert [q.question.id for q in open_questions(m, "s1")] == [f"cq{i}" for i in range(1, 8)]
    m.answer_question("s1", "cq4", by="u1")
    m.answer_question("s1", "cq6", by="a1")
    statuses = {q.question.id: q for q in critical_questions(m, "s1")}
    assert statuses["cq4"].answered_by == ("u1",) and not statuses["cq4"].open
    assert [q.question.id for q in open_questions(m)] == ["cq1", "cq2", "cq3", "cq5", "cq7"]
    assert m.get_link("s1").answered is not None
    assert [a.model_dump() for a in m.get_link("s1").answered] == [
        {"question": "cq4", "by": "u1"},
        {"question": "cq6", "by": "a1"},
    ]


def test_answering_twice_keeps_one_and_two_answers_are_kept() -> None:
    m = expert_map()
    m.answer_question("s1", "cq4", by="u1")
    m.answer_question("s1", "cq4", by="u1")
    m.answer_question("s1", "cq4", by="paid")
    assert critical_questions(m, "s1")[3].answered_by == ("u1", "paid")


def test_links_without_a_catalogue_scheme_have_no_questions() -> None:
    m = expert_map()
    assert critical_questions(m, "u1") == [] and suggest_question(m, "u1") is None
    m.get_link("u1").scheme = "my-own-pattern"
    assert critical_questions(m, "u1") == []
    assert [q.link for q in open_questions(m)] == ["s1"] * 7


def test_answer_question_refuses_what_cannot_be_answered() -> None:
    m = expert_map()
    with pytest.raises(MapValidationError) as exc:
        m.answer_question("u1", "cq1", by="paid")
    assert exc.value.codes == ["AM113"] and "no scheme" in str(exc.value)
    with pytest.raises(UnknownNameError, match="did you mean 'cq4'"):
        m.answer_question("s1", "cq44", by="u1")
    with pytest.raises(MapValidationError) as exc:
        m.answer_question("s1", "cq4", by="u2")
    assert exc.value.problems[0].path == "links[0].answered[0].by"
    assert "no claim or link 'u2' (choose from" in exc.value.problems[0].message
    assert m.get_link("s1").answered is None  # nothing half-recorded


def test_suggestion_leads_to_the_kind_least_taken_up() -> None:
    m = argmap.ArgumentMap()
    for c in ("smith", "warm", "quack", "paid", "cold"):
        m.claim(c, c.capitalize() + ".")
    m.support("smith", "warm", id="s1", scheme="expert-opinion")
    first = suggest_question(m, "s1")
    assert first is not None and (first.id, first.kind) == ("cq1", "premise")
    m.attack("quack", "smith", id="a1")  # a premise attacked, not yet recorded
    assert suggest_question(m, "s1").kind == "undercut"  # type: ignore[union-attr]
    m.undercut("paid", "s1", id="u1")
    assert suggest_question(m, "s1").kind == "rebuttal"  # type: ignore[union-attr]
    m.attack("cold", "warm", id="a2")
    # Every kind taken up once: back to the first open question in catalogue order.
    assert suggest_question(m, "s1").id == "cq1"  # type: ignore[union-attr]
    for q in argmap.schemes.get_scheme("expert-opinion").questions:
        m.answer_question("s1", q.id, by="quack")
    assert suggest_question(m, "s1") is None


def test_apply_scheme_checks_the_premises_count() -> None:
    m = expert_map()
    m.get_link("s1").scheme = None
    fit = m.apply_scheme("s1", "Argument from Expert Opinion")
    assert fit.ok and m.get_link("s1").scheme == "expert-opinion"
    assert [(p.role, c) for p, c in fit.matched] == [
        ("major", "expert"),
        ("minor", "says"),
        ("domain", "field"),
    ]
    m.support("says", "safe", id="s2")
    with pytest.raises(MapValidationError) as exc:
        m.apply_scheme("s2", "expert-opinion")
    (problem,) = exc.value.problems
    assert (problem.code.value, problem.path) == ("AM114", "links[3].sources")
    assert "missing minor: 'E asserts" in problem.message and "domain: 'A is a question" in (
        problem.message
    )
    assert m.get_link("s2").scheme is None  # unchanged
    fit = m.apply_scheme("s2", "expert-opinion", strict=False)
    assert [p.role for p in fit.missing] == ["minor", "domain"] and not fit.ok
    assert m.get_link("s2").scheme == "expert-opinion"


def test_apply_scheme_names_extra_sources_and_unknown_schemes() -> None:
    m = expert_map()
    m.claim("x", "X.")
    m.support(["expert", "x"], "safe", id="s2")
    with pytest.raises(MapValidationError, match="no premise for source"):
        apply_scheme(m, "s2", "correlation-to-cause")
    with pytest.raises(UnknownNameError, match="did you mean 'analogy'"):
        m.apply_scheme("s2", "analogi")
    with pytest.raises(KeyError):
        m.apply_scheme("nope", "analogy")


def test_changing_the_scheme_drops_the_old_answers() -> None:
    m = expert_map()
    m.answer_question("s1", "cq4", by="u1")
    m.apply_scheme("s1", "ExpertOpinion")  # the same scheme by another name: kept
    assert m.get_link("s1").answered is not None
    m.apply_scheme("s1", "witness-testimony")
    assert m.get_link("s1").answered is None


def test_rename_and_remove_keep_answers_consistent() -> None:
    m = expert_map()
    m.answer_question("s1", "cq4", by="u1")
    m.answer_question("s1", "cq6", by="a1")
    m.rename("u1", "u-paid")
    assert [a.by for a in m.get_link("s1").answered or []] == ["u-paid", "a1"]
    m.remove("study")  # takes a1 with it: cq6 is open again
    assert [a.by for a in m.get_link("s1").answered or []] == ["u-paid"]
    m.check()
