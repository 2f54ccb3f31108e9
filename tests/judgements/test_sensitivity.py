"""The class's ratings as base scores of the gradual semantics, checked with argmap.strengths."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapError
from argmap.judgements import Judgement, ratings_from_rows

from .helpers import CLAIMS, LINKS, homework_map

METHODS = ("dfquad", "qe", "euler")


def with_class_scores(j: Judgement, changed: dict[str, float] | None = None) -> argmap.ArgumentMap:
    """The map with each rated claim's confidence (link's weight) set to the class's mean,
    rescaled: the oracle, built through the public model."""
    m = j.map.model_copy(deep=True)
    base = {s.id: j.scale.rescale(s.mean) for s in j.items if s.mean is not None}
    base.update(changed or {})
    for c in m.claims:
        if c.id in base:
            c.confidence = base[c.id]
    for link in m.links:
        if link.id in base:
            link.weight = base[link.id]
    return m


rows = st.lists(
    st.tuples(
        st.sampled_from(["ann", "bo", "cy"]),
        st.sampled_from(CLAIMS + LINKS),
        st.sampled_from([0, 1, 2, 3, 4, 2.5]),
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=40, deadline=None)
@given(rows=rows, method=st.sampled_from(METHODS))
def test_class_strengths_are_the_gradual_semantics_on_the_class_scores(
    rows: list[tuple[str, str, float]], method: str
) -> None:
    m = homework_map()
    j = argmap.judge(m, ratings_from_rows(rows, m))
    c = j.strengths(method)
    by_map = argmap.strengths(m, method).claims
    by_class = argmap.strengths(with_class_scores(j), method).claims
    assert [p.id for p in c.positions] == ["ban", "keep"]
    for p in c.positions:
        assert p.map_strength == pytest.approx(by_map[p.id], abs=1e-12)
        assert p.class_strength == pytest.approx(by_class[p.id], abs=1e-12)
        assert p.change == pytest.approx(by_class[p.id] - by_map[p.id], abs=1e-12)


@settings(max_examples=25, deadline=None)
@given(rows=rows, method=st.sampled_from(METHODS))
def test_each_effect_is_one_rating_moved_one_point(
    rows: list[tuple[str, str, float]], method: str
) -> None:
    m = homework_map()
    j = argmap.judge(m, ratings_from_rows(rows, m))
    c = j.strengths(method)
    by_class = argmap.strengths(with_class_scores(j), method).claims
    for p in c.positions:
        assert p.id not in [e.item for e in p.effects]  # its own rating is left out
        for e in p.effects:
            mean = j[e.item].mean
            assert mean is not None
            up = j.scale.rescale(min(mean + 1, 4))
            down = j.scale.rescale(max(mean - 1, 0))
            raised = argmap.strengths(with_class_scores(j, {e.item: up}), method).claims[p.id]
            lowered = argmap.strengths(with_class_scores(j, {e.item: down}), method).claims[p.id]
            assert e.up == pytest.approx(raised - by_class[p.id], abs=1e-12)
            assert e.down == pytest.approx(lowered - by_class[p.id], abs=1e-12)
        sizes = [abs(e.largest) for e in p.effects]
        assert sizes == sorted(sizes, reverse=True)


def test_the_most_sensitive_claim_is_the_one_that_moves_the_position_most() -> None:
    m = homework_map()
    # The class finds 'practice' (against banning) middling and 'stress' strong.
    rows = [(r, "practice", 2) for r in "abcd"] + [(r, "stress", 4) for r in "abcd"]
    rows += [(r, "sleep", 3) for r in "abcd"]
    c = argmap.judge(m, rows).strengths("dfquad")
    ban = c.positions[0]
    assert ban.id == "ban" and ban.most_sensitive is not None
    # Checked by brute force: which single claim, moved one point, moves 'ban' most.
    j = argmap.judge(m, rows)
    base = argmap.strengths(with_class_scores(j), "dfquad").claims["ban"]
    swings = {}
    for item in ("practice", "stress", "sleep"):
        mean = j[item].mean or 0.0
        for moved in (min(mean + 1, 4), max(mean - 1, 0)):
            value = argmap.strengths(with_class_scores(j, {item: moved / 4}), "dfquad").claims[
                "ban"
            ]
            swings[item] = max(swings.get(item, 0.0), abs(value - base))
    assert ban.most_sensitive.item == max(swings, key=lambda k: swings[k])


def test_a_step_of_two_points_and_bad_arguments() -> None:
    m = homework_map()
    j = argmap.judge(m, [("a", "practice", 2), ("b", "practice", 2)])
    one = j.strengths("dfquad").positions[0].effects[0]
    two = j.strengths("dfquad", step=2).positions[0].effects[0]
    assert abs(two.largest) > abs(one.largest)
    with pytest.raises(ArgmapError, match="no gradual method 'dfqad'"):
        j.strengths("dfqad")
    with pytest.raises(ArgmapError, match="positive number"):
        j.strengths("dfquad", step=0)


def test_a_map_without_positions_uses_its_conclusions() -> None:
    m = argmap.ArgumentMap()
    m.claim("t", "Thesis.")
    m.claim("r", "Reason.")
    m.support("r", "t")
    c = argmap.judge(m, [("a", "r", 4)]).strengths()
    assert [p.id for p in c.positions] == ["t"]
    assert c.positions[0].most_sensitive is not None
    assert c.positions[0].most_sensitive.item == "r"


def test_only_what_leads_to_a_position_is_moved_and_big_maps_are_skipped() -> None:
    m = homework_map()
    m.claim("aside", "A claim on its own.")
    j = argmap.judge(m, [("a", "aside", 4), ("a", "stress", 1), ("b", "stress", 3)])
    c = j.strengths()
    assert c.skipped is None
    assert all(e.item != "aside" for p in c.positions for e in p.effects)
    # 1 moved rating x 2 ways x 11 claims and links = 22 evaluations of a node
    small = j.strengths(budget=21)
    assert small.skipped is not None and "moving 1 rating in" in small.skipped
    assert "2 evaluations of the whole map" in small.skipped
    assert all(p.effects == [] for p in small.positions)
    assert small.positions[0].class_strength == c.positions[0].class_strength
