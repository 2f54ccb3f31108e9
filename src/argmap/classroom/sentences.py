"""The feedback's sentences, one function per kind of finding (used by :class:`Feedback`)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Link
from .links import LinkVerdict
from .score import PointLine
from .wording import KIND_NOUN, Sentence, Wording, name_of

__all__ = ["KIND_MEANING", "KIND_NOUN", "Sentence", "all_sentences", "name_of", "point_lines"]

KIND_MEANING = {
    "position": "a position (an answer to the map's question)",
    "claim": "a claim (a step in the reasoning)",
    "evidence": "evidence (a fact or an observation)",
    "assumption": "an assumption (a premise the text leaves unstated)",
}
_VERB = {"support": "supporting", "attack": "attacking"}
_ROLE = {"support": "a reason for", "attack": "an objection to"}


def all_sentences(fb: Wording) -> list[Sentence]:
    """Every sentence, section by section, each section in the reference's order."""
    return [
        *_praise(fb),
        *_missing_claims(fb),
        *_link_sentences(fb),
        *_kind_sentences(fb),
        *_extra_claims(fb),
        *_question_hints(fb),
        *_notes(fb),
    ]


def _sentence(
    section: str,
    text: str,
    *,
    reference: str | None = None,
    student: str | None = None,
    verdict: str = "",
) -> Sentence:
    return Sentence(section, text, reference, student, verdict)


def _praise(fb: Wording) -> Iterator[Sentence]:
    c = fb.c
    positions = [r for r in fb.r_claims.values() if r.kind == "position"]
    found_positions = [r for r in positions if r.id in fb.student_of]
    if c.claims_found:
        extra = (
            f", {len(found_positions)} of its {len(positions)} positions among them"
            if positions
            else ""
        )
        yield _sentence(
            "well", f"You found {c.claims_found} of the article's {len(fb.r_claims)} claims{extra}."
        )
    by_quote = sum(1 for p in c.claims if p.match == "quote")
    if by_quote:
        yield _sentence(
            "well",
            f"{by_quote} of your claims are anchored by quotes to the right place in the text.",
        )
    right = len({v.reference for v in c.links if v.verdict == "ok"})
    if right:
        yield _sentence(
            "well", f"You drew {right} of its {len(fb.r_links)} links as the article argues them."
        )


def _missing_claims(fb: Wording) -> Iterator[Sentence]:
    for pair in fb.c.claims:
        if pair.reference is None or pair.student is not None:
            continue
        claim = fb.r_claims[pair.reference]
        role = fb.c.roles.get(claim.id, "claim")
        if fb.reveal:
            text = f"Add the article's {_noun(claim.kind)} {_quote(claim.text)}"
            use = _use(fb, claim.id)
            text += f" ({use})." if use else "."
        else:
            text = _hint(fb, claim.id)
        if role == "required" and claim.kind != "position":
            text = "Required: " + text
        yield _sentence("claims", text, reference=claim.id, verdict="missing")


def _hint(fb: Wording, claim_id: str) -> str:
    claim = fb.r_claims[claim_id]
    use = _use(fb, claim_id)
    where = fb.where(claim)
    if claim.kind == "position":
        what = "One of the article's main positions is missing from your map"
    else:
        about = _theme(fb, claim.themes)
        what = f"One more {_noun(claim.kind)}{about} is missing"
    if use:
        what += f": {use}"
    if where:
        return f"{what}. Look in {where}."
    if claim.kind == "assumption":
        return f"{what}. The text does not state it: the argument takes it for granted."
    return f"{what}."


def _theme(fb: Wording, themes: list[str]) -> str:
    labels = {t.id: t.label for t in fb.c.reference.themes}
    named = [labels[t] for t in themes if t in labels]
    return f" about {named[0].lower()}" if named else ""


def _use(fb: Wording, claim_id: str) -> str:
    """How the reference uses a claim, named through what the student has."""
    for link in fb.r_links.values():
        if claim_id in link.sources:
            role = "a reason for" if link.kind == "support" else "an objection to"
            if link.target in fb.student_of or fb.reveal:
                return f"{role} {fb.target(link, mine=False)}"
    for link in fb.r_links.values():
        if link.target == claim_id:
            backers = [s for s in link.sources if s in fb.student_of]
            if backers:
                verb = "supports" if link.kind == "support" else "attacks"
                return f"your claim {fb.mine(fb.student_of[backers[0]])} {verb} it"
    return ""


def _link_sentences(fb: Wording) -> Iterator[Sentence]:
    c = fb.c
    split: dict[str, list[LinkVerdict]] = {}
    merged: dict[str, list[LinkVerdict]] = {}
    for v in c.links:
        if v.verdict == "split-premises" and v.reference:
            split.setdefault(v.reference, []).append(v)
        elif v.verdict == "merged-premises" and v.student:
            merged.setdefault(v.student, []).append(v)
    for v in c.links:
        text = _link_text(fb, v, split, merged)
        if text:
            yield _sentence(
                "links", text, reference=v.reference, student=v.student, verdict=v.verdict
            )


def _link_text(
    fb: Wording,
    v: LinkVerdict,
    split: dict[str, list[LinkVerdict]],
    merged: dict[str, list[LinkVerdict]],
) -> str | None:
    mine = fb.s_links.get(v.student) if v.student else None
    ref = fb.r_links.get(v.reference) if v.reference else None
    if v.verdict == "ok":
        return None
    if v.verdict == "missing" and ref is not None:
        return _missing_link(fb, ref)
    if mine is None:
        return None
    drawn = f"{_sources(fb, mine.sources)} as {_VERB[mine.kind]} {fb.target(mine, mine=True)}"
    if v.verdict == "extra":
        return (
            f"Your link from {_sources(fb, mine.sources)} to {fb.target(mine, mine=True)} is not "
            "in the article's argument: check that the text really connects them this way."
        )
    assert ref is not None
    if v.verdict == "wrong-kind":
        return f"You drew {drawn}, but in the article it is {_ROLE[ref.kind]} it."
    if v.verdict == "wrong-target":
        return (
            f"You have {_sources(fb, mine.sources)}, but you linked it as {_VERB[mine.kind]} "
            f"{fb.target(mine, mine=True)}; the article uses it for {fb.target(ref, mine=False)}."
        )
    if v.verdict == "wrong-direction":
        return (
            f"Your arrow between {_sources(fb, mine.sources)} and {fb.target(mine, mine=True)} "
            "points the wrong way: in the article the second is "
            f"{_ROLE[ref.kind]} the first, not the other way round."
        )
    if v.verdict == "split-premises":
        return _split_text(fb, ref, split.get(ref.id, []), v)
    if v.verdict == "merged-premises":
        return _merged_text(fb, mine, merged.get(mine.id, []), v)
    return None


def _missing_link(fb: Wording, ref: Link) -> str | None:
    have = [s for s in ref.sources if s in fb.student_of]
    target_known = ref.target in fb.student_of or (
        ref.target in fb.r_links and ref.target in _answered_links(fb)
    )
    if len(have) < len(ref.sources) or not target_known:
        return None  # a claim of it is missing: the claim's own sentence says so
    premises = _sources(fb, [fb.student_of[s] for s in have])
    if fb.reveal:
        target = fb.target(ref, mine=False)
        return f"Link {premises} to {target}: in the article it is {_ROLE[ref.kind]} it."
    return (
        f"{premises[0].upper()}{premises[1:]} and {fb.target(ref, mine=False)} are both in your "
        "map but not linked: how does the article connect them?"
    )


def _answered_links(fb: Wording) -> set[str]:
    return {v.reference for v in fb.c.links if v.reference and v.student}


def _split_text(fb: Wording, ref: Link, parts: list[LinkVerdict], v: LinkVerdict) -> str | None:
    if parts and v is not parts[0]:
        return None  # one sentence for all the parts
    premises = [fb.student_of[s] for s in ref.sources if s in fb.student_of]
    return (
        f"You gave {_sources(fb, premises)} as separate reasons for {fb.target(ref, mine=False)}; "
        "in the article they only work together (linked co-premises): draw one link from all "
        "of them."
    )


def _merged_text(fb: Wording, mine: Link, parts: list[LinkVerdict], v: LinkVerdict) -> str | None:
    if parts and v is not parts[0]:
        return None
    return (
        f"You joined {_sources(fb, mine.sources)} into one reason for "
        f"{fb.target(mine, mine=True)}; in the article each of them is {_ROLE[mine.kind]} it "
        "on its own: draw separate links."
    )


def _kind_sentences(fb: Wording) -> Iterator[Sentence]:
    for k in fb.c.kinds:
        yield _sentence(
            "kinds",
            f"You marked {fb.mine(k.student)} as {KIND_MEANING[k.found]}; the article presents "
            f"it as {KIND_MEANING[k.expected]}.",
            reference=k.reference,
            student=k.student,
            verdict="claim-kind",
        )


def _extra_claims(fb: Wording) -> Iterator[Sentence]:
    from .pairing import question_claims

    questions = question_claims(fb.c.student, fb.c.reference)
    for pair in fb.c.claims:
        if pair.reference is None and pair.student and pair.student not in questions:
            yield _sentence(
                "extra",
                f"Your claim {fb.mine(pair.student)} matches no claim of the article: check that "
                "the text says it, or put it closer to the text's own words.",
                student=pair.student,
                verdict="extra-claim",
            )


#: At most this many critical questions are suggested: hints, not a worksheet.
MAX_QUESTION_HINTS = 3


def _question_hints(fb: Wording) -> Iterator[Sentence]:
    """A critical question to ask of arguments the student drew right (issue 21).

    The scheme is the student's own when their link names a catalogue scheme, else the
    reference link's; the question is one still open, of the kind least taken up so far
    (:func:`argmap.schemes.suggest_question`), so students meet each way of attacking an
    argument.
    """
    from ..schemes.catalogue import find_scheme
    from ..schemes.questions import suggest_question

    asked: set[tuple[str, str]] = set()  # one hint per scheme's question: variety
    for verdict in fb.c.links:
        if len(asked) == MAX_QUESTION_HINTS:
            return
        if verdict.verdict != "ok" or verdict.student is None or verdict.reference is None:
            continue
        mine = fb.s_links[verdict.student]
        if find_scheme(mine.scheme) is not None:
            question = suggest_question(fb.c.student, mine.id)
            scheme = find_scheme(mine.scheme)
        else:
            question = suggest_question(fb.c.reference, verdict.reference)
            scheme = find_scheme(fb.r_links[verdict.reference].scheme)
        if question is None or scheme is None or mine.kind != "support":
            continue
        if (scheme.id, question.id) in asked:
            continue
        asked.add((scheme.id, question.id))
        yield _sentence(
            "questions",
            f"Your reason {_sources(fb, mine.sources)} for {fb.mine(mine.target)} is an "
            f"{scheme.name[0].lower()}{scheme.name[1:]}. A critic could ask: "
            f"{question.text} Does your map answer that? If not, add the objection "
            f"({_HOW_TO_ANSWER[question.kind]}).",
            student=mine.target,
        )


#: How a student answers each kind of critical question in a map.
_HOW_TO_ANSWER = {
    "premise": "an attack on the premise in doubt",
    "undercut": "an undercut: an attack on the link itself",
    "rebuttal": "an attack on the conclusion",
}


def _notes(fb: Wording) -> Iterator[Sentence]:
    for note in fb.c.notes:
        yield _sentence("notes", note)


def _sources(fb: Wording, ids: list[str]) -> str:
    names = [fb.mine(s) for s in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _noun(kind: str) -> str:
    return KIND_NOUN[kind]


def _quote(text: str) -> str:
    return name_of(text, 200)


# -- the points, in words ----------------------------------------------------------------------


def point_lines(fb: Wording) -> list[tuple[str, str]]:
    """Each line of the score as (signed points, what it was for)."""
    out = [(_signed(line), _line_words(fb, line)) for line in fb.c.score.lines]
    s = fb.c.score
    out.append((f"{s.gained - s.lost:g}", f"in all, of {s.maximum:g}: {s.value:g} of 100"))
    return out


def _signed(line: PointLine) -> str:
    if line.item == "penalty":
        return f"{line.points:g}"
    if line.worth == 0:
        return f"+{line.points:g}"
    return f"+{line.points:g}/{line.worth:g}"


def _line_words(fb: Wording, line: PointLine) -> str:
    if line.item == "claim":
        role = {"required": "required ", "optional": "optional ", "claim": ""}[line.role]
        what = _reference_name(fb, line.reference)
        if line.student is None:
            return f"{role}claim missing: {what}"
        return f"{role}claim found ({line.reason}): {fb.mine(line.student, 50)}"
    if line.item == "link":
        return f"link {line.reason}: {_reference_link_name(fb, line.reference)}"
    if line.reason == "extra-claim" and line.student:
        return f"extra claim: {fb.mine(line.student, 50)}"
    if line.reason == "claim-kind" and line.student:
        return f"kind of claim: {fb.mine(line.student, 50)}"
    return f"{line.reason}: {_reference_link_name(fb, line.reference)}"


def _reference_name(fb: Wording, claim_id: str | None) -> str:
    if claim_id is None:
        return ""
    claim = fb.r_claims[claim_id]
    if fb.reveal:
        return _quote(claim.title or claim.text)
    return f"a {_noun(claim.kind)}"


def _reference_link_name(fb: Wording, link_id: str | None) -> str:
    if link_id is None or link_id not in fb.r_links:
        return "a link of your own"
    link = fb.r_links[link_id]
    answered = _answered_links(fb)
    known = [e in fb.student_of or e in answered for e in [*link.sources, link.target]]
    if fb.reveal or all(known):
        sources = " and ".join(_short_ref(fb, s) for s in link.sources)
        target = _short_ref(fb, link.target) if link.target in fb.r_claims else "a link"
        return f"{sources} → {target}"
    article = "an" if link.kind == "attack" else "a"
    return f"{article} {link.kind} link to or from a claim not in your map"


def _short_ref(fb: Wording, claim_id: str) -> str:
    if claim_id in fb.student_of:
        return fb.mine(fb.student_of[claim_id], 40)
    claim = fb.r_claims[claim_id]
    return name_of(claim.title or claim.text, 40) if fb.reveal else f"a {_noun(claim.kind)}"
