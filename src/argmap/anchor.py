"""Finding a quote's span in a source text by its words, so nobody counts characters.

A quote in a map is anchored by offsets, ``text == source[start:end]``, which a student
cannot be expected to count. :func:`find_span` finds the words instead: exactly where they
occur verbatim, else allowing for differences a reader does not see (line breaks and runs
of spaces, curly or straight quotes, dashes), then ignoring case. When the words are absent
or occur more than once it says so, with what it did find, rather than guessing.

>>> text = "Shortages were everyday life. People queued for hours."
>>> find_span(text, "People queued")
(30, 43)
>>> find_span(text, "shortages  were\\neveryday life")
(0, 28)
"""

from __future__ import annotations

import re

__all__ = ["QuoteNotFound", "find_span", "find_spans"]

# Characters a reader takes for the same one when copying words out of a text.
_LOOK_ALIKE = {
    "'": "'‘’‛′",
    '"': '"“”„‟″',
    "-": "-‐‑‒–—―−",
}
_CLASS = {c: "[" + re.escape(group) + "]" for group in _LOOK_ALIKE.values() for c in group}


class QuoteNotFound(ValueError):
    """The words are not in the text, or occur more than once; the message says which."""


def _pattern(tokens: list[str], *, ignore_case: bool) -> re.Pattern[str]:
    # Literal tokens joined by whitespace runs: the pattern has no nested repetition, so a
    # search is linear in the text whatever the words are.
    parts = ["".join(_CLASS.get(ch, re.escape(ch)) for ch in tok) for tok in tokens]
    return re.compile(r"\s+".join(parts), re.IGNORECASE if ignore_case else 0)


def find_spans(text: str, words: str) -> list[tuple[int, int]]:
    """Every span of ``text`` that reads as ``words``, by the first rule that finds any.

    The rules, strictest first: verbatim; whitespace, quotes and dashes as a reader sees
    them; the same ignoring case.

    >>> find_spans("a b. A  b.", "a b")
    [(0, 3)]
    >>> find_spans("a b. A  b.", "A b")
    [(5, 9)]
    >>> find_spans("It’s late.", "it's late")
    [(0, 9)]
    """
    exact = _verbatim(text, words)
    if exact:
        return exact
    tokens = words.split()
    if not tokens:
        return []
    for ignore_case in (False, True):
        found = [m.span() for m in _pattern(tokens, ignore_case=ignore_case).finditer(text)]
        if found:
            return found
    return []


def _verbatim(text: str, words: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if not words:
        return spans
    start = text.find(words)
    while start != -1:
        spans.append((start, start + len(words)))
        start = text.find(words, start + 1)
    return spans


def find_span(text: str, words: str, occurrence: int | None = None) -> tuple[int, int]:
    """The one span of ``text`` that reads as ``words`` (see :func:`find_spans`).

    Parameters
    ----------
    text : str
        The source text.
    words : str
        The words to find, as a student copied them.
    occurrence : int, optional
        Which match to take (1 for the first) when the words occur more than once.

    Raises
    ------
    QuoteNotFound
        The words are absent (the message shows how far they do match), or occur more than
        once and ``occurrence`` does not say which.

    Examples
    --------
    >>> find_span("no, no, no", "no", occurrence=2)
    (4, 6)
    >>> find_span("no, no, no", "no")
    Traceback (most recent call last):
    ...
    argmap.anchor.QuoteNotFound: the words occur 3 times (at 0, 4, 8); add words around them \
or pass occurrence=1..3
    """
    spans = find_spans(text, words)
    if not spans:
        raise QuoteNotFound(_absent(text, words))
    if occurrence is not None:
        if not 1 <= occurrence <= len(spans):
            raise QuoteNotFound(
                f"occurrence={occurrence}, but the words occur {_times(len(spans))}"
            )
        return spans[occurrence - 1]
    if len(spans) > 1:
        where = ", ".join(str(s) for s, _ in spans[:5]) + (", ..." if len(spans) > 5 else "")
        raise QuoteNotFound(
            f"the words occur {_times(len(spans))} (at {where}); add words around them "
            f"or pass occurrence=1..{len(spans)}"
        )
    return spans[0]


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def _absent(text: str, words: str) -> str:
    """Why the words were not found: how many of them, from the start, the text does have."""
    tokens = words.split()
    if not tokens:
        return "no words to look for"
    # The longest run of leading words found, by halving: a few linear searches.
    low, high = 0, len(tokens)
    while low < high:
        middle = (low + high + 1) // 2
        if _pattern(tokens[:middle], ignore_case=True).search(text):
            low = middle
        else:
            high = middle - 1
    if low == 0:
        return f"the words are not in the source (not even {tokens[0]!r})"
    hit = _pattern(tokens[:low], ignore_case=True).search(text)
    assert hit is not None
    after = text[hit.end() : hit.end() + 30].split("\n")[0]
    return (
        f"the words are not in the source: it has {' '.join(tokens[:low])!r} (at {hit.start()}) "
        f"but then reads {after!r} where you have {' '.join(tokens[low : low + 5])!r}"
    )
