"""Maps for format round trips: every field filled, with text that is hostile to formats.

Built on ``tests/strategies.py`` (its slugs and units), with more: texts made of what starts
comments, escapes, tags, data, line breaks and Kialo numbers in the formats; ids that look
like the ids readers make (``s1``, ``1``, ``statement``); undercuts and warrants; every
optional field, including empty strings where the schema allows them.
"""

from __future__ import annotations

from hypothesis import strategies as st

from argmap import ArgumentMap
from argmap.model import Claim, Link, Perspective, Quote, Source, Theme

from ..strategies import BASES, CLAIM_KINDS, slugs, units

_HOSTILE = [
    *"/*<!->{}#[]\\ \n\t\r_:()1.aZ\"'@,+|=`~%&$",
    "//",
    "/*",
    "*/",
    "<!--",
    "-->",
    " // ",
    "-> See 1.",
    "1.1. Pro: ",
    "Sources:",
    "===",
    "\u2028",
    "\x85",
    "\x00",
    "\x1c",
    "\x0b",
    "\u202e",
    "\ufeff",
    "é",
    "😀",
    "Untitled 1",
]
#: Any text a user might type, and much they would not: every character but surrogates.
texts = st.lists(
    st.sampled_from(_HOSTILE) | st.characters(exclude_categories=("Cs",)), min_size=1, max_size=12
).map("".join)
non_blank = texts.filter(lambda s: s.strip() != "")
maybe_text = st.none() | st.just("") | texts
ids = slugs | st.sampled_from(
    ["1", "0", "s1", "a1", "u1", "statement", "Untitled-1", "x_y", "a" * 200]
)
schemes = slugs | st.sampled_from(["cause_to_effect", "Expert_Opinion", "a-b_c"])


@st.composite
def rich_maps(draw: st.DrawFn, max_claims: int = 6) -> ArgumentMap:
    """A valid map with every kind of item and field, hostile texts in every text field."""
    names = draw(st.lists(ids, min_size=1, max_size=3 * max_claims, unique=True))
    n = draw(st.integers(1, min(max_claims, len(names))))
    claim_ids, rest = names[:n], names[n:]
    themes = [
        Theme(id=i, label=draw(non_blank), description=draw(maybe_text), color=draw(_colors))
        for i in draw(st.lists(ids, max_size=3, unique=True))
    ]
    people = [
        Perspective(id=i, label=draw(non_blank), description=draw(maybe_text))
        for i in draw(st.lists(ids, max_size=3, unique=True))
    ]
    sources = [
        Source(
            id=i,
            title=draw(non_blank),
            author=draw(maybe_text),
            url=draw(maybe_text),
            path=draw(maybe_text),
            sha256=draw(st.none() | st.just("ab" * 32)),
        )
        for i in draw(st.lists(ids, max_size=2, unique=True))
    ]
    claims = [_claim(draw, cid, themes, people, sources) for cid in claim_ids]
    links: list[Link] = []
    for lid in rest:
        if len(claim_ids) < 2:
            break
        target = draw(st.sampled_from(claim_ids + [x.id for x in links]))
        pool = [c for c in claim_ids if c != target]
        links.append(
            Link(
                id=lid,
                kind=draw(st.sampled_from(["support", "attack"])),
                sources=draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True)),
                target=target,
                scheme=draw(st.none() | schemes),
                weight=draw(st.none() | units),
                note=draw(maybe_text),
            )
        )
    return ArgumentMap(
        title=draw(st.just("") | texts),
        question=draw(st.just("") | texts),
        description=draw(st.just("") | texts),
        sources=sources,
        themes=themes,
        perspectives=draw(st.permutations(people)),
        claims=claims,
        links=links,
    )


_colors = st.none() | st.sampled_from(["#c00", "#1A2b3C"])


def _claim(
    draw: st.DrawFn,
    cid: str,
    themes: list[Theme],
    people: list[Perspective],
    sources: list[Source],
) -> Claim:
    quotes = []
    for _ in range(draw(st.integers(0, 2)) if sources else 0):
        text = draw(non_blank)
        start = draw(st.integers(0, 10**6))
        source = draw(st.sampled_from([s.id for s in sources]))
        quotes.append(Quote(source=source, start=start, end=start + len(text), text=text))
    return Claim(
        id=cid,
        text=draw(non_blank),
        title=draw(maybe_text),
        kind=draw(st.sampled_from(CLAIM_KINDS)),
        basis=draw(st.sampled_from(BASES)),
        themes=draw(st.lists(st.sampled_from([t.id for t in themes]), unique=True))
        if themes
        else [],
        asserted_by=draw(st.lists(st.sampled_from([p.id for p in people]), unique=True))
        if people
        else [],
        quotes=quotes,
        confidence=draw(st.none() | units),
        note=draw(maybe_text),
    )
