"""The model's types and the builder API."""

from __future__ import annotations

import pytest

import argmap
from argmap import ArgumentMap, MapValidationError
from argmap.model import Claim, Link


def small_map() -> ArgumentMap:
    m = ArgumentMap(title="Homework", question="Should homework be banned?")
    m.claim("ban", "Homework should be banned.", kind="position")
    m.claim("stress", "Homework causes stress.", themes=["wellbeing"], asserted_by=["students"])
    m.claim("sleep", "Stress costs sleep.")
    m.claim("practice", "Practice needs time outside class.")
    return m


def test_builder_returns_ids_and_numbers_links() -> None:
    m = small_map()
    assert m.support(["stress", "sleep"], "ban") == "s1"
    assert m.attack("practice", "ban") == "a1"
    m.claim("doubt", "Stress need not follow from homework.")
    assert m.undercut("doubt", "s1") == "u1"
    assert m.get_link("u1").target == "s1"
    assert m.get_link("s1").sources == ["stress", "sleep"]


def test_builder_declares_themes_and_perspectives() -> None:
    m = small_map()
    assert [(t.id, t.label) for t in m.themes] == [("wellbeing", "wellbeing")]
    assert [p.id for p in m.perspectives] == ["students"]
    m.add_theme("wellbeing", "Wellbeing", color="#009E73")
    assert [(t.id, t.label, t.color) for t in m.themes] == [("wellbeing", "Wellbeing", "#009E73")]


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda m: m.claim("ban", "Again."), "AM100"),
        (lambda m: m.claim("bad id", "Text."), "AM014"),
        (lambda m: m.claim("empty", "  "), "AM019"),
        (lambda m: m.claim("c", "Text.", confidence=2.0), "AM013"),
        (lambda m: m.claim("c", "Text.", kind="thesis"), "AM015"),
        (lambda m: m.support("nobody", "ban"), "AM101"),
        (lambda m: m.support("stress", "nowhere"), "AM101"),
        (lambda m: m.support("stress", "stress"), "AM102"),
        (lambda m: m.undercut("stress", "ban"), "AM101"),
        (lambda m: m.support([], "ban"), "AM018"),
        (lambda m: m.attack("stress", "ban", weight=-1.0), "AM013"),
    ],
)
def test_builder_validates_as_it_goes(call, code: str) -> None:  # type: ignore[no-untyped-def]
    m = small_map()
    before = m.model_copy(deep=True)
    with pytest.raises(MapValidationError) as info:
        call(m)
    assert info.value.codes == [code]
    assert m == before  # a rejected call changes nothing


def test_builder_error_paths_point_at_the_new_item() -> None:
    m = small_map()
    with pytest.raises(MapValidationError) as info:
        m.claim("c", "Text.", quotes=[{"source": "s", "start": -1, "end": 3, "text": "abc"}])
    assert info.value.problems[0].path == "claims[4].quotes[0].start"


def test_explicit_link_ids_and_fields() -> None:
    m = small_map()
    link_id = m.support("stress", "ban", id="because", scheme="causal_argument", weight=0.7)
    assert link_id == "because"
    link = m.get_link("because")
    assert (link.scheme, link.weight) == ("causal_argument", 0.7)


def test_generated_ids_skip_taken_ones() -> None:
    m = small_map()
    m.support("stress", "ban", id="s1x")
    m.claim("s1", "A claim that took the id s1.")
    assert m.support("sleep", "ban") == "s2"


def test_lookups() -> None:
    m = small_map()
    assert isinstance(m.get_claim("ban"), Claim)
    assert "ban" in m and "zzz" not in m
    with pytest.raises(KeyError, match="no claim"):
        m.get_claim("zzz")
    m.support("stress", "ban")
    assert isinstance(m.get_link("s1"), Link)
    with pytest.raises(KeyError, match="no link"):
        m.get_link("ban")


def test_index_follows_direct_list_edits() -> None:
    m = small_map()
    m.claims.append(Claim(id="direct", text="Added without the builder."))
    assert m.get_claim("direct").text == "Added without the builder."
    with pytest.raises(MapValidationError):
        m.claim("direct", "Clash.")


def test_claim_label_prefers_title() -> None:
    assert Claim(id="a", text="Long text.", title="Short").label == "Short"
    assert Claim(id="a", text="Long text.").label == "Long text."


def test_equality_ignores_the_cache() -> None:
    a, b = small_map(), small_map()
    a.get_claim("ban")  # builds a's cache only
    assert a == b
    b.claim("extra", "More.")
    assert a != b


def test_public_api_is_listed() -> None:
    for name in argmap.__all__:
        assert hasattr(argmap, name), name


def test_rejected_link_does_not_use_up_a_number() -> None:
    m = small_map()
    with pytest.raises(MapValidationError):
        m.support("stress", "nowhere")
    assert m.support("stress", "ban") == "s1"
    assert m.support("sleep", "ban") == "s2"
