"""The view a diagram draws: its links, junctions and arrow count against plain definitions.

``select`` finds them all in one pass over the links, for speed on big maps; these tests
state what they are one item at a time and compare, on generated maps with undercuts,
linked co-premises, theme filters and focus neighbourhoods.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.model import ArgumentMap, Link
from argmap.render.select import select

from .synthetic import synthetic_map


def reference_links(links: list[Link], claims: set[str]) -> list[Link]:
    # A link is shown when its sources are shown and its target is a shown claim or a shown
    # link; repeat until nothing changes (a link may target one listed after it).
    shown: dict[str, Link] = {}
    changed = True
    while changed:
        changed = False
        for link in links:
            if link.id in shown or not set(link.sources) <= claims:
                continue
            if link.target in claims or link.target in shown:
                shown[link.id] = link
                changed = True
    return [link for link in links if link.id in shown]


def check_view(m: ArgumentMap, **options: object) -> None:
    view = select(m, **options)  # type: ignore[arg-type]
    shown = {c.id for c in view.claims}
    assert view.claim_ids == shown
    links = reference_links(m.links, shown)
    assert view.links == links
    assert view.link_ids == {link.id for link in links}
    targeted = {link.target for link in links}
    junctions = [ln for ln in links if len(ln.sources) > 1 or ln.id in targeted]
    assert view.junctions == junctions
    assert view.arrows == sum(len(ln.sources) for ln in links) + len(junctions)


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(1, 120),
    seed=st.integers(0, 10_000),
    themes=st.none() | st.lists(st.sampled_from([f"t{i}" for i in range(4)]), min_size=1),
    focus=st.none() | st.integers(0, 119),
    depth=st.integers(0, 3),
)
def test_view_matches_its_definition(
    n: int, seed: int, themes: list[str] | None, focus: int | None, depth: int
) -> None:
    m = synthetic_map(n, seed=seed, n_themes=4)
    focus_id = None
    if focus is not None:
        pool = [c.id for c in m.claims if themes is None or set(themes) & set(c.themes)]
        if not pool:
            return
        focus_id = pool[focus % len(pool)]
    check_view(m, themes=themes, focus=focus_id, depth=depth)


def test_a_link_may_target_a_link_listed_after_it() -> None:
    m = ArgumentMap()
    for cid in "abc":
        m.claim(cid, f"Claim {cid}.")
    m.support("a", "b", id="s1")
    m.undercut("c", "s1", id="u1")
    m.links.reverse()  # the undercut now comes before the link it attacks
    view = select(m)
    assert [link.id for link in view.links] == ["u1", "s1"]
    assert [link.id for link in view.junctions] == ["s1"]
    check_view(m)
