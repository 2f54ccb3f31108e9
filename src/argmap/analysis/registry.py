"""The semantics registry: every semantics argmap knows, what it answers and with what.

A Dung semantics (:class:`DungSemantics`) answers the four ICCMA tasks (enumerate the
extensions, give one, credulous and sceptical acceptance) through one or more back-ends: a
:class:`Solver` per back-end name (``"linear"`` for grounded, ``"python"`` search, ``"sat"``
with the ``sat`` extra). A gradual semantics (:class:`GradualSemantics`) answers strengths
through a combiner (:mod:`argmap.analysis.combiners`).

The dispatchers read this table and nothing else: :func:`argmap.analysis.extensions`,
:func:`~argmap.analysis.accepted` and :func:`~argmap.analysis.some_extension` find the
solver here, :func:`argmap.analysis.strengths` the combiner, and ``argmap af --problems``
lists :func:`problems`. Adding a semantics is therefore one module with its algorithm plus
one :func:`register` call (a built-in one: one entry of ``_BUILTIN`` below).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .._words import unknown_name
from . import sat, search
from .combiners import Combiner, dfquad, euler, quadratic_energy
from .framework import Framework
from .grounded import grounded
from .labelling import _IN

__all__ = [
    "DUNG_TASKS",
    "ICCMA_TASKS",
    "DungSemantics",
    "GradualSemantics",
    "Solver",
    "dung",
    "get",
    "gradual",
    "names",
    "problems",
    "register",
    "unregister",
]

Ext = frozenset[int]
#: A back-end's enumeration: ``(framework, limit)`` to extensions and "was that all of them".
ExtensionsFn = Callable[[Framework, "int | None"], tuple[list[Ext], bool]]
#: A back-end's acceptance test: ``(framework, argument number, mode)`` to yes or no.
AcceptedFn = Callable[[Framework, int, str], bool]

#: The tasks of a Dung semantics, each with its ICCMA code, in ICCMA's order.
ICCMA_TASKS = {"credulous": "DC", "sceptical": "DS", "some": "SE", "enumerate": "EE"}
DUNG_TASKS = frozenset(ICCMA_TASKS)


def _always() -> bool:
    return True


def _nothing() -> None:
    return None


@dataclass(frozen=True)
class Solver:
    """One back-end's way of answering one semantics.

    ``accepted`` may be None: acceptance is then read off the full enumeration. ``scales``
    marks a back-end worth choosing for large frameworks when ``backend="auto"``;
    ``available`` says whether its optional dependency is installed and ``require`` raises
    the error that names the extra when it is not.
    """

    extensions: ExtensionsFn
    accepted: AcceptedFn | None = None
    scales: bool = False
    available: Callable[[], bool] = _always
    require: Callable[[], None] = _nothing


@dataclass(frozen=True)
class DungSemantics:
    """A Dung semantics: its name, ICCMA abbreviation, what it answers and its back-ends.

    ``settled_by_grounded``: every extension contains the grounded one and excludes what
    grounded rejects, and there is always at least one, so acceptance of an argument that
    grounded decides needs no search (true of complete-based semantics, not of stable).
    ``sceptical_is_grounded``: sceptical acceptance is membership of the grounded extension.
    ``one``: an extension found without search, if the semantics has such a one.
    """

    name: str
    abbreviation: str
    summary: str
    backends: Mapping[str, Solver]
    answers: frozenset[str] = DUNG_TASKS
    settled_by_grounded: bool = True
    sceptical_is_grounded: bool = False
    one: Callable[[Framework], Ext] | None = None
    kind: str = field(default="dung", init=False)


@dataclass(frozen=True)
class GradualSemantics:
    """A gradual semantics: a strength in [0, 1] for every claim, from its combiner."""

    name: str
    summary: str
    combine: Combiner
    answers: frozenset[str] = frozenset({"strengths"})
    backends: tuple[str, ...] = ("numpy",)
    kind: str = field(default="gradual", init=False)


Semantics = DungSemantics | GradualSemantics
_REGISTRY: dict[str, Semantics] = {}


def register(semantics: Semantics) -> Semantics:
    """Add a semantics; its name (and a Dung one's ICCMA abbreviation) must be new.

    Examples
    --------
    >>> def everything(af, limit):  # a toy: the set of all arguments
    ...     return [frozenset(range(af.n))], True
    >>> toy = DungSemantics("toy", "TOY", "all arguments", {"python": Solver(everything)})
    >>> register(toy).name
    'toy'
    >>> "EE-TOY" in problems()
    True
    >>> unregister("toy")  # leave the table as it was
    """
    if semantics.name in _REGISTRY:
        raise ValueError(f"a semantics named {semantics.name!r} is already registered")
    if isinstance(semantics, DungSemantics):
        taken = {s.abbreviation for s in _REGISTRY.values() if isinstance(s, DungSemantics)}
        if semantics.abbreviation in taken:
            raise ValueError(f"the abbreviation {semantics.abbreviation!r} is already taken")
        if not semantics.backends:
            raise ValueError(f"semantics {semantics.name!r} has no back-end")
    _REGISTRY[semantics.name] = semantics
    return semantics


def unregister(name: str) -> None:
    """Remove a semantics added with :func:`register` (the built-in ones stay).

    Examples
    --------
    >>> unregister("grounded")
    Traceback (most recent call last):
    ...
    ValueError: 'grounded' is built in and cannot be removed
    """
    if any(s.name == name for s in _BUILTIN):
        raise ValueError(f"{name!r} is built in and cannot be removed")
    get(name)  # an UnknownNameError for a name never registered
    del _REGISTRY[name]


def names(kind: str | None = None) -> tuple[str, ...]:
    """Registered names in registration order, of one ``kind`` (``"dung"``, ``"gradual"``).

    Examples
    --------
    >>> names("dung")
    ('grounded', 'complete', 'preferred', 'stable', 'semi-stable', 'ideal')
    >>> names("gradual")
    ('dfquad', 'qe', 'euler')
    """
    return tuple(n for n, s in _REGISTRY.items() if kind is None or s.kind == kind)


def get(name: str) -> Semantics:
    """The semantics called ``name`` (an ``UnknownNameError`` listing the others if none).

    Examples
    --------
    >>> sorted(get("stable").answers)
    ['credulous', 'enumerate', 'sceptical', 'some']
    """
    try:
        return _REGISTRY[name]
    except (KeyError, TypeError):
        raise unknown_name("semantics", str(name), tuple(_REGISTRY)) from None


def dung(name: str) -> DungSemantics:
    """The Dung semantics called ``name``.

    Examples
    --------
    >>> sorted(dung("preferred").backends)
    ['python', 'sat']
    """
    found = _REGISTRY.get(name) if isinstance(name, str) else None
    if not isinstance(found, DungSemantics):
        raise unknown_name("semantics", str(name), names("dung"))
    return found


def gradual(name: str) -> GradualSemantics:
    """The gradual semantics called ``name``.

    Examples
    --------
    >>> gradual("dfquad").answers
    frozenset({'strengths'})
    """
    found = _REGISTRY.get(name) if isinstance(name, str) else None
    if not isinstance(found, GradualSemantics):
        raise unknown_name("gradual method", str(name), names("gradual"))
    return found


def problems() -> list[str]:
    """The ICCMA problems (``TASK-SEM``) the registered Dung semantics answer.

    Examples
    --------
    >>> problems()[:3]
    ['DC-GR', 'DC-CO', 'DC-PR']
    """
    dung_semantics = [s for s in _REGISTRY.values() if isinstance(s, DungSemantics)]
    return [
        f"{code}-{s.abbreviation}"
        for task, code in ICCMA_TASKS.items()
        for s in dung_semantics
        if task in s.answers
    ]


# -- the built-in semantics -----------------------------------------------------------------


def _grounded_extensions(af: Framework, limit: int | None) -> tuple[list[Ext], bool]:
    # The one grounded extension; a limit cannot cut a single answer short.
    return [_grounded_in(af)], True


def _grounded_in(af: Framework) -> Ext:
    return frozenset((grounded(af).codes == _IN).nonzero()[0].tolist())


def _grounded_accepted(af: Framework, i: int, mode: str) -> bool:
    return bool(grounded(af).codes[i] == _IN)


def _searched(name: str) -> dict[str, Solver]:
    """The python and SAT back-ends of a semantics both back-end modules know by name."""

    def by_search(af: Framework, limit: int | None) -> tuple[list[Ext], bool]:
        return search.extensions(af, name, limit)

    def by_sat(af: Framework, limit: int | None) -> tuple[list[Ext], bool]:
        return sat.extensions(af, name, limit)

    def search_accepts(af: Framework, i: int, mode: str) -> bool:
        return search.accepted(af, i, name, mode)

    def sat_accepts(af: Framework, i: int, mode: str) -> bool:
        return sat.accepted(af, i, name, mode)

    return {
        "python": Solver(by_search, search_accepts),
        "sat": Solver(by_sat, sat_accepts, True, sat.available, sat.require),
    }


_LINEAR = {"linear": Solver(_grounded_extensions, _grounded_accepted)}
_BUILTIN: tuple[Semantics, ...] = (
    DungSemantics(
        "grounded",
        "GR",
        "the least complete extension",
        _LINEAR,
        sceptical_is_grounded=True,
        one=_grounded_in,
    ),
    DungSemantics(
        "complete",
        "CO",
        "admissible sets that contain every argument they defend",
        _searched("complete"),
        sceptical_is_grounded=True,
        one=_grounded_in,
    ),
    DungSemantics("preferred", "PR", "maximal complete extensions", _searched("preferred")),
    DungSemantics(
        "stable",
        "ST",
        "conflict-free sets that attack every argument outside them",
        _searched("stable"),
        settled_by_grounded=False,
    ),
    DungSemantics(
        "semi-stable",
        "SST",
        "complete extensions whose range (members and what they attack) is maximal",
        _searched("semi-stable"),
    ),
    DungSemantics(
        "ideal",
        "ID",
        "the largest admissible set inside every preferred extension",
        _searched("ideal"),
    ),
    GradualSemantics("dfquad", "DF-QuAD (Rago, Toni, Aurisicchio & Baroni, 2016)", dfquad),
    GradualSemantics("qe", "quadratic energy (Potyka, 2018)", quadratic_energy),
    GradualSemantics("euler", "Euler-based (Amgoud & Ben-Naim, 2018)", euler),
)
for _semantics in _BUILTIN:
    register(_semantics)
