"""Hypothesis strategies for valid argument maps (shared by round-trip tests)."""

from __future__ import annotations

from hypothesis import strategies as st

from argmap import ArgumentMap
from argmap.model import Claim, Link, Perspective, Quote, Source, Theme

slugs = st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True)
# Any text a user might type, control characters, markup and right-to-left included.
texts = st.text(min_size=1, max_size=40).filter(lambda s: s.strip() != "")
units = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
CLAIM_KINDS = ["position", "claim", "evidence", "assumption"]
BASES = ["statistic", "testimony", "example", "quote", None]


@st.composite
def argument_maps(draw: st.DrawFn, max_claims: int = 8) -> ArgumentMap:
    """A valid map: unique ids, resolving references, quotes that match their offsets."""
    ids = draw(st.lists(slugs, min_size=1, max_size=max_claims * 2, unique=True))
    n_claims = draw(st.integers(1, max(1, min(max_claims, len(ids)))))
    claim_ids, link_pool = ids[:n_claims], ids[n_claims:]
    themes = [Theme(id=f"t{i}", label=draw(texts)) for i in range(draw(st.integers(0, 3)))]
    people = [Perspective(id=f"p{i}", label=draw(texts)) for i in range(draw(st.integers(0, 2)))]
    sources = [Source(id="src", title=draw(texts))] if draw(st.booleans()) else []
    claims = [
        Claim(
            id=cid,
            text=draw(texts),
            title=draw(st.none() | texts),
            kind=draw(st.sampled_from(CLAIM_KINDS)),
            basis=draw(st.sampled_from(BASES)),
            themes=draw(st.lists(st.sampled_from([t.id for t in themes]), unique=True))
            if themes
            else [],
            asserted_by=draw(st.lists(st.sampled_from([p.id for p in people]), unique=True))
            if people
            else [],
            quotes=[_quote(draw)] if sources and draw(st.booleans()) else [],
            confidence=draw(st.none() | units),
            note=draw(st.none() | texts),
        )
        for cid in claim_ids
    ]
    links: list[Link] = []
    for lid in link_pool:
        if len(claim_ids) < 2:
            break
        target_pool = claim_ids + [link.id for link in links]
        target = draw(st.sampled_from(target_pool))
        choices = [c for c in claim_ids if c != target]
        sources_ = draw(st.lists(st.sampled_from(choices), min_size=1, max_size=3, unique=True))
        links.append(
            Link(
                id=lid,
                kind=draw(st.sampled_from(["support", "attack"])),
                sources=sources_,
                target=target,
                weight=draw(st.none() | units),
                scheme=draw(st.none() | slugs),
            )
        )
    return ArgumentMap(
        title=draw(st.text(max_size=20)),
        question=draw(st.text(max_size=20)),
        description=draw(st.text(max_size=20)),
        sources=sources,
        themes=themes,
        perspectives=people,
        claims=claims,
        links=links,
    )


def _quote(draw: st.DrawFn) -> Quote:
    text = draw(texts)
    start = draw(st.integers(0, 1000))
    return Quote(source="src", start=start, end=start + len(text), text=text)
