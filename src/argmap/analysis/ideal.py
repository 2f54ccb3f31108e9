"""Ideal semantics from the preferred extensions, shared by every back-end.

The ideal extension is the largest admissible set inside every preferred extension; each
back-end finds the preferred extensions its own way and hands them here.
"""

from __future__ import annotations

from .framework import Framework

__all__ = ["ideal_from_preferred"]

Ext = frozenset[int]


def ideal_from_preferred(af: Framework, preferred: list[Ext]) -> Ext:
    """The largest admissible subset of the intersection of the preferred extensions.

    Shrinking ``S`` to the members it defends, until nothing changes, reaches it: every
    admissible subset survives each step, and the fixpoint defends itself.

    Examples
    --------
    >>> af = Framework.from_pairs([("a", "b"), ("b", "a"), ("c", "d")])
    >>> sorted(ideal_from_preferred(af, [frozenset({0, 2}), frozenset({1, 2})]))  # {a,c}, {b,c}
    [2]
    """
    current = set(frozenset.intersection(*preferred)) if preferred else set()
    att = af.in_lists()
    while True:
        attacked = {b for a in current for b in af.attacked_by(a).tolist()}
        keep = {a for a in current if all(b in attacked for b in att[a])}
        if keep == current:
            return frozenset(keep)
        current = keep
