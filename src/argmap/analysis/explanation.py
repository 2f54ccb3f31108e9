"""Plain-language explanations: why a claim is accepted, rejected or undecided, and what
shapes its strength.

The sentences follow the labelling rules a student can check by hand: a claim is rejected
when an attack on it stands, accepted when every attack on it fails (each one defeated by
something that stands), and undecided when no attack stands but some are undecided. Each
attack is named by the claims it comes from, and the chain is followed back towards
unattacked claims.
"""

from __future__ import annotations

from ..model import ArgumentMap
from .bipolar import DEFAULT_SUPPORT, MapAnalysis, Support, analyze, reading
from .gradual import strengths

__all__ = ["explain"]


def explain(
    m: ArgumentMap,
    claim_id: str,
    semantics: str = "grounded",
    support: Support = DEFAULT_SUPPORT,
    *,
    strength: str | None = None,
    depth: int = 3,
    analysis: MapAnalysis | None = None,
) -> str:
    """Why ``claim_id`` has its label, in short sentences; with ``strength``, what each link adds.

    Examples
    --------
    >>> m = ArgumentMap()
    >>> m.claim("ban", "Ban homework.")
    'ban'
    >>> m.claim("practice", "Practice needs time.")
    'practice'
    >>> m.attack("practice", "ban")
    'a1'
    >>> print(explain(m, "ban"))
    'Ban homework.' is rejected under grounded semantics with defeasible support \
(a reason adds weight but cannot reject a claim that nothing attacks).
    It is attacked by 'Practice needs time.' (link a1), and that attack stands: \
'Practice needs time.' is not attacked at all.
    """
    if claim_id not in {c.id for c in m.claims}:
        from .._words import unknown_name

        raise unknown_name("claim", claim_id, [c.id for c in m.claims])
    result = analysis or analyze(m, semantics, support)
    words = _Words(m, result, depth)
    label = result.claim_labels[claim_id]
    lines = [
        f"{words.name(claim_id)} is {label} under {result.semantics} semantics "
        f"with {result.support} support ({reading(result.support)})."
    ]
    if len(result.extensions) > 1:
        n = sum(claim_id in e for e in result.extensions)
        lines.append(
            f"It is accepted in {n} of the {len(result.extensions)} {result.semantics} "
            "extensions; a claim counts as accepted or rejected only when they all agree."
        )
    lines += words.why(claim_id, depth)
    if strength is not None:
        lines += _strength_lines(m, claim_id, strength, words)
    return "\n".join(lines)


class _Words:
    def __init__(self, m: ArgumentMap, result: MapAnalysis, depth: int) -> None:
        self.m = m
        self.result = result
        assert result.mapped is not None
        self.mapped = result.mapped
        self.labels = {**result.claim_labels, **result.link_labels}
        self.claims = {c.id for c in m.claims}

    def name(self, node: str) -> str:
        if node in self.claims:
            text = self.m.get_claim(node).label
            short = text if len(text) <= 70 else text[:67].rstrip() + "..."
            return f"'{short}'"
        return f"the link {node}"

    def attack_name(self, link_id: str) -> str:
        link = self.m.get_link(link_id)
        sources = " and ".join(self.name(s) for s in link.sources)
        return f"{sources} (link {link_id})"

    def route(self, attacker: str, node: str) -> str:
        # how an attack reaches a node it does not target directly
        hit = self.mapped.origin_of(attacker, node)
        if hit == node:
            return ""
        link = self.m.get_link(attacker)
        if node in self.claims:
            if self.mapped.support == "necessary":
                return (
                    f" (it needs {self.name(hit)}, directly or through other claims, and that"
                    " attack targets it; under necessary support a claim falls with what it needs)"
                )
            return (
                f" (it supports {self.name(hit)}, directly or through other claims, and that"
                " attack targets it; under deductive support, rejecting a conclusion rejects"
                " what entails it)"
            )
        if node in [*link.sources]:
            return ""
        return f" by way of {self.name(hit)}, on which the link depends"

    def why(self, node: str, depth: int) -> list[str]:
        label = self.labels[node]
        attackers = self.mapped.attackers(node)
        it = "It" if node in self.claims else f"{self.name(node).capitalize()}"
        if not attackers:
            return [f"{it} is not attacked at all."]
        standing = [a for a in attackers if self.labels[a] == "accepted"]
        undecided = [a for a in attackers if self.labels[a] == "undecided"]
        if label == "rejected" and standing:
            a = standing[0]
            reason = self.link_reason(a, depth - 1)
            return [
                f"{it} is attacked by {self.attack_name(a)}{self.route(a, node)}, "
                f"and that attack stands: {reason}"
            ]
        if label == "accepted":
            parts = [
                f"{it} is attacked "
                + (
                    "once, and the attack fails:"
                    if len(attackers) == 1
                    else f"{len(attackers)} times, and every attack fails:"
                )
            ]
            for a in attackers:
                parts.append(
                    f"- {self.attack_name(a)}{self.route(a, node)} fails: "
                    + self.defeat_reason(a, depth - 1)
                )
            return parts
        if label == "undecided":
            names = ", ".join(self.attack_name(a) for a in undecided)
            return [
                f"No attack on it stands, but {names} cannot be settled either way "
                "(they sit in a cycle of attacks the semantics leaves open)."
            ]
        return [f"{it} is {label} because the extensions disagree about its attackers."]

    def link_reason(self, link_id: str, depth: int) -> str:
        # why an attack link stands (accepted): its sources hold and nothing defeats it
        attackers = self.mapped.attackers(link_id)
        link = self.m.get_link(link_id)
        src = " and ".join(self.name(s) for s in link.sources)
        if not attackers:
            verb = "is" if len(link.sources) == 1 else "are"
            return f"{src} {verb} not attacked at all."
        if depth <= 0:
            return "every attack on it is defeated in turn."
        return (
            "its one attacker is defeated "
            if len(attackers) == 1
            else f"each of its {len(attackers)} attackers is defeated in turn "
        ) + f"({', '.join(f'{a} by {self.defeater(a)}' for a in attackers)})."

    def defeater(self, link_id: str) -> str:
        standing = [a for a in self.mapped.attackers(link_id) if self.labels[a] == "accepted"]
        return self.attack_name(standing[0]) if standing else "an undecided attack"

    def defeat_reason(self, link_id: str, depth: int) -> str:
        standing = [a for a in self.mapped.attackers(link_id) if self.labels[a] == "accepted"]
        if not standing:
            return "it is not accepted."
        a = standing[0]
        link = self.m.get_link(link_id)
        hit = self.mapped.origin_of(a, link_id)
        if hit == link_id:
            what = "it is undercut" if self.m.get_link(a).target == link_id else "it is attacked"
        elif hit in link.sources:
            what = f"its source {self.name(hit)} is attacked"
        else:
            what = f"{self.name(hit)} is attacked"
        more = "" if depth <= 0 else " " + self.link_reason(a, depth - 1)
        return f"{what} by {self.attack_name(a)}, which stands.{more}".rstrip()


def _strength_lines(m: ArgumentMap, claim_id: str, method: str, words: _Words) -> list[str]:
    full = strengths(m, method)
    value = full.claims[claim_id]
    base = full.base[claim_id]
    lines = [f"Its strength by {method} is {value:.2f} (base score {base:.2f})."]
    for link in m.links:
        if link.target != claim_id:
            continue
        without = strengths(m, method, drop=link.id).claims[claim_id]
        change = value - without
        role = "support" if link.kind == "support" else "attack"
        sources = " and ".join(words.name(s) for s in link.sources)
        verb = "raises" if change > 0 else "lowers" if change < 0 else "leaves"
        amount = f"by {abs(change):.2f}" if change else "unchanged"
        lines.append(f"- The {role} from {sources} (link {link.id}) {verb} it {amount}.")
    if not full.converged:
        lines.append("(The strengths did not converge; these numbers are the last iterate.)")
    return lines
