"""Did-you-mean for one unknown name: the sentence an unknown-name error shows.

It sits below :mod:`argmap.errors` (which makes the sentence when the error is shown) and
:mod:`argmap._words` (which builds the errors), so neither has to import the other to
reach it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["SUGGEST_LIMIT", "did_you_mean", "unknown_name_message"]

#: Past this many known names a did-you-mean is not looked for: difflib compares each one.
SUGGEST_LIMIT = 5000


def did_you_mean(name: str, known: Iterable[str]) -> str | None:
    """The known name closest to ``name``, if one is close enough to be a likely typo.

    >>> did_you_mean("preffered", ["grounded", "preferred", "stable"])
    'preferred'
    >>> did_you_mean("xyz", ["grounded"]) is None
    True
    """
    choices = list(known)
    if len(choices) > SUGGEST_LIMIT:
        return None
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return close[0] if close else None


def unknown_name_message(what: str, name: str, known: Iterable[str]) -> str:
    """The sentence for a ``what`` called ``name`` that does not exist, with a
    did-you-mean, or the list of known names when it is short.

    >>> unknown_name_message("semantics", "prefered", ["grounded", "preferred"])
    "no semantics 'prefered' (did you mean 'preferred'?)"
    >>> unknown_name_message("support reading", "strong", ["defeasible", "deductive"])
    "no support reading 'strong' (choose from defeasible, deductive)"
    """
    choices = list(known)
    close = did_you_mean(name, choices)
    if close is not None:
        hint = f" (did you mean {close!r}?)"
    elif 0 < len(choices) <= 12:
        hint = f" (choose from {', '.join(choices)})"
    else:
        hint = ""
    return f"no {what} {name!r}{hint}"
