"""Counts in words: "1 claim", "3 claims", for messages and plain-language summaries."""

from __future__ import annotations

import re

__all__ = ["counted", "plural_words"]

#: A choice in a counted phrase: ``{one|many}``, the words for a count of 1 and for others.
_CHOICE = re.compile(r"\{([^{}|]*)\|([^{}|]*)\}")


def counted(n: int, what: str) -> str:
    """The count ``n``, then ``what`` with each ``{one|many}`` choice made for ``n``, so
    that one item does not read "1 arguments".

    >>> counted(1, "argument{|s} without premises {was|were} dropped")
    '1 argument without premises was dropped'
    >>> counted(3, "argument{|s} without premises {was|were} dropped")
    '3 arguments without premises were dropped'
    >>> counted(0, "source{|s}")
    '0 sources'
    """
    return f"{n} " + _CHOICE.sub(r"\1" if n == 1 else r"\2", what)


def plural_words(what: str) -> str:
    """``what`` with every choice made for many: the phrase's words without a count.

    >>> plural_words("quote{|s} dropped")
    'quotes dropped'
    """
    return _CHOICE.sub(r"\2", what)
