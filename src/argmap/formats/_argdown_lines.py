"""The Argdown reader's tokens and line-level pieces, shared by the general parser
(:mod:`argmap.formats._argdown_parser`) and its fast path (:mod:`argmap.formats._argdown_fast`):
comment markers, relation signs and what they mean, numbered items, the element a line
opens, escaped titles.

Each scan is one pass over its line, or a pattern matched once at a given place, so that a
hostile line costs time linear in its length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = [
    "BLOCK_COMMENTS",
    "ESCAPE",
    "LINE_COMMENT",
    "SIGN_PATTERN",
    "SPECIAL_TOKENS",
    "TAB",
    "block_comments",
]

#: Comments: ``// to the end of the line`` (after whitespace or at the start), and block
#: comments by their opening and closing markers.
LINE_COMMENT = "//"
BLOCK_COMMENTS = {"/*": "*/", "<!--": "-->"}
TAB = "\t"  # expanded to 4 columns
ESCAPE = "\\"  # makes the next character literal
#: Where a line may need the general parser's care: a comment, a tab or an escape.
SPECIAL_TOKENS = (LINE_COMMENT, *BLOCK_COMMENTS, TAB, ESCAPE)
_OPENER = {close: opener for opener, close in BLOCK_COMMENTS.items()}

_RELATION_RE = re.compile(r"(<\+|<-|<_|\+>|->|_>|><|\+|-|_)(?:\s+|$)")
_HEADING_RE = re.compile(r"(#{1,6})\s+(.*)$")
_COMMENT_RE = re.compile(r"(?:^|(?<=\s))//.*$")
_ARROW = {
    "+": ("support", False),
    "<+": ("support", False),
    "+>": ("support", True),
    "-": ("attack", False),
    "<-": ("attack", False),
    "->": ("attack", True),
    "_": ("undercut", False),
    "<_": ("undercut", False),
    "_>": ("undercut", True),
    "><": ("contradictory", True),
}
#: In strict mode a relation between two statements is a logical one.
_STRICT_KIND = {"support": "entails", "attack": "contrary"}
_STRICT_ARROW = {
    sign: (_STRICT_KIND.get(kind, kind), forward) for sign, (kind, forward) in _ARROW.items()
}
_TWO_CHAR_SIGNS = frozenset(sign for sign in _ARROW if len(sign) == 2)
#: The relation signs as a regular expression (no groups): _ARROW's keys, longest first.
SIGN_PATTERN = "(?:" + "|".join(re.escape(s) for s in sorted(_ARROW, key=len, reverse=True)) + ")"
_PCS_RE = re.compile(r"\((\d+)\)(?:\s+|$)")
#: _PCS_RE after any blank lines (see _next_is_item).
_NEXT_PCS_RE = re.compile(r"\s*\((\d+)\)(?:\s+|$)")


(_OPEN_A, _CLOSE_A), (_OPEN_B, _CLOSE_B) = BLOCK_COMMENTS.items()


@dataclass(slots=True)
class _Element:
    """A statement or argument occurrence whose text may continue on the next lines: what a
    line opens, for the general parser and for the fast path handing a block over to it."""

    is_argument: bool
    title: str | None  # None: an untitled statement, titled when finished
    indent: int
    line: int
    column: int
    lines: list[str] = field(default_factory=list)
    defines: bool = False
    parent: _Element | None = None  # the element a relation child relates to
    sign: str = ""
    pcs: bool = False


def block_comments(
    raw: str, number: int, state: str | None, start: tuple[int, int]
) -> tuple[str, str | None, tuple[int, int]]:
    """Line ``raw`` (number ``number``) without its ``/* */`` and ``<!-- -->`` comments, given
    ``state``, the end marker of a comment still open from the lines before (or None), and
    where that comment started; returns the line left, the state after it, its start.

    >>> block_comments("a /* b */ c <!-- d", 1, None, (0, 0))
    ('a   c ', '-->', (1, 13))
    """
    out: list[str] = []
    i = 0
    j = k = -2  # the next "/*" and "<!--" at or after i, kept between rounds
    while i < len(raw):
        if state is None:
            # Each looked for again only once passed: a line of many short comments
            # and no "<!--" would otherwise be searched to its end for each.
            if -1 != j < i:
                j = raw.find(_OPEN_A, i)
            if -1 != k < i:
                k = raw.find(_OPEN_B, i)
            candidates = [(p, s) for p, s in ((j, _CLOSE_A), (k, _CLOSE_B)) if p >= 0]
            if not candidates:
                out.append(raw[i:])
                break
            pos, state = min(candidates)
            if pos > 0 and raw[pos - 1] == ESCAPE:
                out.append(raw[i : pos + 1])
                i, state = pos + 1, None
                continue
            out.append(raw[i:pos])
            start = (number, pos + 1)
            i = pos + len(_OPENER[state])
        else:
            end = raw.find(state, i)
            if end < 0:
                break
            out.append(" ")
            i, state = end + len(state), None
    return "".join(out), state, start


def _relation_sign(content: str) -> str:
    """The relation sign ``content`` starts with, or ``""``; same as ``_RELATION_RE.match``.

    A sign must be followed by whitespace or the end of the line. Two-character signs go
    first; when one is not followed by whitespace, no one-character sign can be either
    (the second character of a two-character sign is never whitespace). ``--`` is not a
    relation but the start of an inference line.
    """
    sign = content[:2]
    if sign not in _TWO_CHAR_SIGNS:
        sign = content[0]
        if sign not in "+-_" or content.startswith("--"):
            return ""
    n = len(sign)
    return sign if len(content) == n or content[n].isspace() else ""


def _closing(content: str, close: str) -> int:
    """Where the title that ``content`` opens is closed, skipping escaped characters; or -1."""
    i = 1
    while i < len(content):
        ch = content[i]
        if ch == "\\":
            i += 2
            continue
        if ch == close:
            return i
        i += 1
    return -1


def _next_is_item(text: str, pos: int) -> bool:
    """Whether the first line from offset ``pos`` on with more than whitespace is a numbered
    item: ``_PCS_RE.match(line.strip())`` for that line."""
    # "(n)" followed by the end of the stripped line is followed here by whitespace or the
    # end of the text.
    return _NEXT_PCS_RE.match(text, pos) is not None


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """The lines of ``text`` (as ``text.split("\n")`` has them), each with its offset."""
    pos = 0
    while (stop := text.find("\n", pos)) >= 0:
        yield pos, text[pos:stop]
        pos = stop + 1
    yield pos, text[pos:]


def _sniff(head: str) -> bool:
    """Whether the start of a file looks like Argdown: a line defining a statement or an
    argument (``[Title]:``, ``<Title>:``), and not JSON."""
    return bool(
        re.search(r"^[ \t]*(?:\[[^\]\n]+\]|<[^>\n]+>):", head, re.MULTILINE)
    ) and not head.lstrip().startswith("{")
