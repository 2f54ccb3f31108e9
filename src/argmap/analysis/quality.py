"""Lint for argument maps: stable rule codes for the usual weaknesses of a map.

Each rule has a code that never changes meaning, a name and a default severity (``error``,
``warning`` or ``info``). A finding can be *acknowledged* in the map itself: when the note of
the claim or link it is about mentions the rule code (for example ``"lint AL103: the text
leaves this objection unanswered"``), the finding is still reported but marked acknowledged,
and ``argmap lint`` does not fail on it. That is how a map records that a finding is a fact
about the source text rather than a mistake in the map.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import networkx as nx

from ..model import ArgumentMap

__all__ = ["RULES", "Finding", "Rule", "lint"]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    summary: str


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule("AL101", "isolated-claim", "warning", "claim with no links"),
        Rule("AL102", "unsupported-position", "warning", "position with no support"),
        Rule("AL103", "unanswered-objection", "info", "attack that nothing answers"),
        Rule("AL104", "evidence-without-basis", "warning", "evidence with no quote and no basis"),
        Rule("AL105", "support-cycle", "warning", "claims that support each other in a cycle"),
        Rule(
            "AL106", "supports-and-attacks", "error", "a claim both supports and attacks a target"
        ),
        Rule("AL107", "incoherent-co-premises", "error", "co-premises that attack each other"),
        Rule("AL108", "duplicate-text", "warning", "two claims with the same text"),
        Rule("AL109", "quote-mismatch", "error", "quote that does not match its source text"),
        Rule("AL110", "open-critical-question", "info", "argument with open critical questions"),
    )
}


@dataclass(frozen=True)
class Finding:
    """One lint finding about the claim or link ``target``."""

    code: str
    target: str
    message: str
    acknowledged: bool = False

    @property
    def rule(self) -> Rule:
        return RULES[self.code]

    @property
    def severity(self) -> str:
        return self.rule.severity

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.rule.name,
            "severity": self.severity,
            "target": self.target,
            "message": self.message,
            "acknowledged": self.acknowledged,
        }

    def __str__(self) -> str:
        ack = " (acknowledged in the map's notes)" if self.acknowledged else ""
        return f"{self.target}: {self.code} {self.rule.name} [{self.severity}]: {self.message}{ack}"

    def _repr_html_(self) -> str:
        return f"<code>{html.escape(str(self))}</code>"


def lint(
    m: ArgumentMap,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    source_texts: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Findings about a map's quality, ordered by rule code and then map order.

    ``select`` and ``ignore`` take rule codes, names or code prefixes (``"AL1"``).
    ``source_texts`` (source id → text) enables the quote check.

    Examples
    --------
    >>> m = ArgumentMap()
    >>> m.claim("ban", "Homework should be banned.", kind="position")
    'ban'
    >>> m.claim("stray", "An unrelated remark.")
    'stray'
    >>> for f in lint(m):
    ...     print(f)
    ban: AL101 isolated-claim [warning]: claim has no links
    stray: AL101 isolated-claim [warning]: claim has no links
    ban: AL102 unsupported-position [warning]: position has no supporting link
    """
    chosen = [r for r in RULES.values() if _matches(r, select, default=True)]
    chosen = [r for r in chosen if not _matches(r, ignore, default=False)]
    notes = {c.id: c.note or "" for c in m.claims}
    notes.update({link.id: link.note or "" for link in m.links})
    findings: list[Finding] = []
    for rule in chosen:
        for target, message in _CHECKS[rule.code](m, source_texts or {}):
            ack = bool(re.search(rf"\b{rule.code}\b", notes.get(target, "")))
            findings.append(Finding(rule.code, target, message, ack))
    return findings


def _matches(rule: Rule, patterns: Iterable[str] | None, default: bool) -> bool:
    if patterns is None:
        return default
    pats = [p.strip() for p in patterns if p.strip()]
    if not pats:
        return default
    return any(rule.code.startswith(p.upper()) or rule.name == p.lower() for p in pats)


Check = Iterator[tuple[str, str]]


def _isolated(m: ArgumentMap, _: Mapping[str, str]) -> Check:
    used = {s for link in m.links for s in link.sources} | {link.target for link in m.links}
    for c in m.claims:
        if c.id not in used:
            yield c.id, "claim has no links"


def _unsupported(m: ArgumentMap, _: Mapping[str, str]) -> Check:
    supported = {link.target for link in m.links if link.kind == "support"}
    for c in m.claims:
        if c.kind == "position" and c.id not in supported:
            yield c.id, "position has no supporting link"


def _unanswered(m: ArgumentMap, _: Mapping[str, str]) -> Check:
    attacked = {link.target for link in m.links if link.kind == "attack"}
    claims = {c.id for c in m.claims}  # once: per attack it made the rule quadratic
    for link in m.links:
        if link.kind != "attack":
            continue
        if link.id in attacked or any(s in attacked for s in link.sources):
            continue
        what = "undercut" if link.target not in claims else "objection"
        yield (
            link.id,
            (
                f"{what} from {', '.join(link.sources)} to {link.target} is never answered "
                "(neither it nor its sources are attacked)"
            ),
        )


def _evidence(m: ArgumentMap, _: Mapping[str, str]) -> Check:
    for c in m.claims:
        if c.kind == "evidence" and not c.quotes and c.basis is None:
            yield c.id, "evidence claim has neither a quote nor a basis"


def _support_cycle(m: ArgumentMap, _: Mapping[str, str]) -> Check:
    g = nx.DiGraph()
    claims = [c.id for c in m.claims]
    g.add_nodes_from(claims)
    g.add_edges_from(
        (s, link.target) for link in m.links if link.kind == "support" for s in link.sources
    )
    order = {c: i for i, c in enumerate(claims)}
    for comp in nx.strongly_connected_components(g):
        if len(comp) > 1 or any(g.has_edge(c, c) for c in comp):
            members = sorted(comp, key=lambda c: order.get(c, len(order)))
            yield members[0], f"support cycle through {', '.join(members)}"


def _both(m: ArgumentMap, _: Mapping[str, str]) -> Check:
    kinds: dict[tuple[str, str], set[str]] = defaultdict(set)
    for link in m.links:
        for s in link.sources:
            kinds[(s, link.target)].add(link.kind)
    for (s, t), k in kinds.items():
        if len(k) == 2:
            yield s, f"{s} both supports and attacks {t}"


def _co_premises(m: ArgumentMap, _: Mapping[str, str]) -> Check:
    attacks: dict[str, set[str]] = defaultdict(set)  # claim -> claims it attacks
    for link in m.links:
        if link.kind == "attack":
            for s in link.sources:
                attacks[s].add(link.target)
    for link in m.links:
        if len(link.sources) < 2:
            continue
        for s in link.sources:
            hit = [o for o in link.sources if o != s and o in attacks[s]]
            if link.kind == "support" and link.target in attacks[s]:
                hit.append(link.target)
            if hit:
                yield link.id, f"co-premise {s} attacks {', '.join(hit)}"
                break


def _duplicates(m: ArgumentMap, _: Mapping[str, str]) -> Check:
    seen: dict[str, str] = {}
    for c in m.claims:
        key = " ".join(c.text.casefold().split()).rstrip(".!?")
        if key in seen:
            yield c.id, f"same text as {seen[key]}"
        else:
            seen[key] = c.id


def _quotes(m: ArgumentMap, texts: Mapping[str, str]) -> Check:
    for c in m.claims:
        for i, q in enumerate(c.quotes):
            text = texts.get(q.source)
            if text is not None and text[q.start : q.end] != q.text:
                yield c.id, f"quotes[{i}] does not match {q.source}[{q.start}:{q.end}]"


def _open_questions(m: ArgumentMap, _: Mapping[str, str]) -> Check:
    # One finding per argument, naming its open questions by kind and spelling out the one
    # to ask first: one line per question would give the reference map 160 lines. The
    # catalogue loads only if some link has a scheme.
    if not any(link.scheme for link in m.links):
        return
    from ..schemes.questions import attack_counts, attack_kinds, critical_questions, pick_question

    attacks = attack_counts(m)  # once, not once per argument
    for link in m.links:
        statuses = critical_questions(m, link.id) if link.scheme else []
        open_ = [s.question for s in statuses if s.open]
        if not open_:
            continue
        by_kind: dict[str, list[str]] = defaultdict(list)
        for q in open_:
            by_kind[q.kind].append(q.id)
        kinds = "; ".join(f"{kind}: {', '.join(ids)}" for kind, ids in by_kind.items())
        scheme = statuses[0].scheme.id
        first = pick_question(statuses, attack_kinds(m, link, attacks))
        ask = f" ask first {first.id}: {first.text}" if first is not None else ""
        yield (
            link.id,
            f"{len(open_)} of {len(statuses)} critical questions of {scheme} open "
            f"({kinds});{ask} (argmap schemes {scheme} lists them)",
        )


_CHECKS = {
    "AL101": _isolated,
    "AL102": _unsupported,
    "AL103": _unanswered,
    "AL104": _evidence,
    "AL105": _support_cycle,
    "AL106": _both,
    "AL107": _co_premises,
    "AL108": _duplicates,
    "AL109": _quotes,
    "AL110": _open_questions,
}
