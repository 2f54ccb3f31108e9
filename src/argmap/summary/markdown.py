"""The Markdown report: positions with reasons and objections, themes, what stands, sources.

Claim texts are user text: :func:`~argmap.render.quoting.md_escape` makes Markdown and HTML
syntax in them show literally, so a claim reading ``<script>`` or ``*not emphasis*`` prints
as typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ArgumentMap, Claim
from ..render.quoting import md_escape
from ._common import (
    STATUS_HEADINGS,
    STATUS_MEANING,
    asserted_by,
    claim_of,
    is_claim,
    link_of,
    lookups,
    members_by_theme,
    outline_of,
    quote_reference,
    quotes_by_source,
    relation_word,
    short,
    standing,
    unanswered_objections,
)
from ._tree import Entry, Outline, select_themes

__all__ = ["markdown_report", "md_escape"]


def markdown_report(
    m: ArgumentMap,
    *,
    root: str | None = None,
    depth: int | None = None,
    themes: Sequence[str] | None = None,
    quotes: bool = True,
    analysis: bool = True,
) -> str:
    """A Markdown report of the map for reading or handing out.

    Parameters
    ----------
    m : ArgumentMap
        The map.
    root : str, optional
        Report on this claim and its replies only (default: every position).
    depth : int, optional
        Levels of replies to show under each position.
    themes : sequence of str, optional
        Keep only claims in these themes; the theme sections list only these.
    quotes : bool
        Show the quotes that anchor claims in their sources.
    analysis : bool
        Add what stands under grounded semantics and the strongest and weakest claims by
        gradual strength (when :mod:`argmap.analysis` is available).

    Returns
    -------
    str
        Markdown text ending with a newline.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap(title="Homework", question="Should homework be banned?")
    >>> _ = m.claim("ban", "Homework should be banned.", kind="position")
    >>> _ = m.claim("stress", "Homework causes *stress*.")
    >>> _ = m.support("stress", "ban")
    >>> print(markdown_report(m, analysis=False))  # doctest: +ELLIPSIS
    # Homework
    <BLANKLINE>
    **Question:** Should homework be banned?
    <BLANKLINE>
    ## Positions and their reasons
    <BLANKLINE>
    ### 1. Homework should be banned.
    <BLANKLINE>
    - **1.1. Reason:** Homework causes \\*stress\\*.
    ...
    """
    sub = select_themes(m, themes)
    with lookups(sub):
        outline = outline_of(sub, root=root, depth=depth)
        parts = [_head(sub, root), _positions(sub, outline, quotes)]
        if root is None:
            parts.append(_themes(sub, outline))
        parts.append(_unanswered(sub, outline))
        parts.append(_open_questions(sub))
        if analysis:
            parts.append(_what_stands(sub, outline))
        parts.append(_sources(sub, quotes))
    return "\n\n".join(p for p in parts if p) + "\n"


def _head(m: ArgumentMap, root: str | None) -> str:
    lines = [f"# {md_escape(m.title) or 'Argument map'}"]
    if m.question and root is None:
        lines.append(f"**Question:** {md_escape(m.question)}")
    if m.description.strip():
        lines.append(md_escape(m.description))
    return "\n\n".join(lines)


def _claim_details(m: ArgumentMap, claim: Claim, quotes: bool) -> str:
    """Who asserts it and its quotes, on one line after the claim text."""
    bits = []
    who = asserted_by(m, claim)
    if who:
        bits.append(f"*Asserted by {md_escape(', '.join(who))}.*")
    if quotes:
        bits.extend(
            f"“{md_escape(q.text)}” ({md_escape(quote_reference(m, q))})" for q in claim.quotes
        )
    return " ".join(bits)


def _positions(m: ArgumentMap, outline: Outline, quotes: bool) -> str:
    out = ["## Positions and their reasons"]
    if not outline.roots:
        out.append("The map has no claims.")
    for root in outline.roots:
        if root.claim is None or root.ref is not None:
            out += _continued_root(m, root, quotes)
            continue
        claim = claim_of(m, root.claim)
        kind = "" if claim.kind == "position" else f" ({claim.kind})"
        out.append(f"### {root.number}. {md_escape(claim.label)}{kind}")
        body = [f"*Continued from {root.continues}.*"] if root.continues else []
        body += [md_escape(claim.text)] if claim.title else []
        details = _claim_details(m, claim, quotes)
        if details:
            body.append(details)
        if body:
            out.append("\n\n".join(body))
        items = _items(m, root, quotes)
        if items:
            out.append("\n".join(items))
        elif not root.hidden:
            out.append("*No reasons or objections in the map.*")
    return "\n\n".join(out)


def _continued_root(m: ArgumentMap, root: Entry, quotes: bool) -> list[str]:
    """A root that carries on the replies of a reference or a group of premises."""
    text = _entry_text(m, root, quotes)
    parts = [f"### {root.number}. {text[:1].upper()}{text[1:]}"]
    if root.continues:
        parts.append(f"*Continued from {root.continues}.*")
    items = _items(m, root, quotes)
    return [*parts, "\n".join(items)] if items else parts


def _items(m: ArgumentMap, root: Entry, quotes: bool) -> list[str]:
    lines: list[str] = []
    stack = [(child, root.relation) for child in reversed(root.children)]
    while stack:
        entry, above = stack.pop()
        indent = "    " * (entry.depth - 2)  # four spaces: nested lists in every renderer
        word = relation_word(entry.relation, above, report=True)
        lines.append(f"{indent}- **{entry.number}. {word}:** {_entry_text(m, entry, quotes)}")
        stack.extend((child, entry.relation) for child in reversed(entry.children))
    return lines


def _entry_text(m: ArgumentMap, entry: Entry, quotes: bool) -> str:
    if entry.claim is None:
        text = "these premises, together:"
    else:
        claim = claim_of(m, entry.claim)
        if entry.ref is not None:
            text = f"{md_escape(short(claim.label))} (see {entry.ref}.)"
        else:
            text = " ".join(
                x for x in (md_escape(claim.text), _claim_details(m, claim, quotes)) if x
            )
    if entry.moved:
        text += f" (continued at {entry.moved}.)"
    if entry.hidden:
        text += f" *(+{entry.hidden} more not shown)*"
    return text


def _themes(m: ArgumentMap, outline: Outline) -> str:
    if not m.themes:
        return ""
    out = ["## Themes"]
    by_theme = members_by_theme(m)
    for theme in m.themes:
        out.append(f"### {md_escape(theme.label)}")
        if theme.description:
            out.append(md_escape(theme.description))
        members = by_theme.get(theme.id, [])
        if members:
            out.append("\n".join(f"- {_claim_ref(c, outline)}" for c in members))
        else:
            out.append("*No claims in this theme.*")
    return "\n\n".join(out)


def _claim_ref(claim: Claim, outline: Outline) -> str:
    number = outline.full.get(claim.id)
    where = f" ({number}.)" if number else ""
    return f"{md_escape(short(claim.label))}{where}"


def _unanswered(m: ArgumentMap, outline: Outline) -> str:
    out = ["## Unanswered objections"]
    found = unanswered_objections(m)
    if not found:
        out.append("Every objection in the map has an answer.")
        return "\n\n".join(out)
    items = []
    for link_id, source in found:
        link = link_of(m, link_id)
        target = (
            _claim_ref(claim_of(m, link.target), outline)
            if link.target in outline.full or is_claim(m, link.target)
            else f"the inference of {md_escape(_link_label(m, link.target))}"
        )
        items.append(f"- {_claim_ref(claim_of(m, source), outline)} objects to {target}")
    out.append("\n".join(items))
    return "\n\n".join(out)


def _open_questions(m: ArgumentMap) -> str:
    """The critical questions the map leaves open, by scheme (empty without schemes)."""
    if not any(link.scheme for link in m.links):
        return ""
    from ..schemes.questions import open_by_scheme

    groups = open_by_scheme(m)
    if not groups:
        return ""
    out = [
        "## Open critical questions",
        "Questions the map does not yet take up, for each argument that names its scheme.",
    ]
    for scheme, arguments in groups:
        out.append(f"### {md_escape(scheme.name)} (`{scheme.id}`)")
        lines = []
        for link, open_ in arguments:
            total = len(scheme.questions)
            which = f"all {total} open" if len(open_) == total else f"open: {', '.join(open_)}"
            lines.append(f"- {md_escape(_link_label(m, link.id))}: {which}")
        out.append("*Arguments:*\n\n" + "\n".join(lines))
        questions = [f"- **{q.id}** ({q.kind}): {md_escape(q.text)}" for q in scheme.questions]
        out.append("*Its critical questions:*\n\n" + "\n".join(questions))
    return "\n\n".join(out)


def _link_label(m: ArgumentMap, link_id: str) -> str:
    link = link_of(m, link_id)
    sources = " + ".join(short(claim_of(m, s).label, 40) for s in link.sources)
    target = short(claim_of(m, link.target).label, 40) if is_claim(m, link.target) else "a link"
    return f"“{sources}” → “{target}”"


def _what_stands(m: ArgumentMap, outline: Outline) -> str:
    out = ["## What stands"]
    result = standing(m)
    if not result.available:
        out.append(f"*{result.note}*")
        return "\n\n".join(out)
    order = {c.id: i for i, c in enumerate(m.claims)}
    if result.labels:
        words = {s: f"*{s}*" for s, _ in STATUS_HEADINGS}
        out.append(
            STATUS_MEANING.format(**words) + f" Support is read as {md_escape(result.reading)}."
        )
        for label, heading in STATUS_HEADINGS:
            ids = sorted(
                (c for c, v in result.labels.items() if v == label), key=lambda c: order.get(c, 0)
            )
            names = ", ".join(_claim_ref(claim_of(m, c), outline) for c in ids) or "none"
            out.append(f"**{heading}:** {names}")
    if result.strengths:
        ranked = sorted(result.strengths.items(), key=lambda kv: (-kv[1], order.get(kv[0], 0)))
        n = min(3, len(ranked) // 2)  # strongest and weakest never overlap
        picked = (("Strongest", ranked[:n]), ("Weakest", ranked[::-1][:n])) if n else ()
        for heading, picks in picked:
            lines = [f"**{heading} claims** (gradual strength, DF-QuAD):"]
            lines += [f"- {_claim_ref(claim_of(m, c), outline)}: {v:.2f}" for c, v in picks]
            out.append("\n".join(lines))
    return "\n\n".join(out)


def _sources(m: ArgumentMap, quotes: bool) -> str:
    if not m.sources:
        return ""
    out = ["## Sources"]
    items = []
    counts = quotes_by_source(m)
    for source in m.sources:
        n = counts[source.id]
        bits = [f"**{md_escape(source.title)}**"]
        if source.author:
            bits.append(f"by {md_escape(source.author)}")
        if source.url:
            bits.append(f"&lt;{md_escape(source.url)}>")
        if quotes:
            bits.append(f"({n} quote{'s' if n != 1 else ''})")
        items.append("- " + " ".join(bits))
    out.append("\n".join(items))
    return "\n\n".join(out)
