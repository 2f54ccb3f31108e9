"""AIF JSON (Argument Interchange Format), read and write: AIFdb and OVA3 files.

Reading accepts AIFdb's ``{"nodes", "edges", "locutions"}``, OVA3's ``{"AIF": {...},
"OVA": {...}, "text": ...}`` wrapper and the legacy OVA save (layout inside the nodes).
Node and edge ids may be strings or integers, even mixed in one file, and are normalised
with ``str``. The mapping:

* ``I`` nodes become claims (their ids kept when they are slugs, as AIFdb's digits are);
* ``RA`` nodes become support links: sources are the ``I`` nodes with an edge into the
  RA, the target its outgoing ``I`` node (or S-node: support of an inference);
* ``CA`` nodes become attack links; a CA pointing at an RA or CA is an undercut;
* ``MA`` (rephrase) and ``PA`` (preference) are kept as notes on the claims they join;
* the dialogue layer (``L``, ``TA``, ``YA`` nodes, locutions, participants) gives each claim
  who asserted it (``asserted_by``); ``YA`` edges into S-nodes are anchoring, never premises.

S-nodes missing their premises or conclusion (common in QT30 and DialAM maps) are reported
as warnings. Writing produces AIFdb JSON that AIFdb and OVA load: I/RA/CA nodes, and for
perspectives L nodes anchored by ``YA`` "Asserting" with locutions and participants.

>>> import argmap
>>> m = argmap.ArgumentMap()
>>> _ = m.claim("a", "Taxes fund schools."); _ = m.claim("b", "Taxes are good.")
>>> _ = m.support("a", "b")
>>> text, warnings = dumps(m)
>>> [n["type"] for n in json.loads(text)["nodes"]]
['I', 'I', 'RA']
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import FormatError
from ..model import ArgumentMap
from . import Format
from ._common import (
    MapBuilder,
    Result,
    SlugMaker,
    adjacency,
    expect,
    is_id,
    load_json,
    slugify,
    tally,
)
from ._schemes import read_answered, scheme_id, scheme_node

__all__ = ["FORMAT", "dumps"]

_DEFAULT_LABELS = {"RA", "CA", "Default Inference", "Default Conflict"}


def _nodes_edges(data: Any, file: str | None) -> tuple[Any, str]:
    expect(data, dict, "$", file)
    if "AIF" in data:
        return expect(data["AIF"], dict, "$.AIF", file), "$.AIF"
    return data, "$"


def _read(text: str, file: str | None) -> Result:
    data = load_json(text, file)
    aif, root = _nodes_edges(data, file)
    nodes = expect(aif.get("nodes"), list, f"{root}.nodes", file)
    edges = expect(aif.get("edges") or [], list, f"{root}.edges", file)
    b = MapBuilder()
    by_id: dict[str, dict[str, Any]] = {}
    for i, node in enumerate(nodes):
        path = f"{root}.nodes[{i}]"
        expect(node, dict, path, file)
        node_id = node.get("nodeID")
        expect(node_id, (str, int), f"{path}.nodeID", file)
        expect(node.get("type"), str, f"{path}.type", file)
        if str(node_id) in by_id:
            raise FormatError(f"duplicate nodeID {node_id!r}", file=file, path=f"{path}.nodeID")
        by_id[str(node_id)] = node
    into, out_of = adjacency(edges, by_id, ("fromID", "toID"), root, file)
    return _Converter(b, by_id, into, out_of, aif, file).run()


class _Converter:
    def __init__(
        self,
        b: MapBuilder,
        nodes: dict[str, dict[str, Any]],
        into: dict[str, list[str]],
        out_of: dict[str, list[str]],
        aif: dict[str, Any],
        file: str | None,
    ) -> None:
        self.b, self.nodes, self.into, self.out_of, self.aif = b, nodes, into, out_of, aif
        self.file = file
        self.ids = SlugMaker()
        self.claim: dict[str, dict[str, Any]] = {}
        self.link_of: dict[str, str] = {}
        self.lost: dict[str, int] = {}
        self.noted: dict[str, int] = {}  # how something was carried over, nothing lost

    def lose(self, what: str, n: int = 1) -> None:
        self.lost[what] = self.lost.get(what, 0) + n

    def note(self, what: str, n: int = 1) -> None:
        self.noted[what] = self.noted.get(what, 0) + n

    def type_of(self, node_id: str) -> str:
        return str(self.nodes[node_id].get("type", ""))

    def run(self) -> Result:
        for node_id, node in self.nodes.items():
            if node.get("type") == "I":
                self._claim(node_id, node)
        s_nodes = [k for k, n in self.nodes.items() if n.get("type") in ("RA", "CA")]
        for node_id in s_nodes:  # ids first, so undercuts can point at any S-node
            self.link_of[node_id] = self.ids.get("S\x00" + node_id, "link", keep=True, text=node_id)
        for node_id in s_nodes:
            self._link(node_id)
        self._answered()
        self._rephrases()
        self._speakers()
        counts: dict[str, int] = {}
        for node in self.nodes.values():
            kind = str(node.get("type"))
            if kind not in ("I", "RA", "CA", "MA", "PA", "L", "YA", "TA"):
                counts[kind] = counts.get(kind, 0) + 1
        for kind, n in sorted(counts.items()):
            self.lose(f"node{{|s}} of unknown type {kind!r} not represented", n)
        self._dialogue_losses()
        self.b.warnings += tally(self.lost)
        self.b.notes += tally(self.noted)
        return self.b.finish(self.file)

    def _dialogue_losses(self) -> None:
        """Count the dialogue layer beyond who asserted each claim: argmap keeps a speaker
        asserting a claim (an L node, worded as ``Speaker : claim text``, anchoring it
        through a YA "Asserting"), and loses the rest."""
        for node_id, node in self.nodes.items():
            kind = node.get("type")
            if kind == "TA":
                self.lose("dialogue transition{|s} (TA nodes) not represented")
            elif kind == "YA" and not self._asserting(node_id, node):
                self.lose(
                    "illocution{|s} other than a speaker asserting a claim (YA nodes) "
                    "not represented"
                )
            elif kind == "L" and not self._worded_as_claims(node_id, node):
                self.lose("locution{|s} worded other than as {its|their} claim (L nodes) dropped")

    def _asserting(self, node_id: str, node: dict[str, Any]) -> bool:
        targets = self.out_of[node_id]
        return (
            node.get("text") == "Asserting"
            and bool(targets)
            and all(t in self.claim for t in targets)
            and all(self.type_of(s) == "L" for s in self.into[node_id])
        )

    def _worded_as_claims(self, node_id: str, node: dict[str, Any]) -> bool:
        text = node.get("text")
        claims = [
            self.claim[t]
            for ya in self.out_of[node_id]
            if self.type_of(ya) == "YA"
            for t in self.out_of[ya]
            if t in self.claim
        ]
        if not claims or not isinstance(text, str):
            return False
        said = text.partition(" : ")[2] if " : " in text else text
        return all(said == claim["text"] for claim in claims)

    def _claim(self, node_id: str, node: dict[str, Any]) -> None:
        claim_id = self.ids.get("I\x00" + node_id, "claim", keep=True, text=node_id)
        text = node.get("text")
        claim: dict[str, Any] = {"id": claim_id, "text": text}
        if not isinstance(text, str) or not text.strip():
            claim["text"] = "(empty)"
            self.lose("I node{|s} with empty text given the text '(empty)'")
        if claim_id != node_id:
            claim["note"] = f"AIF nodeID {node_id}"
        self.claim[node_id] = claim
        self.b.claims.append(claim)

    def _target(self, node_id: str) -> str | None:
        if node_id in self.claim:
            return str(self.claim[node_id]["id"])
        return self.link_of.get(node_id)

    def _link(self, node_id: str) -> None:
        node = self.nodes[node_id]
        kind = "support" if node["type"] == "RA" else "attack"
        sources = [str(self.claim[s]["id"]) for s in self.into[node_id] if s in self.claim]
        targets = [t for t in (self._target(z) for z in self.out_of[node_id]) if t is not None]
        label = f"{node['type']} node{{|s}}"
        if not sources or not targets:
            missing = "premises" if not sources else "conclusion"
            if not sources and not targets:
                missing = "premises and conclusion"
            self.lose(f"{label} without {missing} dropped (incomplete in the file)")
            return
        if len(targets) > 1:
            self.note(f"{label} with several conclusions split into one link each")
        scheme = node.get("scheme")
        text = node.get("text")
        if not isinstance(scheme, str) and isinstance(text, str) and text not in _DEFAULT_LABELS:
            scheme = text  # AraucariaDB puts the scheme name in the text
        for n, target in enumerate(dict.fromkeys(targets)):
            link_id = (
                self.link_of[node_id]
                if n == 0
                else self.ids.get(f"S\x00{node_id}\x00{n}", text=f"{node_id}-{n + 1}")
            )
            link: dict[str, Any] = {
                "id": link_id,
                "kind": kind,
                "target": target,
                "sources": [s for s in dict.fromkeys(sources) if s != target],
            }
            if not link["sources"]:
                self.lose(f"{label} whose only premise is {{its|their}} conclusion dropped")
                continue
            if isinstance(scheme, str) and scheme.strip() and not scheme.strip().isdigit():
                link["scheme"] = scheme if is_id(scheme) else slugify(scheme, "scheme")
                link["scheme"] = scheme_id(scheme) or link["scheme"]  # a catalogue name
            self.b.links.append(link)

    def _answered(self) -> None:
        """Answered critical questions, from the ``answered`` list argmap writes on an RA or
        CA node (other AIF tools have no place for them and ignore it). An entry naming a
        question the scheme lacks, or a node the map does not have, is dropped."""
        links = {link["id"]: link for link in self.b.links}
        for node_id, link_id in self.link_of.items():
            link, raw = links.get(link_id), self.nodes[node_id].get("answered")
            if link is None or raw is None:
                continue
            kept, dropped = read_answered(raw, link.get("scheme"), self._target)
            if kept:
                link["answered"] = kept
            if dropped:
                self.lose("answered critical question{|s} not understood dropped", dropped)

    def _rephrases(self) -> None:
        for node_id, node in self.nodes.items():
            if node.get("type") not in ("MA", "PA"):
                continue
            word = "rephrases" if node["type"] == "MA" else "is preferred to"
            sources = [s for s in self.into[node_id] if s in self.claim]
            targets = [t for t in self.out_of[node_id] if t in self.claim]
            if not sources or not targets:
                self.lose(
                    f"{node['type']} node{{|s}} without both ends dropped (incomplete in the file)"
                )
                continue
            for s in sources:
                claim = self.claim[s]
                ends = ", ".join(str(self.claim[t]["id"]) for t in targets)
                note = f"AIF {node['type']}: {word} {ends}"
                claim["note"] = f"{claim['note']}; {note}" if claim.get("note") else note
            self.lose(f"{node['type']} node{{|s}} kept as {{a note on a claim|notes on claims}}")

    def _speakers(self) -> None:
        """Who asserted each claim: the speaker of each L node anchoring it through a YA."""
        people = self._participants()
        speaker = self._locution_speakers(people)
        labels: dict[str, str] = {}  # a speaker's key -> name; see _speaker_key
        found: list[tuple[dict[str, Any], str]] = []
        for node_id, node in self.nodes.items():
            if node.get("type") != "YA":
                continue
            for l_node in self.into[node_id]:
                if self.type_of(l_node) != "L":
                    continue
                key = self._speaker_key(l_node, speaker, people, labels)
                if key is not None:
                    found += [(self.claim[t], key) for t in self.out_of[node_id] if t in self.claim]
        pid_of = self._perspective_ids(people, labels)
        for claim, key in found:
            asserted = claim.setdefault("asserted_by", [])
            if pid_of[key] not in asserted:
                asserted.append(pid_of[key])

    def _participants(self) -> dict[str, str]:
        """Participant id -> name, in the file's order."""
        people: dict[str, str] = {}
        participants = self.aif.get("participants")
        for p in expect(participants or [], list, "$.participants", self.file):
            if isinstance(p, dict) and isinstance(p.get("participantID"), str | int):
                first, last = _name(p.get("firstname")), _name(p.get("surname"))
                name = f"{first} {last}" if first and last else first or last
                person = str(p["participantID"])
                people.setdefault(person, name or f"Person {person}")
            else:
                self.lose("participant{|s} without an id ignored")
        return people

    def _locution_speakers(self, people: dict[str, str]) -> dict[str, str]:
        """L node id -> participant id, from the locutions."""
        speaker: dict[str, str] = {}
        seen: set[str] = set()
        duplicates = 0
        locutions = expect(self.aif.get("locutions") or [], list, "$.locutions", self.file)
        for loc in locutions:
            if not isinstance(loc, dict) or not isinstance(loc.get("nodeID"), str | int):
                continue
            node_id, person = str(loc["nodeID"]), loc.get("personID")
            if node_id in seen:
                duplicates += 1
                continue
            seen.add(node_id)
            if isinstance(person, str | int) and str(person) in people:
                speaker[node_id] = str(person)
        if duplicates:
            self.note("duplicated locution row{|s} ignored", duplicates)
        return speaker

    def _speaker_key(
        self, l_node: str, speaker: dict[str, str], people: dict[str, str], labels: dict[str, str]
    ) -> str | None:
        """``P`` and the participant's id, or ``T`` and the name an L node's text starts with
        (``Ann Lee : ...``); its name recorded in ``labels``."""
        person = speaker.get(l_node)
        if person is not None:
            key, label = f"P\x00{person}", people[person]
        else:
            label_found = _speaker_in(self.nodes[l_node].get("text"))
            if label_found is None:
                return None
            key, label = f"T\x00{label_found}", label_found
        labels.setdefault(key, label)
        return key

    def _perspective_ids(self, people: dict[str, str], labels: dict[str, str]) -> dict[str, str]:
        """Declare a perspective per speaker (participants in the file's order, then names
        from L texts) and return each one's id: a participant's own id when it is one, not
        bare digits (AIFdb numbers people; a name reads better), else one from the name."""
        order = [f"P\x00{p}" for p in people if f"P\x00{p}" in labels]
        order += [key for key in labels if key.startswith("T")]
        ids = SlugMaker()
        pid_of: dict[str, str] = {}
        for key in order:  # ids kept as they are first, so no name's slug takes one
            own = key[2:]
            if key.startswith("P") and is_id(own) and not own.isdigit():
                pid_of[key] = own
                ids.reserve(own)
        for key in order:
            if key not in pid_of:
                fallback = "person" if key.startswith("P") else "speaker"
                pid_of[key] = ids.take(slugify(labels[key], fallback))
            self.b.perspective(pid_of[key], labels[key])
        return pid_of


def _name(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _speaker_in(text: Any) -> str | None:
    """The speaker's name an L node's text starts with (``Ann Lee : I think ...``): up to
    80 characters before the first ``:``, which a space follows. (A scan: the pattern
    ``^\\s*([^:\\n]{1,80}?)\\s*:\\s+`` took time quadratic in a run of spaces.)"""
    if not isinstance(text, str):
        return None
    rest = text.lstrip()
    colon = rest.find(":")
    if colon < 0 or not rest[colon + 1 : colon + 2].isspace():
        return None
    name = rest[:colon].rstrip()
    return name if name and len(name) <= 80 and "\n" not in name else None


# -- writing ----------------------------------------------------------------------------------


def dumps(m: ArgumentMap) -> tuple[str, list[str]]:
    """AIFdb JSON for ``m`` and warnings for what AIF cannot express."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []
    lost: dict[str, int] = {}

    def lose(what: str, n: int = 1) -> None:
        if n:
            lost[what] = lost.get(what, 0) + n

    def edge(a: str, z: str) -> None:
        edges.append({"edgeID": f"e{len(edges) + 1}", "fromID": a, "toID": z, "formEdgeID": None})

    labels = {p.id: p.label for p in m.perspectives}
    for c in m.claims:
        nodes.append({"nodeID": c.id, "text": c.text, "type": "I"})
    for link in m.links:
        s_type = "RA" if link.kind == "support" else "CA"
        default = "Default Inference" if s_type == "RA" else "Default Conflict"
        node: dict[str, Any] = {"nodeID": link.id, "text": default, "type": s_type}
        if link.scheme:
            node["scheme"] = link.scheme
            node.update(scheme_node(link))  # a catalogue scheme: its AIFdb name, answers
        nodes.append(node)
        for source in link.sources:
            edge(source, link.id)
        edge(link.id, link.target)
        lose("link weight{|s} dropped", int(link.weight is not None))
        lose("link note{|s} dropped", int(link.note is not None))
    used: dict[str, str] = {}
    for c in m.claims:
        for pid in c.asserted_by:
            l_id, ya_id = f"{c.id}.L.{pid}", f"{c.id}.YA.{pid}"
            nodes.append({"nodeID": l_id, "text": f"{labels[pid]} : {c.text}", "type": "L"})
            nodes.append({"nodeID": ya_id, "text": "Asserting", "type": "YA"})
            edge(l_id, ya_id)
            edge(ya_id, c.id)
            locutions.append({"nodeID": l_id, "personID": pid})
            used[pid] = labels[pid]
    for c in m.claims:
        for name in ("title", "basis", "confidence", "note"):
            lose(f"claim {name} value{{|s}} dropped", int(getattr(c, name) is not None))
        lose("claim kind{|s} dropped", int(c.kind != "claim"))
        lose("claim theme{|s} dropped", len(c.themes))
        lose("quote{|s} dropped", len(c.quotes))
    for name in ("title", "question", "description"):
        lose(f"map {name} dropped", int(bool(getattr(m, name))))
    lose("source{|s} dropped", len(m.sources))
    lose("perspective{|s} asserting no claim dropped", len(labels) - len(used))
    lose("perspective description{|s} dropped", sum(1 for p in m.perspectives if p.description))
    lose(
        "perspective id{|s} of digits only read back as made from the name",
        sum(1 for pid in used if pid.isdigit()),
    )
    data: dict[str, Any] = {"nodes": nodes, "edges": edges, "locutions": locutions}
    if used:
        data["participants"] = [  # in the map's order, which the reader keeps
            {"participantID": p.id, "firstname": p.label, "surname": ""}
            for p in m.perspectives
            if p.id in used
        ]
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return text, tally(lost)


def _sniff(head: str) -> bool:
    start = head.lstrip()[:4000]
    return start.startswith("{") and (
        '"AIF"' in start
        or ('"nodeID"' in start and ('"type"' in start or '"edges"' in start))
        or ('"nodes"' in start and '"locutions"' in start)
    )


FORMAT = Format(
    name="aif",
    extensions=(".aif.json", ".json"),
    description="AIF JSON (AIFdb, OVA3), read and write",
    reader=_read,
    writer=dumps,
    sniff=_sniff,
    aliases=("aifdb", "ova", "ova3"),
)
