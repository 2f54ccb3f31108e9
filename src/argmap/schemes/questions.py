"""Critical questions on a map: which are answered, which are open, which to ask next.

A link whose ``scheme`` is in the catalogue has that scheme's critical questions. The map
records in the link's ``answered`` list which of them it takes up and by what: a claim, or
a link (an undercut of the argument answers an ``undercut`` question, an attack on one of
its premises a ``premise`` one, an attack on its conclusion a ``rebuttal``). The others
are *open*: ``argmap lint`` lists them (AL110), summaries and the report show them, and
:func:`suggest_question` picks one as a hint for a student.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..errors import Code, MapValidationError, Problem
from ..model import AnsweredQuestion, ArgumentMap, Link
from .catalogue import KINDS, CriticalQuestion, Premise, Scheme, find_scheme, get_scheme

__all__ = [
    "QuestionStatus",
    "SchemeFit",
    "answer_question",
    "apply_scheme",
    "attack_counts",
    "attack_kinds",
    "critical_questions",
    "open_by_scheme",
    "open_questions",
    "pick_question",
    "suggest_question",
]


@dataclass(frozen=True)
class QuestionStatus:
    """One critical question of one argument (link), and what in the map answers it."""

    link: str
    scheme: Scheme
    question: CriticalQuestion
    answered_by: tuple[str, ...] = ()

    @property
    def open(self) -> bool:
        """True while nothing in the map is recorded as answering the question."""
        return not self.answered_by

    def __str__(self) -> str:
        q = self.question
        kind = f"{q.kind}: {q.premise}" if q.premise else q.kind
        state = f"answered by {', '.join(self.answered_by)}" if self.answered_by else "open"
        return f"{self.link} {self.scheme.id}.{q.id} [{kind}] {q.text} ({state})"


def critical_questions(m: ArgumentMap, link_id: str) -> list[QuestionStatus]:
    """Every critical question of link ``link_id``'s scheme, answered or not.

    Empty when the link has no scheme or one not in the catalogue (free text).

    Examples
    --------
    >>> m = ArgumentMap()
    >>> for c in ("smith", "warming", "paid"):
    ...     _ = m.claim(c, c.capitalize() + ".")
    >>> m.support("smith", "warming", id="s1", scheme="expert-opinion")
    's1'
    >>> m.undercut("paid", "s1", id="u1")
    'u1'
    >>> _ = m.answer_question("s1", "cq4", by="u1")
    >>> [str(q) for q in critical_questions(m, "s1") if not q.open]  # doctest: +ELLIPSIS
    ['s1 expert-opinion.cq4 [undercut] Is E personally reliable here, ... (answered by u1)']
    """
    link = m.get_link(link_id)
    scheme = find_scheme(link.scheme)
    if scheme is None:
        return []
    by: dict[str, list[str]] = {}
    for answer in link.answered or ():
        by.setdefault(answer.question, []).append(answer.by)
    return [
        QuestionStatus(link.id, scheme, q, tuple(dict.fromkeys(by.get(q.id, ()))))
        for q in scheme.questions
    ]


def open_questions(m: ArgumentMap, link_id: str | None = None) -> list[QuestionStatus]:
    """The open critical questions of one link, or of every link in map order.

    >>> m = ArgumentMap()
    >>> _ = m.claim("a", "A."); _ = m.claim("b", "B.")
    >>> _ = m.support("a", "b", scheme="sign")
    >>> len(open_questions(m))
    6
    """
    links = [link_id] if link_id is not None else [link.id for link in m.links if link.scheme]
    return [q for lid in links for q in critical_questions(m, lid) if q.open]


def open_by_scheme(m: ArgumentMap) -> list[tuple[Scheme, list[tuple[Link, list[str]]]]]:
    """The open questions of the map grouped by scheme, for summaries and the report:
    each scheme (in order of first use) with its arguments and their open question ids.
    Arguments with every question answered are left out, and so are schemes left empty.

    >>> m = ArgumentMap()
    >>> _ = m.claim("a", "A."); _ = m.claim("b", "B.")
    >>> _ = m.support("a", "b", id="s1", scheme="sign")
    >>> [(s.id, [(link.id, ids) for link, ids in args]) for s, args in open_by_scheme(m)]
    [('sign', [('s1', ['cq1', 'cq2', 'cq3', 'cq4', 'cq5', 'cq6'])])]
    """
    groups: dict[str, tuple[Scheme, list[tuple[Link, list[str]]]]] = {}
    for link in m.links:
        if not link.scheme:
            continue
        statuses = critical_questions(m, link.id)
        open_ = [s.question.id for s in statuses if s.open]
        if open_:
            scheme = statuses[0].scheme
            groups.setdefault(scheme.id, (scheme, []))[1].append((link, open_))
    return list(groups.values())


def attack_kinds(m: ArgumentMap, link: Link, attacks: Counter[str] | None = None) -> Counter[str]:
    """How the map already attacks the argument ``link``, by question kind: undercuts of
    the link (``undercut``), attacks on its sources (``premise``), on its target
    (``rebuttal``). Attacks are counted whether or not they are recorded as answers.
    ``attacks`` (see :func:`attack_counts`) saves a pass over the links per call."""
    on = attacks if attacks is not None else attack_counts(m)
    return Counter(
        undercut=on[link.id],
        premise=sum(on[s] for s in dict.fromkeys(link.sources)),
        rebuttal=on[link.target],
    )


def attack_counts(m: ArgumentMap) -> Counter[str]:
    """How many attack links target each claim or link id."""
    return Counter(link.target for link in m.links if link.kind == "attack")


def suggest_question(
    m: ArgumentMap, link_id: str, attacks: Counter[str] | None = None
) -> CriticalQuestion | None:
    """A critical question to ask about link ``link_id``, as a hint; None if none is open.

    Of the open questions, one of the kind the map has taken up least for this argument
    (counting answered questions and the attacks already there), so hints lead students to
    each way of attacking an argument; within a kind, the catalogue's order. For many
    links, pass ``attacks=attack_counts(m)`` to count the map's attacks once.

    Examples
    --------
    >>> m = ArgumentMap()
    >>> for c in ("smith", "warming", "quack"):
    ...     _ = m.claim(c, c.capitalize() + ".")
    >>> m.support("smith", "warming", id="s1", scheme="expert-opinion")
    's1'
    >>> suggest_question(m, "s1").id
    'cq1'
    >>> m.attack("quack", "smith", id="a1")  # a premise is attacked already
    'a1'
    >>> suggest_question(m, "s1").kind
    'undercut'
    """
    statuses = critical_questions(m, link_id)
    return pick_question(statuses, attack_kinds(m, m.get_link(link_id), attacks))


def pick_question(
    statuses: list[QuestionStatus], attacked: Counter[str]
) -> CriticalQuestion | None:
    """:func:`suggest_question`'s choice among one link's ``statuses``, given how the map
    attacks it (:func:`attack_kinds`)."""
    open_ = [s.question for s in statuses if s.open]
    if not open_:
        return None
    taken = attacked + Counter(s.question.kind for s in statuses if not s.open)
    return min(open_, key=lambda q: (taken[q.kind], KINDS.index(q.kind)))


def answer_question(m: ArgumentMap, link_id: str, question: str, by: str) -> AnsweredQuestion:
    """Record in link ``link_id`` that claim or link ``by`` answers critical question
    ``question`` (its id, ``cq3``) of the link's scheme.

    Raises :class:`argmap.MapValidationError` when the link has no catalogue scheme, the
    scheme has no such question, or ``by`` names nothing in the map. Recording the same
    answer twice keeps one.
    """
    link = m.get_link(link_id)
    where = f"links[{_position(m, link)}].answered[{len(link.answered or ())}]"
    scheme = find_scheme(link.scheme)
    if scheme is None:
        what = f"scheme {link.scheme!r} is not in the catalogue" if link.scheme else "no scheme"
        raise _problem(
            Code.UNKNOWN_QUESTION,
            f"{where}.question",
            f"link {link.id!r} has {what}, so it has no critical questions to answer; "
            "give it one first (m.apply_scheme)",
        )
    q = scheme.question(question)
    if by not in m:
        from .._words import unknown_name

        hint = unknown_name("claim or link", by, [*(c.id for c in m.claims), *_link_ids(m)])
        raise _problem(Code.DANGLING_REFERENCE, f"{where}.by", str(hint))
    answer = AnsweredQuestion(question=q.id, by=by)
    answers = link.answered or []
    if answer not in answers:
        answers.append(answer)
    link.answered = answers
    return answer


@dataclass(frozen=True)
class SchemeFit:
    """How a link's sources line up with a scheme's premises (in order).

    ``matched`` pairs premises with the link's sources, ``missing`` lists the premises
    with no source, ``extra`` the sources with no premise.
    """

    link: str
    scheme: Scheme
    matched: list[tuple[Premise, str]] = field(default_factory=list)
    missing: list[Premise] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every premise has a source and every source a premise."""
        return not self.missing and not self.extra

    def __str__(self) -> str:
        n, k = len(self.scheme.premises), len(self.matched) + len(self.extra)
        head = (
            f"scheme {self.scheme.id!r} has {_count(n, 'premise')}; "
            f"link {self.link!r} has {_count(k, 'source')}"
        )
        if self.ok:
            return head
        details = []
        if self.missing:
            details.append("missing " + "; ".join(f"{p.role}: {p.text!r}" for p in self.missing))
        if self.extra:
            details.append(f"no premise for source(s) {', '.join(self.extra)}")
        return f"{head}: {'; '.join(details)}"


def apply_scheme(m: ArgumentMap, link_id: str, scheme: str, *, strict: bool = True) -> SchemeFit:
    """Set link ``link_id``'s scheme (id, name or alias), checking the premises' count.

    The link's sources are read against the scheme's premises in order, so list the
    co-premises in the scheme's order. With ``strict`` a premise without a source, or a
    source without a premise, raises :class:`argmap.MapValidationError` naming them (the
    link is unchanged); ``strict=False`` records the scheme anyway, for arguments whose
    other premises stay implicit. Recorded answers to another scheme's questions are
    dropped when the scheme changes.

    Examples
    --------
    >>> m = ArgumentMap()
    >>> for c in ("expert", "says", "in-field", "claim"):
    ...     _ = m.claim(c, c + ".")
    >>> _ = m.support(["expert", "says"], "claim", id="s1")
    >>> try:
    ...     m.apply_scheme("s1", "Expert Opinion")
    ... except MapValidationError as exc:
    ...     print(exc.problems[0].path, exc.problems[0].message)
    links[0].sources scheme 'expert-opinion' has 3 premises; link 's1' has 2 sources: missing \
domain: 'A is a question within F.'
    >>> fit = m.apply_scheme("s1", "Expert Opinion", strict=False)
    >>> m.get_link("s1").scheme, [p.role for p in fit.missing]
    ('expert-opinion', ['domain'])
    """
    link = m.get_link(link_id)
    found = get_scheme(scheme)
    premises, sources = found.premises, link.sources
    fit = SchemeFit(
        link.id,
        found,
        matched=list(zip(premises, sources, strict=False)),
        missing=list(premises[len(sources) :]),
        extra=list(sources[len(premises) :]),
    )
    if strict and not fit.ok:
        where = f"links[{_position(m, link)}].sources"
        raise _problem(Code.PREMISE_COUNT, where, str(fit))
    if link.scheme != found.id:
        if find_scheme(link.scheme) is not found:
            link.answered = None
        link.scheme = found.id
    return fit


def _position(m: ArgumentMap, link: Link) -> int:
    return next(i for i, x in enumerate(m.links) if x is link)


def _link_ids(m: ArgumentMap) -> Iterator[str]:
    return (link.id for link in m.links)


def _count(n: int, what: str) -> str:
    return f"{n} {what}" if n == 1 else f"{n} {what}s"


def _problem(code: Code, path: str, message: str) -> MapValidationError:
    return MapValidationError([Problem(code, path, message)])
