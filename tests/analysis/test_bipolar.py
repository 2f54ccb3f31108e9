"""From maps to frameworks: the three readings of support, co-premises and undercuts."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgmapError, ArgumentMap
from argmap.analysis import Framework, analyze, extensions, grounded
from argmap.analysis.bipolar import to_framework
from argmap.examples import soviet_socialism


def chain() -> ArgumentMap:
    # reason --supports--> thesis <--attacks-- objection
    m = ArgumentMap()
    for c in ("thesis", "reason", "objection"):
        m.claim(c, c.capitalize() + ".")
    m.support("reason", "thesis", id="s")
    m.attack("objection", "thesis", id="a")
    return m


def test_attack_only_ignores_supports() -> None:
    r = analyze(chain(), support="attack-only")
    assert r.claim_labels == {"thesis": "rejected", "reason": "accepted", "objection": "accepted"}
    assert r.link_labels == {"s": "accepted", "a": "accepted"}
    assert r.support == "attack-only" and r.semantics == "grounded"


def test_deductive_support_propagates_the_attack_to_the_reason() -> None:
    # mediated attack: the objection defeats the thesis, so the reason that entails it falls
    r = analyze(chain(), support="deductive")
    assert r.claim_labels == {"thesis": "rejected", "reason": "rejected", "objection": "accepted"}
    assert r.link_labels["s"] == "rejected"
    assert r.status["reason"] == "rejected"


def test_necessary_support_propagates_attacks_on_the_reason_forward() -> None:
    # secondary attack: attacking what the thesis needs defeats the thesis
    m = ArgumentMap()
    for c in ("thesis", "reason", "objection"):
        m.claim(c, c.capitalize() + ".")
    m.support("reason", "thesis", id="s")
    m.attack("objection", "reason", id="a")
    nec = analyze(m, support="necessary")
    assert nec.claim_labels == {"thesis": "rejected", "reason": "rejected", "objection": "accepted"}
    only = analyze(m, support="attack-only")
    assert only.claim_labels["thesis"] == "accepted"
    ded = analyze(m, support="deductive")
    assert ded.claim_labels["thesis"] == "accepted"  # deductive: the thesis may stand on its own


def test_co_premise_link_needs_every_source() -> None:
    m = ArgumentMap()
    for c in ("t", "x", "y", "o", "target2"):
        m.claim(c, c + ".")
    m.attack(["x", "y"], "t", id="joint")
    m.attack("o", "y", id="ao")
    r = analyze(m, support="attack-only")
    # o defeats y, so the joint attack fails and t stands; x keeps standing
    assert r.link_labels["joint"] == "rejected"
    assert r.claim_labels == {
        "t": "accepted",
        "x": "accepted",
        "y": "rejected",
        "o": "accepted",
        "target2": "accepted",
    }


def test_undercut_defeats_the_link_not_its_sources() -> None:
    m = ArgumentMap()
    for c in ("t", "x", "u"):
        m.claim(c, c + ".")
    m.attack("x", "t", id="ax")
    m.undercut("u", "ax", id="cut")
    for support in ("attack-only", "deductive", "necessary"):
        r = analyze(m, support=support)
        assert r.link_labels["ax"] == "rejected"
        assert r.claim_labels == {"t": "accepted", "x": "accepted", "u": "accepted"}, support


def test_co_premise_support_is_attacked_as_a_whole_under_deductive() -> None:
    m = ArgumentMap()
    for c in ("t", "x", "y", "o"):
        m.claim(c, c + ".")
    m.support(["x", "y"], "t", id="joint")
    m.attack("o", "t", id="ao")
    r = analyze(m, support="deductive")
    assert r.link_labels["joint"] == "rejected"
    assert r.claim_labels["x"] == "accepted" and r.claim_labels["y"] == "accepted"


def test_mutual_attack_is_undecided_in_grounded_and_split_in_preferred() -> None:
    m = ArgumentMap()
    m.claim("p", "P.")
    m.claim("q", "Q.")
    m.attack("p", "q", id="pq")
    m.attack("q", "p", id="qp")
    g = analyze(m, "grounded", "attack-only")
    assert set(g.claim_labels.values()) == {"undecided"}
    pr = analyze(m, "preferred", "attack-only", backend="python")
    assert len(pr.extensions) == 2 and pr.backend == "python"
    assert set(pr.claim_labels.values()) == {"undecided"}  # neither is sceptically accepted
    st = analyze(m, "stable", "attack-only", backend="python")
    assert sorted(st.extensions) == [["p", "pq"], ["q", "qp"]]


def test_reference_map_worked_example() -> None:
    # the worked example of docs/analysis.md
    m = soviet_socialism()
    only = analyze(m, support="attack-only")
    assert [c for c, v in only.claim_labels.items() if v != "accepted"] == ["pos-failed-solidarity"]
    assert [k for k, v in only.link_labels.items() if v != "accepted"] == ["s-soviet-to-today"]
    default = analyze(m)
    assert default.support == "defeasible"
    assert default.claim_labels == only.claim_labels  # supports never reject a claim
    ded = analyze(m, support="deductive")
    rejected = {c for c, v in ded.status.items() if v == "rejected"}
    assert rejected == {
        "pos-failed-solidarity",
        "e-getting-by",
        "e-informing",
        "e-elite-privilege",
        "e-discouraged-initiative",
        "e-loyalty-education",
        "c-not-free-conscious",
        "a-comparable",
    }
    assert ded.status["pos-state-capitalism"] == "accepted"
    nec = analyze(m, support="necessary")
    assert nec.claim_labels == only.claim_labels
    data = json.loads(json.dumps(ded.to_dict()))
    assert data["support"] == "deductive" and data["claims"]["pos-state-capitalism"] == "accepted"
    assert "pos-failed-solidarity" in ded._repr_markdown_()
    assert "<table>" in ded._repr_html_()


def test_framework_attacks_record_their_origin() -> None:
    mapped = to_framework(chain(), "deductive")
    assert mapped.origin[("a", "thesis")] == "thesis"
    assert mapped.origin[("a", "reason")] == "thesis"
    assert mapped.attackers("reason") == ["a"]


def test_unknown_support_reading() -> None:
    with pytest.raises(ValueError, match="no support reading 'abductive'"):
        analyze(chain(), support="abductive")
    with pytest.raises(ArgmapError, match="did you mean 'deductive'"):
        analyze(chain(), support="deductiv")
    with pytest.raises(ArgmapError, match="did you mean 'preferred'"):
        analyze(chain(), semantics="prefered")


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(1, 6),
    edges=st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=10),
    semantics=st.sampled_from(["grounded", "preferred", "stable"]),
)
def test_link_arguments_are_transparent_for_plain_attacks(
    n: int, edges: list[tuple[int, int]], semantics: str
) -> None:
    # With only one-source attacks between claims, the map's claims get the labels the
    # claim-level framework (claim attacks claim) gives: the link arguments add nothing.
    m = ArgumentMap()
    for i in range(n):
        m.claim(f"c{i}", f"Claim {i}.")
    pairs = sorted({(a, b) for a, b in edges if a < n and b < n and a != b})
    for a, b in pairs:
        m.attack(f"c{a}", f"c{b}")
    af = Framework.from_pairs([(f"c{a}", f"c{b}") for a, b in pairs], [f"c{i}" for i in range(n)])
    result = analyze(m, semantics, "attack-only", backend="python")
    exts = extensions(af, semantics, backend="python").extensions
    assert sorted(sorted(c for c in e if c.startswith("c")) for e in result.extensions) == sorted(
        sorted(e) for e in exts
    )
    if semantics == "grounded":
        words = {"IN": "accepted", "OUT": "rejected", "UNDEC": "undecided"}
        assert result.claim_labels == {a: words[v] for a, v in grounded(af).as_dict().items()}


def test_default_reading_never_rejects_the_reason_of_a_defeated_conclusion() -> None:
    # the first-use report: the article's unopposed testimony came out "rejected"
    r = analyze(chain())
    assert r.support == "defeasible"
    assert r.claim_labels == {"thesis": "rejected", "reason": "accepted", "objection": "accepted"}
    assert r.link_labels["s"] == "rejected"  # the reason did not carry the day
    assert "cannot reject a claim that nothing attacks" in r.reading
    assert r.to_dict()["reading"] in r.headline()


def test_reference_map_unopposed_evidence_stands_by_default() -> None:
    m = soviet_socialism()
    status = analyze(m).status
    unopposed = [
        "e-getting-by",
        "e-informing",
        "e-elite-privilege",
        "e-discouraged-initiative",
        "e-loyalty-education",
        "c-not-free-conscious",
        "a-comparable",
    ]
    assert {c: status[c] for c in unopposed} == dict.fromkeys(unopposed, "accepted")
    assert [c for c, v in status.items() if v == "rejected"] == ["pos-failed-solidarity"]


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(2, 7),
    links=st.lists(
        st.tuples(st.sampled_from(["support", "attack"]), st.integers(0, 6), st.integers(0, 6)),
        max_size=14,
    ),
    semantics=st.sampled_from(["grounded", "preferred", "stable", "complete"]),
)
def test_a_claim_nothing_attacks_is_never_rejected_by_default(
    n: int, links: list[tuple[str, int, int]], semantics: str
) -> None:
    m = ArgumentMap()
    for i in range(n):
        m.claim(f"c{i}", f"Claim {i}.")
    for kind, a, b in sorted(set(links)):
        if a < n and b < n and a != b:
            m.support(f"c{a}", f"c{b}") if kind == "support" else m.attack(f"c{a}", f"c{b}")
    attacked = {link.target for link in m.links if link.kind == "attack"}
    result = analyze(m, semantics, backend="python")
    for claim_id, status in result.status.items():
        if claim_id not in attacked:
            assert status != "rejected", (claim_id, semantics)
            if result.extensions:  # an odd cycle leaves stable semantics with none at all
                assert status == "accepted", (claim_id, semantics)
