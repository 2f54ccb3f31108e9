"""Maps with argumentation schemes and answered critical questions, for several tests."""

from __future__ import annotations

from hypothesis import strategies as st

from argmap import ArgumentMap
from argmap.model import AnsweredQuestion
from argmap.schemes import catalogue

from ..strategies import argument_maps

SCHEME_IDS = [s.id for s in catalogue()]


@st.composite
def maps_with_schemes(draw: st.DrawFn, max_claims: int = 8) -> ArgumentMap:
    """A valid map whose links name catalogue schemes and record answered questions, each
    answered by a claim or link of the map."""
    m = draw(argument_maps(max_claims=max_claims))
    ids = [c.id for c in m.claims] + [link.id for link in m.links]
    for link in m.links:
        link.scheme = None  # the base strategy's random names are tested elsewhere
        if not draw(st.booleans()):
            continue
        scheme = catalogue().get(draw(st.sampled_from(SCHEME_IDS)))
        link.scheme = scheme.id
        picked = draw(st.lists(st.sampled_from([q.id for q in scheme.questions]), max_size=3))
        answers = [AnsweredQuestion(question=q, by=draw(st.sampled_from(ids))) for q in picked]
        link.answered = answers or None
    return m


def expert_map() -> ArgumentMap:
    """An expert-opinion argument with all three premises, an undercut and a rebuttal."""
    m = ArgumentMap(title="Sunscreen")
    m.claim("expert", "Dr Lee is a dermatologist.")
    m.claim("says", "Dr Lee says sunscreen prevents skin cancer.")
    m.claim("field", "Skin cancer is a question of dermatology.")
    m.claim("safe", "Sunscreen prevents skin cancer.", kind="position")
    m.claim("paid", "Dr Lee is paid by a sunscreen maker.")
    m.claim("study", "A large study found no effect.")
    m.support(["expert", "says", "field"], "safe", id="s1", scheme="expert-opinion")
    m.undercut("paid", "s1", id="u1")
    m.attack("study", "safe", id="a1")
    return m
