"""From an argument map to a Dung framework, and the map's claims labelled by a semantics.

Every claim and every link becomes an argument (named by its id). A link argument stands for
"this inference holds": it needs all of its sources, and an undercut defeats it without
touching its sources. Attacks are derived in three steps:

1. *Direct*: an attack link attacks its target (a claim, or a link for an undercut).
2. *Premise*: whatever attacks a source of a link also attacks the link, so a co-premise link
   holds only when every one of its sources holds.
3. *Support*, by the chosen reading of support links ``S ⇒ b``
   (Cayrol & Lagasquie-Schiex, 2013):

   * ``"attack-only"``: supports add no attacks;
   * ``"deductive"`` (default): accepting ``S`` forces ``b``, so whatever attacks ``b`` attacks
     the link (mediated attack), and its source too when it has only one. A co-premise link
     is attacked as a whole, since Dung frameworks cannot say "one of these premises fails".
     Supported attacks (``S`` attacks what ``b`` attacks) follow already from these: an
     attack by ``b``'s link stands exactly when ``b`` stands;
   * ``"necessary"``: ``b`` needs ``S``, so whatever attacks a source of the link attacks ``b``
     (secondary attack); extended attacks follow the same way.

   Derived attacks are closed transitively along chains of supports.

Whatever attacks ``x`` is then "inherited" by every node whose attackers include those of
``x``; the set of attackers of each node is the union over the nodes it inherits from.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np

from ..model import ArgumentMap
from .framework import Framework
from .semantics import IN, OUT, UNDEC, Labelling, extensions, grounded

__all__ = ["SUPPORTS", "MapAnalysis", "MapFramework", "analyze", "to_framework"]

#: The readings of support links.
SUPPORTS = ("deductive", "necessary", "attack-only")
STATUS = {IN: "accepted", OUT: "rejected", UNDEC: "undecided"}


@dataclass(frozen=True)
class MapFramework:
    """A map's framework and where each attack came from.

    ``origin[(attacker, attacked)]`` is the node the attack link ``attacker`` hits directly
    (its target) when the attack on ``attacked`` is derived, or ``attacked`` itself when it is
    direct.
    """

    framework: Framework
    support: str
    claims: tuple[str, ...]
    links: tuple[str, ...]
    origin: dict[tuple[str, str], str]

    def attackers(self, node: str) -> list[str]:
        """Attack links that attack ``node`` in the framework, in map order."""
        af = self.framework
        names = af.names
        return sorted({names[i] for i in af.attackers(af.index(node)).tolist()}, key=af.index)


def to_framework(m: ArgumentMap, support: str = "deductive") -> MapFramework:
    """The Dung framework of a map under a reading of its support links.

    Examples
    --------
    >>> m = ArgumentMap()
    >>> for c in ("thesis", "reason", "objection"):
    ...     _ = m.claim(c, c.capitalize() + ".")
    >>> m.support("reason", "thesis")
    's1'
    >>> m.attack("objection", "thesis")
    'a1'
    >>> sorted(to_framework(m, "attack-only").framework.pairs())
    [('a1', 'thesis')]
    >>> sorted(to_framework(m, "deductive").framework.pairs())
    [('a1', 'reason'), ('a1', 's1'), ('a1', 'thesis')]
    """
    if support not in SUPPORTS:
        raise ValueError(f"unknown support reading {support!r}; choose from {', '.join(SUPPORTS)}")
    claims = tuple(c.id for c in m.claims)
    links = tuple(link.id for link in m.links)
    nodes = claims + links
    # inherit[y] ⊇ inherit[x] is an edge x -> y: y is attacked by whatever attacks x.
    inherit = nx.DiGraph()
    inherit.add_nodes_from(nodes)
    direct: dict[str, list[str]] = {n: [] for n in nodes}
    for link in m.links:
        if link.kind == "attack":
            direct[link.target].append(link.id)
        for s in link.sources:
            inherit.add_edge(s, link.id)
        if link.kind != "support":
            continue
        if support == "deductive":
            inherit.add_edge(link.target, link.id)
            if len(link.sources) == 1:
                inherit.add_edge(link.target, link.sources[0])
        elif support == "necessary":
            for s in link.sources:
                inherit.add_edge(s, link.target)
    origin: dict[tuple[str, str], str] = {}
    # Along the condensation's topological order every predecessor is finished first.
    dag = nx.condensation(inherit)
    order = {n: i for i, n in enumerate(nodes)}
    found: dict[int, dict[str, str]] = {}
    for comp in nx.topological_sort(dag):
        group = sorted(dag.nodes[comp]["members"], key=order.__getitem__)
        acc: dict[str, str] = {}
        for x in group:
            for k in direct[x]:
                acc.setdefault(k, x)
        for pred in sorted(dag.predecessors(comp)):
            for k, x in found[pred].items():
                acc.setdefault(k, x)
        found[comp] = acc
        for y in group:
            for k, x in acc.items():
                origin[(k, y)] = x
    pairs = sorted(origin, key=lambda p: (order[p[1]], order[p[0]]))
    af = Framework.from_pairs(pairs, arguments=nodes)
    return MapFramework(af, support, claims, links, {p: origin[p] for p in pairs})


@dataclass
class MapAnalysis:
    """Which claims and links of a map stand under a semantics and a reading of support.

    ``claim_labels`` and ``link_labels`` map ids to ``"IN"``, ``"OUT"`` or ``"UNDEC"``;
    ``status`` maps claim ids to ``"accepted"``, ``"rejected"`` or ``"undecided"`` (what a
    diagram colours by). With several extensions (preferred, stable) a claim is IN when every
    extension accepts it, OUT when every one rejects it, else UNDEC; ``extensions`` holds
    them all. If ``exhaustive`` is False the enumeration stopped at ``limit`` and the labels
    only reflect the extensions found.
    """

    semantics: str
    support: str
    claim_labels: dict[str, str]
    link_labels: dict[str, str]
    backend: str
    extensions: list[list[str]] = field(default_factory=list)
    exhaustive: bool = True
    mapped: MapFramework | None = field(default=None, repr=False, compare=False)

    @property
    def status(self) -> dict[str, str]:
        return {c: STATUS[lab] for c, lab in self.claim_labels.items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "semantics": self.semantics,
            "support": self.support,
            "backend": self.backend,
            "extensions": len(self.extensions),
            "exhaustive": self.exhaustive,
            "claims": self.claim_labels,
            "links": self.link_labels,
        }

    def counts(self) -> dict[str, int]:
        out = {IN: 0, OUT: 0, UNDEC: 0}
        for lab in self.claim_labels.values():
            out[lab] += 1
        return out

    def _repr_markdown_(self) -> str:
        c = self.counts()
        head = (
            f"**{self.semantics}** semantics, **{self.support}** support: "
            f"{c[IN]} accepted, {c[OUT]} rejected, {c[UNDEC]} undecided claims"
        )
        rows = [f"| `{k}` | {v} |" for k, v in self.claim_labels.items()]
        return "\n".join([head, "", "| claim | label |", "|---|---|", *rows])

    def _repr_html_(self) -> str:
        c = self.counts()
        rows = "".join(
            f"<tr><td><code>{html.escape(k)}</code></td><td>{v}</td></tr>"
            for k, v in self.claim_labels.items()
        )
        return (
            f"<p><b>{html.escape(self.semantics)}</b> semantics, "
            f"<b>{html.escape(self.support)}</b> support: {c[IN]} accepted, {c[OUT]} rejected, "
            f"{c[UNDEC]} undecided claims</p>"
            f"<table><tr><th>claim</th><th>label</th></tr>{rows}</table>"
        )


def analyze(
    m: ArgumentMap,
    semantics: str = "grounded",
    support: str = "deductive",
    *,
    backend: str = "auto",
    limit: int | None = 1000,
) -> MapAnalysis:
    """Label every claim and link of a map IN, OUT or UNDEC.

    Parameters
    ----------
    m : ArgumentMap
    semantics : {"grounded", "complete", "preferred", "stable", "semi-stable", "ideal"}
    support : {"deductive", "necessary", "attack-only"}
        How support links turn into attacks (see :func:`to_framework`).
    backend : {"auto", "python", "sat"}
        Search back-end for semantics other than grounded.
    limit : int or None
        At most this many extensions are combined (``exhaustive`` says if all were).

    Examples
    --------
    >>> m = ArgumentMap()
    >>> for c in ("thesis", "objection", "reply"):
    ...     _ = m.claim(c, c.capitalize() + ".")
    >>> _ = m.attack("objection", "thesis")
    >>> _ = m.attack("reply", "objection")
    >>> analyze(m).status
    {'thesis': 'accepted', 'objection': 'rejected', 'reply': 'accepted'}
    """
    mapped = to_framework(m, support)
    af = mapped.framework
    if semantics == "grounded":
        labellings = [grounded(af)]
        used, exhaustive = "linear", True
    else:
        result = extensions(af, semantics, limit=limit, backend=backend)
        labellings = [_labelling(af, e) for e in result.extensions]
        used, exhaustive = result.backend, result.exhaustive
    labels = _combine(af, labellings)
    return MapAnalysis(
        semantics=semantics,
        support=support,
        claim_labels={c: labels[c] for c in mapped.claims},
        link_labels={k: labels[k] for k in mapped.links},
        backend=used,
        extensions=[sorted(lab.extension(), key=af.index) for lab in labellings],
        exhaustive=exhaustive,
        mapped=mapped,
    )


def _labelling(af: Framework, ext: frozenset[str]) -> Labelling:
    # The labelling of a complete extension: IN its members, OUT what they attack.
    codes = np.zeros(af.n, dtype=np.uint8)
    members = np.array(sorted(af.index(a) for a in ext), dtype=np.int64)
    if members.size:
        hit = np.isin(af.source, members)
        codes[af.target[hit]] = 2
        codes[members] = 1
    return Labelling(af, codes)


def _combine(af: Framework, labellings: list[Labelling]) -> dict[str, str]:
    if not labellings:
        return dict.fromkeys(af.names, UNDEC)
    stack = np.stack([lab.codes for lab in labellings])
    agree = (stack == stack[0]).all(axis=0)
    codes = np.where(agree, stack[0], 0).tolist()
    names = {0: UNDEC, 1: IN, 2: OUT}
    return {a: names[c] for a, c in zip(af.names, codes, strict=True)}
