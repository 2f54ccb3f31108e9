"""Plain text for terminals: the outline with quotes and speakers, wrapped to a width."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from ..model import ArgumentMap
from ._common import asserted_by, claim_of, clean, lookups, outline_of, quote_reference
from ._tree import Outline, select_themes
from .outline import entry_line

__all__ = ["plain_text"]

#: Narrower than this and wrapping stops helping; wider widths are taken as given.
MIN_WIDTH = 30


def plain_text(
    m: ArgumentMap,
    *,
    width: int = 80,
    root: str | None = None,
    depth: int | None = None,
    themes: Sequence[str] | None = None,
    quotes: bool = True,
) -> str:
    """The map as wrapped plain text: heading, numbered outline, quotes, sources.

    Parameters
    ----------
    m : ArgumentMap
        The map.
    width : int
        Line width to wrap to (at least 30); the CLI passes the terminal's width.
    root, depth, themes
        As for :func:`argmap.summary.numbered_outline`.
    quotes : bool
        Show quotes and who asserts each claim under its entry.

    Returns
    -------
    str
        Text ending with a newline; no line is longer than ``width`` unless a single word is.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="Homework")
    >>> _ = m.claim("ban", "Homework should be banned, say many tired pupils.", kind="position")
    >>> _ = m.claim("stress", "Homework causes stress.")
    >>> _ = m.support("stress", "ban")
    >>> print(plain_text(m, width=30), end="")
    Homework
    ========
    <BLANKLINE>
    1. Homework should be banned,
       say many tired pupils.
      1.1. Pro: Homework causes
           stress.
    """
    width = max(width, MIN_WIDTH)
    sub = select_themes(m, themes)
    out: list[str] = []
    title = clean(sub.title)
    if title:
        lines = _wrap(title, width, "", "")
        out += [*lines, "=" * max(len(line) for line in lines), ""]
    if sub.question and root is None:
        out += [*_wrap(f"Question: {clean(sub.question)}", width, "", ""), ""]
    if sub.description.strip():
        out += [*_wrap(clean(sub.description), width, "", ""), ""]
    with lookups(sub):
        out += _outline(sub, outline_of(sub, root=root, depth=depth), width, quotes)
    if quotes and sub.sources:
        out += ["", "Sources:"]
        for source in sub.sources:
            line = clean(" ".join(x for x in (source.title, source.author, source.url) if x))
            out += _wrap(line, width, "  - ", "    ")
    return "\n".join(out).rstrip("\n") + "\n"


def _outline(m: ArgumentMap, outline: Outline, width: int, quotes: bool) -> list[str]:
    out: list[str] = []
    parents: dict[str, str | None] = {}
    for entry in outline.walk():
        for child in entry.children:
            parents[child.number] = entry.relation
        # Past a quarter of the width, deeper levels keep the same indent (the number still
        # shows the depth): text stays readable and the output linear in the map.
        indent = "  " * min(entry.depth - 1, width // 4)
        line = entry_line(m, entry, parents.get(entry.number))
        hang = indent + " " * (len(entry.number) + 2)
        out += _wrap(line, width, indent, hang)
        if quotes and entry.is_full and entry.claim is not None:
            claim = claim_of(m, entry.claim)
            who = asserted_by(m, claim)
            if who:
                out += _wrap(f"— asserted by {', '.join(who)}", width, hang, hang + "  ")
            for q in claim.quotes:
                text = f"“{clean(q.text)}” ({quote_reference(m, q)})"
                out += _wrap(text, width, hang, hang + " ")
    return out


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    # Deep entries can indent past the width; keep at least 20 columns for words.
    width = max(width, len(rest) + 20)
    return textwrap.wrap(
        text,
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_on_hyphens=False,
    ) or [first.rstrip()]
