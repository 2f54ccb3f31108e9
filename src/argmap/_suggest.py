"""Did-you-mean for many misspelt names at once, in bounded time.

:func:`difflib.get_close_matches` compares a name with every known one. Once per problem,
that made a file with 3,000 misspelt references against 3,000 claims take two minutes
(9 million comparisons). A :class:`Suggester` answers the same question for a whole map:

* a name that differs only in case or ``_``/``-`` is found by one lookup;
* in a small map a name is compared with every known one, as before;
* in a larger one only with its neighbours in two sorted lists of the known names, one
  sorted by the names and one by the names written backwards: a typo leaves either the
  start or the end of a name as it was, so the intended name sorts close by;
* all comparisons together stay under a budget, past which names get the lookup only;
* the same misspelling is looked up once.

So the time grows with the number of problems (and at most by the budget), never with
problems times names.
"""

from __future__ import annotations

import difflib
from bisect import bisect_left
from collections.abc import Iterable

__all__ = ["COMPARISON_BUDGET", "NEIGHBOURS", "SMALL", "Budget", "Suggester"]

#: Up to this many known names, every one is compared (the best match in the whole map).
SMALL = 200
#: In a larger map, the names this many places either side in each sorted list.
NEIGHBOURS = 6
#: Most name comparisons for one check of a map, all problems together (a tenth of a
#: second or so); past it, only matches up to case and ``_``/``-`` are offered.
COMPARISON_BUDGET = 5000


class Budget:
    """Comparisons left, shared by the suggesters of one check of a map."""

    def __init__(self, comparisons: int = COMPARISON_BUDGET) -> None:
        self.left = comparisons


class Suggester:
    """The known name a misspelt one most likely meant, or None.

    Examples
    --------
    >>> hint = Suggester(["stress", "sleep", "ban"])
    >>> hint("stres"), hint("Sleep"), hint("homework")
    ('stress', 'sleep', None)
    >>> many = Suggester([f"claim-{i:04d}" for i in range(5000)])
    >>> many("cliam-0042"), many("claim-0042x")
    ('claim-0042', 'claim-0042')
    """

    def __init__(self, known: Iterable[str], budget: Budget | None = None) -> None:
        self._known = sorted(set(known))  # sorted: the same answer whatever the input order
        self._budget = budget if budget is not None else Budget()
        self._cache: dict[str, str | None] = {}
        self._normal: dict[str, str] | None = None
        self._backwards: list[str] | None = None

    def __call__(self, name: str) -> str | None:
        if name not in self._cache:
            self._cache[name] = self._look_up(name)
        return self._cache[name]

    def _look_up(self, name: str) -> str | None:
        if self._normal is None:
            self._normal = {}
            for known in self._known:
                self._normal.setdefault(_normal(known), known)
        same = self._normal.get(_normal(name))
        if same is not None and same != name:
            return same
        if self._budget.left <= 0:
            return None
        candidates = self._known if len(self._known) <= SMALL else self._neighbours(name)
        candidates = candidates[: self._budget.left]
        self._budget.left -= len(candidates)
        return _closest(name, candidates)

    def _neighbours(self, name: str) -> list[str]:
        if self._backwards is None:
            self._backwards = sorted(k[::-1] for k in self._known)
        found = set(_around(self._known, name))
        found.update(k[::-1] for k in _around(self._backwards, name[::-1]))
        return sorted(found)


def _closest(name: str, candidates: list[str], cutoff: float = 0.6) -> str | None:
    """What ``difflib.get_close_matches(name, candidates, n=1)`` gives, with each ratio
    computed once (it computes the ratio of every match twice)."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(name)
    best: tuple[float, str] | None = None
    for candidate in candidates:
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
            continue
        score = matcher.ratio()
        if score >= cutoff and (best is None or (score, candidate) > best):
            best = (score, candidate)
    return None if best is None else best[1]


def _around(ordered: list[str], name: str) -> list[str]:
    at = bisect_left(ordered, name)
    return ordered[max(at - NEIGHBOURS, 0) : at + NEIGHBOURS]


def _normal(name: str) -> str:
    return name.casefold().replace("_", "-")
