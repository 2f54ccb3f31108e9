"""Properties of the outline on any valid map: each claim once in full, cycles safe."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap
from argmap.summary import FORMATS, summarize
from argmap.summary._tree import MAX_LEVELS, build_outline

from ..strategies import argument_maps

CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _component(m: ArgumentMap, root: str) -> set[str]:
    """Claims that reply to ``root`` through any chain of links: a plain fixpoint."""
    reached = {root}
    while True:
        grown = set(reached)
        for link in m.links:
            if link.target in reached:
                grown |= {link.id, *link.sources}
        if grown == reached:
            return reached & {c.id for c in m.claims}
        reached = grown


@settings(max_examples=40, deadline=None)
@given(argument_maps(max_claims=8))
def test_every_claim_once_in_full(m: ArgumentMap) -> None:
    outline = build_outline(m)
    full = Counter(e.claim for e in outline.walk() if e.is_full)
    assert set(full) == {c.id for c in m.claims}
    assert all(n == 1 for n in full.values())
    # Each reference points at the number of the claim's full entry.
    for e in outline.walk():
        if e.ref is not None:
            assert outline.full[e.claim or ""] == e.ref


@settings(max_examples=40, deadline=None)
@given(argument_maps(max_claims=8), st.data())
def test_root_component_once_in_full(m: ArgumentMap, data: st.DataObject) -> None:
    root = data.draw(st.sampled_from([c.id for c in m.claims]))
    outline = build_outline(m, root=root)
    full = Counter(e.claim for e in outline.walk() if e.is_full)
    assert set(full) == _component(m, root)
    assert all(n == 1 for n in full.values())
    # Each link appears at most once: the walk never repeats a reply, so it ends on cycles.
    links = Counter(e.link for e in outline.walk() if e.link is not None)
    assert all(n == 1 for n in links.values())


@settings(max_examples=40, deadline=None)
@given(argument_maps(max_claims=6), st.sampled_from(FORMATS), st.integers(1, 3))
def test_every_format_total_and_deterministic(m: ArgumentMap, fmt: str, depth: int) -> None:
    first = str(summarize(m, fmt, depth=depth, analysis=False))
    assert first.endswith("\n")
    # User text cannot smuggle terminal control sequences into the output.
    assert not CONTROL.search(first)
    assert first == str(summarize(m.model_copy(deep=True), fmt, depth=depth, analysis=False))


@settings(max_examples=40, deadline=None)
@given(argument_maps(max_claims=8), st.integers(1, 4))
def test_depth_limits_levels(m: ArgumentMap, depth: int) -> None:
    outline = build_outline(m, depth=depth)
    assert max(e.depth for e in outline.walk()) <= depth
    # Cut replies are counted, never silently dropped.
    shallow = sum(1 for e in outline.walk() if e.depth == depth)
    assert shallow == 0 or all(not e.children for e in outline.walk() if e.depth == depth)


def test_long_cycle_and_deep_chain() -> None:
    # A ring of 3000 claims: deeper than Python's recursion limit, and with no way out.
    m = ArgumentMap()
    n = 3000
    for i in range(n):
        m.claim(f"c{i}", f"Claim {i}.")
    for i in range(n):
        m.support(f"c{(i + 1) % n}", f"c{i}")
    outline = build_outline(m)
    entries = list(outline.walk())
    assert [e.claim for e in entries if e.is_full] == [f"c{i}" for i in range(n)]
    assert entries[-1].ref == "1"  # the ring closes on a reference to the first claim
    # Each claim once in full, and one reference line per tree: the ring's closing one, and
    # one where each tree too deep to show in place continues under the next root number.
    assert len(str(summarize(m, "outline")).splitlines()) == n + len(outline.roots)
    assert max(e.depth for e in entries) == MAX_LEVELS + 1
    assert [r.continues is not None for r in outline.roots] == [False] + [True] * (
        len(outline.roots) - 1
    )
