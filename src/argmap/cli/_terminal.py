"""What argmap prints to a terminal shows user text; it never controls the terminal.

A claim's text is untrusted: an escape sequence in it (``ESC [ 2 J`` clears the screen,
``ESC ] 8`` makes a link, others retitle the window or, on some terminals, answer back as
typed input) or a direction control (``U+202E`` reverses what follows) would act on the
terminal of whoever runs ``argmap analyze`` on a student's file. When standard output or
standard error is a terminal, every such character is printed as its code point
(``<U+001B>``), as the diagrams and summaries show direction controls
(:func:`argmap.render.quoting.neutral_bidi`). Redirected to a file or a pipe, the output is
left exactly as written, for the programs that read it.

>>> shown("red \\x1b[31mtext\\u202e")
'red <U+001B>[31mtext<U+202E>'
>>> shown("line one\\n\\tline two")
'line one\\n\\tline two'
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO

__all__ = ["safe_terminal", "shown"]

# C0 controls but tab and newline, DEL, C1 controls (0x80-0x9f: 0x9b is a one-byte CSI), and
# the Unicode direction controls (embeddings, overrides, isolates, marks).
# https://www.unicode.org/reports/tr9/#Directional_Formatting_Characters
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """``text`` with each character that could control a terminal shown as its code point."""
    if text.isascii() and text.isprintable():
        return text  # the common case, one C-level scan
    return _UNSAFE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


class _SafeStream:
    """A text stream that shows control characters before they reach a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(shown(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        # flush, fileno, isatty, encoding, buffer (binary output is the caller's choice).
        return getattr(self._stream, name)


@contextlib.contextmanager
def safe_terminal() -> Iterator[None]:
    """Within this block, standard output and error that are terminals show, not obey,
    control characters; streams that are files or pipes are left alone."""
    saved = sys.stdout, sys.stderr
    try:
        if _is_terminal(sys.stdout):
            sys.stdout = _SafeStream(sys.stdout)
        if _is_terminal(sys.stderr):
            sys.stderr = _SafeStream(sys.stderr)
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream: leave it be
        return False
