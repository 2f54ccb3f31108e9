"""Writing a map as Argdown text (see :mod:`argmap.formats.argdown`)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from ..model import ArgumentMap, Claim, Link
from ._common import slugify, tally

__all__ = ["write_argdown"]


# Characters YAML does not allow raw in a file, or reads as line breaks; JSON's \\u escape is
# also YAML's. Astral characters stay raw: PyYAML decodes escaped surrogate pairs wrongly.
_NOT_YAML_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def _flow(value: Any) -> str:
    # JSON is valid YAML flow syntax, so the Argdown tool and argmap both read it as data.
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def write_argdown(
    m: ArgumentMap, titles: dict[str, str], escape: Callable[[str], str]
) -> tuple[str, list[str]]:
    """Argdown text and the warnings; ``titles`` gives each claim's unique ``[title]``."""
    lost: dict[str, int] = {}

    def lose(what: str, n: int = 1) -> None:
        if n:
            lost[what] = lost.get(what, 0) + n

    claim_ids = {c.id for c in m.claims}
    links = {link.id: link for link in m.links}
    targeted = {link.target for link in m.links if link.target in links}
    # Links written as premise-conclusion structures: they need a name or have co-premises.
    as_pcs = {
        link.id
        for link in m.links
        if link.kind == "support"
        and link.target in claim_ids
        and (len(link.sources) > 1 or link.id in targeted)
    }
    incoming: dict[str, list[Link]] = {}
    on_pcs: dict[str, list[Link]] = {}
    for link in m.links:
        if link.id in as_pcs:
            continue
        if link.target in claim_ids:
            if len(link.sources) > 1:
                lose("attack{|s} with co-premises written as one attack per premise")
            incoming.setdefault(link.target, []).append(link)
        elif link.target in as_pcs:
            if len(link.sources) > 1:
                lose("link{|s} with co-premises on links written as one relation per premise")
            on_pcs.setdefault(link.target, []).append(link)
        else:
            lose(
                "link{|s} on attack links or on links between links dropped "
                "(Argdown cannot name them)"
            )
        for name, value in (("weight", link.weight), ("scheme", link.scheme), ("note", link.note)):
            if value is not None and not (name == "scheme" and link.id in as_pcs):
                lose(f"link {name}{{|s}} dropped")
    lose("answered critical question{|s} dropped", sum(len(x.answered or ()) for x in m.links))
    lose_ids = sum(1 for link in m.links if link.id not in as_pcs)
    if lose_ids:
        lose("link id{|s} not kept (Argdown relations have no names)", lose_ids)

    out: list[str] = []
    out.extend(_front_matter(m))
    # Every definition first, so claims read back in the map's order; relations after.
    for claim in m.claims:
        out.append(_statement(claim, titles, escape, lose))
        out.append("")
    for claim in m.claims:
        if incoming.get(claim.id):
            out.append(f"[{titles[claim.id]}]")
            for link in incoming[claim.id]:
                sign = "+" if link.kind == "support" else "-"
                out.extend(f"  {sign} [{titles[s]}]" for s in link.sources)
            out.append("")
    for link_id in sorted(as_pcs, key=list(links).index):
        link = links[link_id]
        out.append(f"<{link.id}>")
        out.append("")
        for n, source in enumerate(link.sources, start=1):
            out.append(f"({n}) [{titles[source]}]")
        rule = f"-- {link.scheme} --" if link.scheme else "----"
        out.append(rule)
        out.append(f"({len(link.sources) + 1}) [{titles[link.target]}]")
        out.append("")
        related = on_pcs.get(link.id, [])
        if related:
            out.append(f"<{link.id}>")
            for other in related:
                sign = "<+" if other.kind == "support" else "<_"
                out.extend(f"  {sign} [{titles[s]}]" for s in other.sources)
            out.append("")
    warnings = tally(lost)
    return "\n".join(out).rstrip("\n") + "\n", warnings


def _front_matter(m: ArgumentMap) -> list[str]:
    meta: dict[str, Any] = {}
    if m.question:
        meta["question"] = m.question
    if m.description:
        meta["description"] = m.description
    for key in ("themes", "perspectives", "sources"):
        items = getattr(m, key)
        if items:
            meta[key] = [item.model_dump(mode="json", exclude_none=True) for item in items]
    lines = ["==="]
    if m.title:
        lines.append(f"title: {_flow(m.title)}")
    if meta:
        lines.append(f"argmap: {_flow(meta)}")
    lines.append("===")
    return [*lines, ""] if len(lines) > 2 else []


def _statement(
    claim: Claim, titles: dict[str, str], escape: Callable[[str], str], lose: Callable[..., None]
) -> str:
    title = titles[claim.id]
    text = escape(claim.text)
    if text != escape(" ".join(claim.text.split())) or claim.text != " ".join(claim.text.split()):
        lose("claim text{|s} with line breaks or extra spaces written on one line")
    line = f"[{title}]: {text}"
    line += "".join(f" #({theme})" for theme in claim.themes)
    data: dict[str, Any] = {}
    if slugify(title, "statement") != claim.id:  # the id the reader derives from the title
        data["id"] = claim.id
    if claim.title is not None and claim.title != title:
        lose("claim title{|s} not usable as Argdown {a title|titles} replaced by the id")
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
        line += " " + _flow(data)
    return line
