"""Counts in words: "1 claim", "3 claims", for messages and plain-language summaries."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ._names import SUGGEST_LIMIT, did_you_mean, unknown_name_message
from .errors import OptionError, UnknownNameError

__all__ = [
    "SUGGEST_LIMIT",
    "counted",
    "did_you_mean",
    "option_error",
    "plural_words",
    "unknown_name",
]

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


def unknown_name(what: str, name: str, known: Iterable[str]) -> UnknownNameError:
    """An error for a ``what`` called ``name`` that does not exist, with a did-you-mean,
    or the list of known names when it is short.

    >>> print(unknown_name("semantics", "prefered", ["grounded", "preferred"]))
    no semantics 'prefered' (did you mean 'preferred'?)
    >>> print(unknown_name("support reading", "strong", ["defeasible", "deductive"]))
    no support reading 'strong' (choose from defeasible, deductive)
    """
    return UnknownNameError(unknown_name_message(what, name, known))


def option_error(what: str, name: str, known: Iterable[str]) -> OptionError:
    """The error for an option ``name`` that a ``what`` does not take: a did-you-mean for a
    likely typo, and the options there are.

    >>> print(option_error("summary", "qoutes", ["root", "quotes"]))
    no summary option 'qoutes' (did you mean 'quotes'?; options: quotes, root)
    """
    options = sorted(known)
    close = did_you_mean(name, options)
    hint = f"did you mean {close!r}?; " if close else ""
    return OptionError(f"no {what} option {name!r} ({hint}options: {', '.join(options)})")
