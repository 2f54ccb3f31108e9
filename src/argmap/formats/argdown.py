"""Argdown (``.argdown``): the plain-text argument-mapping language, read and written.

The reader is a line- and indentation-aware parser written for argmap (no maintained Python
Argdown parser exists). It runs in one pass over the lines with an explicit stack for
nested relations, so it is linear in the file size and deep nesting cannot overflow the
Python stack. It understands YAML front matter (``title``, ``model: mode: strict``),
``#`` headings (which become themes), statements ``[Title]: text``, references ``[Title]``,
arguments ``<Title>: description``, premise-conclusion structures ``(1) ... ---- (2) ...``
with inference rules, relations ``+ - _ <+ <- <_ +> -> _> ><`` nested by indentation,
``#tags`` (themes), ``{yaml}`` data, comments (``//``, ``/* */``, ``<!-- -->``) and
backslash escapes. Its pieces: ``_argdown_fast`` (plain blocks in one match),
``_argdown_lines`` (comments, signs), ``_argdown_yaml`` (data), ``_argdown_doc`` (how the
document maps onto claims and links). The writer (``_argdown_writer``) loses nothing.

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

import reprlib
from typing import Any

from ..errors import FormatError
from ..model import ArgumentMap
from . import Format
from ._argdown_doc import (
    ArgdownDocument,
    Argument,
    PcsItem,
    Relation,
    Statement,
    split_tags,
)
from ._argdown_fast import _SPECIAL_TOKENS, _Element, _FastPaths
from ._argdown_lines import (
    _ARROW,
    _COMMENT_RE,
    _HEADING_RE,
    _PCS_RE,
    _RELATION_RE,
    _STRICT_ARROW,
    _STRICT_KIND,
    _closing,
    _lines,
    _next_is_item,
    _relation_sign,
    _sniff,
    block_comments,
)
from ._argdown_map import to_map
from ._argdown_yaml import data_span, inference_rule, read_mapping
from ._common import Result

__all__ = ["FORMAT", "dumps", "parse"]


class _Parser(_FastPaths):
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
                raw, in_comment, comment_start = block_comments(
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


def parse(text: str, file: str | None = None) -> ArgdownDocument:
    """Parse Argdown text into statements, arguments and relations (by title).

    Raises :class:`argmap.FormatError` with the line and column of malformed input.
    """
    return _Parser(text.replace("\r\n", "\n"), file).parse()


def _read(text: str, file: str | None) -> Result:
    return to_map(parse(text, file))


def dumps(m: ArgumentMap) -> tuple[str, list[str]]:
    """Argdown text for ``m``, and what Argdown cannot hold of it: nothing (see
    :mod:`argmap.formats._argdown_writer`)."""
    from ._argdown_writer import write_argdown

    return write_argdown(m)


FORMAT = Format(
    name="argdown",
    extensions=(".argdown", ".ad"),
    description="Argdown text (argdown.org), read and write",
    reader=_read,
    writer=dumps,
    sniff=_sniff,
)
