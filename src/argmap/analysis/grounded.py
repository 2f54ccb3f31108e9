"""Grounded semantics, in time linear in arguments plus attacks.

A queue of arguments whose attackers are all out (Modgil & Caminada's labelling algorithm
with attacker counters), never repeated passes of the characteristic function, which are
quadratic on chains. Every other semantics builds on it (the search back-ends fix what
grounded decides; acceptance queries answer from it when they can), so it sits in a module
of its own below them.
"""

from __future__ import annotations

import numpy as np

from .framework import Framework
from .labelling import _IN, _OUT, Labelling

__all__ = ["grounded"]


def grounded(af: Framework) -> Labelling:
    """The grounded labelling, in time linear in arguments plus attacks.

    An argument is IN once every attacker is OUT, and OUT once some attacker is IN; a queue
    holds the arguments whose count of not-yet-OUT attackers has dropped to zero.

    Examples
    --------
    >>> af = Framework.from_pairs([("a", "b"), ("b", "a"), ("c", "d")])
    >>> grounded(af).as_dict()
    {'a': 'UNDEC', 'b': 'UNDEC', 'c': 'IN', 'd': 'OUT'}
    """
    in_ptr, _, out_ptr, out_dst = af.csr()
    n = af.n
    remaining = np.diff(in_ptr).tolist()  # attackers not yet OUT (duplicates counted)
    optr, odst = out_ptr.tolist(), out_dst.tolist()
    label = bytearray(n)
    queue = np.flatnonzero(np.diff(in_ptr) == 0).tolist()
    for a in queue:  # the list grows while we walk it: a FIFO without pops
        label[a] = _IN
        for b in odst[optr[a] : optr[a + 1]]:
            if label[b]:
                continue  # already OUT (an IN argument is never attacked by an IN one)
            label[b] = _OUT
            for c in odst[optr[b] : optr[b + 1]]:
                remaining[c] -= 1
                if remaining[c] == 0 and not label[c]:
                    queue.append(c)
    return Labelling(af, np.frombuffer(bytes(label), dtype=np.uint8).copy())
