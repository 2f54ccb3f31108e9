"""Compare a student's map with a reference map: :func:`compare` and :class:`Reference`.

:func:`compare` pairs the claims (:mod:`~argmap.classroom.pairing`), judges the links
(:mod:`~argmap.classroom.links`), notes claims of another kind, and scores the result under
a rubric (:mod:`~argmap.classroom.score`). :class:`Reference` does the reference's share of
that work once, for grading a class against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import ArgmapError
from ..model import ArgumentMap
from .comparison import Findings
from .feedback import Feedback
from .links import judge_links
from .loading import LoadedMap, load_map
from .pairing import ClaimPair, PreparedReference, _source_keys, pair_claims, question_claims
from .rubric import Rubric, default_rubric, load_rubric
from .score import KindDifference, score

__all__ = ["Comparison", "Reference", "compare"]

MapLike = ArgumentMap | str | Path


@dataclass
class Comparison(Findings):
    """A student's map compared with a reference: pairs, link verdicts, kinds, score, notes.

    :meth:`to_dict` (and :meth:`to_json`) give the documented JSON form; :meth:`feedback`
    the sentences for the student.
    """

    def feedback(self, *, reveal: bool = False) -> Feedback:
        """The feedback for the student (:class:`argmap.classroom.feedback.Feedback`)."""
        return Feedback(self, reveal=reveal)


class Reference:
    """A reference map and rubric, prepared once to compare many students' maps with.

    Examples
    --------
    >>> import argmap
    >>> ref = Reference(argmap.examples.soviet_socialism())
    >>> mine = argmap.ArgumentMap()
    >>> mine.claim("cap", "The Soviet Union was really a kind of state capitalism.")
    'cap'
    >>> result = ref.compare(mine)
    >>> result.claims[2]
    ClaimPair(reference='pos-state-capitalism', student='cap', match='paraphrase', similarity=0.708)
    """

    def __init__(self, reference: MapLike, rubric: Rubric | str | Path | None = None) -> None:
        loaded = _load(reference)
        self.map = loaded.map
        if isinstance(rubric, Rubric):
            self.rubric = rubric
            rubric_file = None
        elif rubric is None:
            self.rubric, rubric_file = default_rubric(), None
        else:
            self.rubric, rubric_file = load_rubric(rubric), str(rubric)
        if not self.map.claims:
            raise ArgmapError("the reference map has no claims to compare with")
        self.roles = self.rubric.weights(self.map, rubric_file)
        self.prepared = PreparedReference(self.map, loaded.texts, self.rubric.pairing.settings())
        self.source_texts = loaded.texts

    def compare(
        self,
        student: MapLike,
        *,
        texts: dict[str, str] | None = None,
        name: str | None = None,
        submission: bool = False,
    ) -> Comparison:
        """Compare one student's map (a map, or a file in any format argmap reads).

        ``texts`` are the student's source texts for a map given as a map; ``submission``
        holds a file to a submission's limits (size and claims, as ``argmap grade`` does).
        """
        if isinstance(student, ArgumentMap):
            loaded = LoadedMap(student, dict(texts or {}))
        else:
            loaded = load_map(student, submission=submission)
            name = name or str(student)
        return self._compare(loaded, name)

    def _compare(self, loaded: LoadedMap, name: str | None) -> Comparison:
        m = loaded.map
        pairs = pair_claims(m, self.prepared, loaded.texts)
        ref_of = {p.student: p.reference for p in pairs if p.student and p.reference}
        questions = frozenset(question_claims(m, self.map))
        verdicts = judge_links(m, self.map, ref_of, questions)
        kinds = _kind_differences(m, self.map, pairs) if _uses_kinds(m) else []
        counted = [p for p in pairs if p.student not in questions]
        total = score(self.map, counted, verdicts, kinds, self.rubric, self.roles)
        return Comparison(
            student=m,
            reference=self.map,
            claims=pairs,
            links=verdicts,
            kinds=kinds,
            score=total,
            roles=self.roles,
            notes=self._notes(m, loaded.texts, pairs),
            source_texts=self.source_texts,
            name=name,
            questions=questions,
        )

    def _notes(self, m: ArgumentMap, texts: dict[str, str], pairs: list[ClaimPair]) -> list[str]:
        notes = []
        mine = _source_keys(m, texts)
        theirs = set(self.prepared.source_keys.values())
        if mine and theirs and not set(mine.values()) & theirs:
            titles = ", ".join(f"'{s.title}'" for s in m.sources if s.id in mine)
            ref_titles = ", ".join(f"'{s.title}'" for s in self.map.sources)
            notes.append(
                f"This map quotes {titles}, not the reference's {ref_titles}: "
                "the two maps are of different texts."
            )
        if m.claims and not any(p.student and p.reference for p in pairs):
            notes.append(
                "None of this map's claims pairs with a claim of the reference: "
                "is it a map of another text or topic?"
            )
        elif not m.claims:
            notes.append("This map has no claims yet.")
        if m.claims and not _uses_kinds(m):
            notes.append(
                "This map does not mark any claim as a position, evidence or assumption, "
                "so claim kinds were not compared."
            )
        return notes


def compare(
    student: MapLike,
    reference: MapLike | Reference,
    *,
    rubric: Rubric | str | Path | None = None,
) -> Comparison:
    """Compare a student's map with a reference map.

    Parameters
    ----------
    student, reference : ArgumentMap or path
        Maps, or files in any format argmap reads (argmap JSON, Argdown, Kialo, ...);
        a file's quotes are checked against the sources beside it. The reference may also
        be a prepared :class:`Reference` (its rubric is then used).
    rubric : Rubric or path, optional
        What counts and how much (a TOML or JSON file); by default the rubric argmap ships.

    Returns
    -------
    Comparison
        The pairing of claims, a verdict for every link, claims of another kind, the score
        and its lines; ``to_json()`` gives the documented JSON form.

    Examples
    --------
    >>> import argmap
    >>> ref = argmap.examples.soviet_socialism()
    >>> mine = argmap.ArgumentMap()
    >>> mine.claim("shortages", "Constant shortages and long lines")
    'shortages'
    >>> mine.claim("label", "Calling something socialist does not make it fair or humane.")
    'label'
    >>> mine.attack("shortages", "label")
    'a1'
    >>> result = argmap.compare(mine, ref)
    >>> [(c["student"], c["match"]) for c in result.to_dict()["claims"] if c["student"]]
    [('shortages', 'text'), ('label', 'text')]
    >>> [v.verdict for v in result.links if v.student]
    ['wrong-kind']
    """
    if isinstance(reference, Reference):
        return reference.compare(student)
    return Reference(reference, rubric).compare(student)


def _load(item: MapLike) -> LoadedMap:
    if isinstance(item, ArgumentMap):
        return LoadedMap(item)
    return load_map(item)


def _uses_kinds(m: ArgumentMap) -> bool:
    # Argdown and Kialo have no claim kinds: a map in them is not wrong about kinds.
    return any(c.kind != "claim" for c in m.claims)


def _kind_differences(
    student: ArgumentMap, reference: ArgumentMap, pairs: list[ClaimPair]
) -> list[KindDifference]:
    s_kind = {c.id: c.kind for c in student.claims}
    r_kind = {c.id: c.kind for c in reference.claims}
    return [
        KindDifference(p.reference, p.student, r_kind[p.reference], s_kind[p.student])
        for p in pairs
        if p.reference and p.student and r_kind[p.reference] != s_kind[p.student]
    ]
