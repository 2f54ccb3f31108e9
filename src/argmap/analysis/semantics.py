"""Dung semantics: grounded, complete, preferred, stable, semi-stable and ideal.

The entry points here dispatch through :mod:`argmap.analysis.registry`, which says for
each semantics what it answers and with which back-ends: ``"linear"`` (grounded, see
:mod:`argmap.analysis.grounded`), ``"python"``, a propagation-based search for small
frameworks that needs no extra package, and ``"sat"``, the standard complete-labelling
encoding solved with ``python-sat`` (``pip install argmap[sat]``), with iterative
maximisation for preferred and semi-stable. ``backend="auto"`` picks a back-end that scales
(SAT) when it is installed and the framework is beyond a few dozen undecided arguments;
every result records which back-end produced it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from . import registry
from .framework import Framework
from .grounded import grounded
from .labelling import _IN, _UNDEC, IN, OUT, UNDEC, Labelling
from .registry import DungSemantics

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

#: Dung semantics names accepted everywhere, with their ICCMA abbreviations (built-ins).
SEMANTICS = {name: registry.dung(name).abbreviation for name in registry.names("dung")}
#: Frameworks with at most this many arguments left undecided by grounded use the Python search.
PYTHON_LIMIT = 40
BACKENDS = ("auto", "python", "sat")


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
    sem = _semantics(semantics)
    chosen = _backend(af, sem, backend)
    found, exhaustive = sem.backends[chosen].extensions(af, limit)
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
    sem = _semantics(semantics)
    if sem.one is not None:
        names = af.names
        return frozenset(names[i] for i in sem.one(af)), "linear"
    result = extensions(af, semantics, limit=1, backend=backend)
    return (result.extensions[0] if result.extensions else None), result.backend


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
    sem = _semantics(semantics)
    if mode not in ("credulous", "sceptical"):
        raise ValueError("mode must be 'credulous' or 'sceptical'")
    i = af.index(argument)
    ground = grounded(af).codes[i]
    if mode == "sceptical" and sem.sceptical_is_grounded:
        return bool(ground == _IN), "linear"
    # Every extension then contains grounded and excludes what grounded rejects: these
    # answers need no search.
    if sem.settled_by_grounded and ground != _UNDEC:
        return bool(ground == _IN), "linear"
    chosen = _backend(af, sem, backend)
    solver = sem.backends[chosen]
    if solver.accepted is not None:
        return solver.accepted(af, i, mode), chosen
    found, _ = solver.extensions(af, None)
    pick = any if mode == "credulous" else all
    return pick(i in e for e in found), chosen


def _semantics(name: str) -> DungSemantics:
    try:
        return registry.dung(name)
    except ValueError as exc:  # an UnknownNameError; say it the way this API always has
        raise ValueError(
            f"unknown semantics {name!r}; choose from {', '.join(registry.names('dung'))}"
        ) from exc


def _backend(af: Framework, sem: DungSemantics, backend: str) -> str:
    """The back-end to use: the one asked for, or under ``"auto"`` the registry's choice."""
    if len(sem.backends) == 1:
        return next(iter(sem.backends))  # grounded's "linear" answers whatever was asked
    if backend not in BACKENDS:
        raise ValueError("backend must be 'auto', 'python' or 'sat'")
    if backend != "auto":
        if backend not in sem.backends:
            have = ", ".join(sem.backends)
            raise ValueError(f"{sem.name} has no {backend!r} back-end (it has {have})")
        sem.backends[backend].require()
        return backend
    first = next(iter(sem.backends))
    if int(np.count_nonzero(grounded(af).codes == _UNDEC)) <= PYTHON_LIMIT:
        return first
    for name, solver in sem.backends.items():
        if solver.scales and solver.available():
            return name
    return first


def _ext_key(e: frozenset[str]) -> list[str]:
    return sorted(e)
