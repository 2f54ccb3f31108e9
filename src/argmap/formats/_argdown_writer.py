"""Writing a map as Argdown text (see :mod:`argmap.formats.argdown`).

What an Argdown reader sees is the map's structure: statements, their relations, and
premise-conclusion structures for links with co-premises or links that other links target.
What Argdown has no syntax for travels as data, which the Argdown tool keeps and argmap
reads back, so that ``read(write(m)) == m`` for every map:

* on a statement, ``{...}`` data: the claim's id (when its title does not give it), title
  (when not usable as an Argdown title), exact text (when it has line breaks or runs of
  spaces, which an Argdown line cannot), kind, basis, confidence, note, perspectives, quotes;
* in the front matter's ``argmap`` key: the question, description, themes, perspectives,
  sources, and every link as it is (id, kind, premises, target, scheme, weight, note) with a
  digest of the relations written, so that the links are taken from there only while the
  document's relations are still the ones written (see
  :func:`argmap.formats._argdown_data.structure_digest`).

Data is JSON, which YAML reads the same (so argmap needs no YAML library for it), with
every character that could end a line or start an Argdown comment escaped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from ..model import ArgumentMap, Claim, Link
from ._argdown_data import structure_digest
from ._argdown_doc import Relation
from ._common import slugify

__all__ = ["flow", "write_argdown"]


# Characters YAML does not allow raw in a file, or reads as line breaks; JSON's \\u escape is
# also YAML's. Astral characters stay raw: PyYAML decodes escaped surrogate pairs wrongly.
# Besides, what would start a comment in an Argdown line ("//", "/*", "*/", "<!--").
_NOT_YAML_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
    "|/(?=[/*])|(?<=[/*])/|<(?=!--)"
)


def flow(value: Any) -> str:
    r"""``value`` as one line of JSON that YAML (the Argdown tool's reader) reads the same.

    >>> flow({"note": "a // b", "confidence": 1e-05})
    '{"note": "a \\u002f\\u002f b", "confidence": 1.0e-05}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    if _EXPONENT.search(text):
        # YAML 1.1 (PyYAML) reads 1e-05 as a string: a float with an exponent gets a dot.
        text = _NUMBER_OR_STRING.sub(_with_dot, text)
    if text.isprintable() and not any(token in text for token in _COMMENT_TOKENS):
        return text  # (the common case, found with C-level calls)
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_COMMENT_TOKENS = ("//", "/*", "*/", "<!--")
_EXPONENT = re.compile(r"\d[eE][-+]?\d")  # (in a number, or in a string: then looked at)
#: In JSON text: a string (left as it is), or a number with an exponent and no dot.
_NUMBER_OR_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|(?<![\w.])(-?\d+)([eE][-+]?\d+)')


def _with_dot(m: re.Match[str]) -> str:
    return m.group() if m.group(1) is None else f"{m.group(1)}.0{m.group(2)}"


def write_argdown(m: ArgumentMap) -> tuple[str, list[str]]:
    """Argdown text and what it cannot hold (nothing: see the module's docstring)."""
    titles = _titles(m)
    escape = _escape
    claim_ids = {c.id for c in m.claims}
    links = {link.id: link for link in m.links}
    targeted = {link.target for link in m.links if link.target in links}
    # Links written as premise-conclusion structures: they need a name or have co-premises.
    as_pcs = [
        link
        for link in m.links
        if link.kind == "support"
        and link.target in claim_ids
        and (len(link.sources) > 1 or link.id in targeted)
    ]
    pcs_ids = {link.id for link in as_pcs}
    incoming: dict[str, list[Link]] = {}
    on_pcs: dict[str, list[Link]] = {}
    for link in m.links:
        if link.id in pcs_ids:
            continue
        if link.target in claim_ids:
            incoming.setdefault(link.target, []).append(link)
        elif link.target in pcs_ids:
            on_pcs.setdefault(link.target, []).append(link)
        # Links on attack links, and on links on links, have no Argdown syntax: they are
        # kept in the front matter only.
    relations: list[Relation] = []
    body: list[str] = []
    # Every definition first, so claims read back in the map's order; relations after.
    for claim in m.claims:
        body += [_statement(claim, titles, escape), ""]
    for claim in m.claims:
        if incoming.get(claim.id):
            body.append(f"[{titles[claim.id]}]")
            for link in incoming[claim.id]:
                sign, kind = ("+", "support") if link.kind == "support" else ("-", "attack")
                for s in link.sources:
                    body.append(f"  {sign} [{titles[s]}]")
                    relations.append(Relation(kind, titles[s], False, titles[claim.id], False))
            body.append("")
    arguments: dict[str, list[tuple[str, str, list[str]]]] = {}
    for link in as_pcs:
        body += _pcs(link, titles, arguments)
        related = on_pcs.get(link.id, [])
        if related:
            body.append(f"<{link.id}>")
            for other in related:
                sign, kind = ("<+", "support") if other.kind == "support" else ("<_", "undercut")
                for s in other.sources:
                    body.append(f"  {sign} [{titles[s]}]")
                    relations.append(Relation(kind, titles[s], False, link.id, True))
            body.append("")
    head = _front_matter(m, structure_digest(relations, arguments))
    return "\n".join(head + body).rstrip("\n") + "\n", []


#: Each character Argdown gives a meaning to, escaped (str.translate: C-level, where a
#: pattern's replacement template costs a Python call per character escaped).
_ESCAPE = str.maketrans({ch: "\\" + ch for ch in "\\[]<>#@{}*_/"})
_GOOD_TITLE = re.compile(
    r"[^\[\]<>{}\\#@*_/:\s](?:[^\[\]<>{}\\#@*_/:\n\r\t]*[^\[\]<>{}\\#@*_/:\s])?"
)


_UNTITLED = re.compile(r"Untitled \d+")


def _escape(text: str) -> str:
    return " ".join(text.split()).translate(_ESCAPE)


def _titles(m: ArgumentMap) -> dict[str, str]:
    ids = {c.id for c in m.claims} | {link.id for link in m.links}
    counts: dict[str, int] = {}
    for c in m.claims:
        if c.title:
            counts[c.title] = counts.get(c.title, 0) + 1
    out: dict[str, str] = {}
    for c in m.claims:
        t = c.title
        good = (
            t  # (not None, not "")
            and counts[t] == 1
            and (t == c.id or t not in ids)
            and _GOOD_TITLE.fullmatch(t) is not None
            and t == " ".join(t.split())
            and _UNTITLED.fullmatch(t) is None  # what the Argdown tool calls untitled ones
        )
        out[c.id] = t if good and t is not None else c.id
    return out


def _pcs(
    link: Link, titles: dict[str, str], arguments: dict[str, list[tuple[str, str, list[str]]]]
) -> list[str]:
    """The premise-conclusion structure of ``link``, recorded in ``arguments`` as the
    reader will find it."""
    out = [f"<{link.id}>", ""]
    items: list[tuple[str, str, list[str]]] = []
    for n, source in enumerate(link.sources, start=1):
        out.append(f"({n}) [{titles[source]}]")
        items.append((titles[source], "premise", []))
    out.append(f"-- {link.scheme} --" if link.scheme else "----")
    out += [f"({len(link.sources) + 1}) [{titles[link.target]}]", ""]
    items.append((titles[link.target], "main-conclusion", [link.scheme] if link.scheme else []))
    arguments[link.id] = items
    return out


def _front_matter(m: ArgumentMap, digest: str) -> list[str]:
    meta: dict[str, Any] = {}
    if m.question:
        meta["question"] = m.question
    if m.description:
        meta["description"] = m.description
    for key in ("themes", "perspectives", "sources", "links"):
        items = getattr(m, key)
        if items:
            meta[key] = [item.model_dump(mode="json", exclude_none=True) for item in items]
    if m.links:
        meta["relations"] = digest
    lines = ["==="]
    if m.title:
        lines.append(f"title: {flow(m.title)}")
    if meta:
        lines.append(f"argmap: {flow(meta)}")
    lines.append("===")
    return [*lines, ""] if len(lines) > 2 else []


def _statement(claim: Claim, titles: dict[str, str], escape: Callable[[str], str]) -> str:
    title = titles[claim.id]
    shown = " ".join(claim.text.split())
    line = f"[{title}]: {escape(shown)}"
    line += "".join(f" #({theme})" for theme in claim.themes)
    data: dict[str, Any] = {}
    if slugify(title, "statement") != claim.id:  # the id the reader derives from the title
        data["id"] = claim.id
    if claim.title is not None and (claim.title != title or title == claim.id):
        data["title"] = claim.title  # (a title equal to the id reads back as no title)
    if claim.text != shown:
        data["text"] = claim.text
    if claim.kind != "claim":
        data["kind"] = claim.kind
    for key in ("basis", "confidence", "note"):
        value = getattr(claim, key)
        if value is not None:
            data[key] = value
    if claim.asserted_by:
        data["asserted_by"] = list(claim.asserted_by)
    if claim.quotes:
        data["quotes"] = [q.model_dump(mode="json") for q in claim.quotes]
    if data:
        line += " " + flow(data)
    return line
