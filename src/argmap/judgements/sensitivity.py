"""The class's ratings as the base scores of the gradual semantics, and what they hinge on.

:func:`argmap.strengths` computes how strong each claim is from base scores — a claim's
``confidence``, a link's ``weight`` — and what supports and attacks it (DF-QuAD, quadratic
energy or Euler-based; see :mod:`argmap.analysis.gradual`). Here the class's mean rating of
each claim and link, rescaled to [0, 1] (the scale's low end 0, its high end 1), replaces the
map's own base score; items nobody rated keep the map's. Each position's strength is then
compared: from the map's confidences, and from the class's ratings.

**Sensitivity.** For each rated claim or link, the class's mean rating is moved by ``step``
rating points (1 by default: as if the class had rated it one point higher, then one point
lower; kept within the scale), everything else left as the class rated it, and each
position's strength recomputed. A position's *most sensitive* item is the one whose move
changes its strength most (either way); its ``effects`` list the largest changes first. The
position's own rating is left out: it moves the position directly, and the question is
which reason or objection the position hinges on.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from .._words import counted
from ..analysis.gradual import METHODS, QBAF, evaluate, to_qbaf
from ..errors import ArgmapError

if TYPE_CHECKING:
    from .stats import JudgementStats

__all__ = ["Effect", "PositionStrength", "StrengthComparison", "compare_strengths"]

#: How many effects each position lists.
EFFECTS_SHOWN = 5
#: Node evaluations the sensitivity may take (moves × claims and links): about ten seconds.
BUDGET = 20_000_000


@dataclass(frozen=True)
class Effect:
    """How much a position's strength changes if the class rates ``item`` one step higher
    (``up``) or lower (``down``)."""

    item: str
    kind: str
    up: float
    down: float

    @property
    def largest(self) -> float:
        """The bigger change of the two, with its sign."""
        return self.up if abs(self.up) >= abs(self.down) else self.down

    def to_dict(self, digits: int = 6) -> dict[str, Any]:
        return {
            "id": self.item,
            "kind": self.kind,
            "if_rated_higher": round(self.up, digits),
            "if_rated_lower": round(self.down, digits),
        }


@dataclass(frozen=True)
class PositionStrength:
    """A position's strength from the map's confidences and from the class's ratings."""

    id: str
    map_strength: float
    class_strength: float
    effects: list[Effect] = field(default_factory=list)

    @property
    def change(self) -> float:
        return self.class_strength - self.map_strength

    @property
    def most_sensitive(self) -> Effect | None:
        return self.effects[0] if self.effects else None

    def to_dict(self, digits: int = 6) -> dict[str, Any]:
        top = self.most_sensitive
        return {
            "id": self.id,
            "map_strength": round(self.map_strength, digits),
            "class_strength": round(self.class_strength, digits),
            "change": round(self.change, digits),
            "most_sensitive": None if top is None else top.item,
            "effects": [e.to_dict(digits) for e in self.effects],
        }


@dataclass(frozen=True)
class StrengthComparison:
    """Every position's strength both ways, under one gradual ``method``."""

    method: str
    step: float
    positions: list[PositionStrength]
    converged: bool
    #: Why no effects were computed (the map too large for the budget), or None.
    skipped: str | None = None

    def to_dict(self, digits: int = 6) -> dict[str, Any]:
        return {
            "method": self.method,
            "step": self.step,
            "converged": self.converged,
            "sensitivity_skipped": self.skipped,
            "positions": [p.to_dict(digits) for p in self.positions],
        }


def compare_strengths(
    j: JudgementStats, method: str = "dfquad", *, step: float = 1.0, budget: int | None = BUDGET
) -> StrengthComparison:
    """Each position's strength from the map and from the class, and what it hinges on.

    Only the rated items from which a link path leads to a position are moved (no other can
    change a position's strength). Each move is one evaluation of the whole map, so the work
    is about (items moved) × (claims and links); above ``budget`` of that (the default, about
    ten seconds) the effects are not computed and :attr:`StrengthComparison.skipped` says
    so. ``budget=None`` computes them whatever the size.

    Examples
    --------
    >>> import argmap
    >>> from argmap.judgements import ratings_from_rows
    >>> m = argmap.ArgumentMap()
    >>> m.claim("t", "Thesis.", kind="position", confidence=0.5)
    't'
    >>> m.claim("r", "Reason.", confidence=0.5)
    'r'
    >>> m.support("r", "t")
    's1'
    >>> j = argmap.judge(m, ratings_from_rows([("ann", "r", 4), ("bo", "r", 4)], m))
    >>> p = j.strengths("dfquad").positions[0]
    >>> p.map_strength, p.class_strength, p.most_sensitive.item
    (0.75, 1.0, 'r')
    """
    if method not in METHODS:
        raise ArgmapError(f"no gradual method {method!r} (choose from {', '.join(METHODS)})")
    if not step > 0:
        raise ArgmapError(
            f"the sensitivity step must be a positive number of rating points, not {step!r}"
        )
    m, scale = j.map, j.scale
    q = to_qbaf(m)
    class_base = q.base.copy()
    rated = np.flatnonzero(j.stats["n"] > 0)
    means = j.stats["mean"][rated]
    class_base[rated] = (means - scale.low) / scale.width
    map_values, ok_map, _ = evaluate(q, method)
    class_q = replace(q, base=class_base)
    class_values, ok_class, _ = evaluate(class_q, method)
    positions = _positions(j)
    index = {name: k for k, name in enumerate(q.names)}
    at = np.array([index[p] for p in positions], dtype=np.int64)
    shift = step / scale.width
    converged = ok_map and ok_class
    upstream = _ancestors(q, at)
    moved = [i for i in rated.tolist() if i in upstream]
    skipped = None
    if budget is not None and 2 * len(moved) * q.base.size > budget:
        skipped = (
            f"sensitivity not computed: moving {counted(len(moved), 'rating{|s}')} in a map of "
            f"{q.base.size} claims and links is {2 * len(moved)} evaluations of the whole map"
        )
        moved = []
    ups, downs = [], []
    for i in moved:
        deltas = []
        for sign in (1.0, -1.0):
            base = class_base.copy()
            base[i] = min(max(class_base[i] + sign * shift, 0.0), 1.0)
            values, ok, _ = evaluate(replace(q, base=base), method)
            converged = converged and ok
            deltas.append(values[at] - class_values[at])
        ups.append(deltas[0])
        downs.append(deltas[1])
    out = []
    for k, pid in enumerate(positions):
        effects = [
            Effect(q.names[i], j.ratings.items.kind(i), float(up[k]), float(down[k]))
            for i, up, down in zip(moved, ups, downs, strict=True)
            if i != at[k]  # a position's own rating moves it trivially: not what it hinges on
        ]
        effects.sort(key=lambda e: -abs(e.largest))  # stable: map order among ties
        effects = [e for e in effects if e.largest != 0.0][:EFFECTS_SHOWN]
        out.append(
            PositionStrength(pid, float(map_values[at[k]]), float(class_values[at[k]]), effects)
        )
    return StrengthComparison(method, float(step), out, converged, skipped)


def _ancestors(q: QBAF, targets: npt.NDArray[np.int64]) -> set[int]:
    """The nodes from which an edge path (or a premise of a link on one) reaches a target."""
    feeds: dict[int, list[int]] = {}
    for a, b in zip(q.src.tolist(), q.dst.tolist(), strict=True):
        feeds.setdefault(b, []).append(a)
    for link in np.flatnonzero(np.diff(q.prem_ptr) > 0).tolist():
        premises = q.prem_idx[q.prem_ptr[link] : q.prem_ptr[link + 1]].tolist()
        feeds.setdefault(link, []).extend(premises)
    seen = set(targets.tolist())
    stack = list(seen)
    while stack:
        for parent in feeds.get(stack.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                stack.append(parent)
    return seen


def _positions(j: JudgementStats) -> list[str]:
    """The map's positions; failing those, the claims no link leads from (its conclusions)."""
    m = j.map
    found = [c.id for c in m.claims if c.kind == "position"]
    if found:
        return found
    sources = {s for link in m.links for s in link.sources}
    return [c.id for c in m.claims if c.id not in sources]
