"""Link verdicts: each kind, exactly, on the test class and on small maps."""

from __future__ import annotations

import argmap
from argmap.classroom import Reference, compare

from .conftest import CLASS


def verdicts(result: argmap.classroom.Comparison) -> list[tuple[str | None, str | None, str]]:
    return [(v.reference, v.student, v.verdict) for v in result.links if v.verdict != "ok"]


def test_every_kind_of_link_error(reference: Reference) -> None:
    result = reference.compare(CLASS / "bob-link-errors.json")
    assert verdicts(result) == [
        ("s-getting-by-solidarity", "my-s-getting-by-solidarity-1", "wrong-kind"),
        ("s-loyalty-not-free", "my-s-loyalty-not-free-1", "wrong-direction"),
        ("s-bureaucracy-structural", "my-s-bureaucracy-structural-1", "merged-premises"),
        ("s-democracy-structural", "my-s-bureaucracy-structural-1", "merged-premises"),
        ("s-state-capitalism-definition", "my-s-state-capitalism-definition-1", "split-premises"),
        ("s-state-capitalism-definition", "my-s-state-capitalism-definition-2", "split-premises"),
        ("s-state-capitalism-definition", "my-s-state-capitalism-definition-3", "split-premises"),
        ("s-shortages-label", "my-s-shortages-label-1", "wrong-target"),
        ("s-warning-ask", None, "missing"),
        (None, "my-extra", "extra"),
    ]
    ok = {v.reference: v.student for v in result.links if v.verdict == "ok"}
    # The warrant and the undercut target links: they pair through the links they target.
    assert ok["s-comparable-warrant"] == "my-s-comparable-warrant"
    assert ok["u-record-not-proof"] == "my-u-record-not-proof"
    assert len(ok) == 34 - 7
    assert result.link_errors == 9
    assert [(k.reference, k.expected, k.found) for k in result.kinds] == [
        ("e-informing", "evidence", "claim")
    ]


def small_reference() -> argmap.ArgumentMap:
    ref = argmap.ArgumentMap()
    for cid in ("p", "a", "b", "c"):
        ref.claim(cid, f"Reference claim {cid} about {cid * 3}.")
    ref.support(["a", "b"], "p", id="ab")
    ref.attack("c", "p", id="cp")
    return ref


def student(*links: tuple[str, list[str], str]) -> argmap.ArgumentMap:
    m = argmap.ArgumentMap()
    for cid in ("p", "a", "b", "c"):
        m.claim(f"my{cid}", f"Reference claim {cid} about {cid * 3}.")
    for i, (kind, sources, target) in enumerate(links):
        getattr(m, kind)([f"my{s}" for s in sources], f"my{target}", id=f"k{i}")
    return m


def test_ok_and_missing() -> None:
    result = compare(student(("support", ["a", "b"], "p")), small_reference())
    assert [(v.reference, v.student, v.verdict) for v in result.links] == [
        ("ab", "k0", "ok"),
        ("cp", None, "missing"),
    ]


def test_wrong_kind_and_wrong_direction() -> None:
    result = compare(student(("support", ["c"], "p"), ("attack", ["p"], "a")), small_reference())
    # An arrow from the conclusion back to one of its premises is turned round.
    assert verdicts(result) == [("ab", "k1", "wrong-direction"), ("cp", "k0", "wrong-kind")]
    reversed_ = compare(student(("attack", ["p"], "c")), small_reference())
    assert verdicts(reversed_) == [("ab", None, "missing"), ("cp", "k0", "wrong-direction")]


def test_wrong_target_needs_a_target_the_reference_has() -> None:
    result = compare(student(("attack", ["c"], "a")), small_reference())
    assert verdicts(result) == [("ab", None, "missing"), ("cp", "k0", "wrong-target")]


def test_split_and_merged_premises() -> None:
    split = compare(student(("support", ["a"], "p"), ("support", ["b"], "p")), small_reference())
    assert verdicts(split)[:2] == [("ab", "k0", "split-premises"), ("ab", "k1", "split-premises")]
    ref = argmap.ArgumentMap()
    for cid in ("p", "a", "b"):
        ref.claim(cid, f"Reference claim {cid} about {cid * 3}.")
    ref.support("a", "p", id="ap")
    ref.support("b", "p", id="bp")
    mine = argmap.ArgumentMap()
    for cid in ("p", "a", "b"):
        mine.claim(f"my{cid}", f"Reference claim {cid} about {cid * 3}.")
    mine.support(["mya", "myb"], "myp", id="k0")
    merged = compare(mine, ref)
    assert verdicts(merged) == [("ap", "k0", "merged-premises"), ("bp", "k0", "merged-premises")]
    # One split part drawn with the other kind joins the split as a kind error.
    mixed = compare(student(("support", ["a"], "p"), ("attack", ["b"], "p")), small_reference())
    assert verdicts(mixed)[:2] == [("ab", "k0", "split-premises"), ("ab", "k1", "wrong-kind")]


def test_a_link_from_an_unpaired_claim_is_extra() -> None:
    mine = student()
    mine.claim("own", "Something the article never says about zebras.")
    mine.support("own", "myp", id="k9")
    result = compare(mine, small_reference())
    assert verdicts(result) == [
        ("ab", None, "missing"),
        ("cp", None, "missing"),
        (None, "k9", "extra"),
    ]
