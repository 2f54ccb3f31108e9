"""Argdown: every construct of the syntax, located errors, and round trips."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap import FormatError
from argmap.formats import argdown, reads, reads_report, writes, writes_report
from argmap.model import ArgumentMap

from ..strategies import argument_maps

FIXTURES = Path(__file__).parent / "fixtures"


def _links(m: ArgumentMap) -> Counter[tuple[str, tuple[str, ...], str]]:
    return Counter((link.kind, tuple(sorted(link.sources)), link.target) for link in m.links)


@pytest.fixture(scope="module")
def constructs() -> argmap.formats.ReadReport:
    return argmap.formats.read_report(FIXTURES / "constructs.argdown")


def test_front_matter_title_headings_and_tags_become_title_and_themes(constructs):
    m = constructs.map
    assert m.title == "Homework debate"
    ban = m.get_claim("ban")
    assert ban.text == "Homework should be banned."  # hard-wrapped lines joined, tags removed
    assert ban.themes == ["policy", "big-picture"]
    assert m.get_claim("survey").themes == ["evidence"]  # the heading's {data} is not a theme
    assert {t.id: t.label for t in m.themes}["big-picture"] == "big picture"


def test_statements_references_and_mentions(constructs):
    m = constructs.map
    stress = m.get_claim("stress")
    assert stress.title == "Stress" and stress.text == "Homework causes stress."
    # The reference [Stress] later in the file adds relations, not a second claim.
    assert sum(c.title == "Stress" for c in m.claims) == 1
    mention = next(c for c in m.claims if c.text.startswith("@[Stress]"))
    assert mention.title is None
    assert ("support", (mention.id,), "ban") in _links(m)


def test_relations_in_both_directions_and_nested(constructs):
    links = _links(constructs.map)
    assert links[("support", ("stress",), "ban")] == 1  # "+" under Ban and "+>" under Stress
    assert links[("attack", ("resilience",), "stress")] == 1  # nested two levels deep
    assert links[("attack", ("ban",), "free-time")] == 1  # "->" points away from the parent
    assert links[("attack", ("survey",), "stress")] == 1  # "<-"
    # "><" contradictory: an attack each way
    assert links[("attack", ("ban",), "keep")] == links[("attack", ("keep",), "ban")] == 1


def test_undercut_of_a_sketched_argument_attacks_its_link(constructs):
    m = constructs.map
    practice_link = next(x for x in m.links if x.sources == ["practice"] and x.target == "ban")
    undercut = next(x for x in m.links if x.sources == ["tired"])
    assert undercut.kind == "attack" and undercut.target == practice_link.id


def test_premise_conclusion_structure_with_intermediary_conclusion_and_rules(constructs):
    m = constructs.map
    final = m.get_link("stress-argument")
    step = m.get_link("stress-argument-1")
    assert step.target == "stress" and "survey" in step.sources and len(step.sources) == 2
    assert final.target == "learning" and final.sources[0] == "stress"
    assert final.scheme == "modus-ponens" and step.scheme == "modus-ponens"
    assert final.note == "<Stress argument>: Stress argument in full."
    # undercut "<_" and attack "-" on a reconstructed argument both target its final inference
    assert {x.target for x in m.links if x.sources in (["exams"], ["teachers"])} == {final.id}
    assert "1 inference rule beyond the first dropped" in constructs.warnings


def test_comments_prose_data_and_escapes(constructs):
    m = constructs.map
    texts = " ".join(c.text for c in m.claims)
    assert "comment" not in texts
    assert m.get_claim("survey").text == "70% of pupils report stress #real."
    assert m.description == "A plain paragraph of prose that is not a claim."
    warnings = " ".join(constructs.warnings)
    assert "author" in warnings and "source" in warnings  # lost: a front matter key, data
    # Prose is kept (in the description): a note, not a loss.
    assert "untitled paragraph" in " ".join(constructs.notes)
    assert "untitled paragraph" not in warnings


def test_strict_mode_maps_entails_contrary_contradictory():
    m = argmap.read(FIXTURES / "strict.argdown")
    links = _links(m)
    assert links[("support", ("b",), "a")] == 1  # entails
    assert links[("attack", ("c",), "a")] == links[("attack", ("a",), "c")] == 1  # contrary
    assert links[("attack", ("a",), "d")] == links[("attack", ("d",), "a")] == 1
    assert links[("support", ("b", "untitled-1"), "a")] == 1  # the argument's inference


def test_loose_mode_minus_is_one_way():
    m = reads("[A]: a\n  - [B]: b\n", "argdown")
    assert [(x.kind, x.sources, x.target) for x in m.links] == [("attack", ["b"], "a")]


def test_imported_map_validates_and_ids_are_stable():
    text = (FIXTURES / "constructs.argdown").read_text()
    first = reads(text, "argdown", allow_loss=True)
    second = reads(text, "argdown", allow_loss=True)
    assert first == second
    assert first.check() is not None  # raises on any validation error


def test_parse_is_iterative_for_deep_nesting():
    depth = 1500
    lines = ["[S0]: root"] + [f"{'  ' * i}+ [S{i}]: s{i}" for i in range(1, depth)]
    m = reads("\n".join(lines), "argdown")
    assert len(m.claims) == depth and len(m.links) == depth - 1


MALFORMED = [
    ("===\ntitle: x\n", 1, 1, "front matter"),
    ("===\ntitle: [x\n===\n", 2, None, "front matter"),
    ("===\nmodel:\n  mode: fuzzy\n===\n", 1, 1, "mode"),
    ("[A]: ok\n\n/* never closed\n", 3, 1, "comment"),
    ("+ [A]: floating relation\n", 1, 1, "no statement"),
    ("[A]: a\n  +\n", 2, 3, "nothing after"),
    ("[Unclosed: text\n", 1, 1, "not closed"),
    ("[A]: a\n  - <Open\n", 2, 5, "not closed"),
    ("[]: empty title\n", 1, 1, "empty title"),
    ("<A>\n\n(1) p\n(2) q\n", 4, None, "must end with a conclusion"),
    ("<A>\n\n----\n(1) q\n", 3, 1, "without a numbered premise"),
    ("<A>\n\n(1) p\n----\n", 4, None, "not followed by a conclusion"),
    ("<A>\n\n(1) <B>\n----\n(2) q\n", 3, 5, "not an argument"),
]


@pytest.mark.parametrize(("text", "line", "column", "words"), MALFORMED)
def test_malformed_input_gives_a_located_format_error(text, line, column, words):
    with pytest.raises(FormatError) as info:
        argdown.parse(text, "bad.argdown")
    err = info.value
    assert words in err.message
    assert err.file == "bad.argdown" and err.line == line
    if column is not None:
        assert err.column == column
    assert str(err).startswith(f"bad.argdown:{line}")


def test_written_text_reads_back_with_escapes_and_data():
    m = ArgumentMap(title="T")
    m.claim("a", "Odd [text] <with> #marks @x {y} *z* _w_ a/b // c \\ d", kind="evidence")
    m.claim("B_2", "Second", title="Nice Title", confidence=0.25, note='n}o"te')
    m.support("a", "B_2")
    back = reads(writes(m, "argdown"), "argdown")
    assert back.get_claim("a").text == m.get_claim("a").text
    assert back.get_claim("a").kind == "evidence"
    b2 = back.get_claim("B_2")
    assert (b2.title, b2.confidence, b2.note) == ("Nice Title", 0.25, 'n}o"te')
    assert _links(back) == _links(m)


def test_what_argdown_has_no_syntax_for_travels_as_data_and_reads_back():
    m = ArgumentMap()
    for cid in "abcd":
        m.claim(cid, f"Claim {cid}.")
    m.support("a", "b", weight=0.5, note="a // note /* with */ <!-- marks -->")
    m.attack(["c", "d"], "b", id="pair")
    m.attack("c", "pair", scheme="bad_faith")  # an undercut of an attack: no Argdown name
    text, losses = writes_report(m, "argdown")
    assert losses == []
    assert "<pair>" not in text  # Argdown shows the attacks one per premise ...
    assert "[b]\n  + [a]\n  - [c]\n  - [d]" in text
    assert reads(text, "argdown") == m  # ... and argmap reads back every link as it was


def test_links_in_the_front_matter_give_way_to_relations_changed_by_hand():
    m = ArgumentMap()
    for cid in "abc":
        m.claim(cid, f"Claim {cid}.")
    m.support("a", "b", id="because", weight=0.5)
    text = writes(m, "argdown")
    # Someone adds a relation in an Argdown editor: the document's relations are the truth.
    edited = text + "\n[c]\n  - [a]\n"
    report = reads_report(edited, "argdown")
    assert _links(report.map) == Counter({("support", ("a",), "b"): 1, ("attack", ("a",), "c"): 1})
    assert any("relations were changed" in w for w in report.warnings)
    assert all(x.weight is None for x in report.map.links)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps())
def test_round_trip_is_exact(m):
    text, losses = writes_report(m, "argdown")
    assert losses == []
    assert writes(m, "argdown") == text  # deterministic
    report = reads_report(text, "argdown")
    assert report.warnings == []
    assert report.map == m


def test_a_title_with_no_slug_keeps_its_claim_id() -> None:
    # A title of control characters slugifies to nothing: the reader falls back to
    # "statement", so the writer must name the id whenever that is not the claim's id.
    m = ArgumentMap()
    m.claim("x", "A claim.", title="\x08")
    m.claim("statement", "Another.", title="\x07")
    back = reads(writes(m, "argdown"), "argdown")
    assert [c.id for c in back.claims] == ["x", "statement"]


def test_an_inference_rule_that_is_an_id_is_kept_as_it_is():
    # Without argmap's front matter (a hand-written file, or the Argdown tool's JSON export)
    # the scheme comes from the rule: "cause_to_effect" stays, prose becomes an id.
    text = "<L>\n\n(1) [A]: a\n(2) [B]: b\n-- cause_to_effect --\n(3) [C]: c\n"
    assert reads(text, "argdown").get_link("l").scheme == "cause_to_effect"
    text = "<L>\n\n(1) [A]: a\n-- Modus ponens --\n(2) [C]: c\n"
    assert reads(text, "argdown").get_link("l").scheme == "modus-ponens"
