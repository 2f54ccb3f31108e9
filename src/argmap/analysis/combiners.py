"""How gradual semantics combine a node's base score with what its links pass on.

Each function scores ``k`` nodes at once. Its arguments: the base scores of the ``k`` nodes,
the local node index of each incoming edge, which edges attack, the value each edge passes
on, and ``k``. :mod:`argmap.analysis.gradual` walks the map and calls the combiner that the
semantics registry names for a method, so a new gradual semantics is one function here (or
in a module of its own) and one registration.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

__all__ = ["Combiner", "dfquad", "euler", "quadratic_energy"]

FloatArray = npt.NDArray[np.float64]
Combiner = Callable[
    [FloatArray, npt.NDArray[np.int64], npt.NDArray[np.bool_], FloatArray, int], FloatArray
]


def dfquad(
    base: FloatArray,
    dst: npt.NDArray[np.int64],
    att: npt.NDArray[np.bool_],
    passed: FloatArray,
    k: int,
) -> FloatArray:
    """DF-QuAD (Rago et al., 2016): attackers and supporters aggregated as ``1 - ∏(1 - v)``.

    Examples
    --------
    >>> one = np.zeros(2, dtype=np.int64)
    >>> float(dfquad(np.array([0.5]), one, np.array([False, True]), np.array([0.8, 0.4]), 1)[0])
    0.7
    """

    def aggregate(mask: npt.NDArray[np.bool_]) -> FloatArray:
        # 1 - prod(1 - v) as 1 - exp(sum log(1 - v)); a full-strength edge makes it exactly 1.
        v, d = passed[mask], dst[mask]
        full = np.bincount(d, weights=(v >= 1.0).astype(np.float64), minlength=k) > 0
        logs = np.bincount(d, weights=np.log1p(-np.where(v >= 1.0, 0.0, v)), minlength=k)
        return np.where(full, 1.0, -np.expm1(logs))

    va, vs = aggregate(att), aggregate(~att)
    return np.where(va >= vs, base - base * (va - vs), base + (1.0 - base) * (vs - va))


def _energy(
    dst: npt.NDArray[np.int64], att: npt.NDArray[np.bool_], passed: FloatArray, k: int
) -> FloatArray:
    return np.bincount(dst, weights=np.where(att, -passed, passed), minlength=k).astype(np.float64)


def _h(x: FloatArray) -> FloatArray:
    p = np.maximum(x, 0.0) ** 2
    return np.asarray(p / (1.0 + p))


def quadratic_energy(
    base: FloatArray,
    dst: npt.NDArray[np.int64],
    att: npt.NDArray[np.bool_],
    passed: FloatArray,
    k: int,
) -> FloatArray:
    """Quadratic energy (Potyka, 2018): ``w - w·h(-E) + (1 - w)·h(E)``, ``E`` the net energy.

    Examples
    --------
    >>> one = np.zeros(1, dtype=np.int64)
    >>> float(quadratic_energy(np.array([0.5]), one, np.array([False]), np.array([1.0]), 1)[0])
    0.75
    """
    e = _energy(dst, att, passed, k)
    return np.asarray(base - base * _h(-e) + (1.0 - base) * _h(e))


def euler(
    base: FloatArray,
    dst: npt.NDArray[np.int64],
    att: npt.NDArray[np.bool_],
    passed: FloatArray,
    k: int,
) -> FloatArray:
    """Euler-based (Amgoud & Ben-Naim, 2018): ``1 - (1 - w²) / (1 + w·e^E)``.

    Examples
    --------
    >>> none = np.zeros(0, dtype=np.int64)
    >>> e = euler(np.array([0.5]), none, np.zeros(0, dtype=bool), np.zeros(0), 1)
    >>> float(e[0])  # nothing passed on: E = 0, 1 - 0.75 / 1.5
    0.5
    """
    e = _energy(dst, att, passed, k)
    return np.asarray(1.0 - (1.0 - base**2) / (1.0 + base * np.exp(e)))
