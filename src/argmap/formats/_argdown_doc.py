"""The Argdown document model shared by the Argdown text and Argdown JSON readers.

Both readers build an :class:`ArgdownDocument` (equivalence classes of statements, arguments
with premise-conclusion structures, relations between them by title, as the Argdown tool's
own JSON export has them), which :func:`argmap.formats._argdown_map.to_map` turns into an
argmap map.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

__all__ = [
    "ArgdownDocument",
    "Argument",
    "PcsItem",
    "Relation",
    "Statement",
    "new_statement",
    "split_tags",
]

RelationType = str  # support | attack | undercut | entails | contrary | contradictory
SYMMETRIC = frozenset({"contrary", "contradictory"})

_TAG_WORD_RE = re.compile(r"[\w-]+")
_PLAIN_KINDS = frozenset({"support", "attack"})
_ESCAPE_RE = re.compile(r"\\(.)")


@dataclass(slots=True)
class Statement:
    """An equivalence class: every statement sharing one title."""

    title: str
    text: str = ""
    other_texts: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    section: str | None = None
    titled: bool = True
    line: int = 0

    def add_text(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        if not self.text:
            self.text = text
        elif _norm(text) != _norm(self.text) and text not in self.other_texts:
            self.other_texts.append(text)


def new_statement(
    title: str,
    section: str | None,
    line: int,
    text: str = "",
    tags: list[str] | None = None,
    titled: bool = True,
) -> Statement:
    """``Statement(title, text, tags=tags, section=section, titled=titled, line=line)``.

    Given positionally: the dataclass ``__init__`` called with keywords costs about twice
    as much, and a large document makes one statement per paragraph (both Argdown readers
    make theirs here).

    >>> new_statement("Ban", "Homework", 3).line
    3
    """
    return Statement(title, text, [], [] if tags is None else tags, {}, section, titled, line)


@dataclass(slots=True)
class PcsItem:
    """One numbered line of a premise-conclusion structure."""

    statement: str
    role: str = "premise"  # premise | intermediary-conclusion | main-conclusion
    rules: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Argument:
    title: str
    description: str = ""
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    pcs: list[PcsItem] = field(default_factory=list)
    section: str | None = None
    line: int = 0


class Relation(NamedTuple):
    """A relation between two statements or arguments, by title.

    A named tuple rather than a frozen dataclass: as immutable, and several times faster to
    make, which counts with one per relation of a large document.
    """

    type: RelationType
    source: str
    source_is_argument: bool
    target: str
    target_is_argument: bool

    def key(self) -> tuple[Any, ...]:
        """What makes two relations the same: symmetric ones are the same either way round."""
        kind, source, source_is_argument, target, target_is_argument = self
        if kind in SYMMETRIC and (target_is_argument, target) < (source_is_argument, source):
            return (kind, target_is_argument, target, source_is_argument, source)
        return (kind, source_is_argument, source, target_is_argument, target)


@dataclass
class ArgdownDocument:
    """Statements, arguments and relations of one Argdown document."""

    title: str = ""
    front_matter: dict[str, Any] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    _seen: set[Relation] = field(default_factory=set, repr=False)  # see _relation_key
    #: Statement text -> the text without its tags, where the reader already split it off
    #: (to_map needs it again; split_tags is a good part of the cost of a large file).
    _untagged: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def add_relation(self, relation: Relation) -> None:
        key = _relation_key(relation) if relation.type in SYMMETRIC else relation
        seen = self._seen
        if key not in seen:
            seen.add(key)
            self.relations.append(relation)


def _relation_key(relation: Relation) -> Relation:
    """What makes two relations the same, as a relation: the relation itself, or for a
    symmetric one the way round :meth:`Relation.key` puts first.

    Two relations have the same key here exactly when their :meth:`Relation.key` is the
    same, and the relation serves as its own key in most cases, with no tuple to make.
    """
    kind, source, source_is_argument, target, target_is_argument = relation
    if kind in SYMMETRIC and (target_is_argument, target) < (source_is_argument, source):
        return Relation(kind, target, target_is_argument, source, source_is_argument)
    return relation


def _norm(text: str) -> str:
    # Same as re.sub(r"\s+", " ", text).strip(): str.split and \s agree on whitespace.
    return " ".join(text.split())


def split_tags(text: str) -> tuple[str, list[str]]:
    """Text without its ``#tags``, and the tags (escapes still in the text).

    >>> split_tags("Soft drugs should be legal. #pro #(big idea)")
    ('Soft drugs should be legal.', ['pro', 'big idea'])
    """
    head, hash_, tag = text.rpartition(" #")
    if hash_ and tag.isalnum() and "#" not in head:
        # The common "Some text. #tag": one tag, the last word (isalnum: no second "#"),
        # after a space (so the look-behind below holds) and all of it [\w-] characters
        # (isalnum is \w without "_"), so the pattern takes it whole. Found with C-level
        # calls only; the text before it is already normal when its only whitespace is
        # single spaces inside (isprintable() is false for every whitespace but " ").
        if head.isprintable() and "  " not in head and head[:1] != " " and head[-1:] != " ":
            return head, [tag]
        return _norm(head), [tag]
    at = text.find("#")
    if at < 0:
        return _norm(text), []
    # The tags are what the pattern (?<![\\\w])#(?:\(([^)]*)\)|([\w-]+)) finds, and the text
    # is what its sub(" ", text) leaves (tests/formats/test_argdown_fastpath.py compares).
    # Jumping from "#" to "#" is faster: the regex engine tried the look-behind everywhere.
    kept: list[str] = []  # the text between tags
    closing = [-2]  # the next ")", for _tag_end (-2: not looked for yet)
    tags: list[str] = []
    start = 0  # end of the last tag
    while at >= 0:
        end = _tag_end(text, at, closing)
        if end < 0:
            at = text.find("#", at + 1)
            continue
        if text[at + 1] == "(":
            tag = text[at + 2 : end - 1].strip()
            if tag:  # "#()" is a tag with no name: taken out of the text, not kept
                tags.append(tag)
        else:
            tags.append(text[at + 1 : end])  # letters, digits, "_" and "-": nothing to strip
        kept.append(text[start:at])
        start = end
        at = text.find("#", end)
    kept.append(text[start:])
    return _norm(" ".join(kept)), tags


def _tag_end(text: str, at: int, closing: list[int] | None = None) -> int:
    """Where the ``#tag`` or ``#(tag)`` at ``text[at]`` ends, or -1 if there is none there.

    ``closing`` remembers the first ``)`` found so far (-1: none in the rest of the text)
    for the next call on the same text from further on: a text of many ``#(`` and no ``)``
    would otherwise be searched to its end from each.
    """
    if at > 0:
        before = text[at - 1]
        if before == "\\" or before == "_" or before.isalnum():  # (?<![\\\w])
            return -1
    if text.startswith("(", at + 1):
        if closing is None:
            close = text.find(")", at + 2)
        else:
            if closing[0] != -1 and closing[0] < at + 2:
                closing[0] = text.find(")", at + 2)
            close = closing[0]
        if close >= 0:
            return close + 1
    m = _TAG_WORD_RE.match(text, at + 1)
    return -1 if m is None else m.end()


def unescape(text: str) -> str:
    r"""Resolve backslash escapes: ``\[`` is a literal ``[``."""
    # (A function for the replacement: a template costs a Python-level expansion per match.)
    return _ESCAPE_RE.sub(_escaped, text) if "\\" in text else text


def _escaped(m: re.Match[str]) -> str:
    return m.group(1)
