"""Showable text: user text made safe to show in any output, before any escaping.

:func:`display_text` (diagrams: lines kept) and :func:`one_line` (summaries, the report,
class pages: folded onto one line) make a :class:`Plain` from user text: every character
that no XML document may hold, that a terminal would obey or that reorders what a reader
sees becomes a visible stand-in, and nothing is dropped. The escapers of
:mod:`argmap.render.quoting` take a :class:`Plain` and nothing else, and return an
:class:`Escaped` subtype, so showing and escaping each happen once.
"""

from __future__ import annotations

import re

__all__ = [
    "BIDI_CONTROL",
    "Escaped",
    "Plain",
    "display_text",
    "is_shown_as_is",
    "neutral_bidi",
    "one_line",
    "one_line_text",
]


class Plain(str):
    """Text to be shown as it reads, never parsed as markup by any output format.

    :func:`display_text` and :func:`one_line` make one from user text; ``Plain(text)``
    takes text as it is. Every escaper takes a :class:`Plain` and nothing else.
    """

    __slots__ = ()


class Escaped(str):
    """Text already escaped for some output; escaping it again is a type error."""

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
    summaries and the HTML report through :func:`one_line`.

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


#: Control characters left after whitespace is folded (escape, bell, NUL, C1 controls...),
#: which could move a terminal's cursor or clear its screen.
LINE_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match[0])
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode's control pictures: ␛ for ESC
    return "\u2421" if code == 0x7F else f"<U+{code:04X}>"


def one_line(text: str) -> Plain:
    """Text on one line, safe for a terminal: whitespace runs become one space, and control
    characters (which could move the cursor or clear the screen) show as visible symbols.

    >>> one_line("two\\n  lines ")
    'two lines'
    >>> one_line("bell\\x07 and escape\\x1b[2J")
    'bell␇ and escape␛[2J'

    Direction controls, which could reorder the text around a claim, show as their code
    points (the rule of :func:`neutral_bidi`):

    >>> one_line("abc\\u202edef")
    'abc<U+202E>def'
    """
    return Plain(one_line_text(text))


def one_line_text(text: str, caller: str = "one_line") -> str:
    """The work of :func:`one_line` as a plain ``str``, for an escaper that goes on with it
    at once (``caller`` names it in the error for an :class:`Escaped` value)."""
    if isinstance(text, Escaped):
        raise TypeError(f"{caller}() takes user text, not {type(text).__name__}")
    text = " ".join(text.split())
    if text.isprintable():
        # Every control and direction character is unprintable: one C-level scan says
        # there is none, and nearly all claim texts take this way.
        return text
    return neutral_bidi(LINE_CONTROL.sub(_visible, text))
