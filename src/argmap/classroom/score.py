"""The score: points gained and lost under a rubric, line by line, and the total out of 100.

Every reference claim and link is a line worth some points (optional claims are a bonus
outside the maximum); every mistake in what the student drew is a line that loses points.
The score is ``100 * (gained - lost) / maximum``, kept between 0 and 100 and rounded to
one decimal, so the same maps and rubric always give the same number.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from ..model import ArgumentMap
from .links import LinkVerdict
from .pairing import ClaimPair
from .rubric import Rubric

__all__ = ["KindDifference", "PointLine", "Score", "score"]

LineKind = Literal["claim", "link", "penalty"]


@dataclass(frozen=True)
class KindDifference:
    """A paired claim of another kind: ``expected`` the reference's, ``found`` the student's."""

    reference: str
    student: str
    expected: str
    found: str


@dataclass(frozen=True)
class PointLine:
    """One line of the score: what it is about, points gained (or lost, negative), out of what.

    ``item`` is ``claim`` or ``link`` for a reference item (``worth`` its points; 0 for an
    optional claim's bonus) or ``penalty`` for a mistake; ``reason`` is the match or verdict
    (``quote``, ``paraphrase``, ``missing``, ``wrong-kind``, ``extra-claim`` ...).
    """

    item: LineKind
    reason: str
    points: float
    worth: float
    reference: str | None = None
    student: str | None = None
    role: str = ""


@dataclass(frozen=True)
class Score:
    """The total (0-100) and the lines it is made of."""

    value: float
    gained: float
    lost: float
    maximum: float
    lines: tuple[PointLine, ...]


def score(
    reference: ArgumentMap,
    claims: Sequence[ClaimPair],
    links: Sequence[LinkVerdict],
    kinds: Sequence[KindDifference],
    rubric: Rubric,
    roles: Mapping[str, str],
) -> Score:
    """Score a comparison under ``rubric``; ``roles`` from :meth:`Rubric.weights`.

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> from argmap.classroom.rubric import default_rubric
    >>> ref = ArgumentMap()
    >>> _ = ref.claim("p", "P.", kind="position"); _ = ref.claim("e", "E.", kind="evidence")
    >>> _ = ref.support("e", "p", id="s")
    >>> pairs = [ClaimPair("p", "x", "text", 1.0), ClaimPair("e", None, "none", 0.0)]
    >>> s = score(ref, pairs, [LinkVerdict("s", None, "missing")], [], default_rubric(),
    ...           {"p": "required", "e": "claim"})
    >>> s.value, s.gained, s.maximum
    (42.9, 3.0, 7.0)
    """
    lines = [*_claim_lines(claims, rubric, roles), *_link_lines(links, rubric)]
    kind_penalty = rubric.penalties.claim_kind
    if kind_penalty:
        lines += [
            PointLine("penalty", "claim-kind", -kind_penalty, 0.0, k.reference, k.student)
            for k in kinds
        ]
    gained = sum(line.points for line in lines if line.points > 0)
    lost = -sum(line.points for line in lines if line.points < 0)
    maximum = sum(line.worth for line in lines)
    value = 100.0 * (gained - lost) / maximum if maximum > 0 else 0.0
    return Score(
        round(min(100.0, max(0.0, value)), 1),
        round(gained, 3),
        round(lost, 3),
        round(maximum, 3),
        tuple(lines),
    )


def _claim_lines(
    claims: Sequence[ClaimPair], rubric: Rubric, roles: Mapping[str, str]
) -> list[PointLine]:
    rules = rubric.claims
    worth_of = {
        "required": rules.required_points,
        "claim": rules.points,
        "optional": rules.optional_points,
    }
    lines = []
    for pair in claims:
        if pair.reference is None:
            penalty = rubric.penalties.extra_claim
            if penalty:
                lines.append(PointLine("penalty", "extra-claim", -penalty, 0.0, None, pair.student))
            continue
        role = roles.get(pair.reference, "claim")
        full = worth_of[role]
        worth = 0.0 if role == "optional" else full
        if pair.student is None:
            got = 0.0
        elif pair.match in ("paraphrase", "structure"):
            got = full * rules.paraphrase_credit
        else:
            got = full
        lines.append(PointLine("claim", pair.match, got, worth, pair.reference, pair.student, role))
    return lines


def _link_lines(links: Sequence[LinkVerdict], rubric: Rubric) -> list[PointLine]:
    rules, penalties = rubric.links, rubric.penalties

    def got(verdict: str) -> float:
        if verdict == "ok":
            return rules.points
        if verdict in ("split-premises", "merged-premises"):
            return rules.points * rules.partial_credit
        return 0.0

    by_ref: dict[str, list[LinkVerdict]] = {}
    for v in links:
        if v.reference is not None:
            by_ref.setdefault(v.reference, []).append(v)
    lines = []
    for v in links:
        if v.reference is None:
            if penalties.extra_link:
                lines.append(
                    PointLine("penalty", "extra-link", -penalties.extra_link, 0.0, None, v.student)
                )
            continue
        answers = by_ref.get(v.reference, [])
        # A reference link answered by several student links (split premises) is one line,
        # at the best of their verdicts; each mistake among them still costs its penalty.
        best = max(answers, key=lambda a: got(a.verdict))
        if v is answers[0]:
            points = got(best.verdict)
            line = PointLine("link", best.verdict, points, rules.points, v.reference, best.student)
            lines.append(line)
        penalty = penalties.of(v.verdict) if v.verdict != "missing" else 0.0
        if penalty:
            lines.append(PointLine("penalty", v.verdict, -penalty, 0.0, v.reference, v.student))
    return lines
