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
from ._common import MapBuilder, Result

__all__ = ["FORMAT", "dumps"]

_POSITION_RE = re.compile(r"^(\s*)((?:\d+\.)+)(?:\s+(Pro|Con|Thesis|Question):)?(?:\s+(.*))?$")
_SEE_RE = re.compile(r"^->\s*See\s+((?:\d+\.)+)\s*$")
_SOURCE_RE = re.compile(r"^\[(\d+)\]\s+(.*)$")
_UNESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")


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
    last = ""  # the highest footnote number so far: a wrapped line continues it
    for number in range(i, len(lines)):
        line = lines[number]
        if in_sources:
            m = _SOURCE_RE.match(line.strip())
            if m:
                footnotes[m.group(1)] = m.group(2).strip()
                if not last or _numeric(m.group(1)) > _numeric(last):
                    last = m.group(1)
            elif line.strip() and footnotes:
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


def _escaped(m: re.Match[str]) -> str:
    return m.group(1)


def _numeric(digits: str) -> tuple[int, str]:
    """A sort key that orders strings of digits as numbers, without int() (which refuses
    over 4,300 digits)."""
    digits = digits.lstrip("0")
    return len(digits), digits


def _parent(number: str) -> str:
    return number[: number.rstrip(".").rfind(".") + 1]


def _fits(number: str, positions: dict[str, _Position]) -> bool:
    # A line like "2. Then..." inside a text is text unless it continues the tree.
    parent = _parent(number)
    return (parent == "" and not positions) or parent in positions


#: Longest id made from a position's number (``1-1-1-...``); ids are at most 200 characters,
#: and a link's id is one more.
_MAX_ID = 190


class _Ids:
    """Claim ids from position numbers: the number with dashes (``1-2-3``), or, for a
    position so deep that it would be too long an id, ``deep-position-<n>`` (no number's
    id starts with a letter, so these never clash)."""

    def __init__(self) -> None:
        self._long: dict[str, str] = {}

    def __call__(self, number: str) -> str:
        pid = number.rstrip(".").replace(".", "-")
        if len(pid) <= _MAX_ID:
            return pid
        found = self._long.get(number)
        if found is None:
            found = self._long[number] = f"deep-position-{len(self._long) + 1}"
        return found

    @property
    def shortened(self) -> int:
        return len(self._long)


def _resolve_reuses(
    reuse: dict[str, str],
    texts: dict[str, str],
    positions: dict[str, _Position],
    file: str | None,
) -> None:
    """Point each reuse at the position with a text it reuses, through reuses of reuses;
    each chain is walked once (every reuse on it is pointed at the end), so this is linear."""
    for number in reuse:
        chain: list[str] = []
        seen: set[str] = set()
        target = number
        while target in reuse and target not in seen:
            seen.add(target)
            chain.append(target)
            target = reuse[target]
        if target not in texts:  # a ring of reuses, or a number no position has
            pos = positions[number]
            raise FormatError(
                f"'-> See {reuse[number]}' refers to no position with a text",
                file=file,
                line=pos.line,
                column=pos.column,
            )
        for link in chain:
            reuse[link] = target


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
            texts[pos.number] = _UNESCAPE_RE.sub(_escaped, body) if "\\" in body else body
    _resolve_reuses(reuse, texts, positions, file)
    question = None
    pid = _Ids()
    for pos in positions.values():
        if pos.number in reuse:
            continue
        if pos.stance == "Question" and _parent(pos.number) == "":
            question = pos
            b.question = texts[pos.number]
            continue
        text = texts[pos.number]
        claim: dict[str, Any] = {"id": pid(pos.number), "text": text or "(empty)"}
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
        source = pid(reuse.get(pos.number, pos.number))
        target = pid(reuse.get(parent, parent))
        kind = "support" if pos.stance == "Pro" else "attack"
        if source == target:
            b.warnings.append(f"line {pos.line}: {pos.number} reuses its own parent; dropped")
            continue
        b.links.append(
            {"id": kind[0] + pid(pos.number), "kind": kind, "sources": [source], "target": target}
        )
    for n, url in sorted(footnotes.items(), key=lambda kv: _numeric(kv[0])):
        footnote: dict[str, Any] = {"id": f"footnote-{n}", "title": url or f"[{n}]"}
        if url.startswith(("http://", "https://")):
            footnote["url"] = url
        b.sources.append(footnote)
    if pid.shortened:
        b.notes.append(
            counted(
                pid.shortened,
                "position{|s} too deep for {its|their} number as an id named deep-position-N",
            )
        )
    if reuse:
        b.notes.append(
            counted(len(reuse), "'-> See' reuse{|s} linked to the original {claim|claims}")
        )
    return b.finish(file)


# -- writing ----------------------------------------------------------------------------------


def dumps(m: ArgumentMap) -> tuple[str, list[str]]:
    """Kialo text (current dialect) for ``m`` and warnings for what Kialo cannot express.

    Every claim is written (see :mod:`argmap.formats._kialo_writer`).
    """
    from ._kialo_writer import write_kialo

    return write_kialo(m)


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
