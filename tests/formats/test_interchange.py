"""AIF, Kialo, SADFace, Argdown JSON and the graph exports: fixtures, errors, round trips."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import defusedxml.ElementTree as ET
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap import FormatError
from argmap.formats import read_report, reads, writes, writes_report
from argmap.model import ArgumentMap

from ..strategies import argument_maps, texts

FIXTURES = Path(__file__).parent / "fixtures"
FAST = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _structure(m: ArgumentMap) -> Counter[tuple[str, tuple[str, ...], str]]:
    return Counter((x.kind, tuple(sorted(x.sources)), x.target) for x in m.links)


# -- AIF ----------------------------------------------------------------------------------


def test_aifdb_dialogue_map():
    report = read_report(FIXTURES / "aifdb_dialogue.json")
    m = report.map
    assert report.format == "aif"
    assert [c.id for c in m.claims] == ["10", "11", "12", "15", "21"]
    assert _structure(m) == Counter(
        {("support", ("10",), "11"): 1, ("attack", ("12",), "11"): 1, ("attack", ("15",), "13"): 1}
    )
    assert m.get_link("16").target == "13"  # CA on RA: an undercut
    assert m.get_link("13").scheme == "default-inference"
    # YA from an L node anchors the speaker; the YA into the RA is not a premise.
    assert m.get_claim("10").asserted_by == ["ann-lee"]
    assert m.perspectives[0].label == "Ann Lee"
    assert m.get_claim("21").note == "AIF MA: rephrases 10"
    joined = " ".join(report.warnings)
    assert "1 RA node without conclusion dropped" in joined  # node 19
    assert "1 dialogue transition (TA nodes) not represented" in joined
    assert "1 duplicated locution row ignored" in report.notes  # nothing lost by it


def test_ova3_wrapper_with_undercut():
    m = argmap.read(FIXTURES / "ova3.json", allow_loss=True)
    assert {c.id for c in m.claims} == {"1_99", "2_99", "4_99"}
    assert m.get_link("5_99").target == "3_99"


AIF_BAD = [
    ('{"nodes": [', None, "invalid JSON"),
    ('{"nodes": {}}', "$.nodes", "expected an array"),
    ('{"nodes": [{"nodeID": true, "type": "I"}]}', "$.nodes[0].nodeID", "expected"),
    (
        '{"nodes": [{"nodeID": "1", "type": "I", "text": "a"}, {"nodeID": 1, "type": "I"}]}',
        "$.nodes[1].nodeID",
        "duplicate",
    ),
    (
        '{"nodes": [{"nodeID": "1", "type": "I", "text": "a"}], '
        '"edges": [{"fromID": "1", "toID": "9"}]}',
        "$.edges[0].toID",
        "unknown node",
    ),
    ('{"AIF": []}', "$.AIF", "expected an object"),
]


@pytest.mark.parametrize(("text", "path", "words"), AIF_BAD)
def test_aif_malformed_input_is_located(text, path, words):
    with pytest.raises(FormatError) as info:
        reads(text, "aif")
    assert words in info.value.message
    if path is None:
        assert info.value.line == 1 and info.value.column is not None
    else:
        assert info.value.path == path


@FAST
@given(argument_maps())
def test_aif_round_trip_keeps_claims_links_and_speakers(m):
    text, _ = writes_report(m, "aif")
    back = reads(text, "aif")  # what argmap writes it reads back with no loss
    assert [(c.id, c.text, c.asserted_by) for c in back.claims] == [
        (c.id, c.text, c.asserted_by) for c in m.claims
    ]
    assert [(x.id, x.kind, x.sources, x.target) for x in back.links] == [
        (x.id, x.kind, x.sources, x.target) for x in m.links
    ]
    assert [x.scheme for x in back.links] == [
        None if x.scheme is None or x.scheme.isdigit() else _scheme_read(x.scheme) for x in m.links
    ]
    used = {p for c in m.claims for p in c.asserted_by}
    assert {(p.id, p.label) for p in back.perspectives} == {
        (p.id, p.label) for p in m.perspectives if p.id in used
    }


def _scheme_read(name: str) -> str:
    # A name of a catalogue scheme (Sign, ExpertOpinion) reads back as the scheme's id.
    from argmap.schemes import find_scheme

    found = find_scheme(name)
    return found.id if found is not None else name


# -- Kialo --------------------------------------------------------------------------------


def test_kialo_legacy_dialect_crlf_escapes_reuse_and_wrapped_text():
    report = read_report(FIXTURES / "kialo_legacy.txt")
    m = report.map
    assert m.title == "Should pets be allowed in class?"
    assert m.get_claim("1").kind == "position"
    assert m.get_claim("1-1").text == "Pets calm pupils (studies show)."
    assert m.get_claim("1-3").text == "Caring teaches responsibility,\nas every parent knows."
    assert "1-2-1" not in m  # a reuse is the original claim in a second place
    assert _structure(m) == Counter(
        {
            ("support", ("1-1",), "1"): 1,
            ("attack", ("1-1-1",), "1-1"): 1,
            ("attack", ("1-2",), "1"): 1,
            ("support", ("1-1-1",), "1-2"): 1,
            ("support", ("1-3",), "1"): 1,
        }
    )
    assert any("'-> See'" in n for n in report.notes)


def test_kialo_current_dialect_question_theses_and_sources():
    m = argmap.read(FIXTURES / "kialo_current.txt", allow_loss=True)
    assert m.title == m.question == "How should cities cut traffic?"
    assert [c.id for c in m.claims if c.kind == "position"] == ["1-1", "1-2"]
    assert m.get_claim("1-1").text == "Cities should charge drivers [1]."
    assert [s.url for s in m.sources] == [
        "https://example.org/charging",
        "https://example.org/london",
    ]
    assert _structure(m)[("attack", ("1-2",), "1-1-2")] == 1


KIALO_BAD = [
    ("", 1, "empty file"),
    ("Hello\n", 1, "not a Kialo export"),
    ("Discussion Title: x\n\nsome text\n", 3, "text before"),
    ("Discussion Title: x\n\n1. Root\n1.1. Pro: a\n1.1. Con: b\n", 5, "appears twice"),
    ("Discussion Title: x\n\n1. Root\n1.3.1. Pro: orphan\n", 4, "no parent"),
    ("Discussion Title: x\n\n1. Root\n1.1. Pro: -> See 1.9.\n", 4, "refers to no position"),
    ("Discussion Title: x\n\n1. Root\n1.1. Thesis: t\n", 4, "needs 'Pro:' or 'Con:'"),
]


@pytest.mark.parametrize(("text", "line", "words"), KIALO_BAD)
def test_kialo_malformed_input_is_located(text, line, words):
    with pytest.raises(FormatError) as info:
        reads(text, "kialo")
    assert words in info.value.message and info.value.line == line
    assert info.value.column is not None


@st.composite
def kialo_trees(draw: st.DrawFn) -> ArgumentMap:
    m = ArgumentMap(title=draw(texts))
    n = draw(st.integers(1, 8))
    m.claim("c0", draw(texts))
    for i in range(1, n):
        parent = f"c{draw(st.integers(0, i - 1))}"
        m.claim(f"c{i}", draw(texts))
        (m.support if draw(st.booleans()) else m.attack)(f"c{i}", parent)
    return m


@FAST
@given(kialo_trees())
def test_kialo_round_trip_keeps_tree_texts_and_stances(m):
    back = reads(writes(m, "kialo", allow_loss=True), "kialo")

    def shape(x: ArgumentMap) -> Counter[tuple[str, str, str]]:
        text = {c.id: " ".join(c.text.split()) for c in x.claims}
        return Counter((k.kind, text[k.sources[0]], text[k.target]) for k in x.links)

    # Kialo lists positions depth first, so compare texts as multisets.
    assert Counter(" ".join(c.text.split()) for c in back.claims) == Counter(
        " ".join(c.text.split()) for c in m.claims
    )
    assert shape(back) == shape(m)


# -- SADFace ------------------------------------------------------------------------------


def test_sadface_v01_and_library_node_types():
    m = argmap.read(FIXTURES / "sadface_v01_library.json", allow_loss=True)
    assert [c.id for c in m.claims] == ["a1", "a2", "a3", "a4"]
    assert m.get_link("s1").sources == ["a1"] and m.get_link("s1").target == "a2"
    assert m.get_link("c1").kind == "attack" and m.get_link("c1").target == "s1"  # undercut
    assert m.get_link("c2").kind == "attack" and m.get_link("c2").target == "a3"
    quote = m.get_claim("a1").quotes[0]
    assert (quote.source, quote.start, quote.end, quote.text) == ("r1", 0, 10, "Cats purr.")


@FAST
@given(argument_maps())
def test_sadface_round_trip_is_lossless(m):
    text = writes(m, "sadface")
    assert reads(text, "sadface") == m
    assert json.loads(text)["metadata"]["core"]["version"] == "0.2"


def test_sadface_malformed_input_is_located():
    with pytest.raises(FormatError) as info:
        reads(
            '{"nodes": [{"id": "a", "type": "atom", "text": "x"}], '
            '"edges": [{"source_id": "a", "target_id": "zz"}]}',
            "sadface",
        )
    assert info.value.path == "$.edges[0].target_id"
    with pytest.raises(FormatError) as info:
        reads('{"nodes": [{"id": "a", "type": "atom"}]}', "sadface")
    assert info.value.path == "$.nodes[0].text"


# -- Argdown JSON -------------------------------------------------------------------------


def test_argdown_json_map_only_walks_nested_groups():
    report = read_report(FIXTURES / "argdown_map_only.json")
    m = report.map
    assert report.format == "argdown-json"
    assert {c.title: c.themes for c in m.claims} == {
        "Claim A": ["inner"],
        "Arg B": ["outer"],
        "Claim D": [],
    }
    assert _structure(m) == Counter(
        {("support", ("arg-b",), "claim-a"): 1, ("attack", ("claim-d",), "arg-b"): 1}
    )
    assert any("map only" in n for n in report.notes)


def test_argdown_json_bad_relation_is_located():
    text = (
        '{"statements": {"A": {"members": []}}, "arguments": {}, "relations": ['
        '{"relationType": "support", "from": "A", "fromType": "equivalence-class", '
        '"to": "Nope", "toType": "equivalence-class"}]}'
    )
    with pytest.raises(FormatError) as info:
        reads(text, "argdown-json")
    assert info.value.path == "$.relations[0].to"


# -- graph exports ------------------------------------------------------------------------


@FAST
@given(argument_maps())
def test_graphml_holds_claims_links_and_attributes(m):
    text, _ = writes_report(m, "graphml")
    root = ET.fromstring(text.encode("utf-8"))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
    nodes = {}
    for node in root.iter("{http://graphml.graphdrawing.org/xmlns}node"):
        nodes[node.get("id")] = {keys[d.get("key")]: d.text for d in node.findall("g:data", ns)}
    assert set(nodes) == {c.id for c in m.claims} | {x.id for x in m.links}
    for c in m.claims:
        assert nodes[c.id]["kind"] == c.kind
        assert (nodes[c.id].get("themes") or "") == ";".join(c.themes)
    edges = Counter(
        (e.get("source"), e.get("target"))
        for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge")
    )
    expected = Counter(
        [(s, x.id) for x in m.links for s in x.sources] + [(x.id, x.target) for x in m.links]
    )
    assert edges == expected
    assert writes(m, "graphml", allow_loss=True) == text


def test_gexf_is_deterministic_and_parses():
    m = argmap.examples.soviet_socialism()
    text = writes(m, "gexf", allow_loss=True)
    root = ET.fromstring(text.encode("utf-8"))
    nodes = list(root.iter("{http://www.gexf.net/1.2draft}node"))
    assert len(nodes) == len(m.claims) + len(m.links)
    assert writes(m, "gexf", allow_loss=True) == text
    g = "{http://www.gexf.net/1.2draft}"
    titles = {a.get("id"): a.get("title") for a in root.iter(f"{g}attribute")}
    kinds = {}
    for node in nodes:
        values = {titles[v.get("for")]: v.get("value") for v in node.iter(f"{g}attvalue")}
        kinds[node.get("id")] = values.get("link_kind")
    claim_ids = {c.id for c in m.claims}
    expected = {
        x.id: "undercut" for x in m.links if x.kind == "attack" and x.target not in claim_ids
    }
    assert expected and {k: v for k, v in kinds.items() if v == "undercut"} == expected


def test_graphml_replaces_characters_xml_cannot_hold():
    m = ArgumentMap()
    m.claim("a", "bell\x07 <&>")
    text, warnings = writes_report(m, "graphml")
    values = [d.text for d in ET.fromstring(text.encode()).iter() if d.tag.endswith("data")]
    assert "bell\ufffd <&>" in values
    assert any("XML cannot hold" in w for w in warnings)


# -- robustness: any input gives a map or a FormatError, never a crash --------------------

_IDS = st.sampled_from(["1", "2", "3", 4, "5", "x y"])
_PIECES = st.sampled_from(
    [
        "[A]",
        "[B]: b",
        "<C>",
        "<D>: d",
        "  + ",
        "  - ",
        "    <_ ",
        "-> ",
        "><",
        "(1) ",
        "(2) ",
        "----",
        "--",
        "# H",
        "#t",
        "{x: 1}",
        "{",
        "}",
        "/*",
        "*/",
        "//",
        "\\",
        "text",
        " ",
        "\n",
        "\n\n",
        "===",
        "@[A]",
        "\t",
        ":",
    ]
)


def _map_or_format_error(text: str, fmt: str) -> None:
    try:
        m = reads(text, fmt, allow_loss=True)
    except FormatError as exc:
        assert exc.line is not None or exc.path is not None
        return
    assert m.check() is not None  # whatever was read is a valid map


@FAST
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_any_argdown_text_reads_or_fails_located(text):
    _map_or_format_error(text, "argdown")


@FAST
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "nodeID": _IDS,
                "type": st.sampled_from(["I", "RA", "CA", "MA", "L", "YA", "TA", "PA"]),
                "text": st.sampled_from(["a", "", "Bob : hi", None]),
            }
        ),
        max_size=7,
    ),
    st.lists(st.fixed_dictionaries({"fromID": _IDS, "toID": _IDS}), max_size=10),
)
def test_any_aif_graph_reads_or_fails_located(nodes, edges):
    _map_or_format_error(json.dumps({"nodes": nodes, "edges": edges}), "aif")


@FAST
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "id": _IDS,
                "type": st.sampled_from(["atom", "scheme", "inference", "conflict", "group"]),
                "name": st.sampled_from(["support", "attack", "rephrase"]),
                "text": st.sampled_from(["a", " "]),
            }
        ),
        max_size=7,
    ),
    st.lists(st.fixed_dictionaries({"source_id": _IDS, "target_id": _IDS}), max_size=10),
)
def test_any_sadface_graph_reads_or_fails_located(nodes, edges):
    _map_or_format_error(json.dumps({"nodes": nodes, "edges": edges}), "sadface")
