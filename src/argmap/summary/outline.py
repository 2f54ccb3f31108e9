"""Numbered outline: the map as a Kialo-style tree of pros and cons.

Each claim appears once in full, at its first place in reading order; elsewhere a short
reference points to that number, so shared claims and cycles cost one line each.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ArgumentMap
from ._common import claim_of, clean, lookups, outline_of, relation_word, short
from ._tree import Entry, Outline, select_themes

__all__ = ["continued", "numbered_outline", "outline_lines"]


def numbered_outline(
    m: ArgumentMap,
    *,
    root: str | None = None,
    depth: int | None = None,
    themes: Sequence[str] | None = None,
) -> str:
    """The map as a numbered tree, ``1.2. Con: ...`` style.

    Parameters
    ----------
    m : ArgumentMap
        The map.
    root : str, optional
        A claim id to start from; by default the positions (then any claim that gives
        reason for nothing else) under the map's question.
    depth : int, optional
        Levels to show (1: the roots only); deeper replies are counted, not shown.
    themes : sequence of str, optional
        Keep only claims in these themes (and the links among them).

    Returns
    -------
    str
        Plain text, one entry a line, ending with a newline.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(question="Should homework be banned?")
    >>> m.claim("ban", "Homework should be banned.", kind="position")
    'ban'
    >>> m.claim("stress", "Homework causes stress.", title="Stress")
    'stress'
    >>> m.claim("practice", "Practice needs time.")
    'practice'
    >>> _ = m.support("stress", "ban"); _ = m.attack("practice", "ban")
    >>> _ = m.attack("stress", "practice")
    >>> print(numbered_outline(m), end="")
    Question: Should homework be banned?
    <BLANKLINE>
    1. Homework should be banned.
      1.1. Pro: Homework causes stress.
      1.2. Con: Practice needs time.
        1.2.1. Con: Stress (see 1.1.)
    """
    sub = select_themes(m, themes)
    lines = []
    if root is None and sub.question:
        lines += [f"Question: {clean(sub.question)}", ""]
    with lookups(sub):
        lines += outline_lines(sub, outline_of(sub, root=root, depth=depth))
    return "\n".join(lines) + "\n"


def outline_lines(m: ArgumentMap, outline: Outline) -> list[str]:
    """One line per entry: indent, number, relation word, text or reference."""
    lines: list[str] = []
    for root in outline.roots:
        _lines(m, root, None, lines)
    return lines


def _lines(m: ArgumentMap, top: Entry, parent_relation: str | None, out: list[str]) -> None:
    stack: list[tuple[Entry, str | None]] = [(top, parent_relation)]
    while stack:
        entry, above = stack.pop()
        out.append("  " * (entry.depth - 1) + entry_line(m, entry, above))
        stack.extend((child, entry.relation) for child in reversed(entry.children))


def entry_line(m: ArgumentMap, entry: Entry, parent_relation: str | None) -> str:
    """``1.2. Con: text`` for a full entry, ``1.2. Con: Label (see 2.)`` for a reference."""
    word = relation_word(entry.relation, parent_relation, report=False)
    head = f"{entry.number}. {word}:" if word else f"{entry.number}."
    if entry.claim is None:
        body = "(linked premises, together)"
        head = head.rstrip(":")
    else:
        claim = claim_of(m, entry.claim)
        body = (
            clean(claim.text) if entry.ref is None else f"{short(claim.label)} (see {entry.ref}.)"
        )
    more = f" [+{entry.hidden} more]" if entry.hidden else ""
    return f"{head} {body}{continued(entry)}{more}"


def continued(entry: Entry) -> str:
    """`` (continued from 1.1.1.)`` on a root that carries on a branch too deep to show
    in place, `` (continued at 4.)`` on the entry whose branch it carries on."""
    if entry.continues:
        return f" (continued from {entry.continues}.)"
    return f" (continued at {entry.moved}.)" if entry.moved else ""
