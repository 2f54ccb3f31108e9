"""SADFace JSON (Simple Argument Description Format), read (v0.1, v0.2 and the Python
library's node types) and written (v0.2).

A SADFace document has ``atom`` nodes (claims), ``scheme`` nodes joining them (named
``support`` or a scheme name, or ``conflict``), and untyped edges ``source_id -> target_id``.
The Python library writes ``inference`` and ``conflict`` node types instead, with conflict
names ``attack``, ``disagree`` and ``disagreement``; all are read. Premises are the atoms
with an edge into a scheme, its conclusion the target of the scheme's edge out; a conflict
pointing at a scheme node is an undercut. ``resources`` with ``sources`` spans on atoms
become argmap sources and quotes. Atom-to-atom edges (seen in miner output) are read as
support, with a warning.

Writing produces v0.2 with argmap's own fields (claim kind, themes, weights, ...) under an
``argmap`` metadata namespace, as SADFace intends extensions to be kept, so a map survives
the round trip whole.

>>> import argmap
>>> m = argmap.ArgumentMap(title="Pets")
>>> _ = m.claim("a", "Pets calm people."); _ = m.claim("b", "Pets are good.")
>>> _ = m.support("a", "b")
>>> reads_sadface(dumps(m)[0]) == m
True
"""

from __future__ import annotations

import json
import uuid
from typing import Any, TypeGuard

from ..errors import FormatError
from ..model import ArgumentMap, Claim, Link, Perspective, Source, Theme
from . import Format
from ._common import (
    MapBuilder,
    Result,
    SlugMaker,
    adjacency,
    checked_fields,
    checked_item,
    expect,
    is_id,
    load_json,
    slugify,
    tally,
)
from ._schemes import read_answered, scheme_id

__all__ = ["FORMAT", "dumps", "reads_sadface"]

_CONFLICT = {"conflict", "attack", "disagree", "disagreement", "defeat", "rebut", "undercut"}
_NOTE_ONLY = {"rephrase", "preference"}
_PLAIN_NAMES = {"support", "conflict", "inference"}
_NAMESPACE = uuid.UUID("6f1d8a52-3c1e-4b7a-9d7e-0a5c2f3b9e11")


def _core(data: dict[str, Any]) -> dict[str, Any]:
    meta = data.get("metadata")
    core = meta.get("core") if isinstance(meta, dict) else None
    if isinstance(core, dict):
        return core
    return data  # v0.1 keeps the core fields at the top level


def _ns(obj: dict[str, Any]) -> dict[str, Any]:
    meta = obj.get("metadata")
    ours = meta.get("argmap") if isinstance(meta, dict) else None
    return ours if isinstance(ours, dict) else {}


def _read(text: str, file: str | None) -> Result:
    data = expect(load_json(text, file), dict, "$", file)
    nodes = expect(data.get("nodes") or [], list, "$.nodes", file)
    edges = expect(data.get("edges") or [], list, "$.edges", file)
    core = _core(data)
    b = MapBuilder()
    for key in ("title", "description"):
        value = core.get(key)
        if isinstance(value, str):
            setattr(b, key, value)
        elif value is not None:
            b.warnings.append(f"$.metadata.core.{key}: not a string; left out")
    _map_extension(b, _ns(data))
    ids = SlugMaker()
    kinds: dict[str, str] = {}
    node_at: dict[str, tuple[int, dict[str, Any]]] = {}
    for i, node in enumerate(nodes):
        path = f"$.nodes[{i}]"
        expect(node, dict, path, file)
        node_id = str(expect(node.get("id"), (str, int), f"{path}.id", file))
        if node_id in node_at:
            raise FormatError(f"duplicate node id {node_id!r}", file=file, path=f"{path}.id")
        node_at[node_id] = (i, node)
        kinds[node_id] = _kind(node)
    into, out_of = adjacency(edges, node_at, ("source_id", "target_id"), "$", file)
    _resources(b, data, file)
    lost: dict[str, int] = {}
    noted: dict[str, int] = {}  # how something was carried over, nothing lost
    id_of: dict[str, str] = {}
    for node_id, kind in kinds.items():
        if kind in ("support", "attack"):
            id_of[node_id] = ids.get(node_id, "link", keep=True)
    for node_id, (i, node) in node_at.items():
        if kinds[node_id] == "atom":
            id_of[node_id] = ids.get(node_id, "atom", keep=True)
            b.claims.append(_claim(node, id_of[node_id], node_id, i, b, file))
    for node_id, kind in kinds.items():
        if kind in ("support", "attack"):
            _link(
                b,
                node_at[node_id][1],
                id_of[node_id],
                kind,
                into[node_id],
                out_of[node_id],
                kinds,
                id_of,
                lost,
            )
        elif kind == "atom":
            for target in out_of[node_id]:
                if kinds[target] == "atom":
                    what = "atom-to-atom edge{|s} read as {a support link|support links}"
                    noted[what] = noted.get(what, 0) + 1
                    b.links.append(
                        {
                            "id": ids.get(
                                f"edge\x00{node_id}\x00{target}",
                                "link",
                                text=f"{id_of[node_id]}-{id_of[target]}",
                            ),
                            "kind": "support",
                            "sources": [id_of[node_id]],
                            "target": id_of[target],
                        }
                    )
        elif kind != "atom":
            what = f"{kind} node{{|s}} not represented"
            lost[what] = lost.get(what, 0) + 1
    _declare_quoted(b, noted)
    _answered(b, id_of, lost)
    b.warnings += tally(lost)
    b.notes += tally(noted)
    return b.finish(file)


def _map_extension(b: MapBuilder, ours: dict[str, Any]) -> None:
    """argmap's own map fields, kept in the ``argmap`` metadata namespace, each checked."""
    where = "$.metadata.argmap"
    question = ours.get("question")
    if isinstance(question, str):
        b.question = question
    elif question is not None:
        b.warnings.append(f"{where}.question: not a string; left out")
    for key, model in (("themes", Theme), ("perspectives", Perspective)):
        items = ours.get(key)
        if items is None:
            continue
        if not isinstance(items, list):
            b.warnings.append(f"{where}.{key}: not a list; left out")
            continue
        table = b.themes if key == "themes" else b.perspectives
        for i, item in enumerate(items):
            kept = checked_item(model, item, f"{where}.{key}[{i}]", b.warnings)
            if kept is not None:
                table.setdefault(kept["id"], kept)


def _kind(node: dict[str, Any]) -> str:
    node_type = str(node.get("type", "")).lower()
    name = str(node.get("name") or "").lower()
    if node_type == "atom":
        return "atom"
    if node_type == "conflict" or (node_type in ("scheme", "inference") and name in _CONFLICT):
        return "attack"
    if node_type in ("scheme", "inference"):
        return name if name in _NOTE_ONLY else "support"
    return node_type or "untyped"


def _claim(
    node: dict[str, Any], claim_id: str, node_id: str, i: int, b: MapBuilder, file: str | None
) -> dict[str, Any]:
    text = node.get("text")
    if not isinstance(text, str):
        raise FormatError("atom has no text", file=file, path=f"$.nodes[{i}].text")
    claim: dict[str, Any] = {"id": claim_id, "text": text if text.strip() else "(empty)"}
    if claim_id != node_id:
        claim["note"] = f"SADFace id {node_id}"
    quotes = []
    spans = expect(node.get("sources") or [], list, f"$.nodes[{i}].sources", file)
    for j, src in enumerate(spans):
        path = f"$.nodes[{i}].sources[{j}]"
        expect(src, dict, path, file)
        quote = _quote(src)
        if quote is None:
            b.warnings.append(
                f"{path}: source span without a resource, offset, length and text dropped"
            )
        else:
            quotes.append(quote)
    if quotes:
        claim["quotes"] = quotes
    ours = {k: v for k, v in _ns(node).items() if k not in ("id", "text", "quotes")}
    claim.update(checked_fields(Claim, ours, f"$.nodes[{i}].metadata.argmap", b.warnings))
    return claim


def _quote(src: dict[str, Any]) -> dict[str, Any] | None:
    """A quote from a SADFace source span, or None if the span lacks a part of one."""
    offset, length = src.get("offset"), src.get("length")
    quoted, resource = src.get("text"), src.get("resource_id")
    if not (_count(offset) and _count(length) and isinstance(quoted, str) and quoted):
        return None
    if not is_id(resource):
        return None
    return {"source": resource, "start": offset, "end": offset + length, "text": quoted}


def _count(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _answered(b: MapBuilder, id_of: dict[str, str], lost: dict[str, int]) -> None:
    """The answered critical questions kept in the argmap namespace, with the SADFace ids
    of what answers them made the map's ids; entries that make no sense are dropped."""
    for link in b.links:
        raw = link.pop("\x00answered", None)
        if raw is None:
            continue
        kept, dropped = read_answered(raw, link.get("scheme"), id_of.get)
        if kept:
            link["answered"] = kept
        if dropped:
            what = "answered critical question{|s} not understood dropped"
            lost[what] = lost.get(what, 0) + dropped


def _link(
    b: MapBuilder,
    node: dict[str, Any],
    link_id: str,
    kind: str,
    into: list[str],
    out_of: list[str],
    kinds: dict[str, str],
    id_of: dict[str, str],
    lost: dict[str, int],
) -> None:
    sources = [id_of[s] for s in into if kinds[s] == "atom"]
    targets = [id_of[t] for t in out_of if t in id_of]
    if not sources or not targets:
        what = f"{kind} scheme node{{|s}} without premises or conclusion dropped"
        lost[what] = lost.get(what, 0) + 1
        return
    for n, target in enumerate(dict.fromkeys(targets)):
        link: dict[str, Any] = {
            "id": link_id if n == 0 else f"{link_id}-{n + 1}",
            "kind": kind,
            "sources": [s for s in dict.fromkeys(sources) if s != target],
            "target": target,
        }
        name = node.get("name")
        if isinstance(name, str) and name and name.lower() not in _PLAIN_NAMES:
            link["scheme"] = name if is_id(name) else slugify(name, "scheme")
            link["scheme"] = scheme_id(name) or link["scheme"]  # a catalogue name
        ours = {k: v for k, v in _ns(node).items() if k in ("scheme", "weight", "note")}
        link.update(checked_fields(Link, ours, f"node {node.get('id')!r}", b.warnings))
        if "answered" in _ns(node):  # checked once every node has its id: see _answered
            link["\x00answered"] = _ns(node)["answered"]
        if link["sources"]:
            b.links.append(link)


def _resources(b: MapBuilder, data: dict[str, Any], file: str | None) -> None:
    seen: set[str] = set()
    for i, res in enumerate(expect(data.get("resources") or [], list, "$.resources", file)):
        path = f"$.resources[{i}]"
        expect(res, dict, path, file)
        res_id = res.get("id")
        if not is_id(res_id) or res_id in seen:
            b.warnings.append(f"{path}.id: not a usable id, or a second resource of it; dropped")
            continue
        seen.add(res_id)
        meta = res.get("metadata")
        core = meta.get("core") if isinstance(meta, dict) else None
        title = core.get("title") if isinstance(core, dict) else None
        if not isinstance(title, str) or not title:
            title = meta.get("title") if isinstance(meta, dict) else None  # v0.1
        source: dict[str, Any] = {
            "id": res_id,
            "title": title if isinstance(title, str) and title else res_id,
        }
        ours = {k: v for k, v in _ns(res).items() if k not in ("id", "title")}
        source.update(checked_fields(Source, ours, f"{path}.metadata.argmap", b.warnings))
        b.sources.append(source)


def _declare_quoted(b: MapBuilder, noted: dict[str, int]) -> None:
    """Declare a source for each resource a quote names that the file does not list."""
    declared = {s["id"] for s in b.sources}
    for claim in b.claims:
        for quote in claim.get("quotes", ()):
            if quote["source"] not in declared:
                declared.add(quote["source"])
                b.sources.append({"id": quote["source"], "title": quote["source"]})
                what = "resource{|s} quoted but not listed declared as {a source|sources}"
                noted[what] = noted.get(what, 0) + 1


def reads_sadface(text: str) -> ArgumentMap:
    """The argmap map for SADFace JSON text."""
    return _read(text, None).map


# -- writing ----------------------------------------------------------------------------------


def dumps(m: ArgumentMap) -> tuple[str, list[str]]:
    """SADFace v0.2 JSON for ``m`` (lossless: argmap fields go in the ``argmap`` namespace)."""
    doc_id = str(uuid.uuid5(_NAMESPACE, m.title + "\x00" + "\x00".join(c.id for c in m.claims)))
    core: dict[str, Any] = {
        "analyst_email": "",
        "analyst_name": "",
        "id": doc_id,
        "version": "0.2",
        "title": m.title,
        "description": m.description,
    }
    ours: dict[str, Any] = {}
    if m.question:
        ours["question"] = m.question
    for key in ("themes", "perspectives"):
        items = getattr(m, key)
        if items:
            ours[key] = [item.model_dump(mode="json", exclude_none=True) for item in items]
    resources = []
    for s in m.sources:
        extra = s.model_dump(mode="json", exclude_none=True, exclude={"id"})
        resources.append(
            {
                "id": s.id,
                "type": "text",
                "content": "",
                "metadata": {"core": {"title": s.title}, "argmap": extra},
            }
        )
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    for c in m.claims:
        extra = c.model_dump(mode="json", exclude_none=True, exclude={"id", "text", "quotes"})
        if extra.get("kind") == "claim":
            del extra["kind"]
        extra = {k: v for k, v in extra.items() if v != []}
        nodes.append(
            {
                "id": c.id,
                "type": "atom",
                "text": c.text,
                "sources": [
                    {
                        "resource_id": q.source,
                        "text": q.text,
                        "offset": q.start,
                        "length": q.end - q.start,
                    }
                    for q in c.quotes
                ],
                "metadata": {"core": {}, "argmap": extra} if extra else {"core": {}},
            }
        )
    for link in m.links:
        extra = link.model_dump(
            mode="json", exclude_none=True, include={"scheme", "weight", "note", "answered"}
        )
        nodes.append(
            {
                "id": link.id,
                "type": "scheme",
                "name": "support" if link.kind == "support" else "conflict",
                "metadata": {"core": {}, "argmap": extra} if extra else {"core": {}},
            }
        )
        for source in link.sources:
            edges.append({"id": f"{source}--{link.id}", "source_id": source, "target_id": link.id})
        edges.append(
            {"id": f"{link.id}--{link.target}", "source_id": link.id, "target_id": link.target}
        )
    meta: dict[str, Any] = {"core": core}
    if ours:
        meta["argmap"] = ours
    data = {"metadata": meta, "resources": resources, "nodes": nodes, "edges": edges}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n", []


def _sniff(head: str) -> bool:
    start = head.lstrip()[:4000]
    return start.startswith("{") and (
        '"atom"' in start or '"source_id"' in start or '"analyst_email"' in start
    )


FORMAT = Format(
    name="sadface",
    extensions=(".sadface.json", ".json"),
    description="SADFace JSON, read (v0.1, v0.2) and write (v0.2)",
    reader=_read,
    writer=dumps,
    sniff=_sniff,
)
