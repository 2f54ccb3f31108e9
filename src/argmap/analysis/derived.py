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
        self.order = order = {n: i for i, n in enumerate(self.nodes)}
        self.direct: dict[str, list[str]] = {n: [] for n in self.nodes}
        # the node each attack link aims at, by node number (-1: a claim or a support)
        self.aims = [-1] * len(claims)
        # inherit[y] ⊇ inherit[x] is an edge x -> y, kept as successor lists of numbers
        self.succ: list[list[int]] = [[] for _ in self.nodes]
        for link in m.links:
            i = order[link.id]
            self.aims.append(order[link.target] if link.kind == "attack" else -1)
            if link.kind == "attack":
                self.direct[link.target].append(link.id)
            for s in link.sources:
                self.succ[order[s]].append(i)
            for x, y in _support_edges(link, support):
                self.succ[order[x]].append(order[y])
        self._acc: dict[int, dict[str, str]] = {}
        self._dag: _Condensed | None = None

    # -- grounded, on the components ----------------------------------------------------

    def grounded_codes(self) -> npt.NDArray[np.uint8]:
        """Grounded labels of every node (0 UNDEC, 1 IN, 2 OUT), in node order."""
        comp, n_comp = strong_components(self.succ)
        members: list[list[int]] = [[] for _ in range(n_comp)]
        own = [0] * n_comp  # attack links aimed into the component, not yet OUT
        waiting = [0] * n_comp  # edges from other components whose attackers are not all OUT
        csucc: list[list[int]] = [[] for _ in range(n_comp)]
        for x, targets in enumerate(self.succ):
            members[comp[x]].append(x)
            for y in targets:
                if comp[y] != comp[x]:
                    csucc[comp[x]].append(comp[y])
                    waiting[comp[y]] += 1
        for a in self.aims:
            if a >= 0:
                own[comp[a]] += 1
        label = bytearray(len(self.nodes))
        hit = bytearray(n_comp)  # components attacked by an IN link
        ready = [c for c in range(n_comp - 1, -1, -1) if not own[c] and not waiting[c]]
        for c in ready:  # grows while we walk it: every attacker of c is OUT
            for x in members[c]:
                label[x] = _IN
                if self.aims[x] >= 0:
                    for y in _downstream(comp[self.aims[x]], csucc, hit, members, label):
                        a = self.aims[y]  # an attack link gone OUT: one attacker fewer
                        if a >= 0:
                            own[comp[a]] -= 1
                            if not own[comp[a]] and not waiting[comp[a]]:
                                ready.append(comp[a])
            for s in csucc[c]:
                waiting[s] -= 1
                if not waiting[s] and not own[s] and not hit[s]:
                    ready.append(s)
        return np.frombuffer(bytes(label), dtype=np.uint8).copy()

    # -- the derived pairs, on demand ---------------------------------------------------

    def attackers(self, node: str) -> list[str]:
        """Attack links that attack ``node``, direct or derived, in map order."""
        comp = self._condensed().component[node]
        return sorted(self._attackers_of(comp), key=self.order.__getitem__)

    def origin(self, attacker: str, node: str) -> str:
        """The node ``attacker`` targets directly on its way to ``node`` (KeyError if none)."""
        return self._attackers_of(self._condensed().component[node])[attacker]

    def all_pairs(self) -> dict[tuple[str, str], str]:
        """Every attack ``(attacker, attacked)`` with its origin, ordered by target then
        attacker (quadratic on a star: what the grouped form avoids)."""
        dag = self._condensed()
        for c in dag.topo:  # predecessors first: each component is one step
            if c not in self._acc:
                self._acc[c] = self._gather(c, dag)
        origin = {
            (k, y): x for c in dag.topo for y in dag.members[c] for k, x in self._acc[c].items()
        }
        pairs = sorted(origin, key=lambda p: (self.order[p[1]], self.order[p[0]]))
        return {p: origin[p] for p in pairs}

    def _attackers_of(self, comp: int) -> dict[str, str]:
        """Attacker -> origin for one component; its ancestors are filled in first."""
        if comp in self._acc:
            return self._acc[comp]
        dag = self._condensed()
        todo, stack = {comp}, [comp]
        while stack:  # the ancestors not yet known, without recursion (chains are deep)
            for p in dag.preds[stack.pop()]:
                if p not in self._acc and p not in todo:
                    todo.add(p)
                    stack.append(p)
        for c in sorted(todo, key=dag.rank.__getitem__):
            self._acc[c] = self._gather(c, dag)
        return self._acc[comp]

    def _gather(self, comp: int, dag: _Condensed) -> dict[str, str]:
        # Own attackers in map order, then each predecessor's, the first origin kept.
        acc: dict[str, str] = {}
        for x in dag.members[comp]:
            for k in self.direct[x]:
                acc.setdefault(k, x)
        for p in dag.preds[comp]:
            for k, x in self._acc[p].items():
                acc.setdefault(k, x)
        return acc

    def _condensed(self) -> _Condensed:
        if self._dag is None:
            self._dag = _Condensed(self.nodes, self.succ)
        return self._dag


class _Condensed:
    """networkx's condensation of the inheritance graph, numbered as networkx numbers it.

    Which node an attack is said to come through (its origin) depends on the order in which
    a component's predecessors are read; reading them by networkx's numbers keeps every
    explanation worded as before the attacks were grouped.
    """

    def __init__(self, nodes: tuple[str, ...], succ: list[list[int]]) -> None:
        graph = nx.DiGraph()
        graph.add_nodes_from(nodes)
        # one node's successors in the order the map gave them: networkx numbers by that
        graph.add_edges_from((x, nodes[y]) for x, ys in zip(nodes, succ, strict=True) for y in ys)
        dag = nx.condensation(graph)
        order = {n: i for i, n in enumerate(nodes)}
        self.topo: list[int] = list(nx.topological_sort(dag))
        self.rank = {c: i for i, c in enumerate(self.topo)}
        self.members: dict[int, list[str]] = {
            c: sorted(dag.nodes[c]["members"], key=order.__getitem__) for c in dag.nodes
        }
        self.component: dict[str, int] = dag.graph["mapping"]
        self.preds: dict[int, list[int]] = {c: sorted(dag.predecessors(c)) for c in dag.nodes}


def strong_components(succ: list[list[int]]) -> tuple[list[int], int]:
    """Strongly connected components, numbered so that every edge between two of them
    goes from a higher number to a lower one (Tarjan's order, without recursion).

    Examples
    --------
    >>> strong_components([[1], [0, 2], []])   # 0 <-> 1 -> 2
    ([1, 1, 0], 2)
    """
    n = len(succ)
    index, low, comp = [-1] * n, [0] * n, [-1] * n
    on_stack = bytearray(n)
    stack: list[int] = []
    counter = n_comp = 0
    for root in range(n):
        if index[root] >= 0:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = 1
        work = [(root, 0)]
        while work:
            v, i = work[-1]
            if i < len(succ[v]):
                work[-1] = (v, i + 1)
                w = succ[v][i]
                if index[w] < 0:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = 1
                    work.append((w, 0))
                elif on_stack[w] and index[w] < low[v]:
                    low[v] = index[w]
                continue
            work.pop()
            if work and low[v] < low[work[-1][0]]:
                low[work[-1][0]] = low[v]
            if low[v] == index[v]:
                while True:
                    w = stack.pop()
                    on_stack[w] = 0
                    comp[w] = n_comp
                    if w == v:
                        break
                n_comp += 1
    return comp, n_comp


def _downstream(
    start: int,
    csucc: list[list[int]],
    hit: bytearray,
    members: list[list[int]],
    label: bytearray,
) -> list[int]:
    """Mark ``start`` and every component after it attacked by an IN link; the new OUTs."""
    if hit[start]:
        return []
    hit[start] = 1
    out: list[int] = []
    stack = [start]
    while stack:
        c = stack.pop()
        for x in members[c]:
            label[x] = _OUT
            out.append(x)
        for s in csucc[c]:
            if not hit[s]:
                hit[s] = 1
                stack.append(s)
    return out


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
