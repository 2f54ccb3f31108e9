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
    assert "author" in warnings and "source" in warnings and "untitled paragraph" in warnings


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
    first, second = reads(text, "argdown"), reads(text, "argdown")
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


def test_writer_reports_what_argdown_cannot_hold():
    m = ArgumentMap()
    for cid in "abcd":
        m.claim(cid, f"Claim {cid}.")
    m.support("a", "b", weight=0.5)
    m.attack(["c", "d"], "b")
    m.attack("c", "a1")  # an undercut of an attack: Argdown cannot name the attack
    text, warnings = writes_report(m, "argdown")
    joined = " ".join(warnings)
    assert "1 link weight dropped" in joined
    assert "1 attack with co-premises written as one attack per premise" in joined
    assert "1 link on attack links" in joined
    assert "<a1>" not in text


def _expected_links(m: ArgumentMap) -> Counter[tuple[str, tuple[str, ...], object]]:
    """What the Argdown writer promises to keep, as (kind, sources, target) with link
    targets given by their own (kind, sources, target) since link ids are not kept."""
    claims = {c.id for c in m.claims}
    by_id = {x.id: x for x in m.links}
    targeted = {x.target for x in m.links if x.target in by_id}
    named = {
        x.id
        for x in m.links
        if x.kind == "support" and x.target in claims and (len(x.sources) > 1 or x.id in targeted)
    }

    def key(link_id: str) -> tuple[str, tuple[str, ...], str]:
        x = by_id[link_id]
        return (x.kind, tuple(sorted(x.sources)), x.target)

    out: Counter[tuple[str, tuple[str, ...], object]] = Counter()
    relations: set[tuple[str, str, str]] = set()  # Argdown keeps each relation once
    for x in m.links:
        if x.id in named:
            out[key(x.id)] += 1  # each is an argument of its own
        elif x.target in claims or x.target in named:
            relations.update((x.kind, s, x.target) for s in x.sources)
    for kind, source, target in relations:
        out[(kind, (source,), key(target) if target in named else target)] += 1
    return out


def _actual_links(m: ArgumentMap) -> Counter[tuple[str, tuple[str, ...], object]]:
    by_id = {x.id: x for x in m.links}
    out: Counter[tuple[str, tuple[str, ...], object]] = Counter()
    for x in m.links:
        target: object = x.target
        if x.target in by_id:
            t = by_id[x.target]
            target = (t.kind, tuple(sorted(t.sources)), t.target)
        out[(x.kind, tuple(sorted(x.sources)), target)] += 1
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps())
def test_round_trip_keeps_what_argdown_expresses(m):
    text, _ = writes_report(m, "argdown")
    assert writes(m, "argdown") == text  # deterministic
    back = reads_report(text, "argdown").map
    titles = argdown._titles(m)
    assert [c.id for c in back.claims] == [c.id for c in m.claims]
    for a, b in zip(m.claims, back.claims, strict=True):
        assert b.text == " ".join(a.text.split())
        assert (a.kind, a.basis, a.confidence, a.note) == (b.kind, b.basis, b.confidence, b.note)
        assert (a.themes, a.asserted_by, a.quotes) == (b.themes, b.asserted_by, b.quotes)
        kept = a.title if titles[a.id] == a.title and a.title != a.id else None
        assert b.title == kept
    assert (back.title, back.question, back.description) == (m.title, m.question, m.description)
    assert (back.themes, back.perspectives, back.sources) == (m.themes, m.perspectives, m.sources)
    assert _actual_links(back) == _expected_links(m)


def test_a_title_with_no_slug_keeps_its_claim_id() -> None:
    # A title of control characters slugifies to nothing: the reader falls back to
    # "statement", so the writer must name the id whenever that is not the claim's id.
    m = ArgumentMap()
    m.claim("x", "A claim.", title="\x08")
    m.claim("statement", "Another.", title="\x07")
    back = reads(writes(m, "argdown"), "argdown")
    assert [c.id for c in back.claims] == ["x", "statement"]
