"""Argdown (``.argdown``): the plain-text argument-mapping language, read and written.

The reader is a line- and indentation-aware parser written for argmap (no maintained Python
Argdown parser exists). It runs in one pass over the lines with an explicit stack for
nested relations, so it is linear in the file size and deep nesting cannot overflow the
Python stack. It understands YAML front matter (``title``, ``model: mode: strict``),
``#`` headings (which become themes), statements ``[Title]: text``, references ``[Title]``,
arguments ``<Title>: description``, premise-conclusion structures ``(1) ... ---- (2) ...``
with inference rules, relations ``+ - _ <+ <- <_ +> -> _> ><`` nested by indentation,
``#tags`` (themes), ``{yaml}`` data, comments (``//``, ``/* */``, ``<!-- -->``) and
backslash escapes. See :mod:`argmap.formats._argdown_doc` for how the document maps onto
claims and links.

The writer emits statements with their incoming relations, and premise-conclusion
structures for links with co-premises and links that other links attack or support.
Fields Argdown has no place for (claim kind, confidence, quotes, themes' labels) go into
``{...}`` data and an ``argmap`` key of the front matter, which the Argdown tool keeps as
data and argmap reads back.

>>> doc = parse('''
... [Ban]: Homework should be banned. #policy
...   + [Stress]: Homework causes stress.
...   - <Practice>: Practice needs time.
... ''')
>>> sorted(doc.statements)
['Ban', 'Stress']
>>> [(r.type, r.source, r.target) for r in doc.relations]
[('support', 'Stress', 'Ban'), ('attack', 'Practice', 'Ban')]
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import FormatError
from ..model import ArgumentMap
from . import Format
from ._argdown_doc import (
    SYMMETRIC,
    ArgdownDocument,
    Argument,
    PcsItem,
    Relation,
    Statement,
    _relation_key,
    split_tags,
    to_map,
)
from ._argdown_yaml import data_span, inference_rule, read_mapping
from ._common import Result

__all__ = ["FORMAT", "dumps", "parse"]

_RELATION_RE = re.compile(r"(<\+|<-|<_|\+>|->|_>|><|\+|-|_)(?:\s+|$)")
_TWO_CHAR_SIGNS = frozenset({"<+", "<-", "<_", "+>", "->", "_>", "><"})
_PCS_RE = re.compile(r"\((\d+)\)(?:\s+|$)")
#: _PCS_RE after any blank lines (see _next_is_item).
_NEXT_PCS_RE = re.compile(r"\s*\((\d+)\)(?:\s+|$)")
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
#: A title the general path takes as it is (" ".join(title.split()) changes nothing): words
#: of characters other than whitespace, "]", "\\", "/" and "<" (a comment or escape may start
#: there), one space between them. Not empty (an error, for the general path to report).
#: (The first "(?: word)" as a branch, not a repetition: cheaper for the regex engine, and a
#: one-word title then takes none; the same holds for optional groups below.)
_TITLE_WORD = r"[^\s\]\\/<]+"
_PLAIN_TITLE = rf"{_TITLE_WORD}(?: {_TITLE_WORD}(?: {_TITLE_WORD})*|)"
#: A relation line the general path reads as a relation to a bare reference, with the "\n"
#: before it: ``sign [title]``, the sign one of _ARROW's (only one of them can be followed
#: by whitespace). Without and with groups for the indent, the sign and the title.
_SIGN = r"(?:[-+_]>?|<[-+_]|><)"
_RELATION_LINE = rf"\n *{_SIGN}[^\S\n\t]+\[{_PLAIN_TITLE}\][^\S\n\t]*"
_RELATION_GROUPS = rf"\n( *)({_SIGN})[^\S\n\t]+\[({_PLAIN_TITLE})\][^\S\n\t]*"
#: A plain block, for _plain_blocks, matched from its start. Groups:
#: * 1-3, its statement line ``[title]`` or ``[title]: text``: the title, ":" if any, the
#:   text (None without ":");
#: * 4-6 and 7-9, its first two relation lines: the indent, the sign, the title; None for
#:   lines it does not have (most blocks have one or two, read here with no second call);
#: * 10, the relation lines after those, all in one string (see _RELATION_ROW), or None;
#: * 11 and 12, what ends the block: 11 is "" if a blank line follows it (matched, with
#:   its "\n": the match ends where the line after it starts); 12 is "" if another line
#:   follows, which is the general path's (not matched). Both are None at the end of the
#:   text (with or without a blank line before it).
#: Each line is matched to its end: a line's pattern is followed by another line's "\n" or
#: by what ends the block, which starts with "\n" or is the end of the text. No title has a
#: tab, escape or comment; a statement's text may (_next_special tells).
_PLAIN_BLOCK = re.compile(
    rf"\[({_PLAIN_TITLE})\](?:(:)[^\S\n\t]*([^\n]*)|[^\S\n\t]*)"
    rf"(?:{_RELATION_GROUPS}(?:{_RELATION_GROUPS}(?:({_RELATION_LINE}(?:{_RELATION_LINE})*)|)|)|)"
    r"(?:\n[^\S\n]*(?:\n()|\Z)|\Z|(?=\n)())"
)
#: The rows of _PLAIN_BLOCK's group 10, with findall: (indent, sign, title). The sign is
#: the first word, and the title what is between the brackets after it.
_RELATION_ROW = re.compile(r"\n( *)(\S+)[^\S\n]+\[([^\]]*)\]")
#: A relation line's groups: (indent, sign, title).
_Row = tuple[str, str, str]
#: What _next_special looks for: where a comment, a tab or an escape may start.
_SPECIAL_TOKENS = ("//", "/*", "<!--", "\t", "\\")
#: A premise-conclusion paragraph of bare references that the general path reads without
#: error: ``<Title>``, blank lines, premises ``(1) [Title]``, an inference line ``----``
#: without a rule, the conclusion ``(n) [Title]``, then a blank line or the end. All at the
#: start of their lines, with no comment, tab or escape in them, titles the general path
#: takes as they are (see _PLAIN_TITLE), and an argument title that starts with neither
#: "!" ("<!--") nor a relation sign. Groups: the argument's title, the blank lines, the
#: premise lines, the conclusion's title. See _plain_pcs.
_PLAIN_PCS = re.compile(
    r"<(?![-+_!])([^\s>\\/<]+(?: [^\s>\\/<]+)*)> *\n"  # the argument, with no description
    r"((?: *\n)*)"  # blank lines
    rf"((?:\(\d+\) \[{_PLAIN_TITLE}\] *\n)+)"  # the premises
    r"-{2,} *\n"  # the inference
    rf"\(\d+\) \[({_PLAIN_TITLE})\] *(?=\n *(?:\n|\Z)|\Z)"  # the conclusion; the end
)
#: The titles in _PLAIN_PCS's premise lines: each line has one "[" before its title, and
#: the first "]" after it ends the title.
_BRACKETED = re.compile(r"\[([^\]]*)\]")


@dataclass(slots=True)
class _Element:
    """A statement or argument occurrence whose text may continue on the next lines."""

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


class _Parser:
    """One parse of one text.

    The text is not split into lines: a large document would hold a string for each line
    and, for the fast paths, an offset for each, all alive until the end of the parse. The
    line loop and the fast paths keep the index of the next line (its number is one more)
    and the offset where it starts in the text, and take lines from the text as they go.
    """

    def __init__(self, text: str, file: str | None) -> None:
        self.file = file
        self.doc = ArgdownDocument()
        self.text = text
        self.pos = 0  # where the line after the one being read starts (see parse)
        self.strict = False
        self.arrows = _ARROW  # a relation between two statements: sign -> (kind, forward)
        self.untitled = 0
        self.section: list[tuple[int, str]] = []
        self.pending: _Element | None = None
        self.stack: list[_Element] = []  # relation tree: root first
        self.argument: Argument | None = None  # argument a pcs belongs to
        self.pcs: list[tuple[PcsItem, int]] = []
        self.rules: list[str] | None = None  # set after an inference line
        self.rule_line = 0
        self.heading: tuple[int, int, list[str]] | None = None
        self.specials = [-1] * len(_SPECIAL_TOKENS)  # see _next_special

    def error(self, message: str, line: int, column: int = 1) -> FormatError:
        return FormatError(message, file=self.file, line=line, column=column)

    # -- the line loop ----------------------------------------------------------------------

    def parse(self) -> ArgdownDocument:
        i, pos = self._front_matter()  # the next line's index (its number is i + 1), offset
        in_comment: str | None = None
        comment_start = (0, 0)
        line = self._line
        text = self.text
        size = len(text)
        while pos <= size:  # (pos == size: the last line, empty; past it: the end)
            if (
                in_comment is None
                and self.pending is None
                and not self.stack
                and self.heading is None
                and self.rules is None
            ):
                # Between paragraphs: plain statement blocks have a faster reader.
                i, pos = self._plain_blocks(i, pos)
                if pos > size:
                    break
            stop = text.find("\n", pos)
            if stop < 0:
                stop = size
            raw = text[pos:stop]
            pos = self.pos = stop + 1
            i += 1
            number = i
            if in_comment is not None or "/*" in raw or "<!--" in raw:
                raw, in_comment, comment_start = self._block_comments(
                    raw, number, in_comment, comment_start
                )
                if not raw.strip():
                    continue  # a line of comment only: not a paragraph break
            if "//" in raw:
                raw = _COMMENT_RE.sub("", raw)
                if not raw.strip():
                    continue
            if "\t" in raw:
                raw = raw.expandtabs(4)
            line(raw.rstrip(), number)
        if in_comment is not None:
            raise self.error("comment is not closed", *comment_start)
        self._blank()
        self._end_pcs()
        return self.doc

    def _plain_blocks(self, i: int, pos: int) -> tuple[int, int]:
        """Read plain paragraphs from line index ``i`` (at offset ``pos``); return the index
        and offset of the first line left.

        Most of a large document is blocks such as::

            [Title]: Text of the statement. #tag
              + [Other]
                - [Third]

        a top-level statement with bare references related to it, ended by a blank line.
        Sent through :meth:`_line`, each line costs several method calls and an
        :class:`_Element`; here one regular expression call (``_PLAIN_BLOCK``) reads a
        block's statement line, relation lines and the blank line after them, and
        :meth:`_plain_statement` and :meth:`_plain_relations` record them, doing what the
        general path does in the same order (so statements, relations and warnings come out
        the same). It is called only between paragraphs, where nothing is pending, and
        stops at the first line that is anything else: a line with a comment, tab or escape,
        a title the general path would change (spaces to squeeze) or reject (empty), a
        continuation line, data on a reference, an argument, a heading. Stopping inside a
        block, it hands over its elements as the general path would have them
        (:meth:`_hand_over`), so that line and the rest go on as usual. Plain
        premise-conclusion paragraphs go to :meth:`_plain_pcs`.
        (tests/formats/test_argdown_fastpath.py compares this path with the general one.)
        """
        text = self.text
        size = len(text)
        match = _PLAIN_BLOCK.match
        special = self._next_special(pos)
        # Only a heading changes the section, and headings go the general way.
        section = self.section[-1][1] if self.section else None
        while pos <= size:
            first = text[pos : pos + 1]
            if first != "[":
                if first == "\n" or not first:  # an empty line (not first: the last one)
                    i += 1
                    pos += 1
                    continue
                if first == "<":
                    done = self._plain_pcs(i, pos)
                    if done[0] == i:
                        return i, pos
                    i, pos = done
                    continue
                if first.isspace() and (after := self._blank_line(pos)):
                    i += 1  # a blank line with nothing pending: nothing to do
                    pos = after
                    continue
                return i, pos
            m = match(text, pos)
            if m is None:
                return i, pos
            past = m.end()
            if special < past:
                # A comment, tab or escape in the block: only the statement line may have
                # one (no other line's pattern matches any).
                special = self._next_special(pos)  # (it may be on a line read before)
                if special < past and not 0 <= text.find("\n", pos) < special:
                    return i, pos
            title, defines, words, s1, sign1, ref1, s2, sign2, ref2, more, blank, other = m.groups()
            if sign1 is None:
                found: list[_Row] = []
            elif sign2 is None:
                found = [(s1, sign1, ref1)]
            else:
                found = [(s1, sign1, ref1), (s2, sign2, ref2)]
                if more:
                    found += _RELATION_ROW.findall(more)
            words = words.strip() if words else ""
            if self.pcs or self.argument is not None:
                self._end_pcs()  # as _top_level does first
            root = i + 1  # its line number
            i = root + len(found)  # the line after the block's
            if other is not None:
                # The element on the last line read is pending: the general path records
                # its statement and relation at the next line, once that line does not
                # continue its text. That line is the general path's, which gets the
                # pending element; a relation line before it does not continue the text
                # of the one before.
                if found:
                    self._plain_statement(title, root, words, section)
                    self._plain_relations(title, root, found[:-1], section)
                self._hand_over(title, root, words, defines == ":", found)
                return i, past + 1
            # A blank line (or the end) after it: everything is recorded, the paragraph ends.
            self._plain_statement(title, root, words, section)
            if found:
                self._plain_relations(title, root, found, section)
            if blank is None:
                return i, size + 1  # the end of the text
            i += 1  # the blank line
            pos = past
        return i, pos

    def _blank_line(self, pos: int) -> int:
        """If the line at offset ``pos`` is blank (whitespace only), the offset of the line
        after it (past the end of the text for the last line); else 0."""
        text = self.text
        stop = text.find("\n", pos)
        if stop < 0:
            stop = len(text)
        return stop + 1 if text[pos:stop].isspace() else 0

    def _plain_relations(
        self, title: str, number: int, found: list[_Row], section: str | None
    ) -> None:
        """Record the relation lines ``found`` (indent, sign, title) under ``[title]`` on
        line ``number``: a statement for each title not yet known, and the relations, as
        :meth:`_flush` does for each line in turn."""
        doc = self.doc
        statements, relations, seen = doc.statements, doc.relations, doc._seen
        get = statements.get
        arrows = self.arrows
        new_tuple = tuple.__new__  # Relation(...) without its Python-level __new__
        # The general path's stack as (indent, title), less the last relation line (last,
        # last_spaces), whose parent is parent. The indents on the stack grow, so a line as
        # indented as the last one has the same parent, and only other lines look further.
        above = [(-1, title)]
        parent = last = title
        last_spaces = None
        for spaces, sign, ref in found:
            if spaces != last_spaces:
                indent = len(spaces)
                if last_spaces is not None and indent > len(last_spaces):
                    above.append((len(last_spaces), last))
                    parent = last
                else:
                    while above[-1][0] >= indent:  # never the root: an indent is >= 0
                        above.pop()
                    parent = above[-1][1]
                last_spaces = spaces
            number += 1
            known = get(ref)
            if known is None:
                statements[ref] = _new_statement(ref, section, number)
            else:
                # The statement's own title string (equal): the one just read goes, and
                # the relation keeps no second copy of it to the end.
                ref = known.title
            last = ref
            kind, forward = arrows[sign]
            # What doc.add_relation does, without two calls per relation.
            if forward:
                relation = new_tuple(Relation, (kind, parent, False, ref, False))
            else:
                relation = new_tuple(Relation, (kind, ref, False, parent, False))
            key = _relation_key(relation) if kind in SYMMETRIC else relation
            if key not in seen:
                seen.add(key)
                relations.append(relation)

    def _plain_pcs(self, i: int, pos: int) -> tuple[int, int]:
        """Read a premise-conclusion paragraph at line index ``i`` (offset ``pos``) if it is
        a plain one (see ``_PLAIN_PCS``); return the index and offset of the line after it,
        or ``(i, pos)`` if it is not.

        Through :meth:`_line` each of its lines costs several calls and an :class:`_Element`.
        This records what the general path does, in the same order: the previous structure
        ended (as :meth:`_top_level` does), the argument made or found, a statement made
        for each reference not yet known, and the items left pending for :meth:`_end_pcs`
        at the next paragraph, as the blank line after the conclusion leaves them.
        """
        m = _PLAIN_PCS.match(self.text, pos)
        if m is None:
            return i, pos
        title, blanks, items, conclusion = m.groups()
        premises = _BRACKETED.findall(items)
        if self.pcs or self.argument is not None:
            self._end_pcs()
        doc = self.doc
        section = self.section[-1][1] if self.section else None
        number = i + 1  # the argument's line number
        arg = doc.arguments.get(title)
        if arg is None:
            arg = doc.arguments[title] = Argument(title, section=section, line=number)
        self.argument = arg
        number += 1 + blanks.count("\n")  # the first premise's
        statements = doc.statements
        pcs = self.pcs
        for premise in premises:
            if premise not in statements:
                statements[premise] = _new_statement(premise, section, number)
            pcs.append((PcsItem(premise, "premise", []), number))
            number += 1
        number += 1  # past the inference line
        if conclusion not in statements:
            statements[conclusion] = _new_statement(conclusion, section, number)
        pcs.append((PcsItem(conclusion, "main-conclusion", []), number))
        # The index of the line after the conclusion, and its offset (past the "\n" that
        # ends the conclusion's line; past the end of the text if it has none: then the
        # index is the number of lines).
        return number, m.end() + 1

    def _next_special(self, pos: int) -> int:
        """The offset of the first comment, tab or escape at or after offset ``pos`` (the
        length of the text if there is none): the lines left to the general path.

        Found with str.find over the text, cheaper than checking line by line; each token's
        next place is kept, and looked for again only once ``pos`` is past it, so ``pos``
        must not go back from one call to the next (the parse only goes forward).
        """
        text = self.text
        specials = self.specials
        for k, at in enumerate(specials):
            if at < pos:
                at = text.find(_SPECIAL_TOKENS[k], pos)
                specials[k] = at if at >= 0 else len(text)
        return min(specials)

    def _plain_statement(self, title: str, number: int, text: str, section: str | None) -> None:
        """What :meth:`_flush` does for a top-level ``[title]: text`` (or ``[title]``)."""
        statements = self.doc.statements
        if not text:  # a reference, or a definition without text
            if title not in statements:
                statements[title] = _new_statement(title, section, number)
            return
        data: dict[str, Any] | None = None
        if "{" in text and (found := self._data(text, number)) is not None:
            data, cut = found
            text = text[:cut].strip()  # (the text came stripped)
        st = statements.get(title)
        if st is None:
            # The first definition: what _define does for a new statement, in one go. Its
            # text is the stripped text (Statement.add_text), its tags those of the text
            # once each, and the untagged text is kept under the stripped text.
            tags: list[str] = []
            if "#" in text:
                untagged, tags = split_tags(text)
                self.doc._untagged[text] = untagged
                if len(tags) > 1:
                    tags = list(dict.fromkeys(tags))
            st = statements[title] = Statement(title, text, [], tags, {}, section, True, number)
        else:
            self._define(st, text)
        if data:
            st.data.update(data)

    def _hand_over(
        self, title: str, number: int, text: str, defines: bool, found: list[_Row]
    ) -> None:
        """Leave the open elements of a block :meth:`_plain_blocks` stops in as the general
        path would have them: ``[title]`` on line ``number`` and its relation lines
        ``found``, the last line's element pending."""
        root = _Element(False, title, 0, number, 1, [text] if text else [], defines)
        stack = [root]
        for spaces, sign, ref in found:
            indent = len(spaces)
            number += 1
            while len(stack) > 1 and stack[-1].indent >= indent:
                stack.pop()
            element = _Element(False, ref, indent, number, indent + len(sign) + 2)
            element.parent = stack[-1]
            element.sign = sign
            stack.append(element)
        self.stack = stack
        self.pending = stack[-1]

    def _line(self, line: str, number: int) -> None:
        content = line.lstrip(" ")
        if not content:
            self._blank()
            return
        indent = len(line) - len(content)
        first = content[0]
        if self.heading is not None:
            if first not in "[<(" and not _RELATION_RE.match(content):
                self.heading[2].append(content)
                return
            self._finish_heading()
        if first == "#" and indent == 0 and (m := _HEADING_RE.match(content)):
            self._flush()
            self._end_pcs()
            self.stack.clear()
            self.heading = (number, len(m.group(1)), [m.group(2)])
            return
        if first in "+-_<>" and (sign := _relation_sign(content)):
            self._relation(sign, content[len(sign) :], indent, number)
            return
        if first == "(" and (m := _PCS_RE.match(content)):
            self._pcs_item(content[m.end() :], indent, number, indent + m.end() + 1)
            return
        if first == "-" and content.startswith("--"):
            is_inference, rule = inference_rule(content)
            if is_inference:
                self._inference(rule, number, indent + 1)
                return
        if self.rules is not None and self.pending is None and self.rule_line:
            self._rule_text(content, number)
            return
        if self.pending is not None and (indent >= self.pending.indent or content[0] not in "[<"):
            self.pending.lines.append(content)
            return
        self._top_level(content, indent, number)

    def _blank(self) -> None:
        if self.pending is not None:
            self._flush()
        self.stack.clear()
        if self.heading is not None:
            self._finish_heading()

    # -- front matter and comments ----------------------------------------------------------

    def _front_matter(self) -> tuple[int, int]:
        """Read the front matter if the text has one; return the index and offset of the
        line after it (``(0, 0)`` if there is none)."""
        lines = _lines(self.text)
        found = next(((n, at, line) for n, (at, line) in enumerate(lines) if line.strip()), None)
        if found is None or found[2].strip() != "===":
            return 0, 0
        first, at, line = found  # the first line that is not blank
        start = at + len(line) + 1  # where the line after it starts
        end = first + 1
        for pos, line in lines:
            if line.strip() == "===":
                # The lines between (if any), without the "\n" after the last of them.
                body = self.text[start : max(start, pos - 1)]
                self.doc.front_matter = self._mapping(body, first + 2, "front matter")
                break
            end += 1
        else:
            raise self.error("front matter '===' is not closed", first + 1)
        fm = self.doc.front_matter
        if isinstance(fm.get("title"), str):
            self.doc.title = fm["title"]
        model = fm.get("model")
        mode = model.get("mode") if isinstance(model, dict) else None
        if mode not in (None, "strict", "loose"):
            raise self.error(
                f"unknown model mode {reprlib.repr(mode)} (use strict or loose)", first + 1
            )
        self.strict = mode == "strict"
        if self.strict:
            self.arrows = _STRICT_ARROW
        return end + 1, pos + len(line) + 1

    def _block_comments(
        self, raw: str, number: int, state: str | None, start: tuple[int, int]
    ) -> tuple[str, str | None, tuple[int, int]]:
        out: list[str] = []
        i = 0
        j = k = -2  # the next "/*" and "<!--" at or after i, kept between rounds
        while i < len(raw):
            if state is None:
                # Each looked for again only once passed: a line of many short comments
                # and no "<!--" would otherwise be searched to its end for each.
                if -1 != j < i:
                    j = raw.find("/*", i)
                if -1 != k < i:
                    k = raw.find("<!--", i)
                candidates = [(p, s) for p, s in ((j, "*/"), (k, "-->")) if p >= 0]
                if not candidates:
                    out.append(raw[i:])
                    break
                pos, state = min(candidates)
                if pos > 0 and raw[pos - 1] == "\\":
                    out.append(raw[i : pos + 1])
                    i, state = pos + 1, None
                    continue
                out.append(raw[i:pos])
                start = (number, pos + 1)
                i = pos + (2 if state == "*/" else 4)
            else:
                end = raw.find(state, i)
                if end < 0:
                    break
                out.append(" ")
                i, state = end + len(state), None
        return "".join(out), state, start

    # -- headings -----------------------------------------------------------------------------

    def _finish_heading(self) -> None:
        assert self.heading is not None
        number, level, parts = self.heading
        self.heading = None
        text = " ".join(parts)
        span = data_span(text)
        if span is not None:
            self._mapping(text[span[0] : span[1] + 1], number, "heading data")
            text = text[: span[0]]
        title, _ = split_tags(text)
        while self.section and self.section[-1][0] >= level:
            self.section.pop()
        self.section.append((level, title))
        self.doc.sections.append(title)

    def _current_section(self) -> str | None:
        return self.section[-1][1] if self.section else None

    # -- elements -----------------------------------------------------------------------------

    def _open(self, content: str, indent: int, number: int, column: int) -> _Element:
        """Start a statement or argument from its first line's text."""
        first = content[0]
        if first in "[<" and content[:2] != "<!":
            close = "]" if first == "[" else ">"
            # No backslash, no escapes: the first closing bracket closes the title.
            end = _closing(content, close) if "\\" in content else content.find(close, 1)
            if end < 0:
                raise self.error(
                    f"'{first}' opens a title that is not closed with '{close}'",
                    number,
                    column,
                )
            after = content[end + 1 :]
            if not (first == "[" and after[:1] == "("):  # a Markdown link
                title = " ".join(content[1:end].split())
                if not title:
                    raise self.error("empty title", number, column)
                defines = after[:1] == ":"
                if defines:
                    after = after[1:]
                after = after.strip()
                lines = [after] if after else []
                return _Element(first == "<", title, indent, number, column, lines, defines)
        return _Element(False, None, indent, number, column, [content], True)

    def _top_level(self, content: str, indent: int, number: int) -> None:
        self._end_pcs()
        element = self._open(content, indent, number, indent + 1)
        self.pending = element
        self.stack = [element]

    def _relation(self, sign: str, rest: str, indent: int, number: int) -> None:
        if self.pending is not None:
            self._flush()
        stack = self.stack
        while len(stack) > 1 and stack[-1].indent >= indent:
            stack.pop()
        if not stack:
            raise self.error(
                f"relation '{sign}' has no statement or argument above it to relate to",
                number,
                indent + 1,
            )
        rest = rest.strip()
        if not rest:
            raise self.error(f"relation '{sign}' has nothing after it", number, indent + 1)
        element = self._open(rest, indent, number, indent + len(sign) + 2)
        element.parent = stack[-1]
        element.sign = sign
        self.pending = element
        stack.append(element)

    def _flush(self) -> None:
        """Finish the pending element: record its text, data, tags and relation."""
        element = self.pending
        if element is None:
            return
        self.pending = None
        lines = element.lines
        if not lines and not element.is_argument and element.title is not None:
            # A reference such as "+ [Title]": no text, no data, only the statement to know.
            if element.title not in self.doc.statements:
                self._flush_statement(element, "", None)
        else:
            text = lines[0] if len(lines) == 1 else " ".join(lines)
            data: dict[str, Any] | None = None
            if "{" in text and (found := self._data(text, element.line)) is not None:
                data, cut = found
                text = text[:cut]
            if element.is_argument:
                self._flush_argument(element, text, data)
            else:
                self._flush_statement(element, text, data)
        if element.pcs:
            assert element.title is not None  # a numbered statement, titled by now
            self.pcs[-1][0].statement = element.title
        if element.parent is not None:
            self._add_relation(element.sign, element.parent, element)

    def _data(self, text: str, line: int) -> tuple[dict[str, Any], int] | None:
        """The ``{yaml}`` data ending ``text`` and where it starts, if there is valid data."""
        span = data_span(text)
        if span is None:
            return None
        parsed = self._mapping(text[span[0] : span[1] + 1], line, "data", lenient=True)
        return None if parsed is None else (parsed, span[0])

    def _mapping(self, text: str, line: int, what: str, lenient: bool = False) -> Any:
        """The mapping in front matter or ``{...}`` data (see :func:`read_mapping`)."""
        return read_mapping(
            text,
            line,
            what,
            self.doc.warnings,
            file=self.file,
            lenient=lenient,
            lines=what == "front matter",
        )

    def _flush_argument(self, element: _Element, text: str, data: dict[str, Any] | None) -> None:
        title = element.title
        assert title is not None
        arg = self.doc.arguments.get(title)
        if arg is None:
            arg = Argument(title, section=self._current_section(), line=element.line)
            self.doc.arguments[title] = arg
        if element.defines and text.strip() and not arg.description:
            arg.description = text.strip()
            arg.tags = split_tags(text)[1]
        if data:
            arg.data.update(data)
        if element.parent is None:
            self.argument = arg  # a top-level argument may be followed by its pcs

    def _flush_statement(self, element: _Element, text: str, data: dict[str, Any] | None) -> None:
        statements = self.doc.statements
        title = element.title
        if title is None:
            self.untitled += 1
            title = f"Untitled {self.untitled}"
            element.title = title
            st = Statement(title, titled=False, section=self._current_section())
            st.line = element.line
            statements[title] = st
        else:
            found = statements.get(title)
            if found is None:
                found = Statement(title, section=self._current_section(), line=element.line)
                statements[title] = found
            st = found
        if element.defines:
            self._define(st, text)
        if data:
            st.data.update(data)

    def _define(self, st: Statement, text: str) -> None:
        """Give ``st`` the text (and the tags) of a definition ``[title]: text``."""
        st.add_text(text)
        if "#" in text:  # else split_tags finds no tags
            untagged, tags = split_tags(text)
            # Keyed as add_text stores the text: stripping changes no tag.
            self.doc._untagged[text.strip()] = untagged
            for tag in tags:
                if tag not in st.tags:
                    st.tags.append(tag)

    def _add_relation(self, sign: str, parent: _Element, child: _Element) -> None:
        kind, forward = _ARROW[sign]
        source, target = (parent, child) if forward else (child, parent)
        assert source.title is not None and target.title is not None
        if self.strict and not source.is_argument and not target.is_argument:
            kind = _STRICT_KIND.get(kind, kind)
        self.doc.add_relation(
            Relation(kind, source.title, source.is_argument, target.title, target.is_argument)
        )

    # -- premise-conclusion structures --------------------------------------------------------

    def _pcs_item(self, rest: str, indent: int, number: int, column: int) -> None:
        self._flush()
        if self.argument is None:
            self.untitled += 1
            title = f"Untitled {self.untitled}"
            self.argument = Argument(title, section=self._current_section(), line=number)
            self.doc.arguments[title] = self.argument
        if not rest.strip():
            raise self.error("numbered statement has no text", number, column)
        element = self._open(rest.strip(), indent, number, column)
        if element.is_argument:
            raise self.error(
                "a premise or conclusion must be a statement, not an argument", number, column
            )
        item = PcsItem("", "premise")
        if self.rules is not None:
            item.role = "main-conclusion"
            item.rules = self.rules
            self.rules = None
        self.pcs.append((item, number))
        element.pcs = True
        self.pending = element
        self.stack = [element]

    def _inference(self, rule: str | None, number: int, column: int) -> None:
        self._flush()
        self.stack.clear()
        if self.rules is not None and self.rule_line:
            self.rule_line = 0  # the closing line of a multi-line rule
            return
        if not self.pcs or self.rules is not None:
            raise self.error("inference line without a numbered premise above it", number, column)
        self.rules = [rule] if rule else []
        self.rule_line = 0 if (rule or _next_is_item(self.text, self.pos)) else number

    def _rule_text(self, content: str, number: int) -> None:
        assert self.rules is not None
        span = data_span(content)
        if span is not None:
            content = content[: span[0]]
        self.rules.extend(r.strip() for r in content.split(",") if r.strip())

    def _end_pcs(self) -> None:
        if self.pending is not None:
            self._flush()
        if self.rules is not None:
            line = self.rule_line or (self.pcs[-1][1] if self.pcs else 0)
            raise self.error("inference line is not followed by a conclusion", line)
        if self.pcs:
            assert self.argument is not None
            items = [item for item, _ in self.pcs]
            last, line = self.pcs[-1]
            if last.role == "premise":
                raise self.error(
                    "premise-conclusion structure must end with a conclusion "
                    "(an inference line ---- before the last numbered statement)",
                    line,
                )
            for item in items[:-1]:
                if item.role == "main-conclusion":
                    item.role = "intermediary-conclusion"
            if self.argument.pcs:
                self.doc.warnings.append(
                    f"<{self.argument.title}>: second premise-conclusion structure ignored"
                )
            else:
                self.argument.pcs = items
            self.pcs = []
        self.argument = None


def _new_statement(
    title: str, section: str | None, line: int, text: str = "", tags: list[str] | None = None
) -> Statement:
    """``Statement(title, section=section, line=line)`` with ``text`` and ``tags``.

    Given positionally: the dataclass ``__init__`` called with keywords costs about twice
    as much, and a large document makes one statement per paragraph.
    """
    return Statement(title, text, [], [] if tags is None else tags, {}, section, True, line)


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


def parse(text: str, file: str | None = None) -> ArgdownDocument:
    """Parse Argdown text into statements, arguments and relations (by title).

    Raises :class:`argmap.FormatError` with the line and column of malformed input.
    """
    return _Parser(text.replace("\r\n", "\n"), file).parse()


def _read(text: str, file: str | None) -> Result:
    return to_map(parse(text, file))


# -- writing ----------------------------------------------------------------------------------

_ESCAPE = re.compile(r"([\\\[\]<>#@{}*_/])")
_GOOD_TITLE = re.compile(
    r"[^\[\]<>{}\\#@*_/:\s](?:[^\[\]<>{}\\#@*_/:\n\r\t]*[^\[\]<>{}\\#@*_/:\s])?"
)


_UNTITLED = re.compile(r"Untitled \d+")


def _escape(text: str) -> str:
    return _ESCAPE.sub(r"\\\1", " ".join(text.split()))


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


def dumps(m: ArgumentMap) -> tuple[str, list[str]]:
    """Argdown text for ``m`` and warnings for what Argdown cannot express."""
    from ._argdown_writer import write_argdown

    return write_argdown(m, _titles(m), _escape)


def _sniff(head: str) -> bool:
    return bool(
        re.search(r"^[ \t]*(?:\[[^\]\n]+\]|<[^>\n]+>):", head, re.MULTILINE)
    ) and not head.lstrip().startswith("{")


FORMAT = Format(
    name="argdown",
    extensions=(".argdown", ".ad"),
    description="Argdown text (argdown.org), read and write",
    reader=_read,
    writer=dumps,
    sniff=_sniff,
)
