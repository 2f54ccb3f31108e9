"""Argdown (``.argdown``): the plain-text argument-mapping language, read and written.

The reader is a line- and indentation-aware parser written for argmap (no maintained Python
Argdown parser exists). It runs in one pass over the lines with an explicit stack for
nested relations, so it is linear in the file size and deep nesting cannot overflow the
Python stack. It understands YAML front matter (``title``, ``model: mode: strict``),
``#`` headings (which become themes), statements ``[Title]: text``, references ``[Title]``,
arguments ``<Title>: description``, premise-conclusion structures ``(1) ... ---- (2) ...``
with inference rules, relations ``+ - _ <+ <- <_ +> -> _> ><`` nested by indentation,
``#tags`` (themes), ``{yaml}`` data, comments (``//``, ``/* */``, ``<!-- -->``) and
backslash escapes. Its pieces: ``_argdown_parser`` (the general parser, line by line),
``_argdown_fast`` (the fast path for plain paragraphs, a strategy the parser is given),
``_argdown_lines`` (the tokens and line elements both share), ``_argdown_yaml`` (data),
``_argdown_doc`` (the document both record into) and ``_argdown_map`` (how the document
maps onto claims and links). The writer (``_argdown_writer``) loses nothing.

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

from collections.abc import Callable

from ..model import ArgumentMap
from . import Format
from ._argdown_doc import ArgdownDocument
from ._argdown_fast import PlainParagraphs
from ._argdown_lines import _sniff
from ._argdown_map import to_map
from ._argdown_parser import FastPath, Parser
from ._common import Result

__all__ = ["FORMAT", "dumps", "fast_path_for", "parse"]


def parse(text: str, file: str | None = None, *, fast: bool = True) -> ArgdownDocument:
    """Parse Argdown text into statements, arguments and relations (by title).

    ``fast=False`` reads every line with the general parser: the same document, more
    slowly (the fast path is tested against it). Raises :class:`argmap.FormatError` with
    the line and column of malformed input.
    """
    text = text.replace("\r\n", "\n")
    return Parser(text, file, fast_path_for(text) if fast else None).parse()


def fast_path_for(text: str) -> Callable[[Parser], FastPath] | None:
    """The fast path for ``text``, chosen by what it holds: none for a text with no line
    that starts a statement or argument (``[``, ``<``), which the fast path cannot read.

    >>> fast_path_for("[A]: text") is PlainParagraphs
    True
    >>> fast_path_for("Prose only, no statement.") is None
    True
    """
    if text.startswith(("[", "<")) or "\n[" in text or "\n<" in text:
        return PlainParagraphs
    return None


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
