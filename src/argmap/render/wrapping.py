"""Word wrap and the cells of claim labels, shared by the DOT writer and its size estimates.

:func:`wrap` breaks claim text into lines; the cell helpers turn the lines into the pieces of
a Graphviz HTML-like label, escaping only where the text needs it (most claim text does not,
and checking all texts at once is what keeps a 100,000-claim map's DOT fast).
"""

from __future__ import annotations

from .quoting import Plain, display_text, has_html_special, html_text, is_shown_as_is

__all__ = ["SLOT", "cell", "shown_as_is", "text_cell", "text_cells", "title_slot", "wrap"]

#: Where a claim's own cells go in a shared label frame. Cell text never holds a NUL:
#: display_text shows it as a control picture.
SLOT = "\x00"


def wrap(text: Plain, width: int) -> list[str]:
    """Greedy word wrap at ``width`` characters; words longer than a line are cut.

    Line breaks in the text are kept. Joining the lines with single spaces gives the text
    with its whitespace runs collapsed, except where a long word was cut.

    Examples
    --------
    >>> wrap(display_text("Homework causes stress in young pupils."), 16)
    ['Homework causes', 'stress in young', 'pupils.']
    >>> wrap(display_text("abcdefghij"), 4)
    ['abcd', 'efgh', 'ij']
    """
    if len(text) <= width and "\n" not in text:
        return [" ".join(text.split())] if text.strip() else []
    lines: list[str] = []
    if (
        text.isascii()
        and "\n" not in text
        and (type(text) is Plain or text.isprintable())
        and "  " not in text
        and " " not in (text[0], text[-1])
    ):
        # Already single-spaced, no other whitespace: the usual claim text, wrapped without
        # splitting it into words first. (ASCII has no whitespace but the space and control
        # characters, and display_text left only "\n" of those in a Plain; a str is checked.)
        _wrap_words(text, width, lines)
        return lines
    for paragraph in text.split("\n"):
        _wrap_words(" ".join(paragraph.split()), width, lines)
    return lines


def _wrap_words(words: str, width: int, lines: list[str]) -> None:
    # `words` is single-spaced with no space at either end. Each line is the longest run of
    # at most `width` characters that ends before a space or at the end; a word longer than
    # a line is cut after `width` characters. (tests/render/test_wrap.py states the same
    # rule as a regular expression; str.rfind does it as fast, without one pattern per width.)
    start, end = 0, len(words)
    while end - start > width:
        space = words.rfind(" ", start + 1, start + width + 1)
        if space < 0:
            lines.append(words[start : start + width])
            start += width
        else:
            lines.append(words[start:space])
            start = space + 1
    if start < end:
        lines.append(words[start:])


def cell(lines: list[str]) -> str:
    # Escape a cell's lines in one call, then turn the line ends into <BR/>.
    return html_text(Plain("\n".join(lines))).replace("\n", "<BR/>")


def title_slot(kind: str) -> str:
    # A title is bold, and larger for a position (an answer to the map's question).
    size = ' POINT-SIZE="13"' if kind == "position" else ""
    return f"<FONT{size}><B>{SLOT}</B></FONT>"


def text_cells(texts: list[str], width: int) -> list[str]:
    """``text_cell(display_text(text), width)`` for each of ``texts``, most of them at once.

    Claim texts are nearly always printable ASCII, single-spaced, with nothing to escape:
    a few scans of all the texts joined show that, and then each text is its own display
    text and its cell is its wrapped lines (or the text itself, when it fits on one line),
    found without the per-text checks of ``display_text``, ``wrap`` and ``text_cell``.
    """
    if not shown_as_is(texts):
        return [text_cell(display_text(text), width) for text in texts]
    escapes = has_html_special("".join(texts))
    cells: list[str] = []
    add = cells.append
    for text in texts:
        if escapes and has_html_special(text):
            add(text_cell(display_text(text), width))
        elif len(text) <= width:
            add(text)
        else:
            lines: list[str] = []
            _wrap_words(text, width, lines)
            add("<BR/>".join(lines))
    return cells


def shown_as_is(texts: list[str]) -> bool:
    """Whether each text is its own display text and already wrapped words (see wrap)."""
    if not is_shown_as_is("".join(texts)):
        return False
    # One text a line: no text starts or ends with a space or holds two in a row.
    lines = "\n".join(texts)
    return not (
        "  " in lines
        or " \n" in lines
        or "\n " in lines
        or lines.startswith(" ")
        or lines.endswith(" ")
    )


def text_cell(text: Plain, width: int) -> str:
    """The wrapped, escaped cell for ``text``; most claim texts need no escaping at all."""
    lines = wrap(text, width)
    if has_html_special(text):
        return cell(lines)
    return "<BR/>".join(lines)
