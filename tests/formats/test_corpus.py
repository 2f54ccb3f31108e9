"""Conformance against the shared corpus of real files (skipped when it is absent).

The expected counts were derived by reading the files (and cross-checked with the corpus
notes in FORMATS.md); each test also recounts them from the raw file with code that shares
nothing with the readers, so a reader bug cannot hide behind a wrong constant.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

import argmap
from argmap.formats import argdown, argdown_json, read_report
from argmap.formats._argdown_doc import unescape
from argmap.model import ArgumentMap


def _kinds(m: ArgumentMap) -> tuple[int, int, int, int]:
    claims = {c.id for c in m.claims}
    support = sum(x.kind == "support" and x.target in claims for x in m.links)
    attack = sum(x.kind == "attack" and x.target in claims for x in m.links)
    undercut = sum(x.kind == "attack" and x.target not in claims for x in m.links)
    return len(m.claims), support, attack, undercut


# -- AIF ----------------------------------------------------------------------------------

AIF = {
    # file: (claims, support links, attack links, undercuts)
    "aifdb/araucariadb_nodeset137.json": (7, 2, 2, 0),
    "aifdb/araucariadb_nodeset664.json": (26, 22, 3, 0),
    "aifdb/moralmaze_nodeset6064.json": (9, 5, 0, 0),
    "aifdb/dialam2024_test_map2.json": (35, 7, 8, 0),
    "aifdb/qt30_nodeset25445.json": (287, 41, 23, 0),
    "ova_xaif/ova3_rebut_undercut.json": (4, 1, 1, 1),
    "ova_xaif/ova3_forecast_28106.json": (31, 19, 20, 0),
    "ova_xaif/ova3_legacy_save_db22303.json": (7, 2, 1, 0),
}


def _aif_raw_counts(path: Path) -> tuple[int, int, int, int]:
    data = json.loads(path.read_text())
    data = data.get("AIF", data)
    kind = {str(n["nodeID"]): n["type"] for n in data["nodes"]}
    into: dict[str, list[str]] = {k: [] for k in kind}
    out: dict[str, list[str]] = {k: [] for k in kind}
    for e in data["edges"]:
        out[str(e["fromID"])].append(kind[str(e["toID"])])
        into[str(e["toID"])].append(kind[str(e["fromID"])])
    complete = [
        (kind[k], out[k][0] if "I" in out[k] else "S")
        for k in kind
        if kind[k] in ("RA", "CA") and "I" in into[k] and {"I", "RA", "CA"} & set(out[k])
    ]
    return (
        list(kind.values()).count("I"),
        complete.count(("RA", "I")),
        complete.count(("CA", "I")),
        complete.count(("CA", "S")),
    )


@pytest.mark.parametrize("name", sorted(AIF))
def test_aif_files(corpus, name):
    path = corpus / "formats" / "aif" / name
    report = read_report(path)
    assert report.format == "aif"
    assert _kinds(report.map) == AIF[name] == _aif_raw_counts(path)
    # Nothing vanishes silently: every S-node left out is reported.
    raw = json.loads(path.read_text())
    raw = raw.get("AIF", raw)
    s_nodes = sum(n["type"] in ("RA", "CA") for n in raw["nodes"])
    if s_nodes > sum(AIF[name][1:]):
        assert any("dropped" in w for w in report.warnings)


def test_aif_dialogue_gives_speakers(corpus):
    m = argmap.read(corpus / "formats/aif/aifdb/moralmaze_nodeset6064.json", allow_loss=True)
    assert len(m.perspectives) == 2
    assert all(c.asserted_by for c in m.claims)


# -- Kialo --------------------------------------------------------------------------------

KIALO = {
    "legacy_format/should-hate-speech-be-illegal-6148.txt": (105, 42, 63),
    "legacy_format/free-speech-on-the-internet-should-internet-companies-deny-service-to-"
    "white-supremacists-2867.txt": (839, 534, 430),
    "current_format/is-a-biologically-related-family-unit-the-best-environment-in-which-to-"
    "raise-children-40079.txt": (18, 6, 11),
    "current_format/what-is-the-best-way-to-fight-overpopulation-14121.txt": (137, 51, 72),
    "current_format/should-a-license-be-required-in-order-to-have-a-child-procreate-2368.txt": (
        626,
        405,
        252,
    ),
}


def _kialo_raw_counts(path: Path) -> tuple[int, int, int]:
    text = path.read_text(encoding="utf-8")
    labels = re.findall(r"^\s*(?:\d+\.)+ (Pro|Con|Thesis|Question):?", text, re.MULTILINE)
    first = re.search(r"^\s*1\. (.*)$", text, re.MULTILINE)
    assert first is not None
    roots = 0 if first.group(1).startswith(("Thesis:", "Question:")) else 1  # legacy: no label
    reuses = len(re.findall(r"-> See (?:\d+\.)+", text))
    positions = len(labels) + roots - labels.count("Question") - reuses
    return positions, labels.count("Pro"), labels.count("Con")


@pytest.mark.parametrize("name", sorted(KIALO))
def test_kialo_files(corpus, name):
    path = corpus / "formats" / "kialo" / name
    report = read_report(path)
    assert report.format == "kialo"
    claims, support, attack, undercut = _kinds(report.map)
    assert undercut == 0
    assert (claims, support, attack) == KIALO[name] == _kialo_raw_counts(path)


def test_kialo_reuse_makes_a_claim_with_several_parents(corpus):
    name = next(k for k in KIALO if "2867" in k)
    m = argmap.read(corpus / "formats" / "kialo" / name)
    parents = Counter(x.sources[0] for x in m.links)
    assert sum(n > 1 for n in parents.values()) == 87


# -- SADFace ------------------------------------------------------------------------------

SADFACE = {
    "hangback_v0.2.json": (4, 1, 1, 0),
    "hangback_v0.1_monkeypuzzle.json": (4, 1, 1, 0),
    "canary_2019-03-16_atom-to-atom_nonconforming.json": (6, 3, 0, 0),
    "canary_2019-03-19_mixed_v0.1_v0.2.json": (5, 3, 0, 0),
    "minimal_empty_v0.2.json": (0, 0, 0, 0),
}


@pytest.mark.parametrize("name", sorted(SADFACE))
def test_sadface_files(corpus, name):
    path = corpus / "formats" / "sadface" / name
    report = read_report(path)
    assert report.format == "sadface"
    assert _kinds(report.map) == SADFACE[name]
    raw = json.loads(path.read_text())
    assert len(report.map.claims) == sum(n["type"] == "atom" for n in raw["nodes"])


def test_sadface_v01_and_v02_hold_the_same_argument(corpus):
    v1 = argmap.read(corpus / "formats/sadface/hangback_v0.1_monkeypuzzle.json")
    v2 = argmap.read(corpus / "formats/sadface/hangback_v0.2.json")
    assert sorted(c.text for c in v1.claims) == sorted(c.text for c in v2.claims)


# -- Argdown --------------------------------------------------------------------------------

DEBATES = {
    # file: (claims, support links, attack links, undercuts, links with co-premises)
    "legalisation-softdrugs": (18, 9, 8, 2, 0),
    "semmelweis_betz": (32, 10, 12, 0, 10),
    "greenspan-schefczyk_hardwrap": (23, 9, 2, 0, 5),
    "veggie_debate": (43, 35, 23, 0, 0),
}


def _norm(text: str) -> str:
    return " ".join(unescape(text).split())


@pytest.mark.parametrize("name", sorted(DEBATES))
def test_argdown_source_matches_the_argdown_tools_json(corpus, name):
    folder = corpus / "formats" / "argdown"
    mine = argdown.parse((folder / f"{name}.argdown").read_text(), name)
    tool = argdown_json.document(json.loads((folder / "exports" / f"{name}.json").read_text()))
    assert list(mine.statements) == list(tool.statements)  # "Untitled N" numbering included
    for title, st in mine.statements.items():
        assert _norm(st.text) == _norm(tool.statements[title].text), title
    assert list(mine.arguments) == list(tool.arguments)
    for title, arg in mine.arguments.items():
        other = tool.arguments[title]
        assert _norm(arg.description) == _norm(other.description), title
        assert [(i.statement, i.role, i.rules) for i in arg.pcs] == [
            (i.statement, i.role, i.rules) for i in other.pcs
        ], title
    assert {r.key() for r in mine.relations} == {r.key() for r in tool.relations}
    assert len(mine.relations) == len(tool.relations)


@pytest.mark.parametrize("name", sorted(DEBATES))
def test_argdown_debates_import_with_expected_counts(corpus, name):
    folder = corpus / "formats" / "argdown"
    from_source = argmap.read(folder / f"{name}.argdown", allow_loss=True)
    from_json = argmap.read(folder / "exports" / f"{name}.json", allow_loss=True)
    claims, support, attack, undercut, linked = DEBATES[name]
    assert _kinds(from_source) == (claims, support, attack, undercut)
    assert sum(len(x.sources) > 1 for x in from_source.links) == linked
    assert [(c.id, c.title, c.text) for c in from_source.claims] == [
        (c.id, c.title, c.text) for c in from_json.claims
    ]

    def structure(m: ArgumentMap) -> Counter[tuple[str, tuple[str, ...], str]]:
        # Undercut targets are link ids, numbered in relation order; name them by content.
        by_id = {x.id: x for x in m.links}

        def end(t: str) -> str:
            return f"{by_id[t].kind}:{by_id[t].sources}->{by_id[t].target}" if t in by_id else t

        return Counter((x.kind, tuple(x.sources), end(x.target)) for x in m.links)

    assert structure(from_source) == structure(from_json)


def test_argdown_map_edges_of_semmelweis_are_all_represented(corpus):
    # Strict mode: the JSON relations hold only contrary/contradictory; argument support is
    # derived from shared statements. Every map edge must still have a counterpart.
    folder = corpus / "formats" / "argdown"
    data = json.loads((folder / "exports" / "semmelweis_betz.json").read_text())
    nodes: dict[str, str] = {}
    todo = list(data["map"]["nodes"])
    while todo:
        node = todo.pop()
        todo.extend(node.get("children") or [])
        nodes[node["id"]] = node["title"]
    m = argmap.read(folder / "semmelweis_betz.argdown", allow_loss=True)
    claim_of = {c.title or c.id: c.id for c in m.claims}
    inference = {x.note.split(">")[0][1:]: x for x in m.links if x.note}
    for edge in data["map"]["edges"]:
        a, b = nodes[edge["from"]], nodes[edge["to"]]
        if edge["relationType"] == "support" and a in inference and b in inference:
            # argument a supports argument b: a's conclusion is one of b's premises
            assert inference[a].target in inference[b].sources
        elif edge["relationType"] in ("attack", "contrary") and a in claim_of and b in claim_of:
            assert any(x.sources == [claim_of[a]] and x.target == claim_of[b] for x in m.links)


def test_argdown_primer_reads(corpus):
    report = read_report(corpus / "formats" / "argdown" / "argdown-primer.argdown")
    m = report.map
    assert m.get_claim("statement-2").text.startswith("Let's do that now")
    assert m.get_link("argument-1").sources[1] == "statement-2"
    assert report.warnings
