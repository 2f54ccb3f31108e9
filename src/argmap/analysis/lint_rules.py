"""The lint rules: one registered check per rule, with everything said about it.

Each rule is a :class:`Rule` holding its stable code, name, default severity, a one-line
summary (for ``argmap lint --help``), what it fires on and how to fix it (for the docs
table, :func:`rules_table`), and its check. A check is a function registered with
:func:`rule`; :func:`argmap.analysis.quality.lint`, the CLI's ``--select``/``--ignore`` and
the docs all read :data:`RULES`, so adding a rule is one decorated function here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

import networkx as nx

from ..model import ArgumentMap

__all__ = ["RULES", "Check", "Rule", "Severity", "rule", "rules_table"]

Severity = Literal["error", "warning", "info"]
#: What a check yields: (id of the claim or link the finding is about, message).
Check = Iterator[tuple[str, str]]
CheckFn = Callable[[ArgumentMap, Mapping[str, str]], Check]


@dataclass(frozen=True)
class Rule:
    """One lint rule: its code never changes meaning.

    Parameters
    ----------
    code, name : str
        The stable code (``AL101``) and name (``isolated-claim``); either selects the rule.
    severity : {"error", "warning", "info"}
        How much a finding weighs (``argmap lint --fail-on``).
    summary : str
        A few words, listed by ``argmap lint --help``.
    explanation : str
        What the rule fires on (Markdown), for the docs.
    fix : str
        How to fix a finding, or to acknowledge it (Markdown), for the docs.
    check : callable
        ``check(m, source_texts)`` yielding ``(target id, message)`` per finding.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    explanation: str
    fix: str
    check: CheckFn = field(repr=False, compare=False)

    def findings(self, m: ArgumentMap, source_texts: Mapping[str, str]) -> Check:
        """The findings of this rule on ``m``, as ``(target, message)`` pairs.

        Examples
        --------
        >>> m = ArgumentMap()
        >>> m.claim("stray", "An unrelated remark.")
        'stray'
        >>> list(RULES["AL101"].findings(m, {}))
        [('stray', 'claim has no links')]
        """
        return self.check(m, source_texts)


#: Every rule by code, in code order (the order lint reports them in).
RULES: dict[str, Rule] = {}


def rule(
    code: str, name: str, severity: Severity, *, summary: str, explanation: str, fix: str
) -> Callable[[CheckFn], CheckFn]:
    """Register the decorated check as the rule ``code``.

    Examples
    --------
    >>> RULES["AL102"].name, RULES["AL102"].severity
    ('unsupported-position', 'warning')
    """

    def register(check: CheckFn) -> CheckFn:
        if code in RULES or any(r.name == name for r in RULES.values()):
            raise ValueError(f"lint rule {code} {name} is registered twice")
        RULES[code] = Rule(code, name, severity, summary, explanation, fix, check)
        # Kept in code order whatever the order of definition: lint reports in it.
        for key in sorted(RULES):
            RULES[key] = RULES.pop(key)
        return check

    return register


def rules_table() -> str:
    """The Markdown table of the rules, as docs/analysis.md has it (a test compares them).

    Examples
    --------
    >>> print(rules_table().splitlines()[0])
    | code | name | severity | fires on | fix |
    """
    rows = ["| code | name | severity | fires on | fix |", "|---|---|---|---|---|"]
    rows += [
        f"| {r.code} | {r.name} | {r.severity} | {r.explanation} | {r.fix} |"
        for r in RULES.values()
    ]
    return "\n".join(rows) + "\n"


@rule(
    "AL101",
    "isolated-claim",
    "warning",
    summary="claim with no links",
    explanation="a claim no link touches",
    fix="link it to the claim it supports or attacks, or remove it",
)
def _isolated(m: ArgumentMap, _: Mapping[str, str]) -> Check:
    used = {s for link in m.links for s in link.sources} | {link.target for link in m.links}
    for c in m.claims:
        if c.id not in used:
            yield c.id, "claim has no links"


@rule(
    "AL102",
    "unsupported-position",
    "warning",
    summary="position with no support",
    explanation="a `position` with no support link",
    fix="add the reasons the text gives for it; if it gives none, acknowledge the finding "
    "(its note naming AL102)",
)
def _unsupported(m: ArgumentMap, _: Mapping[str, str]) -> Check:
    supported = {link.target for link in m.links if link.kind == "support"}
    for c in m.claims:
        if c.kind == "position" and c.id not in supported:
            yield c.id, "position has no supporting link"


@rule(
    "AL103",
    "unanswered-objection",
    "info",
    summary="attack that nothing answers",
    explanation="an attack whose link and sources nothing attacks",
    fix="add the reply (an attack on the objection or on its sources); if the text leaves it "
    "open, acknowledge the finding (the link's note naming AL103)",
)
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


@rule(
    "AL104",
    "evidence-without-basis",
    "warning",
    summary="evidence with no quote and no basis",
    explanation="`evidence` with no quote and no `basis`",
    fix="quote the source, or say what it rests on in `basis`",
)
def _evidence(m: ArgumentMap, _: Mapping[str, str]) -> Check:
    for c in m.claims:
        if c.kind == "evidence" and not c.quotes and c.basis is None:
            yield c.id, "evidence claim has neither a quote nor a basis"


@rule(
    "AL105",
    "support-cycle",
    "warning",
    summary="claims that support each other in a cycle",
    explanation="claims that support each other in a cycle",
    fix="find the claim the others rest on and drop the support that leads back to it",
)
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


@rule(
    "AL106",
    "supports-and-attacks",
    "error",
    summary="a claim both supports and attacks a target",
    explanation="a claim both supports and attacks the same target",
    fix="keep the link the text means; if the claim cuts both ways, split it into two claims",
)
def _both(m: ArgumentMap, _: Mapping[str, str]) -> Check:
    kinds: dict[tuple[str, str], set[str]] = defaultdict(set)
    for link in m.links:
        for s in link.sources:
            kinds[(s, link.target)].add(link.kind)
    for (s, t), k in kinds.items():
        if len(k) == 2:
            yield s, f"{s} both supports and attacks {t}"


@rule(
    "AL107",
    "incoherent-co-premises",
    "error",
    summary="co-premises that attack each other",
    explanation="a co-premise that attacks another co-premise, or the target it supports",
    fix="premises that conflict cannot argue together: make them separate links",
)
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


@rule(
    "AL108",
    "duplicate-text",
    "warning",
    summary="two claims with the same text",
    explanation="two claims with the same text (case and spacing ignored)",
    fix="merge them into one claim and point both claims' links at it",
)
def _duplicates(m: ArgumentMap, _: Mapping[str, str]) -> Check:
    seen: dict[str, str] = {}
    for c in m.claims:
        key = " ".join(c.text.casefold().split()).rstrip(".!?")
        if key in seen:
            yield c.id, f"same text as {seen[key]}"
        else:
            seen[key] = c.id


@rule(
    "AL109",
    "quote-mismatch",
    "error",
    summary="quote that does not match its source text",
    explanation="a quote that differs from its source text",
    fix="correct the quote's `start`/`end` or its text (`argmap validate` shows where the "
    "quoted text occurs)",
)
def _quotes(m: ArgumentMap, texts: Mapping[str, str]) -> Check:
    for c in m.claims:
        for i, q in enumerate(c.quotes):
            text = texts.get(q.source)
            if text is not None and text[q.start : q.end] != q.text:
                yield c.id, f"quotes[{i}] does not match {q.source}[{q.start}:{q.end}]"


@rule(
    "AL110",
    "open-critical-question",
    "info",
    summary="argument with open critical questions",
    explanation="an argument whose [scheme](schemes.md) has critical questions the map does "
    "not take up (one finding per argument, naming them)",
    fix="add the attack that asks the question, or list it as answered (see [schemes](schemes.md))",
)
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
