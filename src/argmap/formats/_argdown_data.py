"""argmap's own data in an Argdown document: checked on reading, never trusted blindly.

An Argdown file written by argmap carries what Argdown has no syntax for as data (see
:mod:`argmap.formats._argdown_writer`): ``{...}`` on statements, and an ``argmap`` key in the
front matter. Files are edited by hand and shared, so every value is checked against the
field it fills; a value that does not fit is left out with a warning naming where it was,
and the rest of the file is read.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter, ValidationError

from ..model import Claim, Link, Perspective, Source, Theme
from ._common import MapBuilder, checked_fields, checked_item, is_id

if TYPE_CHECKING:
    from ._argdown_doc import ArgdownDocument, Relation

__all__ = ["apply_meta", "claim_data", "link_records", "structure_digest"]

#: Claim fields argmap writes into an Argdown statement's ``{...}`` data and reads back.
CLAIM_DATA_KEYS = (
    "id",
    "title",
    "text",
    "kind",
    "basis",
    "confidence",
    "note",
    "asserted_by",
    "quotes",
)
_LINKS: TypeAdapter[list[Link]] = TypeAdapter(list[Link])


def structure_digest(
    relations: Iterable[Relation], arguments: dict[str, list[tuple[str, str, list[str]]]]
) -> str:
    """A short digest of a document's relations and premise-conclusion structures.

    The writer records it beside the links it keeps in the front matter; the reader takes
    those links only if the document it reads has the same digest, so a relation added or
    removed by hand is never overridden by the front matter.
    """
    keys = sorted({relation.key() for relation in relations})
    args = sorted((title, [list(item) for item in items]) for title, items in arguments.items())
    canonical = json.dumps([keys, args], ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def document_digest(doc: ArgdownDocument) -> str:
    """:func:`structure_digest` of a parsed document."""
    arguments = {
        title: [(item.statement, item.role, list(item.rules)) for item in arg.pcs]
        for title, arg in doc.arguments.items()
    }
    return structure_digest(doc.relations, arguments)


def claim_data(
    claim: dict[str, Any], data: dict[str, Any], where: str, warnings: list[str]
) -> dict[str, Any]:
    """Put argmap's claim fields from a statement's ``data`` into ``claim``; return the
    other keys (not argmap's: the caller warns about them)."""
    ours = {k: data.pop(k) for k in CLAIM_DATA_KEYS[1:] if k in data}
    fields = checked_fields(Claim, ours, where, warnings)
    text = fields.pop("text", None)
    if text is not None:
        # The exact text, for a text an Argdown line cannot hold (line breaks, runs of
        # spaces): taken only while the statement still shows it.
        if " ".join(text.split()) == " ".join(str(claim["text"]).split()) and text.strip():
            claim["text"] = text
        else:
            warnings.append(f"{where}: data text differs from the statement's text; not used")
    claim.update(fields)
    return data


def apply_meta(b: MapBuilder, meta: Any, warnings: list[str]) -> None:
    """The question, description, themes, perspectives and sources of the front matter's
    ``argmap`` key, each checked."""
    where = "front matter argmap"
    if not isinstance(meta, dict):
        warnings.append(f"{where}: not a mapping; left out")
        return
    for key in ("question", "description"):
        value = meta.get(key)
        if isinstance(value, str):
            setattr(b, key, value)
        elif value is not None:
            warnings.append(f"{where}.{key}: not a string; left out")
    for key, model in (("themes", Theme), ("perspectives", Perspective), ("sources", Source)):
        items = meta.get(key)
        if items is None:
            continue
        if not isinstance(items, list):
            warnings.append(f"{where}.{key}: not a list; left out")
            continue
        kept = [
            checked_item(model, item, f"{where}.{key}[{i}]", warnings)
            for i, item in enumerate(items)
        ]
        table = {item["id"]: item for item in kept if item is not None}
        if key == "sources":
            b.sources = list(table.values())
        else:
            getattr(b, key).update(table)


def link_records(
    meta: Any, doc: ArgdownDocument, claims: set[str], warnings: list[str]
) -> list[dict[str, Any]] | None:
    """The links argmap kept in the front matter, if the document's relations are still
    the ones written beside them and the links are sound; else None (the links are then
    made from the relations)."""
    if not isinstance(meta, dict) or "links" not in meta:
        return None
    where = "front matter argmap.links"
    if meta.get("relations") != document_digest(doc):
        warnings.append(
            f"{where}: the relations were changed since argmap wrote them; link ids, "
            "weights, notes and schemes there not used"
        )
        return None
    try:
        links = _LINKS.validate_python(meta["links"], strict=True)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        place = ".".join(str(p) for p in err["loc"])
        warnings.append(f"{where}.{place}: {err['msg']}; the links there not used")
        return None
    known = set(claims)
    for link in links:
        ends = [*link.sources, link.target]
        if not all(is_id(end) for end in ends) or not set(link.sources) <= claims:
            warnings.append(f"{where}: link {link.id!r} names a claim the document lacks")
            return None
        known.add(link.id)
    if not all(link.target in known for link in links):
        warnings.append(f"{where}: a link targets nothing the document has; not used")
        return None
    return [link.model_dump(exclude_none=True) for link in links]
