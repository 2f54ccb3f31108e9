"""Every escaper of argmap in one place, each returning text typed by what it is safe for.

Claim texts come from students, scraped pages and hostile files alike. Every place an output
format could read user text as syntax is closed here, in one module, so the writers (the
diagrams of :mod:`argmap.render`, the summaries, the HTML report, slides and class pages)
never concatenate raw user text.

Two steps, each with its own type:

1. *Showable text* is a :class:`Plain`: text to be read as text, never as markup.
   :func:`display_text` makes it for diagrams (unshowable characters made visible, lines
   kept), :func:`one_line` for summaries and pages (also folded onto one line), and
   ``Plain(text)`` takes text as it is where the output has always shown it unchanged.
2. An *escaper* takes a :class:`Plain` and returns an :class:`Escaped` subtype that says
   what the text is now safe inside:

   * :func:`dot_string` and :func:`dot_id` give a :class:`DotString`: a DOT escString
     attribute or a DOT ID, quotes included;
   * :func:`html_text` gives a :class:`DotHtml`: text in a Graphviz HTML-like label;
   * :func:`html_escape` gives an :class:`Html`: HTML or XML content and attribute
     values; :func:`xml_text` one for XML element content (SVG titles);
   * :func:`markdown_text` gives a :class:`Markdown`: a line of Markdown (CommonMark and
     GFM); :func:`markdown_cell` one for a cell of a GFM table;
   * :func:`mermaid_text` gives a :class:`Mermaid`: a quoted Mermaid flowchart label.

**Escaping twice is a type error**, by choice rather than a silent no-op: an escaper given
anything but a :class:`Plain` (an :class:`Escaped` value, or a raw ``str``) is refused by
``mypy --strict`` and raises :class:`TypeError` at run time, so neither double escaping
(``&amp;amp;``) nor a missed escape can pass unnoticed. The conveniences :func:`md_escape`
and :func:`html_one_line` take a raw ``str`` (they make the :class:`Plain` themselves) and
refuse an :class:`Escaped` value at run time.

>>> html_escape(one_line("<b>A & B</b>"))
'&lt;b&gt;A &amp; B&lt;/b&gt;'
>>> html_escape(html_escape(one_line("A & B")))  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
TypeError: html_escape() takes a Plain (display_text, one_line or Plain(...)), not Html

Ids are slugs by the model's own rule (letters, digits, ``-``, ``_``); :func:`dot_id` still
quotes them, because a slug such as ``node``, ``graph`` or ``-`` is a DOT keyword or token.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from urllib.parse import quote

from ..errors import RenderError
from .showable import (
    BIDI_CONTROL,
    Escaped,
    Plain,
    display_text,
    is_shown_as_is,
    neutral_bidi,
    one_line,
    one_line_text,
)

__all__ = [
    "BIDI_CONTROL",
    "DotHtml",
    "DotString",
    "Escaped",
    "Html",
    "Markdown",
    "Mermaid",
    "Plain",
    "check_slugs",
    "display_text",
    "dot_id",
    "dot_string",
    "has_html_special",
    "html_escape",
    "html_one_line",
    "html_text",
    "is_shown_as_is",
    "markdown_cell",
    "markdown_text",
    "md_escape",
    "mermaid_text",
    "neutral_bidi",
    "one_line",
    "url_text",
    "xml_text",
]


class DotString(Escaped):
    """A quoted DOT string or ID, quotes included (:func:`dot_string`, :func:`dot_id`)."""

    __slots__ = ()


class DotHtml(Escaped):
    """Text for inside a Graphviz HTML-like label (:func:`html_text`)."""

    __slots__ = ()


class Html(Escaped):
    """Text for HTML or XML content or a quoted attribute (:func:`html_escape`)."""

    __slots__ = ()


class Markdown(Escaped):
    """Text for a line of Markdown that shows as typed (:func:`markdown_text`)."""

    __slots__ = ()


class Mermaid(Escaped):
    """Text for inside a quoted Mermaid label (:func:`mermaid_text`)."""

    __slots__ = ()


def _plain(text: object, escaper: str) -> None:
    """Refuse anything but a :class:`Plain`: the run-time half of the type rule."""
    if not isinstance(text, Plain):
        raise TypeError(
            f"{escaper}() takes a Plain (display_text, one_line or Plain(...)), "
            f"not {type(text).__name__}"
        )


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


def html_text(text: Plain) -> DotHtml:
    """Escape showable text for a Graphviz HTML-like label (or any XML text node).

    Examples
    --------
    >>> html_text(display_text('<B>"&amp;"</B>'))
    '&lt;B&gt;&quot;&amp;amp;&quot;&lt;/B&gt;'
    >>> print(html_text(display_text(chr(92) + "N")))  # a backslash is doubled
    \\\\N
    """
    _plain(text, "html_text")
    if not has_html_special(text):
        return DotHtml(text)
    # Chained replace beats a regex callback several times over on short label text; "&"
    # goes first so the entities added after it are not escaped again.
    out = str(text)
    for char in _HTML_ORDER:
        out = out.replace(char, _HTML_ENTITY[char])
    return DotHtml(out)


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


def dot_string(text: Plain) -> DotString:
    """Quote showable text as a DOT escString attribute value, shown literally.

    Examples
    --------
    >>> print(dot_string(display_text('say "\\\\N" then end with \\\\')))
    "say \\"\\\\N\\" then end with \\\\"
    """
    _plain(text, "dot_string")
    return DotString('"' + DOT_ESC_SPECIAL.sub(lambda m: _DOT_ESC[m.group()], text) + '"')


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


def dot_id(item_id: str) -> DotString:
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
    return DotString(f'"{item_id}"')


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


def mermaid_text(text: Plain) -> Mermaid:
    """Spell showable text for inside a quoted Mermaid label: unsafe characters as ``#NNN;``.

    Newlines become ``<br>``, the only markup argmap itself puts into a Mermaid label.

    Examples
    --------
    >>> mermaid_text(display_text('A "quote" --> ]'))
    'A #34;quote#34; #45;#45;#62; #93;'
    """
    _plain(text, "mermaid_text")
    out: list[str] = []
    pos = 0
    for match in MERMAID_SAFE.finditer(text):
        out.extend(_mermaid_codes(text[pos : match.start()]))
        out.append(match.group())
        pos = match.end()
    out.extend(_mermaid_codes(text[pos:]))
    return Mermaid("".join(out))


def _mermaid_codes(chunk: str) -> list[str]:
    return ["<br>" if ch == "\n" else f"#{ord(ch)};" for ch in chunk]


# -- HTML and XML ---------------------------------------------------------------------------

# HTML syntax (https://html.spec.whatwg.org/multipage/syntax.html#character-references and
# #attributes-2): "&" starts a character reference, "<" a tag, and a quote ends a quoted
# attribute value. Escaping all five makes text safe in content and in either kind of
# attribute quotes alike. The standard library's html.escape does exactly this.
HTML_REPORT_SPECIAL = re.compile(r"[&<>\"']")
# XML element content (https://www.w3.org/TR/xml/#syntax): only "&" and "<" are markup there;
# ">" is escaped too, so "]]>" cannot appear. Quotes stay as they are.
XML_CONTENT_SPECIAL = re.compile(r"[&<>]")


def html_escape(text: Plain) -> Html:
    """Escape text for HTML or XML content and for quoted attribute values alike.

    >>> html_escape(Plain('<a href="x">Tom\\'s</a>'))
    '&lt;a href=&quot;x&quot;&gt;Tom&#x27;s&lt;/a&gt;'
    """
    _plain(text, "html_escape")
    return Html(html.escape(text, quote=True))


def html_one_line(text: str) -> Html:
    """User text on one line (:func:`one_line`), escaped for HTML (:func:`html_escape`).

    What the report and the class pages write for every piece of user text.

    >>> html_one_line("<script>\\n alert(1)</script>")
    '&lt;script&gt; alert(1)&lt;/script&gt;'
    """
    # The same steps without the Plain in between: the report calls this 100,000 times.
    return Html(html.escape(one_line_text(text, "html_one_line"), quote=True))


def xml_text(text: Plain) -> Html:
    """Escape text for XML element content (an SVG ``<title>`` or ``<desc>``).

    Quotes are kept, as ``xml.sax.saxutils.escape`` keeps them (without importing urllib
    and ssl with it).

    >>> xml_text(Plain('"A" & <B>'))
    '"A" &amp; &lt;B&gt;'
    """
    _plain(text, "xml_text")
    return Html(html.escape(text, quote=False))


# -- Markdown -------------------------------------------------------------------------------

# CommonMark backslash escapes (https://spec.commonmark.org/0.31.2/#backslash-escapes): any
# ASCII punctuation may be escaped; these are the ones that start inline syntax (code,
# emphasis, links). "<" (raw HTML and autolinks, #raw-html), "|" (GFM table cells,
# https://github.github.com/gfm/#tables-extension-) and "~" (GFM strikethrough) are written
# as numeric character references (#entity-and-numeric-character-references), which every
# renderer honours. One translation table does both: no replacement holds a character
# replaced.
MARKDOWN_INLINE_SPECIAL = re.compile(r"[\\`*_\[\]<|~]")
_MARKDOWN_INLINE = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "<": "&lt;",
        "|": "&#124;",
        "~": "&#126;",
    }
)
# "&" only where it would start a character reference, so plain "A & B" stays readable.
MARKDOWN_ENTITY_START = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# Block syntax at the start of a line (https://spec.commonmark.org/0.31.2/#leaf-blocks and
# #container-blocks): ATX headings "#", block quotes ">", bullet list items "+" and "-"
# ("*" is escaped anyway), ordered list items "1." and "1)".
MARKDOWN_BLOCK_START = re.compile(r"(\d+)([.)])|([#>+\-])")


def markdown_text(text: Plain) -> Markdown:
    """Escape one line of text for Markdown: no emphasis, links, code, HTML or blocks.

    Examples
    --------
    >>> print(markdown_text(Plain("<b>*bold*</b> & [x](y)")))
    &lt;b>\\*bold\\*&lt;/b> & \\[x\\](y)
    >>> print(markdown_text(Plain("1. not a list")))
    1\\. not a list
    """
    _plain(text, "markdown_text")
    return _markdown(str(text))


def _markdown(out: str) -> Markdown:
    if "&" in out:
        out = MARKDOWN_ENTITY_START.sub("&amp;", out)
    out = out.translate(_MARKDOWN_INLINE)
    start = MARKDOWN_BLOCK_START.match(out)
    if start is None:
        return Markdown(out)
    if start[1]:
        return Markdown(f"{start[1]}\\{start[2]}{out[start.end() :]}")
    return Markdown(f"\\{out}")


def md_escape(text: str) -> Markdown:
    """User text made safe for Markdown: :func:`one_line`, then :func:`markdown_text`.

    Examples
    --------
    >>> print(md_escape("<b>*bold*</b>\\n & [x](y)"))
    &lt;b>\\*bold\\*&lt;/b> & \\[x\\](y)
    """
    return _markdown(one_line_text(text, "md_escape"))


# GFM table cells (https://github.github.com/gfm/#tables-extension-): "|" ends a cell unless
# backslash-escaped; "&", "<" and ">" become character references so the cell holds no HTML
# or references; inline syntax is backslash-escaped as in a line. Cells hold inline content
# only, so no block syntax needs escaping.
MARKDOWN_CELL_SPECIAL = re.compile(r"[\\`*_\[\]~|&<>]")
_MARKDOWN_CELL = str.maketrans(
    {
        **{char: "\\" + char for char in "\\`*_[]~|"},
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
    }
)


def markdown_cell(text: Plain) -> Markdown:
    """Escape text for one cell of a GFM table: on one line, no HTML, no cell break.

    >>> print(markdown_cell(Plain("a | <b>*b*</b>\\n c")))
    a \\| &lt;b&gt;\\*b\\*&lt;/b&gt; c
    """
    _plain(text, "markdown_cell")
    return Markdown(" ".join(text.translate(_MARKDOWN_CELL).split()))
