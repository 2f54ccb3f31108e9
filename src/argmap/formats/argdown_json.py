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
import reprlib
from typing import Any

from .._words import counted
from ..errors import FormatError
from ..model import ArgumentMap
from . import Format
from ._argdown_doc import ArgdownDocument, Argument, PcsItem, Relation, Statement
from ._argdown_map import to_map
from ._common import Result, expect, load_json

__all__ = ["FORMAT", "document", "reads_json"]

_FIRST_KEY = re.compile(r'\{\s*"(?:arguments|statements|map)"\s*:')
_RELATION_TYPES = {"support", "attack", "undercut", "entails", "contrary", "contradictory"}
_ROLES = {"premise", "intermediary-conclusion", "main-conclusion"}


def document(data: Any, file: str | None = None) -> ArgdownDocument:
    """The :class:`ArgdownDocument` held by parsed Argdown JSON ``data``."""
    expect(data, dict, "$", file)
    if "statements" not in data and "arguments" not in data and "map" in data:
        return _from_map(data["map"], file)
    doc = ArgdownDocument()
    sections = _sections(_list(data.get("sections")), file)
    for title, ec in expect(data.get("statements") or {}, dict, "$.statements", file).items():
        path = f"$.statements[{title!r}]"
        expect(ec, dict, path, file)
        section = ec.get("section")
        st = Statement(title, titled=not _untitled(title), section=_section(sections, section))
        for i, member in enumerate(expect(ec.get("members") or [], list, f"{path}.members", file)):
            expect(member, dict, f"{path}.members[{i}]", file)
            if isinstance(member.get("text"), str) and not member.get("isReference"):
                st.add_text(member["text"])
            if isinstance(member.get("data"), dict):
                st.data.update(member["data"])  # argmap's own fields, written as {data}
        st.tags = _strings(ec.get("tags"))
        doc.statements[title] = st
    for title, arg in expect(data.get("arguments") or {}, dict, "$.arguments", file).items():
        path = f"$.arguments[{title!r}]"
        doc.arguments[title] = _argument(title, arg, sections, path, file)
        for i, item in enumerate(doc.arguments[title].pcs):
            if item.statement not in doc.statements:
                raise FormatError(
                    f"names the statement {item.statement!r}, which the file does not have",
                    file=file,
                    path=f"{path}.pcs[{i}].title",
                )
    for i, rel in enumerate(expect(data.get("relations") or [], list, "$.relations", file)):
        _relation(doc, rel, f"$.relations[{i}]", file)
    _add_tag_colors(doc, data.get("tags"))
    return doc


def _strings(value: Any) -> list[str]:
    """The strings in ``value`` if it is a list (tags, rules), else none."""
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _one_of(value: Any, choices: set[str]) -> bool:
    """Whether ``value`` is one of the strings ``choices`` (a list or an object from the
    file is none of them, and cannot be looked up in a set)."""
    return isinstance(value, str) and value in choices


def _section(sections: dict[Any, str], key: Any) -> str | None:
    return sections.get(key) if isinstance(key, str | int) else None


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _untitled(title: str) -> bool:
    rest = title.removeprefix("Untitled ")
    return rest != title and rest.isdigit()


def _sections(items: list[Any], file: str | None) -> dict[Any, str]:
    out: dict[Any, str] = {}
    todo = list(items)
    while todo:  # iterative: nesting depth is the file's business, not the stack's
        section = todo.pop()
        if isinstance(section, dict):
            key = section.get("id")
            if isinstance(section.get("title"), str) and isinstance(key, str | int):
                out[key] = section["title"]
            todo.extend(_list(section.get("children")))
    return out


def _argument(
    title: str, arg: Any, sections: dict[Any, str], path: str, file: str | None
) -> Argument:
    expect(arg, dict, path, file)
    out = Argument(title)
    for member in _list(arg.get("members")):
        if not isinstance(member, dict):
            continue
        text = member.get("text")
        if isinstance(text, str) and text.strip() and not out.description:
            out.description = text.strip()
            section = member.get("section")
            out.section = _section(sections, section)
        if isinstance(member.get("data"), dict):
            out.data.update(member["data"])
    out.tags = _strings(arg.get("tags"))
    for i, item in enumerate(expect(arg.get("pcs") or [], list, f"{path}.pcs", file)):
        expect(item, dict, f"{path}.pcs[{i}]", file)
        st_title = expect(item.get("title"), str, f"{path}.pcs[{i}].title", file)
        role = item.get("role") or "premise"
        if not _one_of(role, _ROLES):
            raise FormatError(
                f"unknown role {reprlib.repr(role)} (expected one of {', '.join(sorted(_ROLES))})",
                file=file,
                path=f"{path}.pcs[{i}].role",
            )
        inference = item.get("inference")
        rules = _strings(inference.get("inferenceRules")) if isinstance(inference, dict) else []
        out.pcs.append(PcsItem(st_title, role, rules))
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
    if not _one_of(kind, _RELATION_TYPES):
        raise FormatError(
            f"unknown relationType {reprlib.repr(kind)}", file=file, path=f"{path}.relationType"
        )
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
    nodes = expect(data.get("nodes") or [], list, "$.map.nodes", file)
    todo: list[tuple[Any, str, str | None]] = [
        (n, f"$.map.nodes[{i}]", None) for i, n in enumerate(nodes)
    ]
    while todo:
        node, path, group = todo.pop()
        expect(node, dict, path, file)
        kind, title = node.get("type"), node.get("title")
        if kind == "group-map-node":
            todo.extend(
                (child, f"{path}.children[{i}]", title if isinstance(title, str) else group)
                for i, child in enumerate(_list(node.get("children")))
            )
            continue
        expect(title, str, f"{path}.title", file)
        text = node.get("labelText") if isinstance(node.get("labelText"), str) else ""
        tags = _strings(node.get("tags"))
        if kind == "argument-map-node":
            doc.arguments[title] = Argument(title, text, tags, section=group)
            titles[str(node.get("id"))] = (title, True)
        else:
            st = Statement(title, titled=not _untitled(title), tags=tags, section=group)
            st.add_text(text)
            doc.statements[title] = st
            titles[str(node.get("id"))] = (title, False)
    for i, edge in enumerate(expect(data.get("edges") or [], list, "$.map.edges", file)):
        path = f"$.map.edges[{i}]"
        expect(edge, dict, path, file)
        kind = edge.get("relationType")
        if not _one_of(kind, _RELATION_TYPES):
            raise FormatError(f"unknown relationType {reprlib.repr(kind)}", file=file, path=path)
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
