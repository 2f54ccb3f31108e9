"""Which way a diagram runs when the user leaves it to argmap (``direction="auto"``).

The compact layout (:mod:`argmap.render.layout`) keeps a drawing between 2:1 and 1:2 by
choosing its levels, so a planned diagram keeps the house style, bottom to top (evidence
below, positions on top). Two kinds of view are drawn with Graphviz's own ranking instead:
those of :data:`~argmap.render.layout.PLAN_LIMIT` nodes or more whose plan would make too
many long links for ``dot`` to route in good time (:func:`long_links`; a list of hundreds
of reasons under one claim), and those of :data:`PLAN_MAX` or more. For the first kind,
:func:`choose_direction` estimates the drawing's shape each way, with one rank a step of
reasoning, and turns it right to left (positions on the left, read first) when that comes
out nearer square. The biggest maps keep bottom to top: their layout settings and
benchmarks are made for it, and they are read by zooming.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from .layout import Plan, Shape, acyclic, chain_depth

__all__ = ["LONG_LINKS", "PLAN_MAX", "choose_direction", "long_links"]

#: Views from :data:`~argmap.render.layout.PLAN_LIMIT` nodes up to this many are planned
#: when the plan's long links stay within :data:`LONG_LINKS` (the size-based settings for
#: big maps start here: ``backend.SIMPLEX_LIMIT``).
PLAN_MAX = 1000
#: Levels crossed by links that skip levels, summed: each is a virtual node ``dot`` places
#: and routes. A 500-claim map of the usual shape makes about 300 (1 s); 500 reasons of two
#: positions make 4,500 (10 s against 0.6 s by dot's own ranking).
LONG_LINKS = 2000
# dot's gaps without a plan (dot.py: nodesep 0.3, ranksep 0.45 inches), in points.
_NODE_GAP, _RANK_GAP = 21.6, 32.4


def long_links(plan: Plan, edges: Iterable[tuple[str, str]]) -> int:
    """The levels that links skip in ``plan``, summed over ``edges``.

    Examples
    --------
    >>> plan = Plan({"a": 0, "b": 1, "c": 3}, [], 0.0, 0.0)
    >>> long_links(plan, [("b", "a"), ("c", "a")])
    2
    """
    level = plan.level
    total = 0
    for tail, head in edges:
        if tail in level and head in level:
            total += max(0, abs(level[tail] - level[head]) - 1)
    return total


def choose_direction(shape: Shape) -> str:
    """``"BT"``, or ``"RL"`` when that draws ``shape`` (sizes as drawn bottom to top) with
    one rank a step of reasoning nearer square, by a quarter or more.

    Examples
    --------
    >>> names = ["p"] + [f"r{i}" for i in range(40)]  # one claim, forty reasons: wide
    >>> shape = Shape(names, dict.fromkeys(names, (150.0, 50.0)), [(n, "p") for n in names[1:]])
    >>> choose_direction(shape)
    'RL'
    >>> chain = Shape(names[:3], shape.size, [("r0", "p"), ("r1", "r0")])  # a short chain
    >>> choose_direction(chain)
    'BT'
    """
    rank = chain_depth(shape.order, acyclic(shape.order, shape.edges))
    across: dict[int, list[tuple[float, float]]] = {}
    for name in shape.order:
        across.setdefault(rank[name], []).append(shape.size[name])
    upright = _aspect(across.values(), turned=False)
    sideways = _aspect(across.values(), turned=True)
    if abs(math.log(sideways)) * 1.25 < abs(math.log(upright)):
        return "RL"
    return "BT"


def _aspect(ranks: Iterable[list[tuple[float, float]]], *, turned: bool) -> float:
    """Estimated width:height of a drawing with these ranks of (width, height) boxes."""
    breadth, length, count = 0.0, 0.0, 0
    for boxes in ranks:
        sizes = [(h, w) if turned else (w, h) for w, h in boxes]
        breadth = max(breadth, sum(b for b, _ in sizes) + _NODE_GAP * (len(sizes) - 1))
        length += max(n for _, n in sizes)
        count += 1
    length += _RANK_GAP * max(0, count - 1)
    breadth, length = max(breadth, 1.0), max(length, 1.0)
    return length / breadth if turned else breadth / length
