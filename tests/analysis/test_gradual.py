"""Gradual strength: worked examples from the definitions, invariants and a reference."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap
from argmap.analysis.gradual import strengths


def star(base: float, supporters: list[float], attackers: list[float]) -> ArgumentMap:
    m = ArgumentMap()
    m.claim("a", "Target.", confidence=base)
    for i, v in enumerate(supporters):
        m.claim(f"sup{i}", "Supporter.", confidence=v)
        m.support(f"sup{i}", "a")
    for i, v in enumerate(attackers):
        m.claim(f"att{i}", "Attacker.", confidence=v)
        m.attack(f"att{i}", "a")
    return m


def test_dfquad_worked_example() -> None:
    # Rago et al. (2016): F(v1..vn) = 1 - prod(1 - vi).
    # supporters 0.8, 0.6: vs = 1 - 0.2 * 0.4 = 0.92; attacker 0.4: va = 0.4
    # vs > va, so sigma = w + (1 - w)(vs - va) = 0.5 + 0.5 * 0.52 = 0.76
    r = strengths(star(0.5, [0.8, 0.6], [0.4]), "dfquad")
    assert r.claims["a"] == pytest.approx(0.76, abs=1e-9)
    # attackers dominate: va = 1 - 0.3 * 0.5 = 0.85, vs = 0.2:
    # sigma = w - w(va - vs) = 0.6 - 0.6 * 0.65 = 0.21
    r = strengths(star(0.6, [0.2], [0.7, 0.5]), "dfquad")
    assert r.claims["a"] == pytest.approx(0.21, abs=1e-9)


def test_dfquad_chain_with_full_strength_attacker() -> None:
    # g (1.0) attacks f (0.5): va = 1 so f = 0.5 - 0.5 * 1 = 0; f then attacks e (0.5) with
    # strength 0, so va = vs = 0 and e keeps its base score 0.5.
    m = ArgumentMap()
    for c, w in (("e", 0.5), ("f", 0.5), ("g", 1.0)):
        m.claim(c, c, confidence=w)
    m.attack("f", "e")
    m.attack("g", "f")
    r = strengths(m, "dfquad")
    assert r.claims["f"] == pytest.approx(0.0, abs=1e-12)
    assert r.claims["e"] == pytest.approx(0.5, abs=1e-12)


def test_quadratic_energy_worked_example() -> None:
    # Potyka (2018): E = 0.8 - 0.4 = 0.4; h(0.4) = 0.16 / 1.16;
    # sigma = 0.5 - 0.5 * h(-0.4) + 0.5 * h(0.4) = 0.5 + 0.08 / 1.16 = 33 / 58
    assert strengths(star(0.5, [0.8], [0.4]), "qe").claims["a"] == pytest.approx(33 / 58, abs=1e-9)
    # one attacker 0.9 on base 0.6: E = -0.9, h(0.9) = 0.81 / 1.81;
    # sigma = 0.6 - 0.6 * 0.81 / 1.81 = 0.6 / 1.81
    assert strengths(star(0.6, [], [0.9]), "qe").claims["a"] == pytest.approx(0.6 / 1.81, abs=1e-9)


def test_euler_worked_example() -> None:
    # Amgoud & Ben-Naim (2018): sigma = 1 - (1 - w^2) / (1 + w e^E), E = 0.8 - 0.4 = 0.4
    # = 1 - 0.75 / (1 + 0.5 * 1.4918247) = 1 - 0.75 / 1.7459123 = 1 - 0.4295748 = 0.5704252
    expected = 1 - 0.75 / (1 + 0.5 * math.exp(0.4))
    got = strengths(star(0.5, [0.8], [0.4]), "euler").claims["a"]
    assert got == pytest.approx(expected, abs=1e-9)
    assert got == pytest.approx(0.5704252, abs=1e-7)


@pytest.mark.parametrize("method", ["dfquad", "qe", "euler"])
def test_no_attackers_or_supporters_keeps_base_score(method: str) -> None:
    m = ArgumentMap()
    m.claim("x", "Alone.", confidence=0.37)
    m.claim("y", "Default.")
    r = strengths(m, method)
    assert r.claims == pytest.approx({"x": 0.37, "y": 0.5}, abs=1e-12)
    assert r.converged


def test_co_premises_pass_the_weakest_and_weights_scale() -> None:
    # min(0.9, 0.3) = 0.3 passes through a weight-1 link: 0.5 + 0.5 * 0.3 = 0.65;
    # with weight 0.5 the link passes 0.15: 0.5 + 0.5 * 0.15 = 0.575
    for weight, expected in ((None, 0.65), (0.5, 0.575)):
        m = ArgumentMap()
        m.claim("t", "T.")
        m.claim("x", "X.", confidence=0.9)
        m.claim("y", "Y.", confidence=0.3)
        fields = {} if weight is None else {"weight": weight}
        m.support(["x", "y"], "t", **fields)
        assert strengths(m, "dfquad").claims["t"] == pytest.approx(expected, abs=1e-9)


def test_undercut_weakens_the_link_not_its_source() -> None:
    # link s1 (weight 1) undercut by u (0.5): s1 = 1 - 1 * 0.5 = 0.5; it passes
    # 0.5 * 0.8 = 0.4, so t = 0.5 + 0.5 * 0.4 = 0.7; the source r keeps 0.8.
    m = ArgumentMap()
    m.claim("t", "T.")
    m.claim("r", "R.", confidence=0.8)
    m.claim("u", "U.")
    link = m.support("r", "t")
    m.undercut("u", link)
    r = strengths(m, "dfquad")
    assert r.links[link] == pytest.approx(0.5, abs=1e-12)
    assert r.claims["t"] == pytest.approx(0.7, abs=1e-9)
    assert r.claims["r"] == pytest.approx(0.8, abs=1e-12)


def test_cycle_converges_to_the_fixpoint() -> None:
    # a and b attack each other, base 0.5: x = 0.5 - 0.5 x has the fixpoint 1/3.
    m = ArgumentMap()
    m.claim("a", "A.")
    m.claim("b", "B.")
    m.attack("a", "b")
    m.attack("b", "a")
    r = strengths(m, "dfquad")
    assert r.converged and r.iterations > 1
    assert r.claims["a"] == pytest.approx(1 / 3, abs=1e-8)


def test_cycle_that_oscillates_is_reported() -> None:
    # base 1.0: x -> 1 - x flips between 1 and 0 for ever.
    m = ArgumentMap()
    m.claim("a", "A.", confidence=1.0)
    m.claim("b", "B.", confidence=1.0)
    m.attack("a", "b")
    m.attack("b", "a")
    r = strengths(m, "dfquad", max_iter=50)
    assert not r.converged and r.iterations == 50
    assert "did not converge" in r._repr_markdown_()


def reference(m: ArgumentMap, method: str) -> dict[str, float]:
    """A slow, scalar, recursive evaluation straight from the formulas (acyclic maps)."""
    memo: dict[str, float] = {}

    def sigma(node: str) -> float:
        if node in memo:
            return memo[node]
        if node in {c.id for c in m.claims}:
            c = m.get_claim(node)
            w = 0.5 if c.confidence is None else c.confidence
        else:
            link = m.get_link(node)
            w = 1.0 if link.weight is None else link.weight
        att, sup = [], []
        for link in m.links:
            if link.target == node:
                v = sigma(link.id) * min(sigma(s) for s in link.sources)
                (att if link.kind == "attack" else sup).append(v)
        if not att and not sup:
            value = w
        elif method == "dfquad":
            va = 1 - math.prod(1 - v for v in att)
            vs = 1 - math.prod(1 - v for v in sup)
            value = w - w * (va - vs) if va >= vs else w + (1 - w) * (vs - va)
        else:
            e = sum(sup) - sum(att)
            if method == "qe":
                h = lambda x: max(x, 0) ** 2 / (1 + max(x, 0) ** 2)  # noqa: E731
                value = w - w * h(-e) + (1 - w) * h(e)
            else:
                value = 1 - (1 - w * w) / (1 + w * math.exp(e))
        memo[node] = value
        return value

    return {c.id: sigma(c.id) for c in m.claims}


@st.composite
def acyclic_maps(draw: st.DrawFn) -> ArgumentMap:
    n = draw(st.integers(1, 9))
    m = ArgumentMap()
    for i in range(n):
        m.claim(f"c{i}", f"Claim {i}.", confidence=draw(st.sampled_from([None, 0.0, 0.3, 1.0])))
    for _ in range(draw(st.integers(0, 14))):
        t = draw(st.integers(0, n - 1))
        if t == n - 1:
            continue
        srcs = draw(st.sets(st.integers(t + 1, n - 1), min_size=1, max_size=2))
        kind = draw(st.sampled_from(["support", "attack"]))
        weight = draw(st.sampled_from([None, 0.5]))
        fields = {} if weight is None else {"weight": weight}
        getattr(m, kind)([f"c{s}" for s in sorted(srcs)], f"c{t}", **fields)
    return m


@settings(max_examples=60, deadline=None)
@given(m=acyclic_maps(), method=st.sampled_from(["dfquad", "qe", "euler"]))
def test_vectorised_levels_match_the_scalar_reference(m: ArgumentMap, method: str) -> None:
    got = strengths(m, method)
    assert got.converged and got.iterations == 1
    assert got.claims == pytest.approx(reference(m, method), abs=1e-12)
    assert all(0.0 <= v <= 1.0 for v in got.claims.values())


def test_unknown_method() -> None:
    with pytest.raises(ValueError, match="unknown method"):
        strengths(ArgumentMap(), "hcat")
