"""Schemes and answered critical questions through the interchange formats: AIF RA nodes
carry the AIFdb name and read back to the same id; other tools' names map through the
catalogue's aliases."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings

import argmap
from argmap.formats import reads, writes_report

from .maps import expert_map, maps_with_schemes


def _aif_nodes(m: argmap.ArgumentMap) -> dict[str, dict[str, object]]:
    text, _ = writes_report(m, "aif")
    return {str(n["nodeID"]): n for n in json.loads(text)["nodes"]}


def test_aif_writes_the_aifdb_name_and_reads_back_the_id() -> None:
    m = expert_map()
    m.answer_question("s1", "cq4", by="u1")
    m.answer_question("s1", "cq1", by="expert")
    nodes = _aif_nodes(m)
    assert nodes["s1"]["text"] == "Expert Opinion" and nodes["s1"]["scheme"] == "Expert Opinion"
    assert nodes["s1"]["answered"] == [
        {"question": "cq4", "by": "u1"},
        {"question": "cq1", "by": "expert"},
    ]
    assert nodes["u1"]["text"] == "Default Conflict" and "scheme" not in nodes["u1"]
    back = reads(writes_report(m, "aif")[0], "aif")
    assert back.get_link("s1").scheme == "expert-opinion"
    assert back.get_link("s1").answered == m.get_link("s1").answered
    back.check()


def test_free_text_schemes_travel_as_written() -> None:
    m = expert_map()
    m.get_link("s1").scheme = "toulmin-warrant"
    assert _aif_nodes(m)["s1"]["scheme"] == "toulmin-warrant"
    assert reads(writes_report(m, "aif")[0], "aif").get_link("s1").scheme == "toulmin-warrant"


def test_aif_answers_that_make_no_sense_are_dropped_with_a_warning() -> None:
    doc = {
        "nodes": [
            {"nodeID": "1", "text": "Experts agree.", "type": "I"},
            {"nodeID": "2", "text": "It is so.", "type": "I"},
            {"nodeID": "3", "text": "Paid.", "type": "I"},
            {"nodeID": "4", "text": "Expert Opinion", "type": "RA", "scheme": "Expert Opinion",
             "answered": [{"question": "cq4", "by": "5"}, {"question": "cq99", "by": "5"},
                          {"question": "cq1", "by": "nowhere"}, "junk"]},
            {"nodeID": "5", "text": "Default Conflict", "type": "CA"},
        ],
        "edges": [
            {"edgeID": "a", "fromID": "1", "toID": "4"},
            {"edgeID": "b", "fromID": "4", "toID": "2"},
            {"edgeID": "c", "fromID": "3", "toID": "5"},
            {"edgeID": "d", "fromID": "5", "toID": "4"},
        ],
    }  # fmt: skip
    result = argmap.formats.read_report(_write(doc), "aif")
    link = result.map.get_link("4")
    assert link.scheme == "expert-opinion"
    assert [(a.question, a.by) for a in link.answered or []] == [("cq4", "5")]
    assert any("3 answered critical questions not understood dropped" in w for w in result.warnings)


def _write(doc: dict[str, object]) -> str:
    import tempfile

    path = Path(tempfile.mkdtemp()) / "map.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return str(path)


def test_araucariadb_scheme_names_read_as_catalogue_ids(corpus: Path) -> None:
    m = argmap.formats.read(corpus / "formats/aif/aifdb/araucariadb_nodeset137.json", "aif")
    assert sorted(link.scheme for link in m.links if link.scheme) == [
        "exceptional-case",
        "expert-opinion",
    ]


def test_argdown_and_sadface_scheme_names_map_through_aliases() -> None:
    text = "[A]: A.\n[B]: B.\n\n<Arg>\n\n(1) [A]\n-- Argument from Expert Opinion --\n(2) [B]\n"
    m = reads(text, "argdown")
    assert [link.scheme for link in m.links] == ["expert-opinion"]
    other = reads(text.replace("Argument from Expert Opinion", "Modus ponens"), "argdown")
    assert [link.scheme for link in other.links] == ["modus-ponens"]  # not a catalogue name
    sadface = {
        "metadata": {"core": {"id": "x", "version": "0.2"}},
        "nodes": [
            {"id": "a", "type": "atom", "text": "A."},
            {"id": "b", "type": "atom", "text": "B."},
            {"id": "s", "type": "scheme", "name": "Argument From Sign"},
        ],
        "edges": [{"id": "e1", "source_id": "a", "target_id": "s"},
                  {"id": "e2", "source_id": "s", "target_id": "b"}],
    }  # fmt: skip
    assert [link.scheme for link in reads(json.dumps(sadface), "sadface").links] == ["sign"]


@settings(max_examples=40, deadline=None)
@given(maps_with_schemes())
def test_aif_round_trip_keeps_schemes_and_answers(m: argmap.ArgumentMap) -> None:
    back = reads(writes_report(m, "aif")[0], "aif")
    assert [(x.id, x.scheme, x.answered) for x in back.links] == [
        (x.id, x.scheme, x.answered) for x in m.links
    ]


@settings(max_examples=30, deadline=None)
@given(maps_with_schemes())
def test_sadface_round_trip_keeps_schemes_and_answers(m: argmap.ArgumentMap) -> None:
    back = reads(writes_report(m, "sadface")[0], "sadface")
    assert [(x.id, x.scheme, x.answered) for x in back.links] == [
        (x.id, x.scheme, x.answered) for x in m.links
    ]


def test_formats_that_cannot_keep_answers_say_so() -> None:
    m = expert_map()
    m.answer_question("s1", "cq4", by="u1")
    m.answer_question("s1", "cq6", by="a1")
    _, warnings = writes_report(m, "kialo")
    assert any("2 answered critical questions" in w for w in warnings), warnings
    # Argdown keeps them with the link's record in the front matter.
    text, warnings = writes_report(m, "argdown")
    assert not any("answered" in w for w in warnings), warnings
    assert reads(text, "argdown").get_link("s1").answered == m.get_link("s1").answered
    text, _ = writes_report(m, "graphml")
    assert "cq4 by u1; cq6 by a1" in text
