"""Kialo plain-text exports, read (both dialects) and written (the current dialect).

Kialo numbers each position by its place in the discussion tree (``1.2.3.``); a child is a
``Pro`` or ``Con`` of its parent. The legacy dialect has ``Discussion Title: ...`` and one
line per position; the current one has ``Discussion Name:`` with the name on the next line,
positions as a label line (``1.1. Con:``) followed by indented text, ``Thesis``/``Question``
roots, and a ``Sources:`` block resolving ``[n]`` footnote markers. ``-> See 1.2.2.`` reuses
the position numbered ``1.2.2.`` in a second place.

Mapping: each position becomes a claim whose id is its number with dashes (``1-2-3``); a
``Pro`` becomes a support link and a ``Con`` an attack link (ids ``s1-2-3``/``a1-2-3``,
after the child's number); a reuse links the original claim instead, with the stance of the
place it is reused in. Theses are ``position`` claims; a ``Question`` root becomes the map's
question. Footnotes become sources (their markers stay in the text). Markdown escapes
such as ``\\(`` are resolved.

>>> text = '''Discussion Title: Should pets be allowed?
...
... 1. Pets should be allowed.
... 1.1. Pro: Pets calm people.
... 1.2. Con: Pets are noisy.
... '''
>>> m = _read(text, None).map
>>> [(link.kind, link.sources, link.target) for link in m.links]
[('support', ['1-1'], '1'), ('attack', ['1-2'], '1')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .._words import counted
from ..errors import FormatError
from ..model import ArgumentMap
from . import Format
from ._common import MapBuilder, Result, tally

__all__ = ["FORMAT", "dumps"]

_POSITION_RE = re.compile(r"^(\s*)((?:\d+\.)+)(?:\s+(Pro|Con|Thesis|Question):)?(?:\s+(.*))?$")
_SEE_RE = re.compile(r"^->\s*See\s+((?:\d+\.)+)\s*$")
_SOURCE_RE = re.compile(r"^\[(\d+)\]\s+(.*)$")
_UNESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")
_ESCAPE_RE = re.compile(r"([\\\[\]()*_`])")
_LEADING_NUMBER = re.compile(r"^(\d+)\.")


@dataclass
class _Position:
    number: str
    stance: str | None
    line: int
    column: int
    lines: list[str] = field(default_factory=list)


def _read(text: str, file: str | None) -> Result:
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        raise FormatError(
            "empty file: no 'Discussion Title:' or 'Discussion Name:'", file=file, line=1, column=1
        )
    head = lines[start].strip()
    b = MapBuilder()
    if head.startswith("Discussion Title:"):
        b.title = head.removeprefix("Discussion Title:").strip()
        i = start + 1
    elif head.startswith("Discussion Name:"):
        i, name = start + 1, []
        while i < len(lines) and lines[i].strip():
            name.append(lines[i].strip())
            i += 1
        b.title = " ".join(name)
    else:
        raise FormatError(
            "not a Kialo export: expected 'Discussion Title:' or 'Discussion Name:'",
            file=file,
            line=start + 1,
            column=1,
        )
    positions, footnotes = _positions(lines, i, file)
    return _build(b, positions, footnotes, file)


def _positions(
    lines: list[str], i: int, file: str | None
) -> tuple[dict[str, _Position], dict[str, str]]:
    positions: dict[str, _Position] = {}
    footnotes: dict[str, str] = {}
    current: _Position | None = None
    in_sources = False
    for number in range(i, len(lines)):
        line = lines[number]
        if in_sources:
            m = _SOURCE_RE.match(line.strip())
            if m:
                footnotes[m.group(1)] = m.group(2).strip()
            elif line.strip() and footnotes:
                last = max(footnotes, key=int)
                footnotes[last] += " " + line.strip()
            continue
        if line.strip() == "Sources:" and not line.startswith(" "):
            in_sources = True
            continue
        m = _POSITION_RE.match(line)
        if m and _fits(m.group(2), positions):
            pos = _Position(m.group(2), m.group(3), number + 1, len(m.group(1)) + 1)
            if pos.number in positions:
                raise FormatError(
                    f"position {pos.number} appears twice",
                    file=file,
                    line=number + 1,
                    column=pos.column,
                )
            if m.group(4):
                pos.lines.append(m.group(4).strip())
            positions[pos.number] = pos
            current = pos
            continue
        if m and m.group(3):
            raise FormatError(
                f"position {m.group(2)} has no parent position {_parent(m.group(2))}",
                file=file,
                line=number + 1,
                column=len(m.group(1)) + 1,
            )
        if current is None:
            if line.strip():
                raise FormatError(
                    "text before the first numbered position",
                    file=file,
                    line=number + 1,
                    column=len(line) - len(line.lstrip()) + 1,
                )
            continue
        current.lines.append(line.strip())
    if not positions:
        raise FormatError(
            "no numbered positions (1., 1.1., ...) found", file=file, line=len(lines), column=1
        )
    return positions, footnotes


def _parent(number: str) -> str:
    return number[: number.rstrip(".").rfind(".") + 1]


def _fits(number: str, positions: dict[str, _Position]) -> bool:
    # A line like "2. Then..." inside a text is text unless it continues the tree.
    parent = _parent(number)
    return (parent == "" and not positions) or parent in positions


def _pid(number: str) -> str:
    return number.rstrip(".").replace(".", "-")


def _build(
    b: MapBuilder, positions: dict[str, _Position], footnotes: dict[str, str], file: str | None
) -> Result:
    reuse: dict[str, str] = {}
    texts: dict[str, str] = {}
    for pos in positions.values():
        body = "\n".join(pos.lines).strip()
        see = _SEE_RE.match(body)
        if see:
            reuse[pos.number] = see.group(1)
        else:
            texts[pos.number] = _UNESCAPE_RE.sub(r"\1", body)
    for number, target in reuse.items():
        seen = {number}
        while target in reuse and target not in seen:  # a reuse of a reuse
            seen.add(target)
            target = reuse[target]
        if target not in texts:
            pos = positions[number]
            raise FormatError(
                f"'-> See {target}' refers to no position",
                file=file,
                line=pos.line,
                column=pos.column,
            )
        reuse[number] = target
    question = None
    for pos in positions.values():
        if pos.number in reuse:
            continue
        if pos.stance == "Question" and _parent(pos.number) == "":
            question = pos
            b.question = texts[pos.number]
            continue
        text = texts[pos.number]
        claim: dict[str, Any] = {"id": _pid(pos.number), "text": text or "(empty)"}
        if not text:
            b.warnings.append(f"line {pos.line}: position {pos.number} has no text")
        parent = _parent(pos.number)
        if pos.stance == "Thesis" or parent == "" or (question and parent == question.number):
            claim["kind"] = "position"
        b.claims.append(claim)
    for pos in positions.values():
        parent = _parent(pos.number)
        if parent == "" or (question is not None and parent == question.number):
            continue
        if pos.stance not in ("Pro", "Con"):
            raise FormatError(
                f"position {pos.number} needs 'Pro:' or 'Con:'",
                file=file,
                line=pos.line,
                column=pos.column,
            )
        source = _pid(reuse.get(pos.number, pos.number))
        target = _pid(reuse.get(parent, parent))
        kind = "support" if pos.stance == "Pro" else "attack"
        if source == target:
            b.warnings.append(f"line {pos.line}: {pos.number} reuses its own parent; dropped")
            continue
        b.links.append(
            {"id": kind[0] + _pid(pos.number), "kind": kind, "sources": [source], "target": target}
        )
    for n, url in sorted(footnotes.items(), key=lambda kv: int(kv[0])):
        footnote: dict[str, Any] = {"id": f"footnote-{n}", "title": url or f"[{n}]"}
        if url.startswith(("http://", "https://")):
            footnote["url"] = url
        b.sources.append(footnote)
    if reuse:
        b.warnings.append(
            counted(len(reuse), "'-> See' reuse{|s} linked to the original {claim|claims}")
        )
    return b.finish(file)


# -- writing ----------------------------------------------------------------------------------


def dumps(m: ArgumentMap) -> tuple[str, list[str]]:
    """Kialo text (current dialect) for ``m`` and warnings for what Kialo cannot express."""
    lost: dict[str, int] = {}

    def lose(what: str, n: int = 1) -> None:
        if n:
            lost[what] = lost.get(what, 0) + n

    claims = {c.id: c for c in m.claims}
    children: dict[str, list[tuple[str, str]]] = {c.id: [] for c in m.claims}
    feeds: set[str] = set()
    for link in m.links:
        if link.target not in claims:
            lose("undercut{|s} and links on links dropped (Kialo has none)")
            continue
        if len(link.sources) > 1:
            lose("link{|s} with co-premises written as one position per premise")
        for source in link.sources:
            children[link.target].append((source, "Pro" if link.kind == "support" else "Con"))
            feeds.add(source)
    roots = [c.id for c in m.claims if c.id not in feeds]
    out = ["Discussion Name:", _line(m.title or m.question or "Untitled discussion"), ""]
    number_of: dict[str, str] = {}
    if len(roots) == 1 and not m.question:
        tops = [(roots[0], "Thesis", "1.")]
    else:
        out += ["1. Question:", _line(m.question or m.title or "Which position holds?"), ""]
        tops = [(r, "Thesis", f"1.{n}.") for n, r in enumerate(roots, start=1)]
    todo = list(reversed(tops))
    while todo:
        claim_id, stance, number = todo.pop()
        indent = "  " * (number.count(".") - 1)
        out.append(f"{indent}{number} {stance}:")
        if claim_id in number_of:
            out += [f"{indent}-> See {number_of[claim_id]}", ""]
            continue
        number_of[claim_id] = number
        out += [f"{indent}{_line(claims[claim_id].text)}", ""]
        kids = [(s, st, f"{number}{n}.") for n, (s, st) in enumerate(children[claim_id], 1)]
        todo.extend(reversed(kids))
    missing = [c.id for c in m.claims if c.id not in number_of]
    lose("claim{|s} reachable only through cycles dropped", len(missing))
    for c in m.claims:
        lose(
            "claim{|s} with fields other than the text dropped (title, themes, ...)",
            int(
                any(
                    getattr(c, k)
                    for k in (
                        "title",
                        "basis",
                        "confidence",
                        "note",
                        "themes",
                        "asserted_by",
                        "quotes",
                    )
                )
            ),
        )
    lose("link id{|s}, weights and schemes not kept", len(m.links))
    lose("answered critical question{|s} not kept", sum(len(x.answered or ()) for x in m.links))
    return "\n".join(out).rstrip("\n") + "\n", tally(lost)


def _line(text: str) -> str:
    line = _ESCAPE_RE.sub(r"\\\1", " ".join(text.split()))
    # Keep a text from reading as a reuse ("-> See") or a position number ("1.").
    if line.startswith("->"):
        line = "\\" + line
    return _LEADING_NUMBER.sub(r"\1\\.", line, count=1)


def _sniff(head: str) -> bool:
    return head.lstrip().startswith(("Discussion Title:", "Discussion Name:"))


FORMAT = Format(
    name="kialo",
    extensions=(".kialo.txt", ".kialo", ".txt"),
    description="Kialo text export, read (both dialects) and write (current dialect)",
    reader=_read,
    writer=dumps,
    sniff=_sniff,
)
