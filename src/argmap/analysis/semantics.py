"""Dung semantics: grounded, complete, preferred, stable, semi-stable and ideal.

Grounded runs in time linear in the attacks: a queue of arguments whose attackers are all
out (Modgil & Caminada's labelling algorithm with attacker counters), never repeated passes
of the characteristic function, which are quadratic on chains.

The other semantics search over complete labellings. Two back-ends answer the same
questions: ``"python"``, a propagation-based search for small frameworks that needs no extra
package, and ``"sat"``, the standard complete-labelling encoding solved with ``python-sat``
(``pip install argmap[sat]``), with iterative maximisation for preferred and semi-stable.
``backend="auto"`` picks SAT when it is installed and the framework is beyond a few dozen
undecided arguments; every result records which back-end produced it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .framework import Framework

__all__ = [
    "IN",
    "OUT",
    "SEMANTICS",
    "UNDEC",
    "Extensions",
    "Labelling",
    "accepted",
    "extensions",
    "grounded",
    "some_extension",
]

IN, OUT, UNDEC = "IN", "OUT", "UNDEC"
_IN, _OUT, _UNDEC = 1, 2, 0

#: Semantics names accepted everywhere, with their ICCMA abbreviations.
SEMANTICS = {
    "grounded": "GR",
    "complete": "CO",
    "preferred": "PR",
    "stable": "ST",
    "semi-stable": "SST",
    "ideal": "ID",
}
#: Frameworks with at most this many arguments left undecided by grounded use the Python search.
PYTHON_LIMIT = 40


class Labelling:
    """An IN/OUT/UNDEC labelling of a framework's arguments (codes kept as a ``uint8`` array).

    Examples
    --------
    >>> af = Framework.from_pairs([("a", "b"), ("b", "c")])
    >>> lab = grounded(af)
    >>> lab.as_dict()
    {'a': 'IN', 'b': 'OUT', 'c': 'IN'}
    >>> sorted(lab.extension())
    ['a', 'c']
    """

    __slots__ = ("codes", "framework")

    def __init__(self, framework: Framework, codes: npt.NDArray[np.uint8]) -> None:
        self.framework = framework
        self.codes = codes

    def label(self, argument: str) -> str:
        return _NAMES[int(self.codes[self.framework.index(argument)])]

    def extension(self) -> frozenset[str]:
        """The arguments labelled IN."""
        names = self.framework.names
        return frozenset(names[i] for i in np.flatnonzero(self.codes == _IN).tolist())

    def as_dict(self) -> dict[str, str]:
        return {
            a: _NAMES[c] for a, c in zip(self.framework.names, self.codes.tolist(), strict=False)
        }

    def counts(self) -> dict[str, int]:
        return {
            name: int(np.count_nonzero(self.codes == code))
            for code, name in ((_IN, IN), (_OUT, OUT), (_UNDEC, UNDEC))
        }

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Labelling):
            return NotImplemented
        return self.framework.names == other.framework.names and bool(
            np.array_equal(self.codes, other.codes)
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        c = self.counts()
        return f"<Labelling: {c[IN]} IN, {c[OUT]} OUT, {c[UNDEC]} UNDEC>"

    def _repr_markdown_(self) -> str:
        c = self.counts()
        head = f"Labelling: **{c[IN]}** IN, **{c[OUT]}** OUT, **{c[UNDEC]}** UNDEC"
        if self.framework.n > 200:
            return head
        rows = [f"| {a} | {lab} |" for a, lab in self.as_dict().items()]
        return "\n".join([head, "", "| argument | label |", "|---|---|", *rows])


_NAMES = {_IN: IN, _OUT: OUT, _UNDEC: UNDEC}


@dataclass(frozen=True)
class Extensions:
    """The extensions a semantics gives, and how they were found.

    ``exhaustive`` is False when the search stopped at ``limit``; ``backend`` is
    ``"linear"`` (grounded), ``"python"`` or ``"sat"``.
    """

    semantics: str
    extensions: tuple[frozenset[str], ...]
    backend: str
    exhaustive: bool

    def __len__(self) -> int:
        return len(self.extensions)

    def __iter__(self) -> Iterator[frozenset[str]]:
        return iter(self.extensions)

    def _repr_markdown_(self) -> str:
        more = "" if self.exhaustive else " (stopped at the limit)"
        rows = [f"- {{{', '.join(sorted(e))}}}" for e in self.extensions]
        extensions = "extension" if len(self) == 1 else "extensions"
        head = f"**{len(self)}** {self.semantics} {extensions}{more}, back-end `{self.backend}`"
        return "\n".join([head, "", *rows])


# -- grounded ------------------------------------------------------------------------------


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


# -- the general entry points ---------------------------------------------------------------


def extensions(
    af: Framework,
    semantics: str = "preferred",
    *,
    limit: int | None = None,
    backend: str = "auto",
) -> Extensions:
    """All extensions of ``af`` under ``semantics`` (at most ``limit`` of them).

    Examples
    --------
    >>> af = Framework.from_pairs([("a", "b"), ("b", "a"), ("b", "c")])
    >>> [sorted(e) for e in extensions(af, "preferred")]
    [['a', 'c'], ['b']]
    >>> [sorted(e) for e in extensions(af, "complete")]
    [[], ['a', 'c'], ['b']]
    >>> sorted(extensions(af, "ideal").extensions[0])
    []
    """
    _check(semantics)
    if semantics == "grounded":
        return Extensions(semantics, (grounded(af).extension(),), "linear", True)
    chosen = _backend(af, backend)
    if chosen == "sat":
        from . import sat

        found, exhaustive = sat.extensions(af, semantics, limit)
    else:
        from . import search

        found, exhaustive = search.extensions(af, semantics, limit)
    names = af.names
    exts = sorted((frozenset(names[i] for i in e) for e in found), key=_ext_key)
    return Extensions(semantics, tuple(exts), chosen, exhaustive)


def some_extension(
    af: Framework, semantics: str = "preferred", *, backend: str = "auto"
) -> tuple[frozenset[str] | None, str]:
    """One extension (``None`` if there is none, as for stable) and the back-end used.

    Examples
    --------
    >>> af = Framework.from_pairs([("a", "a")])
    >>> some_extension(af, "stable", backend="python")
    (None, 'python')
    """
    _check(semantics)
    if semantics in ("grounded", "complete"):
        return grounded(af).extension(), "linear"
    result = extensions(af, semantics, limit=1, backend=backend)
    if semantics == "ideal" or result.extensions:
        return (result.extensions[0] if result.extensions else None), result.backend
    return None, result.backend


def accepted(
    af: Framework,
    argument: str,
    semantics: str = "preferred",
    mode: str = "credulous",
    *,
    backend: str = "auto",
) -> tuple[bool, str]:
    """Is ``argument`` credulously (in some) or sceptically (in every) extension accepted?

    Returns the answer and the back-end used. With no stable extension, every argument is
    sceptically accepted under stable semantics and none credulously (ICCMA's convention).

    Examples
    --------
    >>> af = Framework.from_pairs([("a", "b"), ("b", "a"), ("b", "c")])
    >>> accepted(af, "c", "preferred", "credulous")[0]
    True
    >>> accepted(af, "c", "preferred", "sceptical")[0]
    False
    """
    _check(semantics)
    if mode not in ("credulous", "sceptical"):
        raise ValueError("mode must be 'credulous' or 'sceptical'")
    i = af.index(argument)
    ground = grounded(af)
    if semantics == "grounded" or (semantics == "complete" and mode == "sceptical"):
        return bool(ground.codes[i] == _IN), "linear"
    # Every complete extension contains grounded and excludes what grounded rejects; these
    # answers need no search (stable excepted: a framework may have no stable extension).
    if semantics != "stable":
        if ground.codes[i] == _IN:
            return True, "linear"
        if ground.codes[i] == _OUT:
            return False, "linear"
    chosen = _backend(af, backend)
    if chosen == "sat":
        from . import sat

        return sat.accepted(af, i, semantics, mode), chosen
    from . import search

    return search.accepted(af, i, semantics, mode), chosen


def _check(semantics: str) -> None:
    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; choose from {', '.join(SEMANTICS)}")


def _backend(af: Framework, backend: str) -> str:
    if backend not in ("auto", "python", "sat"):
        raise ValueError("backend must be 'auto', 'python' or 'sat'")
    if backend == "sat":
        from .sat import require

        require()
        return "sat"
    if backend == "python":
        return "python"
    undecided = int(np.count_nonzero(grounded(af).codes == _UNDEC))
    if undecided <= PYTHON_LIMIT:
        return "python"
    from .sat import available

    return "sat" if available() else "python"


def _ext_key(e: frozenset[str]) -> list[str]:
    return sorted(e)
