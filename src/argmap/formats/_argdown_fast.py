"""The Argdown reader's fast path: plain paragraphs read with one regular expression each
instead of line by line (see :class:`PlainParagraphs`).

Most of a large document is blocks such as ``[Title]: text`` with bare references related
to it, and premise-conclusion paragraphs of bare references; read through the general line
loop of :class:`argmap.formats._argdown_parser.Parser`, each line costs several method
calls and an :class:`_Element`. This is a strategy the parser is given: between paragraphs
it reads what it can, chosen by the paragraph's first character (``[`` a statement block,
``<`` an argument's premise-conclusion structure), records it into the parser's document
with the same tokens, elements and models, in the same order, and hands back the first line
it does not read. tests/formats/test_argdown_fastpath.py proves that both give the same
document and map on every input it reads. Every pattern here is matched from a block's start
and is linear in what it reads.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ._argdown_doc import (
    SYMMETRIC,
    Argument,
    PcsItem,
    Relation,
    _relation_key,
    new_statement,
    split_tags,
)
from ._argdown_lines import SIGN_PATTERN, SPECIAL_TOKENS, _Element

if TYPE_CHECKING:
    from ._argdown_parser import Parser

__all__ = ["PlainParagraphs"]

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
_SIGN = SIGN_PATTERN
_RELATION_LINE = rf"\n *{_SIGN}[^\S\n\t]+\[{_PLAIN_TITLE}\][^\S\n\t]*"
_RELATION_GROUPS = rf"\n( *)({_SIGN})[^\S\n\t]+\[({_PLAIN_TITLE})\][^\S\n\t]*"
#: A plain block, for PlainParagraphs.read, matched from its start. Groups:
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


class PlainParagraphs:
    """The fast path of one parse: reads plain paragraphs into ``parser``'s document."""

    __slots__ = ("p", "specials")

    def __init__(self, parser: Parser) -> None:
        self.p = parser
        self.specials = [-1] * len(SPECIAL_TOKENS)  # see _next_special

    def read(self, i: int, pos: int) -> tuple[int, int]:
        """Read plain paragraphs from line index ``i`` (at offset ``pos``); return the index
        and offset of the first line left.

        Most of a large document is blocks such as::

            [Title]: Text of the statement. #tag
              + [Other]
                - [Third]

        a top-level statement with bare references related to it, ended by a blank line.
        Here one regular expression call (``_PLAIN_BLOCK``) reads a block's lines and the
        blank line after them, and :meth:`_block` records them as the general path would,
        in the same order. Called only between paragraphs, where nothing is pending, it
        stops at the first line that is anything else: a comment, tab or escape, a title
        the general path would change or reject, a continuation line, data on a reference,
        an argument, a heading; stopping inside a block, it hands its elements over
        (:meth:`_hand_over`). Plain premise-conclusion paragraphs go to :meth:`_plain_pcs`.
        """
        text = self.p.text
        size = len(text)
        match = _PLAIN_BLOCK.match
        special = self._next_special(pos)
        # Only a heading changes the section, and headings go the general way.
        section = self.p.section[-1][1] if self.p.section else None
        while pos <= size:
            first = text[pos : pos + 1]
            if first != "[":
                after = self._between(first, i, pos)
                if after[1] == pos:
                    return i, pos
                i, pos = after
                continue
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
            i, pos = self._block(m, i, section)
            if pos != past:  # the block ended the parse's run here (see _block)
                return i, pos
        return i, pos

    def _between(self, first: str, i: int, pos: int) -> tuple[int, int]:
        """Between blocks, at line index ``i`` (offset ``pos``, whose first character is
        ``first``, not ``[``): past a blank line or a plain premise-conclusion paragraph;
        ``(i, pos)`` for anything else."""
        if first == "\n" or not first:  # an empty line (not first: the last one)
            return i + 1, pos + 1
        if first == "<":
            return self._plain_pcs(i, pos)
        if first.isspace() and (after := self._blank_line(pos)):
            return i + 1, after  # a blank line with nothing pending: nothing to do
        return i, pos

    def _block(self, m: re.Match[str], i: int, section: str | None) -> tuple[int, int]:
        """Record the block ``m`` matched at line index ``i``; return the index and offset
        of the line after it: ``m.end()`` when the paragraph ended with a blank line (read
        on), another offset when the general path takes over (the end of the text, or the
        line after the block, with its elements handed over)."""
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
        if self.p.pcs or self.p.argument is not None:
            self.p._end_pcs()  # as _top_level does first
        root = i + 1  # its line number
        i = root + len(found)  # the line after the block's
        if other is not None:
            # The element on the last line read is pending: the general path records its
            # statement and relation at the next line, once that line does not continue its
            # text. That line is the general path's, which gets the pending element; a
            # relation line before it does not continue the text of the one before.
            if found:
                self._plain_statement(title, root, words, section)
                self._plain_relations(title, root, found[:-1], section)
            self._hand_over(title, root, words, defines == ":", found)
            return i, m.end() + 1
        # A blank line (or the end) after it: everything is recorded, the paragraph ends.
        self._plain_statement(title, root, words, section)
        if found:
            self._plain_relations(title, root, found, section)
        if blank is None:
            return i, len(self.p.text) + 1  # the end of the text
        return i + 1, m.end()  # past the blank line

    def _blank_line(self, pos: int) -> int:
        """If the line at offset ``pos`` is blank (whitespace only), the offset of the line
        after it (past the end of the text for the last line); else 0."""
        text = self.p.text
        stop = text.find("\n", pos)
        if stop < 0:
            stop = len(text)
        return stop + 1 if text[pos:stop].isspace() else 0

    def _plain_relations(
        self, title: str, number: int, found: list[_Row], section: str | None
    ) -> None:
        """Record the relation lines ``found`` (indent, sign, title) under ``[title]`` on
        line ``number``: a statement for each title not yet known, and the relations, as
        :meth:`Parser._flush` does for each line in turn."""
        doc = self.p.doc
        statements, relations, seen = doc.statements, doc.relations, doc._seen
        get = statements.get
        arrows = self.p.arrows
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
                statements[ref] = new_statement(ref, section, number)
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

        Through :meth:`Parser._line` each of its lines costs several calls and an :class:`_Element`.
        This records what the general path does, in the same order: the previous structure
        ended (as :meth:`Parser._top_level` does), the argument made or found, a statement made
        for each reference not yet known, and the items left pending for :meth:`Parser._end_pcs`
        at the next paragraph, as the blank line after the conclusion leaves them.
        """
        m = _PLAIN_PCS.match(self.p.text, pos)
        if m is None:
            return i, pos
        title, blanks, items, conclusion = m.groups()
        premises = _BRACKETED.findall(items)
        if self.p.pcs or self.p.argument is not None:
            self.p._end_pcs()
        doc = self.p.doc
        section = self.p.section[-1][1] if self.p.section else None
        number = i + 1  # the argument's line number
        arg = doc.arguments.get(title)
        if arg is None:
            arg = doc.arguments[title] = Argument(title, section=section, line=number)
        self.p.argument = arg
        number += 1 + blanks.count("\n")  # the first premise's
        statements = doc.statements
        pcs = self.p.pcs
        for premise in premises:
            if premise not in statements:
                statements[premise] = new_statement(premise, section, number)
            pcs.append((PcsItem(premise, "premise", []), number))
            number += 1
        number += 1  # past the inference line
        if conclusion not in statements:
            statements[conclusion] = new_statement(conclusion, section, number)
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
        text = self.p.text
        specials = self.specials
        for k, at in enumerate(specials):
            if at < pos:
                at = text.find(SPECIAL_TOKENS[k], pos)
                specials[k] = at if at >= 0 else len(text)
        return min(specials)

    def _plain_statement(self, title: str, number: int, text: str, section: str | None) -> None:
        """What :meth:`Parser._flush` does for a top-level ``[title]: text`` (or ``[title]``)."""
        statements = self.p.doc.statements
        if not text:  # a reference, or a definition without text
            if title not in statements:
                statements[title] = new_statement(title, section, number)
            return
        data: dict[str, Any] | None = None
        if "{" in text and (found := self.p._data(text, number)) is not None:
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
                self.p.doc._untagged[text] = untagged
                if len(tags) > 1:
                    tags = list(dict.fromkeys(tags))
            st = statements[title] = new_statement(title, section, number, text, tags)
        else:
            self.p._define(st, text)
        if data:
            st.data.update(data)

    def _hand_over(
        self, title: str, number: int, text: str, defines: bool, found: list[_Row]
    ) -> None:
        """Leave the open elements of a block :meth:`read` stops in as the general
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
        self.p.stack = stack
        self.p.pending = stack[-1]
