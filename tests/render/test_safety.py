"""Hostile claim texts and ids never become DOT, HTML-like label, SVG or Mermaid syntax.

Each check parses what was produced (``dot -Tjson``, an XML parser, a strict Mermaid reader)
and compares node set, edge set and every label with the map.
"""

from __future__ import annotations

import itertools
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, RenderError, to_dot, to_mermaid
from argmap.model import Claim
from argmap.render import to_svg
from argmap.render.quoting import HTML_SPECIAL, display_text, has_html_special

from .helpers import (
    dot_json,
    expected_graph,
    needs_dot,
    parse_mermaid,
    parse_svg,
    squash,
    svg_groups,
    svg_texts,
    svg_title,
    text_cell,
)

HOSTILE_TEXTS = [
    'He said "stop" and left.',
    "C:\\path\\to\\file ends with a backslash \\",
    "Escapes \\N \\G \\l \\n \\r \\E \\T \\H \\L stay literal",
    "<B>not bold</B>",
    "<<TABLE><TR><TD>x</TD></TR></TABLE>>",
    '"];evil [label="pwned" URL="javascript:alert(1)"]; x [',
    "}; digraph { injected }",
    "NUL \x00 and BEL \x07 and ESC \x1b and DEL \x7f",
    "bidi \u202egnp.exe\u202c and isolate \u2066x\u2069",
    "&amp; must show literally, as must &lt; and &#60; and &nbsp;",
    "first line\nsecond line\r\nthird\rfourth",
    "--> ] [ ) ( | {} #35; %% end; click x callback",
    "x" * 150,
    "emoji 🙂👩🏽‍🏫 and 日本語 text",
    "עברית ומשמאל לימין ثم العربية",
    "tabs\tand  double  spaces",
    "lone surrogate \ud800 here",
    "]]>",
    "'single' `back` $dollar ; semicolon",
]

HOSTILE_IDS = ["node", "edge", "graph", "digraph", "subgraph", "strict", "end", "o", "x", "-", "_"]
HOSTILE_IDS += ["1", "-1", "style", "class", "click", "default", "a--b", "ox", "xo", "__", "-_-"]


def hostile_map() -> ArgumentMap:
    """Every hostile text as a claim, every hostile id as a claim id, linked in a chain."""
    m = ArgumentMap(title='Map <"&amp;"> \\', question="Is <b>this</b> & that \\N safe?")
    ids = []
    for i, text in enumerate(HOSTILE_TEXTS):
        ids.append(m.claim(f"t{i}", text, title=text[:40] if i % 2 else None))
    for j, claim_id in enumerate(HOSTILE_IDS):
        ids.append(m.claim(claim_id, f"Claim with id {claim_id}", asserted_by=[f"p{j % 3}"]))
    for a, b in itertools.pairwise(ids):
        (m.support if len(m.links) % 3 else m.attack)(a, b)
    m.support(["t1", "t2"], "t0")  # co-premises
    m.attack("t3", m.links[0].id)  # an undercut
    return m


def check_dot(m: ArgumentMap, **options: object) -> None:
    laid = dot_json(to_dot(m, **options).source)
    nodes, edges = expected_graph(m)
    assert set(laid.nodes) == nodes
    assert laid.edges == edges
    for claim in m.claims:
        lines = text_cell(str(laid.nodes[claim.id]["label"]))
        shown = display_text(claim.text)
        assert squash("".join(lines)) == squash(shown)
        # Lines break only at whitespace, or inside a word too long for one line.
        assert all(len(line) <= 32 for line in lines)


def check_svg(m: ArgumentMap) -> None:
    root = parse_svg(to_svg(m, legend=False))
    nodes = svg_groups(root, "node")
    claim_nodes = {k.removeprefix("node-"): g for k, g in nodes.items() if k.startswith("node-")}
    assert set(claim_nodes) == {c.id for c in m.claims}
    assert len(svg_groups(root, "edge")) == len(expected_graph(m)[1])
    for claim in m.claims:
        group = claim_nodes[claim.id]
        shown = display_text(claim.text)
        assert svg_title(group) == shown  # accessible name: the exact text
        assert squash(shown) in squash("".join(svg_texts(group)))
    # Nothing the map's text could inject: no links, scripts or foreign elements.
    tags = {el.tag.split("}")[-1] for el in root.iter()}
    assert tags <= {"svg", "g", "title", "desc", "path", "polygon", "text", "ellipse", "polyline"}


def check_mermaid(m: ArgumentMap) -> None:
    graph = parse_mermaid(to_mermaid(m, labels="text"))
    nodes, edges = expected_graph(m)
    assert set(graph.labels) | graph.junctions == nodes
    assert graph.edges == edges
    for claim in m.claims:
        parts = graph.labels[claim.id]
        text = "\n".join(parts[1:] if claim.kind != "claim" else parts)
        assert text == display_text(claim.text)


@needs_dot
def test_hostile_texts_and_ids_in_dot() -> None:
    check_dot(hostile_map())


@needs_dot
def test_hostile_texts_and_ids_in_dot_with_every_display_option() -> None:
    m = hostile_map()
    check_dot(m, group="bands", bw=True, href_prefix='#"><script>\\', status={"t0": 0.5})
    check_dot(m, group="clusters", direction="LR", labels="both", status={"end": "accepted"})


@needs_dot
def test_hostile_texts_and_ids_in_svg() -> None:
    check_svg(hostile_map())


def test_hostile_texts_and_ids_in_mermaid() -> None:
    check_mermaid(hostile_map())


@needs_dot
def test_href_prefix_cannot_inject_markup() -> None:
    m = ArgumentMap()
    m.claim("a", "A.")
    root = parse_svg(to_svg(m, href_prefix='javascript:"/><script>alert(1)</script>\\'))
    anchors = list(root.iter("{http://www.w3.org/2000/svg}a"))
    assert len(anchors) == 1
    href = anchors[0].get("{http://www.w3.org/1999/xlink}href")
    assert href == "javascript:%22/%3E%3Cscript%3Ealert%281%29%3C/script%3E%5Ca"
    assert not any(el.tag.endswith("script") for el in root.iter())


def test_ids_that_are_not_slugs_are_refused() -> None:
    # The model forbids them; a map built around validation must not slip them into DOT.
    m = ArgumentMap.model_construct(claims=[Claim.model_construct(id='a"];x [', text="t")])
    with pytest.raises(RenderError, match="not a slug"):
        to_dot(m)


@pytest.mark.parametrize("bad", ['x" label="evil', "a\nb", "", "two words"])
def test_link_ids_that_are_not_slugs_are_refused_on_plain_edges(bad: str) -> None:
    # A link id is written into its edge's id attribute even when it has no junction node:
    # an id changed after validation must not reach the DOT (it once did, as an injection).
    m = ArgumentMap()
    m.claim("a", "A.")
    m.claim("b", "B.")
    m.support("a", "b")
    m.links[0].id = bad
    with pytest.raises(RenderError, match="not a slug"):
        to_dot(m)
    with pytest.raises(RenderError, match="not a slug"):
        to_svg(m)


_hostile_alphabet = st.sampled_from(
    [*list(string.printable), "\x00", "\x1b", "\u202e", "\u2066", "\x85", "é", "🙂", "ש", "\ufffe"]
)
hostile_text = st.text(_hostile_alphabet, min_size=1, max_size=60).filter(lambda s: s.strip())


@needs_dot
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(hostile_text, min_size=1, max_size=4), title=hostile_text)
def test_any_text_survives_dot_and_svg(texts: list[str], title: str) -> None:
    m = ArgumentMap(title=title)
    for i, text in enumerate(texts):
        m.claim(f"c{i}", text, title=title if i == 0 else None)
        if i:
            m.support(f"c{i}", "c0")
    check_dot(m)
    check_svg(m)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(hostile_text, min_size=1, max_size=4))
def test_any_text_survives_mermaid(texts: list[str]) -> None:
    m = ArgumentMap()
    for i, text in enumerate(texts):
        m.claim(f"c{i}", text)
        if i:
            m.attack(f"c{i}", "c0")
    check_mermaid(m)


slug = st.from_regex(r"[A-Za-z0-9_-]{1,6}", fullmatch=True) | st.sampled_from(HOSTILE_IDS)


@needs_dot
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ids=st.lists(slug, min_size=2, max_size=6, unique=True))
def test_any_ids_give_exactly_the_maps_nodes_and_edges(ids: list[str]) -> None:
    m = ArgumentMap()
    for claim_id in ids:
        m.claim(claim_id, f"Claim {claim_id}")
    for source in ids[2:]:
        # Link ids are slugs too; longer than any generated claim id, so they never clash.
        m.attack(source, ids[0], id=f"{source}--link--")
    m.support(ids[1:], ids[0], id="co-premise-link")
    check_dot(m)
    check_mermaid(m)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("a &<>\"'\\]é[")))
def test_the_quick_escape_test_agrees_with_the_pattern(text: str) -> None:
    assert has_html_special(text) == bool(HTML_SPECIAL.search(text))
