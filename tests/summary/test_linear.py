"""Summaries and the report grow in proportion to the map, whatever its shape.

A 5,000-claim chain once made a 100 MB summary: every entry repeated the numbers and
indents of all the entries above it. Each test here doubles a map of one hostile shape and
checks that the output doubles too (a ratio near 2, where a quadratic text gives 4). Sizes
are exact and machine-independent, unlike times.
"""

from __future__ import annotations

from collections.abc import Callable
from unittest import mock

import pytest
from hypothesis import given, settings

from argmap import ArgumentMap
from argmap.report import html_report
from argmap.summary import FORMATS, _tree, summarize
from argmap.summary._tree import MAX_LEVELS, build_outline

from ..strategies import argument_maps


def _claim(i: int, **extra: object) -> dict[str, object]:
    return {"id": f"c{i}", "text": f"Claim number {i} of this map.", **extra}


def chain(n: int) -> ArgumentMap:
    """c1 supports c0, c2 attacks c1, c3 supports c2, ...: one branch n claims deep."""
    links = [
        {
            "id": f"l{i}",
            "kind": "attack" if i % 3 == 0 else "support",
            "sources": [f"c{i}"],
            "target": f"c{i - 1}",
        }
        for i in range(1, n)
    ]
    claims = [_claim(0, kind="position"), *(_claim(i) for i in range(1, n))]
    return ArgumentMap.model_validate({"title": "Chain", "claims": claims, "links": links})


def undercut_chain(n: int) -> ArgumentMap:
    """A reason, then links on links: each claim undercuts or backs the link before it."""
    claims = [_claim(0, kind="position"), *(_claim(i) for i in range(1, n))]
    links = [{"id": "l1", "kind": "support", "sources": ["c1"], "target": "c0"}]
    for i in range(2, n):
        kind = "attack" if i % 2 == 0 else "support"
        links.append({"id": f"l{i}", "kind": kind, "sources": [f"c{i}"], "target": f"l{i - 1}"})
    return ArgumentMap.model_validate({"title": "Links on links", "claims": claims, "links": links})


def reference_chain(n: int) -> ArgumentMap:
    """Two claims and n links on links between them: every entry below the first two is a
    reference whose link has a reply, so the branch goes deep without new claims."""
    claims = [_claim(0, kind="position"), _claim(1)]
    links = [{"id": "l1", "kind": "support", "sources": ["c1"], "target": "c0"}]
    for i in range(2, n):
        kind = "attack" if i % 2 == 0 else "support"
        links.append({"id": f"l{i}", "kind": kind, "sources": [f"c{i % 2}"], "target": f"l{i - 1}"})
    return ArgumentMap.model_validate({"title": "References", "claims": claims, "links": links})


def linked_premises(n: int) -> ArgumentMap:
    """One support with n - 1 co-premises: each premise is 'together with' all the others."""
    claims = [_claim(0, kind="position"), *(_claim(i) for i in range(1, n))]
    link = {
        "id": "l1",
        "kind": "support",
        "sources": [f"c{i}" for i in range(1, n)],
        "target": "c0",
    }
    return ArgumentMap.model_validate({"title": "Linked", "claims": claims, "links": [link]})


def named_things(n: int) -> ArgumentMap:
    """n claims, each with its own theme, perspective and quoted source."""
    claims = [_claim(0, kind="position")]
    links = []
    for i in range(1, n):
        quote = {"source": f"s{i}", "start": 0, "end": 5, "text": "Claim"}
        claims.append(_claim(i, themes=[f"t{i}"], asserted_by=[f"p{i}"], quotes=[quote]))
        links.append({"id": f"l{i}", "kind": "support", "sources": [f"c{i}"], "target": "c0"})
    return ArgumentMap.model_validate(
        {
            "title": "Named",
            "themes": [{"id": f"t{i}", "label": f"Theme {i}"} for i in range(1, n)],
            "perspectives": [{"id": f"p{i}", "label": f"Person {i}"} for i in range(1, n)],
            "sources": [{"id": f"s{i}", "title": f"Source {i}"} for i in range(1, n)],
            "claims": claims,
            "links": links,
        }
    )


SHAPES: dict[str, Callable[[int], ArgumentMap]] = {
    "chain": chain,
    "undercut-chain": undercut_chain,
    "reference-chain": reference_chain,
    "linked-premises": linked_premises,
    "named-things": named_things,
}


def _size(m: ArgumentMap, fmt: str) -> int:
    if fmt == "report":
        return len(html_report(m, diagram=False, analysis=False).encode())
    return len(summarize(m, fmt, analysis=False).encode())


@pytest.mark.parametrize("fmt", [*FORMATS, "report"])
@pytest.mark.parametrize("shape", list(SHAPES))
def test_output_grows_linearly(shape: str, fmt: str) -> None:
    small, large = (_size(SHAPES[shape](n), fmt) for n in (1000, 2000))
    assert large / small < 2.3, (small, large)
    if fmt != "brief" or shape in ("linked-premises", "named-things"):
        # The brief tells of positions and what answers them directly: a chain adds nothing.
        assert large / small > 1.8, (small, large)


def test_the_five_thousand_claim_chain_of_the_issue() -> None:
    # 100 MB (summary) and 57 MB (report) before; now a few hundred bytes a claim.
    m = chain(5000)
    for fmt in FORMATS:
        assert len(summarize(m, fmt).encode()) < 5000 * 250, fmt
    assert len(html_report(m, diagram=False).encode()) < 5000 * 700


def test_deep_branches_continue_under_new_numbers() -> None:
    outline = build_outline(chain(25))
    assert [r.number for r in outline.roots] == ["1", "2", "3"]
    assert max(e.depth for e in outline.walk()) == MAX_LEVELS + 1
    text = summarize(chain(25), "outline")
    assert "1.1.1.1.1.1.1.1.1.1.1. Pro: Claim number 10 of this map. (see 2.)" in text
    assert "\n2. Claim number 10 of this map. (continued from 1.1.1.1.1.1.1.1.1.1.1.)\n" in text
    assert "\n  2.1. Pro: Claim number 11 of this map.\n" in text


def test_continued_links_keep_their_warrants_and_undercuts() -> None:
    text = summarize(undercut_chain(14), "outline")
    assert "Undercut: Claim number 10 of this map. (see 2.)" in text
    assert "\n2. Claim number 10 of this map. (continued from" in text
    # The warrant of the link from claim 10 is listed under the root that continues it.
    assert "\n  2.1. Warrant: Claim number 11 of this map.\n" in text


def test_chains_of_references_continue_too() -> None:
    # No new claim below the second level: references whose links have replies.
    text = summarize(reference_chain(30), "outline")
    assert "(continued at 2.)" in text
    assert "\n2. Claim number" in text and "(see 1.) (continued from" in text
    assert max(len(line) - len(line.lstrip()) for line in text.splitlines()) <= 2 * MAX_LEVELS
    md = summarize(reference_chain(30), "md", analysis=False)
    assert "### 2. Claim number" in md and "*Continued from 1.1.1.1.1.1.1.1.1.1.1.*" in md


def test_depth_limit_counts_levels_across_continuations() -> None:
    # 15 levels asked for: the continued tree shows 15 - 10 = 5 levels, then counts the rest.
    outline = build_outline(chain(40), depth=15)
    shown = [e.claim for e in outline.walk() if e.is_full]
    assert shown == [f"c{i}" for i in range(15)]
    assert sum(e.hidden for e in outline.walk()) == 1


def test_long_description_names_few_co_premises_per_sentence() -> None:
    text = summarize(linked_premises(50), "long")
    assert "together with “Claim number 2 of this map”" in text
    assert "and 43 more." in text
    assert "“Claim number 6 of this map” and 43 more" in text


@settings(max_examples=40, deadline=None)
@given(argument_maps(max_claims=10))
def test_continuing_keeps_every_claim_once_in_full(m: ArgumentMap) -> None:
    # With a tiny limit, continuation happens in ordinary maps too: the outline's promises
    # (every claim once in full, references to the full entry's number) still hold.
    with mock.patch.object(_tree, "MAX_LEVELS", 2):
        outline = build_outline(m)
    entries = list(outline.walk())
    full = [e.claim for e in entries if e.is_full]
    assert sorted(full) == sorted(c.id for c in m.claims)
    assert all(outline.full[e.claim or ""] == e.ref for e in entries if e.ref is not None)
    assert max(e.depth for e in entries) <= 2 + 2  # a reference, or a group's premise
    numbers = [e.number for e in entries]
    assert len(numbers) == len(set(numbers))
