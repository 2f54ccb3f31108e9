"""Argdown JSON (``argdown json`` export of the Argdown tool), read.

The export holds the Argdown *model* (``statements`` as equivalence classes, ``arguments``
with premise-conclusion structures, ``relations`` by title, ``sections``) and the *map*
(``map.nodes`` with group nodes nested in ``children``, ``map.edges``). argmap reads the
model, which keeps every statement and argument; a file holding only a ``map`` is read
from its nodes and edges, walking nested groups. Strict-mode relations between arguments
that Argdown derives from premise-conclusion structures need no edge in argmap: arguments
sharing a statement share the claim. The mapping is the Argdown text reader's
(:mod:`argmap.formats._argdown_doc`).

>>> m = reads_json('{"statements": {"A": {"members": [{"text": "Cats purr."}]}, '
...                '"B": {"members": [{"text": "Cats are happy."}]}}, '
...                '"relations": [{"relationType": "support", "from": "A", '
...                '"fromType": "equivalence-class", "to": "B", "toType": "equivalence-class"}]}')
>>> [(link.kind, link.sources, link.target) for link in m.links]
[('support', ['a'], 'b')]
"""

from __future__ import annotations

import re
from typing import Any

from .._words import counted
from ..errors import FormatError
from ..model import ArgumentMap
from . import Format
from ._argdown_doc import ArgdownDocument, Argument, PcsItem, Relation, Statement, to_map
from ._common import Result, expect, load_json

__all__ = ["FORMAT", "document", "reads_json"]

_FIRST_KEY = re.compile(r'\{\s*"(?:arguments|statements|map)"\s*:')
_RELATION_TYPES = {"support", "attack", "undercut", "entails", "contrary", "contradictory"}


def document(data: Any, file: str | None = None) -> ArgdownDocument:
    """The :class:`ArgdownDocument` held by parsed Argdown JSON ``data``."""
    expect(data, dict, "$", file)
    if "statements" not in data and "arguments" not in data and "map" in data:
        return _from_map(data["map"], file)
    doc = ArgdownDocument()
    sections = _sections(data.get("sections") or [], file)
    for title, ec in expect(data.get("statements") or {}, dict, "$.statements", file).items():
        path = f"$.statements[{title!r}]"
        expect(ec, dict, path, file)
        st = Statement(title, titled=not _untitled(title), section=sections.get(ec.get("section")))
        for i, member in enumerate(expect(ec.get("members") or [], list, f"{path}.members", file)):
            expect(member, dict, f"{path}.members[{i}]", file)
            if isinstance(member.get("text"), str) and not member.get("isReference"):
                st.add_text(member["text"])
            if isinstance(member.get("data"), dict):
                st.data.update(member["data"])  # argmap's own fields, written as {data}
        st.tags = [t for t in ec.get("tags") or [] if isinstance(t, str)]
        doc.statements[title] = st
    for title, arg in expect(data.get("arguments") or {}, dict, "$.arguments", file).items():
        doc.arguments[title] = _argument(title, arg, sections, f"$.arguments[{title!r}]", file)
    for i, rel in enumerate(expect(data.get("relations") or [], list, "$.relations", file)):
        _relation(doc, rel, f"$.relations[{i}]", file)
    _add_tag_colors(doc, data.get("tags"))
    return doc


def _untitled(title: str) -> bool:
    rest = title.removeprefix("Untitled ")
    return rest != title and rest.isdigit()


def _sections(items: list[Any], file: str | None) -> dict[Any, str]:
    out: dict[Any, str] = {}
    todo = list(items)
    while todo:  # iterative: nesting depth is the file's business, not the stack's
        section = todo.pop()
        if isinstance(section, dict):
            if isinstance(section.get("title"), str):
                out[section.get("id")] = section["title"]
            todo.extend(section.get("children") or [])
    return out


def _argument(
    title: str, arg: Any, sections: dict[Any, str], path: str, file: str | None
) -> Argument:
    expect(arg, dict, path, file)
    out = Argument(title)
    for member in arg.get("members") or []:
        if isinstance(member, dict) and member.get("text") and not out.description:
            out.description = member["text"].strip()
            out.section = sections.get(member.get("section"))
        if isinstance(member, dict) and isinstance(member.get("data"), dict):
            out.data.update(member["data"])
    out.tags = [t for t in arg.get("tags") or [] if isinstance(t, str)]
    for i, item in enumerate(expect(arg.get("pcs") or [], list, f"{path}.pcs", file)):
        expect(item, dict, f"{path}.pcs[{i}]", file)
        st_title = expect(item.get("title"), str, f"{path}.pcs[{i}].title", file)
        role = item.get("role") or "premise"
        rules = (item.get("inference") or {}).get("inferenceRules") or []
        out.pcs.append(PcsItem(st_title, role, [r for r in rules if isinstance(r, str)]))
    if out.pcs and out.pcs[-1].role == "premise":
        raise FormatError(
            "premise-conclusion structure does not end with a conclusion",
            file=file,
            path=f"{path}.pcs",
        )
    return out


def _relation(doc: ArgdownDocument, rel: Any, path: str, file: str | None) -> None:
    expect(rel, dict, path, file)
    kind = rel.get("relationType")
    if kind not in _RELATION_TYPES:
        raise FormatError(f"unknown relationType {kind!r}", file=file, path=f"{path}.relationType")
    ends = []
    for end in ("from", "to"):
        title = expect(rel.get(end), str, f"{path}.{end}", file)
        is_argument = rel.get(f"{end}Type") in ("argument", "inference")
        table: dict[str, Any] = doc.arguments if is_argument else doc.statements
        if title not in table:
            raise FormatError(
                f"relation refers to unknown {'argument' if is_argument else 'statement'} "
                f"{title!r}",
                file=file,
                path=f"{path}.{end}",
            )
        ends.append((title, is_argument))
    (src, src_arg), (dst, dst_arg) = ends
    doc.add_relation(Relation(kind, src, src_arg, dst, dst_arg))


def _add_tag_colors(doc: ArgdownDocument, tags: Any) -> None:
    if isinstance(tags, dict) and tags:
        doc.warnings.append(counted(len(tags), "tag colour{|s} not kept (tags become themes)"))


def _from_map(data: Any, file: str | None) -> ArgdownDocument:
    doc = ArgdownDocument()
    expect(data, dict, "$.map", file)
    titles: dict[str, tuple[str, bool]] = {}
    todo: list[tuple[Any, str, str | None]] = [
        (n, f"$.map.nodes[{i}]", None) for i, n in enumerate(data.get("nodes") or [])
    ]
    while todo:
        node, path, group = todo.pop()
        expect(node, dict, path, file)
        kind, title = node.get("type"), node.get("title")
        if kind == "group-map-node":
            todo.extend(
                (child, f"{path}.children[{i}]", title if isinstance(title, str) else group)
                for i, child in enumerate(node.get("children") or [])
            )
            continue
        expect(title, str, f"{path}.title", file)
        text = node.get("labelText") if isinstance(node.get("labelText"), str) else ""
        tags = [t for t in node.get("tags") or [] if isinstance(t, str)]
        if kind == "argument-map-node":
            doc.arguments[title] = Argument(title, text, tags, section=group)
            titles[str(node.get("id"))] = (title, True)
        else:
            st = Statement(title, titled=not _untitled(title), tags=tags, section=group)
            st.add_text(text)
            doc.statements[title] = st
            titles[str(node.get("id"))] = (title, False)
    for i, edge in enumerate(data.get("edges") or []):
        path = f"$.map.edges[{i}]"
        expect(edge, dict, path, file)
        kind = edge.get("relationType")
        if kind not in _RELATION_TYPES:
            raise FormatError(f"unknown relationType {kind!r}", file=file, path=path)
        try:
            (src, src_arg), (dst, dst_arg) = titles[str(edge["from"])], titles[str(edge["to"])]
        except KeyError as exc:
            raise FormatError(f"edge refers to unknown node {exc}", file=file, path=path) from None
        doc.add_relation(Relation(kind, src, src_arg, dst, dst_arg))
    doc.notes.append("read from the map only: premise-conclusion structures are not in it")
    return doc


def reads_json(text: str, file: str | None = None) -> ArgumentMap:
    """The argmap map for Argdown JSON text."""
    return _read(text, file).map


def _read(text: str, file: str | None) -> Result:
    return to_map(document(load_json(text, file), file))


def _sniff(head: str) -> bool:
    start = head.lstrip()[:4000]
    return bool(_FIRST_KEY.match(start)) or '"equivalence-class"' in start


FORMAT = Format(
    name="argdown-json",
    extensions=(".argdown.json",),
    description="Argdown JSON export (argdown json), read",
    reader=_read,
    sniff=_sniff,
)
