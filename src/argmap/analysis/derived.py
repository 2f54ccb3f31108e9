"""A map's derived attacks, kept grouped instead of listed pair by pair.

Every node (claim or link) of a map is attacked by the attack links aimed at it *and* by
whatever attacks the nodes it inherits from (see :mod:`argmap.analysis.bipolar`). Listing
those derived attacks pair by pair is quadratic on a star: a position with 1,666 attackers
and 3,333 supporters gives each supporting link all 1,666 attackers, 5.5 million pairs.

This module keeps them grouped. The inheritance graph is condensed into its strongly
connected components (nodes of one component have the same attackers); a component's
attackers are its own direct attackers plus those of its predecessors. Grounded semantics
is then computed on the components: a component is *attacked by an IN link* when one of its
own attackers is IN or a predecessor is, and *has every attacker OUT* when its own are all
OUT and every predecessor has every attacker OUT. Counters and a queue give the grounded
labelling in time linear in the map, never touching a derived pair. The pairs themselves
(and which node each attack reaches them through) are built only when asked for, one
component at a time.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
import numpy as np
import numpy.typing as npt

from ..model import ArgumentMap, Link
from .labelling import _IN, _OUT

__all__ = ["DerivedAttacks"]


class DerivedAttacks:
    """The attacks of a map's framework, grouped by component of the inheritance graph.

    Parameters
    ----------
    m : ArgumentMap
    support : {"defeasible", "deductive", "necessary", "attack-only"}
        The reading of support links (checked by the caller).

    Examples
    --------
    >>> m = ArgumentMap()
    >>> for c in ("thesis", "reason", "objection"):
    ...     _ = m.claim(c, c.capitalize() + ".")
    >>> _, _ = m.support("reason", "thesis"), m.attack("objection", "thesis")
    >>> d = DerivedAttacks(m, "defeasible")
    >>> d.attackers("s1"), d.origin("a1", "s1")   # the support is rebutted on its conclusion
    (['a1'], 'thesis')
    >>> d.grounded_codes().tolist()   # thesis, reason, objection, s1, a1: 1 IN, 2 OUT
    [2, 1, 1, 2, 1]
    """

    def __init__(self, m: ArgumentMap, support: str) -> None:
        claims = [c.id for c in m.claims]
        self.nodes: tuple[str, ...] = (*claims, *(link.id for link in m.links))
        self.n_links = len(m.links)
        self.order = {n: i for i, n in enumerate(self.nodes)}
        self.direct: dict[str, list[str]] = {n: [] for n in self.nodes}
        # the attack link each attack-link node aims at, by node number (-1: not an attack)
        self.aims = [-1] * len(claims)
        inherit = nx.DiGraph()
        inherit.add_nodes_from(self.nodes)
        for link in m.links:
            self.aims.append(self.order[link.target] if link.kind == "attack" else -1)
            if link.kind == "attack":
                self.direct[link.target].append(link.id)
            inherit.add_edges_from((s, link.id) for s in link.sources)
            inherit.add_edges_from(_support_edges(link, support))
        self._condense(inherit)
        self._acc: dict[int, dict[str, str]] = {}

    def _condense(self, inherit: nx.DiGraph) -> None:
        # inherit[y] ⊇ inherit[x] is an edge x -> y; a component's nodes share attackers.
        dag = nx.condensation(inherit)
        self.topo: list[int] = list(nx.topological_sort(dag))
        self.rank = {c: i for i, c in enumerate(self.topo)}
        self.members: dict[int, list[str]] = {
            c: sorted(dag.nodes[c]["members"], key=self.order.__getitem__) for c in dag.nodes
        }
        self.component: dict[str, int] = dag.graph["mapping"]
        self.preds: dict[int, list[int]] = {c: sorted(dag.predecessors(c)) for c in dag.nodes}
        self.succs: dict[int, list[int]] = {c: list(dag.successors(c)) for c in dag.nodes}

    # -- grounded, on the components ----------------------------------------------------

    def grounded_codes(self) -> npt.NDArray[np.uint8]:
        """Grounded labels of every node (0 UNDEC, 1 IN, 2 OUT), in node order."""
        label = bytearray(len(self.nodes))
        comp_of = [self.component[n] for n in self.nodes]
        own = {c: sum(len(self.direct[x]) for x in xs) for c, xs in self.members.items()}
        waiting = {c: len(ps) for c, ps in self.preds.items()}
        hit: set[int] = set()  # components attacked by an IN link
        ready = [c for c in self.topo if own[c] == 0 and waiting[c] == 0]
        for c in ready:  # grows while we walk it: every attacker of c is OUT
            for x in self.members[c]:
                i = self.order[x]
                label[i] = _IN
                if self.aims[i] >= 0:
                    out = self._hit(comp_of[self.aims[i]], hit, label)
                    self._release(out, comp_of, own, waiting, ready)
            for s in self.succs[c]:
                waiting[s] -= 1
                if waiting[s] == 0 and own[s] == 0 and s not in hit:
                    ready.append(s)
        return np.frombuffer(bytes(label), dtype=np.uint8).copy()

    def _hit(self, start: int, hit: set[int], label: bytearray) -> list[int]:
        """Mark ``start`` and everything downstream as attacked by an IN link; the new OUTs."""
        out: list[int] = []
        stack = [start] if start not in hit else []
        hit.update(stack)
        while stack:
            c = stack.pop()
            for x in self.members[c]:
                label[self.order[x]] = _OUT
                out.append(self.order[x])
            for s in self.succs[c]:
                if s not in hit:
                    hit.add(s)
                    stack.append(s)
        return out

    def _release(
        self,
        out: Iterable[int],
        comp_of: list[int],
        own: dict[int, int],
        waiting: dict[int, int],
        ready: list[int],
    ) -> None:
        # An attack link that goes OUT is one attacker fewer for the component it aims at.
        for i in out:
            if self.aims[i] >= 0:
                c = comp_of[self.aims[i]]
                own[c] -= 1
                if own[c] == 0 and waiting[c] == 0:
                    ready.append(c)

    # -- the derived pairs, on demand ---------------------------------------------------

    def attackers(self, node: str) -> list[str]:
        """Attack links that attack ``node``, direct or derived, in map order."""
        return sorted(self._attackers_of(self.component[node]), key=self.order.__getitem__)

    def origin(self, attacker: str, node: str) -> str:
        """The node ``attacker`` targets directly on its way to ``node`` (KeyError if none)."""
        return self._attackers_of(self.component[node])[attacker]

    def all_pairs(self) -> dict[tuple[str, str], str]:
        """Every attack ``(attacker, attacked)`` with its origin, ordered by target then
        attacker (quadratic on a star: what the grouped form avoids)."""
        origin = {
            (k, y): x
            for c in self.topo
            for y in self.members[c]
            for k, x in self._attackers_of(c).items()
        }
        pairs = sorted(origin, key=lambda p: (self.order[p[1]], self.order[p[0]]))
        return {p: origin[p] for p in pairs}

    def _attackers_of(self, comp: int) -> dict[str, str]:
        """Attacker -> origin for one component; its ancestors are filled in first."""
        if comp in self._acc:
            return self._acc[comp]
        todo, stack = {comp}, [comp]
        while stack:  # the ancestors not yet known, without recursion (chains are deep)
            for p in self.preds[stack.pop()]:
                if p not in self._acc and p not in todo:
                    todo.add(p)
                    stack.append(p)
        for c in sorted(todo, key=self.rank.__getitem__):
            acc: dict[str, str] = {}
            for x in self.members[c]:
                for k in self.direct[x]:
                    acc.setdefault(k, x)
            for p in self.preds[c]:
                for k, x in self._acc[p].items():
                    acc.setdefault(k, x)
            self._acc[c] = acc
        return self._acc[comp]


def _support_edges(link: Link, support: str) -> list[tuple[str, str]]:
    """The inheritance edges a support link adds under a reading (see ``to_framework``)."""
    if link.kind != "support":
        return []
    if support in ("deductive", "defeasible"):
        edges = [(link.target, link.id)]
        if support == "deductive" and len(link.sources) == 1:
            edges.append((link.target, link.sources[0]))
        return edges
    if support == "necessary":
        return [(s, link.target) for s in link.sources]
    return []
