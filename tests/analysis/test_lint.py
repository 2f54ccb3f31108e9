"""Each lint rule fires on a map built to break it, and only there."""

from __future__ import annotations

from argmap import ArgumentMap
from argmap.analysis import lint
from argmap.analysis.quality import RULES
from argmap.examples import soviet_socialism


def codes(m: ArgumentMap, **kw: object) -> list[tuple[str, str]]:
    return [(f.code, f.target) for f in lint(m, **kw)]  # type: ignore[arg-type]


def base() -> ArgumentMap:
    m = ArgumentMap()
    m.claim("pos", "Position.", kind="position")
    m.claim("r", "Reason.")
    m.support("r", "pos", id="s1")
    return m


def test_clean_map_has_no_findings() -> None:
    assert lint(base()) == []


def test_isolated_claim_and_unsupported_position() -> None:
    m = base()
    m.claim("lonely", "Nobody links here.")
    m.claim("pos2", "Another position.", kind="position")
    m.attack("r", "pos2", id="a1")
    got = codes(m)
    assert ("AL101", "lonely") in got
    assert ("AL102", "pos2") in got
    assert ("AL102", "pos") not in got


def test_unanswered_objection_until_answered() -> None:
    m = base()
    m.claim("obj", "Objection.")
    m.attack("obj", "pos", id="a1")
    assert ("AL103", "a1") in codes(m)
    m.claim("reply", "Reply.")
    m.attack("reply", "obj", id="a2")
    got = codes(m)
    assert ("AL103", "a1") not in got and ("AL103", "a2") in got


def test_evidence_without_quote_or_basis() -> None:
    m = base()
    m.claim("e1", "A fact.", kind="evidence")
    m.claim("e2", "A statistic.", kind="evidence", basis="statistic")
    m.support("e1", "pos")
    m.support("e2", "pos")
    got = codes(m)
    assert ("AL104", "e1") in got and ("AL104", "e2") not in got


def test_support_cycle() -> None:
    m = base()
    m.support("pos", "r", id="s2")
    assert ("AL105", "pos") in codes(m)


def test_supports_and_attacks_same_target() -> None:
    m = base()
    m.attack("r", "pos", id="a1")
    assert ("AL106", "r") in codes(m)


def test_incoherent_co_premises() -> None:
    m = base()
    m.claim("x", "X.")
    m.claim("y", "Y.")
    m.attack("x", "y", id="a1")
    m.support(["x", "y"], "pos", id="joint")
    assert ("AL107", "joint") in codes(m)


def test_duplicate_text_ignores_case_and_spacing() -> None:
    m = base()
    m.claim("r2", "  reason")
    m.support("r2", "pos")
    assert ("AL108", "r2") in codes(m)


def test_quote_mismatch_needs_the_source_text() -> None:
    m = base()
    m.add_source("src", "A text")
    m.claim(
        "e",
        "Quoted.",
        kind="evidence",
        quotes=[{"source": "src", "start": 0, "end": 5, "text": "Hello"}],
    )
    m.support("e", "pos")
    assert ("AL109", "e") not in codes(m)
    assert ("AL109", "e") in codes(m, source_texts={"src": "Howdy, world"})
    assert ("AL109", "e") not in codes(m, source_texts={"src": "Hello, world"})


def test_select_and_ignore_by_code_prefix_and_name() -> None:
    m = base()
    m.claim("lonely", "Nobody links here.")
    m.claim("obj", "Objection.")
    m.attack("obj", "pos", id="a1")
    assert {c for c, _ in codes(m, select=["AL103"])} == {"AL103"}
    assert {c for c, _ in codes(m, ignore=["isolated-claim"])} == {"AL103"}
    assert {c for c, _ in codes(m, select=["AL1"], ignore=["AL10"])} == set()


def test_note_acknowledges_a_finding() -> None:
    m = base()
    m.claim("obj", "Objection.")
    m.attack("obj", "pos", id="a1", note="lint AL103: the source leaves it open")
    (f,) = lint(m)
    assert f.acknowledged and f.as_dict()["acknowledged"] is True


def test_reference_map_findings_are_all_acknowledged() -> None:
    # AL110 (open critical questions, info) is about what the article leaves open; its
    # findings are checked in tests/schemes.
    findings = [f for f in lint(soviet_socialism()) if f.code != "AL110"]
    assert findings, "the reference map has two unanswered objections, noted in the map"
    assert all(f.acknowledged for f in findings)
    assert {f.code for f in findings} == {"AL103"}


def test_rule_codes_are_stable() -> None:
    assert [(r.code, r.name) for r in RULES.values()] == [
        ("AL101", "isolated-claim"),
        ("AL102", "unsupported-position"),
        ("AL103", "unanswered-objection"),
        ("AL104", "evidence-without-basis"),
        ("AL105", "support-cycle"),
        ("AL106", "supports-and-attacks"),
        ("AL107", "incoherent-co-premises"),
        ("AL108", "duplicate-text"),
        ("AL109", "quote-mismatch"),
        ("AL110", "open-critical-question"),
    ]
