"""Turning user text into DOT, HTML-like label, XML and Mermaid text that is only ever text.

Claim texts come from students, scraped pages and hostile files alike. Every place a diagram
format could read user text as syntax is closed here, in one module, so the writers
(:mod:`argmap.render.dot`, :mod:`argmap.render.mermaid`, :mod:`argmap.render.svg`) never
concatenate raw user text:

* :func:`display_text` first makes the text *showable*: characters no XML document may hold
  (NUL and other C0 controls, lone surrogates, U+FFFE/U+FFFF) and invisible characters that
  reorder what a reader sees (bidi embeddings, overrides and isolates) become visible stand-ins.
  The result is a :class:`Plain` string: text that must never be read as markup.
* :func:`html_text` escapes a :class:`Plain` for a Graphviz HTML-like label, where ``&`` would
  start an entity, ``<`` a tag and ``\\N`` the node's name, so ``&amp;`` in a claim shows
  as the five characters.
* :func:`dot_string` quotes for a DOT *escString* attribute (``tooltip``, ``URL``, ``id``),
  where ``\\N``/``\\G``/``\\l`` are expansions and a trailing backslash would eat the quote.
* :func:`mermaid_text` spells every character outside a small safe set as Mermaid's
  ``#NNN;`` entity code, so ``"``, ``]``, ``-->`` and ``|`` cannot end a label or start an edge.

Ids are slugs by the model's own rule (letters, digits, ``-``, ``_``); :func:`dot_id` still
quotes them, because a slug such as ``node``, ``graph`` or ``-`` is a DOT keyword or token.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from urllib.parse import quote

from ..errors import RenderError

__all__ = [
    "Plain",
    "check_slugs",
    "display_text",
    "dot_id",
    "dot_string",
    "has_html_special",
    "html_text",
    "is_shown_as_is",
    "mermaid_text",
    "neutral_bidi",
    "url_text",
]


class Plain(str):
    """Text to be shown as it reads, never parsed as markup by any diagram format.

    Only :func:`display_text` makes one; writers accept :class:`Plain` where a plain ``str``
    could be a mistake (an unescaped label).
    """

    __slots__ = ()


# XML 1.0 section 2.2 (https://www.w3.org/TR/xml/#charsets): Char ::= #x9 | #xA | #xD |
# [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. Graphviz copies label text into
# SVG unchanged, so anything outside that set would make the SVG unparseable.
C0_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
NOT_XML_CHAR = re.compile(r"[\ud800-\udfff\ufffe\uffff]")
# C1 controls are legal XML but invisible and unprintable (U+0085 is a line break to some).
C1_CONTROL = re.compile(r"[\x80-\x9f]")
# Unicode Bidirectional Algorithm, UAX #9 section 2 (https://www.unicode.org/reports/tr9/):
# embeddings LRE/RLE/PDF/LRO/RLO (U+202A-U+202E) and isolates LRI/RLI/FSI/PDI
# (U+2066-U+2069) reorder the text *after* them, the "Trojan Source" trick (CVE-2021-42574);
# the invisible marks LRM/RLM (U+200E, U+200F) and ALM (U+061C) turn the direction of the
# punctuation and digits beside them. Summaries, the report and every diagram show all of
# them as their code points (see neutral_bidi), so no claim reorders the text around it.
BIDI_CONTROL = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Carriage returns and tabs are whitespace a label shows as a line break or a space.
CR_LF = re.compile(r"\r\n?")

# HTML-like labels (https://graphviz.org/doc/info/shapes.html#html): an XML-style grammar in
# which & starts an entity and < a tag; quotes matter inside attribute values only, but
# escaping them everywhere costs nothing. Graphviz also expands escString codes (\N \G \E
# ...) in HTML label text, *after* decoding entities, so a backslash is doubled, never
# written as &#92; (measured with dot 2.43: "&#92;N" shows the node name, "\\N" shows \N).
HTML_SPECIAL = re.compile(r'[&<>"\'\\\]]')
_HTML_ENTITY = {  # what each of HTML_SPECIAL's characters becomes
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "\\": "\\\\",
    "]": "&#93;",  # a cell whose text starts with "]" is a syntax error to dot 2.43
}
_HTML_ORDER = tuple(_HTML_ENTITY)  # "&" first

# DOT language (https://graphviz.org/doc/info/lang.html): in a double-quoted string the only
# escape is \" ; escString attributes (https://graphviz.org/docs/attr-types/escString/) then
# expand \N \G \E \T \H \L \l \n \r, and \\ gives one backslash. Newlines become \n so the
# DOT file keeps one statement per line.
DOT_ESC_SPECIAL = re.compile(r'[\\"\n]')
_DOT_ESC = {"\\": "\\\\", '"': '\\"', "\n": "\\n"}

# A DOT ID the model allows (a slug); quoting it is always safe because it has no " or \.
SLUG = re.compile(r"[A-Za-z0-9_-]+")
# Many slugs, one a line: a whole map's ids checked in one C-level match.
SLUG_LINES = re.compile(r"[A-Za-z0-9_-]+(?:\n[A-Za-z0-9_-]+)*")

# Mermaid flowchart labels (https://mermaid.js.org/syntax/flowchart.html#entity-codes-to-escape-characters):
# "#35;" is a decimal entity code. Letters, digits, space and sentence punctuation pass; the
# rest (quotes, brackets, pipes, dashes, <, >, &, #, ;, non-ASCII) is spelt as a code.
MERMAID_SAFE = re.compile(r"[A-Za-z0-9 .,:!?()']+")


def _control_picture(match: re.Match[str]) -> str:
    # U+2400..U+241F are the Control Pictures for C0; U+2421 is the one for DEL.
    code = ord(match.group())
    return "\u2421" if code == 0x7F else chr(0x2400 + code)


def _code_point(match: re.Match[str]) -> str:
    return f"<U+{ord(match.group()):04X}>"


def display_text(text: str) -> Plain:
    """The text as a diagram shows it: unshowable characters made visible, nothing dropped.

    C0 controls become Unicode control pictures (NUL as ``␀``), bidi and C1 controls their
    code point in angle brackets (escaped later like any other ``<``), characters XML cannot
    hold U+FFFD. ``\\r\\n`` and ``\\r`` become ``\\n``; tabs become spaces. Everything else,
    including right-to-left scripts, emoji and ``&amp;``, is kept as it is.

    Examples
    --------
    >>> display_text("ok & <b>fine</b>")
    'ok & <b>fine</b>'
    >>> display_text("nul\\x00 here, then \\u202egnp.exe")
    'nul␀ here, then <U+202E>gnp.exe'
    """
    if is_shown_as_is(text):
        return Plain(text)  # the common case: one C-level scan, no regex
    text = CR_LF.sub("\n", text).replace("\t", " ")
    text = C0_CONTROL.sub(_control_picture, text)
    text = neutral_bidi(text)
    text = C1_CONTROL.sub(_code_point, text)
    text = NOT_XML_CHAR.sub("\ufffd", text)
    return Plain(text)


def neutral_bidi(text: str) -> str:
    """``text`` with every direction control shown as its code point, so it reorders nothing.

    The one rule for all outputs: diagrams apply it through :func:`display_text`,
    summaries and the HTML report through :func:`argmap.summary._common.clean`.

    Examples
    --------
    >>> neutral_bidi("invoice\u202efdp.exe")
    'invoice<U+202E>fdp.exe'
    >>> neutral_bidi("\u05e9\u05dc\u05d5\u05dd")  # right-to-left text itself is kept
    'שלום'
    """
    if text.isascii():
        return text  # every control above is outside ASCII: one C-level scan
    return BIDI_CONTROL.sub(_code_point, text)


def is_shown_as_is(text: str) -> bool:
    """Whether :func:`display_text` returns ``text`` unchanged (printable ASCII only).

    Run on many texts joined, one scan tells a writer that every one of them is its own
    display text.

    >>> is_shown_as_is("Prices rose."), is_shown_as_is("tab\\there")
    (True, False)
    """
    return text.isascii() and text.isprintable()


def html_text(text: Plain) -> str:
    """Escape showable text for a Graphviz HTML-like label (or any XML text node).

    Examples
    --------
    >>> html_text(display_text('<B>"&amp;"</B>'))
    '&lt;B&gt;&quot;&amp;amp;&quot;&lt;/B&gt;'
    >>> print(html_text(display_text(chr(92) + "N")))  # a backslash is doubled
    \\\\N
    """
    if not isinstance(text, Plain):
        raise TypeError("html_text() takes display_text(...) output, not a raw str")
    if not has_html_special(text):
        return text
    # Chained replace beats a regex callback several times over on short label text; "&"
    # goes first so the entities added after it are not escaped again.
    for char in _HTML_ORDER:
        text = text.replace(char, _HTML_ENTITY[char])  # type: ignore[assignment]
    return text


def has_html_special(text: str) -> bool:
    """Whether ``text`` holds a character :func:`html_text` must escape (``HTML_SPECIAL``).

    Seven substring tests, each a C-level scan, take a fifth of the time of the regex search
    on a typical claim text, and nearly every label in a big map needs no escaping at all.

    >>> has_html_special("Prices rose."), has_html_special("A & B")
    (False, True)
    """
    return (
        "&" in text
        or "<" in text
        or ">" in text
        or '"' in text
        or "'" in text
        or "\\" in text
        or "]" in text
    )


def dot_string(text: Plain) -> str:
    """Quote showable text as a DOT escString attribute value, shown literally.

    Examples
    --------
    >>> print(dot_string(display_text('say "\\\\N" then end with \\\\')))
    "say \\"\\\\N\\" then end with \\\\"
    """
    if not isinstance(text, Plain):
        raise TypeError("dot_string() takes display_text(...) output, not a raw str")
    return '"' + DOT_ESC_SPECIAL.sub(lambda m: _DOT_ESC[m.group()], text) + '"'


# RFC 3986 (https://www.rfc-editor.org/rfc/rfc3986#section-2): percent-encode all but
# unreserved characters and the delimiters a link prefix needs. Graphviz 2.43 copies URL
# into SVG's xlink:href without escaping quotes or "<", so nothing else may reach it.
URL_SAFE = "/#:?=;,@!$*+.~_-"


def url_text(text: str) -> Plain:
    """Percent-encode a link so no character in it is XML or DOT syntax.

    Examples
    --------
    >>> url_text('#claim-a"><script>')
    '#claim-a%22%3E%3Cscript%3E'
    """
    return Plain(quote(text, safe=URL_SAFE))


def dot_id(item_id: str) -> str:
    """Quote a claim or link id as a DOT ID; ids that are not slugs are refused.

    Quoting even plain slugs keeps ``node``, ``edge``, ``graph``, ``strict`` and ``-`` from
    being read as DOT keywords or tokens.

    Examples
    --------
    >>> dot_id("node")
    '"node"'
    >>> dot_id('x"];evil [')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.RenderError: id 'x"];evil [' is not a slug (letters, digits, - and _); ...
    """
    if not SLUG.fullmatch(item_id):
        raise RenderError(
            f"id {item_id!r} is not a slug (letters, digits, - and _); "
            "run 'argmap validate' on the map"
        )
    return f'"{item_id}"'


def check_slugs(item_ids: Collection[str]) -> None:
    """Refuse, as :func:`dot_id` does, any of ``item_ids`` that is not a slug.

    A writer that has checked every id it will name can then write each one between quotes
    as it is. One match over all the ids costs a small part of a call per id; if any fails,
    the first bad id in sorted order is named.

    >>> check_slugs(["a", "node"])
    >>> check_slugs(["a", "b\\nc"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.RenderError: id 'b\\nc' is not a slug (letters, digits, - and _); ...
    """
    joined = "\n".join(item_ids)
    # The count catches an id with a line break in it, which would pass as two slugs.
    if item_ids and SLUG_LINES.fullmatch(joined) and joined.count("\n") == len(item_ids) - 1:
        return
    for item_id in sorted(item_ids):
        dot_id(item_id)


def mermaid_text(text: Plain) -> str:
    """Spell showable text for inside a quoted Mermaid label: unsafe characters as ``#NNN;``.

    Newlines become ``<br>``, the only markup argmap itself puts into a Mermaid label.

    Examples
    --------
    >>> mermaid_text(display_text('A "quote" --> ]'))
    'A #34;quote#34; #45;#45;#62; #93;'
    """
    if not isinstance(text, Plain):
        raise TypeError("mermaid_text() takes display_text(...) output, not a raw str")
    out: list[str] = []
    pos = 0
    for match in MERMAID_SAFE.finditer(text):
        out.extend(_mermaid_codes(text[pos : match.start()]))
        out.append(match.group())
        pos = match.end()
    out.extend(_mermaid_codes(text[pos:]))
    return "".join(out)


def _mermaid_codes(chunk: str) -> list[str]:
    return ["<br>" if ch == "\n" else f"#{ord(ch)};" for ch in chunk]
