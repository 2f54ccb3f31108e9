"""A brief: one short paragraph per position, built from the map's structure."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ArgumentMap, Link
from ._common import asserted_by, claim_of, clean, lookups, quoted, standing
from ._tree import default_roots, select_themes

__all__ = ["brief_text"]

_VERDICT = {
    "accepted": "Under grounded semantics it stands (accepted).",
    "rejected": "Under grounded semantics it falls (rejected).",
    "undecided": "Under grounded semantics it is undecided.",
}


def brief_text(
    m: ArgumentMap,
    *,
    root: str | None = None,
    themes: Sequence[str] | None = None,
    analysis: bool = True,
) -> str:
    """One paragraph per position: its reasons, the objections it faces and their answers.

    Parameters
    ----------
    m : ArgumentMap
        The map.
    root : str, optional
        Write about this claim only (default: each position, or each final conclusion when
        the map has no positions).
    themes : sequence of str, optional
        Keep only claims in these themes (and the links among them).
    analysis : bool
        End each paragraph with the claim's status under grounded semantics when
        :mod:`argmap.analysis` is available.

    Returns
    -------
    str
        Paragraphs separated by blank lines, ending with a newline.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> _ = m.claim("ban", "Homework should be banned.", kind="position", title="Ban it")
    >>> _ = m.claim("stress", "Homework causes stress.")
    >>> _ = m.claim("practice", "Practice needs time.")
    >>> _ = m.support("stress", "ban"); _ = m.attack("practice", "ban")
    >>> import textwrap
    >>> print(textwrap.fill(brief_text(m, analysis=False), 80))
    Ban it: Homework should be banned. It rests on 1 reason: “Homework causes
    stress”. It faces 1 objection: “Practice needs time”, which nothing in the map
    answers.
    """
    sub = select_themes(m, themes)
    roots = [root] if root is not None else default_roots(sub)
    positions = [r for r in roots if sub.get_claim(r).kind == "position"] or roots
    labels = standing(sub).labels if analysis else {}
    by_target: dict[str, list[Link]] = {}
    for link in sub.links:
        by_target.setdefault(link.target, []).append(link)
    with lookups(sub):
        paragraphs = [_paragraph(sub, cid, by_target, labels) for cid in positions]
    if not paragraphs:
        return "The map has no claims.\n"
    return "\n\n".join(paragraphs) + "\n"


def _quoted(m: ArgumentMap, ids: Sequence[str]) -> str:
    names = [quoted(claim_of(m, i).label) for i in ids]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _paragraph(
    m: ArgumentMap, cid: str, by_target: dict[str, list[Link]], labels: dict[str, str]
) -> str:
    claim = claim_of(m, cid)
    parts = [f"{clean(claim.title)}: {clean(claim.text)}" if claim.title else clean(claim.text)]
    who = asserted_by(m, claim)
    if who:
        parts.append(f"Asserted by {', '.join(who)}.")
    replies = by_target.get(cid, [])
    reasons = [link for link in replies if link.kind == "support"]
    # Objections: attacks on the claim and undercuts of the links that support it.
    objections = [link for link in replies if link.kind == "attack"]
    objections += [u for r in reasons for u in by_target.get(r.id, []) if u.kind == "attack"]
    if reasons:
        linked = sum(1 for r in reasons if len(r.sources) > 1)
        names = "; ".join(_quoted(m, r.sources) for r in reasons)
        n = len(reasons)
        extra = f" ({linked} of them linked premises that work only together)" if linked else ""
        parts.append(f"It rests on {n} reason{'s' if n != 1 else ''}{extra}: {names}")
        parts[-1] += "."
    else:
        parts.append("The map gives no reason for it.")
    if objections:
        n = len(objections)
        items = [_objection(m, o, by_target, cid) for o in objections]
        parts.append(f"It faces {n} objection{'s' if n != 1 else ''}: " + "; ".join(items) + ".")
    else:
        parts.append("No objection in the map challenges it.")
    if cid in labels and labels[cid] in _VERDICT:
        parts.append(_VERDICT[labels[cid]])
    return " ".join(parts)


def _objection(m: ArgumentMap, link: Link, by_target: dict[str, list[Link]], cid: str) -> str:
    what = _quoted(m, link.sources)
    if link.target != cid:
        what += " (it undercuts a reason)"
    answers = [a for s in link.sources for a in by_target.get(s, []) if a.kind == "attack"]
    answers += [a for a in by_target.get(link.id, []) if a.kind == "attack"]
    if not answers:
        return f"{what}, which nothing in the map answers"
    names = " and ".join(_quoted(m, a.sources) for a in answers)
    return f"{what}, answered by {names}"
