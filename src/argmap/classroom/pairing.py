"""Which of a student's claims is which reference claim: the signals and one assignment.

Signals, strongest first (each pair is labelled with the strongest that holds):

``quote``
    the student's claim quotes the same stretch of the same source as the reference claim:
    the spans overlap by at least half of the shorter one. Sources are the same when their
    sha256 agree (declared, or computed from the text the loader read), or when the student's
    quoted words stand at those offsets, or anywhere, in the reference's source text.
``text``
    the same text (or title) once case, punctuation, quote marks and spacing are set aside.
``paraphrase``
    a wording score (:class:`argmap.classroom.similarity.Wording`) of at least
    ``threshold``; or of at least ``floor`` when the two claims are each other's clear best
    match (ahead of the runner-up on both sides by ``margin``).
``structure``
    a wording score of at least ``floor`` where the claims' neighbours already pair: the
    student links the claim, with the same kind of link and the same way round, to claims
    that pair with the reference claim's neighbours.

Candidates go into one maximum-weight matching (networkx), so no claim is paired twice;
a quote outweighs a text match, which outweighs any paraphrase, and among paraphrases a
claim whose neighbours agree is preferred (the structure tie-breaker). Below ``floor``
nothing pairs, so a map of another topic pairs nothing.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import networkx as nx
import numpy as np
import numpy.typing as npt

from ..model import ArgumentMap, Claim
from .similarity import Lexicon, Wording, normalise

__all__ = [
    "ClaimPair",
    "Match",
    "PairingSettings",
    "PreparedReference",
    "pair_claims",
    "question_claims",
]

Match = Literal["quote", "text", "paraphrase", "structure", "none"]

#: A quote overlap counts when it covers this share of the shorter span.
QUOTE_OVERLAP = 0.5
#: Quoted words this long are looked up in the reference's source when the offsets miss.
QUOTE_SEARCH_MIN = 15
# Assignment weights: any quote pair outweighs any text pair, which outweighs any
# paraphrase; the structure bonus only breaks near-ties among paraphrases.
_TIER = {"quote": 4.0, "text": 3.0, "paraphrase": 1.0, "structure": 0.0}
_STRUCTURE_BONUS = 0.05
_ORDER_NUDGE = 1e-9


@dataclass(frozen=True)
class PairingSettings:
    """The pairing thresholds and synonyms (a rubric's ``[pairing]`` table)."""

    threshold: float = 0.45
    floor: float = 0.3
    margin: float = 0.1
    synonyms: tuple[tuple[str, ...], ...] = ()
    default_synonyms: bool = True

    def lexicon(self) -> Lexicon:
        from .similarity import default_synonyms

        groups = [list(g) for g in self.synonyms]
        if self.default_synonyms:
            groups += default_synonyms()
        return Lexicon.build(groups)


@dataclass(frozen=True)
class ClaimPair:
    """One line of the pairing: a reference claim, a student claim, or both.

    ``similarity`` is the strength of the signal that paired them (quote overlap, 1.0 for
    the same text, the wording score for a paraphrase); for an unpaired claim, its best
    wording score against any claim on the other side.
    """

    reference: str | None
    student: str | None
    match: Match
    similarity: float


@dataclass
class _Candidate:
    """A possible pair: its strongest signal, that signal's score, agreeing neighbours."""

    match: Match
    score: float
    agree: int = 0

    @property
    def weight(self) -> float:
        return _TIER[self.match] + self.score + _STRUCTURE_BONUS * min(self.agree, 3) / 3


_Candidates = dict[tuple[int, int], _Candidate]


@dataclass
class _Quotes:
    """The reference's quotes by source key, sorted by start, for overlap look-ups."""

    spans: dict[str, list[tuple[int, int, int]]] = field(default_factory=dict)
    starts: dict[str, list[int]] = field(default_factory=dict)
    longest: int = 0


class PreparedReference:
    """A reference map made ready for many comparisons: vocabulary, quotes, neighbours.

    Preparing once and comparing thirty students against it is what keeps grading a class
    fast; :func:`argmap.compare` prepares on each call.
    """

    def __init__(
        self,
        m: ArgumentMap,
        source_texts: Mapping[str, str] | None = None,
        settings: PairingSettings | None = None,
    ) -> None:
        self.map = m
        self.settings = settings or PairingSettings()
        self.texts = dict(source_texts or {})
        self.claims: list[Claim] = list(m.claims)
        self.position = {c.id: i for i, c in enumerate(self.claims)}
        self.normal = [_normal_forms(c) for c in self.claims]
        labels = [c.text for c in self.claims] + [c.title or c.text for c in self.claims]
        self.wording = Wording(self.settings.lexicon(), labels)
        self.source_keys = _source_keys(m, self.texts)
        self.quotes = self._index_quotes()
        self.neighbours = _neighbours(m)

    def _index_quotes(self) -> _Quotes:
        index = _Quotes()
        for i, claim in enumerate(self.claims):
            for q in claim.quotes:
                key = self.source_keys.get(q.source)
                if key is not None and q.end > q.start:
                    index.spans.setdefault(key, []).append((q.start, q.end, i))
                    index.longest = max(index.longest, q.end - q.start)
        for key, spans in index.spans.items():
            spans.sort()
            index.starts[key] = [s for s, _, _ in spans]
        return index

    def key_texts(self) -> dict[str, str]:
        """Source key to text, for finding a student's quoted words in the reference's source."""
        return {self.source_keys[s]: t for s, t in self.texts.items() if s in self.source_keys}


def pair_claims(
    student: ArgumentMap,
    ref: PreparedReference,
    student_texts: Mapping[str, str] | None = None,
) -> list[ClaimPair]:
    """Pair the student's claims with the reference's; the pairing in reference order.

    Reference claims come first, in the reference's order, each with its student claim or
    none; then the student's unpaired claims in the student's order. A student claim that
    is the map's question (a Kialo discussion's root, say) pairs with nothing.
    """
    questions = question_claims(student, ref.map)
    s_claims = [c for c in student.claims if c.id not in questions]
    n_s, n_r = len(s_claims), len(ref.claims)
    if n_s == 0 or n_r == 0:
        return _lines(s_claims, ref, {}, np.zeros((n_s, n_r)), {})
    wording = _wording_scores(s_claims, ref)
    kinds: _Candidates = {}
    _add_quote_pairs(kinds, s_claims, ref, student, student_texts or {})
    _add_text_pairs(kinds, s_claims, ref)
    _add_paraphrase_pairs(kinds, wording, ref.settings)
    first = _assign(kinds)
    _add_structure(kinds, wording, first, student, s_claims, ref)
    chosen = _assign(kinds)
    lines = _lines(s_claims, ref, chosen, wording, kinds)
    lines += [ClaimPair(None, c.id, "none", 0.0) for c in student.claims if c.id in questions]
    return lines


def question_claims(student: ArgumentMap, reference: ArgumentMap) -> set[str]:
    """The student's claims that ask the question itself, not answer it.

    A claim is taken for the question when it ends with a question mark and reads as
    either map's question or as the student's title (a Kialo discussion's root).
    """
    asked = (reference.question, student.question, student.title)
    questions = {normalise(q) for q in asked} - {""}
    return {
        c.id
        for c in student.claims
        if c.text.rstrip().endswith("?") and normalise(c.text) in questions
    }


def _normal_forms(claim: Claim) -> set[str]:
    forms = {normalise(claim.text)}
    if claim.title:
        forms.add(normalise(claim.title))
    forms.discard("")
    return forms


def _wording_scores(s_claims: Sequence[Claim], ref: PreparedReference) -> npt.NDArray[np.float64]:
    """The best wording score of each student text or title against each reference one."""
    n_r = len(ref.claims)
    texts = [c.text for c in s_claims]
    titled = [i for i, c in enumerate(s_claims) if c.title]
    scores = ref.wording.scores(texts)
    best = np.maximum(scores[:, :n_r], scores[:, n_r:])
    if titled:
        extra = ref.wording.scores([s_claims[i].title or "" for i in titled])
        best[titled] = np.maximum(best[titled], np.maximum(extra[:, :n_r], extra[:, n_r:]))
    return best


def _source_keys(m: ArgumentMap, texts: Mapping[str, str]) -> dict[str, str]:
    """Each source's identity: its declared sha256, else that of the text the loader read."""
    keys = {}
    for source in m.sources:
        if source.sha256:
            keys[source.id] = source.sha256
        elif source.id in texts:
            keys[source.id] = hashlib.sha256(texts[source.id].encode("utf-8")).hexdigest()
    return keys


def _add_quote_pairs(
    kinds: _Candidates,
    s_claims: Sequence[Claim],
    ref: PreparedReference,
    student: ArgumentMap,
    student_texts: Mapping[str, str],
) -> None:
    if not ref.quotes.spans:
        return
    keys = _source_keys(student, student_texts)
    ref_texts = ref.key_texts()
    known = set(ref.quotes.spans)
    for si, claim in enumerate(s_claims):
        for q in claim.quotes:
            own = keys.get(q.source)
            for key, start, end in _quote_spans(own, known, q.start, q.end, q.text, ref_texts):
                for ri, overlap in _overlaps(ref.quotes, key, start, end):
                    old = kinds.get((si, ri))
                    if old is None or old.score < overlap:
                        kinds[(si, ri)] = _Candidate("quote", overlap)


def _quote_spans(
    key: str | None,
    known: set[str],
    start: int,
    end: int,
    text: str,
    ref_texts: Mapping[str, str],
) -> list[tuple[str, int, int]]:
    """Where a student's quote stands in the reference's sources, as (key, start, end).

    The same source (by sha256) keeps its offsets; otherwise the quoted words are looked
    for in the reference's source texts, at the quote's offsets first, then anywhere.
    """
    if key is not None and key in known:
        return [(key, start, end)]
    spans = []
    for ref_key, source_text in ref_texts.items():
        if source_text[start:end] == text:
            spans.append((ref_key, start, end))
        elif len(text.strip()) >= QUOTE_SEARCH_MIN:
            found = source_text.find(text)
            if found >= 0:
                spans.append((ref_key, found, found + len(text)))
    return spans


def _overlaps(quotes: _Quotes, key: str, start: int, end: int) -> list[tuple[int, float]]:
    spans = quotes.spans.get(key)
    if not spans or end <= start:
        return []
    found: dict[int, float] = {}
    lo = bisect.bisect_left(quotes.starts[key], start - quotes.longest)
    for r_start, r_end, ri in spans[lo:]:
        if r_start >= end:
            break
        shared = min(end, r_end) - max(start, r_start)
        if shared <= 0:
            continue
        share = shared / min(end - start, r_end - r_start)
        if share >= QUOTE_OVERLAP:
            found[ri] = max(found.get(ri, 0.0), min(share, 1.0))
    return sorted(found.items())


def _add_text_pairs(
    kinds: _Candidates,
    s_claims: Sequence[Claim],
    ref: PreparedReference,
) -> None:
    by_form: dict[str, list[int]] = {}
    for ri, forms in enumerate(ref.normal):
        for form in forms:
            by_form.setdefault(form, []).append(ri)
    for si, claim in enumerate(s_claims):
        for form in _normal_forms(claim):
            for ri in by_form.get(form, ()):
                kinds.setdefault((si, ri), _Candidate("text", 1.0))


def _add_paraphrase_pairs(
    kinds: _Candidates,
    wording: npt.NDArray[np.float64],
    settings: PairingSettings,
) -> None:
    for si, ri in zip(*np.nonzero(wording >= settings.threshold), strict=True):
        kinds.setdefault((int(si), int(ri)), _Candidate("paraphrase", float(wording[si, ri])))
    for si, ri in _clear_best(wording, settings):
        kinds.setdefault((si, ri), _Candidate("paraphrase", float(wording[si, ri])))


def _clear_best(
    wording: npt.NDArray[np.float64], settings: PairingSettings
) -> list[tuple[int, int]]:
    """Pairs at or above the floor that are each other's best by ``margin`` on both sides."""
    out = []
    row_best = wording.argmax(axis=1)
    col_best = wording.argmax(axis=0)
    for si, ri in enumerate(row_best):
        score = wording[si, ri]
        if score < settings.floor or col_best[ri] != si:
            continue
        row, col = np.delete(wording[si], ri), np.delete(wording[:, ri], si)
        runner_up = max(row.max(initial=0.0), col.max(initial=0.0))
        if score - runner_up >= settings.margin:
            out.append((si, int(ri)))
    return out


def _neighbours(m: ArgumentMap) -> dict[str, set[tuple[str, str, str]]]:
    """Each claim's links to other claims, as (other claim, link kind, "to" or "from")."""
    out: dict[str, set[tuple[str, str, str]]] = {c.id: set() for c in m.claims}
    for link in m.links:
        if link.target in out:
            for source in link.sources:
                if source in out:
                    out[source].add((link.target, link.kind, "to"))
                    out[link.target].add((source, link.kind, "from"))
    return out


def _add_structure(
    kinds: _Candidates,
    wording: npt.NDArray[np.float64],
    first: Mapping[int, int],
    student: ArgumentMap,
    s_claims: Sequence[Claim],
    ref: PreparedReference,
) -> None:
    """Count agreeing neighbours for paraphrase candidates; admit weak pairs that have some."""
    s_neighbours = _neighbours(student)
    s_index = {c.id: i for i, c in enumerate(s_claims)}
    paired_ref = {si: ref.claims[ri].id for si, ri in first.items()}
    for si, ri in zip(*np.nonzero(wording >= ref.settings.floor), strict=True):
        si, ri = int(si), int(ri)
        mine = {
            (paired_ref.get(s_index.get(other, -1)), kind, way)
            for other, kind, way in s_neighbours[s_claims[si].id]
        }
        agree = len(mine & ref.neighbours[ref.claims[ri].id])
        if not agree:
            continue
        candidate = kinds.get((si, ri))
        if candidate is None:
            candidate = kinds[(si, ri)] = _Candidate("structure", float(wording[si, ri]))
        candidate.agree = agree


def _assign(kinds: _Candidates) -> dict[int, int]:
    """The maximum-weight matching of the candidates: student index to reference index.

    The candidates fall apart into many small groups (claims that compete for nothing
    else); each group is matched on its own, and one with a single candidate directly.
    """
    groups: dict[int, list[tuple[int, int]]] = {}
    for (si, ri), root in _components(kinds).items():
        groups.setdefault(root, []).append((si, ri))
    chosen: dict[int, int] = {}
    for edges in groups.values():
        if len(edges) == 1:
            chosen[edges[0][0]] = edges[0][1]
            continue
        graph = nx.Graph()
        for si, ri in sorted(edges):
            # Exact ties go to the claims that come first in the maps.
            order = _ORDER_NUDGE * (si + ri)
            graph.add_edge(("s", si), ("r", ri), weight=kinds[(si, ri)].weight - order)
        for a, b in nx.max_weight_matching(graph):
            s, r = (a, b) if a[0] == "s" else (b, a)
            chosen[s[1]] = r[1]
    return chosen


def _components(kinds: _Candidates) -> dict[tuple[int, int], int]:
    """Each candidate's group: candidates sharing a claim, directly or not, share one."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for si, ri in kinds:
        # Student claims as even numbers, reference claims as odd: one table for both.
        a, b = find(2 * si), find(2 * ri + 1)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {(si, ri): find(2 * si) for si, ri in sorted(kinds)}


def _lines(
    s_claims: Sequence[Claim],
    ref: PreparedReference,
    chosen: Mapping[int, int],
    wording: npt.NDArray[np.float64],
    kinds: _Candidates,
) -> list[ClaimPair]:
    by_ref = {ri: si for si, ri in chosen.items()}
    out = []
    for ri, claim in enumerate(ref.claims):
        si = by_ref.get(ri)
        if si is None:
            best = float(wording[:, ri].max(initial=0.0)) if len(s_claims) else 0.0
            out.append(ClaimPair(claim.id, None, "none", round(best, 3)))
        else:
            found = kinds[(si, ri)]
            out.append(ClaimPair(claim.id, s_claims[si].id, found.match, round(found.score, 3)))
    for si, claim in enumerate(s_claims):
        if si not in chosen:
            best = float(wording[si].max(initial=0.0)) if len(ref.claims) else 0.0
            out.append(ClaimPair(None, claim.id, "none", round(best, 3)))
    return out
