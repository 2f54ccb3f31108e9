"""Small helpers the summary formats share: words for relations, quotes, people, analysis."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from .._gc import gc_paused
from ..model import ArgumentMap, Claim, Link, Quote
from ..render.quoting import one_line as clean
from ._tree import Outline, build_outline

__all__ = [
    "Standing",
    "asserted_by",
    "claim_of",
    "clean",
    "is_claim",
    "link_of",
    "lookups",
    "members_by_theme",
    "outline_of",
    "quote_reference",
    "quoted",
    "quotes_by_source",
    "relation_word",
    "short",
    "standing",
    "theme_labels",
    "unanswered_objections",
]

#: Outline words (Kialo's Pro/Con) and report words for each relation.
OUTLINE_WORDS = {
    "pro": "Pro",
    "con": "Con",
    "warrant": "Warrant",
    "undercut": "Undercut",
    "premise": "Premise",
}
REPORT_WORDS = {
    "pro": "Reason",
    "con": "Objection",
    "warrant": "Warrant",
    "undercut": "Undercut",
    "premise": "Premise",
}


def short(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters.

    >>> short("The quick brown fox jumps over the lazy dog", 20)
    'The quick brown fox…'
    """
    text = clean(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " ":  # the cut falls inside a word: drop that word
        cut = cut.rsplit(" ", 1)[0] or cut
    return cut.rstrip(" ,;:") + "…"


def quoted(text: str, limit: int = 70) -> str:
    """A claim named inside a sentence: short, in quotes, without its own full stop.

    >>> quoted("Homework causes stress.")
    '“Homework causes stress”'
    """
    name = short(text, limit)
    return f"“{name[:-1] if name.endswith('.') else name}”"


def relation_word(relation: str | None, parent_relation: str | None, report: bool) -> str:
    """The word before an entry: an attack on an objection is a rebuttal in reports."""
    if relation is None:
        return ""
    if report and relation == "con" and parent_relation in ("con", "undercut"):
        return "Rebuttal"
    return (REPORT_WORDS if report else OUTLINE_WORDS)[relation]


@dataclass(frozen=True)
class _Names:
    map: ArgumentMap
    perspectives: dict[str, str]
    sources: dict[str, str]
    themes: dict[str, str]
    claims: dict[str, Claim]
    links: dict[str, Link]
    # What the analysis says, kept for the block: the report asks twice (brief and
    # "what stands"), and the analysis costs more than all the writing.
    standing: list[Standing] = field(default_factory=list)
    # Outlines by (root, depth): the report and its long description unroll the same one.
    outlines: dict[tuple[str | None, int | None], Outline] = field(default_factory=dict)


_NAMES: ContextVar[_Names | None] = ContextVar("argmap_summary_names", default=None)


@contextmanager
def lookups(m: ArgumentMap) -> Iterator[None]:
    """Within the block, :func:`asserted_by`, :func:`quote_reference` and
    :func:`theme_labels` on ``m`` look labels up in tables made once, not once per claim
    (a map with thousands of perspectives or sources would otherwise take time growing
    with the square of its size). :func:`claim_of`, :func:`link_of` and :func:`is_claim`
    read plain dicts, :func:`outline_of` unrolls each outline once and :func:`standing`
    runs the analysis once. The map must not change inside the block.

    The cyclic garbage collector is paused in the block, as :func:`argmap.load` pauses it:
    a writer makes hundreds of thousands of small acyclic objects (entries, lines), and
    each collection set off by them would walk them all again (a fifth of the report's
    time on a 20,000-claim map).
    """
    with gc_paused():
        token = _NAMES.set(_names(m))
        try:
            yield
        finally:
            _NAMES.reset(token)


def _names(m: ArgumentMap) -> _Names:
    made = _NAMES.get()
    if made is not None and made.map is m:
        return made
    return _Names(
        m,
        {p.id: p.label for p in m.perspectives},
        {s.id: s.title for s in m.sources},
        {t.id: t.label for t in m.themes},
        {c.id: c for c in m.claims},
        {link.id: link for link in m.links},
    )


def _made(m: ArgumentMap) -> _Names | None:
    """The tables of the :func:`lookups` block on ``m``, if the caller is inside one."""
    made = _NAMES.get()
    return made if made is not None and made.map is m else None


def claim_of(m: ArgumentMap, claim_id: str) -> Claim:
    """``m.get_claim(claim_id)``, a plain dict lookup inside a :func:`lookups` block.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> _ = m.claim("a", "A.")
    >>> with lookups(m):
    ...     claim_of(m, "a").text
    'A.'
    """
    made = _made(m)
    return m.get_claim(claim_id) if made is None else made.claims[claim_id]


def outline_of(m: ArgumentMap, root: str | None = None, depth: int | None = None) -> Outline:
    """:func:`~argmap.summary._tree.build_outline`, made once inside a :func:`lookups` block.

    Writers only read an outline, so the sections of one report can share it.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> _ = m.claim("a", "A.")
    >>> with lookups(m):
    ...     outline_of(m) is outline_of(m)
    True
    """
    made = _made(m)
    if made is None:
        return build_outline(m, root=root, depth=depth)
    outline = made.outlines.get((root, depth))
    if outline is None:
        outline = made.outlines[root, depth] = build_outline(m, root=root, depth=depth)
    return outline


def link_of(m: ArgumentMap, link_id: str) -> Link:
    """``m.get_link(link_id)``, a plain dict lookup inside a :func:`lookups` block."""
    made = _made(m)
    return m.get_link(link_id) if made is None else made.links[link_id]


def is_claim(m: ArgumentMap, item_id: str) -> bool:
    """Whether ``item_id`` names a claim of ``m`` (not a link, not nothing).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> _ = m.claim("a", "A.")
    >>> is_claim(m, "a"), is_claim(m, "s1")
    (True, False)
    """
    made = _made(m)
    if made is not None:
        return item_id in made.claims
    try:
        m.get_claim(item_id)  # an indexed lookup: no scan of the claims
    except KeyError:
        return False
    return True


def theme_labels(m: ArgumentMap) -> dict[str, str]:
    """Theme ids to their labels (made once inside a :func:`lookups` block)."""
    return _names(m).themes


def asserted_by(m: ArgumentMap, claim: Claim) -> list[str]:
    """Labels of who asserts the claim, in the claim's order."""
    if not claim.asserted_by:
        return []
    labels = _names(m).perspectives
    return [clean(labels.get(p, p)) for p in claim.asserted_by]


def quote_reference(m: ArgumentMap, quote: Quote) -> str:
    """Where a quote comes from: the source's title and the character span."""
    title = clean(_names(m).sources.get(quote.source, quote.source))
    return f"{title}, chars {quote.start}–{quote.end}"


def members_by_theme(m: ArgumentMap) -> dict[str, list[Claim]]:
    """The claims of each theme, in map order, found in one pass over the claims.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> _ = m.claim("a", "A.", themes=["x", "y"]); _ = m.claim("b", "B.", themes=["x"])
    >>> {t: [c.id for c in cs] for t, cs in members_by_theme(m).items()}
    {'x': ['a', 'b'], 'y': ['a']}
    """
    members: dict[str, list[Claim]] = {}
    for claim in m.claims:
        for theme in dict.fromkeys(claim.themes):  # a theme named twice counts once
            members.setdefault(theme, []).append(claim)
    return members


def quotes_by_source(m: ArgumentMap) -> Counter[str]:
    """How many quotes each source has, counted in one pass over the claims."""
    return Counter(q.source for c in m.claims for q in c.quotes)


def unanswered_objections(m: ArgumentMap) -> list[tuple[str, str]]:
    """Attacks nobody answers: ``(link id, source claim id)`` for each unattacked source.

    An objection is answered when a claim attacks it or a claim undercuts the attack.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> for cid in "abc":
    ...     _ = m.claim(cid, f"Claim {cid}.")
    >>> _ = m.attack("b", "a"); _ = m.attack("c", "a"); _ = m.attack("a", "c")
    >>> unanswered_objections(m)
    [('a1', 'b')]
    """
    attacked = {link.target for link in m.links if link.kind == "attack"}
    out: list[tuple[str, str]] = []
    for link in m.links:
        if link.kind != "attack" or link.id in attacked:
            continue
        out.extend((link.id, s) for s in link.sources if s not in attacked)
    return out


@dataclass
class Standing:
    """What the analysis says, when :mod:`argmap.analysis` is installed.

    ``labels`` maps claim ids to ``accepted``/``rejected``/``undecided`` under grounded
    semantics and the default (defeasible) reading of support, which ``reading`` states in
    words; ``strengths`` maps claim ids to gradual strength in [0, 1]. ``note`` explains
    what is missing when analysis is not available.
    """

    labels: dict[str, str] = field(default_factory=dict)
    strengths: dict[str, float] = field(default_factory=dict)
    note: str = ""
    reading: str = ""

    @property
    def available(self) -> bool:
        return bool(self.labels or self.strengths)


def standing(m: ArgumentMap) -> Standing:
    """Grounded labels and DF-QuAD strengths of the claims, or a note saying why not.

    Inside a :func:`lookups` block on ``m`` the analysis runs once, however often asked.
    """
    made = _made(m)
    if made is not None and made.standing:
        return made.standing[0]
    found = _analyse(m)
    if made is not None:
        made.standing.append(found)
    return found


def _analyse(m: ArgumentMap) -> Standing:
    # Analysis is another part of argmap that may be absent from a trimmed install;
    # summaries work without it and say so. Imported here: a summary without the
    # analysis section does not pay for importing it.
    try:
        from ..analysis import analyze, strengths
    except ImportError:
        return Standing(note="Analysis not available (argmap.analysis is not installed).")
    result = analyze(m, semantics="grounded")
    scores = {cid: float(v) for cid, v in dict(strengths(m, method="dfquad").claims).items()}
    return Standing(labels=dict(result.status), strengths=scores, reading=str(result.reading))


#: The statuses in the order summaries list them, with their headings.
STATUS_HEADINGS = (("accepted", "Accepted"), ("rejected", "Rejected"), ("undecided", "Undecided"))

#: What the three statuses mean, for the sentence that introduces them.
STATUS_MEANING = (
    "Under grounded semantics a claim is {accepted} when every attack on it is defeated, "
    "{rejected} when an accepted attack hits it, and {undecided} otherwise."
)
