"""From an argument map to a Dung framework, and the map's claims labelled by a semantics.

Every claim and every link becomes an argument (named by its id). A link argument stands for
"this inference holds": it needs all of its sources, and an undercut defeats it without
touching its sources. Attacks are derived in three steps:

1. *Direct*: an attack link attacks its target (a claim, or a link for an undercut).
2. *Premise*: whatever attacks a source of a link also attacks the link, so a co-premise link
   holds only when every one of its sources holds.
3. *Support*, by the chosen reading of support links ``S ⇒ b``
   (Cayrol & Lagasquie-Schiex, 2013; Modgil & Prakken, 2014 for the defeasible one):

   * ``"defeasible"`` (default): a reason makes its conclusion likelier but does not force
     it. Whatever attacks ``b`` attacks the link (the argument from ``S`` to ``b`` is
     rebutted, as ASPIC+ rebuts an argument on its conclusion), never ``S`` itself. So
     support can never reject a claim: a claim that nothing attacks is always accepted,
     which is what a reader of the map expects;
   * ``"deductive"``: accepting ``S`` forces ``b``, so whatever attacks ``b`` attacks the link
     (mediated attack), and its source too when it has only one: rejecting a conclusion
     rejects its single reason. A co-premise link is attacked as a whole, since Dung
     frameworks cannot say "one of these premises fails". Supported attacks (``S`` attacks
     what ``b`` attacks) follow already from these;
   * ``"necessary"``: ``b`` needs ``S``, so whatever attacks a source of the link attacks ``b``
     (secondary attack); extended attacks follow the same way;
   * ``"attack-only"``: supports add no attacks at all.

   Derived attacks are closed transitively along chains of supports.

Whatever attacks ``x`` is then "inherited" by every node whose attackers include those of
``x``; the set of attackers of each node is the union over the nodes it inherits from.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

import numpy as np
import numpy.typing as npt

from .._words import unknown_name
from ..model import ArgumentMap
from . import registry
from .derived import DerivedAttacks
from .framework import Framework
from .labelling import IN, OUT, UNDEC, Labelling
from .semantics import extensions

__all__ = [
    "DEFAULT_SUPPORT",
    "STATUSES",
    "SUPPORTS",
    "MapAnalysis",
    "MapFramework",
    "Support",
    "analyze",
    "reading",
    "to_framework",
]

#: The readings of support links; the first is the default.
#: How a support link is read (see :func:`analyze`).
Support = Literal["defeasible", "deductive", "necessary", "attack-only"]
SUPPORTS: tuple[Support, ...] = get_args(Support)
DEFAULT_SUPPORT: Support = "defeasible"
#: The words for a claim's or link's standing, used by every output of a map's analysis.
STATUSES = ("accepted", "rejected", "undecided")
STATUS = {IN: "accepted", OUT: "rejected", UNDEC: "undecided"}

_READINGS = {
    "defeasible": "a reason adds weight but cannot reject a claim that nothing attacks",
    "deductive": "accepting the reasons forces the conclusion, so rejecting a conclusion "
    "rejects its single reason",
    "necessary": "a conclusion needs its reasons, so it falls with any of them",
    "attack-only": "support links are ignored; only attacks count",
}


def reading(support: str) -> str:
    """What a reading of support means, in one clause a student can follow.

    >>> reading("defeasible")
    'a reason adds weight but cannot reject a claim that nothing attacks'
    """
    _check_support(support)
    return _READINGS[support]


def _check_support(support: str) -> None:
    if support not in _READINGS:
        raise unknown_name("support reading", support, SUPPORTS)


class MapFramework:
    """A map's framework and where each attack came from.

    The attacks are kept grouped (:class:`~argmap.analysis.derived.DerivedAttacks`), so
    asking for one node's attackers or the grounded labels costs time linear in the map;
    ``framework`` and ``origin``, which list every derived pair, are built on first use.
    ``origin[(attacker, attacked)]`` is the node the attack link ``attacker`` hits directly
    (its target) when the attack on ``attacked`` is derived, or ``attacked`` itself when it is
    direct.
    """

    def __init__(self, derived: DerivedAttacks, support: str) -> None:
        self.derived = derived
        self.support = support
        self.claims: tuple[str, ...] = derived.nodes[: len(derived.nodes) - derived.n_links]
        self.links: tuple[str, ...] = derived.nodes[len(self.claims) :]
        self._framework: Framework | None = None
        self._origin: dict[tuple[str, str], str] | None = None

    @property
    def framework(self) -> Framework:
        """The Dung framework, every derived attack listed (quadratic on a star)."""
        if self._framework is None:
            self._origin = self.derived.all_pairs()
            self._framework = Framework.from_pairs(self._origin, arguments=self.derived.nodes)
        return self._framework

    @property
    def origin(self) -> dict[tuple[str, str], str]:
        """``(attacker, attacked)`` to the node the attack reaches ``attacked`` through."""
        if self._origin is None:
            self._origin = self.derived.all_pairs()
        return self._origin

    def origin_of(self, attacker: str, node: str) -> str:
        """``origin[(attacker, node)]`` without listing every pair."""
        return self.derived.origin(attacker, node)

    def attackers(self, node: str) -> list[str]:
        """Attack links that attack ``node`` in the framework, in map order."""
        return self.derived.attackers(node)


def to_framework(m: ArgumentMap, support: Support = DEFAULT_SUPPORT) -> MapFramework:
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
    >>> sorted(to_framework(m).framework.pairs())  # defeasible: the reason stays unattacked
    [('a1', 's1'), ('a1', 'thesis')]
    >>> sorted(to_framework(m, "deductive").framework.pairs())
    [('a1', 'reason'), ('a1', 's1'), ('a1', 'thesis')]
    """
    _check_support(support)
    return MapFramework(DerivedAttacks(m, support), support)


@dataclass
class MapAnalysis:
    """Which claims and links of a map stand under a semantics and a reading of support.

    ``claim_labels`` and ``link_labels`` map ids to ``"accepted"``, ``"rejected"`` or
    ``"undecided"`` (``status`` is ``claim_labels`` by its usual name, what a diagram colours
    by); ICCMA's IN/OUT/UNDEC appear only in ICCMA output. A claim is rejected when an
    accepted attack hits it. With several extensions (preferred, stable) a claim is accepted
    when every extension accepts it, rejected when every one rejects it, else undecided;
    ``extensions`` holds them all. If ``exhaustive`` is False the enumeration stopped at
    ``limit`` and the labels only reflect the extensions found.
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
        """Claim id to accepted, rejected or undecided (the same as ``claim_labels``)."""
        return dict(self.claim_labels)

    @property
    def reading(self) -> str:
        """The reading of support used, in words: what a reader needs to trust the labels."""
        return f"{self.support} support: {reading(self.support)}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "semantics": self.semantics,
            "support": self.support,
            "reading": reading(self.support),
            "backend": self.backend,
            "extensions": len(self.extensions),
            "exhaustive": self.exhaustive,
            "claims": self.claim_labels,
            "links": self.link_labels,
        }

    def counts(self) -> dict[str, int]:
        """How many claims are accepted, rejected and undecided."""
        out = dict.fromkeys(STATUSES, 0)
        for lab in self.claim_labels.values():
            out[lab] += 1
        return out

    def headline(self) -> str:
        """One line: the semantics, the reading of support and the counts."""
        c = self.counts()
        return (
            f"{self.semantics} semantics, {self.support} support "
            f"({reading(self.support)}): {c['accepted']} accepted, {c['rejected']} rejected, "
            f"{c['undecided']} undecided"
        )

    def _repr_markdown_(self) -> str:
        c = self.counts()
        head = (
            f"**{self.semantics}** semantics, **{self.support}** support "
            f"({reading(self.support)}): "
            f"{c['accepted']} accepted, {c['rejected']} rejected, {c['undecided']} undecided claims"
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
            f"<b>{html.escape(self.support)}</b> support ({html.escape(reading(self.support))}): "
            f"{c['accepted']} accepted, {c['rejected']} rejected, "
            f"{c['undecided']} undecided claims</p>"
            f"<table><tr><th>claim</th><th>label</th></tr>{rows}</table>"
        )


def analyze(
    m: ArgumentMap,
    semantics: str = "grounded",
    support: Support = DEFAULT_SUPPORT,
    *,
    backend: str = "auto",
    limit: int | None = 1000,
) -> MapAnalysis:
    """Label every claim and link of a map accepted, rejected or undecided.

    Parameters
    ----------
    m : ArgumentMap
    semantics : {"grounded", "complete", "preferred", "stable", "semi-stable", "ideal"}
    support : {"defeasible", "deductive", "necessary", "attack-only"}
        How support links turn into attacks (see :func:`to_framework`). The default,
        ``defeasible``, never rejects a claim that nothing attacks; ``deductive`` and
        ``necessary`` are stricter readings.
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
    known = registry.names("dung")  # a registered semantics labels maps too
    if semantics not in known:
        raise unknown_name("semantics", semantics, known)
    mapped = to_framework(m, support)
    nodes = mapped.derived.nodes
    if semantics == "grounded":
        # on the grouped attacks: no derived pair is listed (a star stays linear)
        codes = [mapped.derived.grounded_codes()]
        used, exhaustive = "linear", True
    else:
        af = mapped.framework
        result = extensions(af, semantics, limit=limit, backend=backend)
        codes = [_labelling(af, e).codes for e in result.extensions]
        used, exhaustive = result.backend, result.exhaustive
    labels = _combine(nodes, codes)
    return MapAnalysis(
        semantics=semantics,
        support=support,
        claim_labels={c: labels[c] for c in mapped.claims},
        link_labels={k: labels[k] for k in mapped.links},
        backend=used,
        extensions=[[a for a, c in zip(nodes, cs.tolist(), strict=True) if c == 1] for cs in codes],
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


def _combine(nodes: tuple[str, ...], labellings: list[npt.NDArray[np.uint8]]) -> dict[str, str]:
    # A node keeps a label only when every labelling gives it that label.
    if not labellings:
        return dict.fromkeys(nodes, "undecided")
    stack = np.stack(labellings)
    agree = (stack == stack[0]).all(axis=0)
    codes = np.where(agree, stack[0], 0).tolist()
    names = {0: "undecided", 1: "accepted", 2: "rejected"}
    return {a: names[c] for a, c in zip(nodes, codes, strict=True)}
