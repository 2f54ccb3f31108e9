"""A pure-Python search over complete labellings, for small frameworks.

Arguments that grounded semantics decides are fixed (every complete labelling agrees with
grounded on them); the rest are labelled by depth-first search with propagation: an IN
argument forces its attackers and targets OUT, an argument whose attackers are all decided
gets the only label they allow. Each leaf is a complete labelling. Preferred, stable,
semi-stable and ideal are filtered from them, so this is exponential in the worst case:
:mod:`argmap.analysis.sat` is the back-end for large frameworks.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from ..errors import ArgmapError
from .framework import Framework
from .grounded import grounded
from .ideal import ideal_from_preferred

__all__ = ["accepted", "complete_labellings", "extensions"]

_NONE, _IN, _OUT, _UNDEC = 0, 1, 2, 3
Ext = frozenset[int]


def complete_labellings(
    af: Framework, *, stable: bool = False, fixed: dict[int, int] | None = None
) -> Iterator[list[int]]:
    """Every complete labelling (codes 1 IN, 2 OUT, 3 UNDEC), optionally only stable ones.

    ``fixed`` pre-assigns labels (for acceptance queries).

    Examples
    --------
    >>> af = Framework.from_pairs([("a", "b"), ("b", "a")])
    >>> sorted(complete_labellings(af))
    [[1, 2], [2, 1], [3, 3]]
    """
    att, out = af.in_lists(), af.out_lists()
    ground = grounded(af).codes.tolist()
    lab = [(_IN if g == 1 else _OUT if g == 2 else _NONE) for g in ground]
    free = [a for a in range(af.n) if lab[a] == _NONE]
    if len(free) > sys.getrecursionlimit() - 100:
        raise ArgmapError(
            f"{len(free)} undecided arguments is too many for the Python search; "
            "install the SAT back-end: pip install 'argmap[sat]'"
        )
    trail: list[int] = []
    choices = (_IN, _OUT) if stable else (_IN, _OUT, _UNDEC)

    def status(a: int) -> tuple[int, int, int]:
        n_in = n_undec = n_none = 0
        for b in att[a]:
            lb = lab[b]
            if lb == _IN:
                n_in += 1
            elif lb == _UNDEC:
                n_undec += 1
            elif lb == _NONE:
                n_none += 1
        return n_in, n_undec, n_none

    def assign(a: int, value: int) -> bool:
        # Set a label and propagate; False on a contradiction (the trail lets us undo).
        queue = [(a, value)]
        while queue:
            x, v = queue.pop()
            if lab[x] != _NONE:
                if lab[x] != v:
                    return False
                continue
            if stable and v == _UNDEC:
                return False
            lab[x] = v
            trail.append(x)
            if v == _IN:
                queue.extend((b, _OUT) for b in att[x])
                queue.extend((b, _OUT) for b in out[x])
            for y in (x, *out[x]):
                n_in, n_undec, n_none = status(y)
                ly = lab[y]
                if ly == _IN:
                    if n_in or n_undec:
                        return False
                elif ly == _OUT:
                    if not n_in and not n_none:
                        return False
                elif ly == _UNDEC:
                    if n_in or (not n_undec and not n_none):
                        return False
                elif n_in:
                    queue.append((y, _OUT))
                elif not n_none:
                    queue.append((y, _UNDEC if n_undec else _IN))
        return True

    def undo(mark: int) -> None:
        while len(trail) > mark:
            lab[trail.pop()] = _NONE

    def search(k: int) -> Iterator[list[int]]:
        while k < len(free) and lab[free[k]] != _NONE:
            k += 1
        if k == len(free):
            yield list(lab)
            return
        for v in choices:
            mark = len(trail)
            if assign(free[k], v):
                yield from search(k + 1)
            undo(mark)

    for a, v in (fixed or {}).items():
        if not assign(a, v):
            return
    yield from search(0)


def extensions(af: Framework, semantics: str, limit: int | None) -> tuple[list[Ext], bool]:
    """Extensions as sets of argument numbers, and whether the list is complete."""
    if semantics == "stable":
        return _take((_ins(lab) for lab in complete_labellings(af, stable=True)), limit)
    labs = list(complete_labellings(af))
    if semantics == "complete":
        return _take((_ins(lab) for lab in labs), limit)
    if semantics == "semi-stable":
        ranges = [(frozenset(a for a, v in enumerate(lab) if v != _UNDEC), lab) for lab in labs]
        best = [lab for r, lab in ranges if not any(r < other for other, _ in ranges)]
        return _take(dict.fromkeys(_ins(lab) for lab in best), limit)
    preferred = _maximal([_ins(lab) for lab in labs])
    if semantics == "preferred":
        return _take(preferred, limit)
    if semantics == "ideal":
        return [ideal_from_preferred(af, preferred)], True
    raise ValueError(f"unknown semantics {semantics!r}")


def accepted(af: Framework, i: int, semantics: str, mode: str) -> bool:
    if mode == "credulous" and semantics in ("complete", "preferred", "stable"):
        # Credulous preferred = credulous complete: any admissible set grows to a preferred one.
        labs = complete_labellings(af, stable=semantics == "stable", fixed={i: _IN})
        return next(labs, None) is not None
    exts, _ = extensions(af, semantics, None)
    if mode == "credulous":
        return any(i in e for e in exts)
    return all(i in e for e in exts)


def _ins(lab: list[int]) -> Ext:
    return frozenset(a for a, v in enumerate(lab) if v == _IN)


def _maximal(sets: list[Ext]) -> list[Ext]:
    unique = list(dict.fromkeys(sets))
    return [s for s in unique if not any(s < t for t in unique)]


def _take(items: object, limit: int | None) -> tuple[list[Ext], bool]:
    out: list[Ext] = []
    for e in items:  # type: ignore[attr-defined]
        if limit is not None and len(out) >= limit:
            return out, False
        out.append(e)
    return out, True
