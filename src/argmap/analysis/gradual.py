"""Gradual strength of claims: DF-QuAD, quadratic energy and Euler-based semantics.

A map is read as a quantitative bipolar framework (QBAF). Every claim has a base score, its
``confidence`` (0.5 when absent); every link is a node too, with base score its ``weight``
(1.0 when absent) so that undercuts weaken and warrants strengthen the inference. A link
passes on ``strength(link) × min(strength of its sources)``: linked co-premises are only as
strong as the weakest of them. Each claim's strength then combines its base score with what
its supporting and attacking links pass on:

* **DF-QuAD** (Rago, Toni, Aurisicchio & Baroni, 2016): attackers and supporters are each
  aggregated as ``1 - ∏(1 - v)``; with ``va`` and ``vs`` the two aggregates and ``w`` the base
  score, strength is ``w - w(va - vs)`` when ``va ≥ vs`` and ``w + (1 - w)(vs - va)`` otherwise.
* **Quadratic energy** (Potyka, 2018): energy ``E = Σ supporters - Σ attackers``,
  ``h(x) = max(x, 0)² / (1 + max(x, 0)²)``, strength ``w - w·h(-E) + (1 - w)·h(E)``.
* **Euler-based** (Amgoud & Ben-Naim, 2018): with ``E`` as above,
  ``1 - (1 - w²) / (1 + w·e^E)``.

Acyclic maps are evaluated in one pass in topological order. A cycle makes the strengths a
fixpoint: they are iterated (all nodes at once) from the base scores until no strength moves
by more than ``tol``, at most ``max_iter`` times; :attr:`StrengthResult.converged` reports
whether that happened, and the numbers are the last iterate.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from ..model import ArgumentMap
from . import registry

__all__ = [
    "METHODS",
    "QBAF",
    "StrengthResult",
    "evaluate",
    "qbaf_from_edges",
    "strengths",
    "to_qbaf",
]

FloatArray = npt.NDArray[np.float64]
#: The gradual methods (their registry names).
METHODS = registry.names("gradual")
DEFAULT_CONFIDENCE = 0.5
DEFAULT_WEIGHT = 1.0


@dataclass(frozen=True)
class QBAF:
    """Nodes (claims, then links) with base scores and signed edges into them.

    Edge ``k`` carries from node ``src[k]`` to node ``dst[k]`` with ``sign[k]`` = +1 (support)
    or -1 (attack). The premises (sources) of node ``v`` are
    ``prem_idx[prem_ptr[v]:prem_ptr[v + 1]]``: empty for a claim, the link's sources for a
    link node, combined by ``min``. ``names`` may be empty for QBAFs built from arrays.
    """

    base: FloatArray
    src: npt.NDArray[np.int64]
    dst: npt.NDArray[np.int64]
    sign: npt.NDArray[np.int8]
    prem_ptr: npt.NDArray[np.int64]
    prem_idx: npt.NDArray[np.int64]
    n_claims: int
    names: tuple[str, ...] = ()


def qbaf_from_edges(
    base: npt.ArrayLike,
    source: npt.ArrayLike,
    target: npt.ArrayLike,
    sign: npt.ArrayLike,
    weight: npt.ArrayLike | None = None,
) -> QBAF:
    """A QBAF straight from arrays: argument base scores and signed single-source edges.

    Edge ``k`` (``sign[k]`` +1 support, -1 attack) becomes a link node with base score
    ``weight[k]`` (1.0 by default), so results match maps built link by link. Arguments are
    numbered ``0 .. n-1`` and links ``n ..`` in edge order.

    Examples
    --------
    >>> q = qbaf_from_edges([0.5, 0.8, 0.4], [1, 2], [0, 0], [1, -1])
    >>> round(float(evaluate(q)[0][0]), 9)   # 0.5 + 0.5 * (0.8 - 0.4)
    0.7
    """
    b = np.asarray(base, dtype=np.float64)
    src = np.asarray(source, dtype=np.int64)
    dst = np.asarray(target, dtype=np.int64)
    n, m = b.size, src.size
    w = np.ones(m) if weight is None else np.asarray(weight, dtype=np.float64)
    links = np.arange(n, n + m, dtype=np.int64)
    prem_ptr = np.concatenate([np.zeros(n + 1, dtype=np.int64), np.arange(1, m + 1)])
    sg = np.asarray(sign, dtype=np.int8)
    return QBAF(np.concatenate([b, w]), links, dst, sg, prem_ptr, src, n)


def to_qbaf(m: ArgumentMap) -> QBAF:
    """The QBAF of a map: base scores and the signed edges between claims and links."""
    names = [c.id for c in m.claims] + [link.id for link in m.links]
    index = {x: i for i, x in enumerate(names)}
    base = [DEFAULT_CONFIDENCE if c.confidence is None else c.confidence for c in m.claims]
    base += [DEFAULT_WEIGHT if link.weight is None else link.weight for link in m.links]
    prem_ptr = [0] * (len(m.claims) + 1)
    prem_idx: list[int] = []
    src, dst, sign = [], [], []
    for link in m.links:
        prem_idx += [index[s] for s in link.sources]
        prem_ptr.append(len(prem_idx))
        src.append(index[link.id])
        dst.append(index[link.target])
        sign.append(1 if link.kind == "support" else -1)
    return QBAF(
        np.array(base, dtype=np.float64),
        np.array(src, dtype=np.int64),
        np.array(dst, dtype=np.int64),
        np.array(sign, dtype=np.int8),
        np.array(prem_ptr, dtype=np.int64),
        np.array(prem_idx, dtype=np.int64),
        len(m.claims),
        tuple(names),
    )


@dataclass
class StrengthResult:
    """Strength of every claim and link in ``[0, 1]`` under a gradual ``method``."""

    method: str
    claims: dict[str, float]
    links: dict[str, float]
    base: dict[str, float]
    converged: bool
    iterations: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "converged": self.converged,
            "iterations": self.iterations,
            "claims": self.claims,
            "links": self.links,
        }

    def _repr_markdown_(self) -> str:
        note = "" if self.converged else " — **did not converge** (last iterate shown)"
        rows = [
            f"| `{k}` | {self.base[k]:.3f} | {v:.3f} |"
            for k, v in sorted(self.claims.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        head = f"Strength by **{self.method}**{note}"
        return "\n".join([head, "", "| claim | base | strength |", "|---|---|---|", *rows])

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td><code>{html.escape(k)}</code></td><td>{self.base[k]:.3f}</td>"
            f"<td>{v:.3f}</td></tr>"
            for k, v in sorted(self.claims.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        warn = "" if self.converged else " <b>(did not converge)</b>"
        return (
            f"<p>Strength by <b>{html.escape(self.method)}</b>{warn}</p>"
            f"<table><tr><th>claim</th><th>base</th><th>strength</th></tr>{rows}</table>"
        )


def strengths(
    m: ArgumentMap,
    method: str = "dfquad",
    *,
    tol: float = 1e-9,
    max_iter: int = 1000,
    drop: str | Iterable[str] | None = None,
) -> StrengthResult:
    """Gradual strength of every claim of a map.

    ``drop`` names a link (or several) to leave out: what a link contributes is the change.

    Examples
    --------
    >>> m = ArgumentMap()
    >>> m.claim("t", "Thesis.")
    't'
    >>> m.claim("r", "Reason.", confidence=0.8)
    'r'
    >>> m.claim("o", "Objection.", confidence=0.4)
    'o'
    >>> _ = m.support("r", "t")
    >>> _ = m.attack("o", "t")
    >>> round(strengths(m, "dfquad").claims["t"], 9)   # 0.5 + 0.5 * (0.8 - 0.4)
    0.7
    """
    q = to_qbaf(m)
    if drop is not None:
        gone = {drop} if isinstance(drop, str) else set(drop)
        keep = np.array([q.names[s] not in gone for s in q.src.tolist()], dtype=bool)
        q = QBAF(
            q.base,
            q.src[keep],
            q.dst[keep],
            q.sign[keep],
            q.prem_ptr,
            q.prem_idx,
            q.n_claims,
            q.names,
        )
    values, converged, iterations = evaluate(q, method, tol=tol, max_iter=max_iter)
    names = q.names
    out = values.tolist()
    return StrengthResult(
        method=method,
        claims={names[i]: out[i] for i in range(q.n_claims)},
        links={names[i]: out[i] for i in range(q.n_claims, len(names))},
        base=dict(zip(names, q.base.tolist(), strict=True)),
        converged=converged,
        iterations=iterations,
    )


def evaluate(
    q: QBAF, method: str = "dfquad", *, tol: float = 1e-9, max_iter: int = 1000
) -> tuple[FloatArray, bool, int]:
    """Strengths of all QBAF nodes, whether they converged, and the number of sweeps.

    Acyclic: nodes are computed level by level (a level's inputs are all final), each level
    vectorised, so the cost is linear in nodes plus edges. Cyclic: Jacobi sweeps to ``tol``.
    """
    if method not in registry.names("gradual"):
        known = ", ".join(registry.names("gradual"))
        raise ValueError(f"unknown method {method!r}; choose from {known}")
    combine = registry.gradual(method).combine
    plan = _Plan(q)
    levels = plan.levels()
    if levels is None:
        return _iterate(q, plan, combine, tol, max_iter)
    sigma = q.base.copy()
    weakest = np.ones(q.base.size)
    for nodes in levels:
        links = nodes[plan.is_link[nodes]]
        if links.size:
            weakest[links] = plan.weakest(sigma, links)
        edges = plan.incoming(nodes)
        if edges.size:
            k = nodes.size
            plan.pos[nodes] = np.arange(k)
            passed = sigma[q.src[edges]] * weakest[q.src[edges]]
            local = plan.pos[q.dst[edges]]
            new = combine(q.base[nodes], local, q.sign[edges] < 0, passed, k)
            has = np.bincount(local, minlength=k) > 0
            sigma[nodes] = np.where(has, new, q.base[nodes])
    return sigma, True, 1


class _Plan:
    """Index arrays over a QBAF: incoming edges and premises of each node, in CSR form."""

    def __init__(self, q: QBAF) -> None:
        n = q.base.size
        self.q = q
        order = np.argsort(q.dst, kind="stable")
        self.in_edges = order
        self.in_ptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(q.dst, minlength=n), out=self.in_ptr[1:])
        self.prem_ptr = q.prem_ptr
        self.is_link = np.diff(q.prem_ptr) > 0
        self.prem = q.prem_idx
        self.pos = np.zeros(n, dtype=np.int64)

    def incoming(self, nodes: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        return self.in_edges[_ranges(self.in_ptr, nodes)]

    def weakest(self, sigma: FloatArray, links: npt.NDArray[np.int64]) -> FloatArray:
        # the weakest premise of each link (every link has at least one source)
        idx = _ranges(self.prem_ptr, links)
        lengths = self.prem_ptr[links + 1] - self.prem_ptr[links]
        starts = np.cumsum(lengths) - lengths
        return np.asarray(np.minimum.reduceat(sigma[self.prem[idx]], starts))

    def levels(self) -> list[npt.NDArray[np.int64]] | None:
        """Kahn's algorithm a whole frontier at a time; None when there is a cycle."""
        q = self.q
        n = q.base.size
        # dependencies: edge src -> dst, premise p -> link
        heads = np.concatenate([q.src, self.prem])
        tails = np.concatenate([q.dst, np.repeat(np.arange(n), np.diff(self.prem_ptr))])
        indeg = np.bincount(tails, minlength=n)
        order = np.argsort(heads, kind="stable")
        out_ptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(heads, minlength=n), out=out_ptr[1:])
        out = tails[order]
        frontier = np.flatnonzero(indeg == 0)
        levels, done = [], 0
        while frontier.size:
            levels.append(frontier)
            done += frontier.size
            succ = out[_ranges(out_ptr, frontier)]
            if not succ.size:
                break
            # bincount and a mark array beat np.subtract.at and np.unique by ~10x here
            indeg -= np.bincount(succ, minlength=n)
            ready = np.zeros(n, dtype=bool)
            ready[succ[indeg[succ] == 0]] = True
            frontier = np.flatnonzero(ready)
        return levels if done == n else None


def _ranges(ptr: npt.NDArray[np.int64], rows: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Concatenated ``arange(ptr[r], ptr[r + 1])`` for every row ``r``, without a loop."""
    starts, ends = ptr[rows], ptr[rows + 1]
    lengths = ends - starts
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return np.asarray(offsets + np.arange(total), dtype=np.int64)


def _iterate(
    q: QBAF, plan: _Plan, combine: Callable[..., FloatArray], tol: float, max_iter: int
) -> tuple[FloatArray, bool, int]:
    # Jacobi sweeps over all nodes at once from the base scores.
    n = q.base.size
    sigma = q.base.copy()
    links = np.flatnonzero(plan.is_link)
    has = np.bincount(q.dst, minlength=n) > 0
    att = q.sign < 0
    for it in range(1, max_iter + 1):
        weakest = np.ones(n)
        if links.size:
            weakest[links] = plan.weakest(sigma, links)
        passed = sigma[q.src] * weakest[q.src]
        new = np.where(has, combine(q.base, q.dst, att, passed, n), q.base)
        delta = float(np.max(np.abs(new - sigma))) if n else 0.0
        sigma = new
        if delta <= tol:
            return sigma, True, it
    return sigma, False, max_iter
