"""The SAT back-end: complete labellings as clauses, solved with ``python-sat``.

Each argument ``a`` has two variables, ``in(a)`` and ``out(a)`` (neither means UNDEC), and
the complete-labelling conditions of Caminada and Gabbay become clauses:

* ``¬in(a) ∨ ¬out(a)``;
* ``in(a) ↔ ⋀ out(b)`` over the attackers ``b`` of ``a``;
* ``out(a) ↔ ⋁ in(b)`` over the attackers ``b`` of ``a``.

Stable adds ``in(a) ∨ out(a)``. Preferred extensions are found by iterative maximisation: a
complete labelling is grown (each round asks for a strict superset of its IN set) until no
larger one exists, then a clause forbids every subset of it and the search restarts.
Semi-stable does the same on the range ``IN ∪ OUT``. Install with ``pip install argmap[sat]``.
"""

from __future__ import annotations

from typing import Any

from ..errors import ArgmapError
from .framework import Framework
from .ideal import ideal_from_preferred

__all__ = ["accepted", "available", "extensions", "require"]

Ext = frozenset[int]
SOLVER = "cadical153"


def available() -> bool:
    """True when ``python-sat`` is importable."""
    try:
        import pysat.solvers  # noqa: F401
    except ImportError:
        return False
    return True


def require() -> None:
    if not available():
        raise ArgmapError("the SAT back-end needs python-sat: pip install 'argmap[sat]'")


class _Encoding:
    """A solver loaded with the complete-labelling clauses of one framework."""

    def __init__(self, af: Framework, stable: bool = False) -> None:
        require()
        from pysat.solvers import Solver

        self.n = n = af.n
        self.solver: Any = Solver(name=SOLVER)
        self.next_var = 2 * n + 1
        add = self.solver.add_clause
        att = af.in_lists()
        for a in range(n):
            i, o = self.in_(a), self.out(a)
            add([-i, -o])
            attackers = list(dict.fromkeys(att[a]))
            add([i, *(-self.out(b) for b in attackers)])
            add([-o, *(self.in_(b) for b in attackers)])
            for b in attackers:
                add([-i, self.out(b)])
                add([o, -self.in_(b)])
            if stable:
                add([i, o])

    def in_(self, a: int) -> int:
        return a + 1

    def out(self, a: int) -> int:
        return self.n + a + 1

    def fresh(self) -> int:
        self.next_var += 1
        return self.next_var - 1

    def solve(self, assumptions: list[int]) -> list[int] | None:
        """IN/OUT codes (1/2/0) of a model, or None when unsatisfiable."""
        if not self.solver.solve(assumptions=assumptions):
            return None
        model = self.solver.get_model()
        n = self.n
        return [1 if model[a] > 0 else 2 if model[n + a] > 0 else 0 for a in range(n)]

    def close(self) -> None:
        self.solver.delete()


def extensions(af: Framework, semantics: str, limit: int | None) -> tuple[list[Ext], bool]:
    """Extensions as sets of argument numbers, and whether the list is complete."""
    if semantics == "ideal":
        preferred, _ = extensions(af, "preferred", None)
        return [ideal_from_preferred(af, preferred)], True
    enc = _Encoding(af, stable=semantics == "stable")
    try:
        if semantics in ("complete", "stable"):
            return _enumerate(enc, limit)
        return _maximise(enc, limit, by_range=semantics == "semi-stable")
    finally:
        enc.close()


def accepted(af: Framework, i: int, semantics: str, mode: str) -> bool:
    """Credulous or sceptical acceptance of argument number ``i``."""
    if semantics in ("semi-stable", "ideal"):
        exts, _ = extensions(af, semantics, None)
        if mode == "credulous":
            return any(i in e for e in exts)
        return all(i in e for e in exts)
    enc = _Encoding(af, stable=semantics == "stable")
    try:
        if mode == "credulous":
            return enc.solve([enc.in_(i)]) is not None
        if semantics in ("stable", "complete"):
            return enc.solve([-enc.in_(i)]) is None
        return _sceptical_preferred(enc, i)
    finally:
        enc.close()


def _enumerate(enc: _Encoding, limit: int | None) -> tuple[list[Ext], bool]:
    # Every complete labelling is fixed by its IN set, so blocking the IN set suffices.
    found: list[Ext] = []
    while True:
        lab = enc.solve([])
        if lab is None:
            return found, True
        ext = frozenset(a for a, v in enumerate(lab) if v == 1)
        found.append(ext)
        if limit is not None and len(found) >= limit:
            return found, False
        enc.solver.add_clause(
            [-enc.in_(a) if a in ext else enc.in_(a) for a in range(enc.n)] or [enc.fresh()]
        )
        if enc.n == 0:
            return found, True


def _grow(enc: _Encoding, lab: list[int], by_range: bool, base: list[int]) -> list[int]:
    # Ask for a strict superset of the IN set (or of the range) until there is none.
    while True:
        if by_range:
            chosen = [a for a, v in enumerate(lab) if v]
            others = [a for a, v in enumerate(lab) if not v]
            keep = [enc.in_(a) if lab[a] == 1 else enc.out(a) for a in chosen]
            grow = [lit for a in others for lit in (enc.in_(a), enc.out(a))]
        else:
            keep = [enc.in_(a) for a, v in enumerate(lab) if v == 1]
            grow = [enc.in_(a) for a, v in enumerate(lab) if v != 1]
        if not grow:
            return lab
        act = enc.fresh()
        enc.solver.add_clause([-act, *grow])
        bigger = enc.solve([*base, *(keep if not by_range else _range_lits(enc, chosen)), act])
        enc.solver.add_clause([-act])  # retire the temporary clause
        if bigger is None:
            return lab
        lab = bigger


def _range_lits(enc: _Encoding, chosen: list[int]) -> list[int]:
    # "a stays decided" is in(a) ∨ out(a): a clause, so it goes behind a fresh literal.
    lits = []
    for a in chosen:
        r = enc.fresh()
        enc.solver.add_clause([-r, enc.in_(a), enc.out(a)])
        lits.append(r)
    return lits


def _maximise(enc: _Encoding, limit: int | None, by_range: bool) -> tuple[list[Ext], bool]:
    found: list[Ext] = []
    seen: set[Ext] = set()
    while True:
        lab = enc.solve([])
        if lab is None:
            return found, True
        lab = _grow(enc, lab, by_range, [])
        if by_range:
            # All complete labellings with this maximal range are semi-stable.
            decided = [a for a, v in enumerate(lab) if v]
            undecided = [a for a, v in enumerate(lab) if not v]
            fix = [-enc.in_(a) for a in undecided] + [-enc.out(a) for a in undecided]
            fix += _range_lits(enc, decided)
            while (same := enc.solve(fix)) is not None:
                ext = frozenset(a for a, v in enumerate(same) if v == 1)
                if ext not in seen:
                    if limit is not None and len(found) >= limit:
                        return found, False  # a further one exists: not exhaustive
                    seen.add(ext)
                    found.append(ext)
                # block this IN set within this range
                act = enc.fresh()
                enc.solver.add_clause(
                    [-act, *(-enc.in_(a) if a in ext else enc.in_(a) for a in range(enc.n))]
                )
                fix.append(act)
            # No later labelling may have a range inside this one.
            enc.solver.add_clause([lit for a in undecided for lit in (enc.in_(a), enc.out(a))])
            if not undecided:
                return found, True
            continue
        ext = frozenset(a for a, v in enumerate(lab) if v == 1)
        found.append(ext)
        rest = [enc.in_(a) for a in range(enc.n) if a not in ext]
        if not rest:
            return found, True
        if limit is not None and len(found) >= limit:
            return found, False
        enc.solver.add_clause(rest)  # later extensions are not subsets of this one


def _sceptical_preferred(enc: _Encoding, i: int) -> bool:
    # Look for a preferred extension without i: grow complete labellings that leave i out
    # of IN; if the grown (preferred) one still leaves i out, i is not sceptically accepted.
    while True:
        lab = enc.solve([-enc.in_(i)])
        if lab is None:
            return True
        lab = _grow(enc, lab, False, [])
        if lab[i] != 1:
            return False
        rest = [enc.in_(a) for a in range(enc.n) if lab[a] != 1]
        if not rest:
            return True
        enc.solver.add_clause(rest)
