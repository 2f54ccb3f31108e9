"""What a comparison found, as data: the pairs, link verdicts, kinds, score and notes.

The data sits below the feedback that words it (:mod:`argmap.classroom.feedback`) and the
comparing that makes it (:mod:`argmap.classroom.compare`), so the feedback does not reach
up into the comparing.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model import ArgumentMap
from .links import LinkVerdict
from .pairing import ClaimPair
from .score import KindDifference, Score

__all__ = ["Findings"]


@dataclass
class Findings:
    """What comparing a student's map with a reference found: pairs, link verdicts,
    kinds, score, notes. :meth:`to_dict` (and :meth:`to_json`) give the documented JSON
    form. :class:`argmap.classroom.compare.Comparison` adds the feedback."""

    student: ArgumentMap
    reference: ArgumentMap
    claims: list[ClaimPair]
    links: list[LinkVerdict]
    kinds: list[KindDifference]
    score: Score
    roles: dict[str, str]
    notes: list[str] = field(default_factory=list)
    source_texts: dict[str, str] = field(default_factory=dict)
    name: str | None = None
    #: The student's claims that state the question itself: neither paired nor extra.
    questions: frozenset[str] = frozenset()

    # -- counts ------------------------------------------------------------------------------

    @property
    def student_of(self) -> dict[str, str]:
        """Reference claim id to the student claim it pairs with."""
        return {p.reference: p.student for p in self.claims if p.reference and p.student}

    @property
    def reference_of(self) -> dict[str, str]:
        """Student claim id to the reference claim it pairs with."""
        return {p.student: p.reference for p in self.claims if p.reference and p.student}

    @property
    def claims_found(self) -> int:
        return sum(1 for p in self.claims if p.reference and p.student)

    @property
    def claims_missing(self) -> int:
        return sum(1 for p in self.claims if p.reference and not p.student)

    @property
    def claims_extra(self) -> int:
        extra = [p.student for p in self.claims if p.student and not p.reference]
        return sum(1 for s in extra if s not in self.questions)

    @property
    def link_errors(self) -> int:
        """Links the student drew wrong or that the reference does not have."""
        return sum(1 for v in self.links if v.verdict not in ("ok", "missing"))

    def verdict_counts(self) -> dict[str, int]:
        """How many link lines have each verdict."""
        return dict(Counter(v.verdict for v in self.links))

    # -- output ------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: score, claims, links, kinds, points and notes, in a fixed order."""
        return {
            "score": self.score.value,
            "claims": [
                {
                    "reference": p.reference,
                    "student": p.student,
                    "match": p.match,
                    "similarity": p.similarity,
                }
                for p in self.claims
            ],
            "links": [
                {"reference": v.reference, "student": v.student, "verdict": v.verdict}
                for v in self.links
            ],
            "kinds": [
                {
                    "reference": k.reference,
                    "student": k.student,
                    "expected": k.expected,
                    "found": k.found,
                }
                for k in self.kinds
            ],
            "points": {
                "gained": self.score.gained,
                "lost": self.score.lost,
                "maximum": self.score.maximum,
                "lines": [
                    {
                        "item": line.item,
                        "reference": line.reference,
                        "student": line.student,
                        "reason": line.reason,
                        "points": line.points,
                        "worth": line.worth,
                    }
                    for line in self.score.lines
                ],
            },
            "notes": list(self.notes),
        }

    def to_json(self) -> str:
        """:meth:`to_dict` as indented JSON text with a trailing newline (byte-stable)."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"
