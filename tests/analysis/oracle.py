"""Brute-force Dung semantics straight from the definitions, for checking the engine.

Every subset of the arguments is tried, so this is only for frameworks of a dozen arguments.
"""

from __future__ import annotations

from itertools import combinations

Attacks = set[tuple[int, int]]
Ext = frozenset[int]


def subsets(n: int) -> list[Ext]:
    return [frozenset(c) for k in range(n + 1) for c in combinations(range(n), k)]


def conflict_free(s: Ext, att: Attacks) -> bool:
    return not any((a, b) in att for a in s for b in s)


def defends(s: Ext, a: int, n: int, att: Attacks) -> bool:
    # every attacker of a is attacked by some member of s
    return all(any((c, b) in att for c in s) for b in range(n) if (b, a) in att)


def admissible(s: Ext, n: int, att: Attacks) -> bool:
    return conflict_free(s, att) and all(defends(s, a, n, att) for a in s)


def complete(n: int, att: Attacks) -> list[Ext]:
    out = []
    for s in subsets(n):
        if admissible(s, n, att) and all(a in s for a in range(n) if defends(s, a, n, att)):
            out.append(s)
    return out


def grounded(n: int, att: Attacks) -> Ext:
    # the least complete extension
    return min(complete(n, att), key=len)


def preferred(n: int, att: Attacks) -> list[Ext]:
    adm = [s for s in subsets(n) if admissible(s, n, att)]
    return [s for s in adm if not any(s < t for t in adm)]


def stable(n: int, att: Attacks) -> list[Ext]:
    return [
        s
        for s in subsets(n)
        if conflict_free(s, att)
        and all(any((a, b) in att for a in s) for b in range(n) if b not in s)
    ]


def rng(s: Ext, n: int, att: Attacks) -> Ext:
    return s | {b for b in range(n) for a in s if (a, b) in att}


def semi_stable(n: int, att: Attacks) -> list[Ext]:
    comp = complete(n, att)
    return [s for s in comp if not any(rng(s, n, att) < rng(t, n, att) for t in comp)]


def ideal(n: int, att: Attacks) -> Ext:
    prefs = preferred(n, att)
    common = frozenset.intersection(*prefs)
    adm = [s for s in subsets(n) if s <= common and admissible(s, n, att)]
    return max(adm, key=len)


SEMANTICS = {
    "complete": complete,
    "preferred": preferred,
    "stable": stable,
    "semi-stable": semi_stable,
}
