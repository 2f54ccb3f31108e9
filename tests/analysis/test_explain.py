"""Explanations name the right attackers, defenders and contributions."""

from __future__ import annotations

import pytest

from argmap import ArgmapError, ArgumentMap
from argmap.analysis import explain
from argmap.examples import soviet_socialism


def debate() -> ArgumentMap:
    m = ArgumentMap()
    m.claim("thesis", "Uniforms should be required.")
    m.claim("objection", "Uniforms limit self-expression.")
    m.claim("reply", "Self-expression has other outlets.")
    m.claim("reason", "Uniforms reduce bullying.", confidence=0.8)
    m.attack("objection", "thesis", id="a1")
    m.attack("reply", "objection", id="a2")
    m.support("reason", "thesis", id="s1")
    return m


def test_in_claim_names_the_failed_attack_and_its_defender() -> None:
    text = explain(debate(), "thesis")
    assert text.startswith("'Uniforms should be required.' is accepted")
    assert "'Uniforms limit self-expression.' (link a1)" in text
    assert "fails" in text and "'Self-expression has other outlets.' (link a2)" in text


def test_counts_of_attacks_read_as_words() -> None:
    m = debate()
    assert "is attacked once, and the attack fails:" in explain(m, "thesis")
    m.claim("cost", "Uniforms cost families money.")
    m.claim("grant", "Schools can pay for them.")
    m.attack("cost", "thesis", id="a3")
    m.attack("grant", "cost", id="a4")
    assert "is attacked 2 times, and every attack fails:" in explain(m, "thesis")


def test_out_claim_names_the_standing_attack() -> None:
    text = explain(debate(), "objection")
    assert "is rejected" in text
    assert "attacked by 'Self-expression has other outlets.' (link a2)" in text
    assert "not attacked at all" in text


def test_undecided_claim_mentions_the_cycle() -> None:
    m = ArgumentMap()
    m.claim("p", "P.")
    m.claim("q", "Q.")
    m.attack("p", "q")
    m.attack("q", "p")
    assert "cannot be settled" in explain(m, "p")


def test_strength_contributions_are_the_change_when_a_link_is_removed() -> None:
    # thesis: base 0.5, supporter 0.8, attacker objection (0.5, itself attacked by 0.5 reply:
    # 0.5 - 0.5 * 0.5 = 0.25). With both: 0.5 + 0.5 * (0.8 - 0.25) = 0.775.
    # Without s1: 0.5 - 0.5 * 0.25 = 0.375 (so s1 adds 0.40); without a1: 0.5 + 0.5 * 0.8 = 0.9
    # (so a1 takes 0.125, printed 0.12 or 0.13 by rounding).
    text = explain(debate(), "thesis", strength="dfquad")
    assert "strength by dfquad is 0.78 (base score 0.50)" in text
    assert "(link s1) raises it by 0.40" in text
    assert "(link a1) lowers it by 0.1" in text


def test_reference_map_derived_attack_is_explained() -> None:
    text = explain(soviet_socialism(), "e-getting-by", support="deductive")
    assert "is rejected" in text
    assert "it supports 'Failed solidarity, shaped people', directly or through" in text
    assert "deductive" in text
    default = explain(soviet_socialism(), "e-getting-by")
    assert default.startswith("'Survival, side deals, theft' is accepted")
    assert "defeasible support" in default and "It is not attacked at all." in default


def test_unknown_claim() -> None:
    with pytest.raises(KeyError, match="no claim 'nope'"):
        explain(debate(), "nope")
    with pytest.raises(ArgmapError, match="did you mean 'thesis'"):
        explain(debate(), "thesiss")


def test_a_standing_attack_names_how_many_attackers_it_survives() -> None:
    m = ArgumentMap()
    m.claim("thesis", "Uniforms should be required.")
    m.claim("objection", "Uniforms limit self-expression.")
    m.claim("u", "Limits are not harms.")
    m.claim("v", "Some limits are harms.")
    m.attack("objection", "thesis", id="a1")
    m.undercut("u", "a1", id="u1")
    m.attack("v", "u", id="a2")
    assert "that attack stands: its one attacker is defeated (u1 by" in explain(m, "thesis")
    m.claim("w", "Self-expression is not the point of school.")
    m.claim("x", "School shapes who pupils become.")
    m.undercut("w", "a1", id="u2")
    m.attack("x", "w", id="a3")
    assert "each of its 2 attackers is defeated in turn (u1 by" in explain(m, "thesis")
