"""The general Argdown parser: one pass over the lines, with an explicit stack for nested
relations (so it is linear in the file size and deep nesting cannot overflow the Python
stack).

Every construct goes through here line by line: front matter, headings, statements and
arguments with their continuation lines, relations, premise-conclusion structures,
comments, tabs, escapes. Between paragraphs it hands the text to a fast path if it has one
(:class:`argmap.formats._argdown_fast.PlainParagraphs`), which reads plain paragraphs the
way this parser would, with one regular expression each, and gives back what it does not
read. Both record into the same :class:`ArgdownDocument` with the same tokens and
elements (:mod:`argmap.formats._argdown_lines`).
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable
from typing import Any, Protocol

from ..errors import FormatError
from ._argdown_doc import (
    ArgdownDocument,
    Argument,
    PcsItem,
    Relation,
    Statement,
    new_statement,
    split_tags,
)
from ._argdown_lines import (
    _ARROW,
    _COMMENT_RE,
    _HEADING_RE,
    _PCS_RE,
    _RELATION_RE,
    _STRICT_ARROW,
    _STRICT_KIND,
    BLOCK_COMMENTS,
    LINE_COMMENT,
    TAB,
    _closing,
    _Element,
    _lines,
    _next_is_item,
    _relation_sign,
    block_comments,
)
from ._argdown_yaml import data_span, inference_rule, read_mapping

__all__ = ["FastPath", "Parser"]


class FastPath(Protocol):
    """A faster reader of some paragraphs, called between paragraphs (nothing pending).

    ``read(i, pos)`` reads what it can from line index ``i`` (at offset ``pos``) exactly as
    :class:`Parser` would, records it in the parser, and returns the index and offset of
    the first line left to the parser (``(i, pos)`` when it reads nothing).
    """

    def read(self, i: int, pos: int) -> tuple[int, int]: ...


class Parser:
    """One parse of one text.

    The text is not split into lines: a large document would hold a string for each line
    and, for the fast paths, an offset for each, all alive until the end of the parse. The
    line loop and the fast paths keep the index of the next line (its number is one more)
    and the offset where it starts in the text, and take lines from the text as they go.

    ``fast`` makes the fast path for this parse from the parser (None: every line goes
    through the general code, the reference the fast path is tested against).
    """

    def __init__(
        self, text: str, file: str | None, fast: Callable[[Parser], FastPath] | None = None
    ) -> None:
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
        self.fast = fast(self) if fast is not None else None

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
        fast = self.fast
        block_a, block_b = BLOCK_COMMENTS  # locals: the loop runs once per line
        while pos <= size:  # (pos == size: the last line, empty; past it: the end)
            if (
                fast is not None
                and in_comment is None
                and self.pending is None
                and not self.stack
                and self.heading is None
                and self.rules is None
            ):
                # Between paragraphs: plain paragraphs have a faster reader.
                i, pos = fast.read(i, pos)
                if pos > size:
                    break
            stop = text.find("\n", pos)
            if stop < 0:
                stop = size
            raw = text[pos:stop]
            pos = self.pos = stop + 1
            i += 1
            number = i
            if in_comment is not None or block_a in raw or block_b in raw:
                raw, in_comment, comment_start = block_comments(
                    raw, number, in_comment, comment_start
                )
                if not raw.strip():
                    continue  # a line of comment only: not a paragraph break
            if LINE_COMMENT in raw:
                raw = _COMMENT_RE.sub("", raw)
                if not raw.strip():
                    continue
            if TAB in raw:
                raw = raw.expandtabs(4)
            line(raw.rstrip(), number)
        if in_comment is not None:
            raise self.error("comment is not closed", *comment_start)
        self._blank()
        self._end_pcs()
        return self.doc

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
            st = new_statement(title, self._current_section(), element.line, titled=False)
            statements[title] = st
        else:
            found = statements.get(title)
            if found is None:
                found = new_statement(title, self._current_section(), element.line)
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
