"""Kialo export keeps every claim of any map, says precisely what Kialo cannot hold, and is
linear in the size of the map."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap import ArgumentMap
from argmap.formats import reads, reads_report, writes, writes_report
from argmap.formats._kialo_writer import MAX_DEPTH, kialo_text

from ..strategies import argument_maps


def _uniforms() -> ArgumentMap:
    """Twelve claims; two positions that attack each other; a claim reached twice; an
    undercut; co-premises; evidence; a claim nothing connects."""
    m = ArgumentMap(title="Uniforms", question="Should schools require uniforms?")
    m.claim("yes", "Schools should require uniforms.", kind="position")
    m.claim("no", "Schools should not require uniforms.", kind="position")
    m.attack("yes", "no", id="yes-vs-no")
    m.attack("no", "yes", id="no-vs-yes")
    m.claim("cheap", "Uniforms are cheaper than fashion.")
    m.claim("bullying", "Uniforms reduce bullying.")
    m.claim("expression", "Uniforms limit self-expression.")
    m.claim("cost", "Uniforms cost families money.")
    m.support("cheap", "yes")
    m.support("bullying", "yes")
    m.support("expression", "no")
    m.support("cost", "no")
    m.claim("studies", "Studies of bullying disagree.")
    m.attack("studies", "bullying")
    m.claim("second-hand", "Second-hand uniforms are cheap.")
    m.attack("second-hand", "cost")
    m.support("second-hand", "cheap")  # reached twice
    m.claim("quality", "Cheap does not mean good value.")
    m.undercut("quality", "s1")
    m.claim("study", "A 2019 study found less bullying.", kind="evidence")
    m.claim("same-schools", "The study compared the same schools.")
    m.support(["study", "same-schools"], "bullying")
    m.claim("aside", "School dress codes differ by country.")
    return m


def _texts(m: ArgumentMap) -> Counter[str]:
    return Counter(c.text for c in m.claims)


def _shape(m: ArgumentMap) -> Counter[tuple[str, str, str]]:
    """Links between claims by the texts at their ends (Kialo renumbers every id)."""
    text = {c.id: c.text for c in m.claims}
    return Counter(
        (x.kind, text[s], text[x.target]) for x in m.links if x.target in text for s in x.sources
    )


def test_a_twelve_claim_map_with_positions_attacking_each_other_keeps_every_claim():
    m = _uniforms()
    assert len(m.claims) == 12
    text, losses = writes_report(m, "kialo")
    back = reads_report(text, "kialo")
    assert back.warnings == []
    assert len(back.map.claims) == 12 and _texts(back.map) == _texts(m)
    # Every link between claims is there, with its stance, one per premise.
    assert _shape(back.map) - Counter(
        {("attack", "Cheap does not mean good value.", "Uniforms are cheaper than fashion.")}
    ) == _shape(m)
    assert text.count("-> See") == 3  # each position under the other, the reused claim
    assert losses == [
        "12 claim ids not kept (Kialo numbers its positions)",
        "1 claim kind (evidence, assumption) dropped",
        "1 claim for or against no other claim written as a thesis (read back as a position)",
        "11 link ids not kept (Kialo numbers its positions)",
        "1 link with co-premises written as one position per premise",
        "1 undercut written as a Con of the first premise of the link it attacks "
        "(Kialo has no attacks on links)",
        "claims in another order (Kialo lists positions as trees)",
    ]


def test_lossy_kialo_export_is_refused_unless_allowed(tmp_path):
    out = tmp_path / "uniforms.kialo.txt"
    with pytest.raises(argmap.LossError) as info:
        argmap.write(_uniforms(), out)
    assert not out.exists()
    assert "1 link with co-premises written as one position per premise" in info.value.losses
    assert argmap.write(_uniforms(), out, allow_loss=True) == info.value.losses
    assert out.read_text(encoding="utf-8").startswith("Discussion Name:\nUniforms\n")


def test_a_map_kialo_can_hold_reads_back_equal():
    m = ArgumentMap(title="Pets")
    m.claim("1", "Pets should be allowed in class.", kind="position")
    m.claim("1-1", "Pets calm pupils.")
    m.claim("1-1-1", "Not all pets: a parrot is loud.")
    m.claim("1-2", "Pets are noisy.")
    m.support("1-1", "1", id="s1-1")
    m.attack("1-1-1", "1-1", id="a1-1-1")
    m.attack("1-2", "1", id="a1-2")
    m.support("1-1-1", "1-2", id="s1-2-1")  # reached twice: a '-> See'
    text, losses = writes_report(m, "kialo")
    assert losses == []
    assert "1.2.1. Pro:\n    -> See 1.1.1." in text
    assert reads(text, "kialo") == m


def test_texts_that_look_like_kialo_syntax_read_back_as_text():
    tricky = [
        "1.1. Pro: not a position",
        "-> See 1.",
        "Sources:",
        "[1] a footnote marker",
        "back\\slash and \\[escapes\\]",
        "*stars* _under_ `code` (parens)",
        "Two lines:\n2. and a number",
        "Ünïcode ☕ text",
    ]
    m = ArgumentMap()
    m.claim("root", tricky[0], kind="position")
    for i, text in enumerate(tricky[1:], start=1):
        m.claim(f"c{i}", text)
        m.support(f"c{i}", "root")
    back = reads(writes(m, "kialo", allow_loss=True), "kialo")
    assert _texts(back) == _texts(m)


def test_a_ring_no_position_reaches_still_gets_written():
    m = ArgumentMap()
    m.claim("a", "A attacks B.")
    m.claim("b", "B attacks A.")
    m.attack("a", "b")
    m.attack("b", "a")
    back = reads(writes(m, "kialo", allow_loss=True), "kialo")
    assert _texts(back) == _texts(m) and _shape(back) == _shape(m)


def _chain(n: int) -> ArgumentMap:
    m = ArgumentMap(title="Chain")
    m.claim("c0", "The root.", kind="position")
    for i in range(1, n):
        m.claim(f"c{i}", f"Reason number {i}.")
        m.support(f"c{i}", f"c{i - 1}")
    return m


def test_a_deep_chain_is_written_in_size_linear_in_the_map():
    small, large = (writes_report(_chain(n), "kialo") for n in (1000, 4000))
    # Four times the claims, four times the bytes (not sixteen, as numbers 1.1.1... grew).
    assert len(large[0]) / len(small[0]) < 4.4
    assert any(f"deeper than {MAX_DEPTH} levels" in w for w in large[1])
    back = reads(large[0], "kialo")
    assert _texts(back) == _texts(_chain(4000)) and _shape(back) == _shape(_chain(4000))
    deepest = max(len(c.id) for c in back.claims)
    assert deepest <= 2 * (MAX_DEPTH + 3)  # every id short enough to be one


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps())
def test_any_map_keeps_every_claim_and_link_between_claims(m: ArgumentMap) -> None:
    text, losses = writes_report(m, "kialo")
    back = reads_report(text, "kialo")
    assert back.warnings == []
    if not losses:
        assert back.map == m
        return
    assert Counter(kialo_text(c.text) for c in back.map.claims) == Counter(
        kialo_text(c.text) for c in m.claims
    )
    text_of = {c.id: kialo_text(c.text) for c in m.claims}
    expected = Counter(
        (x.kind, text_of[s], text_of[x.target])
        for x in m.links
        if x.target in text_of
        for s in x.sources
    )
    read_text = {c.id: c.text for c in back.map.claims}
    found = Counter((x.kind, read_text[x.sources[0]], read_text[x.target]) for x in back.map.links)
    assert not expected - found  # each link between claims is there (undercuts add more)
